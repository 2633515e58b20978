/**
 * The merge's log in words: one line per change (what became of it, and what the unit typed when it was
 * put in the plan's words) and per conflict not tied to a change. Kept in the plan's record and written as
 * the log sheet (merge-log.ts).
 */
import { cellLabel, CONFLICT_LABELS, FIELD_LABELS, returnsSheetText } from "../../i18n/returns";
import type { Decided } from "../../core/returned-copies/decisions";
import {
  REVIEW_KINDS,
  type LogLine,
  type MergeConflict,
  type MergeProposal,
  type ProposedChange,
} from "../../core/returned-copies/merge-schema";

/** Lines of the log kept and shown per merge; the rest are counted. */
export const LOG_LINE_CAP = 2000;

/** What became of a change (the log's outcome column). */
function changeOutcome(c: ProposedChange, decided: Decided, written: ReadonlySet<string>): string {
  const t = returnsSheetText;
  const kinds = [...new Set(c.conflicts)].map((k) => CONFLICT_LABELS.vi[k]).join("; ");
  if (written.has(c.id)) return c.conflicts.length ? t.outcomeAppliedByChoice(kinds) : t.outcomeApplied;
  const d = decided.decisions.get(c.id);
  if (d === "accept") return t.outcomeSuperseded;
  if (d === "reject") return c.conflicts.length ? t.outcomeRejectedHeld(kinds) : t.outcomeRejected;
  return c.conflicts.every((k) => REVIEW_KINDS.includes(k)) ? t.outcomePending(kinds) : t.outcomeConflict(kinds);
}

const taskText = (c: { stt: string; text: string } | undefined) => (c ? `${c.stt ? c.stt + ". " : ""}${c.text}` : "");

function changeLine(proposal: MergeProposal, c: ProposedChange, outcome: string): LogLine {
  const file = proposal.files[c.file];
  const label = [file.label, ...c.alsoIn.map((i) => proposal.files[i].label)].join("; ");
  const line: LogLine = [
    label,
    file.unit ?? "",
    cellLabel(c.returnCell.sheet, c.returnCell.cell),
    cellLabel(c.task.sheet, c.cell),
    taskText(c.task),
    FIELD_LABELS.vi[c.field],
    c.before,
    c.after,
    outcome,
  ];
  if (c.unitValue !== undefined) line.push(c.unitValue);
  return line;
}

function conflictLine(proposal: MergeProposal, k: MergeConflict, decided: Decided): LogLine {
  const file = proposal.files[k.file];
  const t = returnsSheetText;
  const label = CONFLICT_LABELS.vi[k.kind];
  return [
    file.label,
    file.unit ?? "",
    k.returnCell ? cellLabel(k.returnCell.sheet, k.returnCell.cell) : "",
    k.planCell ? cellLabel(k.planCell.sheet, k.planCell.cell) : "",
    taskText(k.task),
    k.field ? FIELD_LABELS.vi[k.field] : "",
    k.planValue ?? "",
    k.value ?? "",
    decided.undecided.has(k.id) ? t.outcomeConflict(label) : t.outcomeAcknowledged(label),
  ];
}

/**
 * The log lines of one merge: every change (with what became of it and, when it was put in the plan's
 * words, what the unit typed), then every conflict not tied to a change — the first `cap` of them; `more`
 * counts the rest.
 */
export function logLines(
  proposal: MergeProposal,
  decided: Decided,
  written: ReadonlySet<string>,
  cap = LOG_LINE_CAP,
): { lines: LogLine[]; more: number } {
  const lines: LogLine[] = [];
  let more = 0;
  for (const c of proposal.changes) {
    if (lines.length >= cap) more++;
    else lines.push(changeLine(proposal, c, changeOutcome(c, decided, written)));
  }
  for (const k of proposal.conflicts) {
    if (k.change) continue;
    if (lines.length >= cap) more++;
    else lines.push(conflictLine(proposal, k, decided));
  }
  return { lines, more };
}
