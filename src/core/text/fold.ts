/** Text normalisation: NFC, tone placement, folding for comparisons. */
import type { CellValue } from "../grid";

/** Non-breaking and other odd spaces (→ " ") and zero-width characters (→ removed). */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Anything that needs work beyond NFC: non-ASCII. Pure ASCII strings are returned unchanged. */
const NON_ASCII = /[^\x00-\x7F]/;

/**
 * NFC-normalise, replace non-breaking/odd spaces by plain spaces and drop zero-width characters
 * (U+200B–U+200D, U+2060, U+FEFF), which are invisible and would split words.
 * Tabs and line breaks are kept (a cell may list one unit per line). The soft hyphen U+00AD is kept:
 * it is the letter "ư" in TCVN3 text, which must still be decodable (keys ignore it).
 */
export function nfc(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.replace(ODD_SPACES, " ").replace(ZERO_WIDTH, "").normalize("NFC");
}

// ---------------------------------------------------------------------------------------------
// Tone placement. Traditional spelling puts the tone on the first vowel of the open clusters
// oa, oe, uy (hóa, khỏe, thủy, ủy); the "new" style puts it on the second (hoá, khoẻ, thuỷ, uỷ).
// Both are the same word. We rewrite to the form the unit list uses (hóa, thủy, ủy) only when the
// cluster ends the syllable: "hoàn", "khuỷu", "quý" (qu + y) are left alone.

const TONED_A = "àáảãạ";
const TONED_E = "èéẻẽẹ";
const TONED_Y = "ỳýỷỹỵ";
const TONED_O = "òóỏõọ";
const TONED_U = "ùúủũụ";

/** Second vowel (toned, any case) → [tone index, the untoned vowel in the same case, first vowel]. */
const SECOND_VOWEL = new Map<string, { tone: number; plain: string; first: "o" | "u" }>();
for (let i = 0; i < 5; i++) {
  SECOND_VOWEL.set(TONED_A[i], { tone: i, plain: "a", first: "o" });
  SECOND_VOWEL.set(TONED_A[i].toUpperCase(), { tone: i, plain: "A", first: "o" });
  SECOND_VOWEL.set(TONED_E[i], { tone: i, plain: "e", first: "o" });
  SECOND_VOWEL.set(TONED_E[i].toUpperCase(), { tone: i, plain: "E", first: "o" });
  SECOND_VOWEL.set(TONED_Y[i], { tone: i, plain: "y", first: "u" });
  SECOND_VOWEL.set(TONED_Y[i].toUpperCase(), { tone: i, plain: "Y", first: "u" });
}

/**
 * o/u followed by a toned a/e/y that ends the word; moveTone skips an o/u right after q/Q ("qu" is a
 * consonant: quý, quỳ). \p{L}\p{M} in the look-ahead: NFC text, but a stray combining mark still means
 * "not the end". No look-behind: Safari before 16.4 (older macOS, so older Excel for Mac) cannot parse one,
 * and this module is in every bundle.
 */
const OLD_TONE = /([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
/** Cheap pre-check: is there any toned a/e/y at all? */
const HAS_TONED_SECOND = /[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]/;

function moveTone(match: string, first: string, second: string, offset: number, whole: string): string {
  const before = offset > 0 ? whole[offset - 1] : "";
  if (before === "q" || before === "Q") return match;
  const info = SECOND_VOWEL.get(second);
  if (!info) return match;
  const lowerFirst = first.toLowerCase();
  if (lowerFirst !== info.first) return match; // "uà", "oỳ": not a cluster we rewrite
  const toned = (lowerFirst === "o" ? TONED_O : TONED_U)[info.tone];
  return (first === lowerFirst ? toned : toned.toUpperCase()) + info.plain;
}

/** Old tone placement → new (hoá → hóa, thuỷ → thủy, uỷ → ủy), NFC. */
export function normalizeTones(s: string): string {
  const t = nfc(s);
  if (!HAS_TONED_SECOND.test(t)) return t;
  return t.replace(OLD_TONE, moveTone);
}

// ---------------------------------------------------------------------------------------------
// Folding. A per-code-unit table for the Latin letters with diacritics; everything else is decided
// once per character class. Results are cached per distinct input (tables repeat the same texts).

/** Code unit → folded lower-case ASCII letter(s), for U+00C0–U+024F and U+1E00–U+1EFF. */
const FOLD_TABLE_SIZE = 0x1f00;
const FOLD_ARRAY: (string | undefined)[] = new Array<string | undefined>(FOLD_TABLE_SIZE).fill(undefined);
const FOLD_TABLE = {
  set(c: number, v: string): void {
    FOLD_ARRAY[c] = v;
  },
  get(c: number): string | undefined {
    return c < FOLD_TABLE_SIZE ? FOLD_ARRAY[c] : undefined;
  },
};
(function buildFoldTable() {
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = ch
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
      if (/^[a-z]+$/.test(base)) FOLD_TABLE.set(c, base);
    }
  }
  FOLD_TABLE.set(0x0110, "d"); // Đ
  FOLD_TABLE.set(0x0111, "d"); // đ
  FOLD_TABLE.set(0x00df, "ss");
})();

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isSkipped(c: number): boolean {
  // combining marks (NFD input), zero-width characters, soft hyphen, BOM
  return (c >= 0x0300 && c <= 0x036f) || c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;

/**
 * A letter or digit outside the table: lower-cased, compatibility-decomposed and folded again so that
 * folding is idempotent ("ẞ" → "ss", "Å" → "a", "⅐" → "1 7"). Undefined when nothing word-like is left.
 */
function foldOther(ch: string): string | undefined {
  const low = ch.toLowerCase().normalize("NFKD").toLowerCase().normalize("NFKD").replace(MARKS, "");
  let out = "";
  let gap = false;
  for (let i = 0; i < low.length; i++) {
    const c = low.charCodeAt(i);
    let piece: string | undefined;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) piece = low[i];
    else if (c >= 0x41 && c <= 0x5a) piece = String.fromCharCode(c + 32);
    else if (isSkipped(c)) continue;
    else piece = FOLD_TABLE.get(c) ?? (c >= 0x80 && LETTER_OR_DIGIT.test(low[i]) ? low[i] : undefined);
    if (piece === undefined) {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += " ";
    gap = false;
    out += piece;
  }
  return out === "" ? undefined : out;
}

const CACHE_LIMIT = 4_096;
const foldCache = new Map<string, string>();

// Fast path: a code-unit class table for U+0000–U+1EFF. 0 = word break, 1 = skipped, 2 = needs the slow
// path (several letters, or a letter outside the table), otherwise the folded character's code.
const BREAK = 0;
const SKIP = 1;
const SLOW = 2;
const FAST_CLASS = new Uint16Array(FOLD_TABLE_SIZE);
(function buildFastClass() {
  for (let c = 0; c < FOLD_TABLE_SIZE; c++) {
    let cls = BREAK;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) cls = c;
    else if (c >= 0x41 && c <= 0x5a) cls = c + 32;
    else if (c < 0x80) cls = BREAK;
    else if (isSkipped(c)) cls = SKIP;
    else {
      const t = FOLD_TABLE.get(c);
      if (t !== undefined) cls = t.length === 1 ? t.charCodeAt(0) : SLOW;
      else {
        const ch = String.fromCharCode(c);
        cls = IS_MARK.test(ch) || LETTER_OR_DIGIT.test(ch) ? SLOW : BREAK;
      }
    }
    FAST_CLASS[c] = cls;
  }
})();
const FAST_MAX_LENGTH = 2048;
const fastBuffer = new Uint16Array(FAST_MAX_LENGTH);

/** The fold of a string made only of table characters; null when the slow path is needed. */
function foldFast(s: string): string | null {
  if (s.length > FAST_MAX_LENGTH) return null;
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let cls: number;
    if (c < FOLD_TABLE_SIZE) cls = FAST_CLASS[c];
    else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) cls = SKIP;
    else return null;
    if (cls === SKIP) continue;
    if (cls === SLOW) return null;
    if (cls === BREAK) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) {
      fastBuffer[n++] = 0x20;
      pendingSpace = false;
    }
    fastBuffer[n++] = cls;
  }
  return String.fromCharCode.apply(null, fastBuffer.subarray(0, n) as unknown as number[]);
}

function foldUncached(s: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let piece: string | undefined;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) piece = s[i];
    else if (c >= 0x41 && c <= 0x5a) piece = String.fromCharCode(c + 32);
    else if (c < 0x80) piece = undefined;
    else if (isSkipped(c)) continue;
    else {
      piece = FOLD_TABLE.get(c);
      if (piece === undefined) {
        if (IS_MARK.test(s[i])) continue;
        if (LETTER_OR_DIGIT.test(s[i])) piece = foldOther(s[i]);
      }
    }
    if (piece === undefined) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += piece;
  }
  return out;
}

/**
 * Comparison key: NFC, tones normalised, lower case, diacritics removed (đ → d), dashes unified,
 * punctuation removed, whitespace collapsed and trimmed. "Thời gian  HOÀN THÀNH:" → "thoi gian hoan thanh".
 * Punctuation (dashes, slashes, "&", "%", …) becomes a word break: "VH-XH" → "vh xh".
 * Tone placement needs no work here: the tones are removed.
 */
export function foldKey(s: string): string {
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const key = foldFast(s) ?? foldUncached(s);
  if (foldCache.size >= CACHE_LIMIT) foldCache.clear();
  foldCache.set(s, key);
  return key;
}

const DASHES = /\s*[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]\s*/g;
const SPACES = /\s+/g;
const SOFT_HYPHENS = /\u00AD/g;

/**
 * Like foldKey but keeps diacritics (lower case, tones normalised, dashes unified, spaces collapsed).
 * Every dash (- ‐ ‒ – — −) becomes "-" with no spaces around it: "Văn hóa – Xã hội" → "văn hóa-xã hội".
 */
export function softKey(s: string): string {
  return normalizeTones(s).replace(SOFT_HYPHENS, "").toLowerCase().replace(DASHES, "-").replace(SPACES, " ").trim();
}

/** A number as Excel would show it in a General cell: no float noise (0.1 + 0.2 → "0.3"). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A cell as display text: strings NFC + trimmed, numbers as written, booleans, null/error → "". */
export function cellText(v: CellValue): string {
  if (typeof v === "string") return nfc(v).trim();
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}
