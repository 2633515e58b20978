/** Legacy Vietnamese encodings (TCVN3/ABC and VNI) detection and decoding. */
import { TCVN3_TO_UNICODE, VNI_PAIRS, VNI_SINGLE_MAP } from "./legacy-tables";

export type TextEncoding = "unicode" | "tcvn3" | "vni";

// ---------------------------------------------------------------------------------------------
// Detection, word by word (a word = a run of ASCII letters, Latin-1 characters 0xA1–0xFF, or letters and
// marks above U+00FF). Three kinds of evidence:
//  u — words with real Unicode Vietnamese: ă đ ĩ ũ ơ ư (either case), U+1EA0–U+1EF9, or Vietnamese
//      combining marks (NFD text). Legacy text never contains these (it is all Latin-1).
//  t — words holding a TCVN3 code that is not a Vietnamese letter in Unicode (µ ¸ ¨ © ® ­ ß ø ñ …), or a
//      Latin-1 capital after a lower-case letter ("phÝ"), and whose TCVN3 decoding is a valid Vietnamese
//      syllable ("Phßng" → "phòng", "phÝ" → "phí"; "Müller", "Straße" are not).
//  v — words holding a VNI sequence that cannot be Unicode Vietnamese (a base vowel + modifier of the
//      same case, but not o + á/à/ã which spell "hoá", "toàn"; or ñ ö æ î) and whose VNI decoding is a
//      valid syllable ("Tieáng" → "tiếng"; "naïve" is not).
// Legacy only when there is real evidence (t + v ≥ 2 words) and it dominates (t + v > 2u). Then TCVN3
// when t ≥ v, else VNI. Plain English and plain Unicode Vietnamese give no t/v evidence.

/** Latin-1 letters that are Vietnamese letters in Unicode (so not evidence of a legacy encoding). */
const VIET_LATIN1 = new Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ");
/** TCVN3 codes that are not Vietnamese letters in Unicode. */
const TCVN3_EVIDENCE = new Set(Object.keys(TCVN3_TO_UNICODE).filter((c) => !VIET_LATIN1.has(c)));
/** VNI single characters that are not Vietnamese letters in Unicode: ñ ö æ î and capitals. */
const VNI_SINGLE_EVIDENCE = new Set("ñöæîÑÖÆÎ");
/**
 * TCVN3 writes lower-case toned letters with these Latin-1 capitals ("phÝ" is TCVN3 "phí", "kÕ" "kế"):
 * after a lower-case letter in the same word, no Unicode text has them, so they are evidence too.
 */
const TCVN3_CAPS_AS_LOWER = new Set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ");
const LOWER_BASES = new Set("aeouyôö");
const UPPER_BASES = new Set("AEOUYÔÖ");
/** o + these is ambiguous with Unicode new-style tones (hoá, hoà, toán, choãi). */
const O_AMBIGUOUS = new Set("áàãÁÀÃ");

function isUnicodeVietnamese(c: number): boolean {
  return (
    (c >= 0x1ea0 && c <= 0x1ef9) ||
    c === 0x0102 ||
    c === 0x0103 ||
    c === 0x0110 ||
    c === 0x0111 ||
    c === 0x0128 ||
    c === 0x0129 ||
    c === 0x0168 ||
    c === 0x0169 ||
    c === 0x01a0 ||
    c === 0x01a1 ||
    c === 0x01af ||
    c === 0x01b0 ||
    (c >= 0x0300 && c <= 0x0303) ||
    c === 0x0306 ||
    c === 0x0309 ||
    c === 0x031b ||
    c === 0x0323
  );
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isWordCode(c: number, ch: string): boolean {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  if (c >= 0xa1 && c <= 0xff) return true;
  return c > 0xff && LETTER_OR_MARK.test(ch);
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** Is a decoded word one Vietnamese syllable (at most one tone, a known initial, nucleus and final)? */
export function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize("NFD");
  const tones = d.match(TONES);
  if (tones && tones.length > 1) return false;
  return SYLLABLE.test(d.replace(TONES, "").normalize("NFC"));
}

interface Evidence {
  unicode: number;
  tcvn3: number;
  vni: number;
}

/** a–z, or a Latin-1 lower-case letter (ß–ÿ, but not ÷). */
function isLowerLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function wordEvidence(w: string, e: Evidence): void {
  let tcvn = false;
  let vni = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x80) continue;
    if (c > 0xff) {
      if (isUnicodeVietnamese(c)) {
        e.unicode++;
        return;
      }
      continue;
    }
    const ch = w[i];
    if (TCVN3_EVIDENCE.has(ch)) tcvn = true;
    if (i > 0 && TCVN3_CAPS_AS_LOWER.has(ch) && isLowerLetter(w.charCodeAt(i - 1))) tcvn = true;
    if (VNI_SINGLE_EVIDENCE.has(ch)) vni = true;
    if (i > 0) {
      const base = w[i - 1];
      if (VNI_PAIRS.has(base + ch)) {
        const sameCase = (LOWER_BASES.has(base) && ch === ch.toLowerCase()) || (UPPER_BASES.has(base) && ch === ch.toUpperCase());
        if (sameCase && !((base === "o" || base === "O") && O_AMBIGUOUS.has(ch))) vni = true;
      }
    }
  }
  if (tcvn && isVietnameseSyllable(decodeTcvn3(w))) e.tcvn3++;
  if (vni && isVietnameseSyllable(decodeVni(w))) e.vni++;
}

/** Stop counting after this many characters: a sheet's first 200,000 characters decide. */
const MAX_CHARS = 200_000;

function collectEvidence(samples: string[]): Evidence {
  const e: Evidence = { unicode: 0, tcvn3: 0, vni: 0 };
  let seen = 0;
  for (const s of samples) {
    if (typeof s !== "string") continue;
    let start = -1;
    let nonAscii = false;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0;
      if (i < s.length && isWordCode(c, s[i])) {
        if (start < 0) {
          start = i;
          nonAscii = false;
        }
        if (c >= 0x80) nonAscii = true;
      } else if (start >= 0) {
        // one-character "words" are symbols more often than words (©, ·): they prove nothing
        if (nonAscii && i - start > 1) wordEvidence(s.slice(start, i), e);
        else if (nonAscii && isUnicodeVietnamese(s.charCodeAt(start))) e.unicode++;
        start = -1;
      }
    }
    seen += s.length;
    if (seen > MAX_CHARS) break;
  }
  return e;
}

/**
 * Guess the encoding of a sheet from its text cells. "unicode" unless legacy text clearly dominates.
 * Pass the cells' raw strings (before nfc/cellText is fine too: nfc keeps the soft hyphen, TCVN3 "ư").
 * One word is not enough evidence ("Ng­êi" alone stays "unicode"); a real sheet has plenty.
 */
export function detectEncoding(samples: string[]): TextEncoding {
  if (!Array.isArray(samples) || samples.length === 0) return "unicode";
  const e = collectEvidence(samples);
  const legacy = e.tcvn3 + e.vni;
  if (legacy < 2 || legacy <= 2 * e.unicode) return "unicode";
  return e.tcvn3 >= e.vni ? "tcvn3" : "vni";
}

/**
 * Cheap pre-check for readCellEncoding, allocation-free: false as soon as the text holds a letter or mark
 * only Unicode Vietnamese has (most Vietnamese text does within a few characters), or when it has no
 * Latin-1 character at all (plain ASCII).
 */
export function mayBeLegacyCell(s: string): boolean {
  let latin1 = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c <= 0xff) latin1 = true;
    else if (isUnicodeVietnamese(c)) return false;
  }
  return latin1;
}

/** The reading of one cell of a Unicode sheet: legacy or not, and whether TCVN3 and VNI read it equally well. */
export interface CellEncoding {
  encoding: TextEncoding;
  /** Both readings are legacy evidence and equally plausible ("Cô quan chuû trì" is VNI "Cơ quan chủ trì" and TCVN3 "Cụ quan chuỷ trỡ"). */
  ambiguous: boolean;
}

/**
 * The encoding of one cell of a Unicode sheet (a few TCVN3/VNI cells pasted into it): legacy when at
 * least one word is legacy evidence (a TCVN3 code or VNI sequence whose decoding is a Vietnamese
 * syllable) and no word is Unicode Vietnamese. Plain ASCII and real Unicode text are "unicode". When a
 * cell is evidence for both encodings, the reading with more plausible syllables wins; a tie is
 * `ambiguous` (TCVN3, the national standard, unless `prefer` — e.g. the encoding of the sheet's other
 * legacy cells — says otherwise).
 */
export function readCellEncoding(s: string, prefer: "tcvn3" | "vni" = "tcvn3"): CellEncoding {
  if (typeof s !== "string" || !NON_LATIN1_ASCII.test(s)) return { encoding: "unicode", ambiguous: false };
  const e = collectEvidence([s]);
  if (e.unicode > 0 || e.tcvn3 + e.vni === 0) return { encoding: "unicode", ambiguous: false };
  if (e.tcvn3 === 0) return { encoding: "vni", ambiguous: false };
  if (e.vni === 0) return { encoding: "tcvn3", ambiguous: false };
  const t = plausibleWords(decodeTcvn3(s));
  const v = plausibleWords(decodeVni(s));
  if (t !== v) return { encoding: t > v ? "tcvn3" : "vni", ambiguous: false };
  return { encoding: prefer, ambiguous: true };
}

/** The encoding of one cell alone (see readCellEncoding). */
export function detectCellEncoding(s: string): TextEncoding {
  return readCellEncoding(s).encoding;
}

/** The vowel groups of Vietnamese syllables (tones removed) that end a syllable: no final consonant after them. */
const OPEN_NUCLEI = [
  "iêu",
  "yêu",
  "oai",
  "oay",
  "oao",
  "oeo",
  "uây",
  "uôi",
  "uya",
  "uyu",
  "ươi",
  "ươu",
  "ai",
  "ao",
  "au",
  "ay",
  "âu",
  "ây",
  "eo",
  "êu",
  "ia",
  "iu",
  "oi",
  "ôi",
  "ơi",
  "ua",
  "ui",
  "ưa",
  "ưi",
  "ưu",
];
/** Vowel groups that may take a final consonant (m n p t everywhere; the others below). */
const CLOSED_NUCLEI = [
  "uyê",
  "iê",
  "yê",
  "uô",
  "ươ",
  "oa",
  "oă",
  "oe",
  "uâ",
  "uê",
  "uy",
  "oo",
  "a",
  "ă",
  "â",
  "e",
  "ê",
  "i",
  "o",
  "ô",
  "ơ",
  "u",
  "ư",
  "y",
];
/** Which groups take "nh"/"ch", and "ng"/"c" (anh, ếch, ình, oanh, uỳnh; ang, ông, ương, oác…). */
const NH_CH = new Set(["a", "ê", "i", "y", "oa", "uy", "uê"]);
const NG_C = new Set(["a", "ă", "â", "e", "o", "ô", "u", "ư", "iê", "yê", "uô", "ươ", "oa", "oă", "uâ", "oo", "uyê"]);
/** ă, â and the diphthongs before a final need one ("ăn", "tiên"). */
const NEEDS_FINAL = new Set(["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"]);
const INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?";
const OPEN_SYLLABLE = new RegExp("^" + INITIAL + "(?:" + OPEN_NUCLEI.join("|") + ")$");
const CLOSED_SYLLABLE = new RegExp("^" + INITIAL + "(" + CLOSED_NUCLEI.join("|") + ")(ch|ng|nh|[cmnpt])?$");

/** A stricter syllable test than isVietnameseSyllable: a vowel group and final Vietnamese has ("toồng", "ẹang", "tỡnh" are not). */
function isPlausibleSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize("NFD");
  const tones = d.match(TONES);
  if (tones && tones.length > 1) return false;
  const bare = d.replace(TONES, "").normalize("NFC");
  if (OPEN_SYLLABLE.test(bare)) return true;
  const m = CLOSED_SYLLABLE.exec(bare);
  if (!m) return false;
  const [, nucleus, final] = m;
  if (!final) return !NEEDS_FINAL.has(nucleus);
  if (final === "nh" || final === "ch") return NH_CH.has(nucleus);
  if (final === "ng" || final === "c") return NG_C.has(nucleus);
  return true;
}

/** Words of a decoded text that are plausible Vietnamese syllables. */
function plausibleWords(decoded: string): number {
  let n = 0;
  for (const w of decoded.split(/[^\p{L}\p{M}]+/u)) {
    if (w && /[^\x00-\x7f]/.test(w) && isPlausibleSyllable(w)) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Decoding.

const TCVN3_MAP = new Map<string, string>(Object.entries(TCVN3_TO_UNICODE));
/** Lower-case TCVN3 codes (everything except the seven upper-case letters ¡ ¢ £ ¤ ¥ ¦ §). */
const TCVN3_UPPER_CODES = new Set("¡¢£¤¥¦§");

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** True when the ASCII letters of s[from, to) are all upper case and there are at least `min` of them. */
function allCaps(s: string, from: number, to: number, min: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) n++;
  }
  return n >= min;
}

/**
 * TCVN3 → Unicode. TCVN3 has no upper-case toned letters: all-caps text (typed in a .VnTimeH font) uses the
 * lower-case codes. A decoded letter is upper-cased when the whole text's ASCII letters are capitals (at
 * least two of them), or its word's are (at least two): "PHßNG" → "PHÒNG", "Hµ" → "Hà".
 */
function decodeTcvn3(s: string): string {
  const wholeCaps = allCaps(s, 0, s.length, 2);
  let out = "";
  let wordStart = 0;
  let wordCaps: boolean | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const mapped = TCVN3_MAP.get(ch);
    if (mapped === undefined) {
      out += ch;
      if (!isAsciiLetter(ch.charCodeAt(0))) {
        wordStart = i + 1;
        wordCaps = null;
      }
      continue;
    }
    if (TCVN3_UPPER_CODES.has(ch) || !(wholeCaps || (wordCaps ??= wordIsCaps(s, wordStart)))) {
      out += mapped;
    } else {
      out += mapped.toUpperCase();
    }
  }
  return out;
}

function wordIsCaps(s: string, start: number): boolean {
  let end = start;
  while (end < s.length && (isAsciiLetter(s.charCodeAt(end)) || TCVN3_MAP.has(s[end]))) end++;
  return allCaps(s, start, end, 2);
}

/** VNI → Unicode: base + modifier pairs first, then single-character letters. */
function decodeVni(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (i + 1 < s.length) {
      const pair = VNI_PAIRS.get(ch + s[i + 1]);
      if (pair !== undefined) {
        out += pair;
        i++;
        continue;
      }
    }
    out += VNI_SINGLE_MAP.get(ch) ?? ch;
  }
  return out;
}

const NON_LATIN1_ASCII = /[\u0080-\u00ff]/;

/** Decode legacy text to Unicode NFC. Returns the input unchanged for "unicode". Never throws. */
export function decodeLegacy(s: string, encoding: TextEncoding): string {
  if (typeof s !== "string" || encoding === "unicode" || !NON_LATIN1_ASCII.test(s)) return s;
  if (encoding === "tcvn3") return decodeTcvn3(s).normalize("NFC");
  if (encoding === "vni") return decodeVni(s).normalize("NFC");
  return s;
}
