/**
 * One commune's workbook among many (phuluc consolidate), opened from its bytes only to be read: a damaged
 * sheet is skipped and named (the rest is read), and a file that is not a workbook says why, as the reason
 * the city's list of files gives. No Node API (the CLI's workers and the web app use it alike).
 */
import type { SkipReason } from "../core/consolidate/reads";
import type { WorkbookPort } from "../core/port";
import { detectFileKind, XlsxReadError } from "./detect";
import { XlsxWorkbookPort } from "./port";

/** Larger files are left out (too_large): a commune's plan is a few hundred kilobytes. */
export const MAX_COMMUNE_FILE_BYTES = 200 * 1024 * 1024;
/** Bytes looked at to tell a workbook from anything else. */
export const HEAD_BYTES = 4096;

/**
 * Why a file of this size and these first bytes is not a workbook to read (too large, not a zip: a text,
 * an old .xls, an empty file…), or null when it may be one. Cheap: a video or a PDF in the folder is named
 * without being read whole.
 */
export function notWorkbookOf(size: number, head: Uint8Array): { reason: SkipReason; code?: string } | null {
  if (size > MAX_COMMUNE_FILE_BYTES) return { reason: "too_large" };
  const kind = detectFileKind(head);
  if (kind === "empty" || kind === "cfb" || kind === "text") return { reason: "not_workbook", code: kind };
  return kind === "zip" ? null : { reason: "not_workbook", code: "not_zip" };
}

export interface OpenedCommuneWorkbook {
  port: WorkbookPort;
  /** Sheets left out because their XML is damaged (known once the sheets are read). */
  damagedSheets: () => readonly string[];
}

export async function openCommuneWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedCommuneWorkbook> {
  const port = await XlsxWorkbookPort.fromBytes(bytes, fileName, { readOnly: true });
  return { port, damagedSheets: () => port.skippedSheets };
}

const NOT_WORKBOOK = new Set(["empty", "cfb", "text", "not_zip", "not_xlsx", "xlsb", "ods", "docx"]);

/** Why a workbook could not be read, as a skip reason with the reader's code; null for an error that is not the reader's. */
export function readFailureOf(e: unknown): { reason: SkipReason; code: string } | null {
  if (!(e instanceof XlsxReadError)) return null;
  if (NOT_WORKBOOK.has(e.code)) return { reason: "not_workbook", code: e.code };
  return { reason: e.code === "corrupt" ? "damaged" : "unreadable", code: e.code };
}
