/** One appendix (task) sheet: rows → tasks and the issues of their cells. */
import { toA1 } from "./a1";
import { categorize } from "./status";
import { daysBetween, formatViDate, parseDateText, serialToIso } from "./dates";
import { COLUMN_LABELS, issueMessages } from "../i18n/issues";
import { sttKey } from "./stt";
import type { AnalysisContext } from "./context";
import type { CellRef, SheetView } from "./sheet-view";
import type { HeaderInfo } from "./header";
import type { TaskField } from "./columns";
import type { TableRow } from "./table";
import type { Deadline, Task } from "./report-schema";

/** Columns whose values the engine reads (an error value there is a CELL_ERROR). */
const READ_FIELDS: TaskField[] = ["stt", "content", "head", "lead", "support", "result", "deadline", "status", "doneDate"];
/** Text columns that a continuation row extends. */
const APPENDED_FIELDS = ["content", "head", "support", "result"] as const;

export interface SheetScope {
  index: number;
  name: string;
  planYear: number;
}

interface Draft {
  row: TableRow<TaskField>;
  group: string | null;
  parts: Record<(typeof APPENDED_FIELDS)[number], string[]>;
}

function text(c: CellRef | undefined): string {
  return c && c.error === null ? c.text : "";
}

function at(c: CellRef): { row: number; col: number } {
  return { row: c.row, col: c.col };
}

export function analyzeAppendix(
  ctx: AnalysisContext,
  scope: SheetScope,
  view: SheetView,
  header: HeaderInfo<TaskField>,
  rows: TableRow<TaskField>[],
): Task[] {
  const issues = ctx.issues;
  const cols = header.columns;
  // Required columns: once per sheet, at the first cell of the header row.
  const headerCell = { row: header.row, col: Math.min(...cols.values()) };
  for (const f of ["content", "lead", "deadline"] as const) {
    if (!cols.has(f)) {
      issues.add(scope.index, scope.name, "COLUMN_MISSING", headerCell, issueMessages.COLUMN_MISSING(cellName(headerCell), header.row, COLUMN_LABELS[f]));
    }
  }

  // Pass 1: tasks with their continuation rows; cell errors of every read column.
  const drafts: Draft[] = [];
  const byRow = new Map<number, Draft>();
  let group: string | null = null;
  for (const r of rows) {
    if (r.kind === "group") {
      group = r.groupLabel ?? null;
      continue;
    }
    if (r.kind !== "task" && r.kind !== "continuation") continue;
    for (const f of READ_FIELDS) {
      const c = r.cells[f];
      if (c && c.error !== null && !c.fromAbove) {
        issues.add(scope.index, scope.name, "CELL_ERROR", at(c), issueMessages.CELL_ERROR(cellName(c), c.error, COLUMN_LABELS[f]));
      }
    }
    if (r.kind === "task") {
      const d: Draft = { row: r, group, parts: { content: [], head: [], support: [], result: [] } };
      for (const f of APPENDED_FIELDS) {
        const t = text(r.cells[f]);
        if (t) d.parts[f].push(t);
      }
      drafts.push(d);
      byRow.set(r.row, d);
    } else {
      const owner = r.owner !== undefined ? byRow.get(r.owner) : undefined;
      if (!owner) continue;
      for (const f of APPENDED_FIELDS) {
        const c = r.cells[f];
        const t = c && !c.fromAbove ? text(c) : "";
        if (t) owner.parts[f].push(t);
      }
    }
  }

  // Pass 2: fields, checks, category.
  const tasks: Task[] = [];
  let sttSeen = new Map<string, number>();
  let currentGroup: string | null | undefined = undefined;
  const yearStart = `${String(scope.planYear).padStart(4, "0")}-01-01`;
  for (const d of drafts) {
    const cells = d.row.cells;
    if (d.group !== currentGroup) {
      currentGroup = d.group;
      sttSeen = new Map();
    }
    const stt = text(cells.stt);
    if (stt && d.row.stt?.kind === "number" && cells.stt) {
      const key = sttKey(stt);
      const first = sttSeen.get(key);
      if (first !== undefined) {
        issues.add(scope.index, scope.name, "STT_DUPLICATE", at(cells.stt), issueMessages.STT_DUPLICATE(cellName(cells.stt), stt, first));
      } else sttSeen.set(key, d.row.row);
    }

    const content = d.parts.content.join(" ");
    if (cols.has("content") && !content && cells.content && cells.content.error === null) {
      issues.add(scope.index, scope.name, "CONTENT_MISSING", at(cells.content), issueMessages.CONTENT_MISSING(cellName(cells.content)));
    }

    const leadCell = cells.lead;
    const leadRaw = text(leadCell);
    let lead: string | null = null;
    if (leadCell && leadCell.error === null) {
      const m = ctx.matchLead(leadRaw);
      const cell = cellName(leadCell);
      switch (m.kind) {
        case "unit":
          lead = m.unit;
          break;
        case "missing":
          issues.add(scope.index, scope.name, "LEAD_MISSING", at(leadCell), issueMessages.LEAD_MISSING(cell, ctx.exampleUnit));
          break;
        case "generic":
          issues.add(scope.index, scope.name, "LEAD_GENERIC", at(leadCell), issueMessages.LEAD_GENERIC(cell, leadRaw, ctx.exampleUnit));
          break;
        case "unknown":
          issues.add(
            scope.index,
            scope.name,
            "LEAD_UNKNOWN",
            at(leadCell),
            issueMessages.LEAD_UNKNOWN(cell, leadRaw, m.suggestion, ctx.exampleUnit),
            m.suggestion ? { suggestion: m.suggestion, fix: { kind: "replace", sheet: scope.name, cell, value: m.suggestion } } : undefined,
          );
          break;
        case "multiple": {
          const known = m.units.filter((u) => ctx.unitNames.includes(u));
          lead = known[0] ?? null;
          issues.add(scope.index, scope.name, "LEAD_MULTIPLE", at(leadCell), issueMessages.LEAD_MULTIPLE(cell, m.units), known[0] ? { suggestion: known[0] } : undefined);
          break;
        }
      }
    }

    const deadline = readDeadline(ctx, scope, cells.deadline);
    const dlCell = cells.deadline;
    if (dlCell && dlCell.error === null) {
      const cell = cellName(dlCell);
      if (deadline.kind === "missing") {
        issues.add(scope.index, scope.name, "DEADLINE_MISSING", at(dlCell), issueMessages.DEADLINE_MISSING(cell, scope.planYear));
      } else if (deadline.kind === "invalid") {
        issues.add(scope.index, scope.name, "DEADLINE_INVALID", at(dlCell), issueMessages.DEADLINE_INVALID(cell, deadline.raw, scope.planYear));
      } else if (deadline.due !== null && deadline.due < yearStart) {
        issues.add(
          scope.index,
          scope.name,
          "DEADLINE_OUTSIDE_PLAN",
          at(dlCell),
          issueMessages.DEADLINE_OUTSIDE_PLAN(cell, deadline.raw, formatViDate(deadline.due), scope.planYear),
        );
      }
    }

    const statusRaw = text(cells.status);
    const statusKind = ctx.status(statusRaw);
    if (statusKind === "unknown" && cells.status) {
      issues.add(scope.index, scope.name, "STATUS_UNKNOWN", at(cells.status), issueMessages.STATUS_UNKNOWN(cellName(cells.status), statusRaw));
    }
    const doneCell = cells.doneDate;
    const doneDate = readDoneDate(doneCell);
    if (statusKind === "done" && doneCell && doneCell.error === null && doneCell.text === "") {
      issues.add(scope.index, scope.name, "DONE_WITHOUT_DATE", at(doneCell), issueMessages.DONE_WITHOUT_DATE(cellName(doneCell), scope.planYear));
    }

    const status = categorize({ status: statusKind, doneDate, deadline, asOf: ctx.asOf });
    const task: Task = {
      sheet: scope.name,
      row: d.row.row,
      group: d.group,
      stt,
      content,
      lead,
      leadRaw,
      support: d.parts.support.join(" "),
      deadline,
      statusRaw,
      doneDate,
      status,
    };
    if (cols.has("head")) task.head = d.parts.head.join(" ");
    if (cols.has("result")) task.result = d.parts.result.join(" ");
    if (status === "overdue" && deadline.due) {
      const days = daysBetween(deadline.due, ctx.asOf);
      if (Number.isInteger(days)) task.daysOverdue = days;
    }
    tasks.push(task);
  }
  return tasks;
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
function readDoneDate(c: CellRef | undefined): string | null {
  if (!c || c.error !== null) return null;
  if (typeof c.value === "number") return serialToIso(c.value);
  if (typeof c.value === "string" && c.text) return parseDateText(c.text);
  return null;
}

