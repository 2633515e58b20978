/**
 * Numbers as people read them: Vietnamese style by default (85,7%; 1.234,5), English on request. The one
 * place the pane, the CLI's text report and the report document format rates and numbers.
 */
import type { Lang } from "../core/lang";

/** A fraction as a percent with at most one decimal (0.857 → "85,7%"); "—" when empty. */
export function formatPercent(fraction: number | null | undefined, lang: Lang = "vi"): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  const v = Math.round(fraction * 1000) / 10;
  const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return `${lang === "vi" ? s.replace(".", ",") : s}%`;
}

/** A number with at most two decimals, grouped (1234.5 → "1.234,5"); "—" when empty. */
export function formatNumber(n: number | null | undefined, lang: Lang = "vi"): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split(".");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${rounded < 0 ? "-" : ""}${grouped}${frac ? dec + frac : ""}`;
}

/** Sheet reference as Excel writes it: quoted when the name is not a plain identifier (or looks like a cell). */
export function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A count with its noun in English: both forms come from the message ("1 conflict", "2 conflicts";
 * "1 task names", "2 tasks name"), never a letter added to a word (src/i18n/README.md).
 */
export function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/** The comparison an indicator's target sets, as a sign (the summary and the report show the one applied). */
export const COMPARATOR_SIGNS: Readonly<Record<">=" | "<=" | ">" | "<", string>> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<" };

/** "Không đạt (> 90%)": a verdict with the comparison it was judged by (strict "Trên 90%" reads "> 90%"). */
export function verdictWithSign(verdict: string, comparator: keyof typeof COMPARATOR_SIGNS, target: string | null): string {
  return target === null ? verdict : `${verdict} (${COMPARATOR_SIGNS[comparator]} ${target})`;
}

/** "2026-11-30" → "30/11/2026" (how Vietnamese users read dates). Other text is returned as is. */
export function formatViDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return m[3] + "/" + m[2] + "/" + m[1];
}
