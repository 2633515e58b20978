/**
 * Sparse rows → dense Grid arrays. Only rows and columns that hold a value count: a stray format far
 * down the sheet never inflates the grid, and long runs of empty rows share one empty array.
 */
import type { CellValue } from "../core/grid";

export interface SparseRow {
  /** 1-based sheet row. */
  row: number;
  /** Dense values of this row from column 1, trimmed after the last value. */
  values: CellValue[];
  /** Number formats, same indexes as values (shorter or absent when there are none). */
  formats: (string | null)[] | null;
}

/** The one shared empty row used for gaps: treat grid rows as read-only. */
const EMPTY_ROW: never[] = [];

export interface DenseGrid {
  values: CellValue[][];
  numberFormats: (string | null)[][];
}

/** Rows must be sorted by row number and non-empty. Origin is always row 1, column 1. */
export function sparseToDense(rows: SparseRow[]): DenseGrid {
  if (rows.length === 0) return { values: [], numberFormats: [] };
  const last = rows[rows.length - 1].row;
  const values: CellValue[][] = new Array(last);
  const numberFormats: (string | null)[][] = new Array(last);
  let next = 1;
  for (const r of rows) {
    for (; next < r.row; next++) {
      values[next - 1] = EMPTY_ROW;
      numberFormats[next - 1] = EMPTY_ROW;
    }
    values[r.row - 1] = r.values;
    numberFormats[r.row - 1] = r.formats ?? EMPTY_ROW;
    next = r.row + 1;
  }
  return { values, numberFormats };
}

/** Trim a row builder's trailing nulls; returns null when nothing is left. */
export function trimRow(values: CellValue[], formats: (string | null)[] | null): SparseRow["values"] | null {
  let n = values.length;
  while (n > 0 && (values[n - 1] === null || values[n - 1] === "")) n--;
  if (n === 0) return null;
  if (n < values.length) {
    values.length = n;
    if (formats && formats.length > n) formats.length = n;
  }
  return values;
}
