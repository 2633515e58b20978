/**
 * Cell fills as the store records them for reversible highlights, in the format both adapters read:
 * an ExcelJS-style JSON fill ({"type":"pattern","pattern":"solid","fgColor":{"argb":"FFRRGGBB"}}) or a
 * bare colour ("#RRGGBB", as the Office.js adapter writes it). The file adapter adds, under "phuluc",
 * what it needs to put the cell back exactly (its style index and whether the cell or row existed).
 * No Node API.
 */
import type { FillInfo, XlsxColor } from "./styles";

/** Highlight colours: light red for errors, light amber for warnings (Excel's "Bad"/"Neutral" fills). */
export const HIGHLIGHT_RGB = { error: "FFC7CE", warning: "FFEB9C" } as const;

export interface RestoreInfo {
  /** The cell's s attribute before (null: none). */
  s: number | null;
  /** A fingerprint of that cell style, to know it still means the same after the file was re-saved. */
  h: string;
  cell: "present" | "absent";
  row: "present" | "absent";
}

export interface StoredFill {
  type: "pattern" | "gradient";
  pattern?: string;
  fgColor?: { argb?: string; theme?: number; tint?: number; indexed?: number };
  bgColor?: { argb?: string; theme?: number; tint?: number; indexed?: number };
  phuluc?: RestoreInfo;
}

function colorJson(c: XlsxColor | undefined): StoredFill["fgColor"] | undefined {
  if (!c) return undefined;
  if (c.rgb) return { argb: c.rgb.toUpperCase().padStart(8, "F") };
  const o: NonNullable<StoredFill["fgColor"]> = {};
  if (c.theme !== undefined) o.theme = c.theme;
  if (c.tint !== undefined) o.tint = c.tint;
  if (c.indexed !== undefined) o.indexed = c.indexed;
  return o;
}

export function fillJson(f: FillInfo, restore?: RestoreInfo): StoredFill {
  if (f.pattern === "gradient") return { type: "gradient", ...(restore ? { phuluc: restore } : {}) };
  const out: StoredFill = { type: "pattern", pattern: f.pattern };
  const fg = colorJson(f.fg);
  const bg = colorJson(f.bg);
  if (fg && f.pattern !== "none") out.fgColor = fg;
  if (bg && f.pattern !== "none" && f.pattern !== "solid") out.bgColor = bg;
  if (restore) out.phuluc = restore;
  return out;
}

export function solidFillJson(rgb: string): string {
  return JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FF" + rgb.toUpperCase() } });
}

/** Decode a stored fill: JSON, a bare colour, or null (no fill). Unknown text → null. */
export function decodeStoredFill(s: string | null): StoredFill | null {
  if (s === null) return null;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s.trim());
  if (hex) return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex[1].toUpperCase() } };
  try {
    const f = JSON.parse(s) as StoredFill;
    if (f && typeof f === "object" && (f.type === "pattern" || f.type === "gradient")) return f;
  } catch {
    /* not JSON */
  }
  return null;
}

/** "RRGGBB" of a solid stored fill, else null. */
export function solidRgbOf(f: StoredFill | null): string | null {
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return null;
  const argb = f.fgColor?.argb;
  return typeof argb === "string" && /^[0-9a-fA-F]{6,8}$/.test(argb) ? argb.slice(-6).toUpperCase() : null;
}

/** "RRGGBB" a cell's fill shows when it is a solid RGB fill, else null. */
export function solidRgbOfInfo(f: FillInfo): string | null {
  if (f.pattern !== "solid" || !f.fg?.rgb) return null;
  return f.fg.rgb.slice(-6).toUpperCase();
}

/** Excel's legacy indexed palette (the first 64 entries that fills use). */
const INDEXED = [
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "800000",
  "008000",
  "000080",
  "808000",
  "800080",
  "008080",
  "C0C0C0",
  "808080",
  "9999FF",
  "993366",
  "FFFFCC",
  "CCFFFF",
  "660066",
  "FF8080",
  "0066CC",
  "CCCCFF",
  "000080",
  "FF00FF",
  "FFFF00",
  "00FFFF",
  "800080",
  "800000",
  "008080",
  "0000FF",
  "00CCFF",
  "CCFFFF",
  "CCFFCC",
  "FFFF99",
  "99CCFF",
  "FF99CC",
  "CC99FF",
  "FFCC99",
  "3366FF",
  "33CCCC",
  "99CC00",
  "FFCC00",
  "FF9900",
  "FF6600",
  "666699",
  "969696",
  "003366",
  "339966",
  "003300",
  "333300",
  "993300",
  "993366",
  "333399",
  "333333",
];

/** CSS colour of a fill for the preview grid ("#RRGGBB"), or null (none, or a theme colour). */
export function cssColorOf(f: FillInfo): string | null {
  if (f.pattern === "none" || f.pattern === "gradient") return null;
  const c = f.pattern === "solid" ? f.fg : (f.fg ?? f.bg);
  if (!c) return null;
  if (c.rgb && /^[0-9A-F]{6,8}$/i.test(c.rgb)) return "#" + c.rgb.slice(-6).toUpperCase();
  if (c.indexed !== undefined && INDEXED[c.indexed]) return "#" + INDEXED[c.indexed];
  return null;
}

/** A short fingerprint of a text (FNV-1a, hex). */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
