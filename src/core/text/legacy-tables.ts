/**
 * Legacy Vietnamese encoding tables, as the characters appear in an Excel cell (the font's bytes read as
 * Windows-1252 / Latin-1).
 *
 * TCVN3 (TCVN 5712:1993 "VN3", the ABC .VnTime fonts): one byte per letter. It has all 67 lower-case
 * letters with diacritics but upper case only for Ă Â Ê Ô Ơ Ư Đ; all-caps text is typed with the same
 * lower-case codes in a capitals font (.VnTimeH), so case is restored from the surrounding ASCII letters.
 * U+00AD (soft hyphen) is "ư".
 *
 * VNI Windows: a base letter followed by a modifier character that carries tone and/or circumflex/breve
 * ("Tieáng Vieät" = "Tiếng Việt"), plus single characters for ơ ư đ and the i/ỵ forms. Upper case uses
 * upper-case modifiers ("TIEÁNG VIEÄT").
 */

/** TCVN3 code (as a Latin-1 character) → Unicode letter. 67 lower-case letters + 7 upper-case ones. */
export const TCVN3_TO_UNICODE: Readonly<Record<string, string>> = {
  // a à á ả ã ạ
  µ: "à",
  "¸": "á",
  "¶": "ả",
  "·": "ã",
  "¹": "ạ",
  // ă ằ ắ ẳ ẵ ặ
  "¨": "ă",
  "»": "ằ",
  "¾": "ắ",
  "¼": "ẳ",
  "½": "ẵ",
  Æ: "ặ",
  // â ầ ấ ẩ ẫ ậ
  "©": "â",
  Ç: "ầ",
  Ê: "ấ",
  È: "ẩ",
  É: "ẫ",
  Ë: "ậ",
  // đ
  "®": "đ",
  // è é ẻ ẽ ẹ
  Ì: "è",
  Ð: "é",
  Î: "ẻ",
  Ï: "ẽ",
  Ñ: "ẹ",
  // ê ề ế ể ễ ệ
  ª: "ê",
  Ò: "ề",
  Õ: "ế",
  Ó: "ể",
  Ô: "ễ",
  Ö: "ệ",
  // ì í ỉ ĩ ị
  "×": "ì",
  Ý: "í",
  Ø: "ỉ",
  Ü: "ĩ",
  Þ: "ị",
  // ò ó ỏ õ ọ
  ß: "ò",
  ã: "ó",
  á: "ỏ",
  â: "õ",
  ä: "ọ",
  // ô ồ ố ổ ỗ ộ
  "«": "ô",
  å: "ồ",
  è: "ố",
  æ: "ổ",
  ç: "ỗ",
  é: "ộ",
  // ơ ờ ớ ở ỡ ợ
  "¬": "ơ",
  ê: "ờ",
  í: "ớ",
  ë: "ở",
  ì: "ỡ",
  î: "ợ",
  // ù ú ủ ũ ụ
  ï: "ù",
  ó: "ú",
  ñ: "ủ",
  ò: "ũ",
  ô: "ụ",
  // ư ừ ứ ử ữ ự
  "\u00AD": "ư",
  õ: "ừ",
  ø: "ứ",
  ö: "ử",
  "÷": "ữ",
  ù: "ự",
  // ỳ ý ỷ ỹ ỵ
  ú: "ỳ",
  ý: "ý",
  û: "ỷ",
  ü: "ỹ",
  þ: "ỵ",
  // upper case that TCVN3 has
  "¡": "Ă",
  "¢": "Â",
  "£": "Ê",
  "¤": "Ô",
  "¥": "Ơ",
  "¦": "Ư",
  "§": "Đ",
};

/** VNI modifier → the combining marks it adds (tone, or circumflex/breve + tone). Lower-case forms. */
export const VNI_MODIFIERS: Readonly<Record<string, string>> = {
  ù: "\u0301",
  ø: "\u0300",
  û: "\u0309",
  õ: "\u0303",
  ï: "\u0323",
  â: "\u0302",
  á: "\u0302\u0301",
  à: "\u0302\u0300",
  å: "\u0302\u0309",
  ã: "\u0302\u0303",
  ä: "\u0302\u0323",
  ê: "\u0306",
  é: "\u0306\u0301",
  è: "\u0306\u0300",
  ú: "\u0306\u0309",
  ü: "\u0306\u0303",
  ë: "\u0306\u0323",
};

/** VNI base letters that take a modifier (lower case): the plain vowel, or ô = ơ and ö = ư. */
export const VNI_BASES: Readonly<Record<string, string>> = {
  a: "a",
  e: "e",
  o: "o",
  u: "u",
  y: "y",
  ô: "o\u031B",
  ö: "u\u031B",
};

/** VNI characters that are a whole letter by themselves (lower case). */
export const VNI_SINGLES: Readonly<Record<string, string>> = {
  ô: "ơ",
  ö: "ư",
  ñ: "đ",
  í: "í",
  ì: "ì",
  æ: "ỉ",
  ó: "ĩ",
  ò: "ị",
  î: "ỵ",
};

const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/** Is base + marks a real Vietnamese letter? (circumflex on a/e/o only, breve on a only, ơ/ư tones only) */
function validCombination(base: string, marks: string): boolean {
  const shape = marks.length === 2 || !TONE_MARKS.has(marks) ? marks[0] : "";
  if (shape === "") return true;
  if (base.length > 1) return false; // ơ, ư take tones only
  if (shape === "\u0302") return base === "a" || base === "e" || base === "o";
  if (shape === "\u0306") return base === "a";
  return false;
}

/** VNI two-character sequence (base + modifier, both cases) → Unicode letter. */
export const VNI_PAIRS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [b, base] of Object.entries(VNI_BASES)) {
    for (const [mod, marks] of Object.entries(VNI_MODIFIERS)) {
      if (!validCombination(base, marks)) continue;
      const lower = (base + marks).normalize("NFC");
      m.set(b + mod, lower);
      m.set(b.toUpperCase() + mod.toUpperCase(), lower.toUpperCase());
    }
  }
  // ỵ is usually the single î, but y + ï is seen too
  return m;
})();

/** VNI single characters, both cases. */
export const VNI_SINGLE_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(VNI_SINGLES)) {
    m.set(k, v);
    m.set(k.toUpperCase(), v.toUpperCase());
  }
  return m;
})();
