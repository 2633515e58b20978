/** Report → SummarySpec (pure). */
import type { Report } from "../report-schema";
import type { Settings } from "../settings";
import type { SummarySpec } from "./spec";
import { summarySheetNames } from "./names";

export { summarySheetNames };
import { buildMainSheet } from "./sheet-main";
import { buildDeadlinesSheet } from "./sheet-deadlines";
import { buildIndicatorsSheet } from "./sheet-indicators";
import { buildChangesSheet } from "./sheet-changes";
import { planTitleOf, type SummaryContext } from "./title";

/** Stored with the product's own sheets (store.summarySheets[].marker) so it can replace them later. */
export const SUMMARY_MARKER = "phuluc.summary.v1";

export function buildSummary(report: Report, settings: Settings): SummarySpec {
  const ctx: SummaryContext = { report, settings, asOf: report.asOf, planTitle: planTitleOf(report, settings) };
  const names = summarySheetNames(settings);
  return {
    marker: SUMMARY_MARKER,
    sheets: [
      buildMainSheet(ctx, names.main).sheet,
      buildDeadlinesSheet(ctx, names.deadlines),
      buildIndicatorsSheet(ctx, names.indicators),
      // What changed since the snapshot compared with (the summarize use case sets report.changes).
      ...(report.changes ? [buildChangesSheet(ctx, names.changes, report.changes)] : []),
    ],
  };
}
