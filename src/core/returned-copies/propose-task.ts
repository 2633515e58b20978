/**
 * One return task against its plan task (merge.ts matched them): the plan's own columns the return
 * changed (text, deadline, lead — conflicts that hold the task's values back), the unit's columns
 * (Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Ghi chú) it changed — in the plan's words, with what
 * needs a person flagged (normalize.ts) — and a unit's words typed into the plan's planned output (Kết
 * quả / Sản phẩm), which is never written there: it is offered for Kết quả thực hiện, held back. A blank
 * never overwrites; a value the plan already has is no change. Pure.
 */
import { toA1 } from "../a1";
import { isDateFormat } from "../dates";
import type { MatchEntry } from "../identity";
import type { Report, Task } from "../report-schema";
import { encodeLegacy } from "../text/legacy-encode";
import { foldKey } from "../text/fold";
import { LEGACY_FILL, type CopyTask, type UnitCopyRecord } from "./copy-record";
import { comparable, decodeFill, FILL_FIELDS, fillText, sameFill, type FillField, type FillValue } from "./fields";
import type { ConflictKind, MergeConflict, NewColumn, ProposedChange, TaskRef, WriteValue } from "./merge-schema";
import type { ReturnInput, ToPlan } from "./merge";
import { isDoneStatus, normalizeFill, type KnownStatus, type NormalizeContext } from "./normalize";
import { fieldCell, fillCells, type FillCell, type TaskTable } from "./task-tables";

/** Date format given to a plan cell that receives a date and is not formatted as one. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** The plan as the merge compares with it. */
export interface PlanCtx {
  report: Report;
  entries: MatchEntry[];
  tables: Map<string, TaskTable>;
  /** The plan's fill-in cells, by task index (read when first needed). */
  fills: Map<number, Partial<Record<FillField, FillCell>>>;
  newColumns: NewColumn[];
  /** The status words of a plan sheet (its drop-down's, else the copies'). */
  words: (sheet: string) => Record<KnownStatus, string>;
  planYear: number;
  asOf: string;
  /** The index in `newColumns` of the column a field gets in a sheet without one. */
  newColumn: (table: TaskTable, field: FillField) => number;
}

/** One return as compared. */
export interface FileCtx {
  fi: number;
  ret: ReturnInput;
  record: UnitCopyRecord | null;
  /** The tasks as sent (record), and the return's tasks, as match entries. */
  sent: MatchEntry[];
  entries: MatchEntry[];
  tables: Map<string, TaskTable>;
  unit: string | null;
}

/** A change before it is settled (one per file; settle.ts folds the same value from several files). */
export type RawChange = Omit<ProposedChange, "id" | "alsoIn"> & { planTask: number };

/** The plan's own columns a return is compared on. */
type TextField = "content" | "deadline" | "lead";

/** The task's reference (its text's first 100 code points: the text itself, not a copy, when shorter). */
function taskRef(t: Task): TaskRef {
  const text = t.content.length <= 100 ? t.content : Array.from(t.content).slice(0, 100).join("");
  return { sheet: t.sheet, row: t.row, stt: t.stt, text, lead: t.lead };
}

function planFill(plan: PlanCtx, p: number): Partial<Record<FillField, FillCell>> {
  let f = plan.fills.get(p);
  if (!f) {
    const t = plan.report.tasks[p];
    const table = plan.tables.get(t.sheet);
    f = table ? fillCells(table, t.row) : {};
    plan.fills.set(p, f);
  }
  return f;
}

/** A fill value as sent in the copy (blank when the copy did not carry that field). */
function sentFill(record: UnitCopyRecord, e: CopyTask, field: FillField): FillValue {
  const at = (record.fill ?? LEGACY_FILL).indexOf(field as never);
  return at < 0 ? { kind: "blank" } : decodeFill(e.values[at]);
}

/** The planned output as sent (older copies kept it among the fill-in values). */
function sentResult(record: UnitCopyRecord, e: CopyTask): string | undefined {
  if (record.fill) return e.result;
  return fillText(decodeFill(e.values[LEGACY_FILL.indexOf("result")]));
}

function sameDeadline(raw: string, due: string | null, baseRaw: string, baseDue: string | null): boolean {
  return comparable(raw) === comparable(baseRaw) || (due !== null && due === baseDue);
}

function writeValueOf(v: FillValue, table: TaskTable | undefined): WriteValue {
  if (v.kind === "date") return { date: v.iso };
  if (v.kind === "blank") return null;
  return table && table.encoding !== "unicode" ? encodeLegacy(v.text, table.encoding) : v.text;
}

/** Everything known about one return task and its plan task while they are compared. */
interface TaskCompare {
  plan: PlanCtx;
  file: FileCtx;
  a: number;
  match: ToPlan;
  rTask: Task;
  pTask: Task;
  rTable: TaskTable;
  planTable: TaskTable | undefined;
  e: CopyTask | null;
  pRef: TaskRef;
  /** Conflicts of the whole task (plan columns changed) and of the unit's edits (not its task, older copy). */
  taskKinds: ConflictKind[];
  editKinds: ConflictKind[];
  rCells: Partial<Record<FillField, FillCell>>;
  pCells: Partial<Record<FillField, FillCell>>;
}

/** The task as the return's copy knew it: as sent (record), else the plan's now. */
function baseOf(t: Omit<TaskCompare, "taskKinds" | "editKinds" | "rCells" | "pCells" | "pRef">) {
  const { e, pTask } = t;
  if (e && t.match.e !== null) return { exact: t.file.sent[t.match.e].exact, lead: e.lead, deadline: e.deadline, due: e.due, text: e.text };
  return {
    exact: t.plan.entries[t.match.p].exact,
    lead: pTask.lead,
    deadline: pTask.deadline.raw,
    due: pTask.deadline.due,
    text: pTask.content,
  };
}

/** The return changed the plan's own columns of this task (text, deadline, lead): one conflict each. */
function planColumnConflicts(t: TaskCompare, base: ReturnType<typeof baseOf>, conflicts: MergeConflict[]): void {
  const { rTask, pTask } = t;
  const cellOf = (table: TaskTable | undefined, row: number, field: TextField) => (table && fieldCell(table, row, field)) ?? toA1(row, 1);
  const add = (kind: ConflictKind, field: TextField, value: string, planValue: string) => {
    t.taskKinds.push(kind);
    conflicts.push({
      id: "",
      kind,
      file: t.file.fi,
      task: t.pRef,
      planCell: { sheet: pTask.sheet, cell: cellOf(t.planTable, pTask.row, field) },
      returnCell: { sheet: rTask.sheet, cell: cellOf(t.rTable, rTask.row, field) },
      value,
      planValue,
    });
  };
  if (t.file.entries[t.a].exact !== base.exact) add("text_changed", "content", rTask.content, base.text);
  if (!sameDeadline(rTask.deadline.raw, rTask.deadline.due, base.deadline, base.due))
    add("deadline_changed", "deadline", rTask.deadline.raw, base.deadline);
  if (rTask.lead !== base.lead && (rTask.lead !== null || rTask.leadRaw.trim() !== ""))
    add("lead_changed", "lead", rTask.lead ?? rTask.leadRaw, base.lead ?? "");
}

/** Conflicts of any edit the unit made to this task: not its task; a copy of an older version of it. */
function editConflicts(t: TaskCompare, base: ReturnType<typeof baseOf>): void {
  const { pTask, e } = t;
  if (t.file.unit !== null && pTask.lead !== t.file.unit) t.editKinds.push("not_lead");
  // The plan changed this task since the copy was sent: its text, its lead, or its deadline to another
  // day (a deadline reworded to the same day, "Quý II/2026" → "30/6/2026", is the same, as for deadline_changed).
  const moved =
    e !== null &&
    (t.plan.entries[t.match.p].exact !== base.exact ||
      pTask.lead !== e.lead ||
      !sameDeadline(pTask.deadline.raw, pTask.deadline.due, e.deadline, e.due));
  if (moved) t.editKinds.push("older_version");
}

/** The plan's cell for a field (a new column at the right of the table when the sheet has none). */
function targetCell(t: TaskCompare, field: FillField): { cell: string; newColumn?: number } | null {
  const table = t.planTable;
  if (!table) return null;
  const col = table.header.columns.get(field);
  if (col !== undefined) return { cell: toA1(t.pTask.row, col) };
  const i = t.plan.newColumn(table, field);
  return { cell: toA1(t.pTask.row, t.plan.newColumns[i].col), newColumn: i };
}

/** A change of one of the plan's fill-in cells to `value`, held back by `kinds` (none: written by default). */
function change(
  t: TaskCompare,
  field: FillField,
  value: FillValue,
  from: { cell: string; typed?: string },
  kinds: ConflictKind[],
): RawChange | null {
  const target = targetCell(t, field);
  if (!target) return null;
  const planCell = t.pCells[field];
  const numberFormat = value.kind === "date" && !isDateFormat(planCell?.format ?? null) ? DATE_FORMAT : undefined;
  const after = fillText(value);
  const all = [...t.taskKinds, ...t.editKinds, ...kinds];
  if (planCell?.merged) all.push("cell_merged");
  return {
    file: t.file.fi,
    planTask: t.match.p,
    task: t.pRef,
    field,
    cell: target.cell,
    returnCell: { sheet: t.rTask.sheet, cell: from.cell },
    before: fillText(planCell?.value ?? { kind: "blank" }),
    after,
    ...(from.typed !== undefined && comparable(from.typed) !== comparable(after) ? { unitValue: from.typed } : {}),
    write: writeValueOf(value, t.planTable),
    ...(numberFormat ? { numberFormat } : {}),
    previous: { value: planCell?.raw ?? null, format: planCell?.format ?? null },
    confidence: t.match.confidence,
    conflicts: [...new Set(all)],
    ...(target.newColumn !== undefined ? { newColumn: target.newColumn } : {}),
  };
}

interface FieldOutcome {
  change: RawChange | null;
  /** The value the return gives (normalised), blank when none. */
  value: FillValue;
  flags: ConflictKind[];
  status?: ReturnType<typeof normalizeFill>["status"];
}

/** The return's value of one fill-in column, against what was sent and what the plan has. */
function fillChange(t: TaskCompare, field: FillField, words: NormalizeContext): FieldOutcome {
  const returnCell = t.rCells[field];
  const blank: FillValue = { kind: "blank" };
  if (!returnCell || returnCell.value.kind === "blank") return { change: null, value: blank, flags: [] };
  const planValue = t.pCells[field]?.value ?? blank;
  const norm = normalizeFill(field, returnCell.value, words);
  const none = { change: null, value: norm.value, flags: norm.flags, status: norm.status };
  const sent = t.e ? sentFill(t.file.record!, t.e, field) : planValue;
  if (sameFill(returnCell.value, sent) || sameFill(returnCell.value, planValue) || sameFill(norm.value, planValue)) return none;
  const kinds: ConflictKind[] = [...norm.flags];
  if (t.e && !sameFill(planValue, sent)) kinds.push("older_version");
  return { ...none, change: change(t, field, norm.value, { cell: returnCell.cell, typed: fillText(returnCell.value) }, kinds) };
}

/**
 * The unit wrote into the plan's planned output (Kết quả / Sản phẩm): never written there. When the unit
 * gave no Kết quả thực hiện of its own, its words are offered for that column, held back; else listed.
 */
function plannedOutput(t: TaskCompare, outcome: FieldOutcome, conflicts: MergeConflict[]): RawChange | null {
  const col = t.rTable.header.columns.get("result");
  if (col === undefined) return null;
  const text = (t.rTask.result ?? t.rTable.view.text(t.rTask.row, col)).trim();
  const base = (t.e && t.file.record ? sentResult(t.file.record, t.e) : undefined) ?? t.pTask.result ?? "";
  if (!text || foldKey(text) === foldKey(base) || foldKey(text) === foldKey(t.pTask.result ?? "")) return null;
  const returnCell = toA1(t.rTask.row, col);
  if (outcome.value.kind === "blank") {
    const planValue = t.pCells.outcome?.value ?? { kind: "blank" };
    return sameFill(planValue, { kind: "text", text })
      ? null
      : change(t, "outcome", { kind: "text", text }, { cell: returnCell }, ["planned_output"]);
  }
  const planCell = t.planTable ? fieldCell(t.planTable, t.pTask.row, "result") : null;
  conflicts.push({
    id: "",
    kind: "planned_output",
    file: t.file.fi,
    task: t.pRef,
    ...(planCell ? { planCell: { sheet: t.pTask.sheet, cell: planCell } } : {}),
    returnCell: { sheet: t.rTask.sheet, cell: returnCell },
    value: text,
    planValue: base,
  });
  return null;
}

/**
 * A done status whose task would still have no completion date where the plan keeps one (its sheet has the
 * column, as for the check's DONE_WITHOUT_DATE): the return gives none and the plan has none.
 */
function doneWithoutDate(t: TaskCompare, status: FieldOutcome, date: FieldOutcome): void {
  if (!status.change || !isDoneStatus(status.status) || !t.planTable?.header.columns.has("doneDate")) return;
  if (date.value.kind !== "date" && t.pCells.doneDate?.value.kind !== "date") status.change.conflicts.push("done_without_date");
}

/** Compare one matched return task with its plan task; conflicts and changes go to `out`. */
export function compareTask(
  plan: PlanCtx,
  file: FileCtx,
  a: number,
  match: ToPlan,
  out: { raw: RawChange[]; conflicts: MergeConflict[] },
): void {
  const rTask = file.ret.report.tasks[a];
  const pTask = plan.report.tasks[match.p];
  const rTable = file.tables.get(rTask.sheet);
  if (!rTable) return;
  const e = match.e !== null && file.record ? file.record.tasks[match.e] : null;
  const partial = { plan, file, a, match, rTask, pTask, rTable, planTable: plan.tables.get(pTask.sheet), e };
  const base = baseOf(partial);
  const t: TaskCompare = {
    ...partial,
    pRef: taskRef(pTask),
    taskKinds: [],
    editKinds: [],
    rCells: fillCells(rTable, rTask.row),
    pCells: planFill(plan, match.p),
  };
  planColumnConflicts(t, base, out.conflicts);
  editConflicts(t, base);
  const words: NormalizeContext = { words: plan.words(pTask.sheet), planYear: plan.planYear, asOf: plan.asOf };
  const by = Object.fromEntries(FILL_FIELDS.map((f) => [f, fillChange(t, f, words)])) as Record<FillField, FieldOutcome>;
  doneWithoutDate(t, by.status, by.doneDate);
  for (const f of FILL_FIELDS) if (by[f].change) out.raw.push(by[f].change!);
  const offered = plannedOutput(t, by.outcome, out.conflicts);
  if (offered) out.raw.push(offered);
}

/** Tasks of the return that are not in the plan (only when there is something to say about them). */
export function notInPlan(file: FileCtx, unmatched: readonly number[], toPlan: ReadonlyMap<number, ToPlan>): MergeConflict[] {
  const out: MergeConflict[] = [];
  const tasks = file.ret.report.tasks;
  for (const a of unmatched) {
    const t = tasks[a];
    const match = toPlan.get(a);
    const e = match && match.e !== null && file.record ? file.record.tasks[match.e] : null;
    const table = file.tables.get(t.sheet);
    if (e || !file.record) {
      const cells = table ? fillCells(table, t.row) : {};
      const edited = FILL_FIELDS.some((f) => {
        const v = cells[f]?.value;
        if (!v || v.kind === "blank") return false;
        return e ? !sameFill(v, sentFill(file.record!, e, f)) : true;
      });
      if (!edited) continue;
    }
    out.push({
      id: "",
      kind: "not_in_plan",
      file: file.fi,
      returnCell: { sheet: t.sheet, cell: (table && fieldCell(table, t.row, "content")) ?? toA1(t.row, 1) },
      value: t.content,
    });
  }
  return out;
}
