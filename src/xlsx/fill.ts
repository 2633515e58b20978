/**
 * Cell fills for reversible highlights. ExcelJS shares one style object between all cells of the same
 * style, so a fill is always set by giving the cell a fresh style object, never by mutating it.
 */
import type ExcelJS from "exceljs";

/** Highlight colours: light red for errors, light amber for warnings (Excel's "Bad"/"Neutral" fills). */
export const HIGHLIGHT_RGB = { error: "FFC7CE", warning: "FFEB9C" } as const;

export function solidFill(rgb: string): ExcelJS.FillPattern {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + rgb.toUpperCase() } };
}

/** True when the fill shows nothing (absent, or pattern "none"). */
export function isNoFill(fill: ExcelJS.Fill | undefined | null): boolean {
  if (!fill) return true;
  return fill.type === "pattern" && ((fill as ExcelJS.FillPattern).pattern === "none" || !(fill as ExcelJS.FillPattern).pattern);
}

function colorKey(c: Partial<ExcelJS.Color> | undefined): string {
  if (!c) return "";
  if (c.argb) return c.argb.toUpperCase().padStart(8, "F");
  return JSON.stringify(c, Object.keys(c).sort());
}

/** A comparable key for a fill that survives a save/load round trip (key order, absent bgColor). */
export function fillKey(fill: ExcelJS.Fill | undefined | null): string {
  if (isNoFill(fill)) return "none";
  const f = fill as ExcelJS.Fill;
  if (f.type === "pattern") {
    const p = f as ExcelJS.FillPattern;
    if (p.pattern === "solid") return "solid:" + colorKey(p.fgColor);
    return `pattern:${p.pattern}:${colorKey(p.fgColor)}:${colorKey(p.bgColor)}`;
  }
  return "gradient:" + JSON.stringify(f);
}

/** Serialise a fill for the store (null = no fill). */
export function encodeFill(fill: ExcelJS.Fill | undefined | null): string | null {
  return isNoFill(fill) ? null : JSON.stringify(fill);
}

/**
 * Decode a stored fill. Accepts this adapter's JSON and a bare colour ("#RRGGBB" / "RRGGBB", as the
 * Office.js adapter records it). Unknown text → null (no fill).
 */
export function decodeFill(s: string | null): ExcelJS.Fill | null {
  if (s === null) return null;
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s.trim());
  if (hex) return solidFill(hex[1]);
  try {
    const f = JSON.parse(s);
    if (f && typeof f === "object" && (f.type === "pattern" || f.type === "gradient")) return f as ExcelJS.Fill;
  } catch {
    /* not JSON */
  }
  return null;
}

/** Set (or remove, with null) a cell's fill without touching other cells that share its style. */
export function setCellFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const style = { ...(cell.style ?? {}) } as Partial<ExcelJS.Style>;
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
  // ExcelJS keeps the style index of the cell's last load or save in the cell's model and only
  // overwrites it with a non-zero one: a cell whose style became the default (index 0) would be saved
  // with a stale index — another cell's format (a number shown as a date). Drop it; saving recomputes it.
  const model = (cell as unknown as { _value?: { model?: { styleId?: number } } })._value?.model;
  if (model) delete model.styleId;
}
