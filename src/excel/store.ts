/// <reference types="office-js" />
/**
 * The product's store (src/core/store.ts) inside Excel: the very hidden sheet `_phuluc`, the head in A1 and
 * each part down a column of its own — the same sheet the file adapter reads and writes.
 *
 * Reading: a command loads only the parts it needs, with column A (the head, or a store of format 1),
 * in one sync that rides on the caller's. No method is ever called on an object whose existence is
 * unknown: the caller loads the sheet list first (it needs it anyway), and the store's ranges are asked of
 * `_phuluc` only when the list has it.
 *
 * Writing: only the parts that changed, and in them only the rows that changed; every row counted in the
 * caller's request budget (a large part is sent over several syncs), the head last. One writer at a time:
 * the head's revision is read just before a write (the check) and, after it, the head must still log that
 * write (the verification) — when another runtime (the ribbon's, or the pane's: they share nothing) wrote
 * in between, the update is made again on what the store now holds, so neither loses the other's records.
 * (Office.js has no conditional write: the one case this cannot see is another runtime's write *and* its
 * verification both falling between this runtime's check and its write — two round trips of the other
 * inside the few milliseconds this one computes; Excel runs the runtimes' requests one at a time.)
 * Before a write that would take the store over its budget, store-budget.ts says what to drop.
 */
import {
  columnChunks,
  decodeHead,
  decodeLegacyStore,
  decodePart,
  emptyHead,
  encodeHead,
  headKept,
  MAX_STORE_ROWS,
  nextHead,
  PART_COLUMN,
  PART_KEYS,
  partBytes,
  partText,
  partValue,
  STORE_SHEET,
  chunkText,
  type PartKey,
  type Store,
  type StoreFormat,
  type StoreHead,
  type SummarySheetRecord,
} from "../core/store";
import { fitBudget } from "../core/store-budget";
import { sheetNameKey } from "../core/sheet-names";
import { jsonBytes } from "../core/text/utf8";
import { TEXT_FORMAT } from "./cell-values";
import { isPayloadTooLarge, type ByteCounter } from "./payload";

/** Sheet-list properties a caller must load (at least) before `queueStoreRead`. */
export const SHEET_LIST_PROPS = "items/name";
/** Request bytes of store rows queued before a sync, when the caller has no budget of its own. */
export const STORE_WRITE_BUDGET = 3_500_000;
/** Attempts at a write another runtime keeps getting in the way of. */
export const MAX_STORE_ATTEMPTS = 4;
/** Request bytes per operation besides its values (the range's path, the call). */
const OP_BYTES = 160;

/** Another runtime kept writing the store while this one tried to: nothing of this write was kept. */
export class StoreBusyError extends Error {
  constructor() {
    super("the store kept changing");
    this.name = "StoreBusyError";
  }
}

/** Ids for a runtime's writes: a random base (one per port) and a count. */
export function writerIds(): () => string {
  const base = Math.random().toString(36).slice(2, 10);
  let n = 0;
  return () => `${base}.${(++n).toString(36)}`;
}

interface CachedPart {
  /** The revision the part was last written at (undefined: never written), and by whom. */
  r: number | undefined;
  by: string | undefined;
  chunks: string[];
}

/**
 * What one runtime (one port) keeps between its commands: ids for its writes, its request budget, and the
 * parts it last read or wrote — a part the head says nobody wrote since is not read again (a merge's
 * record, 1.5 MB, is then read once for the merge, its undo and the pane's state, not four times).
 */
export class StoreClient {
  readonly by = writerIds();
  private readonly parts = new Map<PartKey, CachedPart>();
  constructor(readonly budgetBytes?: number) {}

  has(part: PartKey): boolean {
    return this.parts.has(part);
  }

  /** The part as remembered, if `head` says it is still what the store holds. */
  cached(part: PartKey, head: StoreHead): LoadedPart | null {
    const c = this.parts.get(part);
    const meta = head.parts[part];
    if (!c || meta?.r !== c.r || (c.r !== undefined && !headKept(head, c.r, c.by ?? ""))) return null;
    return { chunks: c.chunks, ...decodePart(part, c.chunks.join("")) };
  }

  /** Remember the parts a session read or wrote (format 2 only, readable ones only). */
  remember(session: StoreSession): void {
    if (session.format !== "v2") return;
    for (const [part, loaded] of session.parts) {
      const r = session.head.parts[part]?.r;
      const by = r === undefined ? undefined : session.head.log.find(([rev]) => rev === r)?.[1];
      if (!loaded.chunks || loaded.damaged || (r !== undefined && by === undefined)) this.parts.delete(part);
      else this.parts.set(part, { r, by, chunks: loaded.chunks });
    }
  }
}

export interface LoadedPart {
  /** The cells as read (format 2), so a write sends only the rows that changed; null when not known. */
  chunks: string[] | null;
  value: unknown;
  damaged: boolean;
}

/** What one command knows of the store. */
export interface StoreSession {
  exists: boolean;
  format: StoreFormat;
  head: StoreHead;
  parts: Map<PartKey, LoadedPart>;
  /** Cells in column A down to the first empty one (format 1 keeps the whole store there). */
  headRows: number;
  /** Format 1: the whole store as read (every part is known). */
  legacy: Store | null;
  /** Format 1 unreadable: its settings are lost (the caller warns). */
  corrupt: boolean;
}

export interface PendingStore {
  exists: boolean;
  colA: Excel.Range | null;
  parts: Map<PartKey, Excel.Range>;
}

const letter = (col: number) => String.fromCharCode(65 + col);
const columnAddress = (col: number, from: number, to: number) => `${letter(col)}${from}:${letter(col)}${to}`;

/** The `_phuluc` sheet among loaded worksheet items (Excel compares sheet names case-insensitively). */
export function findStoreSheet(items: Excel.Worksheet[]): Excel.Worksheet | undefined {
  const key = sheetNameKey(STORE_SHEET);
  return items.find((ws) => sheetNameKey(ws.name) === key);
}

/** Queue the loads of column A and of `parts`, given the synced sheet list (no sync here). */
export function queueStoreRead(items: Excel.Worksheet[], parts: readonly PartKey[]): PendingStore {
  const sheet = findStoreSheet(items);
  if (!sheet) return { exists: false, colA: null, parts: new Map() };
  const colA = sheet.getRange(columnAddress(0, 1, MAX_STORE_ROWS)).load("values");
  const ranges = new Map<PartKey, Excel.Range>();
  for (const p of new Set(parts)) ranges.set(p, sheet.getRange(columnAddress(PART_COLUMN[p], 1, MAX_STORE_ROWS)).load("values"));
  return { exists: true, colA, parts: ranges };
}

function emptySession(exists: boolean): StoreSession {
  return { exists, format: "none", head: emptyHead(), parts: new Map(), headRows: 0, legacy: null, corrupt: false };
}

const firstColumn = (r: Excel.Range) => r.values.map((row) => row[0]);

/** After the sync: what the store holds (never throws: a damaged part counts as empty and is flagged). */
export function readStore(p: PendingStore): StoreSession {
  if (!p.exists || !p.colA) return emptySession(false);
  return sessionOf(firstColumn(p.colA), new Map([...p.parts].map(([part, range]) => [part, firstColumn(range)])));
}

/** The session from the cells of column A and of the parts' columns. */
function sessionOf(a: unknown[], parts: ReadonlyMap<PartKey, unknown[]>): StoreSession {
  const session = emptySession(true);
  session.headRows = columnChunks(a).length;
  const head = decodeHead(a[0]);
  if (head) {
    session.format = "v2";
    session.head = head;
    for (const [part, cells] of parts) {
      const chunks = columnChunks(cells);
      session.parts.set(part, { chunks, ...decodePart(part, chunks.join("")) });
    }
    return session;
  }
  if (session.headRows === 0) {
    for (const part of parts.keys()) session.parts.set(part, { chunks: [], value: undefined, damaged: false });
    return session;
  }
  const { store, corrupt } = decodeLegacyStore(a);
  session.format = "legacy";
  session.legacy = store;
  session.corrupt = corrupt;
  for (const part of PART_KEYS) session.parts.set(part, { chunks: null, value: partValue(store, part), damaged: false });
  return session;
}

/**
 * Load the sheet list and then the store's `parts`: one sync when the workbook has no `_phuluc`, two when it
 * has. Parts the client remembers are not read when the head says they are unchanged (a third sync reads
 * those another runtime wrote meanwhile).
 */
export async function loadSheetsAndStore(
  ctx: Excel.RequestContext,
  props: string,
  parts: readonly PartKey[],
  client?: StoreClient,
): Promise<{ items: Excel.Worksheet[]; session: StoreSession }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load(props.includes("items/name") ? props : `${SHEET_LIST_PROPS},${props}`);
  await ctx.sync();
  const remembered = parts.filter((p) => client?.has(p));
  const pending = queueStoreRead(
    sheets.items,
    parts.filter((p) => !remembered.includes(p)),
  );
  if (!pending.exists) return { items: sheets.items, session: readStore(pending) };
  let session: StoreSession;
  try {
    await ctx.sync();
    session = readStore(pending);
  } catch (err) {
    if (!isPayloadTooLarge(err)) throw err;
    session = await readStoreInPieces(ctx, sheets.items, parts);
  }
  if (longerThanRead(session)) session = await readStoreInPieces(ctx, sheets.items, parts);
  if (session.format !== "legacy") {
    const stale: PartKey[] = [];
    for (const p of remembered) {
      const c = session.format === "v2" ? client!.cached(p, session.head) : null;
      if (c) session.parts.set(p, c);
      else stale.push(p);
    }
    if (stale.length) await loadParts(ctx, session, stale);
  }
  client?.remember(session);
  return { items: sheets.items, session };
}

/** A store of format 1 that goes on below the rows read (only `readStoreInPieces` reads it all). */
export function longerThanRead(session: StoreSession): boolean {
  return session.format === "legacy" && session.headRows >= MAX_STORE_ROWS;
}

/** Rows of column A per sync when the store is too big for one response. */
const ROWS_PER_PIECE = 40;

/**
 * The store read in pieces, one column (and, in column A, 40 rows) per sync: for a store of format 1 too
 * big for one response (one written by desktop Excel, which has no 5 MB limit), which the next write
 * migrates within the budget. Column A is read down to its first empty cell (at most 5 × MAX_STORE_ROWS rows).
 */
export async function readStoreInPieces(
  ctx: Excel.RequestContext,
  items: Excel.Worksheet[],
  parts: readonly PartKey[],
): Promise<StoreSession> {
  const sheet = findStoreSheet(items);
  if (!sheet) return emptySession(false);
  const a: unknown[] = [];
  for (let top = 1; top <= 5 * MAX_STORE_ROWS; top += ROWS_PER_PIECE) {
    const r = sheet.getRange(columnAddress(0, top, top + ROWS_PER_PIECE - 1)).load("values");
    await ctx.sync();
    const cells = firstColumn(r);
    a.push(...cells);
    if (cells.some((v) => v === "" || v === null)) break;
  }
  const cells = new Map<PartKey, unknown[]>();
  if (decodeHead(a[0]))
    for (const p of parts) {
      const r = sheet.getRange(columnAddress(PART_COLUMN[p], 1, MAX_STORE_ROWS)).load("values");
      await ctx.sync();
      cells.set(p, firstColumn(r));
    }
  return sessionOf(a, cells);
}

/** Read more parts into a session (one sync). */
async function loadParts(ctx: Excel.RequestContext, session: StoreSession, parts: readonly PartKey[]): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(STORE_SHEET);
  const ranges = parts.map((p) => [p, ws.getRange(columnAddress(PART_COLUMN[p], 1, MAX_STORE_ROWS)).load("values")] as const);
  await ctx.sync();
  for (const [p, r] of ranges) {
    const chunks = session.format === "v2" ? columnChunks(firstColumn(r)) : [];
    session.parts.set(p, { chunks, ...decodePart(p, chunks.join("")) });
  }
}

/** A part's value as the session knows it (undefined: empty, damaged, or not read). */
export function sessionValue(session: StoreSession, part: PartKey): unknown {
  return session.parts.get(part)?.value;
}

/** The summary sheets the store records (the session must have read "sheets"). */
export function recordedSheets(session: StoreSession): SummarySheetRecord[] {
  return (sessionValue(session, "sheets") as SummarySheetRecord[] | undefined) ?? [];
}

// ---------------------------------------------------------------------------------------------
// The check before a write, and the verification after it

/** Queue a read of the head (the store must exist). */
export function queueHeadRead(ctx: Excel.RequestContext): Excel.Range {
  return ctx.workbook.worksheets.getItem(STORE_SHEET).getRange("A1").load("values");
}

export function readHead(range: Excel.Range): StoreHead | null {
  return decodeHead(range.values[0]?.[0]);
}

/**
 * After a check: did another runtime write any of `parts` since the session read them (or change the
 * store's format)? The session takes the fresh head, so the write carries the other parts' sizes as they are.
 */
export function changedSince(session: StoreSession, fresh: StoreHead | null, parts: readonly PartKey[]): boolean {
  if (session.format !== "v2") return fresh !== null;
  if (!fresh) return true;
  const moved = parts.some((p) => fresh.parts[p]?.r !== session.head.parts[p]?.r);
  session.head = fresh;
  return moved;
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface StoreWrite {
  rev: number;
  by: string;
}

/** Every part's size as it will be once `changes` are written. */
function sizesAfter(session: StoreSession, changes: ReadonlyMap<PartKey, unknown>): Partial<Record<PartKey, number>> {
  const sizes: Partial<Record<PartKey, number>> = {};
  for (const p of PART_KEYS)
    sizes[p] = changes.has(p)
      ? partBytes(changes.get(p))
      : session.legacy
        ? partBytes(partValue(session.legacy, p))
        : (session.head.parts[p]?.b ?? 0);
  return sizes;
}

/**
 * The changes, plus what the budget drops to make room (the oldest snapshots, then the oldest merge logs).
 * Droppable parts not read yet are read first — with a check of the head in the same sync: null when one
 * of `depends` changed meanwhile (the caller starts again). Throws StoreFullError when nothing droppable
 * is left to drop.
 */
export async function withinBudget(
  ctx: Excel.RequestContext,
  session: StoreSession,
  changes: ReadonlyMap<PartKey, unknown>,
  depends: readonly PartKey[],
): Promise<Map<PartKey, unknown> | null> {
  const sizes = sizesAfter(session, changes);
  const valueOf = (p: PartKey) => (changes.has(p) ? changes.get(p) : sessionValue(session, p));
  let trims: ReturnType<typeof fitBudget>;
  try {
    trims = fitBudget(sizes, valueOf);
  } catch (err) {
    const missing = session.format === "v2" ? PART_KEYS.filter((p) => (sizes[p] ?? 0) > 0 && !changes.has(p) && !session.parts.has(p)) : [];
    if (!missing.length) throw err;
    const head = queueHeadRead(ctx); // rides with the parts' read: the check before the write
    await loadParts(ctx, session, missing);
    if (changedSince(session, readHead(head), depends)) return null;
    trims = fitBudget(sizesAfter(session, changes), valueOf);
  }
  const out = new Map(changes);
  for (const [p, t] of trims) out.set(p, t.value);
  return out;
}

/** The parts a write sends: the changes — and, to migrate a store of format 1, every other part too. */
function partsToWrite(session: StoreSession, changes: ReadonlyMap<PartKey, unknown>): Map<PartKey, unknown> {
  if (!session.legacy) return new Map(changes);
  const all = new Map<PartKey, unknown>();
  for (const p of PART_KEYS) all.set(p, changes.has(p) ? changes.get(p) : partValue(session.legacy, p));
  return all;
}

/** Queue one part's rows that changed (and clear the rows it no longer uses); returns its new chunks. */
async function queuePart(ws: Excel.Worksheet, col: number, value: unknown, old: string[] | null, counter: ByteCounter): Promise<string[]> {
  const chunks = chunkText(partText(value));
  for (let i = 0; i < chunks.length; i++) {
    if (old && old[i] === chunks[i]) continue;
    const range = ws.getRange(`${letter(col)}${i + 1}`);
    range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[chunks[i]]];
    range.untrack();
    counter.add(jsonBytes(chunks[i]) + 2 * OP_BYTES);
    await counter.checkpoint();
  }
  const end = old ? old.length : MAX_STORE_ROWS;
  if (end > chunks.length) {
    ws.getRange(columnAddress(col, chunks.length + 1, end)).clear("Contents" as Excel.ClearApplyTo);
    counter.add(OP_BYTES);
  }
  return chunks;
}

/**
 * Queue the write of `changes` (undefined empties a part): `_phuluc` created very hidden when missing — as
 * the batch's first operation, so that a runtime that loses the race to create it has nothing else applied —
 * the changed rows of each part, then the head. The session is updated to what the store holds after it.
 * The visibility is set only when the sheet is created: setting it again is a structure change, which a
 * workbook with a protected structure refuses although writing the cells of the existing sheet is allowed.
 */
export async function queueStoreWrite(
  ctx: Excel.RequestContext,
  session: StoreSession,
  changes: ReadonlyMap<PartKey, unknown>,
  by: string,
  counter: ByteCounter,
): Promise<StoreWrite> {
  const sheets = ctx.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (session.exists) ws = sheets.getItem(STORE_SHEET);
  else {
    ws = sheets.add(STORE_SHEET);
    ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  }
  const sizes = new Map<PartKey, number>();
  for (const [part, value] of partsToWrite(session, changes)) {
    const known = session.format === "v2" ? (session.parts.get(part)?.chunks ?? null) : session.exists ? null : [];
    const chunks = await queuePart(ws, PART_COLUMN[part], value, known, counter);
    session.parts.set(part, { chunks, value, damaged: false });
    sizes.set(part, partBytes(value));
  }
  const head = nextHead(session.format === "v2" ? session.head : emptyHead(), by, sizes);
  const a1 = ws.getRange("A1");
  a1.numberFormat = [[TEXT_FORMAT]];
  a1.values = [[encodeHead(head)]];
  if (session.headRows > 1) ws.getRange(columnAddress(0, 2, session.headRows)).clear("Contents" as Excel.ClearApplyTo);
  counter.add(jsonBytes(encodeHead(head)) + 3 * OP_BYTES);
  Object.assign(session, { exists: true, format: "v2", head, headRows: 1, legacy: null, corrupt: false });
  return { rev: head.rev, by };
}

/** A counter that syncs once `budget` request bytes are queued (and calls `afterSync` then). */
export function syncingCounter(ctx: Excel.RequestContext, budget = STORE_WRITE_BUDGET, afterSync?: () => void): ByteCounter {
  let queued = 0;
  return {
    add: (n) => void (queued += n),
    checkpoint: async () => {
      if (queued < budget) return;
      await ctx.sync();
      queued = 0;
      afterSync?.();
    },
  };
}

/** After the write's sync: is it still in the store (no other runtime wrote over it)? One sync. */
export async function verifyWrite(ctx: Excel.RequestContext, write: StoreWrite): Promise<boolean> {
  const head = queueHeadRead(ctx);
  await ctx.sync();
  const now = readHead(head);
  return !!now && headKept(now, write.rev, write.by);
}

export type PartsUpdate = (values: ReadonlyMap<PartKey, unknown>) => Map<PartKey, unknown> | null;

/** True when writing `changes` would change nothing the session read. */
function unchanged(session: StoreSession, changes: ReadonlyMap<PartKey, unknown>): boolean {
  if (session.format === "legacy") return false;
  for (const [p, v] of changes) {
    const now = session.parts.get(p);
    if (!now || now.damaged || partText(now.value) !== partText(v)) return false;
  }
  return true;
}

/** Queue, send and verify one write. "retry": another runtime got in between (nothing of ours lost yet). */
async function commit(
  ctx: Excel.RequestContext,
  session: StoreSession,
  changes: ReadonlyMap<PartKey, unknown>,
  parts: readonly PartKey[],
  client: StoreClient,
): Promise<"done" | "retry"> {
  const fitted = await withinBudget(ctx, session, changes, parts);
  if (!fitted) return "retry";
  const created = !session.exists;
  let budget = client.budgetBytes ?? STORE_WRITE_BUDGET;
  for (let split = 0; ; split++) {
    try {
      const after = { ...session, parts: new Map(session.parts) };
      const write = await queueStoreWrite(ctx, after, fitted, client.by(), syncingCounter(ctx, budget));
      await ctx.sync();
      // Creating `_phuluc` is a test and set: a runtime that raced to create it too has failed on its first operation.
      if (!created && !(await verifyWrite(ctx, write))) return "retry";
      client.remember(after);
      return "done";
    } catch (err) {
      // Creating `_phuluc` failed: most likely another runtime created it first (the caller reads it and starts again).
      if (created || !isPayloadTooLarge(err) || split >= 3) throw err;
      budget = Math.floor(budget / 2);
    }
  }
}

/** Whether `_phuluc` exists now: after a failed first write, another runtime may have created it first. */
export async function storeSheetExists(ctx: Excel.RequestContext): Promise<boolean> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  ws.load("name");
  await ctx.sync();
  return !ws.isNullObject;
}

/**
 * Read `parts`, compute their new values with `update` (null: nothing to write), write them and verify;
 * when another runtime wrote in between, read again and apply `update` to what is there now.
 */
export async function updateStore(
  ctx: Excel.RequestContext,
  parts: readonly PartKey[],
  update: PartsUpdate,
  client: StoreClient,
): Promise<void> {
  let createFailed: unknown = null;
  for (let attempt = 0; attempt < MAX_STORE_ATTEMPTS; attempt++) {
    const { session } = await loadSheetsAndStore(ctx, SHEET_LIST_PROPS, parts, client);
    if (!session.exists && createFailed) throw createFailed; // creating it failed and no one else made it: the real reason
    const values = new Map(parts.map((p) => [p, sessionValue(session, p)] as const));
    const changes = update(values);
    if (!changes || unchanged(session, changes)) return;
    try {
      if ((await commit(ctx, session, changes, parts, client)) === "done") return;
    } catch (err) {
      if (session.exists) throw err;
      createFailed = err;
    }
  }
  throw new StoreBusyError();
}
