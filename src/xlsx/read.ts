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
import { repairForExcelJs, restoreSheetNames, withoutDamagedSheet } from "./lenient-load";
import { sparseToDense, trimRow, type SparseRow } from "./sparse";
import { productSheetNames, readStore } from "./store";

export { XlsxReadError } from "./detect";

/** Default format for a date cell without one (Vietnamese day-first). */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

// ExcelJS ValueType.Null and ValueType.Merge (a merged cell other than the top-left one).
const NULL_TYPE = 0;
const MERGE_TYPE = 1;

/**
 * Sheet parts the product never reads. Skipped only when the workbook is loaded read-only (the CLI's
 * check): a workbook that may be saved again must keep them.
 */
export const READ_ONLY_IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "hyperlinks",
  "drawing",
  "picture",
  "tableParts",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "pageMargins",
  "rowBreaks",
  "sheetProtection",
  "autoFilter",
];

export interface LoadOptions {
  /** The workbook will not be saved: skip parsing parts the product never reads (faster on big files). */
  readOnly?: boolean;
}

/** The file each workbook that may be saved again was loaded from (its defined names are put back on save). */
const ORIGINAL_BYTES = new WeakMap<ExcelJS.Workbook, Uint8Array>();

/** The bytes `wb` was loaded from by loadWorkbook (not kept for a read-only load). */
export function originalBytesOf(wb: ExcelJS.Workbook): Uint8Array | undefined {
  return ORIGINAL_BYTES.get(wb);
}

/** Sheets left out of a read-only load because their XML is damaged (the rest is still read). */
const SKIPPED_SHEETS = new WeakMap<ExcelJS.Workbook, string[]>();

export function skippedSheetsOf(wb: ExcelJS.Workbook): string[] {
  return SKIPPED_SHEETS.get(wb) ?? [];
}

/** Load a workbook from bytes; throws XlsxReadError with a Vietnamese message when it is not an .xlsx. */
export async function loadWorkbook(data: Uint8Array | ArrayBuffer, fileName = "tệp", options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  const bytes = assertXlsxBytes(data, fileName);
  const load = async (b: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as any, (options.readOnly ? { ignoreNodes: READ_ONLY_IGNORED_NODES } : undefined) as any);
    if (!options.readOnly) ORIGINAL_BYTES.set(wb, bytes);
    return wb;
  };
  try {
    return await load(bytes);
  } catch {
    // A valid workbook ExcelJS cannot load as it is (a #REF! print area, a sheet name it rejects):
    // load a repaired copy, then give the sheets their real names back (see lenient-load.ts).
    const repaired = await repairForExcelJs(bytes);
    if (repaired) {
      try {
        const wb = await load(repaired.bytes);
        restoreSheetNames(wb.worksheets, repaired.renamed);
        return wb;
      } catch {
        /* corrupt for another reason */
      }
    }
    // Read-only (a check): one damaged sheet must not hide the others. Never for a workbook that may
    // be saved again — the copy would lose that sheet.
    if (options.readOnly) {
      const found = await withoutDamagedSheet(repaired?.bytes ?? bytes, load);
      if (found) {
        if (repaired) restoreSheetNames(found.result.worksheets, repaired.renamed);
        SKIPPED_SHEETS.set(found.result, [repaired?.renamed.get(found.skipped) ?? found.skipped]);
        return found.result;
      }
    }
    throw new XlsxReadError("corrupt", fileName);
  }
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

/** One row's cells → a sparse row (null when the row holds no value). */
function convertRow(rowNumber: number, cells: ArrayLike<ExcelJS.Cell | undefined>): SparseRow | null {
  const values: CellValue[] = [];
  let formats: (string | null)[] | null = null;
  for (let j = 0; j < cells.length; j++) {
    const cell = cells[j];
    if (!cell) continue;
    const type = cell.type as number;
    if (type === NULL_TYPE || type === MERGE_TYPE) continue;
    const { value, isDate } = convertValue(cell.value);
    if (value === null) continue;
    while (values.length < j) values.push(null);
    values[j] = value;
    if (typeof value === "number") {
      const fmt = formatOf(cell) ?? (isDate ? DEFAULT_DATE_FORMAT : null);
      if (fmt) {
        if (!formats) formats = [];
        while (formats.length < j) formats.push(null);
        formats[j] = fmt;
      }
    }
  }
  const trimmed = trimRow(values, formats);
  return trimmed ? { row: rowNumber, values: trimmed, formats } : null;
}

interface RowInternals {
  number: number;
  _cells?: (ExcelJS.Cell | undefined)[];
}

/** The rows of a worksheet with their cells: ExcelJS's own arrays when present (fast), else the public API. */
function sparseRows(ws: ExcelJS.Worksheet): SparseRow[] {
  const rows: SparseRow[] = [];
  const internal = (ws as unknown as { _rows?: (RowInternals | undefined)[] })._rows;
  if (Array.isArray(internal) && internal.every((r) => r === undefined || Array.isArray(r._cells))) {
    for (let i = 0; i < internal.length; i++) {
      const row = internal[i];
      if (!row) continue;
      const r = convertRow(row.number, row._cells!);
      if (r) rows.push(r);
    }
    return rows;
  }
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (ExcelJS.Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cell;
    });
    const r = convertRow(rowNumber, cells);
    if (r) rows.push(r);
  });
  return rows;
}

/** One worksheet → Grid (origin A1; trailing empty rows/columns trimmed; merges absolute). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows = sparseRows(ws);
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

export interface ReadGridsOptions extends LoadOptions {
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
): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[]; store: Store; storeCorrupt: boolean; skippedSheets: string[] }> {
  const workbook = await loadWorkbook(data, fileName, { readOnly: options.readOnly });
  const { store, corrupt } = readStore(workbook);
  const grids = readGrids(workbook, { ...options, store });
  return { workbook, grids, store, storeCorrupt: corrupt, skippedSheets: skippedSheetsOf(workbook) };
}
