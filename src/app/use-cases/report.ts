/**
 * Tạo báo cáo: the report document (Báo cáo, Nghị định 30/2020/NĐ-CP) drafted from a check's report and
 * the workbook's settings — as a .docx (the CLI, the pane's download) or, where a download cannot work
 * (Excel for Mac), as the printable sheet "Báo cáo" written into the workbook. The .docx is written by the
 * door's writer (deps.writers: the pane loads the docx library as a chunk of its own, only when a document is made).
 */
import type { WorkbookPort } from "../../core/port";
import { buildReportDoc } from "../../documents/report-doc/build";
import { buildReportSheet } from "../../documents/report-doc/sheet";
import type { ReportDoc } from "../../documents/report-doc/spec";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import type { FileWriters } from "../run-context";

export interface DraftedReport {
  /** The .docx file. */
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  /** What it says (for the door's message and the tests). */
  doc: ReportDoc;
}

/** The report as a .docx. */
export async function draftReport(report: Report, settings: Settings, writers: FileWriters): Promise<DraftedReport> {
  const doc = buildReportDoc(report, settings);
  const { bytes, mediaType } = await writers.reportDocx(doc);
  return { bytes, fileName: doc.fileName, mediaType, doc };
}

/** The report as the printable sheet "Báo cáo" in the workbook (replacing phuluc's earlier one, never a user's sheet). */
export async function writeReportSheet(port: WorkbookPort, report: Report, settings: Settings): Promise<WriteSummaryResult> {
  return port.writeSummary(buildReportSheet(buildReportDoc(report, settings)));
}
