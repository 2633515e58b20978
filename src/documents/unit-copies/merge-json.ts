/**
 * The JSON account of a merge (`phuluc merge … --json`): a public contract, validated in the tests. The
 * files read, every proposed change (written or not, and why not), every conflict with its kind (stable,
 * CONFLICT_KINDS) and its label in the chosen language, and what was written. Every change and conflict
 * has a stable id (the same in every run over the same files: `--accept ID,…` and `--decisions FILE.json`
 * name them) and the decision taken on it, if any; `undecided` lists what still waits for a person (the
 * CLI exits 0 once it is empty). Keys camelCase, dates ISO, cells A1, confidences 0..1. Additive only.
 */
import { z } from "zod";
import { CONFLICT_LABELS, FIELD_LABELS } from "../../i18n/returns";
import type { Lang } from "../../core/lang";
import { FILL_FIELDS } from "../../core/returned-copies/fields";
import { CONFLICT_KINDS, type MergeProposal } from "../../core/returned-copies/merge-schema";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const a1 = z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/);
const CellRef = z.object({ sheet: z.string(), cell: a1 });
const TaskRef = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  stt: z.string(),
  text: z.string(),
  lead: z.string().nullable(),
});
const Field = z.enum(FILL_FIELDS);
const Kind = z.enum(CONFLICT_KINDS);
const DecisionValue = z.enum(["accept", "reject"]).nullable();

export const MergeJsonSchema = z.object({
  version: z.literal(1),
  lang: z.enum(["vi", "en"]),
  asOf: isoDate,
  planTasks: z.number().int().nonnegative(),
  files: z.array(
    z.object({
      label: z.string(),
      unit: z.string().nullable(),
      unitFrom: z.enum(["record", "file_name", "leads"]).nullable(),
      record: z.enum(["ok", "missing", "damaged"]),
      sentOn: isoDate.nullable(),
      tasks: z.number().int().nonnegative(),
      matched: z.number().int().nonnegative(),
      planChanged: z.boolean(),
      otherPlan: z.boolean(),
    }),
  ),
  changes: z.array(
    z.object({
      id: z.string(),
      /** Index into `files`; `alsoIn`: other files proposing the same value. */
      file: z.number().int().nonnegative(),
      alsoIn: z.array(z.number().int().nonnegative()),
      task: TaskRef,
      field: Field,
      fieldLabel: z.string(),
      cell: CellRef,
      returnCell: CellRef,
      before: z.string(),
      /** In the plan's words (a canonical status, a date as dd/mm/yyyy); `unitValue`: what the unit typed when it differs. */
      after: z.string(),
      unitValue: z.string().optional(),
      confidence: z.number().min(0).max(1),
      conflicts: z.array(Kind),
      written: z.boolean(),
      /** The decision taken on it (null: none — a change held back that waits for a person). */
      decision: DecisionValue,
    }),
  ),
  conflicts: z.array(
    z.object({
      id: z.string(),
      kind: Kind,
      label: z.string(),
      file: z.number().int().nonnegative(),
      task: TaskRef.optional(),
      field: Field.optional(),
      planCell: CellRef.optional(),
      returnCell: CellRef.optional(),
      value: z.string().optional(),
      planValue: z.string().optional(),
      others: z.array(z.number().int().nonnegative()).optional(),
      /** The change it holds back, and whether that change was written anyway (chosen). */
      change: z.string().optional(),
      resolved: z.boolean(),
      /** The decision taken on it (its change's, when it holds one back); null while it waits. */
      decision: DecisionValue,
    }),
  ),
  /** Changes written, cells written (new column headers included), conflicts left, the log sheet. */
  written: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
  unresolved: z.number().int().nonnegative(),
  /** Ids of the changes and conflicts still waiting for a decision. */
  undecided: z.array(z.string()),
  logSheet: z.string(),
  /** Summary sheets now marked as made before this merge (regenerate them). */
  staleSummaries: z.array(z.string()),
});
export type MergeJson = z.infer<typeof MergeJsonSchema>;

/** The JSON account of a merge from its proposal and what was written. */
export function mergeJson(
  proposal: MergeProposal,
  applied: {
    written: readonly string[];
    cells: number;
    unresolved: number;
    logSheet: string;
    undecided: readonly string[];
    staleSummaries: readonly string[];
  },
  decisions: ReadonlyMap<string, "accept" | "reject">,
  lang: Lang,
): MergeJson {
  const written = new Set(applied.written);
  return {
    version: 1,
    lang,
    asOf: proposal.asOf,
    planTasks: proposal.planTasks,
    files: proposal.files.map((f) => ({ ...f })),
    changes: proposal.changes.map((c) => ({
      id: c.id,
      file: c.file,
      alsoIn: [...c.alsoIn],
      task: { ...c.task },
      field: c.field,
      fieldLabel: FIELD_LABELS[lang][c.field],
      cell: { sheet: c.task.sheet, cell: c.cell },
      returnCell: { ...c.returnCell },
      before: c.before,
      after: c.after,
      ...(c.unitValue !== undefined ? { unitValue: c.unitValue } : {}),
      confidence: c.confidence,
      conflicts: [...c.conflicts],
      written: written.has(c.id),
      decision: decisions.get(c.id) ?? null,
    })),
    conflicts: proposal.conflicts.map((k) => ({
      ...k,
      ...(k.task ? { task: { ...k.task } } : {}),
      label: CONFLICT_LABELS[lang][k.kind],
      resolved: k.change !== undefined && written.has(k.change),
      decision: decisions.get(k.id) ?? null,
    })),
    written: applied.written.length,
    cells: applied.cells,
    unresolved: applied.unresolved,
    undecided: [...applied.undecided],
    logSheet: applied.logSheet,
    staleSummaries: [...applied.staleSummaries],
  };
}
