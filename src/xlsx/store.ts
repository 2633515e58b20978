/**
 * The product's data inside an ExcelJS workbook: the very hidden `_phuluc` sheet (src/core/store.ts),
 * JSON in chunks down column A. Shared by the reader, the port and the summary writer.
 */
import type ExcelJS from "exceljs";
import { decodeStore, encodeStore, STORE_SHEET, type Store } from "../core/store";

export function findStoreSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.getWorksheet(STORE_SHEET);
}

/** Read the store; never throws (corrupt → empty store, corrupt = true). */
export function readStore(wb: ExcelJS.Workbook): { store: Store; corrupt: boolean } {
  const ws = findStoreSheet(wb);
  if (!ws) return decodeStore([]);
  const chunks: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.findCell(r, 1)?.value;
    if (v === null || v === undefined) break;
    chunks.push(v);
  }
  return decodeStore(chunks);
}

/** Write the store (creating the very hidden sheet at the end when missing). */
export function writeStore(wb: ExcelJS.Workbook, store: Store): void {
  let ws = findStoreSheet(wb);
  if (!ws) ws = wb.addWorksheet(STORE_SHEET);
  ws.state = "veryHidden";
  const chunks = encodeStore(store);
  const old = ws.rowCount;
  chunks.forEach((c, i) => {
    ws.getCell(i + 1, 1).value = c;
  });
  for (let r = chunks.length + 1; r <= old; r++) {
    const cell = ws.findCell(r, 1);
    if (cell) cell.value = null;
  }
}

/** Names of the sheets the product must not read as user data: the store and its own summaries. */
export function productSheetNames(wb: ExcelJS.Workbook, store?: Store): Set<string> {
  const s = store ?? readStore(wb).store;
  const names = new Set<string>([STORE_SHEET]);
  for (const rec of s.summarySheets) names.add(rec.name);
  return names;
}
