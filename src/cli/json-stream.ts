/**
 * The JSON report as text in pieces: exactly `JSON.stringify(value, null, 2)`, but the top-level
 * arrays (tasks, issues: 100,000 entries on a big plan) are stringified one element at a time and
 * handed out in blocks of about `blockSize` characters, so the CLI never holds the whole text (tens
 * of megabytes, twice that as a JS string) in memory at once.
 */

const INDENT = "  ";
/**
 * Array elements stringified per call. Small enough that each piece is a small string: pieces of 2,000
 * tasks (1.6 MB each) are large objects the collector frees only in a full collection, and they took the
 * 100,000-task report past 300 MB; 250 keep it near 230 MB at the same speed.
 */
const SLICE = 250;
const WRAP_HEAD = '{\n  "x": [\n';
const WRAP_TAIL = "\n  ]\n}";

function nested(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + pad);
}

/**
 * Elements made as they are written: the array under a key is given as its source, and each slice of it
 * is mapped just before it is stringified (the issues get their messages a slice at a time, never all at once).
 */
export type LazyArrays = Record<string, (slice: readonly unknown[]) => unknown[]>;

/**
 * The pieces of `JSON.stringify(obj, null, 2)` for a plain object whose values are JSON data (or, for a
 * key of `lazy`, the source of an array mapped slice by slice).
 */
export function* jsonPieces(obj: Record<string, unknown>, lazy: LazyArrays = {}): Generator<string> {
  const keys = Object.keys(obj).filter((k) => {
    const v = obj[k];
    return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
  });
  if (keys.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const comma = i < keys.length - 1 ? "," : "";
    if (Array.isArray(v) && v.length > 0) {
      yield `${INDENT}${JSON.stringify(k)}: [\n`;
      // Elements in slices, stringified inside a wrapper object so JSON.stringify itself indents them
      // at the right depth (no re-indenting pass over the text).
      // Only lazy's own keys (a key named "valueOf" or "__proto__" is data, not a mapper).
      const map = Object.prototype.hasOwnProperty.call(lazy, k) ? lazy[k] : undefined;
      for (let j = 0; j < v.length; j += SLICE) {
        const slice = v.slice(j, j + SLICE);
        const text = JSON.stringify({ x: map ? map(slice) : slice }, null, 2);
        const body = text.slice(WRAP_HEAD.length, text.length - WRAP_TAIL.length);
        yield body + (j + SLICE < v.length ? ",\n" : "\n");
      }
      yield `${INDENT}]${comma}\n`;
    } else {
      yield `${INDENT}${JSON.stringify(k)}: ${nested(v, INDENT)}${comma}\n`;
    }
  }
  yield "}";
}

/** Pieces joined into blocks of at least `blockSize` characters (the last may be shorter): 128 K by default. */
export function* blocks(pieces: Iterable<string>, blockSize = 1 << 17): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of pieces) {
    buf.push(p);
    size += p.length;
    if (size >= blockSize) {
      yield buf.join("");
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join("");
}
