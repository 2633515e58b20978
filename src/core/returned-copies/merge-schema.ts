/**
 * The merge of the units' returns as data: what each file proposes (a change of one fill-in cell of the
 * plan), the conflicts found, and what is kept in the workbook afterwards (record MERGES_KEY: the log of
 * each merge and the previous values of the last one, so it can be undone as a whole). The kinds of
 * conflict are stable API (the CLI, the log sheet, the pane and the tests name them).
 */
import { z } from "zod";
import { FILL_FIELDS, type FillField } from "./fields";

export { CONFLICT_KINDS, REVIEW_KINDS, type ConflictKind } from "./conflict-kinds";
import type { ConflictKind } from "./conflict-kinds";

/** A value written into a cell: text (always as text), a number, a boolean, empty, or a date. */
export type WriteValue = string | number | boolean | null | { date: string };

/** The plan's task a change or a conflict is about. */
export interface TaskRef {
  sheet: string;
  row: number;
  stt: string;
  /** The task's text (first 100 characters). */
  text: string;
  lead: string | null;
}

export interface CellRefA1 {
  sheet: string;
  cell: string;
}

/** A fill-in cell of the plan a return proposes to change. */
export interface ProposedChange {
  /** "c1", "c2"… (unique within the proposal). */
  id: string;
  /** Index of the file in `files`. */
  file: number;
  task: TaskRef;
  field: FillField;
  /** The plan's cell (sheet: task.sheet). */
  cell: string;
  /** Where the value is in the return. */
  returnCell: CellRefA1;
  /** As people read them ("" = empty); `after` in the plan's words (a canonical status, a date). */
  before: string;
  after: string;
  /** What the unit typed, when the plan's words differ from it ("đang làm, đạt 70%" for "Đang thực hiện"). */
  unitValue?: string;
  /** What is written (already in the plan sheet's encoding; dates as dates). */
  write: WriteValue;
  /** Number format set with the value (a date into a cell not formatted as a date). */
  numberFormat?: string;
  /** The plan cell as it was (raw, not decoded; its formula when it held one), for undo. */
  previous: { value: string | number | boolean | null; format: string | null; formula?: string };
  /** How sure the task match is (1 = the same task as sent; lower: found by text). */
  confidence: number;
  /** Conflicts that hold this change back: applied only when chosen (the pane); never by the CLI. */
  conflicts: ConflictKind[];
  /** Other files that propose the very same value (the change is listed once). */
  alsoIn: number[];
  /** The plan has no column for this field yet: index into `newColumns`. */
  newColumn?: number;
}

export interface MergeConflict {
  /** Stable: the same conflict of the same files has the same id in every run (the CLI's decisions name it). */
  id: string;
  kind: ConflictKind;
  file: number;
  task?: TaskRef;
  field?: FillField;
  /** The plan's cell concerned (its sheet). */
  planCell?: CellRefA1;
  returnCell?: CellRefA1;
  /** The return's value and the plan's (text, deadline, lead, or a fill-in value). */
  value?: string;
  planValue?: string;
  /** The other files involved (disagree). */
  others?: number[];
  /** The change this conflict holds back, when there is one to choose. */
  change?: string;
}

export interface MergeFileInfo {
  label: string;
  /** The unit that sent it (from the copy's record, else the file name, else the one lead of its tasks). */
  unit: string | null;
  unitFrom: "record" | "file_name" | "leads" | null;
  /** The copy's record: present, absent (not made by Gửi đơn vị, or lost by the tool that saved it), unreadable. */
  record: "ok" | "missing" | "damaged";
  sentOn: string | null;
  /** Tasks read in the return, and how many were matched with the plan's. */
  tasks: number;
  matched: number;
  /** The plan changed (tasks added, removed, texts, leads or deadlines) since this copy was sent. */
  planChanged: boolean;
  otherPlan: boolean;
}

/** A fill-in column the plan does not have yet: added at the right of the table when a chosen change needs it. */
export interface NewColumn {
  sheet: string;
  field: FillField;
  col: number;
  /** The header cell that gets the column's name. */
  headerCell: string;
  label: string;
  /** The header's cells of the new column, top to bottom, each with the neighbour cell whose look it takes. */
  headerStyle: { cell: string; from: string }[];
}

export interface MergeProposal {
  asOf: string;
  files: MergeFileInfo[];
  changes: ProposedChange[];
  conflicts: MergeConflict[];
  newColumns: NewColumn[];
  planTasks: number;
}

// ---------------------------------------------------------------------------------------------
// Kept in the workbook

export const MERGES_KEY = "merges";
/** Merges kept in the record (the log of each; the undo data of the last only). */
export const MAX_MERGES = 20;
/** Bound on the record (UTF-8 JSON): the oldest merges' logs go first; the store is rewritten on every save. */
export const MAX_MERGES_BYTES = 1_500_000;

/** Excel's limit on a formula's length. */
export const MAX_FORMULA = 8192;

const StoredValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One cell written by a merge: its sheet, cell, value before (raw, and number format) and the value written. */
export const UndoWriteSchema = z.object({
  s: z.string(),
  c: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  b: StoredValue,
  f: z.string().nullable(),
  a: z.union([StoredValue, z.object({ date: z.string() })]),
  /** The merge set the cell's number format (a date): undo puts `f` back too. */
  n: z.literal(1).optional(),
  /** The cell held this formula (b: its value then): undo writes the formula back. */
  x: z.string().max(MAX_FORMULA).optional(),
});
export type UndoWrite = z.infer<typeof UndoWriteSchema>;

/**
 * One line of the log sheet: file, unit, return cell, plan cell, task, field, before, after, outcome, and
 * (lines written since the units' words are normalised) what the unit typed when it differs from `after`.
 */
export const LogLineSchema = z.tuple(
  [z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string(), z.string()],
  z.string(),
);
export type LogLine = z.infer<typeof LogLineSchema>;

export const MergeEntrySchema = z.object({
  seq: z.number().int().positive(),
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  files: z.array(z.string()),
  applied: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  undone: z.boolean(),
  log: z.array(LogLineSchema),
  /** Log lines left out to keep the record within its bound. */
  truncated: z.number().int().nonnegative().optional(),
  /** The cells written, with what was there before (the last merge only; null once undone or superseded). */
  undo: z.array(UndoWriteSchema).nullable(),
});
export type MergeEntry = z.infer<typeof MergeEntrySchema>;

export const MergesRecordSchema = z.object({ v: z.literal(1), merges: z.array(MergeEntrySchema) });
export type MergesRecord = z.infer<typeof MergesRecordSchema>;

/** The record, or an empty one (`damaged` when present but unreadable: it is started afresh). */
export function parseMergesRecord(raw: unknown): { record: MergesRecord; damaged: boolean } {
  if (raw === undefined || raw === null) return { record: { v: 1, merges: [] }, damaged: false };
  const r = MergesRecordSchema.safeParse(raw);
  return r.success ? { record: r.data, damaged: false } : { record: { v: 1, merges: [] }, damaged: true };
}

export const isFillField = (s: string): s is FillField => (FILL_FIELDS as readonly string[]).includes(s);
