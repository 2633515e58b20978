/**
 * Legacy Vietnamese encodings per sheet: detect TCVN3/VNI on the sheet's text and, when found, give
 * back a copy of the grid with every text decoded to Unicode (each distinct string decoded once), so
 * the header, units, deadlines and status are all checked on readable text.
 */
import { decodeLegacy, detectEncoding, type TextEncoding } from "./text/legacy";
import type { CellValue, Grid } from "./grid";

const MAX_SAMPLES = 3000;

export interface DecodedSheet {
  grid: Grid;
  encoding: TextEncoding;
  /** The first cell whose text the decoding changes (for the issue message). */
  sample: { row: number; col: number; raw: string; decoded: string } | null;
}

export function decodeSheet(grid: Grid): DecodedSheet {
  const samples: string[] = [];
  outer: for (const row of grid.values) {
    if (!Array.isArray(row)) continue;
    for (const v of row) {
      if (typeof v === "string" && v.trim() !== "") {
        samples.push(v);
        if (samples.length >= MAX_SAMPLES) break outer;
      }
    }
  }
  const encoding = samples.length ? safeDetect(samples) : "unicode";
  if (encoding === "unicode") return { grid, encoding, sample: null };

  const cache = new Map<string, string>();
  let sample: DecodedSheet["sample"] = null;
  const values: CellValue[][] = grid.values.map((row, ri) =>
    (Array.isArray(row) ? row : []).map((v, ci) => {
      if (typeof v !== "string") return v;
      let d = cache.get(v);
      if (d === undefined) {
        d = decodeLegacy(v, encoding);
        cache.set(v, d);
      }
      if (!sample && d !== v) sample = { row: grid.origin.row + ri, col: grid.origin.col + ci, raw: v, decoded: d };
      return d;
    }),
  );
  return { grid: { ...grid, values }, encoding, sample };
}

/** Detection is a heuristic over user text: if it ever fails, read the sheet as Unicode. */
function safeDetect(samples: string[]): TextEncoding {
  try {
    return detectEncoding(samples);
  } catch {
    return "unicode";
  }
}
