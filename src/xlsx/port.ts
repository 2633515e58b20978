/**
 * WorkbookPort over a workbook file held in memory (the CLI, and the task pane's preview mode in a
 * plain browser where the user opens an .xlsx). Reads through the streaming reader; every write is a
 * part edit, so `toBuffer()` gives back the user's package with only phuluc's changes. No Node API.
 */
import { fromA1 } from "../core/a1";
import type { Grid } from "../core/grid";
import type {
  CellEdit,
  CellWrite,
  HighlightTarget,
  LoadedSettings,
  ProductSheet,
  ReadProgress,
  SheetCell,
  WorkbookPort,
} from "../core/port";
import { SettingsSchema, type Settings } from "../core/settings";
import type { SummarySpec, WriteSummaryResult } from "../core/sheet-spec";
import { writeCellBatch, type CellValueEdit } from "./cells";
import { readFormulas, readLists } from "./cell-details";
import { readColumnWidths } from "./columns";
import { applyHighlights, clearHighlightRecords } from "./highlight";
import { readGrids, readUserGrid, userSheets } from "./read";
import { settingsFromStore } from "./settings";
import { readStore, readStoreFile, writeStore } from "./store";
import { partOfRecord } from "../core/store";
import { XlsxWorkbook } from "./workbook";
import { writeSummary } from "./write-summary";

export interface XlsxPortOptions {
  /** Called by select(): the preview grid scrolls to the cell. */
  onSelect?: (sheet: string, cell: string) => void;
  /** Only read (a check): damaged sheets are skipped (see read.ts) instead of refusing the file. */
  readOnly?: boolean;
  /** Cells the workbook may hold (default MAX_WORKBOOK_CELLS; a file phuluc builds from: MAX_BUILT_WORKBOOK_CELLS). */
  maxCells?: number;
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class XlsxWorkbookPort implements WorkbookPort {
  /** Sheets left out because their XML is damaged (read-only ports only). */
  skippedSheets: string[] = [];

  constructor(
    readonly workbook: XlsxWorkbook,
    private readonly options: XlsxPortOptions = {},
  ) {}

  /**
   * Open bytes (a file the user picked, or read by the CLI). Throws XlsxReadError — also, unless
   * read-only, when a sheet's XML is damaged (every sheet is read here once to know; the grids are kept).
   */
  static async fromBytes(data: Uint8Array | ArrayBuffer, fileName?: string, options: XlsxPortOptions = {}): Promise<XlsxWorkbookPort> {
    const wb = XlsxWorkbook.open(data, fileName);
    // A workbook that will be edited is read again after its edits: keep its grids. A read-only one (a
    // check, a unit's return) is read once, and its grids go as soon as the analysis is done with them.
    wb.keepGrids = !options.readOnly;
    if (options.maxCells !== undefined) wb.maxCells = options.maxCells;
    const port = new XlsxWorkbookPort(wb, options);
    if (!options.readOnly) readGrids(wb, {}); // refuse a damaged file now, not after the user's first edit
    return port;
  }

  async readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
    const sheets = userSheets(this.workbook);
    const grids: Grid[] = [];
    const skipped: string[] = [];
    let lastPause = Date.now();
    for (let i = 0; i < sheets.length; i++) {
      const grid = readUserGrid(this.workbook, sheets[i], !!this.options.readOnly);
      if (grid) grids.push(grid);
      else skipped.push(sheets[i].name);
      onProgress?.({ done: i + 1, total: sheets.length, sheet: sheets[i].name });
      // Let a browser repaint the progress between sheets — every 50 ms at most: a timer per sheet cost
      // a 10,000-sheet workbook 12 s of waiting (a timer fires no sooner than a millisecond).
      if (i < sheets.length - 1 && Date.now() - lastPause > 50) {
        await nextTick();
        lastPause = Date.now();
      }
    }
    this.skippedSheets = skipped;
    return grids;
  }

  async writeSummary(spec: SummarySpec): Promise<WriteSummaryResult> {
    return writeSummary(this.workbook, spec);
  }

  /** Write values into cells of one sheet: text stays text (never a formula), numbers stay numbers. */
  async writeValues(sheet: string, edits: CellValueEdit[]): Promise<void> {
    writeCellBatch(this.workbook, sheet, edits);
  }

  async writeCells(sheet: string, edits: CellEdit[]): Promise<void> {
    await this.writeValues(
      sheet,
      edits.map((e) => ({ cell: e.cell, value: String(e.value) })),
    );
  }

  /** One pass over each sheet's XML for all its cells. */
  async writeBatch(writes: CellWrite[]): Promise<void> {
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of writes) {
      const list = bySheet.get(w.sheet);
      if (list) list.push(w);
      else bySheet.set(w.sheet, [w]);
    }
    for (const [sheet, list] of bySheet) writeCellBatch(this.workbook, sheet, list);
  }

  async readColumnWidths(sheets: { sheet: string; columns: number }[]): Promise<Record<string, number[]>> {
    const out: Record<string, number[]> = {};
    for (const s of sheets) out[s.sheet] = readColumnWidths(this.workbook, s.sheet, s.columns);
    return out;
  }

  async readFormulas(cells: readonly SheetCell[]): Promise<(SheetCell & { formula: string })[]> {
    return readFormulas(this.workbook, cells);
  }

  async readLists(cells: readonly SheetCell[]): Promise<(SheetCell & { list: string[] })[]> {
    return readLists(this.workbook, cells);
  }

  async productSheets(): Promise<ProductSheet[]> {
    const { store, corrupt } = readStoreFile(this.workbook, ["settings", "sheets"]);
    return corrupt ? [] : store.summarySheets.filter((s) => this.workbook.sheet(s.name)).map((s) => ({ ...s }));
  }

  async highlight(targets: HighlightTarget[]): Promise<void> {
    await this.clearHighlights();
    const { store } = readStore(this.workbook);
    store.highlights = applyHighlights(this.workbook, targets);
    writeStore(this.workbook, store);
  }

  async clearHighlights(): Promise<void> {
    const { store, corrupt } = readStore(this.workbook);
    if (corrupt || store.highlights.length === 0) return;
    clearHighlightRecords(this.workbook, store.highlights);
    store.highlights = [];
    writeStore(this.workbook, store);
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.workbook.sheet(sheet) || !fromA1(cell)) return;
    this.options.onSelect?.(sheet, cell);
  }

  async loadSettings(): Promise<LoadedSettings> {
    const { store, corrupt } = readStoreFile(this.workbook, ["settings"]);
    return settingsFromStore(store, corrupt);
  }

  async saveSettings(settings: Settings): Promise<void> {
    const valid = SettingsSchema.parse(settings);
    const { store } = readStore(this.workbook);
    store.settings = valid;
    writeStore(this.workbook, store);
  }

  /** A record (a part of the store that cannot be read counts as absent). */
  async loadRecord(key: string): Promise<unknown> {
    return readStoreFile(this.workbook, [partOfRecord(key)]).store.records[key];
  }

  async saveRecord(key: string, value: unknown): Promise<void> {
    return this.updateRecord(key, () => value);
  }

  /** A file has one writer at a time: `update` is called once. */
  async updateRecord(key: string, update: (current: unknown) => unknown): Promise<void> {
    const { store } = readStore(this.workbook);
    const records = { ...store.records };
    const value = update(records[key]);
    if (value === undefined) delete records[key];
    else records[key] = value;
    writeStore(this.workbook, { ...store, records });
  }

  /** The workbook as .xlsx bytes (download in the browser, write a file in Node). */
  async toBuffer(): Promise<Uint8Array> {
    return this.workbook.save();
  }
}
