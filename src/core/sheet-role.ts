/**
 * Which sheets the engine reads. Appendix sheets: the name or a title row (first 10 rows) says
 * "phụ lục" / "PL" + number (PL1, PL I, PL-II), or the sheet holds a full task header. Indicator sheets:
 * the name or a title row says "chỉ tiêu" and an indicator header is found. Everything else (notes,
 * scratch, the product's own store and summary sheets) is ignored and never flagged.
 */
import { foldKey } from "./text/fold";
import { decodeStoreColumns, gridColumns, STORE_SHEET } from "./store";
import { summarySheetNames } from "./sheet-names";
import type { Grid } from "./grid";
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

/**
 * Names of the sheets the engine never reads: the store sheet, the product's own summary sheets (their
 * preferred names from the settings, and the names recorded in the store when a `_phuluc` grid is
 * given), and the names the caller lists.
 */
export function productSheetNames(grids: readonly Grid[], settings: Settings, ignore: readonly string[] = []): Set<string> {
  const names = new Set<string>([STORE_SHEET, ...ignore]);
  try {
    const s = summarySheetNames(settings);
    names.add(s.main).add(s.deadlines).add(s.indicators);
  } catch {
    if (settings.summarySheetName) names.add(settings.summarySheetName);
  }
  const store = grids.find((g) => g && g.name === STORE_SHEET);
  if (store && Array.isArray(store.values) && store.origin)
    for (const rec of decodeStoreColumns(gridColumns(store), ["sheets"]).store.summarySheets) names.add(rec.name);
  return names;
}

/** True when a sheet name is in the set (exact, or equal after folding case and diacritics). */
export function isIgnoredSheet(name: string, ignored: ReadonlySet<string>): boolean {
  if (ignored.has(name)) return true;
  const key = foldKey(name);
  for (const n of ignored) if (foldKey(n) === key) return true;
  return false;
}
