/**
 * Reading a table below its header into rows of known kinds. Every row from the first data row to the
 * end of the sheet gets exactly one kind, so nothing is silently lost:
 * - task: a task (or, in an indicator table, an indicator) row;
 * - group: Roman numeral / A, B, C (or a heading merged across the table);
 * - continuation: text that overflowed from the task above (pasted from Word) — appended to it;
 * - blank; footer ("Nơi nhận", "KT. CHỦ TỊCH", …) and after_footer: the table has ended;
 * - header_repeat (the header pasted again after a page break), column_numbers ("(1) (2) (3)…" right
 *   under the header);
 * - other: something that is none of the above (e.g. a note outside the table's columns).
 */
import { findHeader, type HeaderInfo } from "./header";
import { fieldOf, INDICATOR_COLUMNS, TASK_COLUMNS, type ColumnSpec, type IndicatorField, type TaskField } from "./columns";
import { isEmptyValue, SheetView, TextCache, type CellRef } from "./sheet-view";
import { classifyStt, type SttInfo } from "./stt";
import type { Grid } from "./grid";

export const ROW_KINDS = ["task", "group", "continuation", "blank", "footer", "header_repeat", "column_numbers", "other", "after_footer"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export interface TableRow<F extends string> {
  row: number;
  kind: RowKind;
  /** The cells of the mapped columns (task, group and continuation rows only). */
  cells: Partial<Record<F, CellRef>>;
  stt?: SttInfo;
  /** Continuation rows: the row of the task they belong to. Group rows: the group's label. */
  owner?: number;
  groupLabel?: string;
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

function present(c: CellRef | undefined): boolean {
  return !!c && !c.fromAbove && (c.error !== null || c.text !== "");
}

export class TableReader<F extends string> {
  private readonly fieldCols: [F, number][];
  private readonly valueFields: F[];

  constructor(
    private readonly view: SheetView,
    private readonly spec: ColumnSpec<F>,
    private readonly header: HeaderInfo<F>,
  ) {
    this.fieldCols = [...header.columns.entries()];
    this.valueFields = (spec.kind === "task" ? ["lead", "deadline"] : ["unit", "target", "achieved", "total", "actual"]).filter((f) =>
      header.columns.has(f as F),
    ) as F[];
  }

  private cells(row: number): Partial<Record<F, CellRef>> {
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
      const m = typeof raw === "number" ? (Number.isInteger(raw) ? [String(raw), String(raw)] : null) : COLUMN_NUMBER.exec(v.texts.text(raw));
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
  private isMergedHeading(row: number, text: CellRef | undefined): boolean {
    if (!text || !present(text)) return false;
    const m = this.view.mergeAt(row, text.col);
    if (!m || m.right <= m.left) return false;
    for (const f of this.valueFields) {
      const c = this.header.columns.get(f)!;
      if (c >= m.left && c <= m.right) return true;
    }
    return false;
  }

  read(): TableRow<F>[] {
    const v = this.view;
    const rows: TableRow<F>[] = [];
    const sttCol = this.header.columns.get("stt" as F);
    const isTask = this.spec.kind === "task";
    const tf = this.spec.textField;
    let ended = false;
    let seenContent = false;
    let lastTask: number | null = null;
    for (let r = this.header.dataStart; r <= v.lastRow; r++) {
      if (ended) {
        rows.push({ row: r, kind: "after_footer", cells: {} });
        continue;
      }
      if (!v.rowHasAnything(r)) {
        rows.push({ row: r, kind: "blank", cells: {} });
        continue;
      }
      const sttRef = sttCol !== undefined ? v.ref(r, sttCol) : undefined;
      const stt = classifyStt(sttRef && !sttRef.fromAbove ? sttRef.text : "");
      if (!seenContent) {
        seenContent = true;
        if (this.isColumnNumbers(r)) {
          rows.push({ row: r, kind: "column_numbers", cells: {} });
          continue;
        }
      }
      if (stt.kind === "empty" || stt.kind === "text") {
        if (this.isFooter(r)) {
          ended = true;
          rows.push({ row: r, kind: "footer", cells: {} });
          continue;
        }
        if (this.isHeaderRepeat(r)) {
          rows.push({ row: r, kind: "header_repeat", cells: {} });
          continue;
        }
      }
      const cells = this.cells(r);
      const text = cells[tf];
      if (isTask && sttRef && sttRef.fromAbove && lastTask !== null && sttRef.row <= lastTask) {
        rows.push({ row: r, kind: "continuation", cells, stt, owner: lastTask });
        continue;
      }
      if (stt.kind === "group" || this.isMergedHeading(r, text)) {
        lastTask = null;
        rows.push({ row: r, kind: "group", cells, stt, groupLabel: this.groupLabel(r, stt, text) });
        continue;
      }
      const hasValue = this.valueFields.some((f) => present(cells[f]));
      const hasText = present(text);
      if (!isTask) {
        if (hasValue) rows.push({ row: r, kind: "task", cells, stt });
        else if (hasText) rows.push({ row: r, kind: "group", cells, stt, groupLabel: this.groupLabel(r, stt, text) });
        else rows.push({ row: r, kind: "other", cells: {} });
        continue;
      }
      if (stt.kind === "number" || hasValue) {
        lastTask = r;
        rows.push({ row: r, kind: "task", cells, stt });
      } else if (lastTask !== null) {
        rows.push({ row: r, kind: "continuation", cells, stt, owner: lastTask });
      } else if (hasText) {
        lastTask = r;
        rows.push({ row: r, kind: "task", cells, stt });
      } else {
        rows.push({ row: r, kind: "other", cells: {} });
      }
    }
    return rows;
  }

  private groupLabel(row: number, stt: SttInfo, text: CellRef | undefined): string {
    let name = stt.groupName ?? (text && !text.fromAbove ? text.text : "");
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
