/**
 * The product's data inside a workbook file: the very hidden `_phuluc` sheet (src/core/store.ts), JSON
 * in chunks down column A. Read like any sheet; written as the product's own part (inline strings, so
 * the shared string table is never touched). Shared by the reader, the port and the summary writer.
 */
import { decodeStore, encodeStore, STORE_SHEET, type Store } from "../core/store";
import { XlsxReadError } from "./detect";
import { addWorksheet, replaceWorksheet } from "./sheet-parts";
import { simpleSheetXml } from "./sheet-xml";
import type { WorkbookSheet, XlsxWorkbook } from "./workbook";

export function findStoreSheet(wb: XlsxWorkbook): WorkbookSheet | undefined {
  return wb.sheets().find((s) => s.name === STORE_SHEET);
}

/**
 * Read the store; never throws for its content (corrupt → empty store, corrupt = true). A store sheet
 * whose XML is damaged counts as corrupt.
 */
export function readStore(wb: XlsxWorkbook): { store: Store; corrupt: boolean } {
  const ws = findStoreSheet(wb);
  if (!ws || ws.kind !== "worksheet") return decodeStore([]);
  let values: unknown[][];
  try {
    values = wb.readGrid(ws).values;
  } catch (e) {
    // The whole file is damaged or too large (its shared strings, its styles): say that, not "settings".
    if (e instanceof XlsxReadError) throw e;
    return { ...decodeStore([]), corrupt: true };
  }
  const chunks: unknown[] = [];
  for (const row of values) {
    const v = row[0];
    if (v === null || v === undefined) break;
    chunks.push(v);
  }
  return decodeStore(chunks);
}

/** Write the store (a very hidden sheet; created at the end when missing). */
export function writeStore(wb: XlsxWorkbook, store: Store): void {
  const xml = simpleSheetXml(encodeStore(store).map((c) => [c]));
  const ws = findStoreSheet(wb);
  if (ws) replaceWorksheet(wb, ws, xml, STORE_SHEET, "veryHidden");
  else addWorksheet(wb, STORE_SHEET, xml, "veryHidden");
}

/** Names of the sheets the product must not read as user data: the store and its own summaries. */
export function productSheetNames(store: Store): Set<string> {
  const names = new Set<string>([STORE_SHEET]);
  for (const rec of store.summarySheets) names.add(rec.name);
  return names;
}
