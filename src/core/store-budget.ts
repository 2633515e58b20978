/**
 * The store's budget, and the one owner of what is dropped when it is full. Excel on the web refuses any
 * request or response over 5 MB; the store stays within STORE_BUDGET_BYTES in all (UTF-8 of every part's
 * JSON), so that even the heaviest exchange that carries it — a summary's snapshots, a merge's record, or
 * every part at once when the budget is enforced — stays well under the limit.
 *
 * When a write would take the store over the budget, what goes first is DROP_ORDER: the oldest summary
 * snapshots, then the oldest merges' logs (the last merge's undo data last of all). Settings, the summary
 * sheets' names, the highlights and the other records are never dropped: a write they alone would take
 * over the budget is refused (StoreFullError), and nothing is written.
 */
import { countWithin, jsonBytes } from "./text/utf8";
import { decodeBook, trimBook } from "./snapshot";
import { parseMergesRecord, type MergeEntry, type MergesRecord } from "./returned-copies/merge-schema";
import { PART_KEYS, partBytes, type PartKey } from "./store";

/**
 * The whole store's budget: 24 summaries of a 5,000-task plan (1.7 MB), a merge of 4,000 cells with its log
 * and undo data (1.3 MB) and 15,000 scattered highlights (0.1 MB) fit; JSON in cells travels escaped
 * (about +10%), so the store read whole is still under 3.6 MB of the 5 MB limit.
 */
export const STORE_BUDGET_BYTES = 3_200_000;

/** What goes first when the store is over its budget. */
export const DROP_ORDER: readonly PartKey[] = ["snapshots", "merges"];

export class StoreFullError extends Error {
  constructor(readonly bytes: number) {
    super(`the store would hold ${bytes} bytes`);
    this.name = "StoreFullError";
  }
}

/** Snapshots within `maxBytes`, the oldest taken dropped first (undefined: none left). */
function trimSnapshots(raw: unknown, maxBytes: number): unknown {
  const { book, corrupt } = decodeBook(raw);
  if (corrupt) return undefined;
  const trimmed = trimBook(book, maxBytes);
  return trimmed.book.snapshots.length ? trimmed.stored : undefined;
}

/** The last merge's log cut to fit (its undo data dropped when even that is not enough). */
function cutLastMerge(last: MergeEntry, maxBytes: number): MergesRecord | undefined {
  const keep = countWithin(last.log, maxBytes - jsonBytes({ v: 1, merges: [{ ...last, log: [] }] }));
  const cut: MergesRecord = {
    v: 1,
    merges: [{ ...last, log: last.log.slice(0, keep), truncated: (last.truncated ?? 0) + last.log.length - keep }],
  };
  if (jsonBytes(cut) <= maxBytes) return cut;
  const noUndo: MergesRecord = {
    v: 1,
    merges: [{ ...cut.merges[0], log: [], truncated: (last.truncated ?? 0) + last.log.length, undo: null }],
  };
  return jsonBytes(noUndo) <= maxBytes ? noUndo : undefined;
}

/** Merges within `maxBytes`: the oldest merges (their logs) first, then the last one's log, then its undo data. */
function trimMerges(raw: unknown, maxBytes: number): unknown {
  const { record, damaged } = parseMergesRecord(raw);
  if (damaged) return undefined;
  let merges = record.merges;
  while (merges.length > 1 && jsonBytes({ v: 1, merges }) > maxBytes) merges = merges.slice(1);
  if (!merges.length) return undefined;
  if (jsonBytes({ v: 1, merges }) <= maxBytes) return { v: 1, merges };
  return cutLastMerge(merges[merges.length - 1], maxBytes);
}

const TRIM: Readonly<Partial<Record<PartKey, (raw: unknown, maxBytes: number) => unknown>>> = {
  snapshots: trimSnapshots,
  merges: trimMerges,
};

/** Bytes in all, from each part's size (`sizes`: parts not listed weigh nothing). */
export function storeBytes(sizes: Partial<Record<PartKey, number>>): number {
  return PART_KEYS.reduce((n, p) => n + (sizes[p] ?? 0), 0);
}

/**
 * What must change for a store of these part sizes to fit the budget: the parts of DROP_ORDER trimmed, in
 * that order, each only as much as needed. `valueOf` gives a droppable part's current value (asked only
 * for those that must shrink). Returns the parts to write with their new values and sizes; throws
 * StoreFullError when even dropping all of them is not enough.
 */
export function fitBudget(
  sizes: Partial<Record<PartKey, number>>,
  valueOf: (part: PartKey) => unknown,
  budget = STORE_BUDGET_BYTES,
): Map<PartKey, { value: unknown; bytes: number }> {
  const out = new Map<PartKey, { value: unknown; bytes: number }>();
  let excess = storeBytes(sizes) - budget;
  for (const part of DROP_ORDER) {
    if (excess <= 0) break;
    const now = sizes[part] ?? 0;
    if (!now) continue;
    const value = TRIM[part]!(valueOf(part), Math.max(0, now - excess));
    const bytes = partBytes(value);
    out.set(part, { value, bytes });
    excess -= now - bytes;
  }
  if (excess > 0) throw new StoreFullError(excess + budget);
  return out;
}
