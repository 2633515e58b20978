/**
 * Column widths and row heights estimated from the text, so the summary reads without the user
 * resizing anything: a column is as wide as its longest value (capped; long text wraps) and a row with
 * wrapped text is as tall as its longest cell needs. Widths are in Excel character units (the width of
 * "0" in the default font); heights in points.
 */
import type { CellStyle, SpecCell, SpecMerge, SpecValue } from "../../core/sheet-spec";
import { BODY_SIZE } from "./styles";

export interface WidthRule {
  min: number;
  max: number;
}

/** Padding Excel adds around the text, in characters. */
const PADDING = 2;
/** Bold text is a little wider. */
const BOLD_FACTOR = 1.1;
/**
 * Times New Roman letters are narrower than the default font's "0" that Excel measures widths in
 * (checked on a LibreOffice render: about 70 letters in a 55-wide column where 53 would be the naive
 * count). Kept conservative: a row a little too tall is better than a clipped line.
 */
const FONT_FACTOR = 0.88;

/** The text a cell shows, roughly (for measuring only). */
export function displayText(value: SpecValue, numFmt?: string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (numFmt && numFmt.includes("%")) return (value * 100).toFixed(1) + "%";
    const s = Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
    return s;
  }
  return "00/00/0000";
}

function sizeFactor(style?: CellStyle): number {
  const size = style?.font?.size ?? BODY_SIZE;
  return (size / BODY_SIZE) * (style?.font?.bold ? BOLD_FACTOR : 1) * FONT_FACTOR;
}

function longestLine(text: string): number {
  let m = 0;
  for (const line of text.split(/\r?\n/)) if (line.length > m) m = line.length;
  return m;
}

function longestWord(text: string): number {
  let m = 0;
  for (const w of text.split(/\s+/)) if (w.length > m) m = w.length;
  return m;
}

function mergedCells(merges: SpecMerge[]): Set<string> {
  const s = new Set<string>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) s.add(`${r}:${c}`);
  return s;
}

export function estimateColumnWidths(
  cells: SpecCell[],
  merges: SpecMerge[],
  styles: Record<string, CellStyle>,
  columns: number,
  rules: WidthRule[],
): number[] {
  const inMerge = mergedCells(merges);
  const need = new Array<number>(columns).fill(0);
  for (const cell of cells) {
    if (cell.col > columns || inMerge.has(`${cell.row}:${cell.col}`)) continue;
    const style = cell.style ? styles[cell.style] : undefined;
    const text = displayText(cell.value, style?.numFmt);
    if (!text) continue;
    const wrap = style?.align?.wrap === true;
    const rule = rules[cell.col - 1] ?? { min: 6, max: 40 };
    // A wrapped cell may break between words: it needs at least its longest word, and prefers its
    // longest line up to the cap. Header cells (wrapped, bold) are allowed to take two or three lines.
    let chars = wrap ? Math.max(longestWord(text), Math.min(longestLine(text), rule.max)) : longestLine(text);
    if (wrap && style?.fill && style?.font?.bold) chars = Math.max(longestWord(text), Math.ceil(longestLine(text) / 2));
    const w = chars * sizeFactor(style) + PADDING;
    if (w > need[cell.col - 1]) need[cell.col - 1] = w;
  }
  return need.map((w, i) => {
    const rule = rules[i] ?? { min: 6, max: 40 };
    return Math.round(Math.min(rule.max, Math.max(rule.min, w)) * 10) / 10;
  });
}

/** Lines a text needs in a box `width` characters wide (word wrap, roughly). */
export function linesNeeded(text: string, width: number): number {
  const usable = Math.max(1, width - PADDING);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let line = 0;
    let n = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= usable) line += 1 + len;
      else {
        n++;
        line = len;
      }
      while (line > usable) {
        n++;
        line -= usable;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Point height of one line of text in a font of `size` points (Excel: 15.75 for 12 pt). */
export function lineHeight(size: number): number {
  return Math.round(size * 1.3125 * 4) / 4;
}

export function estimateRowHeights(
  cells: SpecCell[],
  merges: SpecMerge[],
  styles: Record<string, CellStyle>,
  widths: number[],
): Record<number, number> {
  const mergeAt = new Map<string, SpecMerge>();
  for (const m of merges) mergeAt.set(`${m.top}:${m.left}`, m);
  const inMerge = mergedCells(merges);
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    const style = cell.style ? styles[cell.style] : undefined;
    const text = displayText(cell.value, style?.numFmt);
    const size = style?.font?.size ?? BODY_SIZE;
    const merge = mergeAt.get(`${cell.row}:${cell.col}`);
    if (!merge && inMerge.has(`${cell.row}:${cell.col}`)) continue;
    if (merge && merge.bottom > merge.top) continue; // vertical merges carry their own height
    let lines = 1;
    if (text && style?.align?.wrap) {
      let width = 0;
      for (let c = merge ? merge.left : cell.col; c <= (merge ? merge.right : cell.col); c++) width += widths[c - 1] ?? 8.43;
      lines = linesNeeded(text, width / sizeFactor(style));
    }
    const h = lines * lineHeight(size) + (lines > 1 ? 2 : 0);
    const baseline = lineHeight(BODY_SIZE);
    if (h > baseline && h > (heights[cell.row] ?? 0)) heights[cell.row] = Math.min(409, h);
  }
  return heights;
}
