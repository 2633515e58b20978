/**
 * Summary snapshots: every summary records, in the workbook (`_phuluc`, record "snapshots"), what the
 * plan looked like on its as-of date — per task identity its status, due date, completion date and lead;
 * per indicator its actual and verdict — so a later check can say what changed since (changes.ts).
 *
 * Kept small: the last MAX_SNAPSHOTS, at most MAX_SNAPSHOT_BYTES in all (the oldest go first). Per
 * snapshot, tasks are columns of small numbers (snapshot-codec.ts: ids as steps, sheets and units as
 * indexes into tables, dates as indexes into a table of day numbers). Task texts are kept once for all
 * snapshots (the catalog: the last known sheet, group, STT and first TEXT_CAP characters of each id
 * still referenced), since they rarely change between versions.
 *
 * Each snapshot and each catalog entry is validated on its own: a damaged one is dropped (the caller
 * warns), never a crash, and never the others lost.
 */
import { z } from "zod";
import { utf8Length } from "./text/utf8";
import { addDays, daysBetween, isIsoDate } from "./dates";
import { capText, fullTextHash, idNumber, idOf, identify, matchEntry, storedMatchEntry, type Identified, type KnownTask } from "./identity";
import { STATUS_CATEGORIES, type Report, type StatusCategory } from "./report-schema";
import { decodeColumn, encodeColumn, unzigzag, zigzag } from "./snapshot-codec";

/** The record key in the workbook's store. */
export const SNAPSHOTS_KEY = "snapshots";
export const MAX_SNAPSHOTS = 24;
/** Bound on the whole record as UTF-8 JSON (the store is rewritten on every save; Office.js rejects requests over 5 MB). */
export const MAX_SNAPSHOT_BYTES = 2_000_000;

export interface SnapshotTask {
  id: string;
  sheet: string;
  row: number;
  status: StatusCategory;
  due: string | null;
  done: string | null;
  lead: string | null;
}

export interface SnapshotIndicator {
  sheet: string;
  row: number;
  name: string;
  actual: number | null;
  met: boolean | null;
}

export interface Snapshot {
  /** Order of taking (the highest is the latest taken). */
  seq: number;
  asOf: string;
  planYear: number;
  tasks: SnapshotTask[];
  indicators: SnapshotIndicator[];
}

/** The last known description of a task id (for matching and for showing a removed task). */
export interface CatalogEntry {
  sheet: string;
  group: string | null;
  stt: string;
  /** The first TEXT_CAP characters of the task's text. */
  content: string;
  /** When the text was capped: the hash of the whole folded text. */
  hash?: string;
}

export interface SnapshotBook {
  /** Next free id number. */
  next: number;
  catalog: Map<string, CatalogEntry>;
  /** By seq, ascending. */
  snapshots: Snapshot[];
  /** The stored form of snapshots already encoded (or read), by seq: a new summary encodes only its own. */
  stored?: Map<number, StoredSnapshot>;
}

export function emptyBook(): SnapshotBook {
  return { next: 1, catalog: new Map(), snapshots: [] };
}

// ---------------------------------------------------------------------------------------------
// Stored form

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ID_TEXT = /^[0-9a-z]{1,10}$/;

const StoredSnapshotSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().nonnegative(),
  asOf: isoDate,
  planYear: z.number().int(),
  /** Task count. */
  n: z.number().int().nonnegative(),
  sheets: z.array(z.string()),
  units: z.array(z.string()),
  /** Day numbers (days since 1970-01-01), base 36, comma-separated: the table due/done index into. */
  days: z.string(),
  /** Columns (snapshot-codec): id steps (zigzag), sheet index, row steps (zigzag), status, due, done, lead. */
  id: z.string(),
  sh: z.string(),
  row: z.string(),
  st: z.string(),
  due: z.string(),
  done: z.string(),
  lead: z.string(),
  /** Indicators: [sheet index, row, name, actual, met]. */
  ind: z.array(
    z.tuple([z.number().int().nonnegative(), z.number().int().positive(), z.string(), z.number().nullable(), z.boolean().nullable()]),
  ),
});
export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

/** A catalog entry: [sheet index, group index or -1, STT, text, hash of the whole text when capped]. Checked by hand (thousands of them). */
function storedEntry(v: unknown): [number, number, string, string, string | undefined] | null {
  if (!Array.isArray(v) || (v.length !== 4 && v.length !== 5)) return null;
  const [si, gi, stt, content, hash] = v as unknown[];
  if (!Number.isInteger(si) || (si as number) < 0 || !Number.isInteger(gi) || (gi as number) < -1) return null;
  if (typeof stt !== "string" || typeof content !== "string" || (hash !== undefined && typeof hash !== "string")) return null;
  return [si as number, gi as number, stt, content, hash as string | undefined];
}

const StoredBookSchema = z.object({
  v: z.literal(1),
  next: z.number().int().positive(),
  cat: z.object({ sheets: z.array(z.string()), groups: z.array(z.string()), tasks: z.record(z.string(), z.unknown()) }),
  snaps: z.array(z.unknown()),
});
export type StoredBook = z.infer<typeof StoredBookSchema>;

const EPOCH = "1970-01-01";
const STATUS_INDEX = new Map<StatusCategory, number>(STATUS_CATEGORIES.map((s, i) => [s, i]));

/** A table of distinct values and each value's index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<T, number>();
  of(v: T): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(v, i);
    }
    return i;
  }
}

function encodeSnapshot(s: Snapshot): StoredSnapshot {
  const sheets = new Table<string>();
  const units = new Table<string>();
  const dayList = [...new Set(s.tasks.flatMap((t) => [t.due, t.done]).filter((d): d is string => d !== null))].sort();
  const dayIndex = new Map(dayList.map((d, i) => [d, i]));
  const ids: number[] = [];
  const sh: number[] = [];
  const rows: number[] = [];
  const st: number[] = [];
  const due: (number | null)[] = [];
  const done: (number | null)[] = [];
  const lead: (number | null)[] = [];
  let prevId = 0;
  let prevRow = 0;
  let prevSheet = -1;
  for (const t of s.tasks) {
    const n = idNumber(t.id);
    ids.push(zigzag(n - prevId));
    prevId = n;
    const si = sheets.of(t.sheet);
    sh.push(si);
    if (si !== prevSheet) prevRow = 0;
    prevSheet = si;
    rows.push(zigzag(t.row - prevRow - 1));
    prevRow = t.row;
    st.push(STATUS_INDEX.get(t.status)!);
    due.push(t.due === null ? null : dayIndex.get(t.due)!);
    done.push(t.done === null ? null : dayIndex.get(t.done)!);
    lead.push(t.lead === null ? null : units.of(t.lead));
  }
  const ind = s.indicators.map((i): StoredSnapshot["ind"][number] => [sheets.of(i.sheet), i.row, i.name, i.actual, i.met]);
  return {
    v: 1,
    seq: s.seq,
    asOf: s.asOf,
    planYear: s.planYear,
    n: s.tasks.length,
    sheets: sheets.values,
    units: units.values,
    days: dayList.map((d) => daysBetween(EPOCH, d).toString(36)).join(","),
    id: encodeColumn(ids),
    sh: encodeColumn(sh),
    row: encodeColumn(rows),
    st: encodeColumn(st),
    due: encodeColumn(due),
    done: encodeColumn(done),
    lead: encodeColumn(lead),
    ind,
  };
}

function at<T>(list: readonly T[], i: number | null, what: string): T | null {
  if (i === null) return null;
  if (i < 0 || i >= list.length) throw new Error(`bad ${what} index`);
  return list[i];
}

/** Throws on anything inconsistent (the caller counts the snapshot as damaged). */
function decodeSnapshot(raw: unknown): { snapshot: Snapshot; stored: StoredSnapshot } {
  const s = StoredSnapshotSchema.parse(raw);
  const days = s.days === "" ? [] : s.days.split(",").map((d) => addDays(EPOCH, parseInt(d, 36)));
  if (!days.every(isIsoDate)) throw new Error("bad day");
  const n = s.n;
  const ids = decodeColumn(s.id, n);
  const sh = decodeColumn(s.sh, n);
  const rows = decodeColumn(s.row, n);
  const st = decodeColumn(s.st, n);
  const due = decodeColumn(s.due, n);
  const done = decodeColumn(s.done, n);
  const lead = decodeColumn(s.lead, n);
  const tasks: SnapshotTask[] = [];
  const seen = new Set<number>();
  let id = 0;
  let row = 0;
  let prevSheet = -1;
  for (let i = 0; i < n; i++) {
    if (ids[i] === null || sh[i] === null || rows[i] === null || st[i] === null) throw new Error("missing value");
    id += unzigzag(ids[i]!);
    if (id < 1) throw new Error("bad id");
    if (sh[i] !== prevSheet) row = 0;
    prevSheet = sh[i]!;
    row += unzigzag(rows[i]!) + 1;
    if (row < 1) throw new Error("bad row");
    const status = at(STATUS_CATEGORIES, st[i], "status")!;
    if (seen.has(id)) throw new Error("duplicate id");
    seen.add(id);
    tasks.push({
      id: idOf(id),
      sheet: at(s.sheets, sh[i], "sheet")!,
      row,
      status,
      due: at(days, due[i], "day"),
      done: at(days, done[i], "day"),
      lead: at(s.units, lead[i], "unit"),
    });
  }
  const indicators = s.ind.map(([si, r, name, actual, met]) => ({ sheet: at(s.sheets, si, "sheet")!, row: r, name, actual, met }));
  return { snapshot: { seq: s.seq, asOf: s.asOf, planYear: s.planYear, tasks, indicators }, stored: s };
}

/** What was read: the book, and how many snapshots were dropped as damaged (or the whole record unreadable). */
export interface DecodedBook {
  book: SnapshotBook;
  /** Snapshots that could not be read (and are ignored). */
  damaged: number;
  /** The record itself could not be read (all ignored). */
  corrupt: boolean;
}

/** Read a stored record (anything: it came from a file). Never throws. */
export function decodeBook(raw: unknown): DecodedBook {
  if (raw === undefined || raw === null) return { book: emptyBook(), damaged: 0, corrupt: false };
  const parsed = StoredBookSchema.safeParse(raw);
  if (!parsed.success) return { book: emptyBook(), damaged: 0, corrupt: true };
  const stored = parsed.data;
  const catalog = new Map<string, CatalogEntry>();
  for (const [id, value] of Object.entries(stored.cat.tasks)) {
    const e = storedEntry(value);
    if (!e || !ID_TEXT.test(id)) continue;
    const [si, gi, stt, content, hash] = e;
    const sheet = stored.cat.sheets[si];
    const group = gi === -1 ? null : stored.cat.groups[gi];
    if (sheet === undefined || group === undefined) continue;
    catalog.set(id, hash === undefined ? { sheet, group, stt, content } : { sheet, group, stt, content, hash });
  }
  const snapshots: Snapshot[] = [];
  const cache = new Map<number, StoredSnapshot>();
  let damaged = 0;
  for (const s of stored.snaps) {
    try {
      const { snapshot: snap, stored: form } = decodeSnapshot(s);
      // Every task needs its description; one seq once.
      if (cache.has(snap.seq) || !snap.tasks.every((t) => catalog.has(t.id))) throw new Error("inconsistent");
      cache.set(snap.seq, form);
      snapshots.push(snap);
    } catch {
      damaged++;
    }
  }
  snapshots.sort((a, b) => a.seq - b.seq);
  let next = stored.next;
  for (const id of catalog.keys()) next = Math.max(next, idNumber(id) + 1);
  return { book: { next, catalog, snapshots, stored: cache }, damaged, corrupt: false };
}

/** The record to store (the catalog keeps only ids some snapshot still uses). `cache`: snapshots already encoded, by seq. */
export function encodeBook(book: SnapshotBook, cache: Map<number, StoredSnapshot> | undefined = book.stored): StoredBook {
  const used = new Map<string, number>();
  for (const s of book.snapshots) for (const t of s.tasks) if (!used.has(t.id)) used.set(t.id, idNumber(t.id));
  const sheets = new Table<string>();
  const groups = new Table<string>();
  const tasks: Record<string, unknown> = {};
  const ids = [...used.keys()].sort((a, b) => used.get(a)! - used.get(b)!);
  for (const id of ids) {
    const e = book.catalog.get(id);
    if (!e) continue;
    const entry: (string | number)[] = [sheets.of(e.sheet), e.group === null ? -1 : groups.of(e.group), e.stt, e.content];
    if (e.hash) entry.push(e.hash);
    tasks[id] = entry;
  }
  return {
    v: 1,
    next: book.next,
    cat: { sheets: sheets.values, groups: groups.values, tasks },
    snaps: book.snapshots.map((s) => {
      let e = cache?.get(s.seq);
      if (!e) {
        e = encodeSnapshot(s);
        cache?.set(s.seq, e);
      }
      return e;
    }),
  };
}

/** UTF-8 bytes of each stored snapshot's JSON (they do not change once encoded). */
const SNAPSHOT_BYTES = new WeakMap<object, number>();

/**
 * Bytes of the stored record as UTF-8 JSON (what the bound is about): exactly those of
 * JSON.stringify(stored), each snapshot's part measured once.
 */
export function storedBytes(stored: StoredBook): number {
  const { snaps, ...head } = stored;
  // `{…head…,"snaps":[` + snapshots joined by "," + `]}`
  let n = utf8Length(JSON.stringify(head)) - 1 + ',"snaps":['.length + Math.max(0, snaps.length - 1) + "]}".length;
  for (const s of snaps) {
    let b = typeof s === "object" && s !== null ? SNAPSHOT_BYTES.get(s) : undefined;
    if (b === undefined) {
      b = utf8Length(JSON.stringify(s));
      if (typeof s === "object" && s !== null) SNAPSHOT_BYTES.set(s, b);
    }
    n += b;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Identity against the book

/** The tasks a book knows: the latest snapshot's (with lead and due), and those only older ones still have. */
export function knownTasks(book: SnapshotBook): { previous: KnownTask[]; older: KnownTask[] } {
  const latest = latestTaken(book);
  const previous: KnownTask[] = [];
  const inLatest = new Set<string>();
  for (const t of latest?.tasks ?? []) {
    const e = book.catalog.get(t.id);
    if (!e) continue;
    inLatest.add(t.id);
    previous.push({ id: t.id, entry: storedMatchEntry(e, { lead: t.lead, due: t.due }) });
  }
  // Older: the last state each id had in the snapshot that saw it last.
  const lastSeen = new Map<string, SnapshotTask>();
  for (const s of book.snapshots) for (const t of s.tasks) if (!inLatest.has(t.id)) lastSeen.set(t.id, t);
  const older: KnownTask[] = [];
  for (const [id, t] of [...lastSeen].sort((a, b) => idNumber(a[0]) - idNumber(b[0]))) {
    const e = book.catalog.get(id);
    if (e) older.push({ id, entry: storedMatchEntry(e, { lead: t.lead, due: t.due }) });
  }
  return { previous, older };
}

/** The ids of a report's tasks against a book (carried from the latest snapshot, else older ones, else new). */
export function identifyReport(report: Pick<Report, "tasks">, book: SnapshotBook): Identified {
  const { previous, older } = knownTasks(book);
  const current = report.tasks.map((t) => matchEntry({ ...t, due: t.deadline.due }));
  return identify(current, previous, older, book.next);
}

/** The snapshot taken last (highest seq), or null. */
export function latestTaken(book: SnapshotBook): Snapshot | null {
  return book.snapshots.length ? book.snapshots[book.snapshots.length - 1] : null;
}

/** The default snapshot to compare with: the latest whose as-of date is before `asOf` (the last taken among equals). */
export function defaultBaseline(book: SnapshotBook, asOf: string): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of book.snapshots)
    if (s.asOf < asOf && (!best || s.asOf > best.asOf || (s.asOf === best.asOf && s.seq > best.seq))) best = s;
  return best;
}

/** The snapshot of a report (its tasks under `ids`), and its tasks' catalog entries. */
export function takeSnapshot(
  report: Report,
  ids: readonly string[],
  seq: number,
): { snapshot: Snapshot; entries: Map<string, CatalogEntry> } {
  const entries = new Map<string, CatalogEntry>();
  const tasks: SnapshotTask[] = report.tasks.map((t, i) => {
    const { text, cut } = capText(t.content);
    entries.set(
      ids[i],
      cut
        ? { sheet: t.sheet, group: t.group, stt: t.stt, content: text, hash: fullTextHash(t.content) }
        : { sheet: t.sheet, group: t.group, stt: t.stt, content: text },
    );
    return { id: ids[i], sheet: t.sheet, row: t.row, status: t.status, due: t.deadline.due, done: t.doneDate, lead: t.lead };
  });
  const indicators = report.indicators.map((i) => ({ sheet: i.sheet, row: i.row, name: i.name, actual: i.actual, met: i.met }));
  return { snapshot: { seq, asOf: report.asOf, planYear: report.planYear, tasks, indicators }, entries };
}

export interface AddedSnapshot {
  book: SnapshotBook;
  stored: StoredBook;
  bytes: number;
  /** Earlier snapshots dropped (replaced, beyond MAX_SNAPSHOTS, or to fit the bound). */
  dropped: number;
  /** The new snapshot alone exceeds the bound (a plan of many thousand tasks): not recorded, the book unchanged. */
  tooBig?: true;
}

/**
 * The book with a new snapshot: one of the same as-of date is replaced; the last MAX_SNAPSHOTS taken
 * are kept, then the oldest taken go until the record fits `maxBytes`. When even the new one alone does
 * not fit, it is not recorded and the book stays as it was (`tooBig`).
 */
export function addSnapshot(
  book: SnapshotBook,
  report: Report,
  identified: Pick<Identified, "ids" | "next">,
  maxBytes = MAX_SNAPSHOT_BYTES,
): AddedSnapshot {
  const seq = book.snapshots.reduce((m, s) => Math.max(m, s.seq + 1), 0);
  const { snapshot, entries } = takeSnapshot(report, identified.ids, seq);
  const catalog = new Map(book.catalog);
  for (const [id, e] of entries) catalog.set(id, e);
  let snapshots = [...book.snapshots.filter((s) => s.asOf !== report.asOf), snapshot].sort((a, b) => a.seq - b.seq);
  let dropped = book.snapshots.length + 1 - snapshots.length;
  while (snapshots.length > MAX_SNAPSHOTS) {
    snapshots = snapshots.slice(1);
    dropped++;
  }
  const cache = new Map<number, StoredSnapshot>(book.stored ?? []);
  const trimmed = trimBook({ next: Math.max(book.next, identified.next), catalog, snapshots, stored: cache }, maxBytes, 1);
  if (trimmed.bytes > maxBytes) {
    const unchanged = encodeBook(book);
    return { book, stored: unchanged, bytes: storedBytes(unchanged), dropped: 0, tooBig: true };
  }
  return { ...trimmed, dropped: dropped + trimmed.dropped };
}

export interface TrimmedBook {
  book: SnapshotBook;
  stored: StoredBook;
  bytes: number;
  /** Snapshots dropped, the oldest taken first. */
  dropped: number;
}

/**
 * The book within `maxBytes`: the oldest snapshots taken go first, down to `keep` of them (the store's
 * budget, store-budget.ts, may drop them all). The catalog then keeps only the ids still used.
 */
export function trimBook(book: SnapshotBook, maxBytes: number, keep = 0): TrimmedBook {
  const cache = book.stored ?? new Map<number, StoredSnapshot>();
  let next = book;
  let stored = encodeBook(next, cache);
  let bytes = storedBytes(stored);
  let dropped = 0;
  while (bytes > maxBytes && next.snapshots.length > keep) {
    next = { ...next, snapshots: next.snapshots.slice(1) };
    dropped++;
    stored = encodeBook(next, cache);
    bytes = storedBytes(stored);
  }
  // The catalog and the cache in memory match what is stored.
  const used = new Set<string>();
  for (const s of next.snapshots) for (const t of s.tasks) used.add(t.id);
  const kept = new Set(next.snapshots.map((s) => s.seq));
  next = {
    ...next,
    catalog: new Map([...next.catalog].filter(([id]) => used.has(id))),
    stored: new Map([...cache].filter(([seq]) => kept.has(seq))),
  };
  return { book: next, stored, bytes, dropped };
}
