/**
 * What a unit typed, in the plan's words (domain.md, "Units' returns"): a status that reads unambiguously
 * becomes the plan's canonical word ("Đã xong", "xong rồi" → "Đã hoàn thành"; "đang làm, đạt 70%" →
 * "Đang thực hiện") — the words of the plan's own drop-down on Tình trạng when it has one; a date typed as
 * text becomes a date. What needs a person is flagged, never written silently: a status that reads as
 * nothing known, a completion date that does not exist (or is no date), a completion date after the as-of
 * date. The unit's own words are kept beside (the log shows them). Pure.
 */
import { parseDeadline } from "../deadline";
import { parseStatus, type StatusKind } from "../status";
import { comparable, fillText, STATUS_CHOICES, type FillField, type FillValue } from "./fields";
import type { ConflictKind } from "./merge-schema";

/** The statuses a word can stand for (unknown has no word: it is flagged). */
export type KnownStatus = Exclude<StatusKind, "unknown">;

/** The canonical word of each status: the copies' drop-down (STATUS_CHOICES). */
const DEFAULT_WORDS: Record<KnownStatus, string> = {
  not_started: STATUS_CHOICES[0],
  in_progress: STATUS_CHOICES[1],
  done: STATUS_CHOICES[2],
  done_late: STATUS_CHOICES[3],
  paused: STATUS_CHOICES[4],
};

/** The word written for each status: the first word of the plan's drop-down that reads as it, else the default. */
export function statusWords(choices: readonly string[] | null | undefined): Record<KnownStatus, string> {
  const out = { ...DEFAULT_WORDS };
  const taken = new Set<KnownStatus>();
  for (const word of choices ?? []) {
    const kind = parseStatus(word);
    if (kind === "unknown" || taken.has(kind) || !word.trim()) continue;
    taken.add(kind);
    out[kind] = word.trim();
  }
  return out;
}

export interface NormalizeContext {
  /** The plan's status words (statusWords). */
  words: Record<KnownStatus, string>;
  planYear: number;
  asOf: string;
}

export interface Normalized {
  value: FillValue;
  /** What needs a person before it is written. */
  flags: ConflictKind[];
  /** The status read from the value (status field only). */
  status?: StatusKind;
}

/** A status in the plan's word (flagged when it reads as nothing known). */
function normalizeStatus(v: FillValue, ctx: NormalizeContext): Normalized {
  const text = fillText(v);
  const status = parseStatus(text);
  if (status === "unknown") return { value: v, flags: ["status_unknown"], status };
  const word = ctx.words[status];
  return { value: comparable(word) === comparable(text) ? v : { kind: "text", text: word }, flags: [], status };
}

/** A completion date as a date (a day typed as text, as the deadline column reads it), flagged when it cannot be one or is after the as-of date. */
function normalizeDate(v: FillValue, ctx: NormalizeContext): Normalized {
  let value = v;
  if (v.kind === "text") {
    const d = parseDeadline(v.text, { planYear: ctx.planYear, numberFormat: null });
    if (d.kind !== "date" || !d.due) return { value: v, flags: ["date_invalid"] };
    value = { kind: "date", iso: d.due };
  }
  if (value.kind === "date" && value.iso > ctx.asOf) return { value, flags: ["date_after_as_of"] };
  return { value, flags: [] };
}

/** A unit's value for a fill-in column, in the plan's words, with what needs a person. */
export function normalizeFill(field: FillField, v: FillValue, ctx: NormalizeContext): Normalized {
  if (v.kind === "blank") return { value: v, flags: [] };
  if (field === "status") return normalizeStatus(v, ctx);
  if (field === "doneDate") return normalizeDate(v, ctx);
  return { value: v, flags: [] };
}

/** Done (in time or late), as far as a status says. */
export function isDoneStatus(s: StatusKind | undefined): boolean {
  return s === "done" || s === "done_late";
}
