/** Shared helpers for the engine tests. */
import { analyze, type AnalyzeOptions } from "../../../src/core/analyze";
import { ReportSchema, type JsonIssue, type Report } from "../../../src/core/report-schema";
import { withMessages } from "../../../src/i18n/issues";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import type { Grid } from "../../../src/core/grid";

export const AS_OF = "2026-07-15";

/** A report whose issues carry the Vietnamese message a user reads (rendered at the edge, as the doors do). */
export type ReadReport = Omit<Report, "issues"> & { issues: JsonIssue[] };

export function run(grids: Grid[], opts: Omit<Partial<AnalyzeOptions>, "settings"> & { settings?: Partial<Settings> } = {}): ReadReport {
  const settings = { ...defaultSettings(), ...(opts.settings ?? {}) };
  const report = analyze(grids, { asOf: opts.asOf ?? AS_OF, settings, ignoreSheets: opts.ignoreSheets });
  ReportSchema.parse(report);
  return { ...report, issues: withMessages(report.issues) };
}

export function codes(report: Pick<Report, "issues">): string[] {
  return report.issues.map((i) => i.code);
}

export function issuesOf<R extends Pick<Report, "issues"> | ReadReport>(report: R, code: string): R["issues"] {
  return report.issues.filter((i) => i.code === code);
}
