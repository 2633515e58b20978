/**
 * Keys for matching unit names (helpers of units.ts).
 *
 * exact key — diacritics kept: NFC, tones normalised, lower case; every dash, "&" and "và" become one
 *   connector "-"; other punctuation is a word break; abbreviations expanded (VP, TT, VH-XH, P.);
 *   "Hội đồng nhân dân"/"Ủy ban nhân dân" shortened to HĐND/UBND; a trailing "xã", "phường" or "đặc khu"
 *   dropped.
 * loose key — the exact key without diacritics and connectors: used only to find near misses.
 */
import { foldKey, normalizeTones } from "./text/fold";

const DASH_OR_AMP = /\s*(?:[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D&])\s*/g;
const NON_WORD = /[^\p{L}\p{N}\s-]+/gu;
const SPACES = /\s+/;
const SOFT_HYPHENS = /\u00AD/g;
const TT_GLUED = /^tt[a-zđ]{3,}$/;

const CONNECTOR = "-";

const PHRASES: [string[], string[]][] = [
  [["hội", "đồng", "nhân", "dân"], ["hđnd"]],
  [["ủy", "ban", "nhân", "dân"], ["ubnd"]],
  [
    ["vh", CONNECTOR, "xh"],
    ["văn", "hóa", CONNECTOR, "xã", "hội"],
  ],
];

function startsWith(tokens: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let i = 0; i < phrase.length; i++) if (tokens[at + i] !== phrase[i]) return false;
  return true;
}

function expand(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let done = false;
    for (const [from, to] of PHRASES) {
      if (startsWith(tokens, i, from)) {
        out.push(...to);
        i += from.length;
        done = true;
        break;
      }
    }
    if (done) continue;
    const t = tokens[i];
    if (t === "vp") out.push("văn", "phòng");
    else if (t === "tt") out.push("trung", "tâm");
    else if (t === "vhxh") out.push("văn", "hóa", CONNECTOR, "xã", "hội");
    else if (t === "p" && i === 0) out.push("phòng");
    else if (TT_GLUED.test(t)) out.push("trung", "tâm", t.slice(2));
    else out.push(t);
    i++;
  }
  if (out.length === 1 && out[0] === "ca") return ["công", "an"];
  return out;
}

/** Exact (diacritic-sensitive) key of a unit text; "" when nothing is left. */
export function exactUnitKey(text: string): string {
  const base = normalizeTones(text).replace(SOFT_HYPHENS, "").toLowerCase().replace(DASH_OR_AMP, " - ").replace(NON_WORD, " ").trim();
  if (base === "") return "";
  let tokens = base.split(SPACES).map((t) => (t === "và" ? CONNECTOR : t));
  // connectors only between words: drop leading/trailing/doubled ones (bullets "- Công an xã")
  tokens = tokens.filter((t, i) => t !== CONNECTOR || (i > 0 && i < tokens.length - 1 && tokens[i - 1] !== CONNECTOR));
  tokens = expand(tokens);
  // a trailing "xã", "phường" or "đặc khu" is optional ("Công an phường" = "Công an")
  for (;;) {
    const last = tokens[tokens.length - 1];
    if (tokens.length > 2 && last === "khu" && tokens[tokens.length - 2] === "đặc") tokens.length -= 2;
    else if (tokens.length > 1 && (last === "xã" || last === "phường" || last === CONNECTOR)) tokens.pop();
    else break;
  }
  // "CA xã" is Công an xã, like "CA" alone
  if (tokens.length === 1 && tokens[0] === "ca") return "công an";
  return tokens.join(" ");
}

/** Loose key: the exact key folded (no diacritics, no connectors). */
export function looseUnitKey(exactKey: string): string {
  return foldKey(exactKey);
}

/** How many edits still make two loose keys one unit: 1 up to 8 characters, 2 up to 16, else 3. */
export function maxEdits(looseKey: string): number {
  return looseKey.length <= 8 ? 1 : looseKey.length <= 16 ? 2 : 3;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance with an early exit once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** Jaccard similarity of two token sets. */
export function tokenOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/** Folded texts that name no unit: "Các đơn vị liên quan", "Các cơ quan, đơn vị", "Các phòng, ban"… */
const GENERIC_EXACT = new Set([
  "don vi lien quan",
  "don vi co lien quan",
  "co quan lien quan",
  "co quan don vi lien quan",
  "co quan don vi",
  "bo phan lien quan",
  "phong ban lien quan",
  "nganh lien quan",
  "ban nganh lien quan",
  "lien quan",
  "don vi",
  "co quan",
  "ban nganh",
  "phong ban",
  "ban nganh doan the",
  "to chuc ca nhan lien quan",
]);

/** True for a generic phrase: any plural "Các …"/"Tất cả các …"/"Toàn bộ …", or one of the list above. */
export function isGenericUnitText(folded: string): boolean {
  if (folded === "") return false;
  if (GENERIC_EXACT.has(folded)) return true;
  return (
    folded.startsWith("cac ") ||
    folded === "cac" ||
    folded.startsWith("tat ca ") ||
    folded.startsWith("toan bo ") ||
    folded.startsWith("nhung ")
  );
}
