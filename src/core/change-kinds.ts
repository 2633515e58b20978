/**
 * The kinds of task change (changes-schema.ts), in their contract order — kept apart from the zod schema
 * so the task pane's first bundle can list them without loading zod.
 */
export const TASK_CHANGE_KINDS = ["done_on_time", "done_late", "overdue", "deadline_moved", "lead_changed", "added", "removed"] as const;
export type TaskChangeKind = (typeof TASK_CHANGE_KINDS)[number];
