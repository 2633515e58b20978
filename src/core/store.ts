/**
 * What the product keeps inside the workbook: settings, the names of its own summary sheets, the
 * highlights it made, and its records (summary snapshots, merge logs and undo data, a unit copy's record).
 * Both adapters keep it in one very hidden sheet, `_phuluc`, so the CLI and the add-in read the same data
 * from the same file.
 *
 * Layout (format 2): each part in a column of its own, so a command reads and writes only the parts it
 * needs (reading the settings never reads the snapshots) — PART_COLUMN; a part is the JSON of its value,
 * cut on code points into cells of at most STORE_CHUNK characters from row 1 down to the first empty cell.
 * A1 holds the head: the store's revision, who wrote it last, a short log of the last writes (how a writer
 * finds out that another runtime wrote over it), and each part's revision and size (what the budget,
 * store-budget.ts, counts). Format 1 (before this one: the whole store as one JSON down column A) is still
 * read, and the first write migrates it.
 */
import { z } from "zod";
import type { Grid } from "./grid";
import { SettingsSchema } from "./settings";
import { decodeHighlights, encodeHighlights } from "./store-highlights";
import { utf8Length } from "./text/utf8";
import { jsonNestingWithin } from "./text/json-depth";

export const STORE_SHEET = "_phuluc";
/** Characters per cell (Excel's cell holds 32,767). */
export const STORE_CHUNK = 30000;
export const STORE_FORMAT = 2;

export const PART_KEYS = ["settings", "sheets", "highlights", "snapshots", "merges", "records"] as const;
export type PartKey = (typeof PART_KEYS)[number];
/** Each part's column (0-based; column A, 0, holds the head). */
export const PART_COLUMN: Readonly<Record<PartKey, number>> = {
  settings: 1,
  sheets: 2,
  highlights: 3,
  snapshots: 4,
  merges: 5,
  records: 6,
};
export const STORE_COLUMNS = 7;
/** Rows a reader looks at per column: 6 million characters, twice the store's whole budget. */
export const MAX_STORE_ROWS = 200;
/** Writes the head remembers: a writer whose write is not among them was written over. */
export const HEAD_LOG = 16;

/** The records with a part of their own; any other key goes into the part "records". */
const OWN_PART: Readonly<Record<string, PartKey>> = { snapshots: "snapshots", merges: "merges" };

export function partOfRecord(key: string): PartKey {
  return OWN_PART[key] ?? "records";
}

export const HighlightRecordSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** The fill that was there before (null = no fill), restored by clearHighlights. */
  previousFill: z.string().nullable(),
  /** The fill phuluc put there (to detect a user change since; then it is left alone). */
  appliedFill: z.string(),
});
export type HighlightRecord = z.infer<typeof HighlightRecordSchema>;

export const SummarySheetRecordSchema = z.object({ name: z.string(), key: z.string(), marker: z.string() });
export type SummarySheetRecord = z.infer<typeof SummarySheetRecordSchema>;

/** The whole store in memory (the file adapter holds it whole; Office.js reads it part by part). */
export interface Store {
  version: 1;
  settings?: z.infer<typeof SettingsSchema>;
  /** The product's own summary sheets, recognised by this record (and never by name alone). */
  summarySheets: SummarySheetRecord[];
  highlights: HighlightRecord[];
  /**
   * phuluc's other records, by key (summary snapshots, merge undo data…). Each key's owner module
   * validates its own value, so one damaged record is ignored with a warning and never makes the whole
   * store (the settings) unreadable.
   */
  records: Record<string, unknown>;
}

export function emptyStore(): Store {
  return { version: 1, summarySheets: [], highlights: [], records: {} };
}

// ---------------------------------------------------------------------------------------------
// The head

const PartMetaSchema = z.object({ r: z.number().int().nonnegative(), b: z.number().int().nonnegative() });
export type PartMeta = z.infer<typeof PartMetaSchema>;

const HeadSchema = z.object({
  phuluc: z.literal(STORE_FORMAT),
  rev: z.number().int().nonnegative(),
  by: z.string().max(40),
  log: z.array(z.tuple([z.number().int().nonnegative(), z.string().max(40)])).max(HEAD_LOG),
  parts: z.partialRecord(z.enum(PART_KEYS), PartMetaSchema),
});
export type StoreHead = Omit<z.infer<typeof HeadSchema>, "phuluc">;

export function emptyHead(): StoreHead {
  return { rev: 0, by: "", log: [], parts: {} };
}

export function encodeHead(head: StoreHead): string {
  return JSON.stringify({ phuluc: STORE_FORMAT, ...head });
}

/** The head in A1, or null when A1 holds no head of this format (empty, format 1, or anything else). */
export function decodeHead(cell: unknown): StoreHead | null {
  if (typeof cell !== "string" || !cell.startsWith('{"phuluc":')) return null;
  try {
    const r = HeadSchema.safeParse(JSON.parse(cell));
    if (!r.success) return null;
    const { phuluc: _format, ...head } = r.data;
    return head;
  } catch {
    return null;
  }
}

/** The head after a write of `written` parts (their new sizes) by `by`: one revision more, the write logged. */
export function nextHead(head: StoreHead, by: string, written: ReadonlyMap<PartKey, number>): StoreHead {
  const rev = head.rev + 1;
  const parts = { ...head.parts };
  for (const [part, bytes] of written) parts[part] = { r: rev, b: bytes };
  return { rev, by, log: [...head.log, [rev, by] as [number, string]].slice(-HEAD_LOG), parts };
}

/** Did the store keep a write (its revision and writer are in the head's log)? */
export function headKept(head: StoreHead, rev: number, by: string): boolean {
  return head.log.some(([r, b]) => r === rev && b === by);
}

// ---------------------------------------------------------------------------------------------
// Chunks

/** Cut text into cells of at most `size` UTF-16 units, never inside a surrogate pair. */
export function chunkText(text: string, size = STORE_CHUNK): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The cells of a column from row 1 to the first empty one. */
export function columnChunks(cells: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of cells) {
    if (typeof v !== "string" || v === "") break;
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parts

/** A part's value in a store (undefined: the part is empty). */
export function partValue(store: Store, part: PartKey): unknown {
  switch (part) {
    case "settings":
      return store.settings;
    case "sheets":
      return store.summarySheets.length ? store.summarySheets : undefined;
    case "highlights":
      return store.highlights.length ? encodeHighlights(store.highlights) : undefined;
    case "records": {
      const others = Object.entries(store.records).filter(([k, v]) => partOfRecord(k) === "records" && v !== undefined);
      return others.length ? Object.fromEntries(others) : undefined;
    }
    default:
      return store.records[part];
  }
}

/** The text stored for a part's value ("" for an empty part). */
export function partText(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

export function partBytes(value: unknown): number {
  return utf8Length(partText(value));
}

/** Deeper than anything phuluc stores (settings and records nest a few levels). */
const MAX_STORE_NESTING = 100;

const SheetsPartSchema = z.array(SummarySheetRecordSchema);
const RecordsPartSchema = z.record(z.string(), z.unknown());

/** A part's value from its text; `damaged` when it cannot be read (then it counts as empty). Never throws. */
export function decodePart(part: PartKey, text: string): { value: unknown; damaged: boolean } {
  if (text === "") return { value: undefined, damaged: false };
  // A forged record nested 200,000 deep would overflow the stack of whatever walks it next.
  if (!jsonNestingWithin(text, MAX_STORE_NESTING)) return { value: undefined, damaged: true };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { value: undefined, damaged: true };
  }
  const schema =
    part === "settings" ? SettingsSchema : part === "sheets" ? SheetsPartSchema : part === "records" ? RecordsPartSchema : null;
  if (schema) {
    const r = schema.safeParse(raw);
    return r.success ? { value: r.data, damaged: false } : { value: undefined, damaged: true };
  }
  if (part === "highlights") {
    const records = decodeHighlights(raw);
    return records ? { value: raw, damaged: false } : { value: undefined, damaged: true };
  }
  return { value: raw, damaged: false }; // snapshots, merges: their owner validates them
}

/** The store with one part's value (as decodePart gives it) in place. */
export function withPart(store: Store, part: PartKey, value: unknown): Store {
  switch (part) {
    case "settings":
      return { ...store, settings: value as Store["settings"] };
    case "sheets":
      return { ...store, summarySheets: (value as SummarySheetRecord[] | undefined) ?? [] };
    case "highlights":
      return { ...store, highlights: value === undefined ? [] : (decodeHighlights(value) ?? []) };
    case "records": {
      const kept = Object.entries(store.records).filter(([k]) => partOfRecord(k) !== "records");
      return { ...store, records: { ...Object.fromEntries(kept), ...((value as Record<string, unknown> | undefined) ?? {}) } };
    }
    default: {
      const records = { ...store.records };
      if (value === undefined) delete records[part];
      else records[part] = value;
      return { ...store, records };
    }
  }
}

/** The value of a part after setting one record in it (`value` undefined removes the record). */
export function setRecord(partValueNow: unknown, key: string, value: unknown): unknown {
  if (partOfRecord(key) !== "records") return value;
  const map = { ...((partValueNow as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete map[key];
  else map[key] = value;
  return Object.keys(map).length ? map : undefined;
}

/** One record out of its part's value. */
export function getRecord(partValueNow: unknown, key: string): unknown {
  if (partOfRecord(key) !== "records") return partValueNow;
  return (partValueNow as Record<string, unknown> | undefined)?.[key];
}

// ---------------------------------------------------------------------------------------------
// The whole store (the file adapter, and tests)

export type StoreFormat = "none" | "legacy" | "v2";

export interface DecodedStore {
  store: Store;
  /** The settings (or, in format 1, the whole store) could not be read: defaults are used. */
  corrupt: boolean;
  /** Parts that could not be read (ignored). */
  damaged: PartKey[];
  head: StoreHead;
  format: StoreFormat;
}

/** Format 1: the whole store as JSON down column A. Never throws: corrupt → empty store. */
const LegacySchema = z.object({
  version: z.literal(1),
  settings: SettingsSchema.optional(),
  summarySheets: z.array(SummarySheetRecordSchema).default([]),
  highlights: z.array(HighlightRecordSchema).default([]),
  records: z.record(z.string(), z.unknown()).default({}),
});

export function decodeLegacyStore(chunks: readonly unknown[]): { store: Store; corrupt: boolean } {
  const text = columnChunks(chunks).join("");
  if (!text) return { store: emptyStore(), corrupt: false };
  // A forged record nested 200,000 deep would overflow the stack of whatever walks it next.
  if (!jsonNestingWithin(text, MAX_STORE_NESTING)) return { store: emptyStore(), corrupt: true };
  try {
    const r = LegacySchema.safeParse(JSON.parse(text));
    if (r.success) return { store: r.data, corrupt: false };
  } catch {
    /* fall through */
  }
  return { store: emptyStore(), corrupt: true };
}

/**
 * The store from its sheet's columns (columns[c][r]: column c, row r + 1). Never throws. `parts`: the parts
 * to decode (format 2; the others stay empty) — a reader that needs one part never parses the snapshots.
 */
export function decodeStoreColumns(columns: readonly (readonly unknown[])[], parts: readonly PartKey[] = PART_KEYS): DecodedStore {
  const colA = columns[0] ?? [];
  const head = decodeHead(colA[0]);
  if (!head) {
    const empty = colA[0] === undefined || colA[0] === null || colA[0] === "";
    const legacy = decodeLegacyStore(colA);
    return { ...legacy, damaged: [], head: emptyHead(), format: empty ? "none" : "legacy" };
  }
  let store = emptyStore();
  const damaged: PartKey[] = [];
  for (const part of parts) {
    const { value, damaged: bad } = decodePart(part, columnChunks(columns[PART_COLUMN[part]] ?? []).join(""));
    if (bad) damaged.push(part);
    else store = withPart(store, part, value);
  }
  return { store, corrupt: damaged.includes("settings"), damaged, head, format: "v2" };
}

/** The store as its sheet's columns (format 2): A1 the head, each part down its column. */
export function encodeStoreColumns(store: Store, head: StoreHead): string[][] {
  const columns: string[][] = Array.from({ length: STORE_COLUMNS }, () => []);
  columns[0] = [encodeHead(head)];
  for (const part of PART_KEYS) columns[PART_COLUMN[part]] = chunkText(partText(partValue(store, part)));
  return columns;
}

/** The head for writing a whole store: one revision after `previous`, every part's size. */
export function wholeStoreHead(store: Store, previous: StoreHead, by: string): StoreHead {
  return nextHead(previous, by, new Map(PART_KEYS.map((p) => [p, partBytes(partValue(store, p))])));
}

/** A `_phuluc` sheet's cells as the store's columns (column c from row 1), from its grid. */
export function gridColumns(grid: Pick<Grid, "origin" | "values">): unknown[][] {
  const columns: unknown[][] = Array.from({ length: STORE_COLUMNS }, () => []);
  const top = grid.origin.row - 1;
  const left = grid.origin.col - 1;
  const rows = Array.isArray(grid.values) ? grid.values : [];
  for (let c = 0; c < STORE_COLUMNS; c++) {
    const j = c - left;
    for (let r = 0; r < top + rows.length; r++) {
      const row = rows[r - top];
      columns[c].push(r >= top && j >= 0 && Array.isArray(row) ? (row[j] ?? null) : null);
    }
  }
  return columns;
}
