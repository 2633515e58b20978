/**
 * Counting tasks by category: per unit, per appendix sheet, per group and for the whole plan.
 * completion rate = (done_on_time + done_late) / (total − recurring); on-time rate =
 * done_on_time / (total − recurring); both null (not 0) when that denominator is 0.
 */
import { UNASSIGNED_UNIT, type Counts, type StatusCategory, type Task } from "./report-schema";

export type TallyCounts = Omit<Counts, "completionRate" | "onTimeRate">;

export function emptyTally(): TallyCounts {
  return { total: 0, done_on_time: 0, done_late: 0, in_progress: 0, overdue: 0, recurring: 0, undetermined: 0 };
}

/** Counts of nothing: all zero, rates empty. */
export function zeroCounts(): Counts {
  return withRates(emptyTally());
}

export function addTo(t: TallyCounts, status: StatusCategory): void {
  t.total++;
  t[status]++;
}

export function withRates(t: TallyCounts): Counts {
  const denominator = t.total - t.recurring;
  return {
    ...t,
    completionRate: denominator > 0 ? (t.done_on_time + t.done_late) / denominator : null,
    onTimeRate: denominator > 0 ? t.done_on_time / denominator : null,
  };
}

export function countTasks(tasks: readonly Task[]): Counts {
  const t = emptyTally();
  for (const task of tasks) addTo(t, task.status);
  return withRates(t);
}

/**
 * Per unit: every unit of the list in list order (even with 0 tasks), then UNASSIGNED_UNIT when any
 * task has no canonical lead. A task whose lead is not in the list (it cannot be, the engine only sets
 * canonical names) would also count as unassigned.
 */
export function countByUnit(tasks: readonly Task[], unitNames: readonly string[]): (Counts & { unit: string })[] {
  const byUnit = new Map<string, TallyCounts>();
  for (const u of unitNames) if (!byUnit.has(u)) byUnit.set(u, emptyTally());
  let unassigned: TallyCounts | null = null;
  for (const task of tasks) {
    const t = task.lead !== null ? byUnit.get(task.lead) : undefined;
    if (t) addTo(t, task.status);
    else addTo((unassigned ??= emptyTally()), task.status);
  }
  const out = [...byUnit].map(([unit, t]) => ({ unit, ...withRates(t) }));
  if (unassigned) out.push({ unit: UNASSIGNED_UNIT, ...withRates(unassigned) });
  return out;
}

/** Per sheet, in the order given (sheets without tasks included). */
export function countBySheet(
  tasks: readonly Task[],
  sheets: readonly { name: string; title?: string }[],
): (Counts & { sheet: string; title?: string })[] {
  const by = new Map<string, TallyCounts>();
  for (const s of sheets) by.set(s.name, emptyTally());
  for (const task of tasks) {
    const t = by.get(task.sheet);
    if (t) addTo(t, task.status);
  }
  return sheets.map((s) => ({ sheet: s.name, ...(s.title !== undefined ? { title: s.title } : {}), ...withRates(by.get(s.name)!) }));
}

/** Per (sheet, group), in order of first appearance (tasks before the first group: group null). */
export function countByGroup(tasks: readonly Task[]): (Counts & { sheet: string; group: string | null })[] {
  const order: { sheet: string; group: string | null; t: TallyCounts }[] = [];
  const index = new Map<string, number>();
  let last: { sheet: string; group: string | null; t: TallyCounts } | undefined;
  for (const task of tasks) {
    // tasks come sheet by sheet, group by group: most lookups are "same as the previous task"
    if (!last || last.sheet !== task.sheet || last.group !== task.group) {
      const key = `${task.sheet}\u0000${task.group ?? "\u0001"}`;
      let i = index.get(key);
      if (i === undefined) {
        i = order.length;
        index.set(key, i);
        order.push({ sheet: task.sheet, group: task.group, t: emptyTally() });
      }
      last = order[i];
    }
    addTo(last.t, task.status);
  }
  return order.map((g) => ({ sheet: g.sheet, group: g.group, ...withRates(g.t) }));
}
