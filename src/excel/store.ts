/// <reference types="office-js" />
/**
 * The product's store (src/core/store.ts) inside Excel: the very hidden sheet `_phuluc`, JSON chunks
 * down column A — the same sheet the ExcelJS adapter uses, so the CLI and the add-in share settings.
 *
 * No method is ever called on an object whose existence is unknown: Microsoft documents that a
 * `*OrNullObject` getter returns a null object, not that a method called on one yields another null
 * object (real Excel may answer ItemNotFound and fail the whole batch). So the store is read in two
 * steps that ride on the caller's syncs:
 *   1. the caller loads the sheet list (it needs it anyway) — that tells whether `_phuluc` exists;
 *   2. `queueStoreLoad(items)` queues the used range of `_phuluc` only when it exists (a worksheet from
 *      the loaded list is real, and getUsedRangeOrNullObject on it is safe); `readStore` decodes it after
 *      the next sync. A workbook without `_phuluc` costs no extra sync.
 */
import { decodeStore, encodeStore, STORE_SHEET, type Store } from "../core/store";
import { sheetNameKey } from "../core/summary/names";
import { parseArea } from "./addresses";
import { TEXT_FORMAT } from "./cell-values";

export interface PendingStore {
  /** The store sheet's used range (values only), or null when the workbook has no `_phuluc`. */
  used: Excel.Range | null;
}

/** Sheet-list properties a caller must load (at least) before `queueStoreLoad`. */
export const SHEET_LIST_PROPS = "items/name";

/** The `_phuluc` sheet among loaded worksheet items (Excel compares sheet names case-insensitively). */
export function findStoreSheet(items: Excel.Worksheet[]): Excel.Worksheet | undefined {
  const key = sheetNameKey(STORE_SHEET);
  return items.find((ws) => sheetNameKey(ws.name) === key);
}

/** Queue the loads that `readStore` needs, given the synced sheet list (no sync here). */
export function queueStoreLoad(items: Excel.Worksheet[]): PendingStore {
  const sheet = findStoreSheet(items);
  if (!sheet) return { used: null };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,address");
  return { used };
}

export interface LoadedStore {
  store: Store;
  corrupt: boolean;
  exists: boolean;
  /** Address (without the sheet name) of the store sheet's used range, null when empty or missing. */
  usedAddress: string | null;
}

/** "'_phuluc'!A1:A3" / "_phuluc!A1" → "A1:A3" / "A1". */
function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** After the sync: the decoded store (never throws: corrupt → empty store, corrupt = true). */
export function readStore(p: PendingStore): LoadedStore {
  if (!p.used) return { store: decodeStore([]).store, corrupt: false, exists: false, usedAddress: null };
  if (p.used.isNullObject) return { store: decodeStore([]).store, corrupt: false, exists: true, usedAddress: null };
  const chunks: unknown[] = [];
  for (const row of p.used.values) {
    const v = row[0];
    if (v === "" || v === null || v === undefined) break;
    chunks.push(v);
  }
  return { ...decodeStore(chunks), exists: true, usedAddress: localAddress(p.used.address) };
}

/**
 * Load the sheet list and then the store: one sync when the workbook has no `_phuluc`, two when it has.
 * `props` are the sheet-list properties the caller needs too (name is always loaded).
 */
export async function loadSheetsAndStore(
  ctx: Excel.RequestContext,
  props: string = SHEET_LIST_PROPS,
): Promise<{ items: Excel.Worksheet[]; loaded: LoadedStore }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load(props.includes("items/name") ? props : `${SHEET_LIST_PROPS},${props}`);
  await ctx.sync();
  const pending = queueStoreLoad(sheets.items);
  if (pending.used) await ctx.sync();
  return { items: sheets.items, loaded: readStore(pending) };
}

/**
 * Queue writing `store` into `_phuluc`, creating it very hidden when missing. The visibility is set only
 * then: setting it again is a structure change, which a workbook with a protected structure refuses
 * (and with it the whole batch) although writing the cells of the existing sheet is allowed.
 * Returns what the store looks like once the batch has run, for a later write in the same batch.
 */
export function queueStoreWrite(ctx: Excel.RequestContext, store: Store, loaded: LoadedStore): LoadedStore {
  const sheets = ctx.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (loaded.exists) ws = sheets.getItem(STORE_SHEET);
  else {
    ws = sheets.add(STORE_SHEET);
    ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  }
  const chunks = encodeStore(store);
  // The old contents, by the address read in the load (a known range, never a possibly-null used range).
  if (loaded.usedAddress) ws.getRange(loaded.usedAddress).clear("Contents" as Excel.ClearApplyTo);
  const target = ws.getRange(`A1:A${chunks.length}`);
  target.numberFormat = chunks.map(() => [TEXT_FORMAT]);
  target.values = chunks.map((c) => [c]);
  const before = loaded.usedAddress ? (parseArea(loaded.usedAddress)?.bottom ?? 0) : 0;
  return { store, corrupt: false, exists: true, usedAddress: `A1:A${Math.max(before, chunks.length)}` };
}
