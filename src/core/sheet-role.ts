/**
 * Which sheets the engine reads. Appendix sheets: the name or a title row (first 10 rows) says
 * "phụ lục" / "PL" + number (PL1, PL I, PL-II), or the sheet holds a full task header. Indicator sheets:
 * the name or a title row says "chỉ tiêu" and an indicator header is found. Everything else (notes,
 * scratch, the product's own store and summary sheets) is ignored and never flagged.
 */
import { foldKey } from "./text/fold";
import { STORE_SHEET } from "./store";
import type { Settings } from "./settings";

export type SheetRole = "appendix" | "indicators" | "other";
export type TitleHint = "appendix" | "indicators" | null;

const PL_NUMBER = /(?:^|\s)pl\s?(?:\d{1,3}|[ivxl]{1,6})(?:\s|$)/;

const PL_START = /^pl\s?(?:\d{1,3}|[ivxl]{1,6})(?:\s|$)/;

/** What a sheet name says about the sheet ("PL I", "Phụ lục 2", "Chỉ tiêu"). */
export function nameHint(name: string): TitleHint {
  if (!name) return null;
  const key = foldKey(name);
  if (key.includes("chi tieu")) return "indicators";
  if (key.includes("phu luc") || PL_NUMBER.test(key)) return "appendix";
  return null;
}

/**
 * What a title line (first 10 rows, above the header) says: "PHỤ LỤC I", "PL-II …" at its start make an
 * appendix (a note that merely mentions "phụ lục" does not); "chỉ tiêu" anywhere hints at indicators.
 */
export function titleHint(line: string): TitleHint {
  if (!line || line.length > 200) return null;
  const key = foldKey(line);
  if (key.startsWith("phu luc") || PL_START.test(key)) return key.includes("chi tieu") ? "indicators" : "appendix";
  if (key.includes("chi tieu")) return "indicators";
  return null;
}

/** True for the product's own sheets and the names the caller asks to skip. */
export function isIgnoredSheet(name: string, settings: Settings, ignore: readonly string[] = []): boolean {
  if (name === STORE_SHEET) return true;
  const key = foldKey(name);
  for (const n of ignore) if (foldKey(n) === key) return true;
  return !!settings.summarySheetName && name === settings.summarySheetName;
}
