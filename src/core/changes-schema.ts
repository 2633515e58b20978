/**
 * "What changed since the last meeting": the contract between the comparison (issue 13's engine part),
 * the doors that show it (pane section, CLI text and `--json`, the summary sheet "Tổng hợp - Thay đổi") and
 * the report document (its section III). Keys camelCase, enum values snake_case, dates ISO.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cellA1 = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);

/**
 * What happened to a task between the two versions: newly done on time / late; newly overdue; its
 * deadline moved (gia hạn); its lead changed; added; removed. A task may have several changes.
 */
import { TASK_CHANGE_KINDS, type TaskChangeKind } from "./change-kinds";
export { TASK_CHANGE_KINDS, type TaskChangeKind };

export const TaskChangeSchema = z.object({
  kind: z.enum(TASK_CHANGE_KINDS),
  /** The task's identity (stable across versions; see docs). */
  id: z.string().min(1),
  /** Where the task is now (for `removed`: where it was). */
  sheet: z.string(),
  row: z.number().int().positive(),
  /** The cell to select for this change (status, deadline, lead or task text), null when the task is gone. */
  cell: cellA1.nullable(),
  stt: z.string(),
  content: z.string(),
  /** The task's lead unit (canonical name) now, or its last known one; null when unassigned. */
  lead: z.string().nullable(),
  /** Before → after, as text: due dates (ISO) for `deadline_moved`, units for `lead_changed`, status categories otherwise. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type TaskChange = z.infer<typeof TaskChangeSchema>;

export const IndicatorChangeSchema = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  cell: cellA1.nullable(),
  name: z.string(),
  actualBefore: z.number().nullable(),
  actualAfter: z.number().nullable(),
  metBefore: z.boolean().nullable(),
  metAfter: z.boolean().nullable(),
});
export type IndicatorChange = z.infer<typeof IndicatorChangeSchema>;

/** Counts of task changes for one unit (and, in `total`, the whole plan). */
export const ChangeCountsSchema = z.object(
  Object.fromEntries(TASK_CHANGE_KINDS.map((k) => [k, z.number().int().nonnegative()])) as Record<TaskChangeKind, z.ZodNumber>,
);
export type ChangeCounts = z.infer<typeof ChangeCountsSchema>;

export const ChangesSchema = z.object({
  /** What the current analysis is compared with: a snapshot kept in the workbook, or another file. */
  since: z.object({
    source: z.enum(["snapshot", "file"]),
    /** The as-of date of that version. */
    asOf: isoDate,
    /** How to name it to the user (the snapshot's date, the file's name). */
    label: z.string(),
  }),
  /** In a stable order: by kind (TASK_CHANGE_KINDS order), then sheet order, then row. */
  tasks: z.array(TaskChangeSchema),
  indicators: z.array(IndicatorChangeSchema),
  byUnit: z.array(ChangeCountsSchema.extend({ unit: z.string() })),
  total: ChangeCountsSchema,
});
export type Changes = z.infer<typeof ChangesSchema>;

/** All-zero counts. */
export function emptyChangeCounts(): ChangeCounts {
  return Object.fromEntries(TASK_CHANGE_KINDS.map((k) => [k, 0])) as ChangeCounts;
}
