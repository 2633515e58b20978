/** A WorkbookPort in memory that records every call (for the task pane's component tests). */
import type { Grid } from "../../src/core/grid";
import type { CellEdit, HighlightTarget, LoadedSettings, ReadProgress, WorkbookPort } from "../../src/core/port";
import type { Settings } from "../../src/core/settings";
import { defaultSettings } from "../../src/core/settings";
import type { SummarySpec, WriteSummaryResult } from "../../src/core/summary/spec";

export type Call =
  | { m: "readSheets" }
  | { m: "writeSummary"; spec: SummarySpec }
  | { m: "highlight"; targets: HighlightTarget[] }
  | { m: "clearHighlights" }
  | { m: "select"; sheet: string; cell: string }
  | { m: "writeCells"; sheet: string; edits: CellEdit[] }
  | { m: "loadSettings" }
  | { m: "saveSettings"; settings: Settings }
  | { m: "loadRecord"; key: string }
  | { m: "saveRecord"; key: string; value: unknown };

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
    const g = this.grids.find((x) => x.name === sheet);
    if (!g) return;
    for (const e of edits) {
      const m = /^([A-Z]+)(\d+)$/.exec(e.cell)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const r = Number(m[2]) - g.origin.row;
      const c = col - g.origin.col;
      while (g.values.length <= r) g.values.push([]);
      g.values[r][c] = e.value;
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
  async saveSettings(settings: Settings): Promise<void> {
    this.calls.push({ m: "saveSettings", settings });
    this.fail("saveSettings");
    this.settings = { settings };
  }
}
