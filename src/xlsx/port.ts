/**
 * WorkbookPort over an in-memory ExcelJS workbook: the CLI and the task pane's preview mode (a plain
 * browser, the user opens an .xlsx). No Node API here.
 */
import ExcelJS from "exceljs";
import { fromA1 } from "../core/a1";
import type { Grid } from "../core/grid";
import type { CellEdit, HighlightTarget, LoadedSettings, ReadProgress, WorkbookPort } from "../core/port";
import { SettingsSchema, type Settings } from "../core/settings";
import type { HighlightRecord } from "../core/store";
import type { SummarySpec, WriteSummaryResult } from "../core/summary/spec";
import { xlsxTexts } from "../i18n/xlsx";
import { restoreDefinedNames } from "./defined-names";
import { decodeFill, encodeFill, fillKey, HIGHLIGHT_RGB, setCellFill, solidFill } from "./fill";
import { loadWorkbook, originalBytesOf, skippedSheetsOf, userWorksheets, worksheetToGrid } from "./read";
import { settingsFromStore } from "./settings";
import { productSheetNames, readStore, writeStore } from "./store";
import { keepPageNumbering } from "./summary-fidelity";
import { writeSummary } from "./write-summary";

export interface XlsxPortOptions {
  /** Called by select(): the preview grid scrolls to the cell. */
  onSelect?: (sheet: string, cell: string) => void;
  /**
   * The file the workbook was loaded from: toBuffer() puts its defined names back (see
   * defined-names.ts). Default: the bytes loadWorkbook read it from.
   */
  originalBytes?: Uint8Array;
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class XlsxWorkbookPort implements WorkbookPort {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: XlsxPortOptions = {},
  ) {}

  /** Open bytes (a file the user picked, or read by the CLI). Throws XlsxReadError. */
  static async fromBytes(
    data: Uint8Array | ArrayBuffer,
    fileName?: string,
    options?: XlsxPortOptions & { readOnly?: boolean },
  ): Promise<XlsxWorkbookPort> {
    return new XlsxWorkbookPort(await loadWorkbook(data, fileName, { readOnly: options?.readOnly }), options);
  }

  /** Sheets left out because their XML is damaged (read-only loads only; the others are still read). */
  get skippedSheets(): string[] {
    return skippedSheetsOf(this.workbook);
  }

  async readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
    const sheets = userWorksheets(this.workbook);
    const grids: Grid[] = [];
    for (let i = 0; i < sheets.length; i++) {
      grids.push(worksheetToGrid(sheets[i]));
      onProgress?.({ done: i + 1, total: sheets.length, sheet: sheets[i].name });
      // Let a browser repaint the progress between sheets.
      if (i < sheets.length - 1) await nextTick();
    }
    return grids;
  }

  async writeSummary(spec: SummarySpec): Promise<WriteSummaryResult> {
    return writeSummary(this.workbook, spec);
  }

  private worksheet(sheet: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(xlsxTexts.sheetNotFound(sheet));
    return ws;
  }

  async writeCells(sheet: string, edits: CellEdit[]): Promise<void> {
    const ws = this.worksheet(sheet);
    const cells = edits.map((e) => {
      const a = fromA1(e.cell);
      if (!a) throw new Error(xlsxTexts.cellNotValid(e.cell));
      return { a, value: String(e.value) };
    });
    // A string value in ExcelJS is always text (never a formula), whatever it starts with.
    for (const { a, value } of cells) ws.getCell(a.row, a.col).value = value;
  }

  async highlight(targets: HighlightTarget[]): Promise<void> {
    await this.clearHighlights();
    // One highlight per cell; an error wins over a warning.
    const byCell = new Map<string, HighlightTarget>();
    for (const t of targets) {
      const key = t.sheet + "\u0000" + t.cell;
      const prev = byCell.get(key);
      if (!prev || (prev.severity === "warning" && t.severity === "error")) byCell.set(key, t);
    }
    const { store } = readStore(this.workbook);
    const records: HighlightRecord[] = [];
    for (const t of byCell.values()) {
      const ws = this.workbook.getWorksheet(t.sheet);
      const a = fromA1(t.cell);
      if (!ws || !a) continue;
      const cell = ws.getCell(a.row, a.col);
      const applied = solidFill(HIGHLIGHT_RGB[t.severity]);
      records.push({ sheet: t.sheet, cell: t.cell, previousFill: encodeFill(cell.fill), appliedFill: JSON.stringify(applied) });
      setCellFill(cell, applied);
    }
    store.highlights = records;
    writeStore(this.workbook, store);
  }

  async clearHighlights(): Promise<void> {
    const { store, corrupt } = readStore(this.workbook);
    if (corrupt || store.highlights.length === 0) return;
    for (const h of store.highlights) {
      const ws = this.workbook.getWorksheet(h.sheet);
      const a = fromA1(h.cell);
      if (!ws || !a) continue;
      const cell = ws.findCell(a.row, a.col);
      if (!cell) continue;
      // The user changed the fill since: leave the cell alone.
      if (fillKey(cell.fill) !== fillKey(decodeFill(h.appliedFill))) continue;
      setCellFill(cell, decodeFill(h.previousFill));
    }
    store.highlights = [];
    writeStore(this.workbook, store);
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.workbook.getWorksheet(sheet) || !fromA1(cell)) return;
    this.options.onSelect?.(sheet, cell);
  }

  async loadSettings(): Promise<LoadedSettings> {
    const { store, corrupt } = readStore(this.workbook);
    return settingsFromStore(store, corrupt);
  }

  async saveSettings(settings: Settings): Promise<void> {
    const valid = SettingsSchema.parse(settings);
    const { store } = readStore(this.workbook);
    store.settings = valid;
    writeStore(this.workbook, store);
  }

  async loadRecord(key: string): Promise<unknown> {
    const { store, corrupt } = readStore(this.workbook);
    return corrupt ? undefined : store.records[key];
  }

  async saveRecord(key: string, value: unknown): Promise<void> {
    const { store } = readStore(this.workbook);
    const records = { ...store.records };
    if (value === undefined) delete records[key];
    else records[key] = value;
    writeStore(this.workbook, { ...store, records });
  }

  /** The workbook as .xlsx bytes (download in the browser, write a file in Node). */
  async toBuffer(): Promise<Uint8Array> {
    keepPageNumbering(this.workbook);
    const out = await this.workbook.xlsx.writeBuffer();
    const saved = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    const original = this.options.originalBytes ?? originalBytesOf(this.workbook);
    if (!original) return saved;
    const product = [...productSheetNames(this.workbook)];
    return restoreDefinedNames(original, saved, product);
  }
}
