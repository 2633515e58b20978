/**
 * Tạo bảng tổng hợp: the report → the summary sheets, written into the workbook (never over user sheets).
 * Every summary also records its snapshot (changes.ts), and — when an earlier snapshot exists — shows what
 * changed since it on the sheet "… - Thay đổi".
 */
import type { Changes } from "../../core/changes-schema";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { identifyReport } from "../../core/snapshot";
import { buildSummary } from "../../documents/summary/build";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import type { EngineParts } from "../run-context";
import { changesAgainst, chooseBaseline, loadSnapshots, recordSnapshot, type RecordedSnapshot, type SnapshotWarning } from "./changes";

export interface SummaryOptions {
  /** The snapshot to compare with (its seq); default: the latest before the report's as-of date. */
  since?: number;
}

export interface SummaryResult extends WriteSummaryResult {
  /** What changed since the snapshot compared with (absent when there was none). */
  changes?: Changes;
  /** The snapshot this summary recorded. */
  snapshot: RecordedSnapshot;
  /** Earlier snapshots that could not be read (ignored). */
  snapshotWarning: SnapshotWarning | null;
}

export async function writeSummarySheets(
  port: WorkbookPort,
  report: Report,
  settings: Settings,
  engine: Partial<EngineParts> = {},
  options: SummaryOptions = {},
): Promise<SummaryResult> {
  const loaded = await loadSnapshots(port);
  const identified = identifyReport(report, loaded.book);
  const baseline = chooseBaseline(loaded.book, report.asOf, options.since === undefined ? {} : { seq: options.since });
  const changes = baseline ? changesAgainst(loaded.book, report, baseline, identified) : undefined;
  const { changes: _ignored, ...plain } = report;
  const written = await port.writeSummary((engine.buildSummary ?? buildSummary)(changes ? { ...plain, changes } : plain, settings));
  const snapshot = await recordSnapshot(port, plain, loaded, identified);
  return { ...written, ...(changes ? { changes } : {}), snapshot, snapshotWarning: loaded.warning };
}
