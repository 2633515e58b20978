/**
 * `phuluc summarize FILE -o OUT [--as-of YYYY-MM-DD]`: writes a copy of FILE with the summary sheets.
 * FILE is only read. OUT is written to a temporary file beside it and then renamed, so a crash never
 * leaves a half-written OUT. OUT naming the same file as FILE (any path, symlink, hard link or, on
 * case-insensitive disks, casing) is refused with exit 2.
 */
import * as fs from "fs";
import * as path from "path";
import { summarizeCliText } from "../i18n/summary";
import { XlsxReadError } from "../xlsx/detect";
import { readFileBytes } from "../xlsx/read-file";
import { summarizeXlsxBytes, type AnalyzeFn, type SummarizeBytesResult } from "../xlsx/summary-run";
import type { ParsedArgs } from "./args";
import { CliError, type CliIO } from "./io";
import { reportFailure } from "./main";

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
    throw new CliError(summarizeCliText.writeFailed(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
}

export interface SummarizeFileOptions {
  asOf: string;
  analyze?: AnalyzeFn;
}

/** FILE → OUT with the summary. Throws CliError / XlsxReadError (exit 2) on usage or file problems. */
export async function summarizeFile(file: string, out: string, options: SummarizeFileOptions): Promise<SummarizeBytesResult> {
  if (!out) throw new CliError(summarizeCliText.missingOut);
  if (isSameFile(file, out)) throw new CliError(summarizeCliText.sameFile(out));
  const outDir = path.dirname(path.resolve(out));
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new CliError(summarizeCliText.outDirMissing(outDir));
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(summarizeCliText.notAFile(out));
  const bytes = readFileBytes(file);
  let result: SummarizeBytesResult;
  try {
    result = await summarizeXlsxBytes(bytes, { asOf: options.asOf, fileName: file, analyze: options.analyze });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new CliError(summarizeCliText.summarizeFailed(e instanceof Error ? e.message : String(e)));
  }
  writeFileAtomic(out, result.bytes);
  return result;
}

export async function summarizeCommand(args: ParsedArgs, io: CliIO, analyzeFn?: AnalyzeFn): Promise<number> {
  try {
    if (!args.file) throw new CliError(summarizeCliText.missingFile);
    const r = await summarizeFile(args.file, args.out ?? "", { asOf: args.asOf, analyze: analyzeFn });
    if (r.settingsWarning) io.stderr(`phuluc: ${r.settingsWarning}\n`);
    if (r.result.replaced.length) io.stdout(summarizeCliText.replaced(r.result.replaced));
    io.stdout(summarizeCliText.done(args.out ?? "", r.result.sheetNames));
    return 0;
  } catch (e) {
    return reportFailure(e, io);
  }
}
