/** SummarySpec cells and styles → ExcelJS values and styles. Strings always stay strings. */
import type ExcelJS from "exceljs";
import type { CellStyle, SpecValue } from "../core/summary/spec";

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * Control characters other than tab, line feed and carriage return, U+FFFE/U+FFFF, and lone surrogates.
 * A valid surrogate pair matches as two code units and is kept; a lone one matches alone and is dropped
 * (no look-behind: older Safari, and so older Excel for Mac, cannot parse one).
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/**
 * Text safe for the sheet XML: characters XML 1.0 forbids (control characters other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE/U+FFFF) are dropped; cut at Excel's cell limit.
 */
export function safeText(s: string): string {
  const cleaned = s.normalize("NFC").replace(UNSAFE_CHARS, (m) => (m.length === 2 ? m : ""));
  if (cleaned.length <= MAX_CELL_TEXT) return cleaned;
  let cut = cleaned.slice(0, MAX_CELL_TEXT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * The ExcelJS value for a spec value. A string is handed over as a plain JS string, which ExcelJS
 * writes as a shared string: never a formula, whatever it starts with ("=", "+", "-", "@", tab).
 */
export function excelValue(v: SpecValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "string") return safeText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date);
  if (!m) return safeText(v.date);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const argb = (rgb: string) => "FF" + rgb.toUpperCase();

/** A fresh ExcelJS style object per call (ExcelJS keeps references; cells must not share them). */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.font) {
    const f: Partial<ExcelJS.Font> = {};
    if (s.font.name) f.name = s.font.name;
    if (s.font.size) f.size = s.font.size;
    if (s.font.bold) f.bold = true;
    if (s.font.italic) f.italic = true;
    if (s.font.underline) f.underline = true;
    if (s.font.color) f.color = { argb: argb(s.font.color) };
    out.font = f;
  }
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) }, bgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FF000000" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.align) {
    const a: Partial<ExcelJS.Alignment> = {};
    if (s.align.horizontal) a.horizontal = s.align.horizontal;
    if (s.align.vertical) a.vertical = s.align.vertical;
    if (s.align.wrap) a.wrapText = true;
    out.alignment = a;
  }
  if (s.numFmt) out.numFmt = s.numFmt;
  return out;
}
