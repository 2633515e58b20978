/** Report → SummarySpec (pure). */
import type { Report } from "../../core/report-schema";
import { unitsFor, type Settings } from "../../core/settings";
import { identityOf } from "../../core/document/identity";
import type { SummarySpec } from "../../core/sheet-spec";
import { summarySheetNames } from "../../core/sheet-names";

export { summarySheetNames };
import { buildMainSheet } from "./sheet-main";
import { buildDeadlinesSheet } from "./sheet-deadlines";
import { buildIndicatorsSheet } from "./sheet-indicators";
import { buildChangesSheet } from "./sheet-changes";
import type { SummaryContext } from "./title";

/** Stored with the product's own sheets (store.summarySheets[].marker) so it can replace them later. */
export const SUMMARY_MARKER = "phuluc.summary.v1";

/** What every summary sheet is built from: the report, its identity and the unit list it was read with. */
export function summaryContext(report: Report, settings: Settings): SummaryContext {
  const identity = identityOf(report, settings);
  return { report, settings, asOf: report.asOf, identity, units: unitsFor(settings.units, identity.commune?.kind ?? null) };
}

export function buildSummary(report: Report, settings: Settings): SummarySpec {
  const ctx = summaryContext(report, settings);
  const names = summarySheetNames(settings);
  return {
    marker: SUMMARY_MARKER,
    sheets: [
      buildMainSheet(ctx, names.main).sheet,
      buildDeadlinesSheet(ctx, names.deadlines),
      // A plan without an indicator table gets no empty page: the main sheet says so in one line.
      ...(report.indicators.length ? [buildIndicatorsSheet(ctx, names.indicators)] : []),
      // What changed since the snapshot compared with (the summarize use case sets report.changes).
      ...(report.changes ? [buildChangesSheet(ctx, names.changes, report.changes)] : []),
    ],
  };
}
