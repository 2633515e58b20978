/**
 * The kinds of conflict of a merge (stable API: the CLI, the log sheet, the pane and the tests name them),
 * apart from the merge's zod schemas so the pane's first bundle can name them without carrying zod.
 */
export const CONFLICT_KINDS = [
  "disagree",
  "not_lead",
  "text_changed",
  "deadline_changed",
  "lead_changed",
  "not_in_plan",
  "other_plan",
  "older_version",
  "cell_merged",
  "formula",
  "planned_output",
  "status_unknown",
  "date_invalid",
  "date_after_as_of",
  "done_without_date",
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/**
 * Kinds that are not two sources disagreeing but a unit's value that needs a person before it is written
 * (domain.md: "proposals flagged for review, never silent writes"). Held back like conflicts.
 */
export const REVIEW_KINDS: readonly ConflictKind[] = ["status_unknown", "date_invalid", "date_after_as_of", "done_without_date"];
