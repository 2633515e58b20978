/**
 * The characters no XML 1.0 document can hold — control characters other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF and lone surrogates — and the one rule that drops them. Every writer
 * goes through it (the sheet XML, the package's shared parts, the chart, workbook.xml with its sheet
 * names, the .docx report, the cells written through Office.js), so a unit name holding U+0001 or a
 * cell read from `_xFFFE_` never makes a part that Excel, LibreOffice or Word refuses to open.
 */

/** Any character that may need dropping (a surrogate of a valid pair too: the slow path keeps it). */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
/**
 * A valid surrogate pair matches as two code units and is kept; a lone one matches alone and is dropped
 * (no look-behind: older Safari, and so older Excel for Mac, cannot parse one).
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** The text without the characters XML forbids (the same string when it has none). */
export function xmlSafe(s: string): string {
  if (!MAYBE_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (m) => (m.length === 2 ? m : ""));
}

/** Every string in plain data (a document model: objects, arrays, strings, numbers) made XML-safe. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === "string") return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = xmlSafeDeep(v);
    return out as T;
  }
  return value;
}

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * Text as a cell can hold it, for both writers (the sheet XML of src/xlsx and Office.js in src/excel): NFC,
 * without the characters XML forbids, cut at Excel's 32,767-character limit (never inside a surrogate pair).
 */
export function safeCellText(s: string): string {
  const cleaned = xmlSafe(s.normalize("NFC"));
  if (cleaned.length <= MAX_CELL_TEXT) return cleaned;
  let cut = cleaned.slice(0, MAX_CELL_TEXT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}
