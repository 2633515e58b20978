/** One-click fixes: an issue's `fix` → the cell edits → written into the workbook. */
import { toA1 } from "../../core/a1";
import type { Grid } from "../../core/grid";
import type { Fix } from "../../core/issues";
import type { CellEdit, WorkbookPort } from "../../core/port";
import { decodeLegacy } from "../../core/text/legacy";
import type { EngineParts } from "../run-context";

/** The edits that decode every text cell of a legacy-encoded sheet (cells that change only). */
export function decodeSheetEdits(grid: Grid, encoding: "tcvn3" | "vni", decode = decodeLegacy): CellEdit[] {
  const edits: CellEdit[] = [];
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== "string" || v === "") return;
      const decoded = decode(v, encoding);
      if (decoded !== v) edits.push({ cell: toA1(grid.origin.row + r, grid.origin.col + c), value: decoded });
    });
  });
  return edits;
}

/** The edits a fix makes, on the grids as read. */
export function fixEdits(fix: Fix, grids: readonly Grid[], decode = decodeLegacy): { sheet: string; edits: CellEdit[] } {
  if (fix.kind === "replace") return { sheet: fix.sheet, edits: [{ cell: fix.cell, value: fix.value }] };
  const grid = grids.find((g) => g.name === fix.sheet);
  return { sheet: fix.sheet, edits: grid ? decodeSheetEdits(grid, fix.encoding, decode) : [] };
}

/** Apply a fix (values written as text); returns how many cells changed (0: nothing to do). */
export async function applyFix(
  port: WorkbookPort,
  fix: Fix,
  grids: readonly Grid[],
  engine: Partial<EngineParts> = {},
): Promise<{ cells: number }> {
  const { sheet, edits } = fixEdits(fix, grids, engine.decodeLegacy);
  if (edits.length) await port.writeCells(sheet, edits);
  return { cells: edits.length };
}
