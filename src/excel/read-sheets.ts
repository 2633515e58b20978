/// <reference types="office-js" />
/**
 * WorkbookPort.readSheets through Office.js with a bounded number of syncs:
 *   sync 1  the sheet list (name, visibility) — which tells whether the store sheet `_phuluc` exists —
 *           and the date system (date-system.ts: a 1904 workbook's date cells are shifted to 1900 serials);
 *   sync 2  every sheet's used range (values only) and, when `_phuluc` exists, the store's head and the
 *           part that names the product's summaries (to skip them) — never the snapshots or merge records;
 *   sync 3… values + numberFormat + valueTypes of all sheets, in row chunks queued together and synced
 *           once per ~4 MB of expected response (Excel on the web rejects a request over 5 MB with
 *           RequestPayloadSizeLimitExceeded and a response over 5 MB with ResponsePayloadSizeLimitExceeded).
 *           A workbook that fits one budget — every real commune plan, and 5,000 rows of ten columns — is
 *           read in one such sync; a bigger one needs one more sync per extra budget, never one per row or sheet.
 * The response size per cell is estimated (80 bytes to start: a text-heavy plan's cell — 40 Vietnamese
 * characters, its format and type — weighs 70–90) and then measured on each batch; a batch that still
 * exceeds the limit either way is retried in halves.
 *   last    with ExcelApi 1.13, the merged areas of every non-empty sheet, in blocks of 500 rows, in a
 *           sync of their own (see readMerges): Range.getMergedAreasOrNullObject fails beyond 512 areas,
 *           and a failure must not cost the values. A block that fails is split; when that does not
 *           help, the grids go without (some) merges and the port reports "merges not read".
 * No method is called on a proxy that may be a null object (an empty sheet's used range, a missing
 * `_phuluc`): Excel does not promise that such a call yields another null object rather than failing
 * the whole batch. Only load() and isNullObject are used on them.
 */
import { sheetNameKey } from "../core/sheet-names";
import { STORE_SHEET } from "../core/store";
import type { Grid, MergeArea, SheetVisibility } from "../core/grid";
import type { ReadProgress } from "../core/port";
import { officeErrorCode } from "../i18n/excel";
import { parseMergedAreas } from "./addresses";
import { jsonBytes } from "../core/text/utf8";
import { readCell } from "./cell-values";
import { queueDateSystemProbe, to1900 } from "./date-system";
import { longerThanRead, queueStoreRead, readStore, readStoreInPieces, recordedSheets, type StoreSession } from "./store";
import { isPayloadTooLarge } from "./payload";

export interface ReadOptions {
  mergedAreas: boolean;
  onProgress?: (p: ReadProgress) => void;
  /** Expected response bytes per sync (default 4 MiB, under Excel on the web's 5 MB). */
  budgetBytes?: number;
  /** First estimate of response bytes per cell (values + numberFormat + valueTypes). */
  bytesPerCell?: number;
  /** At most this many rows per range proxy (Microsoft suggests blocks of 5,000–20,000 rows). */
  maxRowsPerChunk?: number;
  /** Rows per merged-areas request (default MERGE_BLOCK_ROWS). */
  mergeBlockRows?: number;
  /** Called when merged areas were asked for but could not all be read. */
  onMergesUnread?: () => void;
}

/** 4 MiB of expected response per sync: a 25% margin under Excel on the web's 5 MB. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;
export const READ_BYTES_PER_CELL = 80;
/**
 * Rows per getMergedAreasOrNullObject request. A plan merges a unit or a deadline over a few task rows
 * (about one area a row at most), so 500 rows stay under the method's 512-area limit; a block that
 * still fails is split.
 */
export const MERGE_BLOCK_ROWS = 500;
/** At most this many syncs for merged areas, splitting included (a normal read needs one). */
export const MAX_MERGE_SYNCS = 12;
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

/** Reads started again when a sheet of the list disappears meanwhile. */
export const MAX_READ_ATTEMPTS = 3;

/**
 * Read every sheet. A sheet the list named may be deleted before it is read — the product's own sheet
 * replaced by the other runtime (the ribbon's or the pane's: a merge log, a summary): the read then starts
 * again from the list.
 */
export async function readSheetsWith(ctx: Excel.RequestContext, opts: ReadOptions): Promise<Grid[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOnce(ctx, opts);
    } catch (err) {
      if (officeErrorCode(err) !== "ItemNotFound" || attempt >= MAX_READ_ATTEMPTS) throw err;
    }
  }
}

/** Sync 2: every candidate's used range, and the names of the product's summaries (keys) the store records. */
async function measureSheets(
  ctx: Excel.RequestContext,
  items: Excel.Worksheet[],
  candidates: Excel.Worksheet[],
): Promise<{ probes: { ws: Excel.Worksheet; used: Excel.Range }[]; skip: Set<string> }> {
  const pendingStore = queueStoreRead(items, ["sheets"]);
  const probes = candidates.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, used };
  });
  let session: StoreSession;
  try {
    await ctx.sync();
    session = readStore(pendingStore);
  } catch (err) {
    // A store of format 1 too big for one response (written by desktop Excel): the used ranges again, the store in pieces.
    if (!isPayloadTooLarge(err) || !pendingStore.exists) throw err;
    for (const { used } of probes) used.load("rowIndex,columnIndex,rowCount,columnCount");
    await ctx.sync();
    session = await readStoreInPieces(ctx, items, ["sheets"]);
  }
  if (longerThanRead(session)) session = await readStoreInPieces(ctx, items, ["sheets"]);
  return { probes, skip: new Set(recordedSheets(session).map((s) => sheetNameKey(s.name))) };
}

/**
 * One read of the workbook, in syncs: the sheet list (sync 1), the used ranges and the store's record of
 * the product's own sheets (sync 2, measureSheets), then the cells in budgeted batches (readCells) and the
 * merged areas (readMerges).
 */
async function readOnce(ctx: Excel.RequestContext, opts: ReadOptions): Promise<Grid[]> {
  // Sync 1: the sheet list — which also tells whether `_phuluc` exists.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const isDate1904 = queueDateSystemProbe(ctx);
  await ctx.sync();
  const date1904 = isDate1904();
  const storeKey = sheetNameKey(STORE_SHEET);
  const candidates = sheets.items.filter((ws) => sheetNameKey(ws.name) !== storeKey);

  // Sync 2: the used range (values only) of every sheet and, when it exists, the store's record of the
  // product's summaries. Those sheets are dropped: measuring them cost a few bytes, not a sync.
  const { probes, skip } = await measureSheets(ctx, sheets.items, candidates);
  const plans = probes.filter(({ ws }) => !skip.has(sheetNameKey(ws.name))).map(({ ws, used }) => sheetPlan(ws, used));

  await readCells(ctx, plans, opts, date1904);
  if (opts.mergedAreas) {
    const complete = await readMerges(ctx, plans, opts.mergeBlockRows ?? MERGE_BLOCK_ROWS);
    if (!complete) opts.onMergesUnread?.();
  }
  return plans.map((p) => p.grid);
}

/** A sheet to read, from its used range (none: an empty sheet), with its grid ready to fill. */
function sheetPlan(ws: Excel.Worksheet, used: Excel.Range): SheetPlan {
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
}

/**
 * Sync 3…: the cells, in batches of row chunks sized to the response budget. A batch too large for one
 * response is put back and tried again with half the cells (at most 8 times); the size per cell is learnt
 * from each response. Progress is reported as each sheet is finished.
 */
async function readCells(ctx: Excel.RequestContext, plans: SheetPlan[], opts: ReadOptions, date1904: boolean): Promise<void> {
  const budget = opts.budgetBytes ?? READ_BUDGET_BYTES;
  let perCell = opts.bytesPerCell ?? READ_BYTES_PER_CELL;
  const maxRows = opts.maxRowsPerChunk ?? MAX_ROWS_PER_CHUNK;
  const total = plans.length;
  let done = plans.filter((p) => p.rows === 0).length;
  opts.onProgress?.({ done, total });

  const queue: Piece[] = plans.filter((p) => p.rows > 0).map((plan) => ({ plan, start: 0, count: plan.rows }));
  let retries = 0;
  while (queue.length) {
    const batch = takeBatch(queue, Math.max(1, Math.floor(budget / perCell)), maxRows);
    const loads = batch.map((piece) => {
      const range = ctx.workbook.worksheets.getItem(piece.plan.name).getRange(pieceAddress(piece));
      range.load("values,numberFormat,valueTypes");
      return { piece, range };
    });
    try {
      await ctx.sync();
    } catch (err) {
      if (!isPayloadTooLarge(err) || retries >= 8) throw err;
      retries++;
      perCell *= 2;
      // Put the pieces back in front, in order, and try again with smaller batches.
      for (let i = batch.length - 1; i >= 0; i--) queue.unshift({ ...batch[i] });
      continue;
    }
    let cells = 0;
    let bytes = 0;
    for (const { piece, range } of loads) {
      bytes += copyPiece(piece, range, date1904);
      cells += piece.count * piece.plan.cols;
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
}

/** A loaded piece's values and number formats into its sheet's grid; the bytes its response held. */
function copyPiece(piece: Piece, range: Excel.Range, date1904: boolean): number {
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
      const f = fRow[j];
      outV[j] = readCell(date1904 ? to1900(vRow[j], f) : vRow[j], tRow[j] as string | undefined);
      outF[j] = typeof f === "string" && f !== "General" ? f : null;
    }
    g.values[piece.start + i] = outV;
    g.numberFormats![piece.start + i] = outF;
  }
  return jsonBytes(values) + jsonBytes(formats) + jsonBytes(types);
}

interface MergeBlock {
  plan: SheetPlan;
  start: number; // row offset within the used range
  count: number;
}

function blockAddress(b: MergeBlock): string {
  return pieceAddress({ plan: b.plan, start: b.start, count: b.count });
}

/**
 * The merged areas of every non-empty sheet, asked of ranges known to exist (addresses inside the used
 * range, never the used-range proxy, which may be a null object), in row blocks, all in one sync. If that
 * sync fails (a block over 512 areas, or anything else Excel refuses), the batch is halved, and a single
 * block that fails is split into its two halves, until every block is read or MAX_MERGE_SYNCS is spent;
 * a single row that still fails is skipped and the others are read. An area reported by two blocks (it
 * spans their boundary) is kept once. Returns false when some block could not be read: those rows go
 * without merges.
 */
async function readMerges(ctx: Excel.RequestContext, plans: SheetPlan[], blockRows: number): Promise<boolean> {
  const blocks: MergeBlock[] = [];
  for (const plan of plans)
    for (let start = 0; start < plan.rows; start += blockRows) blocks.push({ plan, start, count: Math.min(blockRows, plan.rows - start) });
  if (!blocks.length) return true;
  const seen = new Map<SheetPlan, Set<string>>();
  const batches: MergeBlock[][] = [blocks];
  let syncs = 0;
  let complete = true;
  while (batches.length) {
    if (syncs >= MAX_MERGE_SYNCS) return false;
    const batch = batches.shift()!;
    const loads = batch.map((b) => {
      const areas = ctx.workbook.worksheets.getItem(b.plan.name).getRange(blockAddress(b)).getMergedAreasOrNullObject();
      areas.load("address");
      return { b, areas };
    });
    syncs++;
    try {
      await ctx.sync();
    } catch (err) {
      if (officeErrorCode(err) === "InvalidOperationInCellEditMode") throw err;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        batches.unshift(batch.slice(0, half), batch.slice(half));
      } else if (batch[0].count > 1) {
        const b = batch[0];
        const top = Math.ceil(b.count / 2);
        batches.unshift([
          { plan: b.plan, start: b.start, count: top },
          { plan: b.plan, start: b.start + top, count: b.count - top },
        ]);
      } else complete = false; // one row with more than 512 areas, or a refusal splitting cannot help: skip it
      continue;
    }
    for (const { b, areas } of loads) {
      if (areas.isNullObject) continue;
      let keys = seen.get(b.plan);
      if (!keys) seen.set(b.plan, (keys = new Set()));
      for (const m of parseMergedAreas(areas.address)) {
        const k = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
        if (keys.has(k)) continue;
        keys.add(k);
        b.plan.merges.push(m);
      }
    }
  }
  return complete;
}
