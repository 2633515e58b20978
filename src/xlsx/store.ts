/**
 * The product's data inside a workbook file: the very hidden `_phuluc` sheet (src/core/store.ts) — the
 * head in A1, each part down a column of its own, the same layout the Office.js adapter reads part by
 * part. A file holds the whole store in memory: it is read whole and written whole (as the product's own
 * part, inline strings, so the shared string table is never touched), within the same budget
 * (store-budget.ts: the oldest snapshots, then the oldest merge logs, go first). A store of format 1
 * (everything down column A) is read, and written back in format 2.
 */
import {
  decodeStoreColumns,
  encodeStoreColumns,
  gridColumns,
  PART_KEYS,
  partBytes,
  partText,
  partValue,
  STORE_SHEET,
  withPart,
  wholeStoreHead,
  type DecodedStore,
  type PartKey,
  type Store,
} from "../core/store";
import { fitBudget } from "../core/store-budget";
import { XlsxReadError } from "./detect";
import { addWorksheet, replaceWorksheet } from "./sheet-parts";
import { simpleSheetXml } from "./sheet-xml";
import type { WorkbookSheet, XlsxWorkbook } from "./workbook";

/** Who writes a file's store (the head's log). */
const FILE_WRITER = "file";

export function findStoreSheet(wb: XlsxWorkbook): WorkbookSheet | undefined {
  return wb.sheets().find((s) => s.name === STORE_SHEET);
}

/**
 * Read the store; never throws for its content (a damaged part is ignored and named; damaged settings, or
 * a damaged store of format 1, make `corrupt`). A store sheet whose XML is damaged counts as corrupt.
 */
export function readStoreFile(wb: XlsxWorkbook, parts: readonly PartKey[] = PART_KEYS): DecodedStore {
  const ws = findStoreSheet(wb);
  const none = decodeStoreColumns([]);
  if (!ws || ws.kind !== "worksheet") return none;
  try {
    return decodeStoreColumns(gridColumns(wb.readGrid(ws)), parts);
  } catch (e) {
    // The whole file is damaged or too large (its shared strings, its styles): say that, not "settings".
    if (e instanceof XlsxReadError) throw e;
    return { ...none, corrupt: true };
  }
}

/** The store and whether its settings could not be read. */
export function readStore(wb: XlsxWorkbook): { store: Store; corrupt: boolean } {
  const { store, corrupt } = readStoreFile(wb);
  return { store, corrupt };
}

/** The store within its budget: what store-budget.ts drops first (the oldest snapshots, then the oldest merge logs). */
function withinBudget(store: Store): Store {
  const sizes = Object.fromEntries(PART_KEYS.map((p) => [p, partBytes(partValue(store, p))]));
  let out = store;
  for (const [part, { value }] of fitBudget(sizes, (p) => partValue(store, p))) out = withPart(out, part, value);
  return out;
}

/**
 * Write the store (a very hidden sheet; created at the end when missing) — unless it holds exactly that
 * already (then the file is left as it is). Throws StoreFullError when it cannot fit the budget.
 */
export function writeStore(wb: XlsxWorkbook, store: Store): void {
  const fitted = withinBudget(store);
  const before = readStoreFile(wb);
  const same = (p: PartKey) => partText(partValue(fitted, p)) === partText(partValue(before.store, p));
  if (findStoreSheet(wb) && before.format === "v2" && !before.damaged.length && PART_KEYS.every(same)) return;
  const columns = encodeStoreColumns(fitted, wholeStoreHead(fitted, before.head, FILE_WRITER));
  const rows: string[][] = [];
  const height = Math.max(...columns.map((c) => c.length));
  for (let r = 0; r < height; r++) rows.push(columns.map((c) => c[r] ?? ""));
  const xml = simpleSheetXml(rows);
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
