/**
 * What a unit's copy carries in its own `_phuluc` sheet (record UNIT_COPY_KEY): which plan it was made
 * from, for which unit, on which date, and — per task — the task's identity as it was sent (its id, the
 * plan's sheet, group, STT, text, lead and deadline), where it sits in the copy, and the four fill-in
 * values as sent. The merge matches the return's tasks with these descriptions (so re-sorted rows,
 * inserted rows, a renamed sheet do not matter), tells the unit's edits from what was already there, and
 * notices a plan that changed since. Validated with zod; a damaged record is ignored (the return is
 * then matched by its text alone) with a note.
 */
import { z } from "zod";
import { hash36 } from "../identity";

export const UNIT_COPY_KEY = "unitCopy";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CopyTaskSchema = z.object({
  /** The task's identity in the plan (docs/identity.md). */
  id: z.string(),
  /** The plan's sheet, group (Roman-numeral row), STT and text (first TEXT_CAP characters). */
  sheet: z.string(),
  group: z.string().nullable(),
  stt: z.string(),
  text: z.string(),
  /** Hash of the whole folded text when `text` was capped. */
  hash: z.string().optional(),
  lead: z.string().nullable(),
  deadline: z.string(),
  due: isoDate.nullable(),
  /** Where the task sits in the copy (sheet name and row), as sent. */
  copySheet: z.string(),
  copyRow: z.number().int().positive(),
  /** The fill-in values as sent, in the record's `fill` order (encodeFill). */
  values: z.tuple([z.string(), z.string(), z.string(), z.string()]),
  /** The plan's planned output (Kết quả / Sản phẩm) as sent, when the plan has that column. */
  result: z.string().optional(),
});
export type CopyTask = z.infer<typeof CopyTaskSchema>;

export const PlanStampSchema = z.object({
  /** The plan as the documents name it ("Kế hoạch số … của UBND xã …"), its year, and the commune ("xã An Hòa"). */
  title: z.string(),
  year: z.number().int(),
  commune: z.string(),
  /** How many tasks the plan had, and a fingerprint of their identities, leads and deadlines. */
  tasks: z.number().int().nonnegative(),
  fingerprint: z.string(),
  /** The plan's file name when known. */
  file: z.string().optional(),
});
export type PlanStamp = z.infer<typeof PlanStampSchema>;

export const UnitCopyRecordSchema = z.object({
  v: z.literal(1),
  unit: z.string(),
  /** The as-of date of the split (ngày gửi). */
  sentOn: isoDate,
  plan: PlanStampSchema,
  tasks: z.array(CopyTaskSchema),
  /**
   * The fields of each task's `values`, in order. Absent in copies made before *Kết quả thực hiện* became
   * the unit's column: there the third value is the planned output as sent (LEGACY_FILL).
   */
  fill: z.tuple([z.literal("status"), z.literal("doneDate"), z.literal("outcome"), z.literal("note")]).optional(),
});
export type UnitCopyRecord = z.infer<typeof UnitCopyRecordSchema>;

/** What the four values of an older copy's tasks were. */
export const LEGACY_FILL = ["status", "doneDate", "result", "note"] as const;

/** The record of a return, or null when absent; `damaged` when present but unreadable. */
export function parseUnitCopyRecord(raw: unknown): { record: UnitCopyRecord | null; damaged: boolean } {
  if (raw === undefined || raw === null) return { record: null, damaged: false };
  const r = UnitCopyRecordSchema.safeParse(raw);
  return r.success ? { record: r.data, damaged: false } : { record: null, damaged: true };
}

/** The plan's fingerprint: its tasks' exact identity keys, leads and deadlines, in order. */
export function planFingerprint(tasks: readonly { exact: string; lead: string | null; deadline: string }[]): string {
  let acc = "";
  for (const t of tasks) acc = hash36(acc + "\u0001" + t.exact + "\u0002" + (t.lead ?? "") + "\u0003" + t.deadline);
  return `${tasks.length}.${acc}`;
}
