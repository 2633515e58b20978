/** Address helpers for Office.js results: "Sheet1!A1:B2", "'My, sheet'!A1:B2,'My, sheet'!C3" … */
import type { MergeArea } from "../core/grid";
import { fromA1 } from "../core/a1";

/** Split a RangeAreas address on the commas between areas (not those inside a quoted sheet name). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "Sheet!$A$1:$C$3" or "B2" → a 1-based rectangle; null when not a cell or cell range. */
export function parseArea(area: string): MergeArea | null {
  const bang = area.lastIndexOf("!");
  const local = bang >= 0 ? area.slice(bang + 1) : area;
  const [a, b] = local.split(":");
  const p = fromA1(a ?? "");
  const q = b === undefined ? p : fromA1(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function parseMergedAreas(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const a of splitAreas(address)) {
    const r = parseArea(a);
    if (r && (r.bottom > r.top || r.right > r.left)) out.push(r);
  }
  return out;
}
