/**
 * The columns a unit fills in its copy and the merge brings back (domain.md, "The reporting cycle"):
 * Tình trạng, Ngày hoàn thành, Kết quả thực hiện (what the unit achieved) and Ghi chú. Every other column
 * belongs to the plan — its planned output (Kết quả / Sản phẩm …) as much as its text, lead and deadline.
 */
import type { CellValue } from "../grid";
import { isDateFormat, parseDateText, serialToIso } from "../dates";
import { nfc, normalizeTones } from "../text/fold";

export const FILL_FIELDS = ["status", "doneDate", "outcome", "note"] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** The columns that are the plan's: a return never writes them, whatever the person merging accepts. */
export const PLAN_FIELDS = ["stt", "content", "head", "lead", "support", "result", "deadline", "period", "start"] as const;

/**
 * The drop-down of Tình trạng in a unit's copy: statuses the engine reads (status.ts) as not started,
 * in progress, done, done late and paused. Units may still type anything else (the list warns).
 */
export const STATUS_CHOICES = ["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Hoàn thành (chậm)", "Tạm dừng"] as const;

/** A fill-in cell's content as the merge compares and writes it. */
export type FillValue = { kind: "blank" } | { kind: "text"; text: string } | { kind: "date"; iso: string };

const SPACES = /\s+/g;

const COMPARABLE_CACHE_LIMIT = 20_000;
const comparableCache = new Map<string, string>();

/** Text for comparisons: NFC, one tone placement, lower case, spaces collapsed (the few texts a merge sees again and again worked out once). */
export function comparable(s: string): string {
  let c = comparableCache.get(s);
  if (c === undefined) {
    c = normalizeTones(nfc(s)).toLowerCase().replace(SPACES, " ").trim();
    if (comparableCache.size >= COMPARABLE_CACHE_LIMIT) comparableCache.clear();
    comparableCache.set(s, c);
  }
  return c;
}

/** A number as Excel shows it in a General cell. */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/**
 * A cell (already decoded from TCVN3/VNI) as a fill value. In the completion-date column a date serial or
 * a date written as text is a date; elsewhere a number keeps its text ("100%" cells hold 1: "1").
 */
export function fillValueOf(field: FillField, value: CellValue, format: string | null, text?: string): FillValue {
  if (value === null || value === undefined || typeof value === "object") return { kind: "blank" };
  if (field === "doneDate") {
    if (typeof value === "number") {
      const iso = serialToIso(value);
      if (iso) return { kind: "date", iso };
    }
    if (typeof value === "string") {
      const iso = parseDateText(nfc(value));
      if (iso) return { kind: "date", iso };
    }
  }
  if (typeof value === "number") {
    if (field === "status" && isPercentFormat(format)) return { kind: "text", text: numberText(Math.round(value * 10000) / 100) + "%" };
    if (isDateFormat(format)) {
      const iso = serialToIso(value);
      if (iso) return { kind: "date", iso };
    }
    return { kind: "text", text: numberText(value) };
  }
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  const t = nfc(text ?? value).trim();
  return t ? { kind: "text", text: t } : { kind: "blank" };
}

function isPercentFormat(format: string | null): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"/g, ""));
}

/** Two fill values say the same (case, spacing and tone placement ignored; dates by day). */
export function sameFill(a: FillValue, b: FillValue): boolean {
  if (a.kind === "blank" || b.kind === "blank") return a.kind === b.kind;
  if (a.kind === "date" && b.kind === "date") return a.iso === b.iso;
  return comparable(fillText(a)) === comparable(fillText(b));
}

/** The value as people read it ("15/06/2026" for a date, "" for blank). */
export function fillText(v: FillValue): string {
  if (v.kind === "blank") return "";
  if (v.kind === "date") return `${v.iso.slice(8, 10)}/${v.iso.slice(5, 7)}/${v.iso.slice(0, 4)}`;
  return v.text;
}

/** Stored form (records): "" blank, "d:YYYY-MM-DD" a date, "t:…" text. */
export function encodeFill(v: FillValue): string {
  return v.kind === "blank" ? "" : v.kind === "date" ? `d:${v.iso}` : `t:${v.text}`;
}

export function decodeFill(s: string): FillValue {
  if (s.startsWith("d:") && /^\d{4}-\d{2}-\d{2}$/.test(s.slice(2))) return { kind: "date", iso: s.slice(2) };
  if (s.startsWith("t:") && s.length > 2) return { kind: "text", text: s.slice(2) };
  return { kind: "blank" };
}
