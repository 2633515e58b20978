/**
 * "Due soon" (amber in the summary and the pane): a task still in time whose deadline falls within
 * DUE_SOON_DAYS days of the as-of date, that day included. The one rule every door uses.
 */
import { daysBetween } from "./dates";
import { UNASSIGNED_UNIT, type Report, type Task } from "./report-schema";

export const DUE_SOON_DAYS = 14;

/** Days left until the task's deadline when it is due soon, else null. */
export function dueSoonDays(task: Task, asOf: string): number | null {
  if (task.status !== "in_progress" || !task.deadline.due) return null;
  const left = daysBetween(asOf, task.deadline.due);
  return left >= 0 && left <= DUE_SOON_DAYS ? left : null;
}

/** Tasks due soon, per lead unit (unassigned ones under UNASSIGNED_UNIT). */
export function dueSoonByUnit(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of report.tasks) {
    if (dueSoonDays(t, report.asOf) === null) continue;
    const unit = t.lead ?? UNASSIGNED_UNIT;
    out[unit] = (out[unit] ?? 0) + 1;
  }
  return out;
}
