/**
 * Issues as data. The engine emits `{code, severity, sheet, cell, params}`; the words are rendered at the
 * edge (CLI, pane, summary) from templates in src/i18n/issues.ts, in Vietnamese or English. Each code
 * declares its parameters here, so a code without a severity, a label or a template does not compile.
 * Codes, their severities and their order are stable API (docs/rules.md, "Issue codes").
 */
import type { AnyField } from "./columns";
import type { CommuneKind } from "./document/plan-ref";

/** The parameters each issue code carries. Values are data from the sheet or numbers: never words. */
export interface IssueParamsMap {
  HEADER_NOT_FOUND: { role: "appendix" | "indicators" };
  COLUMN_MISSING: { headerRow: number; column: AnyField };
  CONTENT_MISSING: Record<string, never>;
  LEAD_MISSING: { example: string };
  LEAD_UNKNOWN: { raw: string; suggestion?: string; example: string };
  LEAD_GENERIC: { raw: string; example: string };
  LEAD_MULTIPLE: { units: string[] };
  DEADLINE_MISSING: { year: number };
  DEADLINE_INVALID: { raw: string; year: number };
  DEADLINE_OUTSIDE_PLAN: { raw: string; due: string; year: number };
  STT_DUPLICATE: { stt: string; firstRow: number };
  STATUS_UNKNOWN: { raw: string };
  DONE_WITHOUT_DATE: { year: number };
  CELL_ERROR: { error: string; column: AnyField };
  /**
   * A sheet typed in TCVN3/VNI (scope "sheet", absent in reports made before per-cell detection: one issue,
   * at its first changed cell, with the decode_sheet fix), or one legacy cell pasted into a Unicode sheet
   * (scope "cell": at that cell, with a replace fix to `decoded`).
   */
  TEXT_LEGACY_ENCODING:
    | { encoding: "tcvn3" | "vni"; scope?: "sheet"; sampleCell?: string; sample?: string; decoded?: string }
    | { encoding: "tcvn3" | "vni"; scope: "cell"; raw: string; decoded: string };
  /** A row numbered in advance and left empty: `stt` is its number. */
  ROW_EMPTY: { stt: string };
  /** `name` is the indicator's text ("" when the row has none: the templates then name the row). */
  INDICATOR_TARGET_MISSING: { name: string; row: number; raw: string };
  INDICATOR_ACTUAL_INVALID: { name: string; row: number; raw: string };
  INDICATOR_DENOMINATOR_ZERO: { name: string; row: number };
  /**
   * A target relative to a base year ("Tăng 10% so với năm 2025") with no base value: the table has no
   * column for `baseYear` (baseCell null) or that cell holds no number.
   */
  INDICATOR_TARGET_RELATIVE: { name: string; row: number; raw: string; baseYear: number; baseCell: string | null };
  /**
   * The workbook names a second commune (kind and name) at this cell; the documents use the first
   * appendix's (usedKind, usedName, named on usedSheet).
   */
  COMMUNE_MISMATCH: { kind: CommuneKind; name: string; usedKind: CommuneKind; usedName: string; usedSheet: string };
}

export type IssueCode = keyof IssueParamsMap;
export type Severity = "error" | "warning";

/** Severity of each code (domain rules). Its key order is the codes' contract order. */
export const ISSUE_SEVERITY: { readonly [C in IssueCode]: Severity } = {
  HEADER_NOT_FOUND: "error",
  COLUMN_MISSING: "error",
  CONTENT_MISSING: "error",
  LEAD_MISSING: "error",
  LEAD_UNKNOWN: "error",
  LEAD_GENERIC: "error",
  LEAD_MULTIPLE: "warning",
  DEADLINE_MISSING: "error",
  DEADLINE_INVALID: "error",
  DEADLINE_OUTSIDE_PLAN: "warning",
  STT_DUPLICATE: "warning",
  STATUS_UNKNOWN: "warning",
  DONE_WITHOUT_DATE: "warning",
  CELL_ERROR: "error",
  TEXT_LEGACY_ENCODING: "warning",
  ROW_EMPTY: "warning",
  INDICATOR_TARGET_MISSING: "warning",
  INDICATOR_ACTUAL_INVALID: "warning",
  INDICATOR_DENOMINATOR_ZERO: "warning",
  INDICATOR_TARGET_RELATIVE: "warning",
  COMMUNE_MISMATCH: "warning",
};

/** Every code, in contract order. */
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as [IssueCode, ...IssueCode[]];

/** A one-click fix the UI can apply: write `value` into `cell`, or decode a legacy-encoded sheet. */
export type Fix =
  { kind: "replace"; sheet: string; cell: string; value: string } | { kind: "decode_sheet"; sheet: string; encoding: "tcvn3" | "vni" };

/** One issue of one code, with that code's parameters. */
export interface IssueOf<C extends IssueCode> {
  code: C;
  severity: Severity;
  sheet: string;
  /** A1 cell, or null for a whole-sheet issue. */
  cell: string | null;
  params: IssueParamsMap[C];
  /** The suggested value (e.g. the canonical unit name) when the engine has one. */
  suggestion?: string;
  fix?: Fix;
}

/** Any issue: a union discriminated by `code`, so `params` is typed once the code is known. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];
