/**
 * Reading a table below its header into rows of known kinds. Every row from the first data row to the
 * end of the sheet gets exactly one kind, so nothing is silently lost:
 * - task: a task (or, in an indicator table, an indicator) row;
 * - group: Roman numeral / A, B, C (or a heading merged across the table);
 * - continuation: text that overflowed from the task above (pasted from Word) — appended to it;
 * - blank; footer ("Nơi nhận", "KT. CHỦ TỊCH", …) and after_footer: the table has ended;
 * - header_repeat (the header pasted again after a page break, or its second row), column_numbers
 *   ("(1) (2) (3)…" right under the header);
 * - table_header: the header of a second table in the same sheet, with other columns — the rows below it
 *   are read with its columns (the row carries the new header);
 * - numbered_empty: a row that holds only a number in STT (rows numbered in advance and left empty);
 * - heading: a numbered row that only names the sub-items below it ("1. Công tác tuyên truyền" over
 *   "1.1 …" or "a) …"), with no lead or deadline of its own (or ones merged down over its sub-items) and
 *   nothing of its own to track (status, completion date, result); with its own status it is a task as
 *   well as its sub-items, its merged lead and deadline its own;
 * - other: something that is none of the above (e.g. a note outside the table's columns, or a title
 *   such as "PHỤ LỤC II" typed in the STT column when two tables were pasted into one sheet).
 */
import { findHeader, headerAt, sameColumns, type HeaderInfo } from "./header";
import { fieldOf, INDICATOR_COLUMNS, TASK_COLUMNS, type ColumnSpec, type IndicatorField, type TaskField } from "./columns";
import { isEmptyValue, SheetView, TextCache, type CellRef } from "./sheet-view";
import { classifyStt, sttKey, type SttInfo } from "./stt";
import type { Grid } from "./grid";

/** Blank rows a continuation may follow its task across (a page break when pasting from Word). */
export const MAX_CONTINUATION_GAP = 5;

export const ROW_KINDS = [
  "task",
  "group",
  "continuation",
  "blank",
  "footer",
  "header_repeat",
  "table_header",
  "numbered_empty",
  "heading",
  "column_numbers",
  "other",
  "after_footer",
] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export interface TableRow<F extends string> {
  row: number;
  kind: RowKind;
  /**
   * The cells of the mapped columns (task, group and continuation rows; empty for the others). Computed
   * on each access and not kept, so a 20,000-row table does not hold 200,000 cell objects.
   */
  readonly cells: Partial<Record<F, CellRef>>;
  stt?: SttInfo;
  /** Continuation rows: the row of the task they belong to. */
  owner?: number;
  /** Group rows: the group's label ("II. Khẩn trương…"). */
  groupLabel?: string;
  /** table_header rows: the new table's header (the rows below are read with its columns). */
  header?: HeaderInfo<F>;
}

const NO_CELLS = Object.freeze({});

/** The mapped columns of one table (a sheet may hold several tables, each with its own columns). */
class Layout<F extends string> {
  readonly fieldCols: [F, number][];
  constructor(
    private readonly view: SheetView,
    header: HeaderInfo<F>,
  ) {
    this.fieldCols = [...header.columns.entries()];
  }

  cellsOf(row: number): Partial<Record<F, CellRef>> {
    const out: Partial<Record<F, CellRef>> = {};
    for (const [f, c] of this.fieldCols) out[f] = this.view.ref(row, c);
    return out;
  }
}

class Row<F extends string> implements TableRow<F> {
  stt?: SttInfo;
  owner?: number;
  groupLabel?: string;
  declare header?: HeaderInfo<F>;
  constructor(
    readonly row: number,
    readonly kind: RowKind,
    private readonly layout: Layout<F> | null,
  ) {}

  get cells(): Partial<Record<F, CellRef>> {
    return this.layout ? this.layout.cellsOf(this.row) : (NO_CELLS as Partial<Record<F, CellRef>>);
  }

  toJSON(): object {
    return { row: this.row, kind: this.kind, stt: this.stt, owner: this.owner, groupLabel: this.groupLabel };
  }
}

function row<F extends string>(
  r: number,
  kind: RowKind,
  layout: Layout<F> | null,
  extra?: { stt?: SttInfo; owner?: number; groupLabel?: string; header?: HeaderInfo<F> },
): Row<F> {
  const x = new Row<F>(r, kind, layout);
  if (extra) {
    if (extra.stt !== undefined) x.stt = extra.stt;
    if (extra.owner !== undefined) x.owner = extra.owner;
    if (extra.groupLabel !== undefined) x.groupLabel = extra.groupLabel;
    if (extra.header !== undefined) x.header = extra.header;
  }
  return x;
}

export interface Table<F extends string> {
  header: HeaderInfo<F> | null;
  rows: TableRow<F>[];
}

const FOOTER_PREFIXES = ["noi nhan", "kt chu tich", "tm uy ban nhan dan", "tm ubnd", "kt truong", "tm ban", "nguoi lap bieu", "nguoi lap"];
const FOOTER_EXACT = new Set(["chu tich", "pho chu tich", "kt chu tich", "nguoi lap bieu", "noi nhan"]);
const COLUMN_NUMBER = /^\(?(\d{1,2})\)?$/;
const NUMBER_KEY = /^\d+(?:\.\d+)*$/;
const PLAIN_NUMBER_KEY = /^\d+$/;
/** Text cells a row needs before it is looked at as a header. */
const MIN_HEADER_LABELS = 3;

function isFooterText(key: string): boolean {
  if (FOOTER_EXACT.has(key)) return true;
  for (const p of FOOTER_PREFIXES) if (key.startsWith(p)) return true;
  return false;
}

export class TableReader<F extends string> {
  private layout!: Layout<F>;
  private valueFields!: F[];
  private valueCols!: number[];
  /** Text columns an overflow row can extend (content, head, support, result). */
  private extendCols!: number[];
  private sttCol: number | undefined;
  private textCol: number | undefined;
  /** The lead and deadline columns (a numbered heading has neither of its own). */
  private dateAndLeadCols!: number[];
  /** Status, completion date and result: a numbered row with one of its own is tracked, so a task. */
  private trackCols!: number[];
  private header!: HeaderInfo<F>;

  constructor(
    private readonly view: SheetView,
    private readonly spec: ColumnSpec<F>,
    header: HeaderInfo<F>,
  ) {
    this.use(header);
  }

  /** Read the next rows with this header's columns. */
  private use(header: HeaderInfo<F>): void {
    const spec = this.spec;
    this.header = header;
    this.layout = new Layout(this.view, header);
    this.valueFields = (spec.kind === "task" ? ["lead", "deadline"] : ["unit", "target", "achieved", "total", "actual"]).filter((f) =>
      header.columns.has(f as F),
    ) as F[];
    this.valueCols = this.valueFields.map((f) => header.columns.get(f)!);
    this.extendCols = (["content", "head", "support", "result"] as string[])
      .filter((f) => header.columns.has(f as F))
      .map((f) => header.columns.get(f as F)!);
    this.sttCol = header.columns.get("stt" as F);
    this.textCol = header.columns.get(spec.textField);
    this.dateAndLeadCols = (["lead", "deadline"] as string[])
      .filter((f) => header.columns.has(f as F))
      .map((f) => header.columns.get(f as F)!);
    this.trackCols = (["status", "doneDate", "result"] as string[])
      .filter((f) => header.columns.has(f as F))
      .map((f) => header.columns.get(f as F)!);
  }

  /**
   * True when the row has a status, completion date or result of its own: written in the row and not
   * merged down over the rows below (a value merged over its sub-items is theirs as much as its own).
   */
  private hasOwnTracking(row: number): boolean {
    const v = this.view;
    for (const c of this.trackCols) {
      if (!v.ownPresent(row, c)) continue;
      const m = v.mergeAt(row, c);
      if (!m || m.bottom <= row) return true;
    }
    return false;
  }

  /** The cells of the mapped columns of a row (with the columns of the table being read). */
  cellsOf(row: number): Partial<Record<F, CellRef>> {
    return this.layout.cellsOf(row);
  }

  /**
   * A header row further down: the same columns again (after a page break) or a second table's own
   * header. Only rows with at least three short text cells are looked at (a header's shape), and the
   * header must name the table's text column.
   */
  private headerHere(row: number): HeaderInfo<F> | null {
    const v = this.view;
    let labels = 0;
    for (let c = v.firstCol; c <= v.lastCol && labels < MIN_HEADER_LABELS; c++) {
      const raw = v.raw(row, c);
      if (typeof raw === "string" && raw.length <= 80 && !isEmptyValue(raw)) labels++;
    }
    if (labels < MIN_HEADER_LABELS) return null;
    const h = headerAt(v, this.spec, row);
    return h && h.columns.has(this.spec.textField) ? h : null;
  }

  /**
   * "1. Tổ chức các hoạt động:" whose next row (past a few blank ones) is its first sub-item ("1.1", or
   * "a)" under a plain number), with no lead or deadline of its own — or ones merged down over that
   * sub-item (one unit and one deadline written once for a) and b)) — and no status, completion date or
   * result of its own: a heading, not a task.
   */
  private isNumberedHeading(row: number, sttText: string): boolean {
    const sttCol = this.sttCol;
    if (sttCol === undefined || this.hasOwnTracking(row)) return false;
    const v = this.view;
    // most numbered rows are tasks with their own lead or deadline: decided without looking further
    let sharedUntil = Infinity;
    for (const c of this.dateAndLeadCols) {
      if (!v.ownPresent(row, c)) continue;
      const m = v.mergeAt(row, c);
      if (!m || m.bottom <= row) return false;
      if (m.bottom < sharedUntil) sharedUntil = m.bottom;
    }
    const parent = sttKey(sttText);
    if (!NUMBER_KEY.test(parent)) return false;
    let next = row + 1;
    while (next <= v.lastRow && next <= row + MAX_CONTINUATION_GAP + 1 && !v.rowHasAnything(next)) next++;
    if (next > v.lastRow || next > sharedUntil || !v.ownPresent(next, sttCol)) return false;
    const child = sttKey(v.text(next, sttCol));
    return child === `${parent}.1` || (child === "a" && PLAIN_NUMBER_KEY.test(parent));
  }

  /** Rows numbered in advance and left empty: a number in STT and no other value of its own in the row. */
  private onlyNumber(row: number, sttCol: number): boolean {
    const r = this.view.grid.values[row - this.view.firstRow];
    if (!r) return false;
    const at = sttCol - this.view.firstCol;
    for (let i = 0; i < r.length; i++) if (i !== at && !isEmptyValue(r[i])) return false;
    return true;
  }

  private isFooter(row: number): boolean {
    const v = this.view;
    for (let c = v.firstCol; c <= v.lastCol; c++) {
      const raw = v.raw(row, c);
      if (typeof raw !== "string") continue;
      const t = v.texts.text(raw);
      if (t && t.length <= 60 && isFooterText(v.texts.fold(t))) return true;
    }
    return false;
  }

  private isColumnNumbers(row: number): boolean {
    const v = this.view;
    let expected = -1;
    let count = 0;
    for (let c = v.firstCol; c <= v.lastCol; c++) {
      const raw = v.raw(row, c);
      if (isEmptyValue(raw)) continue;
      const m =
        typeof raw === "number" ? (Number.isInteger(raw) ? [String(raw), String(raw)] : null) : COLUMN_NUMBER.exec(v.texts.text(raw));
      if (!m) return false;
      const n = Number(m[1]);
      if (expected !== -1 && n !== expected) return false;
      expected = n + 1;
      count++;
    }
    return count >= 3;
  }

  private isHeaderRepeat(row: number): boolean {
    const v = this.view;
    let matches = 0;
    let others = 0;
    for (let c = v.firstCol; c <= v.lastCol; c++) {
      if (v.fromAbove(row, c)) continue;
      const t = v.text(row, c);
      if (!t) continue;
      if (t.length > 80) {
        others++;
        continue;
      }
      const key = v.texts.fold(t);
      const hk = this.header.keys.get(c);
      if (hk !== undefined && (hk === key || fieldOf(this.spec, key, true) === fieldOf(this.spec, hk, true))) matches++;
      else others++;
    }
    return matches >= 2 && matches >= others;
  }

  /** A heading merged across the table's value columns (a group row without a numeral). */
  private isMergedHeading(row: number, textCol: number): boolean {
    if (!this.view.ownPresent(row, textCol)) return false;
    const m = this.view.mergeAt(row, textCol);
    if (!m || m.right <= m.left) return false;
    for (const f of this.valueFields) {
      const c = this.header.columns.get(f)!;
      if (c >= m.left && c <= m.right) return true;
    }
    return false;
  }

  /** Rows classified so far (all of them once `done`). */
  readonly rows: TableRow<F>[] = [];
  // Where reading stands, so it can stop after any row and go on later (the pane reads in slices).
  private next = -1;
  private ended = false;
  private seenContent = false;
  private lastTask: number | null = null;
  private blankRun = 0;
  /** Last row of a header found below the first one (its second row is part of it). */
  private headerEnd = 0;

  /** The sheet row `readUntil` reads next. */
  get nextRow(): number {
    return this.next < 0 ? this.header.dataStart : this.next;
  }

  /** True when every row below the header has its kind. */
  get done(): boolean {
    return this.nextRow > this.view.lastRow;
  }

  /** The whole table at once. */
  read(): TableRow<F>[] {
    this.readUntil(Infinity);
    return this.rows;
  }

  /** Give a kind to the next rows, up to `last` (a sheet row number) at most. Resumable: call again to go on. */
  readUntil(last: number): void {
    const end = Math.min(last, this.view.lastRow);
    let r = this.nextRow;
    for (; r <= end; r++) this.rows.push(this.classify(r));
    this.next = Math.max(r, this.nextRow);
  }

  /**
   * One row's kind, in phases: where the table stands (after its footer, in a header met again, a blank
   * row), then the table's structure (tableStructure: column numbers, footer, a header), then its content
   * (contentRow: tasks, groups, continuations).
   */
  private classify(r: number): TableRow<F> {
    const v = this.view;
    if (this.ended) return row(r, "after_footer", null);
    if (r <= this.headerEnd) return row(r, "header_repeat", null);
    if (!v.rowHasAnything(r)) {
      // Overflow text follows its task after a page break's few blank rows, not after a long gap
      // (a stray cell far below the table is its own row, reported where it is).
      if (++this.blankRun > MAX_CONTINUATION_GAP) this.lastTask = null;
      return row(r, "blank", null);
    }
    this.blankRun = 0;
    const sttCol = this.sttCol;
    const sttRef = sttCol !== undefined ? v.ref(r, sttCol) : undefined;
    const stt = classifyStt(sttRef && !sttRef.fromAbove ? sttRef.text : "");
    return this.tableStructure(r, stt) ?? this.contentRow(r, stt, sttRef);
  }

  /** The row of column numbers under the header, the footer, a header (repeated, or a second table's); null for content. */
  private tableStructure(r: number, stt: SttInfo): TableRow<F> | null {
    if (!this.seenContent) {
      this.seenContent = true;
      if (this.isColumnNumbers(r)) return row(r, "column_numbers", null);
    }
    if (stt.kind !== "empty" && stt.kind !== "text") return null;
    if (this.isFooter(r)) {
      this.ended = true;
      return row(r, "footer", null);
    }
    const h = this.headerHere(r);
    if (h) {
      this.headerEnd = h.dataStart - 1;
      if (sameColumns(h, this.header)) return row(r, "header_repeat", null);
      // a second table: its own columns, its own numbering, no task above it to continue
      this.use(h);
      this.lastTask = null;
      this.seenContent = false;
      return row(r, "table_header", null, { header: h });
    }
    if (this.isHeaderRepeat(r)) return row(r, "header_repeat", null);
    return null;
  }

  /** A content row: a number alone, the same task going on, a group, a task, or other. */
  private contentRow(r: number, stt: SttInfo, sttRef: CellRef | undefined): TableRow<F> {
    const v = this.view;
    const sttCol = this.sttCol;
    const textCol = this.textCol;
    const layout = this.layout;
    if (stt.kind === "number" && sttCol !== undefined && this.onlyNumber(r, sttCol)) {
      this.lastTask = null;
      return row(r, "numbered_empty", layout, { stt });
    }
    let hasValue = false;
    for (const c of this.valueCols) if (v.ownPresent(r, c)) hasValue = true;
    const lastTask = this.lastTask;
    const isTask = this.spec.kind === "task";
    // STT merged down from the task above, and no lead/deadline of its own: the same task goes on
    if (isTask && !hasValue && sttRef && sttRef.fromAbove && lastTask !== null && sttRef.row <= lastTask) {
      return row(r, "continuation", layout, { stt, owner: lastTask });
    }
    if (stt.kind === "group" || (textCol !== undefined && this.isMergedHeading(r, textCol))) {
      this.lastTask = null;
      return row(r, "group", layout, { stt, groupLabel: this.groupLabel(r, stt, textCol) });
    }
    const hasText = textCol !== undefined && v.ownPresent(r, textCol);
    if (!isTask) {
      if (hasValue) return row(r, "task", layout, { stt });
      if (hasText) return row(r, "group", layout, { stt, groupLabel: this.groupLabel(r, stt, textCol) });
      return row(r, "other", null);
    }
    return this.taskTableRow(r, stt, sttRef, hasValue, hasText);
  }

  /** In a task table: a numbered heading, a task, overflow text of the task above, or other. */
  private taskTableRow(r: number, stt: SttInfo, sttRef: CellRef | undefined, hasValue: boolean, hasText: boolean): TableRow<F> {
    const layout = this.layout;
    const lastTask = this.lastTask;
    if (stt.kind === "number" && sttRef && this.isNumberedHeading(r, sttRef.text)) {
      // its overflow text belongs to it (and is dropped with it), not to the task above
      this.lastTask = r;
      return row(r, "heading", layout, { stt });
    }
    if (stt.kind === "number" || hasValue) {
      this.lastTask = r;
      return row(r, "task", layout, { stt });
    }
    if (lastTask !== null && this.extendCols.some((c) => this.view.ownPresent(r, c))) {
      return row(r, "continuation", layout, { stt, owner: lastTask });
    }
    if (hasText) {
      this.lastTask = r;
      return row(r, "task", layout, { stt });
    }
    return row(r, "other", null);
  }

  private groupLabel(row: number, stt: SttInfo, textCol: number | undefined): string {
    let name = stt.groupName ?? (textCol !== undefined && !this.view.fromAbove(row, textCol) ? this.view.text(row, textCol) : "");
    if (!name) {
      const sttCol = this.header.columns.get("stt" as F);
      for (let c = this.view.firstCol; c <= this.view.lastCol && !name; c++) {
        if (c === sttCol || this.view.fromAbove(row, c)) continue;
        name = this.view.text(row, c);
      }
    }
    const numeral = stt.kind === "group" ? stt.numeral : undefined;
    if (numeral && name) return `${numeral}. ${name}`;
    return numeral ?? name;
  }
}

export function readRows<F extends string>(view: SheetView, spec: ColumnSpec<F>, header: HeaderInfo<F>): TableRow<F>[] {
  return new TableReader(view, spec, header).read();
}

/**
 * Lower-level entry for tests and the UI: find the header of a task (or indicator) table in a grid and
 * give every row below it its kind. Text is read as is (no legacy decoding).
 */
export function readTable(grid: Grid, kind: "task"): Table<TaskField>;
export function readTable(grid: Grid, kind: "indicator"): Table<IndicatorField>;
export function readTable(grid: Grid): Table<TaskField>;
export function readTable(grid: Grid, kind: "task" | "indicator" = "task"): Table<TaskField> | Table<IndicatorField> {
  const view = new SheetView(grid, new TextCache());
  if (kind === "indicator") {
    const header = findHeader(view, INDICATOR_COLUMNS);
    return { header, rows: header ? readRows(view, INDICATOR_COLUMNS, header) : [] };
  }
  const header = findHeader(view, TASK_COLUMNS);
  return { header, rows: header ? readRows(view, TASK_COLUMNS, header) : [] };
}
