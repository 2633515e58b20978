/** Reading a SummarySheetSpec like a sheet: value and style at a cell, rows by content. */
import type { CellStyle, SpecCell, SummarySheetSpec, SummarySpec } from "../../src/core/sheet-spec";

export function sheetByKey(spec: SummarySpec, key: string): SummarySheetSpec {
  const s = spec.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}`);
  return s;
}

export function cellAt(s: SummarySheetSpec, row: number, col: number): SpecCell | undefined {
  return s.cells.find((c) => c.row === row && c.col === col);
}

export function valueAt(s: SummarySheetSpec, row: number, col: number): unknown {
  return cellAt(s, row, col)?.value ?? null;
}

export function styleAt(s: SummarySheetSpec, row: number, col: number): CellStyle | undefined {
  const c = cellAt(s, row, col);
  return c?.style ? s.styles[c.style] : undefined;
}

/** The first row whose column `col` holds `value` (after `from`). */
export function findRow(s: SummarySheetSpec, col: number, value: unknown, from = 0): number {
  const c = s.cells.filter((x) => x.row > from && x.col === col && x.value === value).sort((a, b) => a.row - b.row)[0];
  if (!c) throw new Error(`no row with ${String(value)} in column ${col}`);
  return c.row;
}
