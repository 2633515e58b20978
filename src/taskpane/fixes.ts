/** One-click fixes: turn an issue's `fix` into the cell edits to write. */
import type { Grid } from "../core/grid";
import type { CellEdit } from "../core/port";
import type { Fix } from "../core/report-schema";
import { toA1 } from "../core/a1";

export type Decoder = (s: string, encoding: "tcvn3" | "vni") => string;

/** The edits that decode every text cell of a legacy-encoded sheet (cells that change only). */
export function decodeSheetEdits(grid: Grid, encoding: "tcvn3" | "vni", decodeLegacy: Decoder): CellEdit[] {
  const edits: CellEdit[] = [];
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (typeof v !== "string" || v === "") return;
      const decoded = decodeLegacy(v, encoding);
      if (decoded !== v) edits.push({ cell: toA1(grid.origin.row + r, grid.origin.col + c), value: decoded });
    });
  });
  return edits;
}

export function fixEdits(fix: Fix, grids: Grid[], decodeLegacy: Decoder): { sheet: string; edits: CellEdit[] } {
  if (fix.kind === "replace") return { sheet: fix.sheet, edits: [{ cell: fix.cell, value: fix.value }] };
  const grid = grids.find((g) => g.name === fix.sheet);
  return { sheet: fix.sheet, edits: grid ? decodeSheetEdits(grid, fix.encoding, decodeLegacy) : [] };
}
