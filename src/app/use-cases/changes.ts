/**
 * What changed since an earlier version: a summary snapshot kept in the workbook (`_phuluc`), or another
 * version of the file. The summary records its snapshot here too (summarize.ts), so the pane, the ribbon
 * and the CLI all keep the same history.
 */
import { changesBetween, computeChanges } from "../../core/changes";
import type { Changes } from "../../core/changes-schema";
import { formatViDate } from "../../i18n/format";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import {
  addSnapshot,
  decodeBook,
  type AddedSnapshot,
  defaultBaseline,
  identifyReport,
  SNAPSHOTS_KEY,
  type Snapshot,
  type SnapshotBook,
} from "../../core/snapshot";
import type { Identified } from "../../core/identity";
import { checkWorkbook } from "./check";
import type { RunDeps } from "../run-context";
import type { SinceRequest } from "../command";

/** A snapshot as a door lists it. */
export interface SnapshotInfo {
  seq: number;
  asOf: string;
  tasks: number;
}

/** Snapshots that could not be read: some of them, or the whole record. They are ignored. */
export type SnapshotWarning = { kind: "damaged"; count: number } | { kind: "corrupt" };

export interface LoadedSnapshots {
  book: SnapshotBook;
  warning: SnapshotWarning | null;
}

/** The workbook's snapshots (damaged ones dropped, with a warning; never throws on their content). */
export async function loadSnapshots(port: WorkbookPort): Promise<LoadedSnapshots> {
  const { book, damaged, corrupt } = decodeBook(await port.loadRecord(SNAPSHOTS_KEY));
  return { book, warning: corrupt ? { kind: "corrupt" } : damaged ? { kind: "damaged", count: damaged } : null };
}

/** Newest as-of first (the last taken first among equal dates). */
export function listSnapshots(book: SnapshotBook): SnapshotInfo[] {
  return [...book.snapshots]
    .sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : b.seq - a.seq))
    .map((s) => ({ seq: s.seq, asOf: s.asOf, tasks: s.tasks.length }));
}

/** Which snapshot to compare with: by seq, by as-of date (the last taken that day), or the default. */
export interface SnapshotChoice {
  seq?: number;
  asOf?: string;
}

export function chooseBaseline(book: SnapshotBook, asOf: string, choice: SnapshotChoice = {}): Snapshot | null {
  if (choice.seq !== undefined) return book.snapshots.find((s) => s.seq === choice.seq) ?? null;
  if (choice.asOf !== undefined) {
    const same = book.snapshots.filter((s) => s.asOf === choice.asOf);
    return same.length ? same[same.length - 1] : null;
  }
  return defaultBaseline(book, asOf);
}

function snapshotSince(s: Snapshot): Changes["since"] {
  return { source: "snapshot", asOf: s.asOf, label: formatViDate(s.asOf) };
}

/** The changes of a report against one snapshot of a book (ids by the identity rule). */
export function changesAgainst(
  book: SnapshotBook,
  report: Report,
  baseline: Snapshot,
  identified: Identified = identifyReport(report, book),
): Changes {
  return computeChanges({ report, ids: identified.ids, baseline, catalog: book.catalog, since: snapshotSince(baseline) });
}

export interface ChangesSinceSnapshot {
  snapshots: SnapshotInfo[];
  /** The snapshot compared with (null: none chosen, none before the as-of date, or the chosen one is gone). */
  baseline: SnapshotInfo | null;
  changes: Changes | null;
  warning: SnapshotWarning | null;
}

/** Changes since a snapshot in the workbook (default: the latest before the report's as-of date). */
export async function changesSinceSnapshot(port: WorkbookPort, report: Report, choice: SnapshotChoice = {}): Promise<ChangesSinceSnapshot> {
  const { book, warning } = await loadSnapshots(port);
  const baseline = chooseBaseline(book, report.asOf, choice);
  return {
    snapshots: listSnapshots(book),
    baseline: baseline && { seq: baseline.seq, asOf: baseline.asOf, tasks: baseline.tasks.length },
    changes: baseline ? changesAgainst(book, report, baseline) : null,
    warning,
  };
}

/**
 * Changes since another version of the workbook (`phuluc check FILE --since OLD.xlsx`), analysed with its
 * own settings. Its as-of date: the as-of of its own last summary snapshot (not after the report's), else
 * the report's — then only what people changed in the file counts, not time passing.
 */
export async function changesSinceFile(report: Report, old: WorkbookPort, label: string, deps: RunDeps = {}): Promise<Changes> {
  const { settings } = await old.loadSettings();
  const { book } = await loadSnapshots(old);
  const asOf =
    book.snapshots
      .map((s) => s.asOf)
      .filter((d) => d <= report.asOf)
      .sort()
      .pop() ?? report.asOf;
  const { report: before } = await checkWorkbook(old, { asOf, settings }, { ...deps, onProgress: undefined });
  return changesBetween(before, report, { source: "file", asOf, label });
}

export interface RecordedSnapshot {
  asOf: string;
  /** Bytes of the whole record (all snapshots kept) as stored. */
  bytes: number;
  /** Snapshots kept now. */
  kept: number;
  /** The plan is too large for a snapshot within the bound: none was recorded (the earlier ones are kept). */
  tooBig?: true;
}

/**
 * Record a report's snapshot in the workbook (one per as-of date: the same date is replaced; the last
 * MAX_SNAPSHOTS within MAX_SNAPSHOT_BYTES are kept). `loaded`/`identified`: what the caller already has.
 */
export async function recordSnapshot(
  port: WorkbookPort,
  report: Report,
  loaded?: LoadedSnapshots,
  identified?: Identified,
): Promise<RecordedSnapshot> {
  let added: AddedSnapshot | undefined;
  // Added to the record as it is when written (another runtime may have recorded a summary meanwhile).
  await port.updateRecord(SNAPSHOTS_KEY, (raw) => {
    const { book } = decodeBook(raw);
    const ids = identified && loaded && sameBook(book, loaded.book) ? identified : identifyReport(report, book);
    added = addSnapshot(book, report, ids);
    return added.tooBig ? raw : added.stored;
  });
  const a = added!;
  return { asOf: report.asOf, bytes: a.bytes, kept: a.book.snapshots.length, ...(a.tooBig ? { tooBig: true as const } : {}) };
}

/** Two reads of the same record (the ids found against one hold for the other). */
function sameBook(a: SnapshotBook, b: SnapshotBook): boolean {
  return a.next === b.next && a.snapshots.length === b.snapshots.length && a.snapshots.every((s, i) => s.seq === b.snapshots[i].seq);
}

/** No snapshot of that as-of date in the workbook (the CLI checks first and says which dates there are). */
export class SnapshotNotFound extends Error {
  constructor(
    readonly asOf: string,
    readonly available: string[],
  ) {
    super(`no snapshot of ${asOf}`);
    this.name = "SnapshotNotFound";
  }
}

/** Changes since what a door asked for (check --since): a snapshot by its as-of date, or another file. */
export async function changesSince(port: WorkbookPort, report: Report, since: SinceRequest, deps: RunDeps = {}): Promise<Changes> {
  if (since.kind === "file") return changesSinceFile(report, since.port, since.label, deps);
  const { book } = await loadSnapshots(port);
  const baseline = chooseBaseline(book, report.asOf, { asOf: since.asOf });
  if (!baseline)
    throw new SnapshotNotFound(
      since.asOf,
      listSnapshots(book).map((s) => s.asOf),
    );
  return changesAgainst(book, report, baseline);
}
