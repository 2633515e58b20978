/**
 * Plain-text tables whose columns line up in a terminal with Vietnamese text: width is counted in
 * screen columns (combining marks of NFD text take none, East Asian wide characters take two).
 */

const COMBINING = /\p{M}/u;
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Screen columns taken by a string. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x300) {
      w += cp < 32 ? 0 : 1;
      continue;
    }
    if (COMBINING.test(ch) || ZERO_WIDTH.test(ch)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

export function padEndWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}

export function padStartWidth(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : " ".repeat(width - w) + s;
}

/** Cut to at most `width` screen columns, ending with "…" when cut. */
export function truncateWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  // Keep combining marks attached to the last kept letter.
  return out + "…";
}

export interface Column {
  header: string;
  align: "left" | "right";
  /** Maximum width (longer cells are truncated with "…"). */
  max?: number;
}

/** Render rows under a header, columns separated by two spaces, a rule under the header. */
export function renderTable(columns: Column[], rows: string[][], footer?: string[]): string[] {
  const all = footer ? [...rows, footer] : rows;
  const cells = all.map((r) => r.map((c, i) => (columns[i].max ? truncateWidth(c, columns[i].max!) : c)));
  const widths = columns.map((col, i) => Math.max(displayWidth(col.header), ...cells.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (columns[i].align === "right" ? padStartWidth(c, widths[i]) : padEndWidth(c, widths[i])))
      .join("  ")
      .replace(/\s+$/, "");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const out = [line(columns.map((c) => c.header)), rule];
  for (const r of cells.slice(0, rows.length)) out.push(line(r));
  if (footer) {
    out.push(rule);
    out.push(line(cells[cells.length - 1]));
  }
  return out;
}
