/// <reference types="office-js" />
/**
 * Reversible highlights. Before filling a cell, its fill is read (color, and with ExcelApi 1.9 the
 * pattern, which tells "no fill" from white) and recorded in the store with the fill applied. Clearing
 * restores the previous fill (or clears it) only where the cell still has the fill phuluc applied: a cell
 * the user has recoloured since is left alone. Three syncs up to 4,000 cells (old and new together) —
 * sheet list, fills, writes — on a workbook without `_phuluc`; once it exists, one more to read its head
 * and highlights (only that part, see store.ts) and one after the writes to check that no other runtime
 * wrote over them; beyond that, one more sync per 4,000 cells read or changed, so no request nears Excel's
 * 5 MB limit. The store keeps the highlights as ranges (store-highlights.ts), not one record per cell.
 *
 * The record is written before any fill changes, at the head of the first write batch: Excel runs a
 * batch in order and stops at the first operation it refuses, so if the record cannot be written (a
 * workbook whose structure is protected cannot get its `_phuluc` sheet) no fill is made, and if a fill
 * is refused half way (a protected sheet) every fill already made is on record. That first record also
 * keeps the old highlights still to be restored; the final one, last in the last batch, drops them.
 *
 * One writer at a time: the head is checked with the fill reads (another runtime's new highlights: start
 * again, nothing written yet) and after the writes (written over: these records are written again over
 * what the other runtime left, the cells this run touched taking this run's records).
 */
import type { HighlightTarget } from "../core/port";
import type { HighlightRecord, PartKey } from "../core/store";
import { decodeHighlights, encodeHighlights } from "../core/store-highlights";
import { sheetNameKey } from "../core/sheet-names";
import {
  changedSince,
  loadSheetsAndStore,
  MAX_STORE_ATTEMPTS,
  queueHeadRead,
  queueStoreWrite,
  readHead,
  SHEET_LIST_PROPS,
  sessionValue,
  StoreBusyError,
  StoreClient,
  storeSheetExists,
  syncingCounter,
  updateStore,
  verifyWrite,
  withinBudget,
  type StoreSession,
  type StoreWrite,
} from "./store";
import { planHighlights } from "../core/highlight-plan";

export const HIGHLIGHT_FILL = { error: "FFC7CE", warning: "FFEB9C" } as const;

/** "#ffc7ce" / "FFC7CE" → "FFC7CE". */
export function normFill(c: string | null | undefined): string | null {
  if (!c) return null;
  return c.replace(/^#/, "").toUpperCase();
}

/**
 * A fill as recorded in the store, by either adapter: null (no fill), a bare colour ("RRGGBB", this
 * adapter), or an ExcelJS fill as JSON (the .xlsx adapter: {"type":"pattern","pattern":"solid",
 * "fgColor":{"argb":"FFRRGGBB"}}). Returns "RRGGBB", null for no fill, undefined when it is a fill
 * Office.js cannot set exactly (gradient, hatch, theme colour).
 */
export function storedFill(s: string | null): string | null | undefined {
  if (s === null) return null;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s.trim());
  if (hex) return hex[1].toUpperCase();
  try {
    const f = JSON.parse(s) as { type?: string; pattern?: string; fgColor?: { argb?: string } };
    if (f?.type === "pattern" && (f.pattern === "none" || !f.pattern)) return null;
    if (f?.type === "pattern" && f.pattern === "solid" && typeof f.fgColor?.argb === "string" && /^[0-9a-fA-F]{8}$/.test(f.fgColor.argb))
      return f.fgColor.argb.slice(2).toUpperCase();
  } catch {
    /* not JSON */
  }
  return undefined;
}

interface Probe {
  sheet: string;
  cell: string;
  range: Excel.Range;
  fill: Excel.RangeFill;
}

const cellKey = (sheet: string, cell: string) => `${sheetNameKey(sheet)}!${cell.replace(/\$/g, "").toUpperCase()}`;

/** Cells per sync when reading or changing fills: keeps every request well under 5 MB. */
export const HIGHLIGHT_GROUP = 4000;

/**
 * Fill reads for cells on existing sheets, synced in groups of HIGHLIGHT_GROUP (one sync for most runs).
 * `rider` is queued just before the last of those syncs (which happens even without a cell to read).
 */
async function loadProbes(
  ctx: Excel.RequestContext,
  cells: { sheet: string; cell: string }[],
  sheetNames: Set<string>,
  withPattern: boolean,
  rider?: () => void,
): Promise<Probe[]> {
  const seen = new Set<string>();
  const out: Probe[] = [];
  const todo: { sheet: string; cell: string }[] = [];
  for (const c of cells) {
    const k = cellKey(c.sheet, c.cell);
    if (seen.has(k) || !sheetNames.has(sheetNameKey(c.sheet))) continue;
    seen.add(k);
    todo.push(c);
  }
  for (let i = 0; i < todo.length || (i === 0 && rider); i += HIGHLIGHT_GROUP) {
    for (const c of todo.slice(i, i + HIGHLIGHT_GROUP)) {
      const range = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
      const fill = range.format.fill;
      fill.load(withPattern ? "color,pattern" : "color");
      out.push({ sheet: c.sheet, cell: c.cell, range, fill });
    }
    if (i + HIGHLIGHT_GROUP >= todo.length) rider?.();
    await ctx.sync();
  }
  return out;
}

/** The fill a probe shows now, null for none (white counts as none without ExcelApi 1.9's pattern). */
function currentFill(p: Probe, withPattern: boolean): string | null {
  if (withPattern && p.fill.pattern === "None") return null;
  const c = normFill(p.fill.color);
  if (!withPattern && c === "FFFFFF") return null;
  return c;
}

const OUR_FILLS = new Set<string>(Object.values(HIGHLIGHT_FILL));

/**
 * Whether a recorded highlight is still phuluc's: the cell shows the fill that was applied — or another
 * of phuluc's own fills, as when a new highlight of that cell was recorded but its fill never made (a
 * batch stopped by a protected sheet) and the cell still shows the previous highlight's.
 */
function stillOurs(current: string | null, applied: string | null): boolean {
  return current === applied || (current !== null && applied !== null && OUR_FILLS.has(current) && OUR_FILLS.has(applied));
}

function restore(p: Probe, previous: string | null): void {
  if (previous === null) p.fill.clear();
  else p.fill.color = "#" + previous;
}

interface HighlightPlan {
  restores: { p: Probe; previous: string | null; rec: HighlightRecord }[];
  fills: { p: Probe; color: string }[];
  records: HighlightRecord[];
}

/**
 * What to do, before anything is queued: the old highlights to undo where phuluc's fill is still there
 * (errors win over warnings on the same cell, src/core/highlight-plan.ts), what was under them, and the
 * new records.
 */
function planFills(old: HighlightRecord[], wanted: Map<string, HighlightTarget>, probes: Probe[], withPattern: boolean): HighlightPlan {
  const probeByKey = new Map(probes.map((p) => [cellKey(p.sheet, p.cell), p]));
  const underneath = new Map<string, string | null>();
  const restores: HighlightPlan["restores"] = [];
  for (const rec of old) {
    const k = cellKey(rec.sheet, rec.cell);
    const p = probeByKey.get(k);
    if (!p || underneath.has(k)) continue;
    const applied = storedFill(rec.appliedFill);
    if (applied === undefined || !stillOurs(currentFill(p, withPattern), applied)) continue; // the user recoloured it: leave it
    // A previous fill Office.js cannot rebuild exactly (a hatch or gradient from the .xlsx side) becomes none.
    const previous = storedFill(rec.previousFill) ?? null;
    underneath.set(k, previous);
    if (!wanted.has(k)) restores.push({ p, previous, rec });
  }
  const fills: HighlightPlan["fills"] = [];
  const records: HighlightRecord[] = [];
  for (const [k, t] of wanted) {
    const p = probeByKey.get(k);
    if (!p) continue; // the sheet no longer exists
    const applied = HIGHLIGHT_FILL[t.severity];
    const previous = underneath.has(k) ? underneath.get(k)! : currentFill(p, withPattern);
    fills.push({ p, color: applied });
    records.push({ sheet: p.sheet, cell: p.cell, previousFill: previous, appliedFill: applied });
  }
  return { restores, fills, records };
}

/** Request bytes of one fill set or cleared (its range's path and the colour). */
const FILL_OP_BYTES = 200;

/** The highlights part holding `records` in place of any record of the cells in `touched` (when another runtime wrote meanwhile). */
function mergedRecords(now: unknown, touched: ReadonlySet<string>, records: HighlightRecord[]): unknown {
  const kept = (decodeHighlights(now) ?? []).filter((r) => !touched.has(cellKey(r.sheet, r.cell)));
  const all = [...kept, ...records];
  return all.length ? encodeHighlights(all) : undefined;
}

/**
 * Replace the product's highlights by `targets` (empty targets = clear). The store keeps the records.
 * Another runtime writing the store meanwhile makes it start again (before anything is written) or, after,
 * write its records once more over what the other wrote.
 */
export async function applyHighlights(
  ctx: Excel.RequestContext,
  targets: HighlightTarget[],
  withPattern: boolean,
  client: StoreClient = new StoreClient(),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await highlightOnce(ctx, targets, withPattern, client)) return;
    if (attempt >= MAX_STORE_ATTEMPTS) throw new StoreBusyError();
  }
}

/** One attempt; false when another runtime wrote the highlights in the way (nothing written: start again). */
async function highlightOnce(
  ctx: Excel.RequestContext,
  targets: HighlightTarget[],
  withPattern: boolean,
  client: StoreClient,
): Promise<boolean> {
  const { items, session } = await loadSheetsAndStore(ctx, SHEET_LIST_PROPS, ["highlights"], client);
  const sheetNames = new Set(items.map((w) => sheetNameKey(w.name)));
  const old = decodeHighlights(sessionValue(session, "highlights")) ?? [];
  // The one highlight plan (one fill per cell, an error wins), also when a caller hands raw targets.
  const wanted = new Map<string, HighlightTarget>();
  for (const t of planHighlights(targets)) wanted.set(cellKey(t.sheet, t.cell), t);
  if (!old.length && !wanted.size) return true; // nothing there, nothing to do: nothing written

  // One list of cells to read (old records first), so a normal run reads every fill in one sync — with the
  // check of the store's head riding on it.
  let head: Excel.Range | null = null;
  const probes = await loadProbes(ctx, [...old, ...wanted.values()], sheetNames, withPattern, () => {
    if (session.exists) head = queueHeadRead(ctx);
  });
  if (head && changedSince(session, readHead(head), ["highlights"])) return false;
  const plan = planFills(old, wanted, probes, withPattern);
  const pending = [...plan.records, ...plan.restores.map((r) => r.rec)];
  const changes = await withinBudget(ctx, session, new Map([["highlights", pending.length ? encodeHighlights(pending) : undefined]]), [
    "highlights",
  ]);
  if (!changes) return false;
  const write = await writeFills(ctx, session, changes, plan, client.by);
  if (write === "restart") return false;
  for (const p of probes) p.range.untrack();
  if (write && !(await verifyWrite(ctx, write))) {
    const touched = new Set([...plan.restores, ...plan.fills].map((x) => cellKey(x.p.sheet, x.p.cell)));
    await updateStore(
      ctx,
      ["highlights"],
      (v) => new Map([["highlights", mergedRecords(v.get("highlights"), touched, plan.records)]]),
      client,
    );
  } else client.remember(session);
  return true;
}

/**
 * The record first (the new highlights, and the old ones until they are restored), then the fills, a few
 * thousand per sync, then the final record. Returns the last write to verify (null: `_phuluc` was created
 * now, nothing to verify), or "restart" when another runtime created `_phuluc` first.
 */
async function writeFills(
  ctx: Excel.RequestContext,
  session: StoreSession,
  changes: Map<PartKey, unknown>,
  plan: HighlightPlan,
  by: () => string,
): Promise<StoreWrite | null | "restart"> {
  const created = !session.exists;
  let synced = false;
  const counter = syncingCounter(ctx, HIGHLIGHT_GROUP * FILL_OP_BYTES, () => void (synced = true));
  try {
    let write = await queueStoreWrite(ctx, session, changes, by(), counter);
    for (const r of plan.restores) {
      restore(r.p, r.previous);
      counter.add(FILL_OP_BYTES);
      await counter.checkpoint();
    }
    for (const f of plan.fills) {
      f.p.fill.color = "#" + f.color;
      counter.add(FILL_OP_BYTES);
      await counter.checkpoint();
    }
    if (plan.restores.length)
      write = await queueStoreWrite(
        ctx,
        session,
        new Map([["highlights", plan.records.length ? encodeHighlights(plan.records) : undefined]]),
        by(),
        counter,
      );
    await ctx.sync();
    return created ? null : write;
  } catch (err) {
    // A runtime that lost the race to create `_phuluc` fails on its first operation: nothing of it applied.
    if (created && !synced && (await storeSheetExists(ctx))) return "restart";
    throw err;
  }
}
