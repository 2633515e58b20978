/// <reference types="office-js" />
/**
 * The product's store (src/core/store.ts) inside Excel: the very hidden sheet `_phuluc`, JSON chunks
 * down column A — the same sheet the ExcelJS adapter uses, so the CLI and the add-in share settings.
 * `queueStoreLoad` adds the read to the caller's batch; `queueStoreWrite` adds the write to it.
 */
import { decodeStore, encodeStore, STORE_SHEET, type Store } from "../core/store";
import { TEXT_FORMAT } from "./cell-values";

export interface PendingStore {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** Queue the loads that `readStore` needs (no sync here). */
export function queueStoreLoad(ctx: Excel.RequestContext): PendingStore {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowCount");
  return { sheet, used };
}

export interface LoadedStore {
  store: Store;
  corrupt: boolean;
  exists: boolean;
  /** Rows of column A in use now (to clear the tail when the new store is shorter). */
  rows: number;
}

/** After the sync: the decoded store (never throws: corrupt → empty store, corrupt = true). */
export function readStore(p: PendingStore): LoadedStore {
  if (p.sheet.isNullObject) return { store: decodeStore([]).store, corrupt: false, exists: false, rows: 0 };
  if (p.used.isNullObject) return { store: decodeStore([]).store, corrupt: false, exists: true, rows: 0 };
  const chunks: unknown[] = [];
  for (const row of p.used.values) {
    const v = row[0];
    if (v === "" || v === null || v === undefined) break;
    chunks.push(v);
  }
  return { ...decodeStore(chunks), exists: true, rows: p.used.rowCount };
}

/** Queue writing `store` into `_phuluc` (creating it very hidden when missing). */
export function queueStoreWrite(ctx: Excel.RequestContext, store: Store, loaded: LoadedStore): void {
  const sheets = ctx.workbook.worksheets;
  const ws = loaded.exists ? sheets.getItem(STORE_SHEET) : sheets.add(STORE_SHEET);
  ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  const chunks = encodeStore(store);
  if (loaded.rows > 0) ws.getUsedRangeOrNullObject(true).clear("Contents" as Excel.ClearApplyTo);
  const target = ws.getRange(`A1:A${chunks.length}`);
  target.numberFormat = chunks.map(() => [TEXT_FORMAT]);
  target.values = chunks.map((c) => [c]);
}
