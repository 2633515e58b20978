/** Status text and the category of a task on the as-of date. */
import type { CellValue } from "./grid";
import type { Deadline, StatusCategory } from "./report-schema";
import { foldKey, nfc } from "./text/fold";

/**
 * done_late: done, and the text itself says late ("Hoàn thành (chậm)", "… quá hạn", "… trễ hạn");
 * paused: "Tạm dừng", "Tạm hoãn" — not done, and no warning.
 */
export type StatusKind = "done" | "done_late" | "in_progress" | "paused" | "not_started" | "unknown";

const DONE = new Set(["da hoan thanh", "hoan thanh", "xong", "da xong", "hoan tat", "da hoan tat", "da thuc hien", "ht", "da ht", "done"]);
/** Done, optionally followed by when/how: "Đã hoàn thành ngày 15/6/2026", "Hoàn thành đúng hạn", "Hoàn thành 100%", "Xong rồi". */
const DONE_PHRASE =
  /^(?:da )?(?:hoan thanh|hoan tat|xong)(?: roi)?(?: (?:(?:ngay|vao|luc|dung han|som|truoc han|cham|tre|tre han|qua han|100|xong)(?: .*)?|\d{1,2} \d{1,2}(?: \d{2,4})?))?$/;
/** Words that make a done status late ("chậm nhất" is "at the latest", not late). */
const LATE = /(?:^| )(?:cham(?! nhat)|qua han|tre han|tre)(?: |$)/;
/** "100% (chậm)". */
const FULL_LATE = /^100 (?:cham|qua han|tre han|tre)(?: |$)/;
const PAUSED = /^(?:tam (?:dung|hoan|ngung)|dung (?:thuc hien|trien khai)|da dung|hoan thuc hien)(?: |$)/;
const IN_PROGRESS_PREFIX = "dang ";
const NOT_STARTED_PREFIX = "chua ";
/** A number, maybe a percent: "100%", "100 %", "1", "0,5", "80%". */
const NUMERIC = /^(\d+(?:[.,]\d+)?)\s*(%)?$/;

function fromPercent(p: number): StatusKind {
  if (!Number.isFinite(p) || p < 0 || p > 100) return "unknown";
  if (p === 100) return "done";
  if (p === 0) return "not_started";
  return "in_progress";
}

/** A number as progress: a fraction up to 1 (1 = a cell holding 100% formatted as percent), else percent. */
function fromNumber(n: number, percentSign: boolean): StatusKind {
  if (percentSign) return fromPercent(n);
  return fromPercent(n <= 1 ? Math.round(n * 10000) / 100 : n);
}

const CACHE_LIMIT = 5_000;
const cache = new Map<string, StatusKind>();

function parseText(raw: string): StatusKind {
  const t = nfc(raw).trim();
  if (t === "") return "not_started";
  const num = NUMERIC.exec(t);
  if (num) return fromNumber(Number(num[1].replace(",", ".")), num[2] === "%");
  const k = foldKey(t);
  if (k === "") return "unknown";
  if (DONE.has(k) || DONE_PHRASE.test(k)) return LATE.test(k) ? "done_late" : "done";
  if (FULL_LATE.test(k)) return "done_late";
  if (PAUSED.test(k)) return "paused";
  if (k.startsWith(IN_PROGRESS_PREFIX)) return "in_progress";
  if (k.startsWith(NOT_STARTED_PREFIX) || k === "chua") return "not_started";
  return "unknown";
}

/**
 * Đã hoàn thành / Hoàn thành / Xong / 100% → done, with "(chậm)", "quá hạn", "trễ hạn" → done_late;
 * Đang thực hiện, Đang làm… → in_progress; Tạm dừng, Tạm hoãn → paused; Chưa…/"" → not_started.
 * Matched like units (case, diacritics, spacing and punctuation ignored). Also accepts the cell value
 * itself: a number is progress (1 or 100 or "100%" → done, 0 → not_started, in between → in_progress;
 * 1 is 100% because a percent cell holds a fraction), TRUE → done, FALSE/empty → not_started.
 * "Hoàn thành một phần" / "Hoàn thành 50%" are not done: only done wording optionally followed by a
 * date ("Đã hoàn thành (15/6/2026)") or a timing word ("Hoàn thành đúng hạn").
 */
export function parseStatus(raw: string | CellValue): StatusKind {
  if (raw === null || raw === undefined) return "not_started";
  if (typeof raw === "number") return fromNumber(raw, false);
  if (typeof raw === "boolean") return raw ? "done" : "not_started";
  if (typeof raw !== "string") return "unknown";
  const hit = cache.get(raw);
  if (hit) return hit;
  const kind = parseText(raw);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, kind);
  return kind;
}

export interface CategorizeInput {
  status: StatusKind;
  /** ISO completion date, if any. */
  doneDate: string | null;
  deadline: Deadline;
  asOf: string;
}

/**
 * The six categories of domain.md ("unknown" status counts as not done):
 * recurring or on-request deadline → recurring whatever the status; done → done_late when the completion
 * date is after the due date, else done_on_time (also with no date or no due to compare); a status that
 * says late ("Hoàn thành (chậm)") → done_late; not done (paused included) → undetermined without a due
 * date (missing/invalid deadline), in_progress when due ≥ as-of, overdue when due < as-of.
 */
export function categorize(input: CategorizeInput): StatusCategory {
  const { status, doneDate, deadline, asOf } = input;
  if (deadline.kind === "recurring" || deadline.kind === "on_request") return "recurring";
  const due = deadline.due;
  if (status === "done_late") return "done_late";
  if (status === "done") return doneDate && due && doneDate > due ? "done_late" : "done_on_time";
  if (!due) return "undetermined";
  return due >= asOf ? "in_progress" : "overdue";
}
