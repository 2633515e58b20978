/** A WorkbookPort in memory that records every call (for the task pane's component tests). */
import type { Grid } from "../../src/core/grid";
import type {
  CellEdit,
  CellWrite,
  HighlightTarget,
  LoadedSettings,
  ProductSheet,
  ReadProgress,
  SheetCell,
  WorkbookPort,
} from "../../src/core/port";
import { SUMMARY_MARKER } from "../../src/documents/summary/build";
import type { Settings } from "../../src/core/settings";
import { defaultSettings } from "../../src/core/settings";
import type { SummarySpec, WriteSummaryResult } from "../../src/core/sheet-spec";

export type Call =
  | { m: "readSheets" }
  | { m: "writeSummary"; spec: SummarySpec }
  | { m: "highlight"; targets: HighlightTarget[] }
  | { m: "clearHighlights" }
  | { m: "select"; sheet: string; cell: string }
  | { m: "writeCells"; sheet: string; edits: CellEdit[] }
  | { m: "writeBatch"; writes: CellWrite[] }
  | { m: "readColumnWidths"; sheets: { sheet: string; columns: number }[] }
  | { m: "readFormulas"; cells: readonly SheetCell[] }
  | { m: "readLists"; cells: readonly SheetCell[] }
  | { m: "productSheets" }
  | { m: "loadSettings" }
  | { m: "saveSettings"; settings: Settings }
  | { m: "loadRecord"; key: string }
  | { m: "saveRecord"; key: string; value: unknown }
  | { m: "updateRecord"; key: string; value: unknown };

export class FakePort implements WorkbookPort {
  calls: Call[] = [];
  grids: Grid[];
  settings: LoadedSettings = { settings: defaultSettings() };
  /** Throw this from the named method (once per call while set). */
  failures: Partial<Record<Call["m"], Error>> = {};
  summaryNames = ["Tổng hợp"];
  private written = false;

  constructor(grids: Grid[] = []) {
    this.grids = grids;
  }

  private fail(m: Call["m"]): void {
    const e = this.failures[m];
    if (e) throw e;
  }

  callsOf<M extends Call["m"]>(m: M): Extract<Call, { m: M }>[] {
    return this.calls.filter((c): c is Extract<Call, { m: M }> => c.m === m);
  }

  async readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
    this.calls.push({ m: "readSheets" });
    this.fail("readSheets");
    this.grids.forEach((g, i) => onProgress?.({ done: i + 1, total: this.grids.length, sheet: g.name }));
    return this.grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  }
  async writeSummary(spec: SummarySpec): Promise<WriteSummaryResult> {
    this.calls.push({ m: "writeSummary", spec });
    this.fail("writeSummary");
    const replaced = this.written ? [...this.summaryNames] : [];
    this.written = true;
    this.markers.add(spec.marker);
    return { sheetNames: [...this.summaryNames], replaced };
  }
  async highlight(targets: HighlightTarget[]): Promise<void> {
    this.calls.push({ m: "highlight", targets });
    this.fail("highlight");
  }
  async clearHighlights(): Promise<void> {
    this.calls.push({ m: "clearHighlights" });
    this.fail("clearHighlights");
  }
  async select(sheet: string, cell: string): Promise<void> {
    this.calls.push({ m: "select", sheet, cell });
    this.fail("select");
  }
  async writeCells(sheet: string, edits: CellEdit[]): Promise<void> {
    this.calls.push({ m: "writeCells", sheet, edits });
    this.fail("writeCells");
    for (const e of edits) this.put(sheet, e.cell, e.value);
  }
  /** Dates land as 1900-system serials (what a reader hands the core). */
  async writeBatch(writes: CellWrite[]): Promise<void> {
    this.calls.push({ m: "writeBatch", writes });
    this.fail("writeBatch");
    for (const w of writes) {
      const v = w.value;
      if (v !== null && typeof v === "object") {
        const [y, m, d] = v.date.split("-").map(Number);
        this.put(w.sheet, w.cell, Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000), w.numberFormat ?? "dd/mm/yyyy");
      } else this.put(w.sheet, w.cell, v, w.numberFormat);
    }
  }
  /** Widths the test gives (`columnWidths`), else none known. */
  columnWidths: Record<string, number[]> = {};
  async readColumnWidths(sheets: { sheet: string; columns: number }[]): Promise<Record<string, number[]>> {
    this.calls.push({ m: "readColumnWidths", sheets });
    this.fail("readColumnWidths");
    return Object.fromEntries(sheets.map((s) => [s.sheet, this.columnWidths[s.sheet] ?? new Array<number>(s.columns).fill(0)]));
  }
  /** Formulas and drop-downs the test gives, by "sheet!A1". */
  formulas: Record<string, string> = {};
  lists: Record<string, string[]> = {};
  async readFormulas(cells: readonly SheetCell[]): Promise<(SheetCell & { formula: string })[]> {
    this.calls.push({ m: "readFormulas", cells });
    this.fail("readFormulas");
    return cells.flatMap((c) => (this.formulas[`${c.sheet}!${c.cell}`] ? [{ ...c, formula: this.formulas[`${c.sheet}!${c.cell}`] }] : []));
  }
  async readLists(cells: readonly SheetCell[]): Promise<(SheetCell & { list: string[] })[]> {
    this.calls.push({ m: "readLists", cells });
    this.fail("readLists");
    return cells.flatMap((c) => (this.lists[`${c.sheet}!${c.cell}`] ? [{ ...c, list: this.lists[`${c.sheet}!${c.cell}`] }] : []));
  }
  /** The kinds of product sheets written (by their marker). */
  markers = new Set<string>();
  /** The product's sheets as a test gives them (else: the summary sheets once a summary was written). */
  productSheetList: ProductSheet[] | null = null;
  async productSheets(): Promise<ProductSheet[]> {
    this.calls.push({ m: "productSheets" });
    this.fail("productSheets");
    if (this.productSheetList) return this.productSheetList;
    return this.markers.has(SUMMARY_MARKER) ? this.summaryNames.map((name) => ({ name, key: "main", marker: SUMMARY_MARKER })) : [];
  }
  private put(sheet: string, cell: string, value: string | number | boolean | null, format?: string): void {
    const g = this.grids.find((x) => x.name === sheet);
    if (!g) return;
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const r = Number(m[2]) - g.origin.row;
    const c = col - g.origin.col;
    while (g.values.length <= r) g.values.push([]);
    g.values[r][c] = value;
    if (format !== undefined) {
      g.numberFormats ??= [];
      while (g.numberFormats.length <= r) g.numberFormats.push([]);
      g.numberFormats[r][c] = format;
    }
  }
  async loadSettings(): Promise<LoadedSettings> {
    this.calls.push({ m: "loadSettings" });
    this.fail("loadSettings");
    return this.settings;
  }
  /** phuluc's records kept in the workbook (snapshots, merge undo data). */
  records: Record<string, unknown> = {};
  async loadRecord(key: string): Promise<unknown> {
    this.calls.push({ m: "loadRecord", key });
    this.fail("loadRecord");
    return this.records[key];
  }
  async saveRecord(key: string, value: unknown): Promise<void> {
    this.calls.push({ m: "saveRecord", key, value });
    this.fail("saveRecord");
    if (value === undefined) delete this.records[key];
    else this.records[key] = value;
  }
  /** Records the value `update` made (a record kept in the workbook is written once per call). */
  async updateRecord(key: string, update: (current: unknown) => unknown): Promise<void> {
    this.fail("updateRecord");
    const value = update(this.records[key]);
    this.calls.push({ m: "updateRecord", key, value });
    if (value === undefined) delete this.records[key];
    else this.records[key] = value;
  }
  async saveSettings(settings: Settings): Promise<void> {
    this.calls.push({ m: "saveSettings", settings });
    this.fail("saveSettings");
    this.settings = { settings };
  }
}
