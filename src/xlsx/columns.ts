/**
 * A sheet's column widths as the file stores them (<cols><col min max width/>, in characters of the
 * Normal font, padding included), read from the start of the sheet's XML only (they come before the
 * cells). What the units' copies keep of the plan's layout. No Node API.
 */
import type { XlsxWorkbook } from "./workbook";

const COLS = /<(?:[\w.-]+:)?cols\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cols>/;
const COL = /<(?:[\w.-]+:)?col\b([^>]*?)\/?>/g;
const FORMAT_PR = /<(?:[\w.-]+:)?sheetFormatPr\b([^>]*?)\/?>/;
const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Widths of columns 1..`columns` (0 when the file says nothing); a hidden column is 0 too. */
export function readColumnWidths(wb: XlsxWorkbook, sheetName: string, columns: number): number[] {
  const out = new Array<number>(Math.max(0, columns)).fill(0);
  const ws = wb.sheet(sheetName);
  if (!ws || ws.kind !== "worksheet" || !ws.part) return out;
  const xml = wb.pkg.text(ws.part) ?? "";
  const dataAt = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const head = dataAt >= 0 ? xml.slice(0, dataAt) : xml.slice(0, 200_000);
  const fmt = FORMAT_PR.exec(head)?.[1];
  const fallback = Number(fmt ? attr(fmt, "defaultColWidth") : undefined);
  if (Number.isFinite(fallback) && fallback > 0) out.fill(fallback);
  const cols = COLS.exec(head)?.[1];
  if (!cols) return out;
  for (const m of cols.matchAll(COL)) {
    const min = Number(attr(m[1], "min"));
    const max = Number(attr(m[1], "max"));
    const width = Number(attr(m[1], "width"));
    const hidden = /^(1|true)$/.test(attr(m[1], "hidden") ?? "");
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    for (let c = min; c <= Math.min(max, columns); c++) out[c - 1] = hidden ? 0 : Number.isFinite(width) && width > 0 ? width : out[c - 1];
  }
  return out;
}
