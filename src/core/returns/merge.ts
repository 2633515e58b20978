/**
 * Gộp báo cáo đơn vị — what the units' returns propose to change in the plan, and every conflict. Pure:
 * the plan and each return come in as a report and the grids it was read from (and the return's record,
 * when its copy was made by Gửi đơn vị). The rules (docs/merge.md):
 *
 * Matching, per return (one to one, strongest first, with the identity rule of identity.ts):
 *  1. with the copy's record: the return's tasks ↔ the tasks as sent (their identity survives re-sorted
 *     rows, rows inserted, a renamed sheet, a typo fixed), then the tasks as sent ↔ the plan's tasks now;
 *  2. tasks left over (no record, or a row the unit added): directly against the plan's tasks, by
 *     appendix and text — and, for texts edited further, by appendix, group and number (STT) with a text
 *     similarity of at least NUMBER_MIN_SIMILARITY.
 *  The confidence shown is the product of the two steps' confidences (1 = the same task, unchanged).
 *
 * Changes: only the fill-in columns (Tình trạng, Ngày hoàn thành, Kết quả, Ghi chú). A return's value is
 * an edit when it differs from the value sent (with a record) or from the plan's (without); a blank never
 * overwrites a value; a value the plan already has is no change.
 *
 * Conflicts (never applied silently; a change they hold back is applied only when chosen):
 *  - disagree: two returns give different values for one cell;
 *  - not_lead: a unit edited a task it does not lead;
 *  - text_changed / deadline_changed / lead_changed: the return changed a column that is the plan's;
 *  - not_in_plan: a task of the return is not in the plan (added by the unit, or removed from the plan);
 *  - other_plan: the return belongs to another plan (another plan year, or fewer than half of its tasks
 *    found in this plan) — nothing of it is used;
 *  - older_version: the copy was made from an older version of the plan — the task (its text, lead or
 *    deadline) or the cell's value changed in the plan since it was sent;
 *  - cell_merged: the plan's cell is merged with others (a value there would show for other tasks).
 */
import { toA1 } from "../a1";
import { isDateFormat } from "../dates";
import type { Grid } from "../grid";
import { matchEntry, matchTasks, storedMatchEntry, textSimilarity, type MatchEntry } from "../identity";
import type { Report, Task } from "../report-schema";
import type { Settings } from "../settings";
import { encodeLegacy } from "../text/legacy-encode";
import { foldKey } from "../text/fold";
import { planFingerprint, type UnitCopyRecord } from "./copy-record";
import { comparable, decodeFill, FILL_FIELDS, fillText, sameFill, type FillField, type FillValue } from "./fields";
import type {
  ConflictKind,
  MergeConflict,
  MergeFileInfo,
  MergeProposal,
  NewColumn,
  ProposedChange,
  TaskRef,
  WriteValue,
} from "./merge-schema";
import { fieldCell, fillCells, readTaskTables, type FillCell, type TaskTable } from "./task-tables";
import { returnsSheetText } from "../../i18n/returns";

/** Fewer than this share of a return's tasks found in the plan: the return belongs to another plan. */
export const OTHER_PLAN_SHARE = 0.5;
/** The number rule (same appendix, group and STT) still needs this text similarity. */
export const NUMBER_MIN_SIMILARITY = 0.5;
/** Date format given to a plan cell that receives a date and is not formatted as one. */
export const DATE_FORMAT = "dd/mm/yyyy";

export interface MergeSide {
  report: Report;
  grids: Grid[];
}

export interface ReturnInput extends MergeSide {
  label: string;
  record: UnitCopyRecord | null;
  /** The file had a record that could not be read. */
  recordDamaged?: boolean;
}

export interface MergeInput {
  plan: MergeSide;
  returns: ReturnInput[];
  settings: Settings;
  asOf: string;
}

interface Pair {
  before: number;
  after: number;
  confidence: number;
}

const TASK_LEVEL: ConflictKind[] = ["text_changed", "deadline_changed", "lead_changed"];

/** Every task of a report as a match entry. */
export function entriesOf(tasks: readonly Task[]): MatchEntry[] {
  return tasks.map((t) => matchEntry({ ...t, due: t.deadline.due }));
}

/** The plan's stamp fingerprint (copy-record.ts) from its tasks. */
export function fingerprintOf(tasks: readonly Task[], entries: readonly MatchEntry[] = entriesOf(tasks)): string {
  return planFingerprint(tasks.map((t, i) => ({ exact: entries[i].exact, lead: t.lead, deadline: t.deadline.raw })));
}

/** One to one by the identity rule, then by sheet + group + STT with a weaker text similarity. */
function pairUp(
  before: readonly MatchEntry[],
  after: readonly MatchEntry[],
  m: ReturnType<typeof matchTasks> = matchTasks(before, after),
): { pairs: Pair[]; freeBefore: number[]; freeAfter: number[] } {
  const pairs: Pair[] = m.pairs.map((p) => ({ before: p.before, after: p.after, confidence: p.confidence }));
  const extra = numberPass(before, after, m.unmatchedBefore, m.unmatchedAfter);
  pairs.push(...extra);
  const takenB = new Set(extra.map((p) => p.before));
  const takenA = new Set(extra.map((p) => p.after));
  return {
    pairs,
    freeBefore: m.unmatchedBefore.filter((i) => !takenB.has(i)),
    freeAfter: m.unmatchedAfter.filter((i) => !takenA.has(i)),
  };
}

/** Tasks left over with the same appendix, group and number (STT), texts at least NUMBER_MIN_SIMILARITY alike. */
function numberPass(before: readonly MatchEntry[], after: readonly MatchEntry[], freeB: number[], freeA: number[]): Pair[] {
  const key = (e: MatchEntry) => (e.stt ? `${e.sheet}\u0000${e.group}\u0000${e.stt}` : "");
  const byKey = new Map<string, number[]>();
  for (const b of freeB) {
    const k = key(before[b]);
    if (!k) continue;
    const list = byKey.get(k);
    if (list) list.push(b);
    else byKey.set(k, [b]);
  }
  const cands: { b: number; a: number; sim: number }[] = [];
  for (const a of freeA) {
    const list = byKey.get(key(after[a]));
    if (!list || !key(after[a])) continue;
    for (const b of list) {
      const sim = textSimilarity(before[b].text, after[a].text, NUMBER_MIN_SIMILARITY);
      if (sim > 0) cands.push({ b, a, sim });
    }
  }
  cands.sort((p, q) => q.sim - p.sim || p.b - q.b || p.a - q.a);
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const out: Pair[] = [];
  for (const c of cands) {
    if (usedB.has(c.b) || usedA.has(c.a)) continue;
    usedB.add(c.b);
    usedA.add(c.a);
    out.push({ before: c.b, after: c.a, confidence: Math.round(Math.min(0.9, c.sim * 0.9) * 1000) / 1000 });
  }
  return out;
}

/** The tasks as sent (the copy's record) as match entries. */
function sentEntries(record: UnitCopyRecord): MatchEntry[] {
  return record.tasks.map((t) =>
    storedMatchEntry({ sheet: t.sheet, group: t.group, stt: t.stt, content: t.text, hash: t.hash }, { lead: t.lead, due: t.due }),
  );
}

/**
 * A renamed sheet in the return: its tasks are read under the name the copy had (the sheet most of its
 * exactly matched tasks were sent from), so the rules that need the same appendix still apply.
 */
function renamedSheets(sent: readonly MatchEntry[], ret: readonly MatchEntry[], first: ReturnType<typeof matchTasks>): Map<string, string> {
  const known = new Set(sent.map((e) => e.sheet));
  const votes = new Map<string, Map<string, number>>();
  for (const p of first.pairs) {
    const from = ret[p.after].sheet;
    if (known.has(from)) continue;
    const to = sent[p.before].sheet;
    let v = votes.get(from);
    if (!v) votes.set(from, (v = new Map()));
    v.set(to, (v.get(to) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [from, v] of votes) {
    const best = [...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) out.set(from, best[0]);
  }
  return out;
}

/** The unit a file name names ("Phòng Kinh tế.xlsx", "BC Phong Kinh te - 25.11.xlsx"): the longest unit name or alias in it. */
export function unitFromFileName(label: string, settings: Settings): string | null {
  const stem = foldKey(label.replace(/\.[a-z0-9]+$/i, "").replace(/[_]+/g, " "));
  if (!stem) return null;
  let best: { unit: string; len: number } | null = null;
  for (const u of settings.units) {
    for (const name of [u.name, ...(u.aliases ?? [])]) {
      const k = foldKey(name);
      if (k.length < 4) continue;
      if (` ${stem} `.includes(` ${k} `) && (!best || k.length > best.len)) best = { unit: u.name, len: k.length };
    }
  }
  return best?.unit ?? null;
}

function taskRef(t: Task): TaskRef {
  const text = Array.from(t.content).slice(0, 100).join("");
  return { sheet: t.sheet, row: t.row, stt: t.stt, text, lead: t.lead };
}

interface PlanCtx {
  report: Report;
  entries: MatchEntry[];
  tables: Map<string, TaskTable>;
  fills: Map<number, Partial<Record<FillField, FillCell>>>;
  newColumns: NewColumn[];
}

function planFill(ctx: PlanCtx, p: number): Partial<Record<FillField, FillCell>> {
  let f = ctx.fills.get(p);
  if (!f) {
    const t = ctx.report.tasks[p];
    const table = ctx.tables.get(t.sheet);
    f = table ? fillCells(table, t.row) : {};
    ctx.fills.set(p, f);
  }
  return f;
}

/** The plan's cell for a field (a new column at the right of the table when the sheet has none). */
function targetCell(ctx: PlanCtx, task: Task, field: FillField): { cell: string; newColumn?: number } | null {
  const table = ctx.tables.get(task.sheet);
  if (!table) return null;
  const col = table.header.columns.get(field);
  if (col !== undefined) return { cell: toA1(task.row, col) };
  let i = ctx.newColumns.findIndex((n) => n.sheet === task.sheet && n.field === field);
  if (i < 0) {
    const added = ctx.newColumns.filter((n) => n.sheet === task.sheet).length;
    const newCol = table.lastCol + 1 + added;
    ctx.newColumns.push({
      sheet: task.sheet,
      field,
      col: newCol,
      headerCell: toA1(table.header.row, newCol),
      label: returnsSheetText.columnLabels[field],
    });
    i = ctx.newColumns.length - 1;
  }
  return { cell: toA1(task.row, ctx.newColumns[i].col), newColumn: i };
}

function writeValueOf(v: FillValue, table: TaskTable | undefined): WriteValue {
  if (v.kind === "date") return { date: v.iso };
  if (v.kind === "blank") return null;
  return table && table.encoding !== "unicode" ? encodeLegacy(v.text, table.encoding) : v.text;
}

function sameDeadline(raw: string, due: string | null, baseRaw: string, baseDue: string | null): boolean {
  return comparable(raw) === comparable(baseRaw) || (due !== null && due === baseDue);
}

/** What the returns propose, and every conflict (see the file comment). */
export function proposeMerge(input: MergeInput): MergeProposal {
  const plan = input.plan.report;
  const ctx: PlanCtx = {
    report: plan,
    entries: entriesOf(plan.tasks),
    tables: readTaskTables(plan, input.plan.grids),
    fills: new Map(),
    newColumns: [],
  };
  const fingerprint = fingerprintOf(plan.tasks, ctx.entries);
  const files: MergeFileInfo[] = [];
  const raw: (Omit<ProposedChange, "id" | "alsoIn"> & { planTask: number })[] = [];
  const conflicts: MergeConflict[] = [];

  input.returns.forEach((ret, fi) => {
    const R = ret.report.tasks;
    const rTables = readTaskTables(ret.report, ret.grids);
    let rEntries = entriesOf(R);
    const record = ret.record;
    const info: MergeFileInfo = {
      label: ret.label,
      unit: null,
      unitFrom: null,
      record: record ? "ok" : ret.recordDamaged ? "damaged" : "missing",
      sentOn: record?.sentOn ?? null,
      tasks: R.length,
      matched: 0,
      planChanged: false,
      otherPlan: false,
    };
    files.push(info);
    if (record) {
      info.unit = record.unit;
      info.unitFrom = "record";
    } else {
      const named = unitFromFileName(ret.label, input.settings);
      const leads = [...new Set(R.map((t) => t.lead).filter((l): l is string => l !== null))];
      if (named) {
        info.unit = named;
        info.unitFrom = "file_name";
      } else if (leads.length === 1) {
        info.unit = leads[0];
        info.unitFrom = "leads";
      }
    }

    // Return task → (plan task, task as sent, confidence).
    const toPlan = new Map<number, { p: number; e: number | null; confidence: number }>();
    const sent = record ? sentEntries(record) : [];
    let unmatched: number[];
    if (record) {
      const first = matchTasks(sent, rEntries);
      const renamed = renamedSheets(sent, rEntries, first);
      if (renamed.size) rEntries = rEntries.map((e) => (renamed.has(e.sheet) ? { ...e, sheet: renamed.get(e.sheet)! } : e));
      // Nothing renamed: the match just made is the one to pair up with (not made a second time).
      const m1 = pairUp(sent, rEntries, renamed.size ? undefined : first);
      const m2 = pairUp(sent, ctx.entries);
      const sentToPlan = new Map(m2.pairs.map((p) => [p.before, p]));
      const claimed = new Set(m2.pairs.map((p) => p.after));
      const left: number[] = [...m1.freeAfter];
      for (const p of m1.pairs) {
        const q = sentToPlan.get(p.before);
        if (q) toPlan.set(p.after, { p: q.after, e: p.before, confidence: round3(p.confidence * q.confidence) });
        else toPlan.set(p.after, { p: -1, e: p.before, confidence: p.confidence });
      }
      // Rows the unit added (or rewrote beyond recognition): against the plan's tasks not sent in this copy.
      if (left.length) {
        const free = ctx.entries.map((_, i) => i).filter((i) => !claimed.has(i));
        const m3 = pairUp(
          free.map((i) => ctx.entries[i]),
          left.map((i) => rEntries[i]),
        );
        for (const p of m3.pairs) toPlan.set(left[p.after], { p: free[p.before], e: null, confidence: p.confidence });
      }
      const found = m2.pairs.length;
      info.otherPlan = record.plan.year !== plan.planYear || (sent.length > 0 && found / sent.length < OTHER_PLAN_SHARE);
      info.planChanged = record.plan.fingerprint !== fingerprint;
      unmatched = R.map((_, i) => i).filter((i) => !toPlan.has(i) || toPlan.get(i)!.p < 0);
    } else {
      const m = pairUp(ctx.entries, rEntries);
      for (const p of m.pairs) toPlan.set(p.after, { p: p.before, e: null, confidence: p.confidence });
      info.otherPlan = R.length > 0 && m.pairs.length / R.length < OTHER_PLAN_SHARE;
      unmatched = m.freeAfter;
    }
    info.matched = [...toPlan.values()].filter((v) => v.p >= 0).length;
    if (info.otherPlan) {
      conflicts.push({
        kind: "other_plan",
        file: fi,
        value: record?.plan.title ?? ret.report.planTitle ?? "",
        planValue: plan.planTitle ?? "",
      });
      return;
    }

    // Tasks of the return that are not in the plan (only when there is something to say about them).
    for (const a of unmatched) {
      const t = R[a];
      const match = toPlan.get(a);
      const e = match ? match.e : null;
      const table = rTables.get(t.sheet);
      const cells = table ? fillCells(table, t.row) : {};
      const sentValues = e !== null && record ? record.tasks[e].values.map(decodeFill) : null;
      const edited = FILL_FIELDS.some((f, k) => {
        const v = cells[f]?.value;
        if (!v || v.kind === "blank") return false;
        return sentValues ? !sameFill(v, sentValues[k]) : true;
      });
      if (!edited && (e !== null || !record)) continue;
      conflicts.push({
        kind: "not_in_plan",
        file: fi,
        returnCell: { sheet: t.sheet, cell: (table && fieldCell(table, t.row, "content")) ?? toA1(t.row, 1) },
        value: t.content,
      });
    }

    for (const [a, match] of toPlan) {
      if (match.p < 0) continue;
      const rTask = R[a];
      const pTask = plan.tasks[match.p];
      const rTable = rTables.get(rTask.sheet);
      if (!rTable) continue;
      const e = match.e !== null && record ? record.tasks[match.e] : null;
      const eEntry = match.e !== null ? sent[match.e] : null;
      const base = e
        ? { exact: eEntry!.exact, lead: e.lead, deadline: e.deadline, due: e.due, text: e.text }
        : {
            exact: ctx.entries[match.p].exact,
            lead: pTask.lead,
            deadline: pTask.deadline.raw,
            due: pTask.deadline.due,
            text: pTask.content,
          };
      const taskKinds: ConflictKind[] = [];
      const pRef = taskRef(pTask);
      const planTable = ctx.tables.get(pTask.sheet);
      const cellOf = (table: TaskTable | undefined, row: number, field: "content" | "deadline" | "lead") =>
        (table && fieldCell(table, row, field)) ?? toA1(row, 1);
      /** The return changed one of the plan's own columns of this task. */
      const planColumnChanged = (kind: ConflictKind, field: "content" | "deadline" | "lead", value: string, planValue: string) => {
        taskKinds.push(kind);
        conflicts.push({
          kind,
          file: fi,
          task: pRef,
          planCell: { sheet: pTask.sheet, cell: cellOf(planTable, pTask.row, field) },
          returnCell: { sheet: rTask.sheet, cell: cellOf(rTable, rTask.row, field) },
          value,
          planValue,
        });
      };
      if (rEntries[a].exact !== base.exact) planColumnChanged("text_changed", "content", rTask.content, base.text);
      if (!sameDeadline(rTask.deadline.raw, rTask.deadline.due, base.deadline, base.due))
        planColumnChanged("deadline_changed", "deadline", rTask.deadline.raw, base.deadline);
      if (rTask.lead !== base.lead && (rTask.lead !== null || rTask.leadRaw.trim() !== ""))
        planColumnChanged("lead_changed", "lead", rTask.lead ?? rTask.leadRaw, base.lead ?? "");
      const editKinds: ConflictKind[] = [];
      if (info.unit !== null && pTask.lead !== info.unit) editKinds.push("not_lead");
      // The plan changed this task since the copy was sent: its text, its lead, or its deadline to another
      // day (a deadline reworded to the same day, "Quý II/2026" → "30/6/2026", is the same, as for deadline_changed).
      const planMoved =
        e !== null &&
        (ctx.entries[match.p].exact !== base.exact ||
          pTask.lead !== e.lead ||
          !sameDeadline(pTask.deadline.raw, pTask.deadline.due, e.deadline, e.due));
      if (planMoved) editKinds.push("older_version");

      const rCells = fillCells(rTable, rTask.row);
      const pCells = planFill(ctx, match.p);
      FILL_FIELDS.forEach((field, k) => {
        const rc = rCells[field];
        if (!rc || rc.value.kind === "blank") return;
        const pc = pCells[field];
        const pv: FillValue = pc?.value ?? { kind: "blank" };
        const sentValue = e ? decodeFill(e.values[k]) : pv;
        if (sameFill(rc.value, sentValue) || sameFill(rc.value, pv)) return;
        const target = targetCell(ctx, pTask, field);
        if (!target) return;
        const kinds = [...taskKinds, ...editKinds];
        if (e && !sameFill(pv, sentValue) && !kinds.includes("older_version")) kinds.push("older_version");
        if (pc?.merged) kinds.push("cell_merged");
        const write = writeValueOf(rc.value, planTable);
        const numberFormat = rc.value.kind === "date" && !isDateFormat(pc?.format ?? null) ? DATE_FORMAT : undefined;
        raw.push({
          file: fi,
          planTask: match.p,
          task: pRef,
          field,
          cell: target.cell,
          returnCell: { sheet: rTask.sheet, cell: rc.cell },
          before: fillText(pv),
          after: fillText(rc.value),
          write,
          ...(numberFormat ? { numberFormat } : {}),
          previous: { value: pc?.raw ?? null, format: pc?.format ?? null },
          confidence: match.confidence,
          conflicts: kinds,
          ...(target.newColumn !== undefined ? { newColumn: target.newColumn } : {}),
        });
      });
    }
  });

  const changes = settle(raw, conflicts);
  return { asOf: input.asOf, files, changes, conflicts, newColumns: ctx.newColumns, planTasks: plan.tasks.length };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * One change per plan cell and value: files proposing the same value are listed together (alsoIn); files
 * proposing different values all get "disagree". Then each change's holding conflicts are listed (the
 * task-level ones were listed once per task already).
 */
function settle(raw: (Omit<ProposedChange, "id" | "alsoIn"> & { planTask: number })[], conflicts: MergeConflict[]): ProposedChange[] {
  const groups = new Map<string, typeof raw>();
  for (const c of raw) {
    const k = `${c.planTask}\u0000${c.field}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const out: ProposedChange[] = [];
  let n = 0;
  for (const g of groups.values()) {
    // Distinct values, in file order; each keeps the proposal with the fewest conflicts.
    const distinct: { keep: (typeof raw)[number]; dropped: (typeof raw)[number][] }[] = [];
    for (const c of g) {
      const same = distinct.find((d) => sameFill(valueOf(d.keep), valueOf(c)));
      if (!same) distinct.push({ keep: c, dropped: [] });
      else if (c.conflicts.length < same.keep.conflicts.length) {
        same.dropped.push(same.keep);
        same.keep = c;
      } else same.dropped.push(c);
    }
    const disagree = distinct.length > 1;
    for (const d of distinct) {
      const { planTask: _p, ...c } = d.keep;
      const change: ProposedChange = {
        ...c,
        id: `c${++n}`,
        alsoIn: [...new Set(d.dropped.map((x) => x.file))].filter((f) => f !== c.file),
      };
      if (disagree) {
        change.conflicts = [...change.conflicts, "disagree"];
        const others = distinct.filter((x) => x !== d).flatMap((x) => [x.keep.file, ...x.dropped.map((y) => y.file)]);
        conflicts.push(changeConflict(change, "disagree", others));
      }
      for (const kind of change.conflicts)
        if (!TASK_LEVEL.includes(kind) && kind !== "disagree") conflicts.push(changeConflict(change, kind));
      // A file that proposes the same value under a conflict of its own (a unit that does not lead the task) is still named.
      for (const x of d.dropped)
        for (const kind of x.conflicts)
          if (!TASK_LEVEL.includes(kind) && !change.conflicts.includes(kind))
            conflicts.push({ ...changeConflict(change, kind), file: x.file, returnCell: x.returnCell });
      out.push(change);
    }
  }
  return out.sort((a, b) => a.file - b.file || Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

function valueOf(c: { after: string; write: WriteValue }): FillValue {
  if (c.write !== null && typeof c.write === "object") return { kind: "date", iso: c.write.date };
  return c.after ? { kind: "text", text: c.after } : { kind: "blank" };
}

function changeConflict(c: ProposedChange, kind: ConflictKind, others?: number[]): MergeConflict {
  return {
    kind,
    file: c.file,
    task: c.task,
    field: c.field,
    planCell: { sheet: c.task.sheet, cell: c.cell },
    returnCell: c.returnCell,
    value: c.after,
    planValue: c.before,
    ...(others ? { others: [...new Set(others)].sort((a, b) => a - b) } : {}),
    change: c.id,
  };
}
