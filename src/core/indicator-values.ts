/**
 * Reading indicator numbers: targets written as text ("Tối thiểu 80%", "Ít nhất 02", "Không quá 5%",
 * "≥ 90%", "Dưới 3", a bare number), percent cells (0.85 with a % format), "85%" text. Percentages are
 * fractions (85% = 0.85).
 */
import { foldKey } from "./text/fold";
import type { CellValue } from "./grid";

/** ≥ / ≤, or strict: "Trên 90%" is > 90% (90% is not met), "Dưới 3" is < 3. */
export type Comparator = ">=" | "<=" | ">" | "<";

export type NumberRead = { kind: "empty" } | { kind: "number"; value: number; percent: boolean } | { kind: "invalid"; raw: string };

export interface TargetRead {
  value: number | null;
  comparator: Comparator;
  percent: boolean;
  raw: string;
}

/** Comparison words (folded). A longer phrase wins over a shorter one ending at the same place ("không dưới", "dưới"). */
const PHRASES: readonly [string, Comparator][] = [
  ["toi thieu", ">="],
  ["it nhat", ">="],
  ["khong duoi", ">="],
  ["khong it hon", ">="],
  ["khong thap hon", ">="],
  ["dat", ">="],
  ["toi da", "<="],
  ["khong qua", "<="],
  ["khong vuot qua", "<="],
  ["khong vuot", "<="],
  ["khong hon", "<="],
  ["khong cao hon", "<="],
  ["giam xuong con", "<="],
  ["giam con", "<="],
  ["tren", ">"],
  ["hon", ">"],
  ["lon hon", ">"],
  ["cao hon", ">"],
  ["nhieu hon", ">"],
  ["duoi", "<"],
  ["it hon", "<"],
  ["nho hon", "<"],
  ["thap hon", "<"],
];
/** After the number: "80% trở lên", "5% trở xuống". */
const AFTER: readonly [string, Comparator][] = [
  ["tro len", ">="],
  ["tro xuong", "<="],
];
const SYMBOLS: Record<string, Comparator> = { "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<" };
const NUMBER = /(\d+(?:[.,]\d+)*)\s*(%)?/g;
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN_NUMBER = /^[≥≤<>=~±]*\s*(\d+(?:[.,]\d+)*)\s*(%)?$/;

/** "80" → 80, "2,5" → 2.5 (Vietnamese decimal comma), "1.000" → 1000, "2.5" → 2.5. */
export function numberFromText(s: string): number {
  if (s.includes(".") && s.includes(",")) {
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    return lastComma > lastDot ? Number(s.replace(/\./g, "").replace(",", ".")) : Number(s.replace(/,/g, ""));
  }
  if (s.includes(",")) return Number(s.replace(/,/g, (m, i: number) => (i === s.lastIndexOf(",") ? "." : "")));
  if (THOUSANDS.test(s)) return Number(s.replace(/\./g, ""));
  return Number(s);
}

/** Is the unit of measure a percentage ("%", "Tỷ lệ %", "phần trăm")? */
export function isPercentUnit(unit: string): boolean {
  return unit.includes("%") || foldKey(unit).includes("phan tram");
}

/** An indicator read as a percentage: its unit of measure or its target says "%" (targets and actuals are then fractions). */
export function isPercentIndicator(ind: { unitOfMeasure: string; targetRaw?: string }): boolean {
  return /%/.test(ind.unitOfMeasure) || /%/.test(ind.targetRaw ?? "");
}

/** A number cell or a number written as text; anything else is invalid. */
export function readNumber(v: CellValue, format: string | null, unitIsPercent: boolean): NumberRead {
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "invalid", raw: String(v) };
    if (format && format.includes("%")) return { kind: "number", value: v, percent: true };
    if (unitIsPercent && v > 1) return { kind: "number", value: v / 100, percent: true };
    return { kind: "number", value: v, percent: unitIsPercent };
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (!t) return { kind: "empty" };
    const m = PLAIN_NUMBER.exec(t);
    if (!m) return { kind: "invalid", raw: t };
    const n = numberFromText(m[1]);
    if (!Number.isFinite(n)) return { kind: "invalid", raw: t };
    if (m[2]) return { kind: "number", value: n / 100, percent: true };
    if (unitIsPercent && n > 1) return { kind: "number", value: n / 100, percent: true };
    return { kind: "number", value: n, percent: unitIsPercent };
  }
  return { kind: "invalid", raw: typeof v === "boolean" ? String(v) : "" };
}

/**
 * The comparison a target's words set, from the text before its number: the symbol or phrase nearest
 * to the number (a longer phrase over a shorter one ending at the same place); else "trở lên"/"trở
 * xuống" after it; a bare value means "at least".
 */
export function comparatorOf(before: string, after = ""): Comparator {
  const symbol = /(>=|<=|[≥≤<>])[^≥≤<>]*$/.exec(before);
  if (symbol) return SYMBOLS[symbol[1]];
  const key = foldKey(before);
  let best: { end: number; length: number; c: Comparator } | null = null;
  for (const [w, c] of PHRASES) {
    const i = lastWord(key, w);
    if (i < 0) continue;
    const end = i + w.length;
    if (!best || end > best.end || (end === best.end && w.length > best.length)) best = { end, length: w.length, c };
  }
  if (best) return best.c;
  const afterKey = foldKey(after);
  for (const [w, c] of AFTER) if (findWord(afterKey, w) >= 0) return c;
  return ">=";
}

/** Where `word` last stands as whole words in `key`, or -1. */
function lastWord(key: string, word: string): number {
  for (let i = key.lastIndexOf(word); i >= 0; i = i === 0 ? -1 : key.lastIndexOf(word, i - 1)) {
    const before = i === 0 || key[i - 1] === " ";
    const after = i + word.length === key.length || key[i + word.length] === " ";
    if (before && after) return i;
  }
  return -1;
}

function findWord(key: string, word: string): number {
  let from = 0;
  for (;;) {
    const i = key.indexOf(word, from);
    if (i < 0) return -1;
    const before = i === 0 || key[i - 1] === " ";
    const after = i + word.length === key.length || key[i + word.length] === " ";
    if (before && after) return i;
    from = i + 1;
  }
}

/** The target of an indicator: its number (fraction for percentages) and comparator. */
export function readTarget(v: CellValue, format: string | null, unitIsPercent: boolean): TargetRead {
  if (typeof v === "number" || v === null || v === undefined) {
    const n = readNumber(v ?? null, format, unitIsPercent);
    return {
      value: n.kind === "number" ? n.value : null,
      comparator: ">=",
      percent: n.kind === "number" && n.percent,
      raw: typeof v === "number" ? String(v) : "",
    };
  }
  if (typeof v !== "string") return { value: null, comparator: ">=", percent: false, raw: "" };
  const raw = v.trim();
  let pick: RegExpExecArray | null = null;
  let first: RegExpExecArray | null = null;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(raw); m; m = NUMBER.exec(raw)) {
    if (!first) first = m;
    if (m[2]) {
      pick = m;
      break;
    }
  }
  pick ??= first;
  const comparator = pick ? comparatorOf(raw.slice(0, pick.index), raw.slice(pick.index + pick[0].length)) : comparatorOf(raw);
  if (!pick) return { value: null, comparator, percent: false, raw };
  const n = numberFromText(pick[1]);
  if (!Number.isFinite(n)) return { value: null, comparator, percent: false, raw };
  if (pick[2]) return { value: n / 100, comparator, percent: true, raw };
  if (unitIsPercent && n > 1) return { value: n / 100, comparator, percent: true, raw };
  return { value: n, comparator, percent: unitIsPercent, raw };
}

/** A target relative to a base year's value: "Tăng 10% so với năm 2025", "Giảm 5%", "Tăng thêm 2 mô hình". */
export interface RelativeTarget {
  /** Up (≥ base + change) or down (≤ base − change). */
  direction: "up" | "down";
  /** The change: a fraction of the base when `ofBase`, else an amount in the indicator's own unit. */
  change: number;
  ofBase: boolean;
  /** The base year the text names ("so với năm 2025"); null: the year before the plan ("năm trước", or none said). */
  baseYear: number | null;
}

const RELATIVE_MARKS = /[\u0300-\u036f]/g;
/**
 * "tăng"/"giảm", a few words at most, then the change: "Tăng 10%", "Giảm tỷ lệ hộ nghèo 1,5%". Not when a
 * word in between makes the number a level ("tăng lên 90%", "giảm còn 3%", "tăng trưởng 8%").
 */
const RELATIVE = /(?:^|[^a-z])(tang|giam)((?: [a-z]+){0,6}?) ?(\d+(?:[.,]\d+)*) ?(%|diem phan tram|diem %)?/;
const LEVEL_WORDS = new Set(["len", "xuong", "con", "dat", "muc", "tu", "den", "truong", "o", "bang", "toi", "cuong", "sat"]);
const BASE_YEAR = /so voi (?:nam |cung ky nam |ket qua nam |thuc hien nam )?(\d{4})\b/;

/** Read a relative target; null when the text is not one (absolute targets keep their reading). */
export function readRelativeTarget(raw: string): RelativeTarget | null {
  if (typeof raw !== "string" || raw.length > 300) return null;
  const s = raw.normalize("NFD").replace(RELATIVE_MARKS, "").toLowerCase().replace(/đ/g, "d").replace(/\s+/g, " ");
  const m = RELATIVE.exec(s);
  if (!m) return null;
  if (m[2].split(" ").some((w) => LEVEL_WORDS.has(w))) return null;
  const n = numberFromText(m[3]);
  if (!Number.isFinite(n)) return null;
  const unit = m[4] ?? "";
  const y = BASE_YEAR.exec(s);
  return {
    direction: m[1] === "tang" ? "up" : "down",
    // "10 điểm phần trăm" adds 0.10 to a rate; "10%" is 10% of the base; "2" adds 2 of the indicator's unit
    change: unit === "" ? n : n / 100,
    ofBase: unit === "%",
    baseYear: y ? Number(y[1]) : null,
  };
}

/** The absolute target from a relative one and the base value. */
export function applyRelative(rel: RelativeTarget, base: number): number {
  const delta = rel.ofBase ? base * rel.change : rel.change;
  return rel.direction === "up" ? base + delta : base - delta;
}
