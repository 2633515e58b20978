/**
 * One commune's workbook among many (phuluc consolidate), opened from its bytes only to be read: a damaged
 * sheet is skipped and named (the rest is read), and a file that is not a workbook says why, as the reason
 * the city's list of files gives. No Node API (the CLI's workers and the web app use it alike).
 */
import type { SkipReason } from "../core/consolidate/reads";
import type { WorkbookPort } from "../core/port";
import { XlsxReadError } from "./detect";
import { XlsxWorkbookPort } from "./port";

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
