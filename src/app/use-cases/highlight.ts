/** Highlight the cells of a report's issues (one per cell, error wins), or clear phuluc's highlights. */
import { planHighlights } from "../../core/highlight-plan";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";

/** Replaces phuluc's previous highlights; returns how many cells were highlighted. */
export async function highlightIssues(port: WorkbookPort, report: Pick<Report, "issues">): Promise<{ cells: number }> {
  const targets = planHighlights(report.issues);
  await port.highlight(targets);
  return { cells: targets.length };
}

/** Removes exactly the highlights phuluc made, restoring the cells' own fills. */
export async function clearHighlights(port: WorkbookPort): Promise<void> {
  await port.clearHighlights();
}
