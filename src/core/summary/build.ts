/** Report → SummarySpec (pure). */
import { summaryText } from "../../i18n/summary";
import type { Report } from "../report-schema";
import type { Settings } from "../settings";
import type { SummarySpec } from "./spec";
import { MAX_SHEET_NAME, sanitizeSheetName } from "./names";
import { buildMainSheet } from "./sheet-main";
import { buildDeadlinesSheet } from "./sheet-deadlines";
import { buildIndicatorsSheet } from "./sheet-indicators";
import { buildChangesSheet } from "./sheet-changes";
import { planTitleOf, type SummaryContext } from "./title";

/** Stored with the product's own sheets (store.summarySheets[].marker) so it can replace them later. */
export const SUMMARY_MARKER = "phuluc.summary.v1";

/** Preferred names: the settings' name, and that name with " - Quá hạn" / " - Chỉ tiêu" / " - Thay đổi". */
export function summarySheetNames(settings: Settings): { main: string; deadlines: string; indicators: string; changes: string } {
  const base = sanitizeSheetName(settings.summarySheetName, "Tổng hợp");
  const suffixed = (suffix: string) => {
    const tail = ` - ${suffix}`;
    const head = Array.from(base)
      .slice(0, MAX_SHEET_NAME - tail.length)
      .join("")
      .trimEnd();
    return sanitizeSheetName(head + tail);
  };
  return {
    main: base,
    deadlines: suffixed(summaryText.sheetSuffixDeadlines),
    indicators: suffixed(summaryText.sheetSuffixIndicators),
    changes: suffixed(summaryText.sheetSuffixChanges),
  };
}

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
