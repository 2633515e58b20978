/**
 * Reversible highlights in a workbook file. Highlighting a cell gives it a copy of its own cell style
 * with the highlight fill (the sheet XML changes only in that cell's s attribute; a missing cell is
 * added); the store records what was there. Clearing puts back the recorded style — or, when the user
 * recoloured the cell since, leaves it alone — and removes cells phuluc added. No Node API.
 */
import { fromA1 } from "../core/a1";
import type { HighlightTarget } from "../core/port";
import { sheetNameKey } from "../core/sheet-names";
import type { HighlightRecord } from "../core/store";
import type { XmlElement } from "../ooxml/xml";
import { decodeStoredFill, fillJson, fingerprint, HIGHLIGHT_RGB, solidFillJson, solidRgbOf, solidRgbOfInfo, type StoredFill } from "./fill";
import { patchSheetXml, type CellPatch, type Decide } from "./sheet-patch";
import type { XlsxWorkbook } from "./workbook";
import { planHighlights } from "../core/highlight-plan";

interface Located<T> {
  row: number;
  col: number;
  item: T;
}

/** Group items by sheet part (items whose sheet or cell cannot be found are left out). */
function bySheet<T extends { sheet: string; cell: string }>(
  wb: XlsxWorkbook,
  items: T[],
): Map<string, { part: string; cells: Located<T>[] }> {
  const out = new Map<string, { part: string; cells: Located<T>[] }>();
  for (const it of items) {
    const ws = wb.sheet(it.sheet);
    const a = fromA1(it.cell);
    if (!ws || ws.kind !== "worksheet" || !ws.part || !a) continue;
    let g = out.get(ws.part);
    if (!g) out.set(ws.part, (g = { part: ws.part, cells: [] }));
    g.cells.push({ row: a.row, col: a.col, item: it });
  }
  return out;
}

function patchPart<T>(
  wb: XlsxWorkbook,
  part: string,
  cells: Located<T>[],
  decide: (item: T, state: Parameters<Decide>[2]) => CellPatch | null,
): void {
  const targets = new Map<number, Set<number>>();
  const byCell = new Map<string, T>();
  for (const c of cells) {
    if (!targets.has(c.row)) targets.set(c.row, new Set());
    targets.get(c.row)!.add(c.col);
    byCell.set(`${c.row}:${c.col}`, c.item);
  }
  const xml = wb.pkg.text(part) ?? "";
  const next = patchSheetXml(xml, targets, (row, col, state) => {
    const it = byCell.get(`${row}:${col}`);
    return it === undefined ? null : decide(it, state);
  });
  if (next !== xml) wb.setSheetXml(part, next);
}

/** Highlight `targets` (one per cell, an error wins over a warning); returns the store's records. */
export function applyHighlights(wb: XlsxWorkbook, targets: HighlightTarget[]): HighlightRecord[] {
  // The one highlight plan (one fill per cell, an error wins), also when a caller hands raw targets.
  const byCell = new Map<string, HighlightTarget>();
  for (const t of planHighlights(targets)) byCell.set(sheetNameKey(t.sheet) + "\u0000" + t.cell.toUpperCase(), t);
  const styles = wb.styles();
  const records: HighlightRecord[] = [];
  for (const { part, cells } of bySheet(wb, [...byCell.values()]).values()) {
    patchPart(wb, part, cells, (t, state) => {
      const rgb = HIGHLIGHT_RGB[t.severity];
      const s = state.style ?? 0;
      const restore = {
        s: state.style,
        h: fingerprint(styles.xfSignature(s) ?? ""),
        cell: state.exists ? ("present" as const) : ("absent" as const),
        row: state.rowExists ? ("present" as const) : ("absent" as const),
      };
      const previous = fillJson(styles.fillOfXf(s), restore);
      const sheetName = wb.sheet(t.sheet)!.name;
      records.push({
        sheet: sheetName,
        cell: t.cell.toUpperCase(),
        previousFill: JSON.stringify(previous),
        appliedFill: solidFillJson(rgb),
      });
      return { style: styles.xfWithFill(s, styles.solidFillElement(rgb)) };
    });
  }
  return records;
}

/** The fill element a stored fill stands for (solid colours only; anything else → none). */
function fillElementOf(wb: XlsxWorkbook, f: StoredFill | null): XmlElement | null {
  const rgb = solidRgbOf(f);
  return rgb ? wb.styles().solidFillElement(rgb) : null;
}

/** Undo the recorded highlights where the cell still shows phuluc's fill. */
export function clearHighlightRecords(wb: XlsxWorkbook, records: HighlightRecord[]): void {
  const styles = wb.styles();
  for (const { part, cells } of bySheet(wb, records).values()) {
    patchPart(wb, part, cells, (rec, state) => {
      if (!state.exists) return null;
      const current = state.style ?? 0;
      const applied = solidRgbOf(decodeStoredFill(rec.appliedFill));
      if (!applied || solidRgbOfInfo(styles.fillOfXf(current)) !== applied) return null; // recoloured since: leave it
      const previous = decodeStoredFill(rec.previousFill);
      const info = previous?.phuluc;
      if (info) {
        if (info.cell === "absent" && !state.hasValue) return { remove: true, removeEmptyRow: info.row === "absent" };
        const original = info.s ?? 0;
        if (original < styles.xfCount() && fingerprint(styles.xfSignature(original) ?? "") === info.h) return { style: info.s };
      }
      return { style: styles.xfWithFill(current, fillElementOf(wb, previous)) };
    });
  }
}
