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
 * Changes (propose-task.ts): only the unit's columns (Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Ghi
 * chú), in the plan's words; every other column is the plan's and is never written. Conflicts and the
 * values that need a person are held back (merge-schema.ts, CONFLICT_KINDS); a change they hold back is
 * written only when chosen. Ids are stable (settle.ts).
 */
import { toA1 } from "../a1";
import type { Grid } from "../grid";
import { groupKey, matchEntry, matchTasks, storedMatchEntry, textSimilarity, type MatchEntry } from "../identity";
import type { Report, Task } from "../report-schema";
import type { Settings } from "../settings";
import { foldKey } from "../text/fold";
import { planFingerprint, type UnitCopyRecord } from "./copy-record";
import type { FillField } from "./fields";
import type { MergeConflict, MergeFileInfo, MergeProposal, NewColumn } from "./merge-schema";
import { statusWords } from "./normalize";
import { compareTask, notInPlan, type FileCtx, type PlanCtx, type RawChange } from "./propose-task";
import { settle, withConflictIds } from "./settle";
import { readTaskTables, valueLastCol, type TaskTable } from "./task-tables";

/** Fewer than this share of a return's tasks found in the plan: the return belongs to another plan. */
export const OTHER_PLAN_SHARE = 0.5;
/** The number rule (same appendix, group and STT) still needs this text similarity. */
export const NUMBER_MIN_SIMILARITY = 0.5;
export { DATE_FORMAT } from "./propose-task";

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
  /** The words of the drop-down on the plan's Tình trạng column, by sheet (when it has one). */
  statusChoices?: ReadonlyMap<string, readonly string[]>;
  /** The header a fill-in column gets when the plan has none (the caller's words: the core does not word). */
  columnLabels: Readonly<Record<FillField, string>>;
}

export interface Pair {
  before: number;
  after: number;
  confidence: number;
}

/** Every task of a report as a match entry (a group's key worked out once: a return's 200,000 rows share a few groups). */
export function entriesOf(tasks: readonly Task[]): MatchEntry[] {
  const groups = new Map<string | null, string>();
  return tasks.map((t) => {
    let group = groups.get(t.group);
    if (group === undefined) groups.set(t.group, (group = groupKey(t.group)));
    const e = matchEntry({ sheet: t.sheet, group: null, stt: t.stt, content: t.content, lead: t.lead, due: t.deadline.due });
    e.group = group;
    return e;
  });
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
  for (const p of extra) pairs.push(p);
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
  if (!freeB.length || !freeA.length) return [];
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

/** A return task's place in the plan: the plan task (-1: none), the task as sent (null: matched without the record), how sure. */
export interface ToPlan {
  p: number;
  e: number | null;
  confidence: number;
}

interface Matching {
  toPlan: Map<number, ToPlan>;
  unmatched: number[];
  otherPlan: boolean;
  planChanged: boolean;
  /** The return's entries, renamed sheets read under the copy's names. */
  entries: MatchEntry[];
}

/** With the copy's record: return ↔ as sent ↔ plan, then the rows the unit added against the plan's tasks not sent. */
function matchWithRecord(plan: PlanCtx, record: UnitCopyRecord, sent: MatchEntry[], rEntries: MatchEntry[], fingerprint: string): Matching {
  const first = matchTasks(sent, rEntries);
  const renamed = renamedSheets(sent, rEntries, first);
  const entries = renamed.size ? rEntries.map((e) => (renamed.has(e.sheet) ? { ...e, sheet: renamed.get(e.sheet)! } : e)) : rEntries;
  // Nothing renamed: the match just made is the one to pair up with (not made a second time).
  const returnVsSent = pairUp(sent, entries, renamed.size ? undefined : first);
  const sentVsPlan = pairUp(sent, plan.entries);
  const sentToPlan = new Map(sentVsPlan.pairs.map((p) => [p.before, p]));
  const claimed = new Set(sentVsPlan.pairs.map((p) => p.after));
  const toPlan = new Map<number, ToPlan>();
  for (const p of returnVsSent.pairs) {
    const q = sentToPlan.get(p.before);
    toPlan.set(
      p.after,
      q ? { p: q.after, e: p.before, confidence: round3(p.confidence * q.confidence) } : { p: -1, e: p.before, confidence: p.confidence },
    );
  }
  const left = returnVsSent.freeAfter;
  const free = left.length ? plan.entries.map((_, i) => i).filter((i) => !claimed.has(i)) : [];
  // Rows the unit added, against the plan's tasks not sent in this copy (none left: nothing to look for).
  if (left.length && free.length) {
    const addedVsFree = pairUp(
      free.map((i) => plan.entries[i]),
      left.map((i) => entries[i]),
    );
    for (const p of addedVsFree.pairs) toPlan.set(left[p.after], { p: free[p.before], e: null, confidence: p.confidence });
  }
  const otherPlan =
    record.plan.year !== plan.report.planYear || (sent.length > 0 && sentVsPlan.pairs.length / sent.length < OTHER_PLAN_SHARE);
  const unmatched = rEntries.map((_, i) => i).filter((i) => !toPlan.has(i) || toPlan.get(i)!.p < 0);
  return { toPlan, unmatched, otherPlan, planChanged: record.plan.fingerprint !== fingerprint, entries };
}

/** Without a record: the return's tasks straight against the plan's. */
function matchWithoutRecord(plan: PlanCtx, rEntries: MatchEntry[]): Matching {
  const m = pairUp(plan.entries, rEntries);
  const toPlan = new Map<number, ToPlan>(m.pairs.map((p) => [p.after, { p: p.before, e: null, confidence: p.confidence }]));
  const otherPlan = rEntries.length > 0 && m.pairs.length / rEntries.length < OTHER_PLAN_SHARE;
  return { toPlan, unmatched: m.freeAfter, otherPlan, planChanged: false, entries: rEntries };
}

/** Which unit sent the file: the record's; else the unit its file name names; else the one lead of all its tasks. */
function fileInfo(ret: ReturnInput, settings: Settings): MergeFileInfo {
  const record = ret.record;
  const info: MergeFileInfo = {
    label: ret.label,
    unit: record?.unit ?? null,
    unitFrom: record ? "record" : null,
    record: record ? "ok" : ret.recordDamaged ? "damaged" : "missing",
    sentOn: record?.sentOn ?? null,
    tasks: ret.report.tasks.length,
    matched: 0,
    planChanged: false,
    otherPlan: false,
  };
  if (record) return info;
  const named = unitFromFileName(ret.label, settings);
  const leads = [...new Set(ret.report.tasks.map((t) => t.lead).filter((l): l is string => l !== null))];
  if (named) Object.assign(info, { unit: named, unitFrom: "file_name" });
  else if (leads.length === 1) Object.assign(info, { unit: leads[0], unitFrom: "leads" });
  return info;
}

/** The plan as the merge compares with it (its tables read once, its status words, where its tables end). */
function planContext(input: MergeInput): PlanCtx {
  const report = input.plan.report;
  const tables = readTaskTables(report, input.plan.grids);
  const bottoms = new Map<string, number>();
  for (const t of report.tasks) bottoms.set(t.sheet, Math.max(bottoms.get(t.sheet) ?? 0, t.row));
  const newColumns: NewColumn[] = [];
  const words = new Map<string, ReturnType<typeof statusWords>>();
  return {
    report,
    entries: entriesOf(report.tasks),
    tables,
    fills: new Map(),
    newColumns,
    words: (sheet) => {
      let w = words.get(sheet);
      if (!w) words.set(sheet, (w = statusWords(input.statusChoices?.get(sheet))));
      return w;
    },
    planYear: report.planYear,
    asOf: input.asOf,
    newColumn: (table, field) => newColumn(table, field, bottoms.get(table.name) ?? table.header.dataStart, newColumns, input.columnLabels),
  };
}

/** The column a field gets in a plan sheet without one: right of everything the table holds, headed like its neighbour. */
function newColumn(
  table: TaskTable,
  field: FillField,
  bottom: number,
  columns: NewColumn[],
  labels: Readonly<Record<FillField, string>>,
): number {
  const found = columns.findIndex((n) => n.sheet === table.name && n.field === field);
  if (found >= 0) return found;
  const added = columns.filter((n) => n.sheet === table.name).length;
  const col = valueLastCol(table, bottom) + 1 + added;
  const { row, height } = table.header;
  const headerStyle = Array.from({ length: height }, (_, i) => ({ cell: toA1(row + i, col), from: toA1(row + i, table.lastCol) }));
  columns.push({ sheet: table.name, field, col, headerCell: toA1(row, col), label: labels[field], headerStyle });
  return columns.length - 1;
}

/** One return: which unit, its tasks matched with the plan's, and what it proposes. */
function proposeFile(
  plan: PlanCtx,
  ret: ReturnInput,
  fi: number,
  out: { files: MergeFileInfo[]; raw: RawChange[]; conflicts: MergeConflict[] },
  fingerprint: string,
  settings: Settings,
): void {
  const info = fileInfo(ret, settings);
  out.files.push(info);
  const record = ret.record;
  const sent = record ? sentEntries(record) : [];
  const rEntries = entriesOf(ret.report.tasks);
  const matching = record ? matchWithRecord(plan, record, sent, rEntries, fingerprint) : matchWithoutRecord(plan, rEntries);
  info.otherPlan = matching.otherPlan;
  info.planChanged = matching.planChanged;
  info.matched = [...matching.toPlan.values()].filter((v) => v.p >= 0).length;
  if (matching.otherPlan) {
    out.conflicts.push({
      id: "",
      kind: "other_plan",
      file: fi,
      value: record?.plan.title ?? ret.report.planTitle ?? "",
      planValue: plan.report.planTitle ?? "",
    });
    return;
  }
  const file: FileCtx = {
    fi,
    ret,
    record,
    sent,
    entries: matching.entries,
    tables: readTaskTables(ret.report, ret.grids),
    unit: info.unit,
  };
  // One by one: a return may add 200,000 rows (a spread of that many arguments overflows the stack).
  for (const k of notInPlan(file, matching.unmatched, matching.toPlan)) out.conflicts.push(k);
  for (const [a, match] of matching.toPlan) if (match.p >= 0) compareTask(plan, file, a, match, out);
}

/** What the returns propose, and every conflict (see the file comment). */
export function proposeMerge(input: MergeInput): MergeProposal {
  const plan = planContext(input);
  const fingerprint = fingerprintOf(input.plan.report.tasks, plan.entries);
  const out = { files: [] as MergeFileInfo[], raw: [] as RawChange[], conflicts: [] as MergeConflict[] };
  input.returns.forEach((ret, fi) => proposeFile(plan, ret, fi, out, fingerprint, input.settings));
  const changes = settle(out.raw, out.conflicts);
  return {
    asOf: input.asOf,
    files: out.files,
    changes,
    conflicts: withConflictIds(out.conflicts, out.files),
    newColumns: plan.newColumns,
    planTasks: input.plan.report.tasks.length,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
