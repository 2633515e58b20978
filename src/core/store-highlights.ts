/**
 * The highlights phuluc made, as kept in the store: not one record per cell but, per sheet and pair of
 * fills (the one that was there, the one phuluc applied), the cells as A1 ranges ("D6:D9,F6"). A column of
 * 5,000 flagged cells is one range; 15,000 scattered ones about 75 KB instead of a megabyte.
 *
 * Reading is bounded: a forged range ("A1:XFD1048576") or more than MAX_HIGHLIGHT_CELLS cells makes the
 * part damaged, never a loop over billions of cells.
 */
import { fromA1, toA1 } from "./a1";
import type { HighlightRecord } from "./store";

/** The most cells a highlights part may hold (what clearing them could ever have to restore). */
export const MAX_HIGHLIGHT_CELLS = 100_000;

/** [sheet, previous fill (null: none), applied fill, ranges joined by ","]. */
export type HighlightGroup = [string, string | null, string, string];
export interface HighlightsPart {
  v: 1;
  g: HighlightGroup[];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells → rectangles: runs down each column, then runs of equal height side by side merged. */
function rectangles(cells: readonly { row: number; col: number }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === c.col && last.bottom === c.row - 1) last.bottom = c.row;
    else if (!(last && last.left === c.col && last.bottom >= c.row)) runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const r of runs) {
    const k = `${r.top}:${r.bottom}`;
    const prev = open.get(k);
    if (prev && prev.right === r.left - 1) prev.right = r.left;
    else {
      open.set(k, r);
      out.push(r);
    }
  }
  return out;
}

function rectText(r: Rect): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}

export function encodeHighlights(records: readonly HighlightRecord[]): HighlightsPart {
  const groups = new Map<string, { key: [string, string | null, string]; cells: { row: number; col: number }[] }>();
  for (const r of records) {
    const at = fromA1(r.cell);
    if (!at) continue;
    const k = JSON.stringify([r.sheet, r.previousFill, r.appliedFill]);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: [r.sheet, r.previousFill, r.appliedFill], cells: [] }));
    g.cells.push(at);
  }
  return { v: 1, g: [...groups.values()].map((g) => [...g.key, rectangles(g.cells).map(rectText).join(",")]) };
}

function parseRange(text: string): Rect | null {
  const [a, b] = text.split(":");
  const p = fromA1(a);
  const q = b === undefined ? p : fromA1(b);
  if (!p || !q || p.row < 1 || p.col < 1 || q.row < p.row || q.col < p.col) return null;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

const isGroup = (g: unknown): g is HighlightGroup =>
  Array.isArray(g) &&
  g.length === 4 &&
  typeof g[0] === "string" &&
  (g[1] === null || typeof g[1] === "string") &&
  typeof g[2] === "string" &&
  typeof g[3] === "string";

/**
 * The records, sheet by sheet (in the order the sheets first appear), row by row; null when the part is
 * damaged (not this form, a bad range, too many cells).
 */
export function decodeHighlights(raw: unknown): HighlightRecord[] | null {
  const part = raw as HighlightsPart;
  if (!part || typeof part !== "object" || part.v !== 1 || !Array.isArray(part.g) || !part.g.every(isGroup)) return null;
  const out: { rec: HighlightRecord; sheet: number; row: number; col: number }[] = [];
  const sheetOrder = new Map<string, number>();
  for (const [sheet, previousFill, appliedFill, ranges] of part.g) {
    if (!sheetOrder.has(sheet)) sheetOrder.set(sheet, sheetOrder.size);
    for (const text of ranges ? ranges.split(",") : []) {
      const r = parseRange(text);
      if (!r || (r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_HIGHLIGHT_CELLS - out.length) return null;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          out.push({ rec: { sheet, cell: toA1(row, col), previousFill, appliedFill }, sheet: sheetOrder.get(sheet)!, row, col });
    }
  }
  out.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col);
  return out.map((o) => o.rec);
}
