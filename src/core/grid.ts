/**
 * A Grid is what an adapter (Office.js or ExcelJS) hands the core for one sheet.
 * The core never sees Office or ExcelJS objects: only this plain data.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). No reference past it is valid, in any file. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** An Excel error value in a cell (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?, #NULL!, #NUM!, #SPILL!, #CALC!). */
export interface CellError {
  error: string;
}

/** A cell as Excel gives it: text, number (dates as serials), boolean, empty, or an error value. */
export type CellValue = string | number | boolean | null | CellError;

/** A merged area, 1-based and absolute (sheet coordinates, not relative to the grid origin). */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface Grid {
  /** Sheet name exactly as in the workbook. */
  name: string;
  visibility: SheetVisibility;
  /** Sheet coordinates (1-based) of values[0][0]; usually {row: 1, col: 1}. */
  origin: { row: number; col: number };
  /** Row-major values of the used range. Rows may be shorter than the widest row (missing = null). */
  values: CellValue[][];
  /**
   * Number formats, same shape as `values` where known (may be omitted entirely, or hold null for
   * "General"). Used to tell an Excel date serial from a plain number.
   */
  numberFormats?: (string | null)[][];
  merges: MergeArea[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Value at sheet coordinates (1-based), or null outside the grid. Does NOT resolve merges. */
export function cellAt(grid: Grid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.origin.row];
  if (!r) return null;
  const v = r[col - grid.origin.col];
  return v === undefined ? null : v;
}

/** Number format at sheet coordinates (1-based), or null. */
export function formatAt(grid: Grid, row: number, col: number): string | null {
  const r = grid.numberFormats?.[row - grid.origin.row];
  if (!r) return null;
  return r[col - grid.origin.col] ?? null;
}

/** Last sheet row covered by the grid. */
export function lastRow(grid: Grid): number {
  return grid.origin.row + grid.values.length - 1;
}

/** Last sheet column covered by the grid (widest row). */
export function lastCol(grid: Grid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return grid.origin.col + w - 1;
}
