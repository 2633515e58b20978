/** The STT (row number) cell: Roman numerals and A, B, C number groups; 1, 1.1, a) number tasks. */

export type SttKind = "empty" | "group" | "number" | "text";

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const GROUP_ONLY = /^(?:PHẦN\s+|PHAN\s+)?([IVXLC]+|[A-Z])\s*[.):]?$/;
const GROUP_WITH_NAME = /^([IVXLC]+|[A-Z])\s*[.):]\s+(\S.*)$/s;
const TASK_NUMBER = /^(?:\d{1,4}(?:[.,]\d{1,4}){0,4}|[a-zđ])\s*[.):]?$/;

export interface SttInfo {
  kind: SttKind;
  /** For a group written entirely in the STT cell ("II. Khẩn trương…"): the name part. */
  groupName?: string;
  /** The group's numeral ("II"). */
  numeral?: string;
}

function isRomanOrLetter(s: string): boolean {
  return s.length === 1 ? s >= "A" && s <= "Z" : ROMAN.test(s);
}

const EMPTY: SttInfo = Object.freeze({ kind: "empty" });
const NUMBER: SttInfo = Object.freeze({ kind: "number" });
const TEXT: SttInfo = Object.freeze({ kind: "text" });
const PLAIN_DIGITS = /^\d{1,4}$/;

/** Classify an STT text (already trimmed). The result is shared: do not mutate it. */
export function classifyStt(text: string): SttInfo {
  if (text === "") return EMPTY;
  if (text.length <= 12) {
    if (TASK_NUMBER.test(text)) return NUMBER;
    const g = GROUP_ONLY.exec(text);
    if (g && isRomanOrLetter(g[1])) return { kind: "group", numeral: g[1] };
  }
  const n = GROUP_WITH_NAME.exec(text);
  if (n && isRomanOrLetter(n[1]) && /\p{L}/u.test(n[2])) return { kind: "group", numeral: n[1], groupName: n[2].trim() };
  return TEXT;
}

/** Key under which two STT texts count as the same number ("1", "1.", "1)" are the same). */
export function sttKey(text: string): string {
  if (PLAIN_DIGITS.test(text)) return text;
  return text
    .replace(/\s+/g, "")
    .replace(/[.):]+$/, "")
    .replace(",", ".")
    .toLowerCase();
}
