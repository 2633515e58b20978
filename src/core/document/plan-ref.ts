/**
 * Reading the two references every commune document carries (domain.md, "Whose document it is"):
 * - the commune: "xã An Hòa", "UBND phường Lê Chân", "ỦY BAN NHÂN DÂN ĐẶC KHU CÔ TÔ";
 * - the plan: "Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân xã An Hòa về chuyển đổi số năm
 *   2026" — its number, date, commune and title, any of them missing or left blank ("số /KH-UBND ngày
 *   tháng năm 2026").
 * Pure: words are recognised, never written (the doors and the document builders word them).
 */
import { makeIso } from "../dates";
import { findPhrase, isAllCaps, joinRaw, phraseEnd, titleCase, wordsOf, type Word } from "./words";

export const COMMUNE_KINDS = ["xa", "phuong", "dac_khu"] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export interface Commune {
  kind: CommuneKind;
  /** The name without its kind ("An Hòa"); "" when only the kind is known ("của UBND xã"). */
  name: string;
}

const COMMITTEE: readonly (readonly string[])[] = [["uy", "ban", "nhan", "dan"], ["ubnd"]];
const KINDS: readonly { kind: CommuneKind; words: readonly string[] }[] = [
  { kind: "dac_khu", words: ["dac", "khu"] },
  { kind: "phuong", words: ["phuong"] },
  { kind: "xa", words: ["xa"] },
];
/** Most words a commune's name has ("Hòa Bình", "Đông Hải 1"); more is prose. */
const MAX_NAME_WORDS = 5;

/** The index after "Ủy ban nhân dân" / "UBND" at `at`, or `at` when there is none. */
export function afterCommittee(words: readonly Word[], at: number): number {
  for (const p of COMMITTEE) {
    const end = phraseEnd(words, at, p);
    if (end >= 0) return end;
  }
  return at;
}

function kindAt(words: readonly Word[], at: number): { kind: CommuneKind; end: number } | null {
  for (const k of KINDS) {
    const end = phraseEnd(words, at, k.words);
    if (end >= 0) return { kind: k.kind, end };
  }
  return null;
}

/** A name's word: a capitalised word or a number, no sentence punctuation ("Hòa", "12", "Hòa)"). */
function isNameWord(w: Word): boolean {
  const core = w.raw.replace(/^[([«"“]+|[)\]»"”.,;]+$/gu, "");
  return /^(?:\p{Lu}[\p{L}\p{M}'’-]*|\d+[A-Za-z]?)$/u.test(core);
}

/**
 * A commune at `at` (after "của", or a heading line): [Ủy ban nhân dân | UBND] (xã | phường | đặc khu)
 * Name. The name is its capitalised words, at most five, up to the end or a word that starts
 * something else ("về …"). `end` is the index after the name.
 */
export function communeAt(words: readonly Word[], at: number): { commune: Commune; end: number } | null {
  const k = kindAt(words, afterCommittee(words, at));
  if (!k) return null;
  let end = k.end;
  while (end < words.length && end - k.end < MAX_NAME_WORDS + 1 && isNameWord(words[end])) end++;
  if (end - k.end > MAX_NAME_WORDS) return null;
  const raw = joinRaw(words.slice(k.end, end));
  return { commune: { kind: k.kind, name: isAllCaps(raw) ? titleCase(raw) : raw }, end };
}

/**
 * A commune written on its own: "phường Lê Chân", "UBND xã An Hòa", "XÃ AN HÒA". Null when the text does
 * not start with a kind (after an optional "Ủy ban nhân dân"/"UBND") or says more than a name.
 */
export function parseCommune(text: string): Commune | null {
  const words = wordsOf(text);
  const found = communeAt(words, 0);
  return found && found.end === words.length ? found.commune : null;
}

/** Two communes are the same when their kinds and folded names are. */
export function sameCommune(a: Commune, b: Commune): boolean {
  return (
    a.kind === b.kind &&
    wordsOf(a.name)
      .map((w) => w.key)
      .join(" ") ===
      wordsOf(b.name)
        .map((w) => w.key)
        .join(" ")
  );
}

export interface PlanReference {
  /** "45/KH-UBND"; null when absent or left blank ("số /KH-UBND"). */
  number: string | null;
  /** ISO; null when absent or left blank ("ngày tháng năm 2026"). */
  date: string | null;
  /** A date was written but does not exist ("ngày 31/02/2026"). */
  dateInvalid: boolean;
  /** What the plan is about ("chuyển đổi số năm 2026"), without "Kế hoạch". */
  title: string | null;
  commune: Commune | null;
}

/** "45/KH-UBND", and the Party's "12-KH/TU", "57-NQ/TW" (a number, then "/" or "-" before the symbol). */
const NUMBER = /^(\d*)\s*(?:\/|-(?=\p{L}))\s*(\S*)$/u;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "số 45/KH-UBND" at `at`: the number, blank or absent, and the index after it. */
function numberAt(words: readonly Word[], at: number): { number: string | null; end: number } {
  if (words[at]?.key !== "so") return { number: null, end: at };
  const next = words[at + 1];
  const raw = next ? next.raw.replace(/[),;.]+$/u, "") : "";
  const m = NUMBER.exec(raw);
  if (!m) return { number: null, end: at + 1 };
  return { number: m[1] ? raw : null, end: at + 2 };
}

/** "ngày 10/3/2026", "ngày 10 tháng 3 năm 2026", or left blank "ngày tháng năm 2026" (then date null). */
export function dateAt(words: readonly Word[], at: number): { date: string | null; invalid: boolean; end: number } {
  if (words[at]?.key !== "ngay") return { date: null, invalid: false, end: at };
  const first = words[at + 1]?.key ?? "";
  const dmy = DMY.exec(first);
  if (dmy) return checked(+dmy[3], +dmy[2], +dmy[1], at + 2);
  // "ngày [d] tháng [m] năm [y]": numbers may be left out of a form not yet filled in
  let i = at + 1;
  const take = (): number | null => (/^\d{1,4}$/.test(words[i]?.key ?? "") ? Number(words[i++].key) : null);
  const day = take();
  if (words[i]?.key !== "thang") return { date: null, invalid: false, end: at + 1 };
  i++;
  const month = take();
  if (words[i]?.key !== "nam") return { date: null, invalid: false, end: i };
  i++;
  const year = take();
  if (day === null || month === null || year === null) return { date: null, invalid: false, end: i };
  return checked(year, month, day, i);
}

function checked(year: number, month: number, day: number, end: number): { date: string | null; invalid: boolean; end: number } {
  const iso = makeIso(year, month, day);
  return { date: iso, invalid: iso === null, end };
}

/** The first "của <commune>" at or after `from`: its index, the commune and the index after it. */
function agencyFrom(words: readonly Word[], from: number): { at: number; commune: Commune; end: number } | null {
  for (let i = from; i < words.length; i++) {
    if (words[i].key !== "cua") continue;
    const c = communeAt(words, i + 1);
    if (c) return { at: i, commune: c.commune, end: c.end };
  }
  return null;
}

/**
 * A plan as an attachment line or a user names it: "[Kế hoạch] [số N] [ngày D] [TITLE] [của <commune>]
 * [về TITLE]". Every part is optional; a plan of another body ("của UBND thành phố") leaves the commune
 * null and stays in the title.
 */
export function readPlanReference(text: string): PlanReference {
  return planReferenceOf(wordsOf(text), 0);
}

export function planReferenceOf(words: readonly Word[], from: number): PlanReference {
  let i = from;
  const head = phraseEnd(words, i, ["ke", "hoach"]);
  if (head >= 0) i = head;
  const n = numberAt(words, i);
  const d = dateAt(words, n.end);
  i = d.end;
  const agency = agencyFrom(words, i);
  const before = words.slice(i, agency ? agency.at : words.length);
  let after = agency ? words.slice(agency.end) : [];
  if (after[0]?.key === "ve") after = after.slice(1);
  const pre = before[0]?.key === "ve" ? before.slice(1) : before;
  const title = joinRaw(pre) || joinRaw(after) || null;
  return { number: n.number, date: d.date, dateInvalid: d.invalid, title, commune: agency?.commune ?? null };
}

/** The words after "Kèm theo" in a line, or -1 when the line is not an attachment line. */
export function attachmentStart(words: readonly Word[]): number {
  const at = findPhrase(words, ["kem", "theo"]);
  return at >= 0 && at <= 1 ? phraseEnd(words, at, ["kem", "theo"]) : -1;
}
