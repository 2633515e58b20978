/// <reference types="office-js" />
/** SummarySpec → Office.js operations on one new sheet (queued only; the caller syncs). */
import { rangeA1 } from "../core/a1";
import type { CellStyle, FinishingTouch, SpecCell, SummarySheetSpec } from "../core/sheet-spec";
import type { Feature } from "./requirements";
import { jsonBytes } from "../core/text/utf8";
import { specCell } from "./cell-values";

import type { ByteCounter } from "./payload";

export interface StyleRect {
  style: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells with the same style → as few rectangles as possible (row runs, then stacked runs). */
export function styleRects(cells: SpecCell[]): StyleRect[] {
  const styled = cells.filter((c) => c.style).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: StyleRect[] = [];
  for (const c of styled) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1 && last.style === c.style) last.right = c.col;
    else runs.push({ style: c.style!, top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  const open = new Map<string, StyleRect>();
  const out: StyleRect[] = [];
  for (const r of runs) {
    const k = `${r.style}|${r.left}|${r.right}`;
    const prev = open.get(k);
    if (prev && prev.bottom === r.top - 1) prev.bottom = r.top;
    else {
      const rect = { ...r };
      open.set(k, rect);
      out.push(rect);
    }
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const CHART_TYPE = {
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
} as const;

/**
 * Excel character units → points: a column of w characters is w × (the Normal font's digit width) + 5 px
 * of padding, at 0.75 pt per px. The digit width is 7 px for Calibri 11 (the default) — other Normal fonts
 * (Times New Roman 13, Mac's Calibri 12) are measured by measureCharWidth.
 */
export function widthToPoints(chars: number, pxPerChar = CALIBRI_11_PX): number {
  return Math.round((chars * pxPerChar + 5) * 0.75 * 100) / 100;
}

/** Points → Excel character units (the inverse of widthToPoints), to two decimals. */
export function pointsToWidth(points: number, pxPerChar = CALIBRI_11_PX): number {
  return Math.round(((points / 0.75 - 5) / pxPerChar) * 100) / 100;
}

export const CALIBRI_11_PX = 7;
/** Excel's standard column width, in characters, whatever the Normal font. */
export const DEFAULT_STANDARD_WIDTH = 8.43;

/**
 * The Normal font's digit width in pixels, from a sheet's standard width in characters and in points
 * (an untouched column's width): the inverse of widthToPoints.
 */
export function measureCharWidth(standardChars: number, standardPoints: number): number {
  if (!(standardChars > 0) || !(standardPoints > 0)) return CALIBRI_11_PX;
  const px = (standardPoints / 0.75 - 5) / standardChars;
  if (!(px > 2 && px < 40)) return CALIBRI_11_PX;
  // Excel truncates the standard width to whole pixels, so `px` is up to one pixel per standard width
  // short of the font's (whole-pixel) digit width: 8.43 × 9 px = 75.87 → 75 px → 8.9. Take that whole width.
  const whole = Math.ceil(px - 1e-9);
  return whole - px < 1 / standardChars + 0.01 ? whole : px;
}

/** Queue the column widths of a summary sheet (consecutive equal widths in one call). */
export function queueColumnWidths(ws: Excel.Worksheet, widths: number[], pxPerChar = CALIBRI_11_PX): number {
  let ops = 0;
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] > 0) {
      ws.getRange(rangeA1(1, i + 1, 1, j + 1)).format.columnWidth = widthToPoints(widths[i], pxPerChar);
      ops++;
    }
    i = j + 1;
  }
  return ops;
}

export const INCH = 72;
/** Excel's largest "fit to … pages" (the page setup dialog accepts 1–32767). */
export const MAX_FIT_PAGES = 32767;

function applyStyle(range: Excel.Range, s: CellStyle, rows: number, cols: number): number {
  let ops = 0;
  const f = range.format;
  if (s.font) {
    if (s.font.name) {
      f.font.name = s.font.name;
      ops++;
    }
    if (s.font.size) {
      f.font.size = s.font.size;
      ops++;
    }
    if (s.font.bold) {
      f.font.bold = true;
      ops++;
    }
    if (s.font.italic) {
      f.font.italic = true;
      ops++;
    }
    if (s.font.underline) {
      f.font.underline = "Single" as Excel.RangeUnderlineStyle;
      ops++;
    }
    if (s.font.color) {
      f.font.color = "#" + s.font.color.toUpperCase();
      ops++;
    }
  }
  if (s.fill) {
    f.fill.color = "#" + s.fill.toUpperCase();
    ops++;
  }
  if (s.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (cols > 1) edges.push("InsideVertical");
    if (rows > 1) edges.push("InsideHorizontal");
    for (const e of edges) {
      const b = f.borders.getItem(e as Excel.BorderIndex);
      b.style = "Continuous" as Excel.BorderLineStyle;
      b.weight = "Thin" as Excel.BorderWeight;
      ops += 2;
    }
  }
  if (s.align?.horizontal) {
    f.horizontalAlignment = H_ALIGN[s.align.horizontal] as Excel.HorizontalAlignment;
    ops++;
  }
  if (s.align?.vertical) {
    f.verticalAlignment = V_ALIGN[s.align.vertical] as Excel.VerticalAlignment;
    ops++;
  }
  if (s.align?.wrap) {
    f.wrapText = true;
    ops++;
  }
  return ops;
}

const OP_BYTES = 160;

/** The values, with their number formats first ("@" keeps text as text), in blocks of rows. */
async function queueValues(
  ws: Excel.Worksheet,
  spec: SummarySheetSpec,
  counter: ByteCounter,
  rowsPerBlock: number,
  date1904: boolean,
): Promise<void> {
  const byRow = new Map<number, Map<number, SpecCell>>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of spec.cells) {
    if (!byRow.has(c.row)) byRow.set(c.row, new Map());
    byRow.get(c.row)!.set(c.col, c);
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  for (let top = 1; top <= maxRow; top += rowsPerBlock) {
    const bottom = Math.min(maxRow, top + rowsPerBlock - 1);
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const rowCells = byRow.get(r);
      const vRow: (string | number | boolean)[] = [];
      const fRow: string[] = [];
      for (let c = 1; c <= maxCol; c++) {
        const cell = rowCells?.get(c);
        if (!cell) {
          vRow.push("");
          fRow.push("General");
          continue;
        }
        const { value, format } = specCell(cell.value, cell.style ? spec.styles[cell.style]?.numFmt : undefined, date1904);
        vRow.push(value);
        fRow.push(format);
      }
      values.push(vRow);
      formats.push(fRow);
    }
    const range = ws.getRange(rangeA1(top, 1, bottom, maxCol));
    range.numberFormat = formats;
    range.values = values;
    counter.add(jsonBytes(values) + jsonBytes(formats) + OP_BYTES);
    await counter.checkpoint();
  }
}

/** Queue everything for one summary sheet; `counter` decides when a sync is due (large sheets only). */
export async function queueSheet(
  ws: Excel.Worksheet,
  spec: SummarySheetSpec,
  counter: ByteCounter,
  rowsPerBlock = 500,
  date1904 = false,
): Promise<void> {
  await queueValues(ws, spec, counter, rowsPerBlock, date1904);

  // Styles, as rectangles; then merged areas (a sheet of changes has two per change), each one counted.
  for (const r of styleRects(spec.cells)) {
    const s = spec.styles[r.style];
    if (!s) continue;
    const ops = applyStyle(ws.getRange(rangeA1(r.top, r.left, r.bottom, r.right)), s, r.bottom - r.top + 1, r.right - r.left + 1);
    counter.add(ops * OP_BYTES);
    await counter.checkpoint();
  }
  for (const m of spec.merges) {
    ws.getRange(rangeA1(m.top, m.left, m.bottom, m.right)).merge(false);
    counter.add(OP_BYTES);
    await counter.checkpoint();
  }

  // Column widths (for Calibri 11; write-summary corrects them for another Normal font), row heights.
  counter.add(queueColumnWidths(ws, spec.columnWidths) * OP_BYTES);
  for (const [row, h] of Object.entries(spec.rowHeights ?? {})) {
    ws.getRange(`A${row}`).format.rowHeight = h;
    counter.add(OP_BYTES);
  }
  await counter.checkpoint();
}

/**
 * The finishing touches of one sheet — data bars, chart, print setup, frozen header, tab colour — each as
 * its own step. The writer sends them together after the content; if Excel rejects one (an old build, an
 * odd printer setting), the steps are retried one by one, so a rejected extra never costs the summary.
 */
export interface SheetExtra {
  what: string;
  /** What to tell the user when Excel refuses it. */
  touch: FinishingTouch;
  /** "set" extras only set properties (safe to send twice); "chart"/"dataBar" add an object. */
  kind: "set" | "chart" | "dataBar";
  /** For a data bar: its range (to count what a failed batch already added). */
  range?: string;
  queue: (ws: Excel.Worksheet) => void;
}

/** The sheet's finishing touches Excel supports: its data bars and charts, print setup, frozen header and tab colour. */
export function sheetExtras(spec: SummarySheetSpec, features: Record<Feature, boolean>): SheetExtra[] {
  return [
    ...visualExtras(spec, features.conditionalFormats),
    ...(features.pageLayout ? printExtras(spec) : []),
    ...(features.freezeAndTabColor ? viewExtras(spec) : []),
  ];
}

/** A data bar (when conditional formats are supported) or a chart per visual, in order. */
function visualExtras(spec: SummarySheetSpec, conditionalFormats: boolean): SheetExtra[] {
  const out: SheetExtra[] = [];
  spec.visuals.forEach((v, i) => {
    if (v.kind === "dataBar") {
      if (!conditionalFormats) return;
      out.push({
        what: `dataBar ${i} ${v.range}`,
        touch: "dataBar",
        kind: "dataBar",
        range: v.range,
        queue: (ws) => {
          const cf = ws.getRange(v.range).conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
          cf.dataBar.positiveFormat.fillColor = "#" + v.color.toUpperCase();
          cf.dataBar.positiveFormat.gradientFill = false;
        },
      });
    } else {
      out.push({
        what: `chart ${i} ${v.dataRange}`,
        touch: "chart",
        kind: "chart",
        queue: (ws) => {
          const chart = ws.charts.add(
            CHART_TYPE[v.type] as Excel.ChartType,
            ws.getRange(v.dataRange),
            (v.seriesBy === "rows" ? "Rows" : "Columns") as Excel.ChartSeriesBy,
          );
          chart.title.text = v.title;
          chart.setPosition(v.from, v.to);
        },
      });
    }
  });
  return out;
}

/** Page setup (A4, orientation, margins), fit to width, print titles and print area. */
function printExtras(spec: SummarySheetSpec): SheetExtra[] {
  const out: SheetExtra[] = [];
  const p = spec.print;
  out.push({
    what: "page setup",
    touch: "pageSetup",
    kind: "set",
    queue: (ws) => {
      const pl = ws.pageLayout;
      pl.paperSize = "A4" as Excel.PaperType;
      pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
      pl.centerHorizontally = true;
      pl.leftMargin = p.margins.left * INCH;
      pl.rightMargin = p.margins.right * INCH;
      pl.topMargin = p.margins.top * INCH;
      pl.bottomMargin = p.margins.bottom * INCH;
      pl.headerMargin = p.margins.header * INCH;
      pl.footerMargin = p.margins.footer * INCH;
    },
  });
  // Fit to one page wide and "any number of pages tall" — with documented values only: PageLayoutZoomOptions
  // documents a number of pages (0, Excel's "automatic" in the file format, is not documented). As many
  // pages tall as the sheet has rows is never the limit (a page holds at least one row), so only the
  // width scales the print.
  let lastRow = 1;
  for (const c of spec.cells) if (c.row > lastRow) lastRow = c.row;
  const tall = Math.min(MAX_FIT_PAGES, lastRow);
  out.push({
    what: "fit to width",
    touch: "fitToWidth",
    kind: "set",
    queue: (ws) => void (ws.pageLayout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: tall }),
  });
  const rows = p.printTitleRows;
  if (rows)
    out.push({
      what: "print titles",
      touch: "printTitles",
      kind: "set",
      queue: (ws) => ws.pageLayout.setPrintTitleRows(`$${rows[0]}:$${rows[1]}`),
    });
  const area = p.printArea;
  if (area) out.push({ what: "print area", touch: "printArea", kind: "set", queue: (ws) => ws.pageLayout.setPrintArea(area) });
  return out;
}

/** The frozen header rows and the tab colour. */
function viewExtras(spec: SummarySheetSpec): SheetExtra[] {
  const out: SheetExtra[] = [];
  const freeze = spec.freezeRows;
  if (freeze) out.push({ what: "freeze rows", touch: "freezeRows", kind: "set", queue: (ws) => ws.freezePanes.freezeRows(freeze) });
  const tab = spec.tabColor;
  if (tab) out.push({ what: "tab colour", touch: "tabColor", kind: "set", queue: (ws) => void (ws.tabColor = "#" + tab.toUpperCase()) });
  return out;
}
