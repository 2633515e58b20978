/// <reference types="office-js" />
/**
 * WorkbookPort.readSheets through Office.js with a bounded number of syncs:
 *   sync 1  the sheet list (name, visibility) — which tells whether the store sheet `_phuluc` exists;
 *   sync 2  every sheet's used range (values only) and, when `_phuluc` exists, the store (to skip the
 *           product's summaries);
 *   sync 3… values + numberFormat + valueTypes of all sheets, in row chunks queued together and synced
 *           once per ~4 MB of expected response (Excel on the web rejects a request over 5 MB with
 *           RequestPayloadSizeLimitExceeded and a response over 5 MB with ResponsePayloadSizeLimitExceeded).
 *           A workbook that fits one budget — every real commune plan, and 5,000 rows of ten columns — is
 *           read in one such sync; a bigger one needs one more sync per extra budget, never one per row or sheet.
 * The response size per cell is estimated (80 bytes to start: a text-heavy plan's cell — 40 Vietnamese
 * characters, its format and type — weighs 70–90) and then measured on each batch; a batch that still
 * exceeds the limit either way is retried in halves. With ExcelApi 1.13 each non-empty sheet's merged
 * areas are read in the sync that reads its first rows.
 * No method is called on a proxy that may be a null object (an empty sheet's used range, a missing
 * `_phuluc`): Excel does not promise that such a call yields another null object rather than failing
 * the whole batch. Only load() and isNullObject are used on them.
 */
import { sheetNameKey } from "../core/summary/names";
import { STORE_SHEET } from "../core/store";
import type { Grid, MergeArea, SheetVisibility } from "../core/grid";
import type { ReadProgress } from "../core/port";
import { officeErrorCode } from "../i18n/excel";
import { parseMergedAreas } from "./addresses";
import { jsonBytes } from "./bytes";
import { readCell } from "./cell-values";
import { queueStoreLoad, readStore } from "./store";

export interface ReadOptions {
  mergedAreas: boolean;
  onProgress?: (p: ReadProgress) => void;
  /** Expected response bytes per sync (default 4 MiB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** First estimate of response bytes per cell (values + numberFormat + valueTypes). */
  bytesPerCell?: number;
  /** At most this many rows per range proxy (Microsoft suggests blocks of 5,000–20,000 rows). */
  maxRowsPerChunk?: number;
}

/** 4 MiB of expected response per sync: a 25% margin under Excel on the web's 5 MB. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
export const READ_BYTES_PER_CELL = 80;
/** The codes Excel on the web answers an oversized sync with, by direction. */
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
export const MAX_ROWS_PER_CHUNK = 5000;

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

interface SheetPlan {
  name: string;
  visibility: SheetVisibility;
  /** 0-based origin and size of the used range (values only); rows = 0 for an empty sheet. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  merges: MergeArea[];
  grid: Grid;
  rowsRead: number;
}

interface Piece {
  plan: SheetPlan;
  start: number; // row offset within the used range
  count: number;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function pieceAddress(p: Piece): string {
  const top = p.plan.row0 + p.start + 1;
  const left = p.plan.col0 + 1;
  return `${colLetters(left)}${top}:${colLetters(left + p.plan.cols - 1)}${top + p.count - 1}`;
}

/** The whole used range of a non-empty sheet, as an address. */
function usedAddress(plan: SheetPlan): string {
  return `${colLetters(plan.col0 + 1)}${plan.row0 + 1}:${colLetters(plan.col0 + plan.cols)}${plan.row0 + plan.rows}`;
}

/** Take pieces worth at most `cellBudget` cells from the front of the queue (at least one row). */
function takeBatch(queue: Piece[], cellBudget: number, maxRows: number): Piece[] {
  const batch: Piece[] = [];
  let left = cellBudget;
  while (queue.length) {
    const head = queue[0];
    const fit = Math.min(head.count, maxRows, Math.floor(left / head.plan.cols));
    if (fit <= 0) {
      if (!batch.length) {
        batch.push({ ...head, count: 1 });
        head.start += 1;
        head.count -= 1;
        if (!head.count) queue.shift();
      }
      break;
    }
    batch.push({ plan: head.plan, start: head.start, count: fit });
    left -= fit * head.plan.cols;
    head.start += fit;
    head.count -= fit;
    if (!head.count) queue.shift();
  }
  return batch;
}

export async function readSheetsWith(ctx: Excel.RequestContext, opts: ReadOptions): Promise<Grid[]> {
  const budget = opts.budgetBytes ?? READ_BUDGET_BYTES;
  let perCell = opts.bytesPerCell ?? READ_BYTES_PER_CELL;
  const maxRows = opts.maxRowsPerChunk ?? MAX_ROWS_PER_CHUNK;

  // Sync 1: the sheet list — which also tells whether `_phuluc` exists.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await ctx.sync();
  const storeKey = sheetNameKey(STORE_SHEET);
  const candidates = sheets.items.filter((ws) => sheetNameKey(ws.name) !== storeKey);

  // Sync 2: the used range (values only) of every sheet and, when it exists, the store's. Sheets the
  // store then names as the product's summaries are dropped: measuring them cost a few bytes, not a sync.
  const pendingStore = queueStoreLoad(sheets.items);
  const probes = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, used };
  });
  await ctx.sync();
  const { store } = readStore(pendingStore);
  const skip = new Set(store.summarySheets.map((s) => sheetNameKey(s.name)));

  const plans: SheetPlan[] = probes
    .filter(({ ws }) => !skip.has(sheetNameKey(ws.name)))
    .map(({ ws, used }) => {
      const empty = used.isNullObject;
      const plan: SheetPlan = {
        name: ws.name,
        visibility: VISIBILITY[ws.visibility] ?? "visible",
        row0: empty ? 0 : used.rowIndex,
        col0: empty ? 0 : used.columnIndex,
        rows: empty ? 0 : used.rowCount,
        cols: empty ? 0 : used.columnCount,
        merges: [],
        grid: undefined as unknown as Grid,
        rowsRead: 0,
      };
      plan.grid = {
        name: plan.name,
        visibility: plan.visibility,
        origin: { row: plan.row0 + 1, col: plan.col0 + 1 },
        values: new Array(plan.rows),
        numberFormats: new Array(plan.rows),
        merges: plan.merges,
      };
      return plan;
    });

  const total = plans.length;
  let done = plans.filter((p) => p.rows === 0).length;
  opts.onProgress?.({ done, total });

  // Sync 3…: the cells, in budgeted batches of row chunks.
  const queue: Piece[] = plans.filter((p) => p.rows > 0).map((plan) => ({ plan, start: 0, count: plan.rows }));
  let retries = 0;
  while (queue.length) {
    const batch = takeBatch(queue, Math.max(1, Math.floor(budget / perCell)), maxRows);
    const loads = batch.map((piece) => {
      const ws = ctx.workbook.worksheets.getItem(piece.plan.name);
      const range = ws.getRange(pieceAddress(piece));
      range.load("values,numberFormat,valueTypes");
      // Merged areas ride with a sheet's first rows, asked of a range known to exist (the used range's
      // address, never the used-range proxy, which may be a null object). A retried batch asks again.
      let merged: Excel.RangeAreas | null = null;
      if (opts.mergedAreas && piece.start === 0) {
        merged = ws.getRange(usedAddress(piece.plan)).getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { piece, range, merged };
    });
    try {
      await ctx.sync();
    } catch (err) {
      if (!PAYLOAD_CODES.has(officeErrorCode(err) ?? "") || retries >= 8) throw err;
      retries++;
      perCell *= 2;
      // Put the pieces back in front, in order, and try again with smaller batches.
      for (let i = batch.length - 1; i >= 0; i--) queue.unshift({ ...batch[i] });
      continue;
    }
    let cells = 0;
    let bytes = 0;
    for (const { piece, range, merged } of loads) {
      if (merged && !merged.isNullObject) piece.plan.merges.push(...parseMergedAreas(merged.address));
      const values = range.values;
      const formats = range.numberFormat;
      const types = range.valueTypes;
      const g = piece.plan.grid;
      for (let i = 0; i < piece.count; i++) {
        const vRow = values[i] ?? [];
        const fRow = formats[i] ?? [];
        const tRow = types[i] ?? [];
        const outV = new Array(piece.plan.cols);
        const outF = new Array(piece.plan.cols);
        for (let j = 0; j < piece.plan.cols; j++) {
          outV[j] = readCell(vRow[j], tRow[j] as string | undefined);
          const f = fRow[j];
          outF[j] = typeof f === "string" && f !== "General" ? f : null;
        }
        g.values[piece.start + i] = outV;
        g.numberFormats![piece.start + i] = outF;
      }
      cells += piece.count * piece.plan.cols;
      bytes += jsonBytes(values) + jsonBytes(formats) + jsonBytes(types);
      piece.plan.rowsRead += piece.count;
      if (piece.plan.rowsRead === piece.plan.rows) {
        done++;
        opts.onProgress?.({ done, total, sheet: piece.plan.name });
      }
      range.untrack();
    }
    // Learn the real size per cell (with a margin) for the next batches.
    if (cells > 0) perCell = Math.max(16, Math.ceil((bytes / cells) * 1.3), perCell / 2);
  }
  return plans.map((p) => p.grid);
}
