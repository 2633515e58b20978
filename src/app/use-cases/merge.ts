/**
 * Gộp báo cáo đơn vị: read the units' returns (files), propose what they change in the plan and every
 * conflict (src/core/returned-copies/merge.ts) — in the words of the plan's own status drop-down, holding back a
 * value for a cell that holds a formula — write what was decided into the plan in one batch, keep the
 * merge's log and what the cells held before in `_phuluc` (record "merges"), write the sheet "Nhật ký
 * gộp", and mark the summary sheets made before the merge. The last merge can be undone as a whole. The
 * returns are only read.
 */
import { toA1 } from "../../core/a1";
import { formatViDate } from "../../i18n/format";
import type { Grid } from "../../core/grid";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { SUMMARY_MARKER } from "../../documents/summary/build";
import { AS_OF_ROW } from "../../documents/summary/title";
import { addMerge, mergeWrites, undoableMerge, undoWrites } from "../../core/returned-copies/apply";
import { logLines } from "../../documents/unit-copies/log-lines";
import { parseUnitCopyRecord, UNIT_COPY_KEY } from "../../core/returned-copies/copy-record";
import { decide, decideFromTicks, type Decided } from "../../core/returned-copies/decisions";
import { proposeMerge, type ReturnInput } from "../../core/returned-copies/merge";
import { buildMergeLog } from "../../documents/unit-copies/merge-log";
import {
  MERGES_KEY,
  parseMergesRecord,
  type MergeEntry,
  type MergeProposal,
  type MergesRecord,
} from "../../core/returned-copies/merge-schema";
import { holdFormulaCells } from "../../core/returned-copies/settle";
import { returnsSheetText } from "../../i18n/returns";
import type { InputWorkbook } from "../command";
import type { RunDeps } from "../run-context";
import { loadSnapshots } from "./changes";
import { checkWorkbook } from "./check";
import { identifyGrids } from "../../core/analyze";
import { identityOf } from "../../core/document/identity";

export interface MergeReview {
  proposal: MergeProposal;
  /** The plan as checked (the proposal's cells and values are from it). */
  report: Report;
  settings: Settings;
}

export interface ReviewInput {
  asOf: string;
  settings?: Settings;
  /** A check the door already has (the pane's). */
  checked?: { report: Report; grids: Grid[]; settings: Settings };
}

/** The words of the drop-down on each appendix sheet's Tình trạng column (read at its first task). */
async function statusChoices(port: WorkbookPort, report: Report): Promise<Map<string, string[]>> {
  const cells = report.sheets.flatMap((s) => {
    const col = s.columns?.status;
    const first = col ? report.tasks.find((t) => t.sheet === s.name) : undefined;
    return first ? [{ sheet: s.name, cell: `${col}${first.row}` }] : [];
  });
  const found = cells.length ? await port.readLists(cells) : [];
  return new Map(found.map((f) => [f.sheet, f.list]));
}

/** The plan cells the proposal would write that hold a formula: held back ("ô có công thức"). */
async function holdFormulas(port: WorkbookPort, proposal: MergeProposal): Promise<void> {
  const cells = proposal.changes.filter((c) => c.newColumn === undefined).map((c) => ({ sheet: c.task.sheet, cell: c.cell }));
  if (cells.length) holdFormulaCells(proposal, await port.readFormulas(cells));
}

/** What the returns would change, and the conflicts (nothing is written). */
export async function reviewReturns(
  port: WorkbookPort,
  returns: readonly InputWorkbook[],
  input: ReviewInput,
  deps: RunDeps = {},
): Promise<MergeReview> {
  const checked = input.checked ?? (await checkWorkbook(port, { asOf: input.asOf, settings: input.settings }, deps));
  const { report, grids, settings } = checked;
  const side: ReturnInput[] = [];
  for (const r of returns) {
    deps.cancel?.throwIfCancelled();
    // Each return is read with the plan's settings (its unit list), in the door's steps; no progress of its own.
    const ret = await checkWorkbook(r.port, { asOf: report.asOf, settings }, { ...deps, onProgress: undefined });
    const { record, damaged } = parseUnitCopyRecord(await r.port.loadRecord(UNIT_COPY_KEY));
    side.push({ label: r.label, report: ret.report, grids: ret.grids, record, recordDamaged: damaged });
  }
  const choices = await statusChoices(port, report);
  const proposal = proposeMerge({
    plan: { report, grids },
    returns: side,
    settings,
    asOf: report.asOf,
    statusChoices: choices,
    columnLabels: returnsSheetText.columnLabels,
  });
  await holdFormulas(port, proposal);
  return { proposal, report, settings };
}

export interface MergeApplied {
  /** Changes written by this call (their ids), and cells (new column headers included). */
  applied: number;
  ids: string[];
  cells: number;
  /** Every change of this merge written so far (earlier steps of the pane's review included). */
  written: string[];
  /** Conflicts whose change was not written (or with none to write). */
  unresolved: number;
  /** Of those, the ones still waiting for a decision (the others were decided: not written). */
  waiting: number;
  /** Changes and conflicts still waiting for a decision (ids). */
  undecided: string[];
  logSheet: string;
  /** The merge's number in the record (a later step of the same review continues it). */
  seq: number;
  /** The summary sheets now marked as made before this merge. */
  staleSummaries: string[];
  /** The workbook's earlier merge record could not be read (it was started afresh). */
  recordDamaged: boolean;
}

/** What was decided: by default every change no conflict holds back; a set of ids is the pane's ticks. */
function decidedOf(proposal: MergeProposal, choice: ReadonlySet<string> | Decided | undefined): Decided {
  if (!choice) return decide(proposal);
  return "undecided" in choice ? (choice as Decided) : decideFromTicks(proposal, choice as ReadonlySet<string>);
}

/** The record with this merge: a new entry, or — a later step of the same review — its entry grown. */
function recordWith(record: MergesRecord, entry: Omit<MergeEntry, "seq">, earlier: MergeApplied | undefined): MergesRecord {
  const last = record.merges[record.merges.length - 1];
  if (earlier && last && last.seq === earlier.seq && !last.undone) {
    const grown = { ...entry, undo: [...(last.undo ?? []), ...(entry.undo ?? [])] };
    return addMerge({ ...record, merges: record.merges.slice(0, -1) }, grown).record;
  }
  return addMerge(record, entry).record;
}

/**
 * The as-of line of each summary sheet made before this merge says so (regenerating the summary writes it
 * afresh). Best effort: the merge is written by then, so a sheet that refuses the line (protected) costs
 * only the line.
 */
async function markSummaries(port: WorkbookPort, mergedOn: string): Promise<string[]> {
  try {
    const sheets = (await port.productSheets()).filter((s) => s.marker === SUMMARY_MARKER);
    if (!sheets.length) return [];
    const { book } = await loadSnapshots(port);
    const last = book.snapshots.reduce<(typeof book.snapshots)[number] | null>((a, s) => (!a || s.seq > a.seq ? s : a), null);
    const line = returnsSheetText.summaryStale(last ? formatViDate(last.asOf) : null, formatViDate(mergedOn));
    await port.writeBatch(sheets.map((s) => ({ sheet: s.name, cell: toA1(AS_OF_ROW, 1), value: line })));
    return sheets.map((s) => s.name);
  } catch {
    return [];
  }
}

/**
 * Write what was decided, record the merge, write "Nhật ký gộp", mark the summaries made before it.
 * `earlier`: the result of an earlier step of the same review (the pane writes what is still undecided
 * later): the same merge goes on — one log entry, one undo.
 */
export async function applyMerge(
  port: WorkbookPort,
  review: MergeReview,
  choice?: ReadonlySet<string> | Decided,
  earlier?: MergeApplied,
): Promise<MergeApplied> {
  const { proposal } = review;
  const decided = decidedOf(proposal, choice);
  const { writes, undo, applied } = mergeWrites(proposal, decided.accepted, new Set(earlier?.written ?? []));
  const written = new Set([...(earlier?.written ?? []), ...applied.map((c) => c.id)]);
  const open = proposal.conflicts.filter((k) => !(k.change && written.has(k.change)));
  const unresolved = open.length;
  // Of those, the ones still waiting for a person (the others were decided: not written).
  const waiting = open.filter((k) => decided.undecided.has(k.change ?? k.id)).length;
  const { lines, more } = logLines(proposal, decided, written);
  const entry = {
    on: proposal.asOf,
    files: proposal.files.map((f) => f.label),
    applied: written.size,
    conflicts: waiting,
    undone: false,
    log: lines,
    ...(more ? { truncated: more } : {}),
    undo,
  };
  // The undo data first: a workbook that refuses the record (structure protected) gets no cell changed that
  // could not be put back. (Should the writes then fail, undo finds the cells as they were and leaves them.)
  // Added to the record as it is when written (another runtime may write the store meanwhile).
  let next: MergesRecord = { v: 1, merges: [] };
  let damaged = false;
  await port.updateRecord(MERGES_KEY, (raw) => {
    const parsed = parseMergesRecord(raw);
    damaged = parsed.damaged;
    next = recordWith(parsed.record, entry, earlier);
    return next;
  });
  if (writes.length) await port.writeBatch(writes);
  // The sheet lists this merge as far as the log goes even when the record had to cut it.
  const last = next.merges.length - 1;
  const shown: MergesRecord = {
    ...next,
    merges: next.merges.map((m, i) => (i === last ? { ...m, log: lines, truncated: more || undefined } : m)),
  };
  const logSheet = (await port.writeSummary(buildMergeLog(shown, identityOf(review.report, review.settings).commune))).sheetNames[0];
  const staleSummaries = written.size ? await markSummaries(port, proposal.asOf) : [];
  return {
    applied: applied.length,
    ids: applied.map((c) => c.id),
    cells: writes.length,
    written: [...written],
    unresolved,
    waiting,
    undecided: [...decided.undecided].filter((id) => !written.has(id)),
    logSheet,
    seq: next.merges[last].seq,
    staleSummaries,
    recordDamaged: damaged,
  };
}

export interface MergeState {
  /** The merge undo would reverse (the last one, not undone yet). */
  undoable: { on: string; files: string[]; applied: number } | null;
  merges: number;
}

export async function mergeState(port: WorkbookPort): Promise<MergeState> {
  const { record } = parseMergesRecord(await port.loadRecord(MERGES_KEY));
  const m = undoableMerge(record);
  return { undoable: m && { on: m.on, files: m.files, applied: m.applied }, merges: record.merges.length };
}

export interface UndoResult {
  undone: boolean;
  /** Cells given their value back, and cells left because someone changed them since the merge. */
  cells: number;
  kept: number;
}

/** Undo the last merge as a whole (its log stays, marked undone). */
export async function undoLastMerge(port: WorkbookPort, settings: Settings): Promise<UndoResult> {
  const { record } = parseMergesRecord(await port.loadRecord(MERGES_KEY));
  const entry = undoableMerge(record);
  if (!entry) return { undone: false, cells: 0, kept: 0 };
  const grids = await port.readSheets();
  const { writes, kept } = undoWrites(entry, grids);
  if (writes.length) await port.writeBatch(writes);
  let next: MergesRecord = record;
  await port.updateRecord(MERGES_KEY, (raw) => {
    const now = parseMergesRecord(raw).record;
    next = { ...now, merges: now.merges.map((m) => (m.seq === entry.seq ? { ...m, undone: true, undo: null } : m)) };
    return next;
  });
  await port.writeSummary(buildMergeLog(next, identifyGrids(grids, settings).commune));
  return { undone: true, cells: writes.length, kept };
}
