/**
 * The proposal's changes settled — one change per plan cell and value (files proposing the same value are
 * listed together; files proposing different values all get "disagree") — and every change and conflict
 * given a stable id: made from what it is (the file's name, the plan's cell, the field, the value, the
 * kind), never from its place in a list, so a decision taken on one run (`phuluc merge --decisions`) still
 * names the same thing when another return is added. Pure.
 */
import { hash36 } from "../identity";
import { sameFill, type FillValue } from "./fields";
import type { ConflictKind, MergeConflict, MergeFileInfo, MergeProposal, ProposedChange, WriteValue } from "./merge-schema";
import type { RawChange } from "./propose-task";

/** Conflicts listed once per task (the changes they hold back carry the kind too). */
const TASK_LEVEL: readonly ConflictKind[] = ["text_changed", "deadline_changed", "lead_changed"];

/** "c" + 7 base-36 characters of the hash of what it is ("-2", "-3"… on the rare collision). */
function idOf(prefix: string, key: string, taken: Set<string>): string {
  const base = prefix + hash36(key).padStart(7, "0");
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * What a change is: the plan's cell and field, and the value (already in the plan's words) — not the file
 * proposing it, so the same value from several files, in any order, is the same change.
 */
function changeKey(c: RawChange): string {
  return `${c.task.sheet}\u0000${c.cell}\u0000${c.field}\u0000${c.after}`;
}

/** What a conflict is: its kind, file, change (if any), cells, field and the start of the value. */
function conflictKey(k: MergeConflict, files: readonly MergeFileInfo[]): string {
  const at = (r: { sheet: string; cell: string } | undefined) => (r ? `${r.sheet}!${r.cell}` : "");
  const value = (k.value ?? "").slice(0, 40);
  return `${k.kind}\u0000${files[k.file].label}\u0000${k.change ?? ""}\u0000${at(k.planCell)}\u0000${at(k.returnCell)}\u0000${k.field ?? ""}\u0000${value}`;
}

/** Every conflict with its stable id (those given one already keep it). */
export function withConflictIds(conflicts: MergeConflict[], files: readonly MergeFileInfo[]): MergeConflict[] {
  const taken = new Set(conflicts.map((k) => k.id).filter(Boolean));
  for (const k of conflicts) if (!k.id) k.id = idOf("k", conflictKey(k, files), taken);
  return conflicts;
}

function valueOf(c: { after: string; write: WriteValue }): FillValue {
  if (c.write !== null && typeof c.write === "object") return { kind: "date", iso: c.write.date };
  return c.after ? { kind: "text", text: c.after } : { kind: "blank" };
}

export function changeConflict(c: ProposedChange, kind: ConflictKind, others?: number[]): MergeConflict {
  return {
    id: "",
    kind,
    file: c.file,
    task: c.task,
    field: c.field,
    planCell: { sheet: c.task.sheet, cell: c.cell },
    returnCell: c.returnCell,
    value: c.after,
    planValue: c.before,
    ...(others ? { others: [...new Set(others)].sort((a, b) => a - b) } : {}),
    change: c.id,
  };
}

interface Distinct {
  keep: RawChange;
  dropped: RawChange[];
}

/** The distinct values proposed for one cell, in file order; each keeps the proposal with the fewest conflicts. */
function distinctValues(group: RawChange[]): Distinct[] {
  const distinct: Distinct[] = [];
  for (const c of group) {
    const same = distinct.find((d) => sameFill(valueOf(d.keep), valueOf(c)));
    if (!same) distinct.push({ keep: c, dropped: [] });
    else if (c.conflicts.length < same.keep.conflicts.length) {
      same.dropped.push(same.keep);
      same.keep = c;
    } else same.dropped.push(c);
  }
  return distinct;
}

/** The change of one distinct value and the conflicts it carries (disagree, and those of each file proposing it). */
function settleValue(d: Distinct, all: Distinct[], id: string, conflicts: MergeConflict[]): ProposedChange {
  // The kept proposal becomes the change itself (no copy of each of 200,000; its `planTask` stays along).
  const change: ProposedChange = Object.assign(d.keep, {
    id,
    alsoIn: d.dropped.length ? [...new Set(d.dropped.map((x) => x.file))].filter((f) => f !== d.keep.file) : [],
  });
  if (all.length > 1) {
    change.conflicts.push("disagree");
    const others = all.filter((x) => x !== d).flatMap((x) => [x.keep.file, ...x.dropped.map((y) => y.file)]);
    conflicts.push(changeConflict(change, "disagree", others));
  }
  for (const kind of change.conflicts) if (!TASK_LEVEL.includes(kind) && kind !== "disagree") conflicts.push(changeConflict(change, kind));
  // A file that proposes the same value under a conflict of its own (a unit that does not lead the task) is still named.
  for (const x of d.dropped)
    for (const kind of x.conflicts)
      if (!TASK_LEVEL.includes(kind) && !change.conflicts.includes(kind))
        conflicts.push({ ...changeConflict(change, kind), file: x.file, returnCell: x.returnCell });
  return change;
}

/**
 * One change per plan cell and value (alsoIn: the other files proposing it), each with its conflicts;
 * in file order, then as proposed.
 */
export function settle(raw: RawChange[], conflicts: MergeConflict[]): ProposedChange[] {
  const groups = new Map<string, RawChange[]>();
  for (const c of raw) {
    const k = `${c.planTask}\u0000${c.field}`;
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const taken = new Set<string>();
  const out: { change: ProposedChange; order: number }[] = [];
  let order = 0;
  for (const g of groups.values()) {
    const distinct = distinctValues(g);
    for (const d of distinct)
      out.push({ change: settleValue(d, distinct, idOf("c", changeKey(d.keep), taken), conflicts), order: order++ });
  }
  return out.sort((a, b) => a.change.file - b.change.file || a.order - b.order).map((x) => x.change);
}

/**
 * Plan cells that hold a formula (the adapter read them): a return's value there is a conflict, "ô có
 * công thức" — written only when chosen, and its undo puts the formula back.
 */
export function holdFormulaCells(
  proposal: MergeProposal,
  formulas: readonly { sheet: string; cell: string; formula: string }[],
): MergeProposal {
  if (!formulas.length) return proposal;
  const at = new Map(formulas.map((f) => [`${f.sheet}\u0000${f.cell}`, f.formula]));
  const added: MergeConflict[] = [];
  for (const c of proposal.changes) {
    const formula = at.get(`${c.task.sheet}\u0000${c.cell}`);
    if (formula === undefined || c.newColumn !== undefined) continue;
    c.previous = { ...c.previous, formula };
    if (!c.conflicts.includes("formula")) c.conflicts.push("formula");
    added.push(changeConflict(c, "formula"));
  }
  for (const k of added) proposal.conflicts.push(k);
  withConflictIds(proposal.conflicts, proposal.files);
  return proposal;
}
