/**
 * What changed between an earlier version (a snapshot, or another file's analysis turned into one) and
 * the current analysis, by task identity (identity.ts). The rules (docs/identity.md, "Changes"):
 *
 * - done_on_time / done_late: done now, not done then (the category now says which);
 * - overdue: overdue now, not overdue then (a deadline passed, or a task done before is reopened);
 * - deadline_moved (gia hạn): the due date differs (before → after; null = no dated deadline);
 * - lead_changed: the lead unit differs (null = unassigned);
 * - added: no earlier task has its identity (only "added", whatever its status);
 * - removed: an earlier task no current task has (where it was, its last known text and lead).
 * A task may have several changes. Indicators (matched by sheet and name, like tasks) change when their
 * actual or their verdict (met / not met) differs. Counts per lead unit (the current lead; for a removed
 * task, its last) and in total.
 *
 * Deterministic and in a stable order: by kind (TASK_CHANGE_KINDS order), then sheet (the current
 * workbook's order, then sheets only the earlier version had), then row, then id.
 */
import { toA1, columnNumber } from "./a1";
import {
  emptyChangeCounts,
  TASK_CHANGE_KINDS,
  type ChangeCounts,
  type Changes,
  type IndicatorChange,
  type TaskChange,
  type TaskChangeKind,
} from "./changes-schema";
import { identify, idOf, matchEntry, matchTasks } from "./identity";
import { UNASSIGNED_UNIT, type Report, type SheetInfo, type StatusCategory, type Task } from "./report-schema";
import { takeSnapshot, type CatalogEntry, type Snapshot } from "./snapshot";

export interface ChangeInputs {
  /** The current analysis. */
  report: Pick<Report, "sheets" | "tasks" | "indicators" | "units">;
  /** The current tasks' ids (identity.ts), in report order. */
  ids: readonly string[];
  /** The earlier version. */
  baseline: Snapshot;
  /** Descriptions of the earlier version's ids (text, STT) for removed tasks. */
  catalog: ReadonlyMap<string, CatalogEntry>;
  since: Changes["since"];
}

const isDone = (s: StatusCategory) => s === "done_on_time" || s === "done_late";
const KIND_ORDER = new Map<TaskChangeKind, number>(TASK_CHANGE_KINDS.map((k, i) => [k, i]));
/** Two actuals differ beyond float noise. */
const EPSILON = 1e-9;

/** The cell a change points at: the column that shows it on the task's row (falls back to the task text). */
function changeCell(sheet: SheetInfo | undefined, row: number, kind: TaskChangeKind): string | null {
  const cols = sheet?.columns;
  if (!cols) return null;
  const prefer: Record<TaskChangeKind, string[]> = {
    done_on_time: ["status", "doneDate", "content"],
    done_late: ["status", "doneDate", "content"],
    overdue: ["status", "deadline", "content"],
    deadline_moved: ["deadline", "content"],
    lead_changed: ["lead", "content"],
    added: ["content", "stt"],
    removed: [],
  };
  for (const f of prefer[kind]) if (cols[f]) return toA1(row, columnNumber(cols[f]));
  return null;
}

function indicatorCell(sheet: SheetInfo | undefined, row: number): string | null {
  const cols = sheet?.columns;
  if (!cols) return null;
  for (const f of ["actual", "achieved", "name"]) if (cols[f]) return toA1(row, columnNumber(cols[f]));
  return null;
}

function taskChange(
  kind: TaskChangeKind,
  id: string,
  t: Task,
  cell: string | null,
  before: string | null,
  after: string | null,
): TaskChange {
  return { kind, id, sheet: t.sheet, row: t.row, cell, stt: t.stt, content: t.content, lead: t.lead, before, after };
}

export function computeChanges(input: ChangeInputs): Changes {
  const { report, ids, baseline, catalog } = input;
  const sheetInfo = new Map(report.sheets.map((s) => [s.name, s]));
  const then = new Map(baseline.tasks.map((t) => [t.id, t]));
  const now = new Set(ids);
  const tasks: TaskChange[] = [];

  report.tasks.forEach((t, i) => {
    const id = ids[i];
    const o = then.get(id);
    const info = sheetInfo.get(t.sheet);
    const add = (kind: TaskChangeKind, before: string | null, after: string | null) =>
      tasks.push(taskChange(kind, id, t, changeCell(info, t.row, kind), before, after));
    if (!o) {
      add("added", null, t.status);
      return;
    }
    if (isDone(t.status) && !isDone(o.status)) add(t.status, o.status, t.status);
    if (t.status === "overdue" && o.status !== "overdue") add("overdue", o.status, t.status);
    if ((o.due ?? null) !== (t.deadline.due ?? null)) add("deadline_moved", o.due, t.deadline.due);
    if ((o.lead ?? null) !== (t.lead ?? null)) add("lead_changed", o.lead, t.lead);
  });
  for (const o of baseline.tasks) {
    if (now.has(o.id)) continue;
    const e = catalog.get(o.id);
    tasks.push({
      kind: "removed",
      id: o.id,
      sheet: o.sheet,
      row: o.row,
      cell: null,
      stt: e?.stt ?? "",
      content: e?.content ?? "",
      lead: o.lead,
      before: o.status,
      after: null,
    });
  }

  // Stable order: kind, sheet (current order, then the earlier version's), row, id.
  const sheetOrder = new Map<string, number>();
  for (const s of report.sheets) if (!sheetOrder.has(s.name)) sheetOrder.set(s.name, sheetOrder.size);
  for (const t of report.tasks) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  for (const t of baseline.tasks) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  tasks.sort(
    (a, b) =>
      KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
      sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! ||
      a.row - b.row ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  return {
    since: input.since,
    tasks,
    indicators: indicatorChanges(report, baseline, sheetInfo),
    ...countChanges(
      tasks,
      report.units.map((u) => u.unit),
    ),
  };
}

function indicatorChanges(report: ChangeInputs["report"], baseline: Snapshot, sheetInfo: Map<string, SheetInfo>): IndicatorChange[] {
  const entry = (sheet: string, name: string) => matchEntry({ sheet, group: null, stt: "", content: name, lead: null });
  const before = baseline.indicators;
  const after = report.indicators;
  const m = matchTasks(
    before.map((i) => entry(i.sheet, i.name)),
    after.map((i) => entry(i.sheet, i.name)),
  );
  const out: IndicatorChange[] = [];
  for (const p of m.pairs) {
    const o = before[p.before];
    const n = after[p.after];
    const actualMoved = o.actual === null || n.actual === null ? o.actual !== n.actual : Math.abs(o.actual - n.actual) > EPSILON;
    if (!actualMoved && o.met === n.met) continue;
    out.push({
      sheet: n.sheet,
      row: n.row,
      cell: indicatorCell(sheetInfo.get(n.sheet), n.row),
      name: n.name,
      actualBefore: o.actual,
      actualAfter: n.actual,
      metBefore: o.met,
      metAfter: n.met,
    });
  }
  return out; // pairs come in current order
}

/** Counts per unit (units in `order` first, then others as they come, the unassigned last) and in total. */
export function countChanges(tasks: readonly TaskChange[], order: readonly string[] = []): Pick<Changes, "byUnit" | "total"> {
  const byUnit = new Map<string, ChangeCounts>();
  const total = emptyChangeCounts();
  for (const t of tasks) {
    const unit = t.lead ?? UNASSIGNED_UNIT;
    let c = byUnit.get(unit);
    if (!c) byUnit.set(unit, (c = emptyChangeCounts()));
    c[t.kind]++;
    total[t.kind]++;
  }
  const names = [...byUnit.keys()];
  const rank = (u: string) => (u === UNASSIGNED_UNIT ? Infinity : order.includes(u) ? order.indexOf(u) : order.length + names.indexOf(u));
  names.sort((a, b) => rank(a) - rank(b));
  return { byUnit: names.map((unit) => ({ unit, ...byUnit.get(unit)! })), total };
}

/**
 * Changes between two analyses (another version of the file): the earlier one's tasks are numbered in
 * order (ids 1, 2, …), the current ones take those ids by the identity rule, new ones the next numbers.
 */
export function changesBetween(before: Report, after: Report, since: Changes["since"]): Changes {
  const beforeIds = before.tasks.map((_, i) => idOf(i + 1));
  const known = before.tasks.map((t, i) => ({ id: beforeIds[i], entry: matchEntry({ ...t, due: t.deadline.due }) }));
  const current = identify(
    after.tasks.map((t) => matchEntry({ ...t, due: t.deadline.due })),
    known,
    [],
    before.tasks.length + 1,
  );
  const { snapshot } = takeSnapshot(before, beforeIds, 0);
  // The earlier file is at hand: removed tasks show their whole text.
  const catalog = new Map<string, CatalogEntry>(
    before.tasks.map((t, i) => [beforeIds[i], { sheet: t.sheet, group: t.group, stt: t.stt, content: t.content }]),
  );
  return computeChanges({ report: after, ids: current.ids, baseline: snapshot, catalog, since });
}
