/// <reference types="office-js" />
/**
 * OfficeWorkbookPort: the WorkbookPort inside Excel (desktop, Mac, web) through Office.js.
 * `run` is injectable (default Excel.run) so tests drive it against test/fakes/fake-excel.ts, and so is
 * the requirement-set check (default Office.context.requirements.isSetSupported).
 * Every failure reaches the caller as an ExcelUserError whose message is one Vietnamese sentence.
 */
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
import { defaultSettings, parseSettings, type Settings } from "../core/settings";
import { sheetNameKey } from "../core/sheet-names";
import type { SummarySpec, WriteSummaryResult } from "../core/sheet-spec";
import { excelTexts, toUserMessage } from "../i18n/excel";
import { textForUserCell } from "./cell-values";
import { withUserErrors } from "./errors";
import { readFormulasWith, readListsWith } from "./cell-details";
import { applyHighlights } from "./highlight";
import { readSheetsWith } from "./read-sheets";
import { featureSupport, officeIsSetSupported, type Feature, type IsSetSupported } from "./requirements";
import { getRecord, partOfRecord, setRecord, type PartKey } from "../core/store";
import { loadSheetsAndStore, recordedSheets, SHEET_LIST_PROPS, sessionValue, StoreClient, updateStore, type PartsUpdate } from "./store";
import { writeSummaryWith } from "./write-summary";
import { readColumnWidthsWith, writeBatchWith } from "./write-batch";

export type ExcelRun = <T>(fn: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookPortOptions {
  run?: ExcelRun;
  isSetSupported?: IsSetSupported;
  /** Response/request budget per sync in bytes (tests lower it to exercise chunking). */
  budgetBytes?: number;
}

const defaultRun: ExcelRun = (fn) => Excel.run((ctx) => fn(ctx));

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private readonly budgetBytes?: number;
  private featureCache?: Record<Feature, boolean>;
  /** This runtime's side of the store: ids for its writes, the parts it last read or wrote (store.ts). */
  private readonly store: StoreClient;
  /** The last read could not read (all) merged areas although this Excel has the API (over 512 areas…). */
  private mergesUnread = false;

  constructor(options: OfficeWorkbookPortOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported();
    this.budgetBytes = options.budgetBytes;
    this.store = new StoreClient(options.budgetBytes);
  }

  /** Which optional features this Excel supports (ExcelApi sets above the manifest's 1.4). */
  private get supported(): Record<Feature, boolean> {
    return (this.featureCache ??= featureSupport(this.isSetSupported));
  }

  /**
   * What the pane may rely on: the supported features, except that `mergedAreas` is false after a read
   * that could not read the merged areas (so the pane shows its "merged cells not read" warning).
   */
  get features(): Record<Feature, boolean> {
    return this.mergesUnread ? { ...this.supported, mergedAreas: false } : this.supported;
  }

  readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
    return withUserErrors(() =>
      this.run((ctx) => {
        this.mergesUnread = false;
        return readSheetsWith(ctx, {
          mergedAreas: this.supported.mergedAreas,
          onProgress,
          budgetBytes: this.budgetBytes,
          onMergesUnread: () => void (this.mergesUnread = true),
        });
      }),
    );
  }

  writeSummary(spec: SummarySpec): Promise<WriteSummaryResult> {
    return withUserErrors(() =>
      this.run((ctx) => writeSummaryWith(ctx, spec, { features: this.supported, budgetBytes: this.budgetBytes, client: this.store })),
    );
  }

  highlight(targets: HighlightTarget[]): Promise<void> {
    return withUserErrors(() => this.run((ctx) => applyHighlights(ctx, targets, this.supported.fillPattern, this.store)));
  }

  clearHighlights(): Promise<void> {
    return withUserErrors(() => this.run((ctx) => applyHighlights(ctx, [], this.supported.fillPattern, this.store)));
  }

  select(sheet: string, cell: string): Promise<void> {
    return withUserErrors(() =>
      this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    );
  }

  writeCells(sheet: string, edits: CellEdit[]): Promise<void> {
    return withUserErrors(() =>
      this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        for (const e of edits) {
          const r = ws.getRange(e.cell);
          r.values = [[textForUserCell(e.value)]];
          r.untrack();
        }
        await ctx.sync();
      }),
    );
  }

  writeBatch(writes: CellWrite[]): Promise<void> {
    const opts = {
      budgetBytes: this.budgetBytes,
      suspendCalculation: this.supported.suspendCalculation,
      copyFormats: this.supported.copyFormats,
    };
    return withUserErrors(() => this.run(async (ctx) => void (await writeBatchWith(ctx, writes, opts))));
  }

  readFormulas(cells: readonly SheetCell[]): Promise<(SheetCell & { formula: string })[]> {
    if (!cells.length) return Promise.resolve([]);
    return withUserErrors(() => this.run((ctx) => readFormulasWith(ctx, cells)));
  }

  /** Never throws: a drop-down that cannot be read (an older Excel, a name that points nowhere) is no drop-down. */
  async readLists(cells: readonly SheetCell[]): Promise<(SheetCell & { list: string[] })[]> {
    if (!cells.length || !this.supported.dataValidation) return [];
    try {
      return await this.run((ctx) => readListsWith(ctx, cells));
    } catch {
      return [];
    }
  }

  productSheets(): Promise<ProductSheet[]> {
    return withUserErrors(() =>
      this.run(async (ctx) => {
        const { items, session } = await loadSheetsAndStore(ctx, SHEET_LIST_PROPS, ["sheets"], this.store);
        const present = new Set(items.map((ws) => sheetNameKey(ws.name)));
        return recordedSheets(session)
          .filter((s) => present.has(sheetNameKey(s.name)))
          .map((s) => ({ ...s }));
      }),
    );
  }

  readColumnWidths(sheets: { sheet: string; columns: number }[]): Promise<Record<string, number[]>> {
    return withUserErrors(() => this.run((ctx) => readColumnWidthsWith(ctx, sheets)));
  }

  /** Never throws: unreadable or corrupt settings → defaults with a Vietnamese warning. */
  async loadSettings(): Promise<LoadedSettings> {
    try {
      // 1 sync without `_phuluc`, 2 with it (the list tells whether it exists; see store.ts): only the settings' part.
      const session = await this.run(async (ctx) => (await loadSheetsAndStore(ctx, SHEET_LIST_PROPS, ["settings"], this.store)).session);
      const part = session.parts.get("settings");
      if (session.corrupt || part?.damaged) return { settings: defaultSettings(), warning: excelTexts.settingsCorrupt };
      if (part?.value === undefined) return { settings: defaultSettings() };
      const parsed = parseSettings(part.value);
      return parsed.warning ? { settings: parsed.settings, warning: excelTexts.settingsCorrupt } : { settings: parsed.settings };
    } catch (err) {
      return { settings: defaultSettings(), warning: excelTexts.settingsUnreadable(toUserMessage(err)) };
    }
  }

  /** Never throws for a corrupt store (undefined); Excel errors become Vietnamese messages. Reads only the record's part. */
  loadRecord(key: string): Promise<unknown> {
    const part = partOfRecord(key);
    return withUserErrors(() =>
      this.run(async (ctx) => {
        const { session } = await loadSheetsAndStore(ctx, SHEET_LIST_PROPS, [part], this.store);
        return session.corrupt ? undefined : getRecord(sessionValue(session, part), key);
      }),
    );
  }

  saveRecord(key: string, value: unknown): Promise<void> {
    return this.updateRecord(key, () => value);
  }

  updateRecord(key: string, update: (current: unknown) => unknown): Promise<void> {
    const part = partOfRecord(key);
    return this.updateStore(
      [part],
      (values) => new Map([[part, setRecord(values.get(part), key, update(getRecord(values.get(part), key)))]]),
    );
  }

  saveSettings(settings: Settings): Promise<void> {
    return this.updateStore(["settings"], () => new Map([["settings", settings]]));
  }

  /** One write of the store's parts, checked against the other runtime's writes (store.ts). */
  private updateStore(parts: PartKey[], update: PartsUpdate): Promise<void> {
    return withUserErrors(() => this.run((ctx) => updateStore(ctx, parts, update, this.store)));
  }
}
