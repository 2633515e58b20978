/**
 * SummarySpec: the summary sheets as plain data (cells, styles, merges, highlights, widths, print setup).
 * Built by the core (buildSummary), written by an adapter (ExcelJS or Office.js). No adapter types here.
 * Coordinates are 1-based sheet rows/columns.
 */

export type Rgb = string; // "RRGGBB"

export interface CellStyle {
  /** `name`: font family (additive; the summary uses "Times New Roman" as administrative reports do). */
  font?: { name?: string; bold?: boolean; italic?: boolean; size?: number; color?: Rgb; underline?: boolean };
  /** Solid background fill. */
  fill?: Rgb;
  /** Thin borders on all four sides. */
  border?: boolean;
  align?: { horizontal?: "left" | "center" | "right"; vertical?: "top" | "middle" | "bottom"; wrap?: boolean };
  /** Excel number format, e.g. "0.0%", "dd/mm/yyyy", "@". */
  numFmt?: string;
}

/**
 * A cell value. Strings are ALWAYS written as text (never a formula, even when they start with
 * "=", "+", "-", "@"). Dates are { date: "YYYY-MM-DD" }. Formulas are never produced from user text;
 * the spec itself carries none.
 */
export type SpecValue = string | number | boolean | null | { date: string };

export interface SpecCell {
  row: number;
  col: number;
  value: SpecValue;
  /** Key into SummarySheetSpec.styles. */
  style?: string;
}

export interface SpecMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A picture that reads faster than numbers: data bars in .xlsx, a native chart through Office.js. */
export interface SpecDataBar {
  kind: "dataBar";
  /** A1 range of the numeric cells, e.g. "J8:J14". */
  range: string;
  color: Rgb;
  /** Fixed bar scale (additive; e.g. 0 and 1 for rates, so 50% is always half a cell). Absent = automatic. */
  min?: number;
  max?: number;
}

export interface SpecChart {
  kind: "chart";
  type: "barClustered" | "barStacked" | "columnClustered" | "columnStacked";
  title: string;
  /** A1 range including the header row and the category column. */
  dataRange: string;
  seriesBy: "columns" | "rows";
  /** Top-left and bottom-right anchor cells (A1). */
  from: string;
  to: string;
}

export interface SpecPrint {
  paper: "A4";
  orientation: "landscape" | "portrait";
  fitToWidth: 1;
  /** Rows repeated at the top of each printed page, e.g. [6, 6]. */
  printTitleRows?: [number, number];
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Whole printable area, A1 (e.g. "A1:K40"). */
  printArea?: string;
  /**
   * Centred page footer (additive), in Excel header/footer codes: &P = page number, &N = number of
   * pages, && = a literal "&". Office.js: pageLayout.headersFooters.defaultForAllPages.centerFooter.
   */
  footerCenter?: string;
}

export interface SummarySheetSpec {
  /** Stable id of the sheet's role ("summary_units", "summary_overdue", …); stored as the marker. */
  key: string;
  /** Preferred name; the writer picks another when a user sheet already has it. */
  name: string;
  styles: Record<string, CellStyle>;
  cells: SpecCell[];
  merges: SpecMerge[];
  /** Column widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  /** Optional row heights in points, by sheet row. */
  rowHeights?: Record<number, number>;
  visuals: (SpecDataBar | SpecChart)[];
  print: SpecPrint;
  /** Rows frozen at the top (header), 0 = none. */
  freezeRows?: number;
  tabColor?: Rgb;
}

export interface SummarySpec {
  /** Marker the product stores with its own sheets so it can recognise and replace them later. */
  marker: string;
  sheets: SummarySheetSpec[];
}

/** A summary sheet's optional extra, which an Excel may refuse without costing the summary itself. */
export type FinishingTouch =
  "dataBar" | "chart" | "pageSetup" | "fitToWidth" | "printTitles" | "printArea" | "freezeRows" | "tabColor" | "columnWidths";

/** What the writer did: the final sheet names, in spec order. */
export interface WriteSummaryResult {
  sheetNames: string[];
  replaced: string[];
  /** Finishing touches Excel refused (the sheets are complete without them); absent when all were applied. */
  unapplied?: { sheet: string; touch: FinishingTouch }[];
}
