/**
 * The CLI's file rules: an output never names an input (any path, symlink, hard link or casing), nor a
 * symlink or anything but a regular file; its folder exists; and it is written to a temporary file beside
 * it — every byte counted, synced to disk — then renamed, so a crash or a full disk never leaves a
 * half-written file at the output path. Inputs are only read.
 */
import * as fs from "fs";
import * as path from "path";
import { cliTexts } from "../i18n/cli";
import { summarizeCliText } from "../i18n/summary";
import { CliError } from "./io";

/** True when `out` names the file `input` (same device and inode, or the same real path). */
export function isSameFile(input: string, out: string): boolean {
  const inAbs = path.resolve(input);
  const outAbs = path.resolve(out);
  if (inAbs === outAbs) return true;
  let inStat: fs.Stats;
  try {
    inStat = fs.statSync(inAbs);
  } catch {
    return false;
  }
  try {
    const outStat = fs.statSync(outAbs);
    if (outStat.dev === inStat.dev && outStat.ino === inStat.ino) return true;
  } catch {
    /* OUT does not exist yet: compare real paths of the directories */
  }
  try {
    const inReal = fs.realpathSync(inAbs);
    const outReal = path.join(fs.realpathSync(path.dirname(outAbs)), path.basename(outAbs));
    return inReal === outReal;
  } catch {
    return false;
  }
}

/**
 * Refuse an output that would overwrite an input, or that cannot be written as a plain file (exit 2):
 * a symlink (renaming over it would replace the link, or through `-o /dev/stdout` a device), a device,
 * a pipe or a directory.
 */
export function checkOutputPath(out: string, inputs: readonly string[]): void {
  for (const input of inputs) if (isSameFile(input, out)) throw new CliError(summarizeCliText.sameFile(out));
  const outDir = path.dirname(path.resolve(out));
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new CliError(summarizeCliText.outDirMissing(outDir));
  let st: fs.Stats;
  try {
    st = fs.lstatSync(out);
  } catch {
    return; // not there yet: the usual case
  }
  if (st.isDirectory()) throw new CliError(summarizeCliText.notAFile(out));
  if (!st.isFile()) throw new CliError(cliTexts.outNotRegular(out));
}

/** The file operations the atomic writer uses (tests pass ones that fail like a full disk). */
export type WriteOps = Pick<typeof fs, "openSync" | "writeSync" | "fsyncSync" | "closeSync" | "renameSync" | "unlinkSync">;

const DISK_FULL = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);

/** Write every byte to `fd`, however many calls it takes; a call that writes nothing is a full disk. */
function writeAll(ops: WriteOps, fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    const n = ops.writeSync(fd, bytes, done, bytes.length - done);
    if (!(n > 0)) throw Object.assign(new Error("no bytes written"), { code: "ENOSPC" });
    done += n;
  }
}

/** Sync the folder so the rename itself is on disk (best effort: some systems cannot open a folder). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Write bytes to `out` through a temporary file in the same directory, synced, then renamed. On any
 * failure the temporary file is removed, nothing appears at `out` (an older file there stays as it
 * was), and the error is one line: a full disk or quota says so.
 */
export function writeFileAtomic(out: string, bytes: Uint8Array, ops: WriteOps = fs): void {
  const outAbs = path.resolve(out);
  const dir = path.dirname(outAbs);
  const tmp = path.join(dir, `.${path.basename(outAbs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, "wx");
    writeAll(ops, fd, bytes);
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    ops.renameSync(tmp, outAbs);
    syncFolder(dir);
  } catch (e) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      ops.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    if (DISK_FULL.has(code)) throw new CliError(cliTexts.diskFull(out, code), 2, { cause: e });
    throw new CliError(summarizeCliText.writeFailed(out, code), 2, { cause: e });
  }
}
