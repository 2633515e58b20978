/**
 * A compact text form for a column of small whole numbers (or nulls), used by the summary snapshots kept
 * in the workbook: every value in the same number of base-36 digits (the width is the first character),
 * and a run of one value written once with "*count." after it. `null` is 0 and n is n + 1, so the
 * column of 5,000 statuses of a plan is at most 5,000 characters, and the column of ids, sheets and
 * row steps (mostly runs) a few characters.
 */

/** Digits, run marks and run ends only. */
const COLUMN_CHARS = /^[1-9][0-9a-z*.]*$/;
const MAX_WIDTH = 9;

function digits36(n: number, width: number): string {
  const s = n.toString(36);
  return s.length >= width ? s : "0".repeat(width - s.length) + s;
}

/** Encode whole numbers ≥ 0 (or null). Throws RangeError for anything else. */
export function encodeColumn(values: readonly (number | null)[]): string {
  let max = 0;
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`not a count: ${v}`);
    if (v + 1 > max) max = v + 1;
  }
  const width = Math.max(1, max.toString(36).length);
  if (width > MAX_WIDTH) throw new RangeError("value too large");
  let out = String(width);
  for (let i = 0; i < values.length;) {
    const v = values[i];
    let j = i + 1;
    while (j < values.length && values[j] === v) j++;
    const run = j - i;
    const token = digits36(v === null ? 0 : v + 1, width);
    const runText = `*${run.toString(36)}.`;
    out += runText.length < (run - 1) * width ? token + runText : token.repeat(run);
    i = j;
  }
  return out;
}

/** Decode exactly `count` values; throws Error on anything malformed. */
export function decodeColumn(text: string, count: number): (number | null)[] {
  const width = Number(text[0]);
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) throw new Error("bad column width");
  if (!COLUMN_CHARS.test(text)) throw new Error("bad digit");
  const out: (number | null)[] = [];
  let i = 1;
  while (i < text.length) {
    const token = text.slice(i, i + width);
    if (token.length !== width || token.includes("*") || token.includes(".")) throw new Error("truncated column");
    i += width;
    const raw = parseInt(token, 36);
    const value = raw === 0 ? null : raw - 1;
    let run = 1;
    if (text[i] === "*") {
      const end = text.indexOf(".", i);
      if (end < 0) throw new Error("bad run");
      const n = text.slice(i + 1, end);
      if (n === "" || n.includes("*")) throw new Error("bad run");
      run = parseInt(n, 36);
      i = end + 1;
    }
    if (out.length + run > count) throw new Error("column too long");
    for (let k = 0; k < run; k++) out.push(value);
  }
  if (out.length !== count) throw new Error("column too short");
  return out;
}

/** Signed → unsigned (0, -1, 1, -2 … → 0, 1, 2, 3 …), so small steps either way stay one digit. */
export function zigzag(n: number): number {
  return n >= 0 ? 2 * n : -2 * n - 1;
}

export function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}
