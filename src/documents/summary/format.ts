/** Small pure helpers for the summary: the title block's Vietnamese wording. */
import { summaryText } from "../../i18n/summary";

function parseIso(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * "An Hòa, ngày 24 tháng 11 năm 2026" (`place`: the commune's name, or the placeholder). As in
 * administrative documents (Nghị định 30/2020/NĐ-CP), a day below 10 and the months 1 and 2 are written
 * with a leading zero.
 */
export function dateLine(place: string, iso: string): string {
  const p = parseIso(iso);
  if (!p) return "";
  const day = p.d < 10 ? `0${p.d}` : String(p.d);
  const month = p.m <= 2 ? `0${p.m}` : String(p.m);
  return summaryText.dateLine(place, day, month, p.y);
}
