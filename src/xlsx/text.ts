/** Text the writers put into sheet XML. No Node API. */
import { xmlSafe } from "../core/text/xml-chars";

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * Text safe for the sheet XML: characters XML 1.0 forbids (control characters other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE/U+FFFF) are dropped; cut at Excel's cell limit.
 */
export function safeText(s: string): string {
  const cleaned = xmlSafe(s.normalize("NFC"));
  if (cleaned.length <= MAX_CELL_TEXT) return cleaned;
  let cut = cleaned.slice(0, MAX_CELL_TEXT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Excel's escape for text that would otherwise be read as one of its own escapes: a literal "_x000D_"
 * is written "_x005F_x000D_" (ST_Xstring).
 */
export function encodeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

/** Column number (1-based) → letters. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return columnLetters(col) + row;
}
