/**
 * Sheet names the way Excel accepts them, shared by both writers: at most 31 characters, none of
 * \ / ? * [ ] :, no apostrophe at either end, not empty, not "History", unique ignoring case.
 */
import type { Settings } from "./settings";
import { xmlSafe } from "./text/xml-chars";

export const MAX_SHEET_NAME = 31;

export function sanitizeSheetName(name: string, fallback = "Sheet"): string {
  let s = xmlSafe(name)
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/'/g, "’")
    .replace(/\s+/g, " ")
    .trim();
  s = Array.from(s).slice(0, MAX_SHEET_NAME).join("").trim();
  if (!s || s.toLowerCase() === "history") s = fallback;
  return s;
}

/** The comparison key Excel uses for sheet names (case-insensitive). */
export function sheetNameKey(name: string): string {
  return name.normalize("NFC").toLocaleUpperCase("vi");
}

/** `preferred`, or "preferred (2)", "(3)"… (shortened to fit 31 characters) when the name is taken. */
export function uniqueSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, sheetNameKey));
  const base = sanitizeSheetName(preferred);
  if (!used.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = Array.from(base)
      .slice(0, MAX_SHEET_NAME - suffix.length)
      .join("")
      .trimEnd();
    const candidate = head + suffix;
    if (!used.has(sheetNameKey(candidate))) return candidate;
  }
}

/**
 * The suffixes of the summary's sheets. They name sheets the product recognises as its own (and never
 * reads as a plan), like the store's `_phuluc`: identifiers kept here, not wording.
 */
export const SUMMARY_SHEET_SUFFIXES = { deadlines: "Quá hạn", indicators: "Chỉ tiêu", changes: "Thay đổi" } as const;

/** Preferred names: the settings' name, and that name with " - Quá hạn" / " - Chỉ tiêu" / " - Thay đổi". */
export function summarySheetNames(settings: Settings): { main: string; deadlines: string; indicators: string; changes: string } {
  const base = sanitizeSheetName(settings.summarySheetName, "Tổng hợp");
  const suffixed = (suffix: string) => {
    const tail = ` - ${suffix}`;
    const head = Array.from(base)
      .slice(0, MAX_SHEET_NAME - tail.length)
      .join("")
      .trimEnd();
    return sanitizeSheetName(head + tail);
  };
  return {
    main: base,
    deadlines: suffixed(SUMMARY_SHEET_SUFFIXES.deadlines),
    indicators: suffixed(SUMMARY_SHEET_SUFFIXES.indicators),
    changes: suffixed(SUMMARY_SHEET_SUFFIXES.changes),
  };
}
