/** One appendix (task) sheet: rows → tasks and the issues of their cells. */
import { toA1 } from "./a1";
import { categorize } from "./status";
import { daysBetween, serialToIso } from "./dates";
import { sttKey } from "./stt";
import type { AnalysisContext } from "./context";
import { isErrorValue, type CellRef, type SheetView } from "./sheet-view";
import type { HeaderInfo } from "./header";
import { TASK_COLUMNS, type TaskField } from "./columns";
import type { TableRow } from "./table";
import type { Deadline, Task } from "./report-schema";

/** Columns whose values the engine reads (an error value there is a CELL_ERROR). */
const READ_FIELDS: TaskField[] = ["stt", "content", "head", "lead", "support", "result", "deadline", "period", "status", "doneDate"];
const PLAIN_NUMBER = /^\d+$/;
const LETTER = /^[a-zđ]$/;
/** Text columns that a continuation row extends. */
const APPENDED_FIELDS = ["content", "head", "support", "result"] as const;

export interface SheetScope {
  index: number;
  name: string;
  planYear: number;
}

interface Draft {
  row: number;
  group: string | null;
  stt: string;
  content: string;
  head: string;
  support: string;
  result: string;
}

function text(c: CellRef | undefined): string {
  return c && c.error === null ? c.text : "";
}

function at(c: CellRef): { row: number; col: number } {
  return { row: c.row, col: c.col };
}

/**
 * The mapped cells of a row, read only when needed (a CellRef is built just for the cells an issue may
 * point at): tables of 20,000 rows stay cheap.
 */
class RowFields {
  private readonly readCols: [TaskField, number][];
  constructor(
    readonly view: SheetView,
    readonly cols: Map<TaskField, number>,
    /** First data row: a merge starting above it (a header cell merged down) gives data rows nothing. */
    private readonly dataStart = 1,
  ) {
    this.readCols = READ_FIELDS.filter((f) => cols.has(f)).map((f) => [f, cols.get(f)!]);
  }

  /** True when the cell is covered by a merge that starts in the header (or above): not the row's value. */
  private fromHeader(row: number, c: number): boolean {
    const m = this.view.mergeAt(row, c);
    return !!m && m.top < this.dataStart && row >= this.dataStart;
  }

  private blankRef(row: number, c: number, out?: CellRef): CellRef {
    const r = out ?? ({} as CellRef);
    r.value = null;
    r.text = "";
    r.row = row;
    r.col = c;
    r.fromAbove = false;
    r.error = null;
    r.format = null;
    return r;
  }

  /** Resolved text ("" for a missing column or an error value). */
  text(row: number, f: TaskField): string {
    const c = this.cols.get(f);
    if (c === undefined || this.fromHeader(row, c)) return "";
    const v = this.view.value(row, c);
    return isErrorValue(v) ? "" : this.view.texts.text(v);
  }

  /** Own text only (not inherited from a merge above): what a continuation row adds. */
  ownText(row: number, f: TaskField): string {
    const c = this.cols.get(f);
    if (c === undefined || this.view.fromAbove(row, c)) return "";
    return this.text(row, f);
  }

  ref(row: number, f: TaskField): CellRef | undefined {
    const c = this.cols.get(f);
    if (c === undefined) return undefined;
    return this.fromHeader(row, c) ? this.blankRef(row, c) : this.view.ref(row, c);
  }

  private readonly scratch = new Map<TaskField, CellRef>();

  /**
   * Like ref, but reuses one object per field: valid until the next call for the same field. For
   * finishTask, which reads these cells once and keeps only copies of what it needs.
   */
  scratchRef(row: number, f: TaskField): CellRef | undefined {
    const c = this.cols.get(f);
    if (c === undefined) return undefined;
    let out = this.scratch.get(f);
    if (!out) {
      out = { value: null, text: "", row, col: c, fromAbove: false, error: null, format: null };
      this.scratch.set(f, out);
    }
    return this.fromHeader(row, c) ? this.blankRef(row, c, out) : this.view.refInto(row, c, out);
  }

  /**
   * Error values in the read columns of a row, as [field, CellRef]: only where the cell itself shows
   * the value (not merely covered by a merge), so a merged error is reported once, at its top-left cell.
   */
  errors(row: number, out: (f: TaskField, c: CellRef) => void): void {
    const view = this.view;
    const values = view.grid.values[row - view.firstRow];
    if (!values) return;
    for (const [f, c] of this.readCols) {
      const v = values[c - view.firstCol];
      if (typeof v !== "object" || v === null || !isErrorValue(v)) continue;
      const m = view.mergeAt(row, c);
      if (m && (m.top !== row || m.left !== c)) continue;
      out(f, view.ref(row, c));
    }
  }
}

export function analyzeAppendix(
  ctx: AnalysisContext,
  scope: SheetScope,
  view: SheetView,
  header: HeaderInfo<TaskField>,
  rows: TableRow<TaskField>[],
): Task[] {
  const reader = new AppendixReader(ctx, scope, view, header);
  reader.add(rows);
  return reader.finish();
}

/**
 * One pass over the rows, resumable: a task row opens a draft, continuation rows extend it, the next
 * task (or a group, or the end) closes it. Rows may come in several `add` calls (the pane reads a big
 * sheet in slices); `finish` closes the last task. Same tasks and issues, in the same order, however the
 * rows are split.
 */
export class AppendixReader {
  readonly tasks: Task[] = [];
  private fields: RowFields;
  private readonly yearStart: string;
  private group: string | null = null;
  private draft: Draft | null = null;
  private sttSeen = new Map<string, number>();
  /** The last plain number ("3") above: letter sub-items (a, b…) restart under each one. */
  private parentNumber = "";
  private readonly cellError: (f: TaskField, c: CellRef) => void;

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly scope: SheetScope,
    private readonly view: SheetView,
    header: HeaderInfo<TaskField>,
  ) {
    const issues = ctx.issues;
    this.fields = this.columnsOf(header);
    this.yearStart = `${String(scope.planYear).padStart(4, "0")}-01-01`;
    this.cellError = (f, c) => issues.add(scope.index, scope.name, "CELL_ERROR", at(c), { error: c.error ?? "", column: f });
  }

  /** The fields of a table's header; its missing required columns are reported once, at its first cell. */
  private columnsOf(header: HeaderInfo<TaskField>): RowFields {
    const { ctx, scope } = this;
    const cols = header.columns;
    const headerCell = { row: header.row, col: Math.min(...cols.values()) };
    for (const f of TASK_COLUMNS.required) {
      if (!cols.has(f))
        ctx.issues.add(scope.index, scope.name, "COLUMN_MISSING", headerCell, { headerRow: header.row, column: f }, { key: f });
    }
    return new RowFields(this.view, cols, header.dataStart);
  }

  private close(): void {
    if (this.draft) this.tasks.push(finishTask(this.ctx, this.scope, this.fields, this.draft, this.yearStart));
    this.draft = null;
  }

  /** Read rows[from…] (the next rows of the table, in order). */
  add(rows: readonly TableRow<TaskField>[], from = 0): void {
    const { ctx, scope } = this;
    const issues = ctx.issues;
    for (let i = from; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind !== "task" && r.kind !== "continuation") {
        this.boundary(r);
        continue;
      }
      const fields = this.fields;
      const row = r.row;
      fields.errors(row, this.cellError);
      if (r.kind === "task") {
        const stt = fields.text(row, "stt");
        this.close();
        if (stt && r.stt?.kind === "number") {
          let key = sttKey(stt);
          if (PLAIN_NUMBER.test(key)) this.parentNumber = key;
          else if (LETTER.test(key)) key = `${this.parentNumber}|${key}`;
          const first = this.sttSeen.get(key);
          if (first !== undefined) {
            const c = fields.ref(row, "stt")!;
            issues.add(scope.index, scope.name, "STT_DUPLICATE", at(c), { stt, firstRow: first });
          } else this.sttSeen.set(key, row);
        }
        this.draft = {
          row,
          group: this.group,
          stt,
          content: fields.text(row, "content"),
          head: fields.text(row, "head"),
          support: fields.text(row, "support"),
          result: fields.text(row, "result"),
        };
      } else if (this.draft) {
        const draft = this.draft;
        for (const f of APPENDED_FIELDS) {
          const t = fields.ownText(row, f);
          if (t) draft[f] = draft[f] ? `${draft[f]} ${t}` : t;
        }
      }
    }
  }

  /** A row that is not a task: a group, a header below the first, a numbered heading, a numbered empty row. */
  private boundary(r: TableRow<TaskField>): void {
    const { ctx, scope, fields } = this;
    switch (r.kind) {
      case "group":
        this.close();
        this.group = r.groupLabel ?? null;
        this.sttSeen = new Map();
        this.parentNumber = "";
        return;
      case "header_repeat":
      case "table_header":
        // numbering restarts below a header; a second table also starts outside any group
        this.sttSeen = new Map();
        this.parentNumber = "";
        if (r.kind === "table_header" && r.header) {
          this.close();
          this.group = null;
          this.fields = this.columnsOf(r.header);
        }
        return;
      case "heading": {
        // a numbered heading over its sub-items: the letters below it restart under its number
        this.close();
        const key = sttKey(fields.text(r.row, "stt"));
        if (PLAIN_NUMBER.test(key)) this.parentNumber = key;
        return;
      }
      case "numbered_empty": {
        this.close();
        const c = fields.ref(r.row, "stt");
        if (c) ctx.issues.add(scope.index, scope.name, "ROW_EMPTY", at(c), { stt: c.text });
        return;
      }
      default:
        return;
    }
  }

  /** Close the last task; the sheet's tasks in row order. */
  finish(): Task[] {
    this.close();
    return this.tasks;
  }
}

/**
 * Fields, checks and category of one task: content, lead unit, deadline and status each checked in turn
 * (their cells read once, through the fields' scratch refs), then the task with its category.
 */
function finishTask(ctx: AnalysisContext, scope: SheetScope, fields: RowFields, d: Draft, yearStart: string): Task {
  const cols = fields.cols;
  const content = d.content;
  if (!content && cols.has("content")) {
    const c = fields.ref(d.row, "content")!;
    if (c.error === null) ctx.issues.add(scope.index, scope.name, "CONTENT_MISSING", at(c), {});
  }
  const leadCell = fields.scratchRef(d.row, "lead");
  const deadlineCell = fields.scratchRef(d.row, "deadline");
  const statusCell = fields.scratchRef(d.row, "status");
  const doneCell = fields.scratchRef(d.row, "doneDate");

  const leadRaw = text(leadCell);
  const lead = leadCell && leadCell.error === null ? taskLead(ctx, scope, leadCell, leadRaw) : null;
  const deadline = readDeadline(ctx, scope, deadlineCell);
  if (deadlineCell && deadlineCell.error === null) checkDeadline(ctx, scope, deadlineCell, deadline, yearStart);
  const { statusRaw, statusKind, doneDate } = readStatus(ctx, scope, statusCell, doneCell);

  // a completion date with no status written ("Thời gian hoàn thành: Kế hoạch | Thực tế", no status column): done that day
  const done = statusRaw === "" && doneDate !== null ? "done" : statusKind;
  const status = categorize({ status: done, doneDate, deadline, asOf: ctx.asOf });
  const task: Task = {
    sheet: scope.name,
    row: d.row,
    group: d.group,
    stt: d.stt,
    content,
    lead,
    leadRaw,
    support: d.support,
    deadline,
    statusRaw,
    doneDate,
    status,
  };
  if (cols.has("head")) task.head = d.head;
  if (cols.has("period")) task.period = fields.text(d.row, "period");
  if (cols.has("result")) task.result = d.result;
  if (status === "overdue" && deadline.due) {
    const days = daysBetween(deadline.due, ctx.asOf);
    if (Number.isInteger(days)) task.daysOverdue = days;
  }
  return task;
}

/** The task's lead unit from its cell (null unless one known unit); a missing, generic, unknown or shared lead reported. */
function taskLead(ctx: AnalysisContext, scope: SheetScope, leadCell: CellRef, leadRaw: string): string | null {
  const issues = ctx.issues;
  const m = ctx.matchLead(leadRaw);
  switch (m.kind) {
    case "unit":
      return m.unit;
    case "missing":
      issues.add(scope.index, scope.name, "LEAD_MISSING", at(leadCell), { example: ctx.exampleUnit });
      return null;
    case "generic":
      issues.add(scope.index, scope.name, "LEAD_GENERIC", at(leadCell), { raw: leadRaw, example: ctx.exampleUnit });
      return null;
    case "unknown": {
      const cell = cellName(leadCell);
      issues.add(
        scope.index,
        scope.name,
        "LEAD_UNKNOWN",
        at(leadCell),
        m.suggestion ? { raw: leadRaw, suggestion: m.suggestion, example: ctx.exampleUnit } : { raw: leadRaw, example: ctx.exampleUnit },
        m.suggestion ? { suggestion: m.suggestion, fix: { kind: "replace", sheet: scope.name, cell, value: m.suggestion } } : undefined,
      );
      return null;
    }
    case "multiple": {
      const known = m.units.filter((u) => ctx.unitNames.includes(u));
      issues.add(
        scope.index,
        scope.name,
        "LEAD_MULTIPLE",
        at(leadCell),
        { units: m.units },
        known[0] ? { suggestion: known[0] } : undefined,
      );
      return known[0] ?? null;
    }
  }
}

/** A deadline that is missing, unreadable, or before the plan's year, reported at its cell. */
function checkDeadline(ctx: AnalysisContext, scope: SheetScope, cell: CellRef, deadline: Deadline, yearStart: string): void {
  const issues = ctx.issues;
  if (deadline.kind === "missing") {
    issues.add(scope.index, scope.name, "DEADLINE_MISSING", at(cell), { year: scope.planYear });
  } else if (deadline.kind === "invalid") {
    issues.add(scope.index, scope.name, "DEADLINE_INVALID", at(cell), { raw: deadline.raw, year: scope.planYear });
  } else if (deadline.due !== null && deadline.due < yearStart) {
    issues.add(scope.index, scope.name, "DEADLINE_OUTSIDE_PLAN", at(cell), { raw: deadline.raw, due: deadline.due, year: scope.planYear });
  }
}

/** The status as written and as read, and the completion date; an unknown status or a done task without a date reported. */
function readStatus(ctx: AnalysisContext, scope: SheetScope, statusCell: CellRef | undefined, doneCell: CellRef | undefined) {
  const statusRaw = text(statusCell);
  const statusKind = ctx.status(statusRaw);
  if (statusKind === "unknown" && statusCell) {
    ctx.issues.add(scope.index, scope.name, "STATUS_UNKNOWN", at(statusCell), { raw: statusRaw });
  }
  const doneDate = readDoneDate(ctx, doneCell, scope.planYear);
  if (statusKind === "done" && doneCell && doneCell.error === null && doneCell.text === "") {
    ctx.issues.add(scope.index, scope.name, "DONE_WITHOUT_DATE", at(doneCell), { year: scope.planYear });
  }
  return { statusRaw, statusKind, doneDate };
}

function cellName(c: { row: number; col: number }): string {
  return toA1(c.row, c.col);
}

function readDeadline(ctx: AnalysisContext, scope: SheetScope, c: CellRef | undefined): Deadline {
  if (!c || c.error !== null) return { raw: "", kind: "missing", due: null };
  const d = ctx.deadline(c.value, c.text, c.format, scope.planYear);
  return { raw: d.raw, kind: d.kind, due: d.due };
}

/** A completion date: an Excel date serial, or a date written as text (30/11/2026). */
function readDoneDate(ctx: AnalysisContext, c: CellRef | undefined, planYear: number): string | null {
  if (!c || c.error !== null) return null;
  if (typeof c.value === "number") return serialToIso(c.value);
  if (typeof c.value !== "string" || !c.text) return null;
  const plain = ctx.dateText(c.text);
  if (plain !== null) return plain;
  // A day written as the deadline column accepts it ("ngày 30 tháng 11 năm 2026", "30/11/26").
  const d = ctx.deadline(c.value, c.text, null, planYear);
  return d.kind === "date" ? d.due : null;
}
