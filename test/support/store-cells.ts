/**
 * The `_phuluc` store as cells, for fixtures and checks: format 2 (src/core/store.ts, what phuluc writes
 * now) and format 1 (the whole store as JSON down column A, cut every 30,000 characters — what existing
 * workbooks hold, read and migrated).
 */
import type ExcelJS from "exceljs";
import {
  decodeStoreColumns,
  emptyHead,
  encodeStoreColumns,
  STORE_COLUMNS,
  wholeStoreHead,
  type DecodedStore,
  type Store,
} from "../../src/core/store";
import type { FakeWorkbookModel } from "../fakes/fake-model";

/** A store as format 2 writes it: columns A.. (A1 the head), each a list of cells from row 1. */
export function storeColumns(store: Store): string[][] {
  return encodeStoreColumns(store, wholeStoreHead(store, emptyHead(), "fixture"));
}

/** A store as format 1 wrote it (before issue 26): its JSON down column A in cells of 30,000 UTF-16 units. */
export function legacyChunks(store: Store): string[] {
  const json = JSON.stringify(store);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += 30000) chunks.push(json.slice(i, i + 30000));
  return chunks.length ? chunks : ["{}"];
}

/** The store in a fake workbook's `_phuluc` (empty when there is none). */
export function fakeStoreOf(model: FakeWorkbookModel): DecodedStore {
  const ws = model.find("_phuluc");
  const columns: unknown[][] = Array.from({ length: STORE_COLUMNS }, () => []);
  if (ws) for (let c = 0; c < STORE_COLUMNS; c++) for (let r = 1; r <= 400; r++) columns[c].push(ws.cell(r, c + 1)?.value ?? null);
  return decodeStoreColumns(columns);
}

/** The store in an ExcelJS worksheet `_phuluc`. */
export function excelJsStoreOf(ws: ExcelJS.Worksheet | undefined): DecodedStore {
  const columns: unknown[][] = Array.from({ length: STORE_COLUMNS }, () => []);
  if (ws)
    for (let c = 0; c < STORE_COLUMNS; c++)
      for (let r = 1; r <= Math.max(ws.rowCount, 1); r++) {
        const v = ws.getCell(r, c + 1).value;
        columns[c].push(typeof v === "string" ? v : v && typeof v === "object" && "richText" in v ? null : (v ?? null));
      }
  return decodeStoreColumns(columns);
}

/** Put a store's cells into a sheet: `put(row, col, text)` (1-based). */
export function putStore(
  store: Store | undefined,
  chunks: string[] | undefined,
  put: (row: number, col: number, text: string) => void,
): boolean {
  if (chunks) {
    chunks.forEach((c, i) => put(i + 1, 1, c));
    return true;
  }
  if (!store) return false;
  storeColumns(store).forEach((col, c) => col.forEach((text, r) => put(r + 1, c + 1, text)));
  return true;
}
