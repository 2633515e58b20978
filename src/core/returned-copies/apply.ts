/**
 * From a proposal and the changes the user accepted to what is written (the cells, the headers of new
 * columns), what undo needs (each cell's value before), and the record kept in
 * the workbook (bounded: the last MAX_MERGES merges within MAX_MERGES_BYTES, undo data for the last only).
 * Undo puts back the previous values of the cells the merge wrote that still hold what it wrote (a cell
 * someone edited since is left alone, and counted). Pure.
 */
import { fromA1 } from "../a1";
import { isDateFormat, serialToIso } from "../dates";
import { cellAt, type Grid } from "../grid";
import type { CellWrite } from "../port";
import { nfc } from "../text/fold";
import { countWithin, jsonBytes } from "../text/utf8";
import {
  MAX_MERGES,
  MAX_MERGES_BYTES,
  type MergeEntry,
  type MergeProposal,
  type MergesRecord,
  type ProposedChange,
  type UndoWrite,
} from "./merge-schema";

/** The Text number format: what a cell formatted so holds is text, never parsed. */
const TEXT_FORMAT = "@";

/** The changes accepted by default: those no conflict holds back. */
export function defaultAccepted(proposal: MergeProposal): Set<string> {
  return new Set(proposal.changes.filter((c) => c.conflicts.length === 0).map((c) => c.id));
}

export interface MergeWrites {
  writes: CellWrite[];
  undo: UndoWrite[];
  applied: ProposedChange[];
}

const cellKey = (c: ProposedChange) => `${c.task.sheet}\u0000${c.cell}`;

/** The header of a new column: its name in the top cell, each header cell given the look of its neighbour's. */
function headerWrites(proposal: MergeProposal, columns: Iterable<number>, out: MergeWrites): void {
  for (const i of [...columns].sort((a, b) => a - b)) {
    const n = proposal.newColumns[i];
    n.headerStyle.forEach((h, k) => out.writes.push({ sheet: n.sheet, cell: h.cell, value: k === 0 ? n.label : null, styleFrom: h.from }));
    if (!n.headerStyle.length) out.writes.push({ sheet: n.sheet, cell: n.headerCell, value: n.label });
    out.undo.push({ s: n.sheet, c: n.headerCell, b: null, f: null, a: n.label });
  }
}

/**
 * The cells to write for the accepted changes (at most one per cell: the first accepted wins), new column
 * headers first. `earlier`: changes an earlier step of the same merge wrote (the pane writes a review in
 * steps) — their cells and column headers are not written again.
 */
export function mergeWrites(proposal: MergeProposal, accepted: ReadonlySet<string>, earlier: ReadonlySet<string> = new Set()): MergeWrites {
  const out: MergeWrites = { writes: [], undo: [], applied: [] };
  const seen = new Set<string>();
  const columnsDone = new Set<number>();
  for (const c of proposal.changes)
    if (earlier.has(c.id)) {
      seen.add(cellKey(c));
      if (c.newColumn !== undefined) columnsDone.add(c.newColumn);
    }
  for (const c of proposal.changes) {
    if (!accepted.has(c.id) || earlier.has(c.id) || seen.has(cellKey(c))) continue;
    seen.add(cellKey(c));
    out.applied.push(c);
  }
  const columns = new Set(out.applied.flatMap((c) => (c.newColumn === undefined || columnsDone.has(c.newColumn) ? [] : [c.newColumn])));
  headerWrites(proposal, columns, out);
  for (const c of out.applied) {
    // Text into a cell formatted as Text says so: the adapter then writes it as it is (a quote prefix,
    // which keeps text from being read as a formula elsewhere, would stay visible there: "'- Đã triển khai").
    const format = c.numberFormat ?? (typeof c.write === "string" && c.previous.format === TEXT_FORMAT ? TEXT_FORMAT : undefined);
    out.writes.push({ sheet: c.task.sheet, cell: c.cell, value: c.write, ...(format ? { numberFormat: format } : {}) });
    out.undo.push({
      s: c.task.sheet,
      c: c.cell,
      b: c.previous.value,
      f: c.previous.format,
      a: c.write,
      ...(c.numberFormat ? { n: 1 as const } : {}),
      ...(c.previous.formula !== undefined ? { x: c.previous.formula } : {}),
    });
  }
  return out;
}

/** The record with one more merge (the earlier merges lose their undo data; the oldest go first beyond the bounds). */
export function addMerge(record: MergesRecord, entry: Omit<MergeEntry, "seq">): { record: MergesRecord; entry: MergeEntry } {
  const seq = record.merges.reduce((m, e) => Math.max(m, e.seq), 0) + 1;
  const added: MergeEntry = { ...entry, seq };
  let merges = [...record.merges.map((e) => ({ ...e, undo: null })), added].slice(-MAX_MERGES);
  let next: MergesRecord = { v: 1, merges };
  while (jsonBytes(next) > MAX_MERGES_BYTES && merges.length > 1) {
    merges = merges.slice(1);
    next = { v: 1, merges };
  }
  if (jsonBytes(next) > MAX_MERGES_BYTES) {
    // One merge alone is too big: its log is cut (the sheet written now still lists everything), then its undo data.
    const keep = countWithin(added.log, MAX_MERGES_BYTES - jsonBytes({ ...added, log: [] }));
    const cut: MergeEntry = { ...added, log: added.log.slice(0, keep), truncated: added.log.length - keep };
    next = { v: 1, merges: [cut] };
    if (jsonBytes(next) > MAX_MERGES_BYTES) next = { v: 1, merges: [{ ...cut, undo: null }] };
  }
  return { record: next, entry: next.merges[next.merges.length - 1] };
}

/** The merge undo would reverse: the last one, when not undone and its undo data is kept. */
export function undoableMerge(record: MergesRecord): MergeEntry | null {
  const last = record.merges[record.merges.length - 1];
  return last && !last.undone && last.undo ? last : null;
}

/** Does the cell still hold what the merge wrote? */
function stillWritten(grids: ReadonlyMap<string, Grid>, w: UndoWrite): boolean {
  const grid = grids.get(w.s);
  const at = fromA1(w.c);
  if (!grid || !at) return false;
  const v = cellAt(grid, at.row, at.col);
  const a = w.a;
  if (a !== null && typeof a === "object") return typeof v === "number" && serialToIso(v) === a.date;
  if (a === null) return v === null || v === "";
  if (typeof a === "string") return typeof v === "string" ? nfc(v).trim() === nfc(a).trim() : String(v ?? "") === a.trim();
  return v === a;
}

/** What undo writes (the cells that still hold the merge's values), and how many cells were edited since and are left. */
export function undoWrites(entry: MergeEntry, grids: readonly Grid[]): { writes: CellWrite[]; kept: number } {
  const bySheet = new Map(grids.map((g) => [g.name, g]));
  const writes: CellWrite[] = [];
  let kept = 0;
  // Newest first, so a cell written twice gets its first value back.
  for (const w of [...(entry.undo ?? [])].reverse()) {
    if (!stillWritten(bySheet, w)) {
      kept++;
      continue;
    }
    // A date goes back as a date (the grid held a 1900-system serial; a raw number in a 1904-system
    // workbook would land 1,462 days off); text into a Text cell says so, as the merge's own writes do.
    const iso = typeof w.b === "number" && Number.isInteger(w.b) && isDateFormat(w.f) ? serialToIso(w.b) : null;
    const format = w.n ? (w.f ?? "General") : typeof w.b === "string" && w.f === TEXT_FORMAT ? TEXT_FORMAT : undefined;
    writes.push({
      sheet: w.s,
      cell: w.c,
      value: iso ? { date: iso } : w.b,
      ...(format ? { numberFormat: format } : {}),
      // A formula goes back as a formula (with the value it showed, for a file's cached value).
      ...(w.x !== undefined && w.x.startsWith("=") ? { formula: w.x } : {}),
    });
  }
  return { writes, kept };
}
