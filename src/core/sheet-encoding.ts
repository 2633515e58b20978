/**
 * Legacy Vietnamese encodings per sheet: detect TCVN3/VNI on the sheet's text and, when found, give
 * back a copy of the grid with every text decoded to Unicode (each distinct string decoded once), so
 * the header, units, deadlines and status are all checked on readable text. In a Unicode sheet, legacy
 * cells pasted among Unicode ones are found one by one (decodeLegacyCells).
 */
import { decodeLegacy, detectEncoding, mayBeLegacyCell, readCellEncoding, type TextEncoding } from "./text/legacy";
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

/** A legacy cell of a Unicode sheet: where it is, what it holds and what it reads. */
export interface LegacyCell {
  row: number;
  col: number;
  encoding: "tcvn3" | "vni";
  raw: string;
  decoded: string;
}

/** How one distinct string reads as a cell: null = leave as is. */
interface Verdict {
  encoding: "tcvn3" | "vni";
  decoded: string;
  /** TCVN3 and VNI read it equally well: the sheet's other legacy cells decide. */
  ambiguous: boolean;
}

/** Each distinct string's per-cell verdict. Shared (a pure function of the string). */
const CELL_VERDICTS = new Map<string, Verdict | null>();

function cellVerdict(v: string): Verdict | null {
  let hit = CELL_VERDICTS.get(v);
  if (hit !== undefined) return hit;
  hit = null;
  try {
    const { encoding, ambiguous } = readCellEncoding(v);
    if (encoding !== "unicode") {
      const decoded = decodeLegacy(v, encoding);
      if (decoded !== v) hit = { encoding, decoded, ambiguous };
    }
  } catch {
    hit = null;
  }
  if (CELL_VERDICTS.size > 100_000) CELL_VERDICTS.clear();
  CELL_VERDICTS.set(v, hit);
  return hit;
}

/**
 * Legacy cells in a Unicode sheet: each decoded in a copy of the grid (rows copied only where a cell
 * changes), and listed for its own warning and fix. A cell that TCVN3 and VNI read equally well takes
 * the encoding most of the sheet's other legacy cells have (one person pasted them from one file). The
 * grid is returned as is when there are none.
 */
export function decodeLegacyCells(grid: Grid): { grid: Grid; cells: LegacyCell[] } {
  const found: { ri: number; ci: number; raw: string; verdict: Verdict }[] = [];
  const rows = grid.values;
  let tcvn3 = 0;
  let vni = 0;
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    if (!Array.isArray(row)) continue;
    for (let ci = 0; ci < row.length; ci++) {
      const v = row[ci];
      if (typeof v !== "string" || !mayBeLegacyCell(v)) continue;
      const verdict = cellVerdict(v);
      if (!verdict) continue;
      found.push({ ri, ci, raw: v, verdict });
      if (!verdict.ambiguous) {
        if (verdict.encoding === "tcvn3") tcvn3++;
        else vni++;
      }
    }
  }
  if (found.length === 0) return { grid, cells: [] };
  const sheetPrefers = vni > tcvn3 ? "vni" : "tcvn3";
  const values = rows.slice();
  const cells: LegacyCell[] = [];
  for (const { ri, ci, raw, verdict } of found) {
    let { encoding, decoded } = verdict;
    if (verdict.ambiguous && encoding !== sheetPrefers) {
      encoding = sheetPrefers;
      decoded = decodeLegacy(raw, encoding);
    }
    if (values[ri] === rows[ri]) values[ri] = rows[ri].slice();
    values[ri][ci] = decoded;
    cells.push({ row: grid.origin.row + ri, col: grid.origin.col + ci, encoding, raw, decoded });
  }
  return { grid: { ...grid, values }, cells };
}
