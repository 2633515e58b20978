/**
 * Header detection: the first row within the first 20 whose cells map at least three known columns.
 * A two-row header is read as one, the sub-labels overriding their parent: "Cơ quan thực hiện" merged
 * over "Chủ trì" | "Phối hợp", "Thời gian hoàn thành" over "Kế hoạch" | "Thực tế" (the deadline and the
 * completion date), "Kết quả thực hiện" over "Số lượng đạt" | "Tổng số" | "Tỷ lệ đạt" (never the parent
 * as the actual). Then the columns are resolved: a period column ("Thời gian thực hiện") is the deadline
 * only when there is no deadline column; in an indicator table the latest year's "Thực hiện năm …" is
 * the actual and earlier years' columns ("Năm 2025") are kept by year, for relative targets.
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
  /** Columns of a year's values other than the actual ("Năm 2025", "Thực hiện năm 2025"): year → column. */
  years: Map<number, number>;
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

/**
 * The parent cell of a second-row label: the merge above it (its left column), the cell right above,
 * or — when the cell above is blank — the nearest label to its left in the row above (a parent typed
 * once over blank cells). `spans` tells whether that parent stands over more than one column.
 */
function parentOf(view: SheetView, row: number, col: number): { col: number; spans: boolean } | null {
  const m = view.mergeAt(row, col);
  if (m && m.top === row && m.right > m.left) return { col: m.left, spans: true };
  if (view.fromAbove(row, col)) return null;
  if (view.text(row, col)) {
    const right = col + 1 <= view.lastCol && !view.mergeAt(row, col + 1) && !view.text(row, col + 1);
    return { col, spans: right };
  }
  for (let c = col - 1; c >= view.firstCol; c--) {
    if (view.fromAbove(row, c)) return null;
    const mm = view.mergeAt(row, c);
    if (mm && mm.left !== c) continue;
    if (view.text(row, c)) return { col: c, spans: true };
  }
  return null;
}

/**
 * Is `row` the second row of a two-row header under `own` (the first row's fields)? All its own
 * non-empty cells must be known labels — read by their parent's field first — and at least one must be
 * a sub-label, or at least two must stand under a parent spanning several columns of a row that maps
 * two fields or more.
 */
function subRow<F extends string>(view: SheetView, spec: ColumnSpec<F>, row: number, own: Map<number, F>): Map<number, F> | null {
  if (row > view.lastRow || own.size === 0) return null;
  const fields = new Map<number, F>();
  let subs = 0;
  let underSpan = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.fromAbove(row, c)) continue;
    const t = view.text(row, c);
    if (!t) continue;
    if (t.length > 80) return null;
    const key = view.texts.fold(t);
    const parent = parentOf(view, row - 1, c);
    const parentField = parent ? own.get(parent.col) : undefined;
    const byParent = parentField !== undefined ? spec.parentSub.get(parentField)?.get(key) : undefined;
    const sub = byParent ?? spec.sub.get(key);
    const f = sub ?? fieldOf(spec, key, false);
    if (!f) return null;
    if (sub) subs++;
    else if (parent?.spans) underSpan++;
    fields.set(c, f);
  }
  // labels under a spanning parent make a sub-row only below a real header row (not below a title that
  // happens to start like a column name: "CHỈ TIÊU KẾ HOẠCH NĂM 2026" is no "Kế hoạch" parent)
  return subs > 0 || (underSpan >= 2 && own.size >= 2) ? fields : null;
}

const YEAR_IN_KEY = /(?:^| )nam (\d{4})$/;
/** A column that holds one year's values and nothing else ("Năm 2025", "Số liệu năm 2025", "Kết quả năm 2025"). */
const YEAR_COLUMN = /^(?:so lieu |ket qua |thuc hien |gia tri )?nam (\d{4})$/;

function yearOf(key: string | undefined): number | null {
  if (!key) return null;
  const m = YEAR_IN_KEY.exec(key);
  return m ? Number(m[1]) : null;
}

/**
 * The header of a table starting at `row` (one row, or two with a sub-label row), or null when the row
 * does not map at least three known columns (an indicator header must also name its indicator column).
 */
export function headerAt<F extends string>(view: SheetView, spec: ColumnSpec<F>, row: number): HeaderInfo<F> | null {
  const own = rowFields(view, spec, row, false);
  const sub = subRow(view, spec, row + 1, own);
  let byCol = own;
  let height = 1;
  if (sub) {
    byCol = new Map(own);
    for (const [c, f] of sub) byCol.set(c, f);
    height = 2;
  }
  if (new Set(byCol.values()).size < MIN_HEADER_FIELDS) return null;
  // the folded header text of each column (the sub-label where there is one), and of its parent
  const keys = new Map<number, string>();
  const parentKeys = new Map<number, string>();
  const fold = (r: number, c: number) => view.texts.fold(view.text(r, c));
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const ownKey = view.fromAbove(row, c) ? "" : fold(row, c);
    if (height === 2 && sub?.has(c)) {
      keys.set(c, fold(row + 1, c));
      const p = parentOf(view, row, c);
      if (p) parentKeys.set(c, fold(row, p.col));
    } else if (ownKey) keys.set(c, ownKey);
  }
  const years = new Map<number, number>();
  if (spec.kind === "indicator") resolveYears(byCol, keys, parentKeys, years);
  const columns = toColumns(byCol);
  if (spec.kind === "task" && !columns.has("deadline" as F) && columns.has("period" as F)) {
    columns.set("deadline" as F, columns.get("period" as F)!);
    columns.delete("period" as F);
  }
  if (columns.size < MIN_HEADER_FIELDS) return null;
  if (spec.kind === "indicator" && !columns.has(spec.textField)) return null;
  const mappedKeys = new Map<number, string>();
  for (const c of byCol.keys()) mappedKeys.set(c, keys.get(c) ?? "");
  return { row, height, dataStart: row + height, columns, keys: mappedKeys, years };
}

/**
 * Indicator columns by year: of several columns of one field tagged with a year (in their own text or
 * their parent's: "Năm 2026" over "Kế hoạch" | "Thực hiện"), the latest year's is the field — or the
 * one without a year, when there is one ("Thực hiện năm 2025" beside "Kết quả thực hiện"); the other
 * years' actual columns, and columns that only name a year ("Năm 2025"), are base-year columns.
 */
function resolveYears<F extends string>(
  byCol: Map<number, F>,
  keys: Map<number, string>,
  parentKeys: Map<number, string>,
  years: Map<number, number>,
): void {
  const tag = (c: number) => yearOf(keys.get(c)) ?? yearOf(parentKeys.get(c));
  const byField = new Map<F, number[]>();
  for (const [c, f] of byCol) {
    const list = byField.get(f);
    if (list) list.push(c);
    else byField.set(f, [c]);
  }
  for (const [f, cols] of byField) {
    if (cols.length < 2) continue;
    const tagged = cols.filter((c) => tag(c) !== null);
    if (tagged.length === 0) continue;
    // "Thực hiện năm 2025" beside "Kết quả thực hiện": the column without a year is this year's
    const keep = tagged.length < cols.length ? null : tagged.reduce((a, b) => (tag(b)! > tag(a)! ? b : a));
    for (const c of tagged) {
      if (c === keep) continue;
      byCol.delete(c);
      if (f === "actual") years.set(tag(c)!, c);
    }
  }
  for (const [c, key] of keys) {
    if (byCol.has(c)) continue;
    const m = YEAR_COLUMN.exec(key);
    if (m && !years.has(Number(m[1]))) years.set(Number(m[1]), c);
  }
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
    const h = headerAt(view, spec, r);
    if (h) return h;
  }
  return null;
}

/** True when two headers map the same fields to the same columns (a header repeated after a page break). */
export function sameColumns<F extends string>(a: HeaderInfo<F>, b: HeaderInfo<F>): boolean {
  if (a.columns.size !== b.columns.size) return false;
  for (const [f, c] of a.columns) if (b.columns.get(f) !== c) return false;
  return true;
}
