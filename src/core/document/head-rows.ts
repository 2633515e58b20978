/** The rows above a sheet's table as `readSheetHead` takes them, from a sheet view (its text already decoded). */
import type { Grid } from "../grid";
import { decodeLegacyCells, decodeSheet } from "../sheet-encoding";
import { SheetView, type TextCache } from "../sheet-view";
import { HEAD_ROWS, type HeadRow } from "./sheet-head";

/** The text cells of the rows from the sheet's first to `beforeRow` (excluded), at most HEAD_ROWS of them. */
export function headRows(view: SheetView, beforeRow: number): HeadRow[] {
  const out: HeadRow[] = [];
  const last = Math.min(beforeRow - 1, view.firstRow + HEAD_ROWS - 1, view.lastRow);
  for (let r = view.firstRow; r <= last; r++) {
    const cells: HeadRow["cells"] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const m = view.mergeAt(r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const v = view.raw(r, c);
      if (typeof v !== "string") continue;
      const text = view.texts.text(v);
      if (text) cells.push({ col: c, text });
    }
    if (cells.length) out.push({ row: r, cells });
  }
  return out;
}

/**
 * The first rows of a sheet the engine does not read (a cover sheet with the plan's heading), decoded
 * like any sheet (TCVN3/VNI headings read as Unicode).
 */
export function otherSheetHeadRows(grid: Grid, texts: TextCache): HeadRow[] {
  if (!grid || !Array.isArray(grid.values)) return [];
  const slice: Grid = { ...grid, values: grid.values.slice(0, HEAD_ROWS), numberFormats: undefined };
  const decoded = decodeLegacyCells(decodeSheet(slice).grid).grid;
  const view = new SheetView(decoded, texts);
  return headRows(view, view.firstRow + HEAD_ROWS);
}
