/**
 * What the product keeps inside the workbook (settings, the names of its own summary sheets, the
 * highlights it made). Both adapters keep it in one very hidden sheet, so the CLI and the add-in read
 * the same data from the same file. JSON, split into chunks that fit an Excel cell (column A, rows 1..n).
 */
import { z } from "zod";
import { SettingsSchema } from "./settings";
import { jsonNestingWithin } from "./text/json-depth";

export const STORE_SHEET = "_phuluc";
export const STORE_CHUNK = 30000;

export const HighlightRecordSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  /** The fill that was there before (null = no fill), restored by clearHighlights. */
  previousFill: z.string().nullable(),
  /** The fill phuluc put there (to detect a user change since; then it is left alone). */
  appliedFill: z.string(),
});
export type HighlightRecord = z.infer<typeof HighlightRecordSchema>;

export const StoreSchema = z.object({
  version: z.literal(1),
  settings: SettingsSchema.optional(),
  /** The product's own summary sheets, recognised by this record (and never by name alone). */
  summarySheets: z.array(z.object({ name: z.string(), key: z.string(), marker: z.string() })).default([]),
  highlights: z.array(HighlightRecordSchema).default([]),
  /**
   * phuluc's other records, by key (summary snapshots, merge undo data…). Each key's owner module
   * validates its own value, so one damaged record is ignored with a warning and never makes the whole
   * store (the settings) unreadable.
   */
  records: z.record(z.string(), z.unknown()).default({}),
});
export type Store = z.infer<typeof StoreSchema>;

export function emptyStore(): Store {
  return { version: 1, summarySheets: [], highlights: [], records: {} };
}

export function encodeStore(store: Store): string[] {
  const json = JSON.stringify(store);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += STORE_CHUNK) chunks.push(json.slice(i, i + STORE_CHUNK));
  return chunks.length ? chunks : ["{}"];
}

/** Deeper than anything phuluc stores (settings and records nest a few levels). */
const MAX_STORE_NESTING = 100;

/** Never throws: corrupt data → empty store and corrupt = true. */
export function decodeStore(chunks: unknown[]): { store: Store; corrupt: boolean } {
  const text = chunks.filter((c) => typeof c === "string").join("");
  if (!text) return { store: emptyStore(), corrupt: false };
  // A forged record nested 200,000 deep would overflow the stack of whatever walks it next.
  if (!jsonNestingWithin(text, MAX_STORE_NESTING)) return { store: emptyStore(), corrupt: true };
  try {
    const r = StoreSchema.safeParse(JSON.parse(text));
    if (r.success) return { store: r.data, corrupt: false };
  } catch {
    /* fall through */
  }
  return { store: emptyStore(), corrupt: true };
}
