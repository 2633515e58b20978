/**
 * Gửi đơn vị — one copy of the plan per lead unit, as plain data (the file layer writes it): for every
 * appendix sheet with tasks the unit leads, a sheet of the same name with the plan's title rows, header
 * rows, column widths, the group (and numbered heading) rows above the unit's tasks, and those tasks —
 * text read from the plan decoded to Unicode, continuation rows joined to their task, values merged down
 * over several tasks written into each. The fill-in columns (Tình trạng, Ngày hoàn thành, Kết quả thực hiện,
 * Ghi chú) are marked (amber header, light fill) and added at the right when the plan has none — the
 * plan's planned output (Kết quả / Sản phẩm) stays a column of the plan, sent as it is; Tình trạng
 * gets a drop-down of the statuses the engine reads. The copy's record (copy-record.ts) keeps the plan's
 * stamp and each task's identity and values as sent. Tasks without one known lead unit are sent to no one.
 * Pure.
 */
import { rangeA1 } from "../../core/a1";
import { isDateFormat, serialToIso } from "../../core/dates";
import { formatViDate } from "../../i18n/format";
import { capText, fullTextHash } from "../../core/identity";
import type { CellValue, Grid } from "../../core/grid";
import type { Report, Task } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { CellStyle, SpecCell, SpecMerge, SpecValue, SummarySheetSpec } from "../../core/sheet-spec";
import { estimateRowHeights } from "../summary/layout";
import { PRINT_MARGINS } from "../summary/print";
import { FONT_NAME, HEADER_FILL, TONES } from "../summary/styles";
import { identityOf } from "../../core/document/identity";
import { communeWords, planReference } from "../../i18n/document";
import { summaryText } from "../../i18n/summary";
import { returnsSheetText } from "../../i18n/returns";
import type { TaskField } from "../../core/columns";
import { encodeFill, FILL_FIELDS, STATUS_CHOICES, type FillField } from "../../core/returned-copies/fields";
import type { CopyTask, PlanStamp, UnitCopyRecord } from "../../core/returned-copies/copy-record";
import { entriesOf, fingerprintOf } from "../../core/returned-copies/merge";
import { fieldCell, fillCells, readTaskTables, type TaskTable } from "../../core/returned-copies/task-tables";

export interface SplitInput {
  report: Report;
  grids: Grid[];
  settings: Settings;
  /** Each report task's identity (same order as report.tasks). */
  ids: readonly string[];
  /** The plan's column widths (Excel character units, index 0 = column A; 0 = not known), by sheet. */
  columnWidths: Record<string, number[]>;
  /** The as-of date of the split (written into the copies and their record). */
  asOf: string;
  planFile?: string;
}

/** A data validation list on a range (the file writer puts a drop-down there). */
export interface ListValidation {
  range: string;
  list: readonly string[];
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

export interface CopySheet {
  spec: SummarySheetSpec;
  validations: ListValidation[];
}

export interface UnitCopy {
  unit: string;
  /** "Phòng Kinh tế.xlsx": the unit's name, Vietnamese letters kept. */
  fileName: string;
  sheets: CopySheet[];
  record: UnitCopyRecord;
  tasks: number;
}

/** A task sent to no one: where it is (its lead cell), which task, and what its lead cell says. */
export interface UnassignedTask {
  sheet: string;
  row: number;
  /** The lead cell (A1), or the task's first cell when the sheet has no lead column. */
  cell: string;
  stt: string;
  text: string;
  /** What the lead cell holds ("" when empty). */
  lead: string;
}

export interface SplitPlan {
  copies: UnitCopy[];
  /** Tasks sent to no one (no lead unit, an unknown one, or several). */
  unassigned: UnassignedTask[];
  stamp: PlanStamp;
}

/** The fill-in area of the copy: amber header, light yellow cells. */
export const FILL_HEADER_RGB = TONES.amber.fill;
export const FILL_CELL_RGB = "FFF9E1";
const DEFAULT_WIDTH = 12;
const NEW_COLUMN_WIDTH: Record<FillField, number> = { status: 17, doneDate: 14, outcome: 28, note: 24 };
/** Columns continuation rows extend (appendix.ts): the task's joined text goes into the copy's one row. */
const JOINED: Partial<Record<TaskField, "content" | "head" | "support" | "result">> = {
  content: "content",
  head: "head",
  support: "support",
  result: "result",
};

/** Code points of a copy's file name before ".xlsx" (and a suffix that tells two apart). */
const NAME_MAX = 120;

/**
 * A file name from a unit's name: characters no file system takes become "-"; Vietnamese letters stay;
 * at most NAME_MAX code points (never half a character). `n` > 1: " (n)" tells it from an earlier copy's.
 */
export function copyFileName(unit: string, n = 1): string {
  const suffix = n > 1 ? ` (${n})` : "";
  const cleaned = unit
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[ .]+|[ .]+$/g, "");
  const base = Array.from(cleaned)
    .slice(0, NAME_MAX - suffix.length)
    .join("")
    .replace(/[ .]+$/, "");
  return `${base || "don-vi"}${suffix}.xlsx`;
}

/** One file name per unit, none the same as another's as file systems compare them (case and letter forms aside). */
export function uniqueFileNames(units: readonly string[]): string[] {
  const taken = new Set<string>();
  return units.map((unit) => {
    for (let n = 1; ; n++) {
      const name = copyFileName(unit, n);
      const key = name.normalize("NFC").toLocaleLowerCase("vi");
      if (taken.has(key)) continue;
      taken.add(key);
      return name;
    }
  });
}

const f = (extra: CellStyle["font"] = {}): CellStyle["font"] => ({ name: FONT_NAME, size: 12, ...extra });
const STYLES: Record<string, CellStyle> = {
  title: { font: f({ size: 13, bold: true }), align: { horizontal: "center", vertical: "middle", wrap: true } },
  subtitle: { font: f({ size: 13, italic: true }), align: { horizontal: "center", vertical: "middle", wrap: true } },
  note: { font: f({ italic: true }), fill: FILL_CELL_RGB, align: { horizontal: "left", vertical: "middle", wrap: true } },
  header: { font: f({ bold: true }), fill: HEADER_FILL, border: true, align: { horizontal: "center", vertical: "middle", wrap: true } },
  fillHeader: {
    font: f({ bold: true }),
    fill: FILL_HEADER_RGB,
    border: true,
    align: { horizontal: "center", vertical: "middle", wrap: true },
  },
  numbers: { font: f({ italic: true }), border: true, align: { horizontal: "center", vertical: "middle" } },
  group: { font: f({ bold: true }), border: true, align: { horizontal: "left", vertical: "middle", wrap: true } },
  text: { font: f(), border: true, align: { horizontal: "left", vertical: "top", wrap: true } },
  center: { font: f(), border: true, align: { horizontal: "center", vertical: "top", wrap: true } },
  date: { font: f(), border: true, align: { horizontal: "center", vertical: "top" }, numFmt: "dd/mm/yyyy" },
  fill: { font: f(), fill: FILL_CELL_RGB, border: true, align: { horizontal: "left", vertical: "top", wrap: true }, numFmt: "@" },
  fillDate: { font: f(), fill: FILL_CELL_RGB, border: true, align: { horizontal: "center", vertical: "top" }, numFmt: "dd/mm/yyyy" },
};

/** The plan's stamp kept in every copy (which plan, which version). */
export function planStamp(report: Report, settings: Settings, planFile?: string): PlanStamp {
  const entries = entriesOf(report.tasks);
  const identity = identityOf(report, settings);
  return {
    title: planReference(identity, "short"),
    year: report.planYear,
    commune: communeWords(identity.commune),
    tasks: report.tasks.length,
    fingerprint: fingerprintOf(report.tasks, entries),
    ...(planFile ? { file: planFile } : {}),
  };
}

/** A cell's value for the copy: text decoded, an error as its text, a date-formatted number as a date. */
function specValue(v: CellValue, format: string | null): SpecValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return v.error;
  if (typeof v === "number" && isDateFormat(format)) {
    const iso = serialToIso(v);
    return iso ? { date: iso } : v;
  }
  return v;
}

/**
 * One sheet of a unit's copy as it is built, row after row (`row` is the copy's last row written): the
 * plan's table it comes from, the copy's columns (the table's, then the fill-in columns it lacks) and the
 * cells and merges so far. copySheet runs its phases in order: title rows and the note, header rows, the
 * column numbers, the group rows and tasks, then the sheet's spec.
 */
class CopyBuilder {
  readonly cells: SpecCell[] = [];
  readonly merges: SpecMerge[] = [];
  row = 0;
  readonly view: TaskTable["view"];
  readonly header: TaskTable["header"];
  /** The fill-in fields the plan has no column for (added at the right, in this order). */
  readonly missing: FillField[];
  /** Columns of the copy: the table's, then the fill-in columns it lacks. */
  readonly width: number;
  /** Each fill-in field's column in the copy, and the field of a fill-in column. */
  readonly fillCol: Map<FillField, number>;
  private readonly fillOfCol = new Map<number, FillField>();
  /** The plan's field of each of the table's columns (the first field when two share one). */
  private readonly fieldOfCol = new Map<number, TaskField>();
  /** Rows of the copy where the header starts and ends (set by headerRows). */
  headerTop = 0;
  headerBottom = 0;
  /** The copy's first task row (0 while none). */
  firstTask = 0;

  constructor(readonly table: TaskTable) {
    this.view = table.view;
    const header = (this.header = table.header);
    this.missing = FILL_FIELDS.filter((x) => !header.columns.has(x));
    this.width = table.lastCol + this.missing.length;
    this.fillCol = new Map(FILL_FIELDS.map((x) => [x, header.columns.get(x) ?? table.lastCol + 1 + this.missing.indexOf(x)]));
    for (const [x, c] of this.fillCol) if (!this.fillOfCol.has(c)) this.fillOfCol.set(c, x);
    for (const [field, c] of header.columns) if (!this.fieldOfCol.has(c)) this.fieldOfCol.set(c, field);
  }

  set(row: number, col: number, value: SpecValue, style: string): void {
    this.cells.push({ row, col, value, style });
  }

  /** Merges of plan rows [top, bottom] that lie within them, moved to start at copy row `at`; those reaching the table's last column span the new columns too. */
  copyMerges(top: number, bottom: number, at: number): void {
    for (const m of this.table.view.grid.merges) {
      if (m.top < top || m.bottom > bottom || m.left > this.table.lastCol) continue;
      const right = m.right >= this.table.lastCol ? this.width : m.right;
      if (right === m.left && m.bottom === m.top) continue;
      this.merges.push({ top: m.top - top + at, left: m.left, bottom: m.bottom - top + at, right });
    }
  }

  /** The plan's title rows, then the note to the unit (merged across the copy). */
  titleRowsAndNote(note: string): void {
    const { view, table } = this;
    for (let r = view.firstRow; r < this.header.row; r++) {
      this.row++;
      for (let c = 1; c <= table.lastCol; c++) {
        const m = view.mergeAt(r, c);
        if (m && (m.top !== r || m.left !== c)) continue;
        const v = specValue(view.raw(r, c), null);
        if (v === null || v === "") continue;
        this.set(this.row, c, v, typeof v === "string" && v.trim().startsWith("(") ? "subtitle" : "title");
      }
      this.copyMerges(r, r, this.row);
    }
    const noteRow = ++this.row;
    this.set(noteRow, 1, note, "note");
    for (let c = 2; c <= this.width; c++) this.set(noteRow, c, null, "note");
    if (this.width > 1) this.merges.push({ top: noteRow, left: 1, bottom: noteRow, right: this.width });
  }

  /** Header rows (merges within them kept); the fill-in columns' headers in amber, the added ones labelled. */
  headerRows(): void {
    const { view, table, header } = this;
    this.headerTop = this.row + 1;
    this.headerBottom = this.headerTop + header.height - 1;
    for (let r = header.row; r < header.row + header.height; r++) {
      this.row++;
      for (let c = 1; c <= this.width; c++) {
        const style = this.fillOfCol.has(c) ? "fillHeader" : "header";
        const m = c <= table.lastCol ? view.mergeAt(r, c) : undefined;
        const own = !m || (m.top === r && m.left === c);
        this.set(this.row, c, own && c <= table.lastCol ? specValue(view.raw(r, c), null) : null, style);
      }
    }
    this.copyMerges(header.row, header.row + header.height - 1, this.headerTop);
    for (const x of this.missing) {
      const c = this.fillCol.get(x)!;
      this.set(this.headerTop, c, returnsSheetText.columnLabels[x], "fillHeader");
      if (header.height > 1) this.merges.push({ top: this.headerTop, left: c, bottom: this.headerBottom, right: c });
    }
  }

  /** "(1) (2) (3)…" under the header, when the plan has it. */
  columnNumbers(): void {
    const { table } = this;
    const numbers = table.rows.find((r) => r.kind === "column_numbers" && r.row < this.header.dataStart + 2);
    if (!numbers) return;
    this.row++;
    for (let c = 1; c <= this.width; c++)
      this.set(this.row, c, c <= table.lastCol ? specValue(this.view.value(numbers.row, c), null) : null, "numbers");
  }

  /** Group and heading rows above the unit's tasks (each once), then the tasks; their records in row order. */
  groupsAndTasks(tasks: { task: Task; id: string }[]): CopyTask[] {
    const { table } = this;
    const byRow = new Map(tasks.map((t) => [t.task.row, t]));
    const records: CopyTask[] = [];
    let group: number | null = null;
    let heading: number | null = null;
    let groupOut = false;
    let headingOut = false;
    for (const r of table.rows) {
      if (r.kind === "group" || r.kind === "table_header") {
        group = r.row;
        groupOut = false;
        heading = null;
      } else if (r.kind === "heading") {
        heading = r.row;
        headingOut = false;
      }
      if (r.kind !== "task") continue;
      const item = byRow.get(r.row);
      if (!item) continue;
      if (group !== null && !groupOut) {
        this.plainRow(group, table.rows.find((x) => x.row === group)?.kind === "table_header" ? "header" : "group");
        groupOut = true;
      }
      if (heading !== null && !headingOut) {
        this.plainRow(heading, "group");
        headingOut = true;
      }
      records.push(this.taskRow(item));
    }
    return records;
  }

  /** A group or heading row of the plan, copied as it is. */
  private plainRow(r: number, style: string): void {
    const { view, table } = this;
    this.row++;
    for (let c = 1; c <= this.width; c++) {
      const m = c <= table.lastCol ? view.mergeAt(r, c) : undefined;
      const own = !m || m.left === c;
      this.set(this.row, c, own && c <= table.lastCol ? specValue(view.value(r, c), view.ref(r, c).format) : null, style);
    }
    this.copyMerges(r, r, this.row);
  }

  /** One task's row: the plan's cells (joined text for continued ones), its fill-in values; its record. */
  private taskRow(item: { task: Task; id: string }): CopyTask {
    const { view, table } = this;
    const t = item.task;
    const row = ++this.row;
    if (!this.firstTask) this.firstTask = row;
    const planCells = fillCells(table, t.row);
    for (let c = 1; c <= this.width; c++) {
      const fill = this.fillOfCol.get(c);
      if (fill) {
        const v = planCells[fill]?.value;
        this.set(
          row,
          c,
          !v || v.kind === "blank" ? null : v.kind === "date" ? { date: v.iso } : v.text,
          fill === "doneDate" ? "fillDate" : "fill",
        );
        continue;
      }
      const field = this.fieldOfCol.get(c);
      const value = c <= table.lastCol ? this.planValue(t, c, field) : null;
      this.set(row, c, value, this.taskCellStyle(value, c, field));
    }
    // Horizontal merges within the task row only (a value merged down is written into each row).
    for (const m of view.grid.merges)
      if (m.top === t.row && m.bottom === t.row && m.left <= table.lastCol && !this.fillOfCol.has(m.left))
        this.merges.push({ top: row, left: m.left, bottom: row, right: Math.min(m.right, table.lastCol) });
    return taskRecord(item, table.name, row, planCells);
  }

  /** A plan cell of a task row (null when another cell of its merge holds it); a joined field's whole text. */
  private planValue(t: Task, c: number, field: TaskField | undefined): SpecValue {
    const m = this.view.mergeAt(t.row, c);
    const own = !m || m.left === c;
    const ref = this.view.ref(t.row, c);
    if (!own) return null;
    const value = specValue(ref.value, ref.format);
    const joined = field ? JOINED[field] : undefined;
    if (!joined) return value;
    return joined === "content" ? t.content : (t[joined] ?? value);
  }

  private taskCellStyle(value: SpecValue, c: number, field: TaskField | undefined): string {
    if (value !== null && typeof value === "object") return "date";
    return c === this.header.columns.get("stt") || field === "deadline" || field === "period" ? "center" : "text";
  }

  /** The copy's column widths: the plan's where known, the added fill-in columns' own, else the default. */
  columnWidths(widths: number[]): number[] {
    const out: number[] = [];
    for (let c = 1; c <= this.width; c++) {
      const fill = this.fillOfCol.get(c);
      const known = widths[c - 1];
      out.push(known && known > 0 ? known : fill && c > this.table.lastCol ? NEW_COLUMN_WIDTH[fill] : DEFAULT_WIDTH);
    }
    return out;
  }

  /** The drop-down of statuses on the task rows' Tình trạng cells (none without tasks). */
  statusValidations(): ListValidation[] {
    if (!this.firstTask) return [];
    const statusCol = this.fillCol.get("status")!;
    return [
      {
        range: rangeA1(this.firstTask, statusCol, this.row, statusCol),
        list: STATUS_CHOICES,
        prompt: { title: returnsSheetText.statusPromptTitle, text: returnsSheetText.statusPrompt },
        error: { title: returnsSheetText.statusErrorTitle, text: returnsSheetText.statusError },
      },
    ];
  }
}

/** The record of a task as sent: its identity, where it sits in the copy and its fill-in values. */
function taskRecord(item: { task: Task; id: string }, sheet: string, copyRow: number, planCells: ReturnType<typeof fillCells>): CopyTask {
  const t = item.task;
  const { text, cut } = capText(t.content);
  return {
    id: item.id,
    sheet,
    group: t.group,
    stt: t.stt,
    text,
    ...(cut ? { hash: fullTextHash(t.content) } : {}),
    lead: t.lead,
    deadline: t.deadline.raw,
    due: t.deadline.due,
    copySheet: sheet,
    copyRow,
    values: FILL_FIELDS.map((x) => encodeFill(planCells[x]?.value ?? { kind: "blank" })) as CopyTask["values"],
    ...(t.result !== undefined ? { result: t.result } : {}),
  };
}

/** The copy's sheet for one appendix sheet and the unit's tasks on it (in row order). */
function copySheet(
  table: TaskTable,
  tasks: { task: Task; id: string }[],
  unit: string,
  widths: number[],
  asOf: string,
): { sheet: CopySheet; records: CopyTask[] } {
  const b = new CopyBuilder(table);
  b.titleRowsAndNote(returnsSheetText.instruction(unit, tasks.length, formatViDate(asOf)));
  b.headerRows();
  b.columnNumbers();
  const records = b.groupsAndTasks(tasks);
  const columnWidths = b.columnWidths(widths);
  const spec: SummarySheetSpec = {
    key: `unit_copy_${table.name}`,
    name: table.name,
    styles: STYLES,
    cells: b.cells,
    merges: b.merges,
    columnWidths,
    rowHeights: estimateRowHeights(b.cells, b.merges, STYLES, columnWidths),
    visuals: [],
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      printTitleRows: [b.headerTop, b.headerBottom],
      margins: PRINT_MARGINS,
      footerCenter: summaryText.pageFooter,
      printArea: rangeA1(1, 1, b.row, b.width),
    },
    freezeRows: b.headerBottom,
  };
  return { sheet: { spec, validations: b.statusValidations() }, records };
}

/** One copy per lead unit (in the settings' unit order, then any other lead by name). */
export function splitPlan(input: SplitInput): SplitPlan {
  const { report, settings } = input;
  const tables = readTaskTables(report, input.grids);
  const stamp = planStamp(report, settings, input.planFile);
  const byUnit = new Map<string, { task: Task; id: string }[]>();
  const unassigned: UnassignedTask[] = [];
  report.tasks.forEach((task, i) => {
    if (!task.lead || !tables.has(task.sheet)) {
      const table = tables.get(task.sheet);
      const cell = (table && fieldCell(table, task.row, "lead")) ?? (table && fieldCell(table, task.row, "content")) ?? `A${task.row}`;
      unassigned.push({ sheet: task.sheet, row: task.row, cell, stt: task.stt, text: capText(task.content).text, lead: task.leadRaw });
      return;
    }
    let list = byUnit.get(task.lead);
    if (!list) byUnit.set(task.lead, (list = []));
    list.push({ task, id: input.ids[i] });
  });
  const order = new Map(settings.units.map((u, i) => [u.name, i]));
  const units = [...byUnit.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b, "vi"));
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.name, i]));
  const fileNames = uniqueFileNames(units);
  const copies = units.map((unit, u) => {
    const tasks = byUnit.get(unit)!;
    const sheets: CopySheet[] = [];
    const records: CopyTask[] = [];
    const names = [...new Set(tasks.map((t) => t.task.sheet))].sort((a, b) => sheetOrder.get(a)! - sheetOrder.get(b)!);
    for (const name of names) {
      const own = tasks.filter((t) => t.task.sheet === name).sort((a, b) => a.task.row - b.task.row);
      const made = copySheet(tables.get(name)!, own, unit, input.columnWidths[name] ?? [], input.asOf);
      sheets.push(made.sheet);
      for (const r of made.records) records.push(r);
    }
    const record: UnitCopyRecord = { v: 1, unit, sentOn: input.asOf, plan: stamp, tasks: records, fill: [...FILL_FIELDS] };
    return { unit, fileName: fileNames[u], sheets, record, tasks: tasks.length };
  });
  return { copies, unassigned, stamp };
}
