/** Small pure helpers for the summary: the title block's Vietnamese wording. */
import { summaryText } from "../../i18n/summary";

function parseIso(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * The place in "Chí Minh, ngày … tháng … năm …": the commune name without its administrative prefix
 * ("UBND xã Chí Minh" → "Chí Minh").
 */
export function placeName(communeName: string): string {
  const prefixes = [/^(ủy|uỷ)\s+ban\s+nhân\s+dân\s+/iu, /^ubnd\s+/iu, /^(xã|phường|thị\s+trấn|đặc\s+khu)\s+/iu];
  let s = communeName.normalize("NFC").trim().replace(/\s+/g, " ");
  for (const re of prefixes) s = s.replace(re, "");
  return s.trim();
}

/** "UBND XÃ CHÍ MINH" */
export function communeHeading(communeName: string): string {
  return communeName.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleUpperCase("vi");
}

/**
 * "Chí Minh, ngày 24 tháng 11 năm 2026". As in administrative documents (Nghị định 30/2020/NĐ-CP),
 * a day below 10 and the months 1 and 2 are written with a leading zero.
 */
export function dateLine(communeName: string, iso: string): string {
  const p = parseIso(iso);
  if (!p) return "";
  const day = p.d < 10 ? `0${p.d}` : String(p.d);
  const month = p.m <= 2 ? `0${p.m}` : String(p.m);
  return summaryText.dateLine(placeName(communeName), day, month, p.y);
}
