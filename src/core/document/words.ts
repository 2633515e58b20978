/**
 * Words of a line of an administrative heading, each with a folded key (no diacritics, lower case,
 * đ → d, the punctuation around it removed), so phrases are found on keys and names are taken from the
 * words as written. "(Kèm theo Kế hoạch số 45/KH-UBND" → keys kem, theo, ke, hoach, so, 45/kh-ubnd.
 */

export interface Word {
  /** As written (punctuation included). */
  raw: string;
  /** Folded; "" for a word of punctuation only ("-", "–"). */
  key: string;
}

const MARKS = /\p{M}/gu;
/** Invisible characters that would split a word (the task pane's first bundle checks names with this module, without the folding tables). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** Most words a heading line is read as (longer text is prose, not a heading). */
export const MAX_WORDS = 80;

export function foldWord(raw: string): string {
  return raw.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(EDGE_PUNCTUATION, "");
}

export function wordsOf(text: string): Word[] {
  const parts = text.normalize("NFC").replace(ZERO_WIDTH, "").trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  return parts.map((raw) => ({ raw, key: foldWord(raw) }));
}

/**
 * The index after `phrase` when the words from `at` spell it (words of punctuation only are skipped,
 * "Độc lập - Tự do" = doc lap tu do), else -1.
 */
export function phraseEnd(words: readonly Word[], at: number, phrase: readonly string[]): number {
  let i = at;
  for (const p of phrase) {
    while (i < words.length && words[i].key === "") i++;
    if (i >= words.length || words[i].key !== p) return -1;
    i++;
  }
  return i;
}

/** The first index ≥ from where `phrase` starts, else -1. */
export function findPhrase(words: readonly Word[], phrase: readonly string[], from = 0): number {
  for (let i = from; i < words.length; i++) if (words[i].key === phrase[0] && phraseEnd(words, i, phrase) >= 0) return i;
  return -1;
}

/** The words as written, joined, without the brackets and stops around them. */
export function joinRaw(words: readonly Word[]): string {
  return words
    .map((w) => w.raw)
    .join(" ")
    .replace(/^[\s([«"“'‘]+|[\s)\]»"”'’.,;:]+$/gu, "")
    .trim();
}

/** True when the text has letters and none of them is lower case (headings are written in capitals). */
export function isAllCaps(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "AN HÒA" → "An Hòa", "LÊ CHÂN" → "Lê Chân" (Vietnamese capitalisation of a place name). */
export function titleCase(text: string): string {
  return text
    .split(" ")
    .map((w) => {
      const lower = w.toLocaleLowerCase("vi");
      const first = Array.from(lower)[0] ?? "";
      return first.toLocaleUpperCase("vi") + lower.slice(first.length);
    })
    .join(" ");
}
