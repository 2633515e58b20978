/** A CliIO that keeps what a command printed, for tests that run `main()` in process. */
import type { CliIO } from "../../src/cli/io";

export function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}
