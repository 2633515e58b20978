/**
 * Emptying the cells a merged area covers other than its top-left one (LibreOffice keeps their old
 * values; Excel reports them empty). The work is bounded by the cells that hold values, whatever the
 * merged areas are: a sweep down the rows keeps, per column, how many areas are open there (a Fenwick
 * tree over the 16,384 columns), so 3,000 areas a million rows tall cost no more than the rows read.
 * No Node API.
 */
import { EXCEL_MAX_COLS, type MergeArea } from "../core/grid";
import { trimRow, type SparseRow } from "./sparse";

/** Counts per column, with range updates and point queries in log time. */
class ColumnCover {
  private readonly tree = new Int32Array(EXCEL_MAX_COLS + 2);

  /** Add `delta` to every column in [left, right]. */
  add(left: number, right: number, delta: number): void {
    this.bump(left, delta);
    this.bump(right + 1, -delta);
  }

  private bump(col: number, delta: number): void {
    for (let i = col; i < this.tree.length; i += i & -i) this.tree[i] += delta;
  }

  /** How many areas cover `col`. */
  at(col: number): number {
    let sum = 0;
    for (let i = col; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }
}

const cellKey = (row: number, col: number) => row * (EXCEL_MAX_COLS + 1) + col;

/**
 * Rows (sorted, one per row number) with the covered cells emptied; rows left empty are dropped.
 * `merges` must be sorted by top.
 */
export function clearMergedCells(rows: SparseRow[], merges: MergeArea[]): SparseRow[] {
  if (!merges.length || !rows.length) return rows;
  const byBottom = merges.slice().sort((a, b) => a.bottom - b.bottom);
  const cover = new ColumnCover();
  // Top-left cells of the areas open on the current row: covered by their own area, never emptied by it.
  const corners = new Map<number, number>();
  let opened = 0;
  let closed = 0;
  const out: SparseRow[] = [];
  for (const row of rows) {
    for (; opened < merges.length && merges[opened].top <= row.row; opened++) {
      const m = merges[opened];
      cover.add(m.left, m.right, 1);
      const k = cellKey(m.top, m.left);
      corners.set(k, (corners.get(k) ?? 0) + 1);
    }
    for (; closed < byBottom.length && byBottom[closed].bottom < row.row; closed++) {
      const m = byBottom[closed];
      cover.add(m.left, m.right, -1);
    }
    if (opened > closed) clearRow(row, cover, corners);
    if (trimRow(row.values, row.formats)) out.push(row);
  }
  return out;
}

function clearRow(row: SparseRow, cover: ColumnCover, corners: Map<number, number>): void {
  const { values, formats } = row;
  for (let j = 0; j < values.length; j++) {
    if (values[j] === null) continue;
    const col = j + 1;
    const own = corners.get(cellKey(row.row, col)) ?? 0;
    if (cover.at(col) - own <= 0) continue;
    values[j] = null;
    if (formats && formats.length > j) formats[j] = null;
  }
}
