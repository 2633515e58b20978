/**
 * The body that consolidates, read from how the user names it ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", or a
 * department "SỞ KHOA HỌC VÀ CÔNG NGHỆ" under its parent body): a People's Committee or a department,
 * its level (a city or a province) and place ("Hải Phòng", for the date line), the symbol its reports carry
 * after "BC-" (UBND, SKHCN), and its name as it reads in a sentence. Pure: words are recognised, never
 * written (the documents word the rest).
 */
import { findPhrase, joinRaw, titleCase, wordsOf, type Word } from "../document/words";

export type IssuerKind = "committee" | "department";
export type IssuerLevel = "thanh_pho" | "tinh";

export interface Issuer {
  kind: IssuerKind | null;
  level: IssuerLevel | null;
  /** "Hải Phòng"; null when neither the body nor its parent names its city or province. */
  place: string | null;
  /** What follows "BC-" in the report's number ("UBND", "SKHCN"); null when no body is named. */
  symbol: string | null;
}

const COMMITTEE = [["uy", "ban", "nhan", "dan"], ["ubnd"]];
const LEVELS: readonly { level: IssuerLevel; words: string[] }[] = [
  { level: "thanh_pho", words: ["thanh", "pho"] },
  { level: "thanh_pho", words: ["tp"] },
  { level: "tinh", words: ["tinh"] },
];

function startsWithCommittee(words: readonly Word[]): boolean {
  return COMMITTEE.some((p) => findPhrase(words, p) === 0);
}

/** The level and place a text names ("… THÀNH PHỐ HẢI PHÒNG" → thanh_pho, "Hải Phòng"). */
function placeOf(words: readonly Word[]): { level: IssuerLevel; place: string | null } | null {
  for (const l of LEVELS) {
    const at = findPhrase(words, l.words);
    if (at < 0) continue;
    const name = joinRaw(words.slice(at + l.words.length));
    return { level: l.level, place: name ? titleCase(name.toLocaleLowerCase("vi")) : null };
  }
  return null;
}

/** A department's symbol: "S" and the initials of its field ("SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "SKHCN"). */
function initials(words: readonly Word[]): string {
  return words
    .filter((w) => w.key && w.key !== "va")
    .map((w) => w.key[0].toUpperCase())
    .join("")
    .slice(0, 10);
}

export function readIssuer(issuer: string, parent: string): Issuer {
  const own = wordsOf(issuer);
  const up = wordsOf(parent);
  if (!own.length) return { kind: null, level: placeOf(up)?.level ?? null, place: placeOf(up)?.place ?? null, symbol: null };
  const committee = startsWithCommittee(own);
  const where = placeOf(own) ?? placeOf(up);
  return {
    kind: committee ? "committee" : "department",
    level: where?.level ?? null,
    place: where?.place ?? null,
    symbol: committee ? "UBND" : initials(own),
  };
}

/**
 * A body's name as it reads in a sentence, from its name in capitals: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
 * → "Ủy ban nhân dân thành phố Hải Phòng"; "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ" (the
 * first word of the body and of each field after "và" or a comma capitalised, the place in title case).
 */
export function nameInProse(caps: string): string {
  const words = wordsOf(caps);
  if (!words.length) return "";
  const where = LEVELS.map((l) => ({ l, at: findPhrase(words, l.words) })).find((x) => x.at >= 0);
  const placeAt = where ? where.at + where.l.words.length : words.length;
  const committee = startsWithCommittee(words);
  const fieldStart = (i: number) => !committee && (i === 1 || words[i - 1].key === "va" || /,$/.test(words[i - 1].raw));
  return words
    .map((w, i) => {
      if (w.key === "ubnd") return "UBND";
      const lower = w.raw.toLocaleLowerCase("vi").replace(/^uỷ/u, "ủy");
      return i === 0 || i >= placeAt || (i < placeAt && fieldStart(i)) ? titleCase(lower) : lower;
    })
    .join(" ");
}
