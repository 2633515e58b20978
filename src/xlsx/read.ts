/**
 * Reading .xlsx workbooks with ExcelJS into Grids. No Node API here (the task pane's preview mode uses
 * the same code in the browser); file access lives in read-file.ts.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergeArea, SheetVisibility } from "../core/grid";
import type { ReadProgress } from "../core/port";
import type { Store } from "../core/store";
import { convertValue } from "./cell-value";
import { assertXlsxBytes, XlsxReadError } from "./detect";
import { sparseToDense, trimRow, type SparseRow } from "./sparse";
import { productSheetNames, readStore } from "./store";

export { XlsxReadError } from "./detect";

/** Default format for a date cell without one (Vietnamese day-first). */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

// ExcelJS ValueType.Merge (a merged cell other than the top-left one).
const MERGE_TYPE = 1;

/** Load a workbook from bytes; throws XlsxReadError with a Vietnamese message when it is not an .xlsx. */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer, fileName = "tệp"): Promise<ExcelJS.Workbook> {
  const bytes = assertXlsxBytes(data, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as any);
  } catch {
    throw new XlsxReadError("corrupt", fileName);
  }
  return wb;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  const s = ws.state as string;
  return s === "hidden" || s === "veryHidden" ? s : "visible";
}

function mergesOf(ws: ExcelJS.Worksheet): MergeArea[] {
  const out: MergeArea[] = [];
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (!merges) return out;
  for (const key of Object.keys(merges)) {
    const m = merges[key];
    if (m) out.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

function formatOf(cell: ExcelJS.Cell): string | null {
  const f = cell.numFmt;
  return typeof f === "string" && f !== "" && f !== "General" ? f : null;
}

/** One worksheet → Grid (origin A1; trailing empty rows/columns trimmed; merges absolute). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: SparseRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    let formats: (string | null)[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if ((cell.type as number) === MERGE_TYPE) return;
      const { value, isDate } = convertValue(cell.value);
      if (value === null) return;
      while (values.length < col - 1) values.push(null);
      values[col - 1] = value;
      if (typeof value === "number") {
        const fmt = formatOf(cell) ?? (isDate ? DEFAULT_DATE_FORMAT : null);
        if (fmt) {
          if (!formats) formats = [];
          while (formats.length < col - 1) formats.push(null);
          formats[col - 1] = fmt;
        }
      }
    });
    const trimmed = trimRow(values, formats);
    if (trimmed) rows.push({ row: rowNumber, values: trimmed, formats });
  });
  rows.sort((a, b) => a.row - b.row);
  const dense = sparseToDense(rows);
  return {
    name: ws.name,
    visibility: visibilityOf(ws),
    origin: { row: 1, col: 1 },
    values: dense.values,
    numberFormats: dense.numberFormats,
    merges: mergesOf(ws),
  };
}

export interface ReadGridsOptions {
  onProgress?: (p: ReadProgress) => void;
  /** The workbook's store if already read (avoids reading it twice). */
  store?: Store;
}

/** The worksheets holding user data: everything except the store sheet and the product's summaries. */
export function userWorksheets(wb: ExcelJS.Workbook, store?: Store): ExcelJS.Worksheet[] {
  const skip = productSheetNames(wb, store);
  return wb.worksheets.filter((ws) => !skip.has(ws.name));
}

/** Every user sheet as a Grid, in workbook order, with progress per sheet. */
export function readGrids(wb: ExcelJS.Workbook, options: ReadGridsOptions = {}): Grid[] {
  const sheets = userWorksheets(wb, options.store ?? readStore(wb).store);
  const grids: Grid[] = [];
  sheets.forEach((ws, i) => {
    grids.push(worksheetToGrid(ws));
    options.onProgress?.({ done: i + 1, total: sheets.length, sheet: ws.name });
  });
  return grids;
}

/** Bytes → grids + the store, in one call. */
export async function readXlsxBytes(
  data: Uint8Array | ArrayBuffer,
  fileName?: string,
  options: ReadGridsOptions = {},
): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[]; store: Store; storeCorrupt: boolean }> {
  const workbook = await loadWorkbook(data, fileName);
  const { store, corrupt } = readStore(workbook);
  const grids = readGrids(workbook, { ...options, store });
  return { workbook, grids, store, storeCorrupt: corrupt };
}
