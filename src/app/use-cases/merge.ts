/**
 * Gộp báo cáo đơn vị: read the units' returns (files), propose what they change in the plan and every
 * conflict (src/core/returns/merge.ts), write the accepted changes into the plan in one batch, keep the
 * merge's log and what the cells held before in `_phuluc` (record "merges"), and write the sheet
 * "Nhật ký gộp". The last merge can be undone as a whole. The returns are only read.
 */
import type { Grid } from "../../core/grid";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { addMerge, defaultAccepted, logLines, mergeWrites, undoableMerge, undoWrites } from "../../core/returns/apply";
import { parseUnitCopyRecord, UNIT_COPY_KEY } from "../../core/returns/copy-record";
import { proposeMerge, type ReturnInput } from "../../core/returns/merge";
import { buildMergeLog } from "../../core/returns/merge-log";
import { MERGES_KEY, parseMergesRecord, type MergeProposal, type MergesRecord } from "../../core/returns/merge-schema";
import type { InputWorkbook } from "../command";
import type { RunDeps } from "../run-context";
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
  const proposal = proposeMerge({ plan: { report, grids }, returns: side, settings, asOf: report.asOf });
  return { proposal, report, settings };
}

export interface MergeApplied {
  /** Changes written (their ids), and cells (new column headers included). */
  applied: number;
  ids: string[];
  cells: number;
  /** Conflicts left (not resolved by choosing one of their changes). */
  unresolved: number;
  logSheet: string;
  /** The workbook's earlier merge record could not be read (it was started afresh). */
  recordDamaged: boolean;
}

/** Write the accepted changes, record the merge, write "Nhật ký gộp". */
export async function applyMerge(
  port: WorkbookPort,
  review: MergeReview,
  accepted: ReadonlySet<string> = defaultAccepted(review.proposal),
): Promise<MergeApplied> {
  const { proposal } = review;
  const { writes, undo, applied } = mergeWrites(proposal, accepted);
  const taken = new Set(applied.map((c) => c.id));
  const unresolved = proposal.conflicts.filter((k) => !(k.change && taken.has(k.change))).length;
  const lines = logLines(proposal, taken);
  const entry = {
    on: proposal.asOf,
    files: proposal.files.map((f) => f.label),
    applied: applied.length,
    conflicts: unresolved,
    undone: false,
    log: lines,
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
    next = addMerge(parsed.record, entry).record;
    return next;
  });
  if (writes.length) await port.writeBatch(writes);
  // The sheet lists this merge in full even when the record had to cut its log.
  const last = next.merges.length - 1;
  const shown: MergesRecord = { ...next, merges: next.merges.map((m, i) => (i === last ? { ...m, log: lines, truncated: undefined } : m)) };
  const written = await port.writeSummary(buildMergeLog(shown, identityOf(review.report, review.settings).commune));
  return {
    applied: applied.length,
    ids: applied.map((c) => c.id),
    cells: writes.length,
    unresolved,
    logSheet: written.sheetNames[0],
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
