/**
 * Which cells to highlight for a report: one highlight per cell, and an error wins over a warning on the
 * same cell. Whole-sheet issues (no cell) are not highlighted. The one plan every door uses (pane, ribbon,
 * CLI); the adapters only paint what it lists.
 */
import type { HighlightTarget } from "./port";
import type { Issue } from "./issues";

export function planHighlights(issues: readonly Pick<Issue, "sheet" | "cell" | "severity">[]): HighlightTarget[] {
  const byCell = new Map<string, HighlightTarget>();
  for (const i of issues) {
    if (!i.cell) continue;
    const key = `${i.sheet}\u0000${i.cell}`;
    const prev = byCell.get(key);
    if (!prev) byCell.set(key, { sheet: i.sheet, cell: i.cell, severity: i.severity });
    else if (i.severity === "error") prev.severity = "error";
  }
  return [...byCell.values()];
}
