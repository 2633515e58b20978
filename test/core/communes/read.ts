/** What a report read from a shape, in the form the corpus tests compare with the shape's expectations. */
import type { Report } from "../../../src/core/report-schema";
import type { IndicatorRow, Shape, TaskRow } from "./shapes";

export function taskRows(r: Pick<Report, "tasks">): TaskRow[] {
  return r.tasks.map((t) => [t.row, t.stt, t.content, t.lead, t.deadline.kind, t.deadline.due, t.status]);
}

export function indicatorRows(r: Pick<Report, "indicators">): IndicatorRow[] {
  return r.indicators.map((i) => [i.row, i.name, i.target === null ? null : +i.target.toFixed(6), i.comparator, i.actual, i.met]);
}

export function issueRows(r: Pick<Report, "issues">): [string, string, string | null][] {
  return r.issues.map((i) => [i.code, i.sheet, i.cell]);
}

/** What a shape must read, in the form the tests compare. */
export function expected(s: Shape) {
  return { tasks: s.tasks, indicators: s.indicators ?? [], issues: s.issues, skipped: s.skipped ?? [] };
}

export function actual(r: Pick<Report, "tasks" | "indicators" | "issues" | "skippedSheets">) {
  return { tasks: taskRows(r), indicators: indicatorRows(r), issues: issueRows(r), skipped: (r.skippedSheets ?? []).map((s) => s.name) };
}
