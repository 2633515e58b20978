/** Tạo bảng tổng hợp: the report → the summary sheets, written into the workbook (never over user sheets). */
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { buildSummary } from "../../core/summary/build";
import type { WriteSummaryResult } from "../../core/summary/spec";
import type { EngineParts } from "../run-context";

export async function writeSummarySheets(
  port: WorkbookPort,
  report: Report,
  settings: Settings,
  engine: Partial<EngineParts> = {},
): Promise<WriteSummaryResult> {
  return port.writeSummary((engine.buildSummary ?? buildSummary)(report, settings));
}
