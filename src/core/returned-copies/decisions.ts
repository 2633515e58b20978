/**
 * Who decides what is written. A change no conflict holds back is written unless the person merging
 * rejects it; a change held back by a conflict (or a value flagged for review) waits for a decision; a
 * conflict with nothing to write (a task not in the plan, another plan's file, a plan column changed in
 * the return) waits until it is acknowledged — accepting it writes nothing, the plan keeps its own
 * columns. Decisions come by id (a conflict's id decides the change it holds back), or for every
 * proposal at once ("all" / "none"). "All" never picks between units that disagree on one cell: name the
 * one to keep (the others of that cell are then rejected). Pure.
 */
import type { MergeConflict, MergeProposal, ProposedChange } from "./merge-schema";

export type Decision = "accept" | "reject";

export interface DecisionInput {
  /** Every proposal still undecided accepted ("accept") or rejected ("reject"). */
  all?: Decision;
  /** By id: a change's, or a conflict's (deciding a conflict that holds a change back decides the change). */
  byId?: ReadonlyMap<string, Decision>;
}

export interface Decided {
  /** The changes to write (ids). */
  accepted: Set<string>;
  /** Every change and conflict decided, by id (a conflict holding a change has the change's decision). */
  decisions: Map<string, Decision>;
  /** Changes and conflicts that still wait for a person (ids). */
  undecided: Set<string>;
  /** Ids given that name nothing in this merge. */
  unknown: string[];
}

/** Task-level conflicts: settled once every change of that task and file they hold back is decided. */
const TASK_LEVEL = new Set(["text_changed", "deadline_changed", "lead_changed"]);

const cellKey = (c: ProposedChange) => `${c.task.sheet}\u0000${c.cell}`;

/** Explicit decisions by change id (a conflict's id standing for its change), loose conflicts' apart; unknown ids listed. */
function explicit(proposal: MergeProposal, byId: ReadonlyMap<string, Decision>) {
  const changes = new Map<string, Decision>();
  const loose = new Map<string, Decision>();
  const unknown: string[] = [];
  if (!byId.size) return { changes, loose, unknown };
  const changeIds = new Set(proposal.changes.map((c) => c.id));
  const conflicts = new Map(proposal.conflicts.map((k) => [k.id, k]));
  for (const [id, d] of byId) {
    const k = conflicts.get(id);
    if (changeIds.has(id)) changes.set(id, d);
    else if (k?.change) changes.set(k.change, d);
    else if (k) loose.set(id, d);
    else unknown.push(id);
  }
  return { changes, loose, unknown };
}

/** Each change's decision (undefined: waits): explicit, else the default (a clean change is written), else "all". */
function changeDecisions(proposal: MergeProposal, given: Map<string, Decision>, all: Decision | undefined): Map<string, Decision> {
  const out = new Map<string, Decision>();
  for (const c of proposal.changes) {
    const d =
      given.get(c.id) ??
      (c.conflicts.length === 0 ? "accept" : all === "reject" || (all === "accept" && !c.conflicts.includes("disagree")) ? all : undefined);
    if (d) out.set(c.id, d);
  }
  // One value kept for a cell: the other values proposed for it are rejected.
  const byCell = new Map<string, ProposedChange[]>();
  for (const c of proposal.changes) {
    const group = byCell.get(cellKey(c));
    if (group) group.push(c);
    else byCell.set(cellKey(c), [c]);
  }
  for (const group of byCell.values()) {
    if (group.length < 2 || !group.some((c) => out.get(c.id) === "accept")) continue;
    for (const c of group) if (!out.has(c.id)) out.set(c.id, "reject");
  }
  return out;
}

const heldKey = (file: number, sheet: string, row: number, kind: string) => `${file}\u0000${sheet}\u0000${row}\u0000${kind}`;

/** The changes each task-level conflict holds back (by file, task and kind). */
function heldByTask(proposal: MergeProposal): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of proposal.changes)
    for (const kind of c.conflicts) {
      if (!TASK_LEVEL.has(kind)) continue;
      const k = heldKey(c.file, c.task.sheet, c.task.row, kind);
      const list = out.get(k);
      if (list) list.push(c.id);
      else out.set(k, [c.id]);
    }
  return out;
}

/** A task-level conflict is settled once every change it holds back is decided. */
function looseSettled(k: MergeConflict, held: Map<string, string[]>, changes: Map<string, Decision>): boolean {
  if (!TASK_LEVEL.has(k.kind) || !k.task) return false;
  const ids = held.get(heldKey(k.file, k.task.sheet, k.task.row, k.kind));
  return !!ids && ids.every((id) => changes.has(id));
}

/** What is written and what still waits, from the decisions given. */
export function decide(proposal: MergeProposal, input: DecisionInput = {}): Decided {
  const given = explicit(proposal, input.byId ?? new Map());
  const changes = changeDecisions(proposal, given.changes, input.all);
  const decisions = new Map(changes);
  const undecided = new Set<string>();
  const held = heldByTask(proposal);
  for (const c of proposal.changes) if (!changes.has(c.id)) undecided.add(c.id);
  for (const k of proposal.conflicts) {
    if (k.change) {
      const d = changes.get(k.change);
      if (d) decisions.set(k.id, d);
      continue;
    }
    const d = given.loose.get(k.id) ?? input.all;
    if (d) decisions.set(k.id, d);
    else if (!looseSettled(k, held, changes)) undecided.add(k.id);
  }
  const accepted = new Set([...changes].filter(([, d]) => d === "accept").map(([id]) => id));
  return { accepted, decisions, undecided, unknown: given.unknown };
}

/** The pane's choice (ticked = accepted): unticked clean changes are rejected, unticked held ones still wait. */
export function decideFromTicks(proposal: MergeProposal, ticked: ReadonlySet<string>): Decided {
  const byId = new Map<string, Decision>();
  for (const c of proposal.changes) {
    if (ticked.has(c.id)) byId.set(c.id, "accept");
    else if (c.conflicts.length === 0) byId.set(c.id, "reject");
  }
  return decide(proposal, { byId });
}
