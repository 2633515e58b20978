/**
 * What a CLI command may touch besides the file system: its output streams. Injected for tests.
 *
 * The process's streams are written synchronously, a block at a time, straight to file descriptors 1
 * and 2: a 78 MB JSON report goes out as it is made (a slow pipe makes phuluc wait, never buffer), and a
 * reader that goes away (`phuluc check --json | head`) ends the output quietly instead of with Node's
 * EPIPE stack trace — the command itself still finishes (a copy asked for with -o is still written).
 */
import * as fs from "fs";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The streams under a visibleIO: for the door's own drawing (a progress bar), never for user text. */
  raw?: CliIO;
}

/**
 * Characters a terminal acts on instead of showing — C0 controls other than tab and line feed (ESC
 * among them: `_x001B_[2J` in a cell would clear the screen), DEL, C1 controls, and the bidirectional
 * overrides that reorder what is shown.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with those characters shown as visible escapes (`\u001B`). The same escape is valid JSON inside a
 * string, so JSON output stays the same data (JSON.stringify already escapes C0 controls).
 */
export function visibleControls(text: string): string {
  TERMINAL_CONTROLS.lastIndex = 0;
  if (!TERMINAL_CONTROLS.test(text)) return text;
  return text.replace(TERMINAL_CONTROLS, (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"));
}

/** An IO whose every line goes through visibleControls (the CLI's only way out to a terminal). */
export function visibleIO(io: CliIO): CliIO {
  return { stdout: (t) => io.stdout(visibleControls(t)), stderr: (t) => io.stderr(visibleControls(t)), raw: io.raw ?? io };
}

let waitCell: Int32Array | null = null;
/** Sleep a few milliseconds without spinning (a pipe that is full: its reader is behind). */
function pause(ms: number): void {
  waitCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(waitCell, 0, 0, ms);
}

/** Characters encoded at a time into the one scratch buffer (three bytes each at most: it holds them). */
const SLICE_CHARS = 256 * 1024;
let scratch: Buffer | null = null;

/**
 * Write all of `text` to `fd` before returning, a slice at a time through one reused buffer (no new
 * buffer per block: 78 MB of JSON would leave as much behind for the collector). Returns false when the
 * reader is gone (EPIPE): nothing more should be written there.
 */
export function writeAllSync(fd: number, text: string, write: typeof fs.writeSync = fs.writeSync): boolean {
  const buf = (scratch ??= Buffer.allocUnsafe(SLICE_CHARS * 3));
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + SLICE_CHARS);
    // Never split a surrogate pair between two slices.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    const n = buf.write(text.slice(at, end), 0, "utf8");
    if (!writeBytes(fd, buf, n, write)) return false;
    at = end;
  }
  return true;
}

/** The first `n` bytes of `buf`, however many calls it takes; false when the reader is gone. */
function writeBytes(fd: number, buf: Buffer, n: number, write: typeof fs.writeSync): boolean {
  let done = 0;
  while (done < n) {
    try {
      done += write(fd, buf, done, n - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") pause(2);
      else if (code === "EPIPE") return false;
      else throw e;
    }
  }
  return true;
}

/** A stream that stops being written once its reader is gone. */
function fdWriter(fd: number): (text: string) => void {
  let open = true;
  return (text) => {
    if (!open) return;
    try {
      open = writeAllSync(fd, text);
    } catch {
      // A stream that cannot be written at all (closed, EBADF): the command goes on without it.
      open = false;
    }
  };
}

export const processIO: CliIO = { stdout: fdWriter(1), stderr: fdWriter(2) };

/**
 * A usage or file problem: printed as one line on stderr, exit code 2, never a stack trace. The same class
 * as the app's UsageError, so a command's option or input that cannot be right is one too.
 */
export { UsageError as CliError } from "../app/command";
