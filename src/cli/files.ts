/**
 * The CLI's file rules: an output never names an input (any path, symlink, hard link or casing), its
 * folder exists, and it is written to a temporary file beside it and renamed, so a crash never leaves a
 * half-written file. Inputs are only read.
 */
import * as fs from "fs";
import * as path from "path";
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

/** Refuse an output that would overwrite an input, or that cannot be written (exit 2). */
export function checkOutputPath(out: string, inputs: readonly string[]): void {
  for (const input of inputs) if (isSameFile(input, out)) throw new CliError(summarizeCliText.sameFile(out));
  const outDir = path.dirname(path.resolve(out));
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new CliError(summarizeCliText.outDirMissing(outDir));
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(summarizeCliText.notAFile(out));
}

/** Write bytes to `out` through a temporary file in the same directory and a rename. */
export function writeFileAtomic(out: string, bytes: Uint8Array): void {
  const outAbs = path.resolve(out);
  const dir = path.dirname(outAbs);
  const tmp = path.join(dir, `.${path.basename(outAbs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx");
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, outAbs);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw new CliError(summarizeCliText.writeFailed(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message), 2, { cause: e });
  }
}
