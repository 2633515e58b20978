/** Shared helpers for the engine tests. */
import { analyze, type AnalyzeOptions } from "../../../src/core/analyze";
import { ReportSchema, type Report } from "../../../src/core/report-schema";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import type { Grid } from "../../../src/core/grid";

export const AS_OF = "2026-07-15";

export function run(grids: Grid[], opts: Omit<Partial<AnalyzeOptions>, "settings"> & { settings?: Partial<Settings> } = {}): Report {
  const settings = { ...defaultSettings(), ...(opts.settings ?? {}) };
  const report = analyze(grids, { asOf: opts.asOf ?? AS_OF, settings, ignoreSheets: opts.ignoreSheets });
  ReportSchema.parse(report);
  return report;
}

export function codes(report: Report): string[] {
  return report.issues.map((i) => i.code);
}

export function issuesOf(report: Report, code: string) {
  return report.issues.filter((i) => i.code === code);
}
