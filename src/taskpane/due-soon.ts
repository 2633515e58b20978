/** Tasks still in time but due within the amber window (14 days), counted per lead unit. */
import type { Report } from "../core/report-schema";
import { UNASSIGNED_UNIT } from "../core/report-schema";
import { daysBetween } from "./dates";

export const DUE_SOON_DAYS = 14;

export function dueSoonByUnit(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of report.tasks) {
    if (t.status !== "in_progress" || !t.deadline.due) continue;
    const days = daysBetween(report.asOf, t.deadline.due);
    if (days < 0 || days > DUE_SOON_DAYS) continue;
    const unit = t.lead ?? UNASSIGNED_UNIT;
    out.set(unit, (out.get(unit) ?? 0) + 1);
  }
  return out;
}
