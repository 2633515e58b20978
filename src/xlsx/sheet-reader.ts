/**
 * A worksheet part → the rows of a Grid, read with the XML tokenizer (ooxml/xml-scan.ts) (never one string, never a
 * cell object per cell): values as Excel gives them (shared and inline strings with their rich-text
 * runs joined, numbers, booleans, error values, formulas' cached results, ISO dates), number formats of
 * number cells (so a date serial is told from a number; 1904-system serials become 1900-system ones),
 * and the merged areas. Cells covered by a merge other than its top-left one are empty, as Excel
 * reports them. No Node API.
 */
import { isDateFormat } from "../core/dates";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type CellValue, type MergeArea } from "../core/grid";
import type { OpcPackage } from "../ooxml/package";
import { attrValue, localName, saxPart, type ScanHandlers } from "../ooxml/sax";
import { decodeXstring, StringItemText } from "./shared-strings";
import { clearMergedCells } from "./merged-cells";
import { CellBudget, GridLimitError, MAX_SHEET_MERGES } from "./limits";
import { trimRow, type SparseRow } from "./sparse";
import type { Styles } from "./styles";

/** Default format for a date cell without one (Vietnamese day-first). */
export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** Days from 1899-12-30 (1900 system) to 1904-01-01 (1904 system). */
export const DATE_1904_OFFSET = 1462;
const MS_PER_DAY = 86400000;

export interface SheetReadContext {
  strings: string[];
  styles: Styles;
  date1904: boolean;
  /** The workbook's cells left to read (shared by its sheets); unlimited when absent. */
  budget?: CellBudget;
}

export interface SheetRows {
  rows: SparseRow[];
  merges: MergeArea[];
}

/**
 * "AB12" → { row: 12, col: 28 } (1-based); null when it is not a cell reference. A reference past
 * Excel's grid gives a row or column one past its edge (never a huge number: "ZZZZZZZ1" is not 8 billion).
 */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36) i++; // $
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > EXCEL_MAX_COLS) col = EXCEL_MAX_COLS + 1;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > EXCEL_MAX_ROWS) row = EXCEL_MAX_ROWS + 1;
  }
  return col > 0 || row > 0 ? { row, col } : null;
}

/**
 * The column of a cell reference ("AB12" → 28; 0 when it has no letters), or -1 when it lies past
 * Excel's grid or is not a reference: parseRef without an object per cell (the reader's hottest call).
 */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36) i++; // $
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > EXCEL_MAX_COLS) return -1;
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
    if (row > EXCEL_MAX_ROWS) return -1;
  }
  return col;
}

/** Whether a parsed reference lies inside Excel's grid (a reference past it makes the sheet damaged). */
export function inGrid(p: { row: number; col: number }): boolean {
  return p.row <= EXCEL_MAX_ROWS && p.col <= EXCEL_MAX_COLS;
}

function pastGrid(what: string): never {
  throw new GridLimitError(`${what} past Excel's grid (${EXCEL_MAX_ROWS} rows × ${EXCEL_MAX_COLS} columns)`);
}

/**
 * A copy of a string that keeps nothing else alive. V8 makes a slice of 13 characters or more a view on
 * the string it was cut from; concatenating and slicing again makes it flatten a fresh copy instead.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** Short texts kept once per sheet (a bounded pool: a sheet of distinct texts costs one Map of 20,000). */
class TextPool {
  private readonly pool = new Map<string, string>();

  keep(s: string): string {
    if (s.length > 48) return detached(s);
    let kept = this.pool.get(s);
    if (kept === undefined) {
      kept = detached(s);
      if (this.pool.size < 20_000) this.pool.set(kept, kept);
    }
    return kept;
  }
}

/** "A1:C3" → a merge area; null when unreadable. */
export function parseRange(ref: string): MergeArea | null {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q || !p.row || !p.col || !q.row || !q.col) return null;
  if (!inGrid(p) || !inGrid(q)) pastGrid(`merged area ${ref}`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** An ISO 8601 date(-time) (cell type "d") → 1900-system serial, or null. */
export function isoToSerial1900(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) + Math.round(Number(m[6] ?? 0) * 1000);
  let serial = ms / MS_PER_DAY + 25569;
  if (serial < 61) serial -= 1; // before Excel's phantom 29/02/1900
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** Read one worksheet part. Throws XmlFormatError / ZipFormatError when the part is damaged. */
export function readSheetRows(pkg: OpcPackage, part: string, ctx: SheetReadContext): SheetRows {
  const reader = new SheetRowsReader(ctx);
  saxPart(pkg, part, reader);
  return reader.result();
}

/**
 * The reader's state while the sheet's XML streams past: where it is (sheetData, a row, a cell, a <v> or
 * an inline <is>), the row being filled and the cell being read. Each element has its phase: openRow and
 * openCell check the grid's bounds, finishCell decodes the cell's value (cellValue), finishRow keeps the
 * row, addMerge the merged areas; result() orders them once the part is read.
 */
class SheetRowsReader implements ScanHandlers {
  private readonly rows: SparseRow[] = [];
  private readonly merges: MergeArea[] = [];
  private readonly budget: CellBudget;
  private readonly item = new StringItemText();
  private readonly texts = new TextPool();
  private rowElements = 0;
  private cellsInRow = 0;

  private inSheetData = false;
  private inRow = false;
  private rowNum = 0;
  private values: CellValue[] = [];
  private formats: (string | null)[] | null = null;

  private inCell = false;
  private col = 0; // 1-based column of the current cell
  private type = "";
  private style = 0;
  private inV = false;
  private v = "";
  private hasV = false;
  private inIs = false;
  private inline: string | null = null;
  /** The number format of the value cellValue just decoded (null for none). */
  private fmt: string | null = null;

  constructor(private readonly ctx: SheetReadContext) {
    this.budget = ctx.budget ?? new CellBudget(Infinity);
  }

  open(name: string, a: string[], selfClosing: boolean): void {
    const l = name.indexOf(":") < 0 ? name : localName(name);
    if (this.inIs) this.item.open(l);
    else if (this.inCell) {
      if (l === "v") {
        this.inV = true;
        this.hasV = true;
      } else if (l === "is") this.inIs = true;
    } else if (this.inRow) {
      if (l === "c") this.openCell(a);
    } else if (this.inSheetData) {
      if (l === "row") this.openRow(a);
    } else if (l === "sheetData") this.inSheetData = !selfClosing;
    else if (l === "mergeCell") this.addMerge(attrValue(a, "ref"));
  }

  close(name: string): void {
    const l = name.indexOf(":") < 0 ? name : localName(name);
    if (this.inIs) {
      if (l === "is" && !this.item.nested) {
        this.inIs = false;
        this.inline = this.item.take();
      } else this.item.close(l);
    } else if (this.inCell) {
      if (l === "v") this.inV = false;
      else if (l === "c") {
        this.inCell = false;
        this.finishCell();
      }
    } else if (this.inRow) {
      if (l === "row") this.finishRow();
    } else if (l === "sheetData") this.inSheetData = false;
  }

  text(t: string): void {
    if (this.inV) this.v += t;
    else if (this.inIs) this.item.text(t);
  }

  /** The rows in order (a row listed twice kept once), merged cells cleared, merges clipped to the rows. */
  result(): SheetRows {
    const { rows, merges } = this;
    rows.sort((a, b) => a.row - b.row);
    // Rows listed twice (some writers): keep the first (a stable sort keeps them in document order).
    const unique = rows.filter((r, i) => i === 0 || r.row !== rows[i - 1].row);
    merges.sort((a, b) => a.top - b.top || a.left - b.left);
    const cleared = clearMergedCells(unique, merges);
    return { rows: cleared, merges: clipMerges(merges, cleared) };
  }

  /** A <row>: its number (the next one when it has none); a row past the grid makes the sheet damaged. */
  private openRow(a: string[]): void {
    this.inRow = true;
    const rv = attrValue(a, "r");
    const r = rv !== undefined ? Number(rv) : NaN;
    this.rowNum = Number.isInteger(r) && r > 0 ? r : this.rowNum + 1;
    // A row past 1,048,576, or more rows than the grid has (a row listed twice), is not Excel's.
    if (this.rowNum > EXCEL_MAX_ROWS) pastGrid(`row ${this.rowNum}`);
    if (++this.rowElements > EXCEL_MAX_ROWS) pastGrid("more rows than the grid has");
    this.values = [];
    this.formats = null;
    this.col = 0;
    this.cellsInRow = 0;
  }

  /** A <c>: its column (the next one when it has no reference), type and style. */
  private openCell(a: string[]): void {
    this.inCell = true;
    let r: string | undefined;
    this.type = "";
    this.style = 0;
    for (let k = 0; k < a.length; k += 2) {
      const an = a[k];
      if (an === "r") r = a[k + 1];
      else if (an === "t") this.type = a[k + 1];
      else if (an === "s") this.style = Number(a[k + 1]) || 0;
    }
    const rc = r !== undefined ? refColumn(r) : 0;
    // A cell past column XFD, or more cells in a row than the grid has columns, is not Excel's.
    if (rc < 0 && parseRef(r!) !== null) pastGrid(`cell ${r}`);
    this.col = rc > 0 ? rc : this.col + 1;
    if (this.col > EXCEL_MAX_COLS) pastGrid(`cell ${r ?? this.col}`);
    if (++this.cellsInRow > EXCEL_MAX_COLS) pastGrid(`row ${this.rowNum} with more cells than columns`);
    this.v = "";
    this.hasV = false;
    this.inline = null;
  }

  /** A <mergeCell ref="A1:C3">, counted against the budget and the sheet's limit of merged areas. */
  private addMerge(ref: string | undefined): void {
    const m = ref ? parseRange(ref) : null;
    if (!m) return;
    this.budget.spend(1);
    if (this.merges.push(m) > MAX_SHEET_MERGES) throw new GridLimitError(`more than ${MAX_SHEET_MERGES} merged areas in a sheet`, true);
  }

  /** </c>: the cell's value (and a number's format) into the row. */
  private finishCell(): void {
    this.fmt = null;
    let value = this.cellValue();
    const col = this.col;
    if (value === null || col < 1) return;
    // Text cut from the sheet's XML (inline strings, formula results) is copied out of it (a slice would
    // keep the decoded XML alive: several times the text once the markup is counted), and short texts
    // that repeat (a unit, a status, a date typed as text) are kept once.
    if (typeof value === "string" && this.type !== "s") value = this.texts.keep(value);
    const j = col - 1;
    const values = this.values;
    while (values.length < j) values.push(null);
    values[j] = value;
    const fmt = this.fmt;
    if (fmt !== null && typeof value === "number") {
      const formats = (this.formats ??= []);
      while (formats.length < j) formats.push(null);
      formats[j] = fmt;
    }
  }

  /** </row>: the row, trimmed, kept when it holds a value (its cells spent from the budget). */
  private finishRow(): void {
    this.inRow = false;
    const trimmed = trimRow(this.values, this.formats);
    if (trimmed) {
      this.budget.spend(trimmed.length);
      this.rows.push({ row: this.rowNum, values: trimmed, formats: this.formats });
    }
  }

  /** The value of the cell just closed, by its type (t=): shared, inline or formula text, boolean, error, date or number. */
  private cellValue(): CellValue {
    const { v, hasV } = this;
    switch (this.type) {
      case "s": {
        if (!hasV) return null;
        const s = this.ctx.strings[Number(v)];
        return s === undefined ? null : s;
      }
      case "inlineStr":
        return this.inline ?? (hasV ? decodeXstring(v) : null);
      case "str":
        return hasV ? decodeXstring(v) : this.inline;
      case "b":
        return hasV ? v.trim() === "1" || v.trim().toLowerCase() === "true" : null;
      case "e":
        return hasV ? { error: v.trim() } : null;
      case "d":
        return hasV ? this.isoDateValue() : null;
      default:
        if (this.inline !== null) return this.inline;
        return hasV ? this.numberValue() : null;
    }
  }

  /** A date cell (t="d", ISO text) → its serial, with the cell's date format (or the default one). */
  private isoDateValue(): CellValue {
    const serial = isoToSerial1900(this.v);
    if (serial === null) return { error: "#VALUE!" };
    const f = this.ctx.styles.formatOf(this.style);
    this.fmt = isDateFormat(f) ? f : DEFAULT_DATE_FORMAT;
    return serial;
  }

  /** A number cell → its number and format; a date serial of the 1904 system becomes a 1900-system one. */
  private numberValue(): CellValue {
    const t = this.v.trim();
    if (t === "") return null;
    let num = Number(t);
    if (!Number.isFinite(num)) return { error: "#NUM!" };
    const fmt = (this.fmt = this.ctx.styles.formatOf(this.style));
    if (fmt !== null && isDateFormat(fmt)) {
      if (this.ctx.date1904) num += DATE_1904_OFFSET;
      num = Math.round(num * MS_PER_DAY) / MS_PER_DAY;
    }
    return num;
  }
}

/** Merged areas clipped to the rows that exist (a merge a million rows tall over a 30-row plan is 30 rows tall). */
function clipMerges(merges: MergeArea[], rows: SparseRow[]): MergeArea[] {
  const last = rows.length ? rows[rows.length - 1].row : 0;
  const out: MergeArea[] = [];
  for (const m of merges) {
    if (m.top > last) continue;
    out.push(m.bottom > last ? { ...m, bottom: last } : m);
  }
  return out;
}

/** The cell style index (s) of every cell that has one, by row then column (the preview's fills). */
export function readSheetStyles(pkg: OpcPackage, part: string): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  let inSheetData = false;
  let rowNum = 0;
  let col = 0;
  let row: Map<number, number> | null = null;
  saxPart(pkg, part, {
    open: (name, a) => {
      const l = localName(name);
      if (l === "sheetData") inSheetData = true;
      else if (!inSheetData) return;
      else if (l === "row") {
        const r = Number(attrValue(a, "r"));
        rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
        col = 0;
        row = null;
      } else if (l === "c") {
        const ref = attrValue(a, "r");
        const p = ref !== undefined ? parseRef(ref) : null;
        col = p && p.col ? p.col : col + 1;
        const s = Number(attrValue(a, "s") ?? 0);
        if (s > 0) {
          if (!row) out.set(rowNum, (row = new Map()));
          row.set(col, s);
        }
      }
    },
    close: (name) => {
      if (localName(name) === "sheetData") inSheetData = false;
    },
    text: () => undefined,
  });
  return out;
}
