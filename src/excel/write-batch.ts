/// <reference types="office-js" />
/**
 * Many cells of the user's sheets written at once (the merge of the units' returns, and its undo): the
 * values queued cell by cell and synced once per request budget — a constant number of syncs per 4 MB of
 * values, never one per cell (a sync refused for its size is split and retried). Text is protected from
 * Excel's parsing as in one-click fixes (a leading apostrophe where Excel would read a formula, number or
 * date; the cell's format untouched), or, for a write that carries the Text format "@", by that format
 * set first (no apostrophe, which a Text cell would keep as a character); a date is a
 * serial of the workbook's date system (one probe sync first, only when there are dates) with its number format.
 * Calculation is suspended in every batch where Excel can (ExcelApi 1.6), as the summary writer does.
 */
import type { CellWrite } from "../core/port";
import { isPayloadTooLarge } from "./payload";
import { utf8Length, jsonBytes } from "../core/text/utf8";
import { safeCellText } from "../core/text/xml-chars";
import { dateSerial, TEXT_FORMAT, textForUserCell } from "./cell-values";
import { DATE1904_OFFSET, queueDateSystemProbe } from "./date-system";
import { pointsToWidth } from "./summary-ops";

/** Request bytes queued before a sync (Excel on the web refuses requests over 5 MB). */
export const BATCH_BUDGET_BYTES = 3_500_000;
/** At most this many refused syncs are split and retried before the error reaches the user. */
const MAX_PAYLOAD_RETRIES = 16;

/** What one cell's operations weigh in a request: the range's path (sheet and address) three times, the value, the format. */
export function writeCost(w: CellWrite, value: unknown): number {
  const path = utf8Length(w.sheet) + w.cell.length + 70;
  return (
    3 * path +
    jsonBytes(value) +
    (w.numberFormat ? path + utf8Length(w.numberFormat) + 30 : 0) +
    (w.styleFrom ? 2 * path : 0) +
    (w.formula !== undefined ? utf8Length(w.formula) + 30 : 0)
  );
}

export interface BatchOptions {
  budgetBytes?: number;
  /**
   * Suspend calculation in every batch (ExcelApi 1.6): a merge of thousands of cells into a plan full of
   * formulas is then recalculated once per batch, not after each cell.
   */
  suspendCalculation?: boolean;
  /** Range.copyFrom can copy formats (ExcelApi 1.9): a write's `styleFrom` is honoured. */
  copyFormats?: boolean;
}

interface Prepared {
  w: CellWrite;
  value: string | number | boolean;
  cost: number;
}

/** The value Range.values gets for one write (text protected from Excel's parsing, a date as a serial of the workbook's system). */
function valueOf(v: CellWrite["value"], date1904: boolean, format?: string): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") {
    const serial = dateSerial(v.date);
    return serial === null ? textForUserCell(v.date) : serial - (date1904 ? DATE1904_OFFSET : 0);
  }
  // In a Text cell (its "@" set first, in the same batch, as the summary writer does) text needs no quote prefix.
  if (typeof v === "string") return format === TEXT_FORMAT ? safeCellText(v) : textForUserCell(v);
  return v;
}

/**
 * Queue and sync the writes; returns the number of syncs made. Writes are queued up to the budget and
 * synced together. A sync Excel refuses for its size (nothing of it is applied) is split in two halves,
 * each queued again, so a budget that was too optimistic costs a few syncs, never the merge.
 */
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
  const items: Prepared[] = writes.map((w) => {
    const value = valueOf(w.value, date1904, w.numberFormat);
    return { w, value, cost: writeCost(w, value) };
  });
  // Batches by budget, in order (a later write to the same cell must land later).
  const queue: Prepared[][] = [];
  let batch: Prepared[] = [];
  let queued = 0;
  for (const it of items) {
    if (batch.length && queued + it.cost > budget) {
      queue.push(batch);
      batch = [];
      queued = 0;
    }
    batch.push(it);
    queued += it.cost;
  }
  queue.push(batch);
  let retries = 0;
  while (queue.length) {
    const next = queue.shift()!;
    if (opts.suspendCalculation) ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = new Map<string, Excel.Worksheet>();
    for (const { w, value } of next) {
      let ws = sheets.get(w.sheet);
      if (!ws) sheets.set(w.sheet, (ws = ctx.workbook.worksheets.getItem(w.sheet)));
      const range = ws.getRange(w.cell);
      if (w.styleFrom && opts.copyFormats) range.copyFrom(ws.getRange(w.styleFrom), "Formats" as Excel.RangeCopyType);
      if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
      // A formula a merge's undo puts back is written as a formula (never user text: that is protected above).
      if (w.formula !== undefined) range.formulas = [[w.formula]];
      else range.values = [[value]];
      range.untrack();
    }
    try {
      syncs++;
      await ctx.sync();
    } catch (err) {
      if (!isPayloadTooLarge(err) || next.length < 2 || retries >= MAX_PAYLOAD_RETRIES) throw err;
      retries++;
      const half = Math.ceil(next.length / 2);
      queue.unshift(next.slice(0, half), next.slice(half));
    }
  }
  return syncs;
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
      return typeof pt === "number" && pt > 0 ? pointsToWidth(pt) : 0;
    });
  return out;
}
