/**
 * Everything the pane needs from the core engine, in one lazily loaded chunk (the engine and zod are
 * the pane's heaviest code and are not needed to paint it). Loaded through engine.ts.
 */
import "../core/zod-jitless";
import type { Grid } from "../core/grid";
import type { Report } from "../core/report-schema";
import { UNASSIGNED_UNIT } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { Lang } from "../i18n/ui";
import { analyzeSteps, type AnalyzeProgress } from "../core/analyze";
import { buildSummary } from "../core/summary/build";
import { decodeLegacy } from "../core/text/legacy";
import { daysBetween } from "./dates";
import { CANCELLED, runInSlices } from "./slices";

export { buildSummary, decodeLegacy };
export { defaultSettings } from "../core/settings";

export const DUE_SOON_DAYS = 14;

/** Tasks still in time but due within the amber window (14 days), per lead unit. */
export function dueSoonByUnit(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of report.tasks) {
    if (t.status !== "in_progress" || !t.deadline.due) continue;
    const days = daysBetween(report.asOf, t.deadline.due);
    if (days < 0 || days > DUE_SOON_DAYS) continue;
    const unit = t.lead ?? UNASSIGNED_UNIT;
    out[unit] = (out[unit] ?? 0) + 1;
  }
  return out;
}

export interface PaneRun {
  onProgress: (p: AnalyzeProgress) => void;
  /** True once this run is stale (Kiểm tra pressed again, the date changed): it stops at the next pause. */
  cancelled: () => boolean;
}

/**
 * Analyse in slices of about one frame, the UI thread free in between (progress painted, clicks taken).
 * Null when the run was called off.
 */
export async function analyzeForPane(
  grids: Grid[],
  options: { asOf: string; settings: Settings; lang?: Lang },
  run: PaneRun,
): Promise<{ report: Report; dueSoon: Record<string, number> } | null> {
  const report = await runInSlices(analyzeSteps(grids, options), { onProgress: run.onProgress, cancelled: run.cancelled });
  if (report === CANCELLED || run.cancelled()) return null;
  return { report, dueSoon: dueSoonByUnit(report) };
}
