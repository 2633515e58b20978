/**
 * Header detection: the first row within the first 20 whose cells map at least three known columns.
 * A two-row header (a merged parent such as "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp", or
 * "Thời gian" over "Bắt đầu" | "Hoàn thành") is read as one: the sub-labels override the parent.
 */
import { fieldOf, type ColumnSpec } from "./columns";
import type { SheetView } from "./sheet-view";

export const HEADER_SCAN_ROWS = 20;
export const MIN_HEADER_FIELDS = 3;

export interface HeaderInfo<F extends string> {
  /** First header row (1-based sheet row). */
  row: number;
  /** Number of header rows (1 or 2). */
  height: number;
  /** First row below the header. */
  dataStart: number;
  /** Field → column (leftmost column when a field appears twice). */
  columns: Map<F, number>;
  /** Column → folded header text, for recognising a repeated header further down. */
  keys: Map<number, string>;
}

/** Fields of one row: column → field, from the cells' own (non-inherited) text. */
function rowFields<F extends string>(view: SheetView, spec: ColumnSpec<F>, row: number, allowSub: boolean): Map<number, F> {
  const out = new Map<number, F>();
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.fromAbove(row, c)) continue;
    const t = view.text(row, c);
    if (!t || t.length > 80) continue;
    const f = fieldOf(spec, view.texts.fold(t), allowSub);
    if (f) out.set(c, f);
  }
  return out;
}

/** Is `row` the second row of a two-row header? All its own non-empty cells must be known labels. */
function subRow<F extends string>(view: SheetView, spec: ColumnSpec<F>, row: number): Map<number, F> | null {
  if (row > view.lastRow) return null;
  const fields = new Map<number, F>();
  let hasSub = false;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.fromAbove(row, c)) continue;
    const t = view.text(row, c);
    if (!t) continue;
    const key = view.texts.fold(t);
    const sub = spec.sub.get(key);
    const f = sub ?? fieldOf(spec, key, false);
    if (!f) return null;
    if (sub) hasSub = true;
    fields.set(c, f);
  }
  return hasSub ? fields : null;
}

function toColumns<F extends string>(byCol: Map<number, F>): Map<F, number> {
  const cols = new Map<F, number>();
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const f = byCol.get(c)!;
    if (!cols.has(f)) cols.set(f, c);
  }
  return cols;
}

/** Find the header of a table of the given kind; null when no row maps three known columns. */
export function findHeader<F extends string>(view: SheetView, spec: ColumnSpec<F>): HeaderInfo<F> | null {
  const end = Math.min(view.lastRow, view.firstRow + HEADER_SCAN_ROWS - 1);
  for (let r = view.firstRow; r <= end; r++) {
    const own = rowFields(view, spec, r, false);
    const sub = subRow(view, spec, r + 1);
    let byCol = own;
    let height = 1;
    if (sub) {
      byCol = new Map(own);
      for (const [c, f] of sub) byCol.set(c, f);
      height = 2;
    }
    const columns = toColumns(byCol);
    if (columns.size < MIN_HEADER_FIELDS) continue;
    if (spec.kind === "indicator" && !columns.has(spec.textField)) continue;
    const keys = new Map<number, string>();
    for (const c of byCol.keys()) keys.set(c, view.texts.fold(view.text(height === 2 && sub?.has(c) ? r + 1 : r, c)));
    return { row: r, height, dataStart: r + height, columns, keys };
  }
  return null;
}
