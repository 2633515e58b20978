/// <reference types="office-js" />
/**
 * WorkbookPort.writeSummary through Office.js:
 *   sync 1  the sheet list (and so whether `_phuluc` exists) and the date system (date-system.ts);
 *   (+1)    the store's record of the product's earlier summaries (its head and that part only) — only
 *           when `_phuluc` exists, because nothing may be asked of it before Excel says it is there (store.ts);
 *   sync 2  first the record: the sheets about to be replaced and the new ones (so that a batch Excel stops
 *           part way leaves nothing unrecorded: the next summary replaces whatever this one added), then
 *           delete the old sheets (a very hidden one made hidden first: Excel refuses to delete it), add
 *           the new ones, write values (text cells as "@" first), styles, merged areas, widths — with
 *           calculation suspended (ExcelApi 1.6). Every operation is counted against the request budget
 *           (~3.5 MB), so a large summary (tens of thousands of overdue tasks, a sheet of changes with two
 *           merged areas per change) is sent in as many batches as it needs, calculation suspended in each.
 *           The last batch also measures the workbook's Normal font: the first new sheet's standard width
 *           (ExcelApi 1.7; else Excel's 8.43 characters) and an untouched column's width in points;
 *   sync 3  the first new sheet is activated (not in the batch that added it: Excel on the web ignores
 *           that), the column widths again when the Normal font is not Calibri 11 (widths are set in
 *           points, and a character of Times New Roman 13 is wider), data bars, the chart, page setup,
 *           frozen header, tab colour (feature-detected). If Excel rejects any of them, they are retried
 *           one by one; the refused ones are left out and listed in the result's `unapplied`, so the user
 *           is told which are missing. Without any of them, the activation is sync 3 alone. The check that
 *           no other runtime wrote the record over meanwhile rides with it; if one did — or when old sheets
 *           were deleted that the new ones did not replace by name — the record is written once more.
 * A user's sheet with the same name is never touched: the new sheet takes "Tổng hợp (2)".
 */
import { STORE_SHEET, type SummarySheetRecord } from "../core/store";
import { sheetNameKey, uniqueSheetName } from "../core/sheet-names";
import type { SummarySpec, WriteSummaryResult } from "../core/sheet-spec";
import { queueDateSystemProbe } from "./date-system";
import type { Feature } from "./requirements";
import {
  CALIBRI_11_PX,
  DEFAULT_STANDARD_WIDTH,
  measureCharWidth,
  queueColumnWidths,
  queueSheet,
  sheetExtras,
  type SheetExtra,
} from "./summary-ops";
import {
  loadSheetsAndStore,
  MAX_STORE_ATTEMPTS,
  queueHeadRead,
  queueStoreWrite,
  readHead,
  recordedSheets,
  StoreBusyError,
  updateStore,
  withinBudget,
  syncingCounter,
  StoreClient,
  storeSheetExists,
  type StoreSession,
  type StoreWrite,
} from "./store";
import { headKept, type PartKey } from "../core/store";

export const WRITE_BUDGET_BYTES = 3_500_000;

export interface WriteOptions {
  features: Record<Feature, boolean>;
  budgetBytes?: number;
  rowsPerBlock?: number;
  /** This runtime's side of the store (default: one of its own). */
  client?: StoreClient;
}

/** Another runtime got in first (it created `_phuluc`, or wrote the record of summary sheets meanwhile): start again. */
class StartAgain extends Error {}

export async function writeSummaryWith(ctx: Excel.RequestContext, spec: SummarySpec, opts: WriteOptions): Promise<WriteSummaryResult> {
  const client = opts.client ?? new StoreClient(opts.budgetBytes);
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(ctx, spec, opts, client);
    } catch (err) {
      if (!(err instanceof StartAgain)) throw err;
      if (attempt >= MAX_STORE_ATTEMPTS) throw new StoreBusyError();
    }
  }
}

interface Existing {
  name: string;
  visible: boolean;
  veryHidden: boolean;
}

/** The product's earlier sheets of this summary (by the store's record) that still exist: these are replaced. */
function sheetsToReplace(recorded: SummarySheetRecord[], existing: Existing[], marker: string): string[] {
  const existingKeys = new Set(existing.map((e) => sheetNameKey(e.name)));
  const seen = new Set<string>();
  const replaced: string[] = [];
  for (const rec of recorded) {
    const k = sheetNameKey(rec.name);
    if (rec.marker !== marker || k === sheetNameKey(STORE_SHEET) || !existingKeys.has(k) || seen.has(k)) continue;
    seen.add(k);
    replaced.push(existing.find((e) => sheetNameKey(e.name) === k)!.name);
  }
  return replaced;
}

/** The record of summary sheets: `recorded` without `drop`, then `added` (one entry per name). */
function sheetRecords(recorded: SummarySheetRecord[], drop: ReadonlySet<string>, added: SummarySheetRecord[]): SummarySheetRecord[] {
  const mine = new Set(added.map((r) => sheetNameKey(r.name)));
  return [...recorded.filter((r) => !drop.has(sheetNameKey(r.name)) && !mine.has(sheetNameKey(r.name))), ...added];
}

/** Where the new sheets go: which recorded sheets they replace, their names, and the record to write first. */
interface Layout {
  existing: Existing[];
  replaced: string[];
  /** Excel keeps at least one visible sheet: when only old summaries are visible, the new ones are added first. */
  deleteFirst: boolean;
  sheetNames: string[];
  added: SummarySheetRecord[];
  /** The record of summary sheets written before any sheet is added: the ones about to be replaced, and the new ones. */
  record: SummarySheetRecord[];
}

function layoutOf(spec: SummarySpec, items: Excel.Worksheet[], session: StoreSession): Layout {
  const existing: Existing[] = items.map((w) => ({
    name: w.name,
    visible: w.visibility === "Visible",
    veryHidden: w.visibility === "VeryHidden",
  }));
  const recorded = recordedSheets(session);
  const replaced = sheetsToReplace(recorded, existing, spec.marker);
  const replacedKeys = new Set(replaced.map(sheetNameKey));
  const deleteFirst = existing.some((e) => e.visible && !replacedKeys.has(sheetNameKey(e.name)));
  const taken = new Set<string>([
    STORE_SHEET,
    ...existing.filter((e) => !deleteFirst || !replacedKeys.has(sheetNameKey(e.name))).map((e) => e.name),
  ]);
  const sheetNames = spec.sheets.map((s) => {
    const n = uniqueSheetName(s.name, taken);
    taken.add(n);
    return n;
  });
  const added = spec.sheets.map((s, i) => ({ name: sheetNames[i], key: s.key, marker: spec.marker }));
  const existingKeys = new Set(existing.map((e) => sheetNameKey(e.name)));
  const gone = new Set(recorded.map((r) => sheetNameKey(r.name)).filter((k) => !existingKeys.has(k)));
  return { existing, replaced, deleteFirst, sheetNames, added, record: sheetRecords(recorded, gone, added) };
}

async function writeOnce(
  ctx: Excel.RequestContext,
  spec: SummarySpec,
  opts: WriteOptions,
  client: StoreClient,
): Promise<WriteSummaryResult> {
  const isDate1904 = queueDateSystemProbe(ctx); // rides with the sheet list
  const { items, session } = await loadSheetsAndStore(ctx, "items/name,items/visibility", ["sheets"], client);
  const layout = layoutOf(spec, items, session);
  // The record first, so that a batch Excel stops part way leaves nothing unrecorded: the next summary
  // replaces whatever this one managed to add.
  const changes = await withinBudget(ctx, session, new Map([["sheets", layout.record]]), ["sheets"]);
  if (!changes) throw new StartAgain();
  const created = !session.exists;
  const { write, addedSheets, pxPerChar } = await writeContent(ctx, spec, layout, {
    session,
    changes,
    date1904: isDate1904(),
    opts,
    client,
  });
  const { sheetNames, replaced, added } = layout;
  const unapplied = await finish(ctx, spec, sheetNames, addedSheets, pxPerChar, opts.features, created ? null : write);
  // Drop what no longer exists from the record — and write it again if another runtime wrote over it.
  const deleted = new Set(replaced.map(sheetNameKey).filter((k) => !sheetNames.some((n) => sheetNameKey(n) === k)));
  if (unapplied.overwritten || deleted.size)
    await updateStore(
      ctx,
      ["sheets"],
      (values) => new Map([["sheets", sheetRecords((values.get("sheets") as SummarySheetRecord[] | undefined) ?? [], deleted, added)]]),
      client,
    );
  else client.remember(session);
  const refused = unapplied.refused;
  if (!refused.length) return { sheetNames, replaced };
  // Tell the user which touches are missing (once per sheet and touch: two refused charts are one line).
  const list: NonNullable<WriteSummaryResult["unapplied"]> = [];
  for (const e of refused) if (!list.some((u) => u.sheet === e.sheet && u.touch === e.touch)) list.push({ sheet: e.sheet, touch: e.touch });
  return { sheetNames, replaced, unapplied: list };
}

interface ContentInput {
  session: StoreSession;
  changes: Map<PartKey, unknown>;
  date1904: boolean;
  opts: WriteOptions;
  client: StoreClient;
}

/**
 * The record, the sheets deleted and added, their content — in batches within the request budget, with
 * calculation suspended in each — and, in the last batch, the measure of the workbook's Normal font.
 * StartAgain when another runtime created `_phuluc` first (this batch then failed on its first operation).
 */
async function writeContent(
  ctx: Excel.RequestContext,
  spec: SummarySpec,
  layout: Layout,
  { session, changes, date1904, opts, client }: ContentInput,
): Promise<{ write: StoreWrite; addedSheets: Excel.Worksheet[]; pxPerChar: number }> {
  const sheets = ctx.workbook.worksheets;
  const created = !session.exists;
  let synced = false;
  const suspendCalculation = () => opts.features.suspendCalculation && ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const counter = syncingCounter(ctx, opts.budgetBytes ?? WRITE_BUDGET_BYTES, () => {
    synced = true;
    suspendCalculation();
  });
  // Excel refuses to delete a very hidden sheet (InvalidOperation, Worksheet.delete's reference): hide it first.
  const veryHidden = new Set(layout.existing.filter((e) => e.veryHidden).map((e) => sheetNameKey(e.name)));
  const remove = () =>
    layout.replaced.forEach((n) => {
      const ws = sheets.getItem(n);
      if (veryHidden.has(sheetNameKey(n))) ws.visibility = "Hidden" as Excel.SheetVisibility;
      ws.delete();
    });
  const addedSheets: Excel.Worksheet[] = [];
  try {
    suspendCalculation();
    const write = await queueStoreWrite(ctx, session, changes, client.by(), counter);
    if (layout.deleteFirst) remove();
    for (let i = 0; i < spec.sheets.length; i++) {
      const ws = sheets.add(layout.sheetNames[i]);
      addedSheets.push(ws);
      await queueSheet(ws, spec.sheets[i], counter, opts.rowsPerBlock, date1904);
    }
    if (!layout.deleteFirst) remove();
    // The Normal font's character width: a column no summary uses (the sheet's last) has the standard width.
    const measure = addedSheets.length ? addedSheets[0].getRange("XFD1").format : null;
    measure?.load("columnWidth");
    if (measure && opts.features.standardWidth) addedSheets[0].load("standardWidth");
    await ctx.sync();
    const pxPerChar = measure
      ? measureCharWidth(opts.features.standardWidth ? addedSheets[0].standardWidth : DEFAULT_STANDARD_WIDTH, measure.columnWidth)
      : CALIBRI_11_PX;
    return { write, addedSheets, pxPerChar };
  } catch (err) {
    // A runtime that lost the race to create `_phuluc` fails on its first batch's first operation: nothing applied.
    if (created && !synced && (await storeSheetExists(ctx))) throw new StartAgain();
    throw err;
  }
}

/**
 * Sync 3: the finishing touches, isolated so that one Excel refuses never costs the summary itself — and,
 * riding with them, the check that the store still logs the record written with the content (`write`).
 */
async function finish(
  ctx: Excel.RequestContext,
  spec: SummarySpec,
  sheetNames: string[],
  added: Excel.Worksheet[],
  pxPerChar: number,
  features: Record<Feature, boolean>,
  write: { rev: number; by: string } | null,
): Promise<{ refused: PlacedExtra[]; overwritten: boolean }> {
  const widths: PlacedExtra[] =
    Math.abs(pxPerChar - CALIBRI_11_PX) < 0.05
      ? []
      : spec.sheets.map((s, i) => ({
          sheet: sheetNames[i],
          what: "column widths",
          touch: "columnWidths" as const,
          kind: "set" as const,
          queue: (ws: Excel.Worksheet) => void queueColumnWidths(ws, s.columnWidths, pxPerChar),
        }));
  const extras = [...widths, ...spec.sheets.flatMap((s, i) => sheetExtras(s, features).map((e) => ({ sheet: sheetNames[i], ...e })))];
  // The first new sheet is shown after the sync that added it: Excel on the web ignores activating a sheet
  // added in the same batch (office-js#930). It rides with the finishing touches, or alone without any.
  const show = added.length ? () => added[0].activate() : null;
  const head = write ? queueHeadRead(ctx) : null;
  let refused: PlacedExtra[] = [];
  if (extras.length) refused = await applyExtras(ctx, extras, show);
  else {
    show?.();
    try {
      await ctx.sync();
    } catch {
      /* not showing the sheet costs nothing else */
    }
  }
  let overwritten = false;
  if (head && write) {
    let now = null;
    try {
      now = readHead(head);
    } catch {
      /* the batch stopped before the read: read it again below */
    }
    if (!now) {
      const again = queueHeadRead(ctx);
      await ctx.sync();
      now = readHead(again);
    }
    overwritten = !now || !headKept(now, write.rev, write.by);
  }
  return { refused, overwritten };
}

type PlacedExtra = SheetExtra & { sheet: string };

/**
 * Send every extra in one sync. A batch that fails has run the operations before the failing one, so
 * before retrying one by one, count the charts and data bars that already exist on the (new) sheets and
 * skip those: property-setting extras are simply sent again.
 */
async function applyExtras(ctx: Excel.RequestContext, extras: PlacedExtra[], first: (() => void) | null): Promise<PlacedExtra[]> {
  const sheets = ctx.workbook.worksheets;
  first?.();
  extras.forEach((e) => e.queue(sheets.getItem(e.sheet)));
  try {
    await ctx.sync();
    return [];
  } catch {
    /* find out what was applied, then retry the rest one by one */
  }
  const chartCounts = new Map<string, OfficeExtension.ClientResult<number>>();
  const barCounts = new Map<PlacedExtra, OfficeExtension.ClientResult<number>>();
  for (const e of extras) {
    if (e.kind === "chart" && !chartCounts.has(e.sheet)) chartCounts.set(e.sheet, sheets.getItem(e.sheet).charts.getCount());
    if (e.kind === "dataBar" && e.range) barCounts.set(e, sheets.getItem(e.sheet).getRange(e.range).conditionalFormats.getCount());
  }
  let applied = new Set<PlacedExtra>();
  try {
    if (chartCounts.size || barCounts.size) await ctx.sync();
    const seenCharts = new Map<string, number>();
    for (const e of extras) {
      if (e.kind === "chart") {
        const n = (seenCharts.get(e.sheet) ?? 0) + 1;
        seenCharts.set(e.sheet, n);
        if (n <= chartCounts.get(e.sheet)!.value) applied.add(e);
      } else if (e.kind === "dataBar" && barCounts.get(e)!.value > 0) applied.add(e);
    }
  } catch {
    applied = new Set(extras.filter((e) => e.kind !== "set")); // cannot tell: never risk a duplicate chart
  }
  const refused: PlacedExtra[] = [];
  for (const e of extras) {
    if (applied.has(e)) continue;
    e.queue(sheets.getItem(e.sheet));
    try {
      await ctx.sync();
    } catch {
      refused.push(e); // this Excel refuses this one; the summary stays without it, and the user is told
    }
  }
  return refused;
}
