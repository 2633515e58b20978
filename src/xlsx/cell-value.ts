/** ExcelJS cell values → the core's CellValue (text, number, boolean, null, error). No Node API. */
import type { CellValue } from "../core/grid";

const MS_PER_DAY = 86400000;
/** 1970-01-01 as an Excel serial (1900 system). */
const EPOCH_SERIAL = 25569;

/**
 * A JS Date from ExcelJS → Excel serial in the 1900 system. ExcelJS builds its Dates in UTC from the
 * serial (adding the 1904 offset itself), so the Date's UTC time is the cell's date and time.
 */
export function dateToSerial(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + EPOCH_SERIAL;
  // Remove float noise from time-of-day fractions (keep millisecond precision).
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

function richTextToString(rt: { text?: unknown }[]): string {
  let s = "";
  for (const part of rt) if (typeof part?.text === "string") s += part.text;
  return s;
}

function textOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return richTextToString((v as { richText: { text?: unknown }[] }).richText);
  }
  return null;
}

export interface ConvertedValue {
  value: CellValue;
  /** True when the value came from a JS Date (so it needs a date number format). */
  isDate: boolean;
}

/**
 * Convert a raw ExcelJS value (cell.value). Formulas give their cached result; hyperlinks their text;
 * rich text its plain text. Merge slaves must be filtered by the caller (ExcelJS reports the master's
 * value for them).
 */
export function convertValue(v: unknown): ConvertedValue {
  if (v === null || v === undefined) return { value: null, isDate: false };
  switch (typeof v) {
    case "string":
      return { value: v, isDate: false };
    case "number":
      return { value: Number.isFinite(v) ? v : { error: "#NUM!" }, isDate: false };
    case "boolean":
      return { value: v, isDate: false };
  }
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? { value: { error: "#VALUE!" }, isDate: false } : { value: dateToSerial(v), isDate: true };
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { value: { error: o.error }, isDate: false };
    if (Array.isArray(o.richText)) return { value: richTextToString(o.richText as { text?: unknown }[]), isDate: false };
    if ("formula" in o || "sharedFormula" in o) {
      // A formula cell: its cached result. No result (never calculated) → empty.
      const r = o.result;
      if (r === undefined || r === null) return { value: null, isDate: false };
      if (typeof r === "object" && !(r instanceof Date) && typeof (r as { error?: unknown }).error !== "string") {
        // A result ExcelJS could not type (rare): keep its text if any.
        return { value: textOf(r), isDate: false };
      }
      return convertValue(r);
    }
    if ("hyperlink" in o || "text" in o) {
      const t = textOf(o.text);
      return { value: t ?? (typeof o.hyperlink === "string" ? o.hyperlink : null), isDate: false };
    }
  }
  return { value: null, isDate: false };
}
