/**
 * How deep JSON text nests, found by one scan of its brackets (strings skipped), before anything parses
 * it. JSON.parse copes with 200,000 nested arrays, but whatever walks the value next — a schema check,
 * JSON.stringify when it is written back — recurses once per level and overflows the stack.
 */

/** Whether no array or object in `text` is nested more than `max` deep. */
export function jsonNestingWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return false;
    } else if (c === 93 || c === 125) depth--;
  }
  return true;
}
