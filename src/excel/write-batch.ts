/// <reference types="office-js" />
/**
 * Many cells of the user's sheets written at once (the merge of the units' returns, and its undo): the
 * values queued cell by cell and synced once per request budget — a constant number of syncs per 4 MB of
 * values, never one per cell. Text is protected from Excel's parsing as in one-click fixes (a leading
 * apostrophe where Excel would read a formula, number or date; the cell's format untouched); a date is a
 * serial of the workbook's date system (one probe, riding on the first sync) with its number format.
 */
import type { CellWrite } from "../core/port";
import { utf8Length, jsonBytes } from "./bytes";
import { dateSerial, textForUserCell } from "./cell-values";
import { DATE1904_OFFSET, queueDateSystemProbe } from "./date-system";

/** Request bytes queued before a sync (Excel on the web refuses requests over 5 MB). */
export const BATCH_BUDGET_BYTES = 3_500_000;

/** What one cell's operations weigh in a request: the range's path (sheet and address) three times, the value, the format. */
export function writeCost(w: CellWrite, value: unknown): number {
  const path = utf8Length(w.sheet) + w.cell.length + 70;
  return 3 * path + jsonBytes(value) + (w.numberFormat ? path + utf8Length(w.numberFormat) + 30 : 0);
}

export interface BatchOptions {
  budgetBytes?: number;
}

/** Queue and sync the writes; returns the number of syncs made. */
export async function writeBatchWith(ctx: Excel.RequestContext, writes: readonly CellWrite[], opts: BatchOptions = {}): Promise<number> {
  if (!writes.length) return 0;
  const budget = opts.budgetBytes ?? BATCH_BUDGET_BYTES;
  let syncs = 0;
  let date1904 = false;
  if (writes.some((w) => w.value !== null && typeof w.value === "object")) {
    const probe = queueDateSystemProbe(ctx);
    await ctx.sync();
    syncs++;
    date1904 = probe();
  }
  const sheets = new Map<string, Excel.Worksheet>();
  let queued = 0;
  for (const w of writes) {
    let ws = sheets.get(w.sheet);
    if (!ws) sheets.set(w.sheet, (ws = ctx.workbook.worksheets.getItem(w.sheet)));
    const v = w.value;
    let value: string | number | boolean;
    if (v === null) value = "";
    else if (typeof v === "object") {
      const serial = dateSerial(v.date);
      value = serial === null ? textForUserCell(v.date) : serial - (date1904 ? DATE1904_OFFSET : 0);
    } else if (typeof v === "string") value = textForUserCell(v);
    else value = v;
    const cost = writeCost(w, value);
    if (queued > 0 && queued + cost > budget) {
      await ctx.sync();
      syncs++;
      queued = 0;
    }
    const range = ws.getRange(w.cell);
    if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    range.values = [[value]];
    range.untrack();
    queued += cost;
  }
  await ctx.sync();
  return syncs + 1;
}

/** Column widths in characters (Calibri 11's 7 px digit) of the first `columns` columns of each sheet, in one sync. */
export async function readColumnWidthsWith(
  ctx: Excel.RequestContext,
  sheets: readonly { sheet: string; columns: number }[],
): Promise<Record<string, number[]>> {
  const pending = sheets.map((s) => {
    const ws = ctx.workbook.worksheets.getItem(s.sheet);
    const cols: Excel.RangeFormat[] = [];
    for (let c = 0; c < s.columns; c++) {
      const f = ws.getCell(0, c).format;
      f.load("columnWidth");
      cols.push(f);
    }
    return { sheet: s.sheet, cols };
  });
  await ctx.sync();
  const out: Record<string, number[]> = {};
  for (const p of pending)
    out[p.sheet] = p.cols.map((f) => {
      const pt = f.columnWidth;
      return typeof pt === "number" && pt > 0 ? Math.round(((pt / 0.75 - 5) / 7) * 100) / 100 : 0;
    });
  return out;
}
