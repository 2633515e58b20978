/**
 * Writes a SummarySpec into an ExcelJS workbook. The product's previous summary sheets — recognised by
 * the store's record (name + marker), never by name alone — are replaced; a user's sheet with the same
 * name is left alone and the new sheet takes another name ("Tổng hợp (2)"). The new sheets go after the
 * user's sheets, so the user's sheet order (and anything that depends on it) does not change.
 */
import type ExcelJS from "exceljs";
import { STORE_SHEET, type Store } from "../core/store";
import { uniqueSheetName } from "../core/summary/names";
import type { SummarySheetSpec, SummarySpec, WriteSummaryResult } from "../core/summary/spec";
import { excelStyle, excelValue } from "./summary-cells";
import { keepPageNumbering } from "./summary-fidelity";
import { findStoreSheet, readStore, writeStore } from "./store";

/** The footer's font (the report's). */
const FOOTER_FONT = "Times New Roman";

/** A4 in Excel's paperSize numbering. */
export const PAPER_A4 = 9;

/** The worksheets this spec's earlier runs wrote, as recorded in the store. */
export function recordedSummarySheets(wb: ExcelJS.Workbook, store: Store, marker: string): ExcelJS.Worksheet[] {
  const out: ExcelJS.Worksheet[] = [];
  for (const rec of store.summarySheets) {
    if (rec.marker !== marker || rec.name === STORE_SHEET) continue;
    const ws = wb.getWorksheet(rec.name);
    if (ws && !out.includes(ws)) out.push(ws);
  }
  return out;
}

/** "A1:K36" → "A$1:K$36": ExcelJS prefixes only "$" to each corner when it writes the defined name. */
function printAreaForExcelJs(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

function writeSheet(ws: ExcelJS.Worksheet, s: SummarySheetSpec): void {
  for (const c of s.cells) {
    const cell = ws.getCell(c.row, c.col);
    const style = c.style ? s.styles[c.style] : undefined;
    if (style) cell.style = excelStyle(style);
    cell.value = excelValue(c.value);
  }
  for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  s.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = h;

  let priority = 1;
  for (const v of s.visuals) {
    // Charts need Office.js (ExcelJS cannot write them); data bars become conditional formats.
    if (v.kind !== "dataBar") continue;
    ws.addConditionalFormatting({
      ref: v.range,
      rules: [
        {
          type: "dataBar",
          priority: priority++,
          gradient: false,
          cfvo: [
            v.min === undefined ? { type: "min" } : { type: "num", value: v.min },
            v.max === undefined ? { type: "max" } : { type: "num", value: v.max },
          ],
          color: { argb: "FF" + v.color.toUpperCase() },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }

  const p = s.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...p.margins },
    ...(p.printTitleRows ? { printTitlesRow: `${p.printTitleRows[0]}:${p.printTitleRows[1]}` } : {}),
    ...(p.printArea ? { printArea: printAreaForExcelJs(p.printArea) } : {}),
  } as ExcelJS.PageSetup;
  if (p.footerCenter) ws.headerFooter = { oddFooter: `&C&"${FOOTER_FONT},Regular"&11${p.footerCenter}` };
  ws.views = [s.freezeRows ? { state: "frozen", ySplit: s.freezeRows, showGridLines: false } : { state: "normal", showGridLines: false }];
  if (s.tabColor) ws.properties.tabColor = { argb: "FF" + s.tabColor.toUpperCase() };
}

export function writeSummary(workbook: ExcelJS.Workbook, spec: SummarySpec): WriteSummaryResult {
  const { store } = readStore(workbook);
  const activeName = activeSheetName(workbook);
  // The store sheet first, so every run leaves the same order: user sheets, store, summaries.
  if (!findStoreSheet(workbook)) writeStore(workbook, store);

  const replaced: string[] = [];
  for (const ws of recordedSummarySheets(workbook, store, spec.marker)) {
    replaced.push(ws.name);
    workbook.removeWorksheet(ws.id);
  }

  const taken = new Set(workbook.worksheets.map((w) => w.name));
  taken.add(STORE_SHEET);
  const sheetNames: string[] = [];
  for (const s of spec.sheets) {
    const name = uniqueSheetName(s.name, taken);
    taken.add(name);
    sheetNames.push(name);
    writeSheet(workbook.addWorksheet(name), s);
  }

  const existing = new Set(workbook.worksheets.map((w) => w.name));
  const next: Store = {
    ...store,
    summarySheets: [
      // Records of other markers (another version of the product) stay while their sheet exists.
      ...store.summarySheets.filter((r) => r.marker !== spec.marker && existing.has(r.name)),
      ...spec.sheets.map((s, i) => ({ name: sheetNames[i], key: s.key, marker: spec.marker })),
    ],
  };
  writeStore(workbook, next);
  restoreActiveSheet(workbook, activeName);
  keepPageNumbering(workbook);
  return { sheetNames, replaced };
}

function activeSheetName(wb: ExcelJS.Workbook): string | undefined {
  const idx = wb.views?.[0]?.activeTab;
  return typeof idx === "number" ? wb.worksheets[idx]?.name : undefined;
}

/**
 * Keep the tab the user had open. When there is none, or it is not a visible sheet (a new workbook
 * would otherwise open on the very hidden store sheet, and LibreOffice even prints it), open the first
 * visible sheet.
 */
function restoreActiveSheet(wb: ExcelJS.Workbook, name: string | undefined): void {
  const sheets = wb.worksheets;
  let idx = name ? sheets.findIndex((w) => w.name === name) : -1;
  if (idx < 0 || sheets[idx].state !== "visible")
    idx = Math.max(
      0,
      sheets.findIndex((w) => w.state === "visible"),
    );
  if (!wb.views?.length) {
    wb.views = [{ x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: idx, visibility: "visible" }];
    return;
  }
  wb.views[0].activeTab = idx;
  if (typeof wb.views[0].firstSheet === "number" && wb.views[0].firstSheet > idx) wb.views[0].firstSheet = idx;
}
