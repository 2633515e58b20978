/**
 * Reading a table below its header into rows of known kinds. Every row from the first data row to the
 * end of the sheet gets exactly one kind, so nothing is silently lost:
 * - task: a task (or, in an indicator table, an indicator) row;
 * - group: Roman numeral / A, B, C (or a heading merged across the table);
 * - continuation: text that overflowed from the task above (pasted from Word) — appended to it;
 * - blank; footer ("Nơi nhận", "KT. CHỦ TỊCH", …) and after_footer: the table has ended;
 * - header_repeat (the header pasted again after a page break), column_numbers ("(1) (2) (3)…" right
 *   under the header);
 * - other: something that is none of the above (e.g. a note outside the table's columns, or a title
 *   such as "PHỤ LỤC II" typed in the STT column when two tables were pasted into one sheet).
 */
import { findHeader, type HeaderInfo } from "./header";
import { fieldOf, INDICATOR_COLUMNS, TASK_COLUMNS, type ColumnSpec, type IndicatorField, type TaskField } from "./columns";
import { isEmptyValue, SheetView, TextCache, type CellRef } from "./sheet-view";
import { classifyStt, type SttInfo } from "./stt";
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
}

const NO_CELLS = Object.freeze({});

class Row<F extends string> implements TableRow<F> {
  stt?: SttInfo;
  owner?: number;
  groupLabel?: string;
  constructor(
    readonly row: number,
    readonly kind: RowKind,
    private readonly reader: TableReader<F> | null,
  ) {}

  get cells(): Partial<Record<F, CellRef>> {
    return this.reader ? this.reader.cellsOf(this.row) : (NO_CELLS as Partial<Record<F, CellRef>>);
  }

  toJSON(): object {
    return { row: this.row, kind: this.kind, stt: this.stt, owner: this.owner, groupLabel: this.groupLabel };
  }
}

function row<F extends string>(
  r: number,
  kind: RowKind,
  reader: TableReader<F> | null,
  extra?: { stt?: SttInfo; owner?: number; groupLabel?: string },
): Row<F> {
  const x = new Row<F>(r, kind, reader);
  if (extra) {
    if (extra.stt !== undefined) x.stt = extra.stt;
    if (extra.owner !== undefined) x.owner = extra.owner;
    if (extra.groupLabel !== undefined) x.groupLabel = extra.groupLabel;
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

function isFooterText(key: string): boolean {
  if (FOOTER_EXACT.has(key)) return true;
  for (const p of FOOTER_PREFIXES) if (key.startsWith(p)) return true;
  return false;
}

export class TableReader<F extends string> {
  private readonly fieldCols: [F, number][];
  private readonly valueFields: F[];
  private readonly valueCols: number[];
  /** Text columns an overflow row can extend (content, head, support, result). */
  private readonly extendCols: number[];

  constructor(
    private readonly view: SheetView,
    private readonly spec: ColumnSpec<F>,
    private readonly header: HeaderInfo<F>,
  ) {
    this.fieldCols = [...header.columns.entries()];
    this.valueFields = (spec.kind === "task" ? ["lead", "deadline"] : ["unit", "target", "achieved", "total", "actual"]).filter((f) =>
      header.columns.has(f as F),
    ) as F[];
    this.valueCols = this.valueFields.map((f) => header.columns.get(f)!);
    this.extendCols = (["content", "head", "support", "result"] as string[])
      .filter((f) => header.columns.has(f as F))
      .map((f) => header.columns.get(f as F)!);
  }

  /** The cells of the mapped columns of a row. */
  cellsOf(row: number): Partial<Record<F, CellRef>> {
    const out: Partial<Record<F, CellRef>> = {};
    for (const [f, c] of this.fieldCols) out[f] = this.view.ref(row, c);
    return out;
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
    const v = this.view;
    const rows = this.rows;
    const sttCol = this.header.columns.get("stt" as F);
    const isTask = this.spec.kind === "task";
    const tf = this.spec.textField;
    const textCol = this.header.columns.get(tf);
    const end = Math.min(last, v.lastRow);
    let r = this.nextRow;
    for (; r <= end; r++) {
      if (this.ended) {
        rows.push(row(r, "after_footer", null));
        continue;
      }
      if (!v.rowHasAnything(r)) {
        rows.push(row(r, "blank", null));
        // Overflow text follows its task after a page break's few blank rows, not after a long gap
        // (a stray cell far below the table is its own row, reported where it is).
        if (++this.blankRun > MAX_CONTINUATION_GAP) this.lastTask = null;
        continue;
      }
      this.blankRun = 0;
      const sttRef = sttCol !== undefined ? v.ref(r, sttCol) : undefined;
      const stt = classifyStt(sttRef && !sttRef.fromAbove ? sttRef.text : "");
      if (!this.seenContent) {
        this.seenContent = true;
        if (this.isColumnNumbers(r)) {
          rows.push(row(r, "column_numbers", null));
          continue;
        }
      }
      if (stt.kind === "empty" || stt.kind === "text") {
        if (this.isFooter(r)) {
          this.ended = true;
          rows.push(row(r, "footer", null));
          continue;
        }
        if (this.isHeaderRepeat(r)) {
          rows.push(row(r, "header_repeat", null));
          continue;
        }
      }
      let hasValue = false;
      for (const c of this.valueCols) if (v.ownPresent(r, c)) hasValue = true;
      const lastTask = this.lastTask;
      // STT merged down from the task above, and no lead/deadline of its own: the same task goes on
      if (isTask && !hasValue && sttRef && sttRef.fromAbove && lastTask !== null && sttRef.row <= lastTask) {
        rows.push(row(r, "continuation", this, { stt, owner: lastTask }));
        continue;
      }
      if (stt.kind === "group" || (textCol !== undefined && this.isMergedHeading(r, textCol))) {
        this.lastTask = null;
        rows.push(row(r, "group", this, { stt, groupLabel: this.groupLabel(r, stt, textCol) }));
        continue;
      }
      const hasText = textCol !== undefined && v.ownPresent(r, textCol);
      if (!isTask) {
        if (hasValue) rows.push(row(r, "task", this, { stt }));
        else if (hasText) rows.push(row(r, "group", this, { stt, groupLabel: this.groupLabel(r, stt, textCol) }));
        else rows.push(row(r, "other", null));
        continue;
      }
      if (stt.kind === "number" || hasValue) {
        this.lastTask = r;
        rows.push(row(r, "task", this, { stt }));
      } else if (lastTask !== null && this.extendCols.some((c) => v.ownPresent(r, c))) {
        rows.push(row(r, "continuation", this, { stt, owner: lastTask }));
      } else if (hasText) {
        this.lastTask = r;
        rows.push(row(r, "task", this, { stt }));
      } else {
        rows.push(row(r, "other", null));
      }
    }
    this.next = Math.max(r, this.nextRow);
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
