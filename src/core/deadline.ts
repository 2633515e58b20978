/** Deadline cell → {raw, kind, due}. */
import type { CellValue } from "./grid";
import { isCellError } from "./grid";
import type { Deadline, DeadlineKind } from "./report-schema";
import { isDateFormat, isoToSerial, makeIso, serialToIso } from "./dates";
import { cellText, nfc } from "./text/fold";

export interface DeadlineContext {
  /** Year for deadlines written without one. */
  planYear: number;
  /** The cell's number format (to recognise an Excel date serial). */
  numberFormat?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Numbers.
//
// A number cell is a date when its number format shows a date (Excel date). Without a date format
// (General, or a format lost on the way, e.g. from CSV or an ExcelJS copy), an integer 1900–2200 is a
// bare year ("2026"), and a number in the serial range of 01/01/1990 … 31/12/2100 is taken as an Excel
// date serial (46356 → 30/11/2026): no other reading of such a number in a deadline column makes sense.
// Any other number (6, 2.5, 300000) is invalid.

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const PLAUSIBLE_SERIAL_MIN = isoToSerial("1990-01-01");
const PLAUSIBLE_SERIAL_MAX = isoToSerial("2100-12-31");
const FMT_DAY = /d/i;
const FMT_MONTH = /m/i;
const FMT_STRIP = /"[^"]*"|\[[^\]]*\]|\\.|[_*]./g;

/** A date deadline's raw text, as the cell shows it: "2026-11-30" → "30/11/2026". */
const dayMonthYear = (iso: string) => iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4);

function deadline(raw: string, kind: DeadlineKind, due: string | null): Deadline {
  return { raw, kind, due };
}

function fromNumber(n: number, ctx: DeadlineContext): Deadline {
  if (!Number.isFinite(n)) return deadline(cellText(n), "invalid", null);
  const fmt = ctx.numberFormat ?? null;
  if (isDateFormat(fmt)) {
    const iso = serialToIso(n);
    if (!iso) return deadline(cellText(n), "invalid", null);
    const tokens = (fmt as string).replace(FMT_STRIP, "");
    const [y, m] = [+iso.slice(0, 4), +iso.slice(5, 7)];
    // A date shown without its day ("mm/yyyy", "yyyy") means the month or the year.
    if (!FMT_DAY.test(tokens)) {
      if (FMT_MONTH.test(tokens)) return deadline(iso.slice(5, 7) + "/" + iso.slice(0, 4), "month", monthEnd(y, m));
      return deadline(iso.slice(0, 4), "year", makeIso(y, 12, 31));
    }
    return deadline(dayMonthYear(iso), "date", iso);
  }
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return deadline(String(n), "year", makeIso(n, 12, 31));
  if (n >= PLAUSIBLE_SERIAL_MIN && n < PLAUSIBLE_SERIAL_MAX + 1) {
    const iso = serialToIso(n);
    if (iso) return deadline(dayMonthYear(iso), "date", iso);
  }
  return deadline(cellText(n), "invalid", null);
}

// ---------------------------------------------------------------------------------------------
// Text. The text is folded once (lower case, no diacritics, dashes unified, no spaces around / . -),
// leading filler words are dropped ("Trước ngày", "Chậm nhất", "Trong", "Giai đoạn", "Từ"), then it is
// read as one period or as a range of two periods.

/** Recurring wording anywhere in the text: no due date. */
const RECURRING =
  /\b(?:thuong xuyen|lien tuc|dinh ky|hang (?:nam|quy|thang|tuan|ngay|ky)|moi (?:nam|quy|thang|tuan|ngay)|lan\/(?:nam|quy|thang|tuan|ngay))\b|\/lan\b/;

/** On request ("Khi có yêu cầu", "Theo yêu cầu", "Theo chỉ đạo"): no due date, counted like recurring. */
const ON_REQUEST =
  /^(?:khi co (?:yeu cau|chi dao|van ban(?: chi dao| yeu cau)?)|theo (?:yeu cau|chi dao|van ban chi dao|de nghi)|khi phat sinh|khi can(?: thiet)?)(?:\b|$)/;

const FILLERS = [
  "hoan thanh truoc ngay",
  "hoan thanh truoc",
  "hoan thanh trong",
  "hoan thanh vao",
  "hoan thanh",
  "truoc ngay",
  "truoc",
  "cham nhat la ngay",
  "cham nhat ngay",
  "cham nhat la",
  "cham nhat",
  "han chot",
  "thoi han",
  "den ngay",
  "den het",
  "den",
  "trong",
  "vao",
  "giai doan",
  "tu",
  "xong truoc",
  "xong",
  "het",
  "cuoi",
];
const FILLER_RE = new RegExp("^(?:" + FILLERS.join("|") + ")(?:\\s+|:|$)\\s*");

const MARKS = /[\u0300-\u036f]/g;
const SOFT_HYPHENS = /\u00AD/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACE_RUN = /\s+/g;
const SPACED_SEP = /\s*([/.-])\s*/g;
const TRAILING_PUNCT = /[\s.;,:!]+$/;
const LEADING_PUNCT = /^[\s.;,:\-*+]+/;
const TRAILING_PAREN = /\s*\([^()]*\)$/;

function foldDeadlineText(text: string): string {
  let s = text.replace(SOFT_HYPHENS, "").toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");
  s = s.replace(DASHES, "-").replace(SPACE_RUN, " ").replace(SPACED_SEP, "$1").trim();
  s = s.replace(TRAILING_PAREN, "").replace(TRAILING_PUNCT, "").replace(LEADING_PUNCT, "");
  for (let i = 0; i < 4; i++) {
    const next = s.replace(FILLER_RE, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

type Unit = "date" | "month" | "quarter" | "half" | "year";

interface Period {
  unit: Unit;
  start: string;
  due: string;
  /** The year the period lies in (for a range's left side written without one). */
  year: number;
  yearGiven: boolean;
}

/** Recognised wording whose value cannot exist (Tháng 13, 30/02, Quý V). */
const IMPOSSIBLE = "impossible" as const;
type PeriodResult = Period | typeof IMPOSSIBLE | null;

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  for (let d = 31; d >= 28; d--) {
    const iso = makeIso(y, m, d);
    if (iso) return iso;
  }
  return null;
}

function yearOk(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

function quarterNumber(t: string): number {
  return ROMAN[t] ?? +t;
}

const YEAR_PART = "(?:[/.-](\\d{4})| nam (\\d{4}))?";
const RE_DATE_DMY = /^(?:ngay )?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const RE_DATE_DMY_SHORT = /^(?:ngay )?(\d{1,2})([/.])(\d{1,2})\2(\d{2})$/;
const RE_DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const RE_DATE_NO_YEAR = /^(?:ngay )?(\d{1,2})[/.](\d{1,2})$/;
const RE_DATE_WORDS = /^(?:ngay )?(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$/;
const RE_MONTH = new RegExp("^(?:thang|t) ?(\\d{1,2})" + YEAR_PART + "$");
const RE_MONTH_BARE = /^(\d{1,2})[/.-](\d{4})$/;
const RE_QUARTER = new RegExp("^(?:quy|q) ?(iv|v?i{1,3}|v|\\d)" + YEAR_PART + "$");
const RE_HALF = /^(?:(?:6|06|sau) thang|nua) (dau|cuoi)?(?: ?nam)?(?:[/ ]?(\d{4}))?$/;
const RE_YEAR = /^(?:(?:ca |cuoi )?nam ?)?(\d{4})$/;
const RE_PLAN_YEAR = /^(?:ca |cuoi )?nam$/;

function yearOf(a: string | undefined, b: string | undefined, fallback: number): [number, boolean] {
  const t = a ?? b;
  return t === undefined ? [fallback, false] : [+t, true];
}

function period(unit: Unit, start: string | null, due: string | null, year: number, yearGiven: boolean): PeriodResult {
  if (!start || !due || !yearOk(year)) return IMPOSSIBLE;
  return { unit, start, due, year, yearGiven };
}

/** One period (no range). `year` for wording without a year. */
function parsePeriod(s: string, year: number): PeriodResult {
  let m: RegExpExecArray | null;
  if ((m = RE_DATE_DMY.exec(s))) {
    const iso = makeIso(+m[4], +m[3], +m[1]);
    return period("date", iso, iso, +m[4], true);
  }
  if ((m = RE_DATE_DMY_SHORT.exec(s))) {
    // "30/11/26": a two-digit year is 20yy
    const y = 2000 + +m[4];
    const iso = makeIso(y, +m[3], +m[1]);
    return period("date", iso, iso, y, true);
  }
  if ((m = RE_DATE_ISO.exec(s))) {
    const iso = makeIso(+m[1], +m[2], +m[3]);
    return period("date", iso, iso, +m[1], true);
  }
  if ((m = RE_MONTH_BARE.exec(s))) {
    const y = +m[2];
    return period("month", makeIso(y, +m[1], 1), monthEnd(y, +m[1]), y, true);
  }
  if ((m = RE_DATE_NO_YEAR.exec(s))) {
    const iso = makeIso(year, +m[2], +m[1]);
    return period("date", iso, iso, year, false);
  }
  if ((m = RE_DATE_WORDS.exec(s))) {
    const [y, given] = yearOf(m[3], undefined, year);
    const iso = makeIso(y, +m[2], +m[1]);
    return period("date", iso, iso, y, given);
  }
  if ((m = RE_MONTH.exec(s))) {
    const [y, given] = yearOf(m[2], m[3], year);
    return period("month", makeIso(y, +m[1], 1), monthEnd(y, +m[1]), y, given);
  }
  if ((m = RE_QUARTER.exec(s))) {
    const [y, given] = yearOf(m[2], m[3], year);
    const q = quarterNumber(m[1]);
    if (!(q >= 1 && q <= 4)) return IMPOSSIBLE;
    return period("quarter", makeIso(y, q * 3 - 2, 1), monthEnd(y, q * 3), y, given);
  }
  if ((m = RE_HALF.exec(s))) {
    const [y, given] = yearOf(m[2], undefined, year);
    const second = m[1] === "cuoi";
    return period("half", makeIso(y, second ? 7 : 1, 1), makeIso(y, second ? 12 : 6, second ? 31 : 30), y, given);
  }
  if ((m = RE_YEAR.exec(s))) {
    const y = +m[1];
    return period("year", makeIso(y, 1, 1), makeIso(y, 12, 31), y, true);
  }
  if (RE_PLAN_YEAR.test(s)) return period("year", makeIso(year, 1, 1), makeIso(year, 12, 31), year, false);
  return null;
}

const UNIT_WORD = /^(thang|t|quy|q|nam) ?/;
const BARE_NUMBER = /^(\d{1,2})$/;

/** The right side of a range, lending the left side's unit word when it has none ("Quý I-II/2026"). */
function parseRight(right: string, left: string, year: number): PeriodResult {
  const r = parsePeriod(right, year);
  if (r !== null) return r;
  const unit = UNIT_WORD.exec(left);
  if (unit && !UNIT_WORD.test(right)) return parsePeriod(unit[1] + " " + right, year);
  return null;
}

function parseRangeAt(left: string, right: string, year: number): Deadline["kind"] | [Period, Period] | null {
  if (left === "" || right === "") return null;
  const r = parseRight(right, left, year);
  if (r === null) return null;
  if (r === IMPOSSIBLE) return "invalid";
  let l = parsePeriod(left, r.year);
  // "1-15/6/2026": a bare day on the left takes the right side's month.
  if (l === null && r.unit === "date") {
    const d = BARE_NUMBER.exec(left);
    if (d) {
      const iso = makeIso(r.year, +r.due.slice(5, 7), +d[1]);
      l = period("date", iso, iso, r.year, r.yearGiven);
    }
  }
  if (l === null) return null;
  if (l === IMPOSSIBLE) return "invalid";
  if (l.start > r.due) return "invalid";
  return [l, r];
}

const RANGE_WORD = / den (?:het )?/;

/** "X đến Y" or "X-Y" (trying each dash): due = the end of Y. */
function parseRange(s: string, year: number): { kind: DeadlineKind; due: string | null } | null {
  const w = RANGE_WORD.exec(s);
  if (w) {
    const res = parseRangeAt(s.slice(0, w.index).replace(FILLER_RE, ""), s.slice(w.index + w[0].length), year);
    if (res === "invalid") return { kind: "invalid", due: null };
    if (res && typeof res !== "string") return { kind: "range", due: res[1].due };
  }
  for (let i = s.indexOf("-"); i > 0; i = s.indexOf("-", i + 1)) {
    const res = parseRangeAt(s.slice(0, i), s.slice(i + 1), year);
    if (res === "invalid") return { kind: "invalid", due: null };
    if (res && typeof res !== "string") return { kind: "range", due: res[1].due };
  }
  return null;
}

function parseText(text: string, planYear: number): { kind: DeadlineKind; due: string | null } {
  const s = foldDeadlineText(text);
  if (s === "") return { kind: "invalid", due: null };
  if (RECURRING.test(s)) return { kind: "recurring", due: null };
  if (ON_REQUEST.test(s)) return { kind: "on_request", due: null };
  const p = parsePeriod(s, planYear);
  if (p === IMPOSSIBLE) return { kind: "invalid", due: null };
  if (p) return { kind: p.unit, due: p.due };
  return parseRange(s, planYear) ?? parseList(s, planYear) ?? { kind: "invalid", due: null };
}

const LIST_SEPARATOR = /\s*(?:[,;]|\bva\b)\s*/;

/**
 * A list of periods: "Quý I, II/2026", "Tháng 3, 6, 9/2026", "Quý II và Quý IV/2026". The last item
 * carries the year and lends its unit word to the bare items before it ("II" → "Quý II"); the list is
 * due at the end of the latest period. An impossible item makes the whole list invalid.
 */
function parseList(s: string, year: number): { kind: DeadlineKind; due: string | null } | null {
  if (!LIST_SEPARATOR.test(s)) return null;
  const items = s.split(LIST_SEPARATOR).filter((x) => x !== "");
  if (items.length < 2) return null;
  const first = items[0];
  const last = parseRight(items[items.length - 1], first, year);
  if (last === null) return null;
  if (last === IMPOSSIBLE) return { kind: "invalid", due: null };
  let due = last.due;
  for (let i = 0; i < items.length - 1; i++) {
    const p = i === 0 ? parsePeriod(first, last.year) : parseRight(items[i], first, last.year);
    if (p === null) return null;
    if (p === IMPOSSIBLE || p.unit !== last.unit) return { kind: "invalid", due: null };
    if (p.due > due) due = p.due;
  }
  return { kind: last.unit, due };
}

const CACHE_LIMIT = 20_000;
const textCache = new Map<string, { kind: DeadlineKind; due: string | null }>();

/**
 * Parse every form of domain.md's deadline table. Never throws; unreadable → kind "invalid".
 * `raw` is the cell as displayed: trimmed NFC text, or dd/mm/yyyy for an Excel date. An error value
 * (#REF!) is "invalid" with the error code as raw (the engine reports CELL_ERROR for it).
 */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  try {
    if (value === null || value === undefined) return deadline("", "missing", null);
    if (isCellError(value)) return deadline(String(value.error), "invalid", null);
    if (typeof value === "number") return fromNumber(value, ctx);
    if (typeof value === "boolean") return deadline(cellText(value), "invalid", null);
    if (typeof value !== "string") return deadline("", "invalid", null);
    const raw = nfc(value).trim();
    if (raw === "") return deadline("", "missing", null);
    const key = ctx.planYear + "\u0000" + raw;
    let hit = textCache.get(key);
    if (!hit) {
      hit = parseText(raw, ctx.planYear);
      if (textCache.size >= CACHE_LIMIT) textCache.clear();
      textCache.set(key, hit);
    }
    return deadline(raw, hit.kind, hit.due);
  } catch {
    return deadline(typeof value === "string" ? value : "", "invalid", null);
  }
}

const TITLE_NAM_YEAR = /\bnam (\d{4})\b/g;
/** "ngày 22 tháng 12 năm 2025": the date a plan was signed, not the plan's year. */
const TITLE_DATE_YEAR = /\b(?:ngay \d{1,2} )?thang \d{1,2} nam (\d{4})\b/g;
const TITLE_BARE_YEAR = /(?:^|[^\d/.-])(\d{4})(?![\d/.])/g;

/**
 * A plan year from a title such as "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026"; null if none.
 * "năm YYYY" wins; otherwise the first plausible year that is not part of a date ("GIAI ĐOẠN 2026-2030"
 * → 2026; "ngày 22/12/2024" and "ngày 22 tháng 12 năm 2025", the date the plan was signed, are not a plan year).
 */
export function yearFromTitle(title: string): number | null {
  if (typeof title !== "string" || title === "") return null;
  const s = nfc(title).toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d").replace(SPACE_RUN, " ");
  const t = s.replace(TITLE_DATE_YEAR, " ");
  TITLE_NAM_YEAR.lastIndex = 0;
  const m = TITLE_NAM_YEAR.exec(t);
  if (m && yearOk(+m[1])) return +m[1];
  TITLE_BARE_YEAR.lastIndex = 0;
  for (let b = TITLE_BARE_YEAR.exec(t); b; b = TITLE_BARE_YEAR.exec(t)) {
    if (yearOk(+b[1])) return +b[1];
  }
  return null;
}
