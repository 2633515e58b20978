/** Text normalisation: NFC, tone placement, folding for comparisons. (Owner: parsers.) */
import type { CellValue } from "../grid";

/** NFC-normalise and replace non-breaking/odd spaces by plain spaces. */
export function nfc(s: string): string {
  throw new Error("not implemented");
}

/** Old tone placement → new (hoá → hóa, thuỷ → thủy, uỷ → ủy), NFC. */
export function normalizeTones(s: string): string {
  throw new Error("not implemented");
}

/**
 * Comparison key: NFC, tones normalised, lower case, diacritics removed (đ → d), dashes unified,
 * punctuation removed, whitespace collapsed and trimmed. "Thời gian  HOÀN THÀNH:" → "thoi gian hoan thanh".
 */
export function foldKey(s: string): string {
  throw new Error("not implemented");
}

/** Like foldKey but keeps diacritics (lower case, tones normalised, dashes unified, spaces collapsed). */
export function softKey(s: string): string {
  throw new Error("not implemented");
}

/** A cell as display text: strings NFC + trimmed, numbers as written, booleans, null/error → "". */
export function cellText(v: CellValue): string {
  throw new Error("not implemented");
}
