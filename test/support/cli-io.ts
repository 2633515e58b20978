/** A CliIO that keeps what a command printed, for tests that run `main()` in process. */
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

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

/** `phuluc …` in process: the exit code and what it printed. */
export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}
