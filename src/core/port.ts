/**
 * The one port the UI talks to. Implemented by src/excel (Office.js, inside Excel) and src/xlsx
 * (ExcelJS: the CLI and the task pane's preview mode in a plain browser).
 */
import type { Grid } from "./grid";
import type { Settings } from "./settings";
import type { SummarySpec, WriteSummaryResult } from "./sheet-spec";

export interface ReadProgress {
  /** Sheets read so far / sheets to read. */
  done: number;
  total: number;
  sheet?: string;
}

export interface HighlightTarget {
  sheet: string;
  cell: string; // A1
  severity: "error" | "warning";
}

export interface CellEdit {
  cell: string; // A1
  value: string;
}

/** One cell of a batch write (the merge of the units' returns, and its undo). */
export interface CellWrite {
  sheet: string;
  cell: string; // A1
  /** Text is always written as text (never a formula); a date as a date serial of the workbook's date system; null empties the cell. */
  value: string | number | boolean | null | { date: string };
  /**
   * A number format set with the value (e.g. "dd/mm/yyyy"); absent: the cell's format is kept. "@" (Text)
   * with text: the text is written as it is (no quote prefix: the format keeps it from being parsed).
   */
  numberFormat?: string;
  /** A cell of the same sheet whose look (font, fill, borders, alignment, number format) the cell takes first: a column added to a table is headed like its neighbours. */
  styleFrom?: string;
  /** A formula written as a formula (undo of a merge puts back the formula a cell held; `value` is what it showed then). Never from user text. */
  formula?: string;
}

/** A cell of a sheet. */
export interface SheetCell {
  sheet: string;
  cell: string; // A1
}

/** The product's own sheets (summaries, the merge log) as the workbook records them. */
export interface ProductSheet {
  name: string;
  key: string;
  marker: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** A Vietnamese message when stored settings were corrupt and defaults are used. */
  warning?: string;
}

export interface WorkbookPort {
  /** All sheets as grids (the core decides which are appendices). The product's own summary sheets are skipped. */
  readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]>;
  /** Write (or replace) the product's summary sheets; never touches user sheets. */
  writeSummary(spec: SummarySpec): Promise<WriteSummaryResult>;
  /** Highlight issue cells, reversibly. Replaces any previous highlights made by the product. */
  highlight(targets: HighlightTarget[]): Promise<void>;
  /** Remove exactly the highlights the product made, restoring what was there. */
  clearHighlights(): Promise<void>;
  /** Select a cell (activating its sheet). */
  select(sheet: string, cell: string): Promise<void>;
  /** Write text values into cells of one sheet (one-click fixes). Values are written as text. */
  writeCells(sheet: string, edits: CellEdit[]): Promise<void>;
  /**
   * Write many cells of the user's sheets at once (the merge of the units' returns, its undo): a constant
   * number of round trips per 4 MB of values in Office.js, one pass per sheet in a file. Only those cells change.
   */
  writeBatch(writes: CellWrite[]): Promise<void>;
  /**
   * The widths of the first `columns` columns of each named sheet, in Excel character units (index 0 =
   * column A; 0 = not known): the units' copies keep the plan's layout.
   */
  readColumnWidths(sheets: { sheet: string; columns: number }[]): Promise<Record<string, number[]>>;
  /** The formulas of these cells (only the cells that hold one): the merge never writes over one unasked, and its undo puts it back. */
  readFormulas(cells: readonly SheetCell[]): Promise<(SheetCell & { formula: string })[]>;
  /** The drop-down (list validation) words of these cells (only the cells that have one): the merge writes a status in the plan's own words. */
  readLists(cells: readonly SheetCell[]): Promise<(SheetCell & { list: string[] })[]>;
  /** The product's own sheets now in the workbook (a merge marks the summaries made before it). */
  productSheets(): Promise<ProductSheet[]>;
  loadSettings(): Promise<LoadedSettings>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * One of phuluc's records kept in the workbook (`_phuluc`): undefined when absent or when the store is
   * unreadable (the settings' warning says so). The caller validates what it gets.
   */
  loadRecord(key: string): Promise<unknown>;
  /** Store a record under `key` (undefined removes it); the settings and the other records are kept. */
  saveRecord(key: string, value: unknown): Promise<void>;
  /**
   * Store the record `update` makes of the one kept now (undefined: absent or unreadable; returning
   * undefined removes it). When another runtime on the same workbook (the ribbon's, the pane's) writes the
   * store at the same time, `update` is called again with what it wrote, so both changes are kept: it
   * must be a pure function of its argument.
   */
  updateRecord(key: string, update: (current: unknown) => unknown): Promise<void>;
}
