/**
 * UTF-8 size of a string without encoding it (what it weighs in an Office.js request or response, or in a
 * record kept in the workbook whose size is bounded).
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of a value's JSON. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

/** How many of `items`, from the first, fit in `room` bytes as elements of a JSON array (each with its comma). */
export function countWithin(items: readonly unknown[], room: number): number {
  let used = 0;
  let n = 0;
  for (const item of items) {
    used += jsonBytes(item) + 1;
    if (used > room) break;
    n++;
  }
  return n;
}
