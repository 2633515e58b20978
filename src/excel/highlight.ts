/// <reference types="office-js" />
/**
 * Reversible highlights. Before filling a cell, its fill is read (color, and with ExcelApi 1.9 the
 * pattern, which tells "no fill" from white) and recorded in the store with the fill applied. Clearing
 * restores the previous fill (or clears it) only where the cell still has the fill phuluc applied: a cell
 * the user has recoloured since is left alone. Three syncs up to 4,000 cells (old and new together) —
 * sheet list, fills, writes — plus one to read the store when `_phuluc` exists (see store.ts);
 * beyond that, one more sync per 4,000 cells read or changed, so no request nears Excel's 5 MB limit.
 *
 * The record is written before any fill changes, at the head of the first write batch: Excel runs a
 * batch in order and stops at the first operation it refuses, so if the record cannot be written (a
 * workbook whose structure is protected cannot get its `_phuluc` sheet) no fill is made, and if a fill
 * is refused half way (a protected sheet) every fill already made is on record. That first record also
 * keeps the old highlights still to be restored; the final one, last in the last batch, drops them.
 */
import type { HighlightTarget } from "../core/port";
import type { HighlightRecord, Store } from "../core/store";
import { sheetNameKey } from "../core/summary/names";
import { loadSheetsAndStore, queueStoreWrite, type LoadedStore } from "./store";
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

/** Fill reads for cells on existing sheets, synced in groups of HIGHLIGHT_GROUP (one sync for most runs). */
async function loadProbes(
  ctx: Excel.RequestContext,
  cells: { sheet: string; cell: string }[],
  sheetNames: Set<string>,
  withPattern: boolean,
): Promise<Probe[]> {
  const seen = new Set<string>();
  const out: Probe[] = [];
  let pending = 0;
  for (const c of cells) {
    const k = cellKey(c.sheet, c.cell);
    if (seen.has(k) || !sheetNames.has(sheetNameKey(c.sheet))) continue;
    seen.add(k);
    const range = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
    const fill = range.format.fill;
    fill.load(withPattern ? "color,pattern" : "color");
    out.push({ sheet: c.sheet, cell: c.cell, range, fill });
    if (++pending >= HIGHLIGHT_GROUP) {
      await ctx.sync();
      pending = 0;
    }
  }
  if (pending) await ctx.sync();
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

/** The sheet list, then the store when `_phuluc` exists (one more sync only then; see store.ts). */
async function loadStoreAndSheets(ctx: Excel.RequestContext): Promise<{ loaded: LoadedStore; sheetNames: Set<string> }> {
  const { items, loaded } = await loadSheetsAndStore(ctx);
  return { loaded, sheetNames: new Set(items.map((w) => sheetNameKey(w.name))) };
}

/**
 * Replace the product's highlights by `targets` (empty targets = clear). Returns nothing; the store keeps
 * the records. Errors win over warnings on the same cell (src/core/highlight-plan.ts).
 */
export async function applyHighlights(ctx: Excel.RequestContext, targets: HighlightTarget[], withPattern: boolean): Promise<void> {
  const { loaded, sheetNames } = await loadStoreAndSheets(ctx);
  const store: Store = loaded.store;
  const old = store.highlights;

  // The one highlight plan (one fill per cell, an error wins), also when a caller hands raw targets.
  const wanted = new Map<string, HighlightTarget>();
  for (const t of planHighlights(targets)) wanted.set(cellKey(t.sheet, t.cell), t);

  // One list of cells to read (old records first), so a normal run reads every fill in one sync.
  const probes = await loadProbes(ctx, [...old, ...wanted.values()], sheetNames, withPattern);
  const probeByKey = new Map(probes.map((p) => [cellKey(p.sheet, p.cell), p]));

  // Plan first (no operation queued yet): the old highlights to undo where phuluc's fill is still there,
  // what was under them, and the new records.
  const underneath = new Map<string, string | null>();
  const restores: { p: Probe; previous: string | null; rec: HighlightRecord }[] = [];
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
  const fillsToMake: { p: Probe; color: string }[] = [];
  const records: HighlightRecord[] = [];
  for (const [k, t] of wanted) {
    const p = probeByKey.get(k);
    if (!p) continue; // the sheet no longer exists
    const applied = HIGHLIGHT_FILL[t.severity];
    const previous = underneath.has(k) ? underneath.get(k)! : currentFill(p, withPattern);
    fillsToMake.push({ p, color: applied });
    records.push({ sheet: p.sheet, cell: p.cell, previousFill: previous, appliedFill: applied });
  }

  // The record first: the new highlights, and the old ones until they are restored.
  const written = queueStoreWrite(ctx, { ...store, highlights: [...records, ...restores.map((r) => r.rec)] }, loaded);
  let queued = 0;
  const step = async () => {
    if (++queued < HIGHLIGHT_GROUP) return;
    await ctx.sync();
    queued = 0;
  };
  for (const r of restores) {
    restore(r.p, r.previous);
    await step();
  }
  for (const f of fillsToMake) {
    f.p.fill.color = "#" + f.color;
    await step();
  }
  for (const p of probes) p.range.untrack();

  if (restores.length) queueStoreWrite(ctx, { ...store, highlights: records }, written);
  await ctx.sync();
}
