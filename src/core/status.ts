/** Status text and the category of a task on the as-of date. (Owner: parsers.) */
import type { Deadline, StatusCategory } from "./report-schema";

export type StatusKind = "done" | "in_progress" | "not_started" | "unknown";

/** Đã hoàn thành / Hoàn thành / Xong / 100% → done; Đang thực hiện… → in_progress; Chưa…/"" → not_started. */
export function parseStatus(raw: string): StatusKind {
  throw new Error("not implemented");
}

export interface CategorizeInput {
  status: StatusKind;
  /** ISO completion date, if any. */
  doneDate: string | null;
  deadline: Deadline;
  asOf: string;
}

/** The six categories of domain.md ("unknown" status counts as not done). */
export function categorize(input: CategorizeInput): StatusCategory {
  throw new Error("not implemented");
}
