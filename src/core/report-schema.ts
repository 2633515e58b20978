/**
 * The JSON report: the contract between the engine and every door (CLI --json, task pane, summary).
 * Stable API: keys camelCase, enum values snake_case, rates as fractions 0..1, dates ISO YYYY-MM-DD,
 * rows 1-based, cells A1 without `$`. See docs/contracts.md.
 */
import { z } from "zod";
import { ISSUE_CODES, type Issue } from "./issues";
import { ChangesSchema } from "./changes-schema";
import { DocumentIdentitySchema } from "./document/identity";
import { UnitDefSchema } from "./settings";
import type { Lang } from "./lang";

export { ISSUE_CODES, ISSUE_SEVERITY } from "./issues";
export type { Fix, Issue, IssueCode, IssueOf, IssueParamsMap, Severity } from "./issues";

export const DEADLINE_KINDS = [
  "date",
  "month",
  "quarter",
  "half",
  "year",
  "range",
  "recurring",
  "on_request",
  "missing",
  "invalid",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const STATUS_CATEGORIES = ["done_on_time", "done_late", "in_progress", "overdue", "recurring", "undetermined"] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** The name under which tasks with a missing or unknown lead are counted. */
export const UNASSIGNED_UNIT = "(Chưa xác định đơn vị)";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const fraction = z.number().min(0).max(1);
const cellA1 = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);

export const DeadlineSchema = z.object({
  raw: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  due: isoDate.nullable(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const TaskSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  /** The group (Roman-numeral row) text the task belongs to, or null before the first group. */
  group: z.string().nullable(),
  stt: z.string(),
  content: z.string(),
  /** Canonical unit name, or null when the lead is missing, unknown, generic or not one unit. */
  lead: z.string().nullable(),
  leadRaw: z.string(),
  support: z.string(),
  head: z.string().optional(),
  result: z.string().optional(),
  deadline: DeadlineSchema,
  /** The period the task runs over ("Thời gian thực hiện"), kept as information when the table also has a deadline column. */
  period: z.string().optional(),
  statusRaw: z.string(),
  doneDate: isoDate.nullable(),
  status: z.enum(STATUS_CATEGORIES),
  /** Days past due on the as-of date (overdue tasks only). */
  daysOverdue: z.number().int().optional(),
});
export type Task = z.infer<typeof TaskSchema>;

/** A one-click fix the UI can apply: write `value` into `cell`, or decode a legacy-encoded sheet. */
export const FixSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("replace"), sheet: z.string(), cell: cellA1, value: z.string() }),
  z.object({ kind: z.literal("decode_sheet"), sheet: z.string(), encoding: z.enum(["tcvn3", "vni"]) }),
]);

/** An issue's parameters (typed per code in issues.ts): data from the sheet and numbers, never words. */
const ParamValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** An issue as the engine emits it: data, no words (messages are rendered at the edge). */
export const IssueSchema = z.object({
  code: z.enum(ISSUE_CODES),
  severity: z.enum(["error", "warning"]),
  sheet: z.string(),
  cell: cellA1.nullable(),
  params: z.record(z.string(), ParamValue),
  /** The suggested value (e.g. the canonical unit name) when the engine has one. */
  suggestion: z.string().optional(),
  fix: FixSchema.optional(),
});

/** An issue in the JSON report (`phuluc check --json`): the data plus its message in the chosen language. */
export const JsonIssueSchema = IssueSchema.extend({ message: z.string().min(1) });
export type JsonIssue = Issue & { message: string };

export const CountsSchema = z.object({
  total: z.number().int().nonnegative(),
  done_on_time: z.number().int().nonnegative(),
  done_late: z.number().int().nonnegative(),
  in_progress: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  recurring: z.number().int().nonnegative(),
  undetermined: z.number().int().nonnegative(),
  completionRate: fraction.nullable(),
  onTimeRate: fraction.nullable(),
});
export type Counts = z.infer<typeof CountsSchema>;

export const UnitSummarySchema = CountsSchema.extend({ unit: z.string() });
export const AppendixSummarySchema = CountsSchema.extend({ sheet: z.string(), title: z.string().optional() });
export const GroupSummarySchema = CountsSchema.extend({ sheet: z.string(), group: z.string().nullable() });

export const IndicatorSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  name: z.string(),
  unitOfMeasure: z.string(),
  targetRaw: z.string().optional(),
  /** The base year's value a relative target ("Tăng 10% so với năm 2025") was computed from. */
  base: z.number().optional(),
  target: z.number().nullable(),
  /** How the actual is compared with the target: ≥ / ≤, or strictly (> "Trên 90%", < "Dưới 5%"). */
  comparator: z.enum([">=", "<=", ">", "<"]),
  actual: z.number().nullable(),
  /**
   * The achieved count and the total it is out of (Số đạt / Tổng số), when the row gives both as numbers and
   * the total is not 0 (additive): what lets a city pool the rate of many communes (Σ achieved / Σ total).
   */
  achieved: z.number().optional(),
  total: z.number().optional(),
  achievement: z.number().nonnegative().nullable(),
  met: z.boolean().nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const SheetInfoSchema = z.object({
  name: z.string(),
  role: z.enum(["appendix", "indicators"]),
  title: z.string(),
  headerRow: z.number().int().positive().nullable(),
  taskCount: z.number().int().nonnegative(),
  encoding: z.enum(["unicode", "tcvn3", "vni"]),
  /**
   * The table's columns as letters, by field ("content": "B", "status": "H", for indicators "actual": "G"…),
   * so a door can point at a task's cell (additive: absent without a header).
   */
  columns: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}$/)).optional(),
});
export type SheetInfo = z.infer<typeof SheetInfoSchema>;

/** A hidden (or very hidden) appendix or indicator sheet that was not read: an old draft or a copy, more often than live data. */
export const SkippedSheetSchema = z.object({
  name: z.string(),
  role: z.enum(["appendix", "indicators"]),
  visibility: z.enum(["hidden", "veryHidden"]),
});
export type SkippedSheet = z.infer<typeof SkippedSheetSchema>;

/** A unit list proposed from the plan's own lead column when most leads match nothing (never adopted by itself). */
export const UnitProposalSchema = z.object({
  units: z.array(UnitDefSchema),
  /** Tasks whose lead matches no unit of the list, of the tasks with a lead written. */
  unknown: z.number().int().nonnegative(),
  leads: z.number().int().nonnegative(),
});

export const ReportSchema = z.object({
  asOf: isoDate,
  planYear: z.number().int(),
  planTitle: z.string().optional(),
  /** Whose document it is: the commune and the plan the documents name (settings over the workbook), and what the workbook says. */
  identity: DocumentIdentitySchema.optional(),
  /** Present when most leads match no unit: the list the lead column proposes. */
  unitProposal: UnitProposalSchema.optional(),
  sheets: z.array(SheetInfoSchema),
  /** Hidden appendix/indicator sheets not read (settings.includeHiddenSheets reads them): one info line each, not issues. */
  skippedSheets: z.array(SkippedSheetSchema).optional(),
  tasks: z.array(TaskSchema),
  issues: z.array(IssueSchema),
  units: z.array(UnitSummarySchema),
  appendices: z.array(AppendixSummarySchema),
  groups: z.array(GroupSummarySchema),
  total: CountsSchema,
  indicators: z.array(IndicatorSchema),
  /** What changed since an earlier version (check --since, the pane's section), when one was compared. */
  changes: ChangesSchema.optional(),
});
/** The engine's report. Its issues are data (typed per code); the doors render their messages. */
export type Report = Omit<z.infer<typeof ReportSchema>, "issues"> & { issues: Issue[] };

/** The JSON report of `phuluc check --json` (the public contract): the report, each issue with its message. */
export const JsonReportSchema = ReportSchema.extend({
  /** Language of the messages ("vi" unless --lang en). */
  lang: z.enum(["vi", "en"]),
  issues: z.array(JsonIssueSchema),
});
export type JsonReport = Omit<Report, "issues"> & { lang: Lang; issues: JsonIssue[] };

/** Validate data as the engine's report (throws a ZodError naming what is wrong). */
export function parseReport(data: unknown): Report {
  return ReportSchema.parse(data) as Report;
}

/** Validate data as the JSON report of `phuluc check --json`. */
export function parseJsonReport(data: unknown): JsonReport {
  return JsonReportSchema.parse(data) as JsonReport;
}
