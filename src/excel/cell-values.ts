/**
 * Values as the Office.js adapter writes and reads them. Excel's `Range.values` setter parses strings
 * ("=A1" becomes a formula, "12" a number, "TRUE" a boolean), so text must be protected:
 * - on the product's own summary sheets every string cell gets the Text number format "@" (set before
 *   the values, in the same batch);
 * - in the user's sheets (one-click fixes) the cell's format is left alone and a string that Excel would
 *   parse is written with a leading apostrophe (Excel's quote prefix: the apostrophe is not part of the value).
 */
import type { CellValue } from "../core/grid";
import type { SpecValue } from "../core/sheet-spec";
import { safeCellText } from "../core/text/xml-chars";

export const TEXT_FORMAT = "@";

/** True when Excel's values setter would not keep `s` as the same text (formula, number, date, boolean, error). */
export function excelWouldParse(s: string): boolean {
  return /^[=+\-@'\t\r\n]/.test(s) || /^\s*[-+(]?[$€£¥₫]?\s*[\d.,]/.test(s) || /^\s*(true|false)\s*$/i.test(s) || /^#/.test(s);
}

/** What to put into `Range.values` for a user-text edit in a user's sheet (format untouched). */
export function textForUserCell(s: string): string {
  const t = safeCellText(s);
  return excelWouldParse(t) ? "'" + t : t;
}

/** Excel date serial (1900 system) of an ISO date; null when not a valid date. */
export function dateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

export const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";
/** 1904-01-01 as a 1900-system serial (the same as date-system.ts's DATE1904_OFFSET). */
const DATE1904_SERIAL_OFFSET = 1462;

/**
 * A spec value → {value for Range.values, number format}. Strings always get "@". Dates become serials of
 * the workbook's date system (1904: 1,462 less, see date-system.ts).
 */
export function specCell(v: SpecValue, numFmt: string | undefined, date1904 = false): { value: string | number | boolean; format: string } {
  if (v === null) return { value: "", format: numFmt ?? "General" };
  if (typeof v === "string") return { value: safeCellText(v), format: TEXT_FORMAT };
  if (typeof v === "number")
    return Number.isFinite(v) ? { value: v, format: numFmt ?? "General" } : { value: "", format: numFmt ?? "General" };
  if (typeof v === "boolean") return { value: v, format: numFmt ?? "General" };
  const serial = dateSerial(v.date);
  if (serial === null) return { value: safeCellText(v.date), format: TEXT_FORMAT };
  return { value: date1904 ? serial - DATE1904_SERIAL_OFFSET : serial, format: numFmt ?? DEFAULT_DATE_FORMAT };
}

/** One cell read through Office.js (`values` + `valueTypes`) → the core's CellValue. */
export function readCell(value: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}
