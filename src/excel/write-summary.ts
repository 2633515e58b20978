/// <reference types="office-js" />
/**
 * WorkbookPort.writeSummary through Office.js:
 *   sync 1  the sheet list and the store (which sheets are the product's earlier summaries);
 *   sync 2  delete those, add the new sheets, write values (text cells as "@" first), styles, merges,
 *           widths, data bars, the chart, page layout, freeze panes, and the store record — one batch,
 *           with calculation suspended (ExcelApi 1.6). A summary larger than the request budget
 *           (~3.5 MB, e.g. tens of thousands of overdue tasks) is sent in as many batches as it needs.
 * A user's sheet with the same name is never touched: the new sheet takes "Tổng hợp (2)".
 */
import { STORE_SHEET, type Store } from "../core/store";
import { sheetNameKey, uniqueSheetName } from "../core/summary/names";
import type { SummarySpec, WriteSummaryResult } from "../core/summary/spec";
import type { Feature } from "./requirements";
import { queueSheet, type ByteCounter } from "./summary-ops";
import { queueStoreLoad, queueStoreWrite, readStore } from "./store";

export const WRITE_BUDGET_BYTES = 3_500_000;

export interface WriteOptions {
  features: Record<Feature, boolean>;
  budgetBytes?: number;
  rowsPerBlock?: number;
}

export async function writeSummaryWith(ctx: Excel.RequestContext, spec: SummarySpec, opts: WriteOptions): Promise<WriteSummaryResult> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const pendingStore = queueStoreLoad(ctx);
  await ctx.sync();
  const loadedStore = readStore(pendingStore);
  const store = loadedStore.store;

  const existing = sheets.items.map((w) => ({ name: w.name, visible: w.visibility === "Visible" }));
  const existingKeys = new Set(existing.map((e) => sheetNameKey(e.name)));
  const replacedKeys = new Set<string>();
  const replaced: string[] = [];
  for (const rec of store.summarySheets) {
    const k = sheetNameKey(rec.name);
    if (rec.marker !== spec.marker || k === sheetNameKey(STORE_SHEET) || !existingKeys.has(k) || replacedKeys.has(k)) continue;
    replacedKeys.add(k);
    replaced.push(existing.find((e) => sheetNameKey(e.name) === k)!.name);
  }
  // Excel keeps at least one visible sheet: if only old summaries are visible, add the new ones first.
  const deleteFirst = existing.some((e) => e.visible && !replacedKeys.has(sheetNameKey(e.name)));

  const taken = new Set<string>([STORE_SHEET, ...existing.filter((e) => !deleteFirst || !replacedKeys.has(sheetNameKey(e.name))).map((e) => e.name)]);
  const sheetNames = spec.sheets.map((s) => {
    const n = uniqueSheetName(s.name, taken);
    taken.add(n);
    return n;
  });

  const budget = opts.budgetBytes ?? WRITE_BUDGET_BYTES;
  let queued = 0;
  const counter: ByteCounter = {
    add: (n) => void (queued += n),
    checkpoint: async () => {
      if (queued < budget) return;
      await ctx.sync();
      queued = 0;
      if (opts.features.suspendCalculation) ctx.workbook.application.suspendApiCalculationUntilNextSync();
    },
  };

  if (opts.features.suspendCalculation) ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const remove = () => replaced.forEach((n) => sheets.getItem(n).delete());
  if (deleteFirst) remove();
  const added: Excel.Worksheet[] = [];
  for (let i = 0; i < spec.sheets.length; i++) {
    const ws = sheets.add(sheetNames[i]);
    added.push(ws);
    await queueSheet(ws, spec.sheets[i], opts.features, counter, opts.rowsPerBlock);
  }
  if (!deleteFirst) remove();

  const stillThere = new Set(existing.map((e) => sheetNameKey(e.name)).filter((k) => !replacedKeys.has(k)));
  const next: Store = {
    ...store,
    summarySheets: [
      ...store.summarySheets.filter((r) => r.marker !== spec.marker && stillThere.has(sheetNameKey(r.name))),
      ...spec.sheets.map((s, i) => ({ name: sheetNames[i], key: s.key, marker: spec.marker })),
    ],
  };
  queueStoreWrite(ctx, next, loadedStore);
  if (added.length) added[0].activate();
  await ctx.sync();
  return { sheetNames, replaced };
}
