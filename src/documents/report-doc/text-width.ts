/**
 * How wide a line of text prints in Times New Roman, estimated from the font's advance widths (in 1/1000
 * em; Liberation Serif has the same metrics). Used to size the lines drawn under header text (the decree
 * fixes their length relative to the text) and the printable sheet's row heights. Vietnamese letters take
 * their base letter's width (tone marks do not widen a letter; horns add a little).
 */

// prettier-ignore
const REGULAR: Record<string, number> = {
  " ": 250, a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722,
  O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  "-": 333, "–": 500, "—": 1000, ".": 250, ",": 250, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333, "%": 833, "…": 1000,
};
// prettier-ignore
const BOLD: Record<string, number> = {
  " ": 250, a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944, N: 722,
  O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  "-": 333, "–": 500, "—": 1000, ".": 250, ",": 250, ":": 333, ";": 333, "/": 278, "(": 333, ")": 333, "%": 1000, "…": 1000,
};

const HORNED = /[ƠơƯư]/;

function charWidth(ch: string, table: Record<string, number>): number {
  const direct = table[ch];
  if (direct !== undefined) return direct;
  if (ch === "Đ") return table.D;
  if (ch === "đ") return table.d;
  if (/\d/.test(ch)) return 500;
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (base.length === 1 && table[base] !== undefined) return table[base] + (HORNED.test(ch) ? 60 : 0);
  if (HORNED.test(ch)) return (ch === ch.toUpperCase() ? table.O : table.o) + 60;
  return 500;
}

/** Points a single line of `text` takes at `sizePt` (no wrapping). */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize("NFC")) units += charWidth(ch, table);
  return (units / 1000) * sizePt;
}

/** How many lines `text` wraps to in a box `widthPt` wide (word by word; at least 1). */
export function wrappedLines(text: string, sizePt: number, widthPt: number, bold = false): number {
  let lines = 0;
  for (const para of text.split("\n")) {
    lines++;
    let used = 0;
    const space = textWidthPt(" ", sizePt, bold);
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = textWidthPt(word, sizePt, bold);
      if (used > 0 && used + space + w > widthPt) {
        lines++;
        used = w;
      } else used += (used > 0 ? space : 0) + w;
      while (used > widthPt) {
        lines++;
        used -= widthPt;
      }
    }
  }
  return Math.max(1, lines);
}
