/**
 * Read access to one sheet with merges resolved the way plans use them:
 * - a value merged vertically over several rows belongs to each of those rows (one lead unit written
 *   once for three tasks);
 * - a value merged horizontally is one value, read in the merge's left column (a group row merged
 *   across); the other columns of the merge read as empty.
 * The address of any cell inside a merge is the merge's top-left cell.
 */
import { cellText, foldKey } from "./text/fold";
import { formatAt, lastCol, lastRow, type CellValue, type Grid, type MergeArea } from "./grid";
import { MergeIndex } from "./merge-index";

/**
 * Display texts (NFC, trimmed) per distinct string, shared by every analysis in this process: a pure
 * function of the string, so sharing keeps results deterministic and makes re-checking a workbook cheap.
 */
const SHARED_TEXTS = new Map<string, string>();

/** Cell text (NFC, trimmed) cached per distinct string. */
export class TextCache {
  private readonly texts = SHARED_TEXTS;

  text(v: CellValue): string {
    if (typeof v === "string") {
      let t = this.texts.get(v);
      if (t === undefined) {
        t = cellText(v);
        if (this.texts.size > 200_000) this.texts.clear();
        this.texts.set(v, t);
      }
      return t;
    }
    return cellText(v);
  }

  fold(s: string): string {
    return foldKey(s);
  }
}

export interface CellRef {
  /** Resolved value (merges applied). */
  value: CellValue;
  /** Display text of the value ("" for empty and error values). */
  text: string;
  /** Address of the cell that holds the value (top-left of a merge). */
  row: number;
  col: number;
  /** True when the value is inherited from a vertical merge that starts on an earlier row. */
  fromAbove: boolean;
  /** Excel error text (#REF!, …) or null. */
  error: string | null;
  /** Number format of the value's cell, or null. */
  format: string | null;
}

export class SheetView {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly merges: MergeIndex;

  constructor(
    readonly grid: Grid,
    readonly texts: TextCache,
  ) {
    this.firstRow = grid.origin.row;
    this.firstCol = grid.origin.col;
    this.lastRow = lastRow(grid);
    this.lastCol = Math.max(lastCol(grid), this.firstCol);
    this.merges = new MergeIndex(grid.merges ?? [], {
      top: this.firstRow,
      left: this.firstCol,
      bottom: this.lastRow,
      right: this.lastCol,
    });
  }

  /** Raw value at sheet coordinates, merges not applied. */
  raw(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** Resolved value (see the file comment). */
  value(row: number, col: number): CellValue {
    const m = this.merges.at(row, col);
    if (!m) return this.raw(row, col);
    if (col !== m.left) return null;
    return this.raw(m.top, m.left);
  }

  /** Resolved display text. */
  text(row: number, col: number): string {
    return this.texts.text(this.value(row, col));
  }

  /** True when the cell is covered by a vertical merge that starts above this row. */
  fromAbove(row: number, col: number): boolean {
    const m = this.merges.at(row, col);
    return !!m && m.top < row && col === m.left;
  }

  /** The merge covering a cell, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined {
    return this.merges.at(row, col);
  }

  /**
   * True when the cell holds its own value (not inherited from a merge above, not the hidden part of a
   * horizontal merge) and that value is not empty. Allocation-free: used on every row.
   */
  ownPresent(row: number, col: number): boolean {
    const m = this.merges.at(row, col);
    if (m && (col !== m.left || m.top < row)) return false;
    const r = this.grid.values[row - this.firstRow];
    if (!r) return false;
    return !isEmptyValue(r[col - this.firstCol]);
  }

  /** Everything the engine needs about one cell. */
  ref(row: number, col: number): CellRef {
    return this.refInto(row, col, { value: null, text: "", row, col, fromAbove: false, error: null, format: null });
  }

  /** Like ref, filling an existing object (for hot loops that use the result at once and keep nothing). */
  refInto(row: number, col: number, out: CellRef): CellRef {
    const m = this.merges.at(row, col);
    const r0 = m ? m.top : row;
    const c0 = m ? m.left : col;
    const value = m && col !== m.left ? null : this.raw(r0, c0);
    out.value = value;
    out.text = this.texts.text(value);
    out.row = r0;
    out.col = c0;
    out.fromAbove = !!m && m.top < row && col === m.left;
    out.error = isErrorValue(value) ? String((value as { error: unknown }).error) : null;
    out.format = formatAt(this.grid, r0, c0);
    return out;
  }

  /** True when the raw row holds any non-empty value (text other than spaces, number, boolean, error). */
  rowHasAnything(row: number): boolean {
    const r = this.grid.values[row - this.firstRow];
    if (!r) return false;
    for (const v of r) if (!isEmptyValue(v)) return true;
    return false;
  }
}

export function isErrorValue(v: unknown): boolean {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

/** Spaces (any kind) and invisible characters only: what cellText turns into "". */
const BLANK_TEXT = /^[\s\u00A0\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\u00AD]*$/;

/** Empty: null/undefined, or a string of only spaces. Any other value (0, false, an error) is something. */
export function isEmptyValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return BLANK_TEXT.test(v);
  if (typeof v === "number") return !Number.isFinite(v);
  return false;
}
