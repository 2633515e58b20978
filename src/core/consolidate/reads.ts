/**
 * What a city keeps of each commune's workbook (domain.md, "A city consolidates its communes"): only
 * numbers — whose plan it is, the counts by category and the rates, the errors found, the date its figures
 * stand at, and each indicator's figures — never the tasks or the grids. A worker reads one workbook,
 * makes this, and lets the workbook go. Pure: no wording (the skip reasons are codes, worded in i18n).
 */
import { isPercentIndicator } from "../indicator-values";
import type { Counts, Indicator, Report } from "../report-schema";
import type { Commune, DocumentIdentity, PlanIdentity } from "../document/identity";

/** Why a file was left out of the roll-up (stable API: the JSON's `skipped[].reason`). */
export const SKIP_REASONS = [
  "not_workbook",
  "unreadable",
  "damaged",
  "too_large",
  "no_appendix",
  "no_commune",
  "duplicate",
  "changed_while_read",
  "timed_out",
  "read_failed",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Where a commune's as-of date comes from: its last summary (the snapshot phuluc keeps), else the file's date. */
export type AsOfSource = "summary" | "file";

/** One indicator as a commune's plan words it, with its figures. */
export interface CommuneIndicator {
  name: string;
  unitOfMeasure: string;
  targetRaw?: string;
  target: number | null;
  comparator: Indicator["comparator"];
  actual: number | null;
  achieved: number | null;
  total: number | null;
  met: boolean | null;
  /** Read as a percentage (its figures are fractions). */
  percent: boolean;
}

/** A commune's numbers, as one file gives them. */
export interface CommuneRow {
  /** The file as the door names it (a path relative to the folder given, or the file name). */
  file: string;
  commune: Commune;
  plan: PlanIdentity;
  /** The date the commune's figures stand at (ISO), and where it comes from; null when neither is known. */
  asOf: string | null;
  asOfFrom: AsOfSource | null;
  /** The file's modification time (ms since 1970), to order two files of one commune with the same as-of date. */
  modified: number | null;
  total: Counts;
  errors: number;
  warnings: number;
  indicators: CommuneIndicator[];
  /** Sheets left out because their XML is damaged (the rest of the file was read). */
  damagedSheets: string[];
  /** The workbook's stored settings could not be read: its defaults were used. */
  settingsCorrupt: boolean;
}

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** For a file that is not a workbook or cannot be read: the reader's code (XlsxReadError); for read_failed, the error. */
  code?: string;
  /** For a duplicate: the file of the same commune that was used instead. */
  duplicateOf?: string;
}

export type FileRead = { kind: "commune"; row: CommuneRow } | ({ kind: "skipped" } & SkippedFile);

/** What a door knows of a file besides its bytes. */
export interface FileFacts {
  file: string;
  /** Modification time (ms since 1970), when known. */
  modified: number | null;
  /** Its local calendar date (ISO), when known: the commune's as-of date when its workbook has no summary. */
  modifiedDate: string | null;
}

export interface CheckedWorkbook {
  report: Report;
  identity: DocumentIdentity;
  /** The as-of dates of the summaries kept in the workbook (its snapshots). */
  summaryDates: readonly string[];
  damagedSheets: readonly string[];
  settingsCorrupt: boolean;
}

/** The figures of one indicator (percent or not), without its sheet and row. */
export function communeIndicatorOf(ind: Indicator): CommuneIndicator {
  return {
    name: ind.name,
    unitOfMeasure: ind.unitOfMeasure,
    ...(ind.targetRaw ? { targetRaw: ind.targetRaw } : {}),
    target: ind.target,
    comparator: ind.comparator,
    actual: ind.actual,
    achieved: ind.achieved ?? null,
    total: ind.total ?? null,
    met: ind.met,
    percent: isPercentIndicator(ind),
  };
}

/**
 * The latest summary date not after the city's as-of date, else the file's date (never after the city's
 * as-of date: the commune's tasks are judged on that day).
 */
export function dataAsOf(
  summaryDates: readonly string[],
  facts: FileFacts,
  asOf: string,
): { asOf: string | null; asOfFrom: AsOfSource | null } {
  let best: string | null = null;
  for (const d of summaryDates) if (d <= asOf && (best === null || d > best)) best = d;
  if (best) return { asOf: best, asOfFrom: "summary" };
  const modified = facts.modifiedDate;
  return modified ? { asOf: modified < asOf ? modified : asOf, asOfFrom: "file" } : { asOf: null, asOfFrom: null };
}

/**
 * A checked workbook → the commune's row, or the reason it cannot be one: no appendix sheet (nothing of a
 * plan in it), or no commune named (neither its headings nor its settings say whose plan it is).
 */
export function communeReadOf(checked: CheckedWorkbook, facts: FileFacts, asOf: string): FileRead {
  const { report, identity } = checked;
  if (!report.sheets.some((s) => s.role === "appendix")) return { kind: "skipped", file: facts.file, reason: "no_appendix" };
  const commune = identity.commune;
  if (!commune || !commune.name.trim()) return { kind: "skipped", file: facts.file, reason: "no_commune" };
  const errors = report.issues.filter((i) => i.severity === "error").length;
  return {
    kind: "commune",
    row: {
      file: facts.file,
      commune: { kind: commune.kind, name: commune.name },
      plan: { ...identity.plan },
      ...dataAsOf(checked.summaryDates, facts, asOf),
      modified: facts.modified,
      total: { ...report.total },
      errors,
      warnings: report.issues.length - errors,
      indicators: report.indicators.map(communeIndicatorOf),
      damagedSheets: [...checked.damagedSheets],
      settingsCorrupt: checked.settingsCorrupt,
    },
  };
}
