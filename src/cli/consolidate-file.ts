/**
 * Reading one commune's file from disk for `phuluc consolidate` (in a worker thread, or in process): bounded
 * before anything is parsed — its size, and its first bytes, so a video or a PDF in the folder is named
 * "not a workbook" without being read whole — then read and checked. A file that changes while it is read
 * (still being copied in) is read once more after a pause; if it changes again, it is left out with that
 * reason. Never throws: every failure is a skipped file with its reason.
 */
import * as fs from "fs";
import type { FileFacts, FileRead } from "../core/consolidate/reads";
import { todayIso } from "../core/dates";
import { readCommune } from "../app/use-cases/consolidate-read";
import { HEAD_BYTES, MAX_COMMUNE_FILE_BYTES, notWorkbookOf, openCommuneWorkbook, readFailureOf } from "../xlsx/commune-file";
import "../xlsx/read-file"; // Node's zlib inflates the parts (as in every CLI command)

/** The pause before reading again a file that changed while it was read. */
const REREAD_PAUSE_MS = 300;

/** A file to read: where it is, and how the city's documents name it. */
export interface Target {
  path: string;
  file: string;
}

/** The few file operations reading needs (a test gives a file that changes under the reader). */
export interface FileAccess {
  stat(path: string): { size: number; mtimeMs: number; isFile: boolean };
  readHead(path: string, bytes: number): Uint8Array;
  readAll(path: string): Uint8Array;
}

export const nodeFileAccess: FileAccess = {
  stat(p) {
    const s = fs.statSync(p);
    return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile() };
  },
  readHead(p, bytes) {
    const fd = fs.openSync(p, "r");
    try {
      const buf = Buffer.alloc(bytes);
      const n = fs.readSync(fd, buf, 0, bytes, 0);
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  },
  readAll: (p) => fs.readFileSync(p),
};

type Skip = Extract<FileRead, { kind: "skipped" }>;
const skip = (file: string, reason: Skip["reason"], code?: string): Skip => ({ kind: "skipped", file, reason, ...(code ? { code } : {}) });

/** The bytes of the file as one unchanged version of it, or why not. */
async function stableBytes(t: Target, access: FileAccess): Promise<{ bytes: Uint8Array; mtimeMs: number } | Skip> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, REREAD_PAUSE_MS));
    const before = access.stat(t.path);
    if (!before.isFile) return skip(t.file, "unreadable", "not_a_file");
    const not = notWorkbookOf(before.size, before.size > MAX_COMMUNE_FILE_BYTES ? new Uint8Array(0) : access.readHead(t.path, HEAD_BYTES));
    if (not) return skip(t.file, not.reason, not.code);
    const bytes = access.readAll(t.path);
    const after = access.stat(t.path);
    if (after.size === before.size && after.mtimeMs === before.mtimeMs && bytes.length === before.size)
      return { bytes, mtimeMs: after.mtimeMs };
  }
  return skip(t.file, "changed_while_read");
}

export async function readCommuneFile(t: Target, asOf: string, access: FileAccess = nodeFileAccess): Promise<FileRead> {
  let got: Awaited<ReturnType<typeof stableBytes>>;
  try {
    got = await stableBytes(t, access);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return skip(t.file, "unreadable", code === "ENOENT" ? "not_found" : "unreadable");
  }
  if ("kind" in got) return got;
  const { bytes, mtimeMs } = got;
  const facts: FileFacts = { file: t.file, modified: mtimeMs, modifiedDate: todayIso(new Date(mtimeMs)) };
  return readCommune(facts, asOf, { open: () => openCommuneWorkbook(bytes, t.file), failureOf: readFailureOf });
}
