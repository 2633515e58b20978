/** Report → SummarySpec (pure). (Owner: summary.) */
import type { Report } from "../report-schema";
import type { Settings } from "../settings";
import type { SummarySpec } from "./spec";

export function buildSummary(report: Report, settings: Settings): SummarySpec {
  throw new Error("not implemented");
}
