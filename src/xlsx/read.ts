/**
 * Reading .xlsx workbooks into Grids through the package layer (streaming, no ExcelJS). No Node API
 * here (the task pane's preview mode uses the same code in the browser); file access lives in
 * read-file.ts.
 */
import type { Grid } from "../core/grid";
import type { ReadProgress } from "../core/port";
import type { Store } from "../core/store";
import { isTooLarge, readErrorOf, XlsxReadError } from "./detect";
import { productSheetNames, readStore, readStoreFile } from "./store";
import { XlsxWorkbook, type WorkbookSheet } from "./workbook";

export { XlsxReadError } from "./detect";
export { DEFAULT_DATE_FORMAT } from "./sheet-reader";

export interface LoadOptions {
  /**
   * Only read (the CLI's check): a worksheet whose XML is damaged is skipped and named, the others are
   * still read. Without it such a file is refused, so nothing saves a copy built from part of it.
   */
  readOnly?: boolean;
}

export interface ReadGridsOptions extends LoadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** The workbook's store if already read (avoids reading it twice). */
  store?: Store;
}

/** Open a workbook from bytes; throws XlsxReadError with a Vietnamese message when it is not an .xlsx. */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer, fileName = "tệp"): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(data, fileName);
}

/** The worksheets holding user data: every worksheet except the store and the product's summaries. */
export function userSheets(wb: XlsxWorkbook, store?: Store): WorkbookSheet[] {
  // Only the store's list of phuluc's sheets is needed here, not its snapshots or merges.
  const skip = productSheetNames(store ?? readStoreFile(wb, ["sheets"]).store);
  return wb.sheets().filter((s) => s.kind === "worksheet" && !skip.has(s.name));
}

/**
 * One user sheet as a Grid, or null when it is damaged and may be skipped (a read-only run: the others are
 * still read). A damaged package, a sheet too large, or damage in a workbook to be written: XlsxReadError.
 */
export function readUserGrid(wb: XlsxWorkbook, ws: WorkbookSheet, readOnly: boolean): Grid | null {
  try {
    return wb.readGrid(ws);
  } catch (cause) {
    if (cause instanceof XlsxReadError || !readOnly || isTooLarge(cause)) throw readErrorOf(cause, wb.fileName);
    return null;
  }
}

/** Every user sheet as a Grid, in workbook order, with progress per sheet. Throws XlsxReadError. */
export function readGrids(wb: XlsxWorkbook, options: ReadGridsOptions = {}): { grids: Grid[]; skippedSheets: string[] } {
  const sheets = userSheets(wb, options.store);
  const grids: Grid[] = [];
  const skippedSheets: string[] = [];
  sheets.forEach((ws, i) => {
    const grid = readUserGrid(wb, ws, !!options.readOnly);
    if (grid) grids.push(grid);
    else skippedSheets.push(ws.name);
    options.onProgress?.({ done: i + 1, total: sheets.length, sheet: ws.name });
  });
  return { grids, skippedSheets };
}

/** Bytes → grids + the store, in one call. */
export async function readXlsxBytes(
  data: Uint8Array | ArrayBuffer,
  fileName?: string,
  options: ReadGridsOptions = {},
): Promise<{ workbook: XlsxWorkbook; grids: Grid[]; store: Store; storeCorrupt: boolean; skippedSheets: string[] }> {
  const workbook = await loadWorkbook(data, fileName);
  const { store, corrupt } = readStore(workbook);
  const { grids, skippedSheets } = readGrids(workbook, { ...options, store });
  return { workbook, grids, store, storeCorrupt: corrupt, skippedSheets };
}
