/**
 * Writes a SummarySpec into a workbook file as the product's own parts: one worksheet part per summary
 * sheet (inline strings, styles appended to styles.xml, data bars, print setup with the print area and
 * repeated header rows as the sheet's own defined names, the native chart as a drawing), the store's
 * record. The product's previous summary sheets — recognised by the store's record (name + marker),
 * never by name alone — get the new content in place; a user's sheet with the same name is left alone
 * and the new sheet takes another name ("Tổng hợp (2)"). New sheets go after the user's sheets, so the
 * user's sheet order (and anything that depends on it) does not change. No Node API.
 */
import { STORE_SHEET, type Store } from "../core/store";
import { uniqueSheetName } from "../core/sheet-names";
import type { CellStyle, SpecChart, SpecDataBar, SummarySheetSpec, SummarySpec, WriteSummaryResult } from "../core/sheet-spec";
import { CHART_CONTENT_TYPE, CHART_REL, chartXml, DRAWING_CONTENT_TYPE, DRAWING_REL, drawingXml } from "./chart";
import { DATE_1904_OFFSET } from "./sheet-reader";
import { addWorksheet, removeSheet, replaceWorksheet } from "./sheet-parts";
import { summarySheetPieces, utf8Pieces, type ListValidationXml, type XmlCell } from "./sheet-xml";
import { findStoreSheet, readStore, writeStore } from "./store";
import type { XfRequest } from "./styles";
import { quoteSheetName, type WorkbookXml } from "./workbook-xml";
import type { WorkbookSheet, XlsxWorkbook } from "./workbook";

/** The footer's font (the report's). */
const FOOTER_FONT = "Times New Roman";
export const PRINT_AREA = "_xlnm.Print_Area";
export const PRINT_TITLES = "_xlnm.Print_Titles";
const DEFAULT_DATE_FORMAT = "dd/mm/yyyy";

/** The worksheets this spec's earlier runs wrote, as recorded in the store (with the record's key). */
export function recordedSummarySheets(wb: XlsxWorkbook, store: Store, marker: string): { sheet: WorkbookSheet; key: string }[] {
  const out: { sheet: WorkbookSheet; key: string }[] = [];
  const sheets = wb.sheets();
  for (const rec of store.summarySheets) {
    if (rec.marker !== marker || rec.name === STORE_SHEET) continue;
    const ws = sheets.find((s) => s.name === rec.name);
    if (ws && !out.some((o) => o.sheet.index === ws.index)) out.push({ sheet: ws, key: rec.key });
  }
  return out;
}

function xfRequest(s: CellStyle | undefined): XfRequest {
  if (!s) return {};
  return {
    font: s.font,
    fill: s.fill,
    border: s.border,
    align: s.align
      ? { horizontal: s.align.horizontal, vertical: s.align.vertical === "middle" ? "center" : s.align.vertical, wrap: s.align.wrap }
      : undefined,
    numFmt: s.numFmt,
  };
}

const serialOf = (iso: string, date1904: boolean): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const serial = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 + 25569;
  return (serial < 61 ? serial - 1 : serial) - (date1904 ? DATE_1904_OFFSET : 0);
};

/** "A1:K36" → "$A$1:$K$36". */
export const absolute = (a1: string) => a1.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** A sheet's print area and repeated header rows as its own defined names (Print_Area, Print_Titles). */
export function addPrintNames(w: WorkbookXml, sheet: string, index: number, print: SummarySheetSpec["print"]): void {
  if (print.printArea) w.addDefinedName(PRINT_AREA, `${quoteSheetName(sheet)}!${absolute(print.printArea)}`, index);
  const rows = print.printTitleRows;
  if (rows) w.addDefinedName(PRINT_TITLES, `${quoteSheetName(sheet)}!$${rows[0]}:$${rows[1]}`, index);
}

export function sheetCells(wb: XlsxWorkbook, s: SummarySheetSpec): XmlCell[] {
  const styles = wb.styles();
  const date1904 = wb.workbookXml().date1904();
  const xfByStyle = new Map<string, number>();
  const xfOf = (key: string | undefined, date: boolean): number => {
    const k = `${key ?? ""}|${date ? "d" : ""}`;
    let xf = xfByStyle.get(k);
    if (xf === undefined) {
      const req = xfRequest(key ? s.styles[key] : undefined);
      if (date && !req.numFmt) req.numFmt = DEFAULT_DATE_FORMAT;
      xf = req.font || req.fill || req.border || req.align || req.numFmt ? styles.xf(req) : 0;
      xfByStyle.set(k, xf);
    }
    return xf;
  };
  return s.cells.map((c) => {
    const v = c.value;
    if (v !== null && typeof v === "object") {
      const serial = serialOf(v.date, date1904);
      return serial === null
        ? { row: c.row, col: c.col, value: v.date, style: xfOf(c.style, false) }
        : { row: c.row, col: c.col, value: serial, style: xfOf(c.style, true) };
    }
    return { row: c.row, col: c.col, value: v, style: xfOf(c.style, false) };
  });
}

/** A summary sheet's XML as UTF-8 bytes, made in pieces (see utf8Pieces). */
export function sheetXml(
  s: SummarySheetSpec,
  cells: XmlCell[],
  idSeed: number,
  drawingRid?: string,
  validations?: ListValidationXml[],
): Uint8Array {
  return utf8Pieces(sheetPieces(s, cells, idSeed, drawingRid, validations));
}

function sheetPieces(
  s: SummarySheetSpec,
  cells: XmlCell[],
  idSeed: number,
  drawingRid?: string,
  validations?: ListValidationXml[],
): string[] {
  return summarySheetPieces({
    cells,
    merges: s.merges,
    columnWidths: s.columnWidths,
    rowHeights: s.rowHeights,
    dataBars: s.visuals.filter((v): v is SpecDataBar => v.kind === "dataBar"),
    freezeRows: s.freezeRows,
    tabColor: s.tabColor,
    print: {
      orientation: s.print.orientation,
      fitToWidth: s.print.fitToWidth,
      margins: s.print.margins,
      footer: s.print.footerCenter ? `&C&"${FOOTER_FONT},Regular"&11${s.print.footerCenter}` : undefined,
    },
    drawingRid,
    idSeed,
    validations,
  });
}

/** Put the sheet's charts in: a drawing part related from the sheet, one chart part per chart. */
function addCharts(wb: XlsxWorkbook, sheetPart: string, sheetName: string, charts: SpecChart[], cells: XmlCell[]): string {
  const dir = wb.workbookPart.slice(0, wb.workbookPart.lastIndexOf("/") + 1);
  const byCell = new Map<string, XmlCell["value"]>();
  for (const c of cells) byCell.set(`${c.row}:${c.col}`, c.value);
  const drawingPart = wb.pkg.freeName(`${dir}drawings/drawing`, ".xml");
  wb.pkg.set(drawingPart, "<placeholder/>", DRAWING_CONTENT_TYPE);
  const rids = charts.map((chart) => {
    const chartPart = wb.pkg.freeName(`${dir}charts/chart`, ".xml");
    wb.pkg.set(
      chartPart,
      chartXml(chart, sheetName, (r, c) => byCell.get(`${r}:${c}`) ?? null),
      CHART_CONTENT_TYPE,
    );
    return wb.pkg.addRel(drawingPart, CHART_REL, chartPart);
  });
  wb.pkg.set(drawingPart, drawingXml(charts, rids));
  return wb.pkg.addRel(sheetPart, DRAWING_REL, drawingPart);
}

export function writeSummary(wb: XlsxWorkbook, spec: SummarySpec): WriteSummaryResult {
  const { store } = readStore(wb);
  // The store sheet first, so every run leaves the same order: user sheets, store, summaries.
  if (!findStoreSheet(wb)) writeStore(wb, store);

  const recorded = recordedSummarySheets(wb, store, spec.marker);
  const replacedNames = recorded.map((r) => r.sheet.name);
  // Each new sheet takes the place of an old one with the same key; old ones left over are removed.
  const unused = [...recorded];
  const targets = spec.sheets.map((s) => {
    const i = unused.findIndex((u) => u.key === s.key);
    return i >= 0 ? unused.splice(i, 1)[0].sheet.name : null;
  });
  for (const u of [...unused].sort((a, b) => b.sheet.index - a.sheet.index)) {
    const ws = wb.sheets().find((x) => x.name === u.sheet.name);
    if (ws) removeSheet(wb, ws);
  }

  const replacedSet = new Set(replacedNames);
  const taken = new Set(
    wb
      .sheets()
      .map((w) => w.name)
      .filter((n) => !replacedSet.has(n)),
  );
  taken.add(STORE_SHEET);
  const sheetNames: string[] = [];
  const bracketed = wb.sheets().some((x) => /[[\]]/.test(x.name)) && wb.workbookXml().definedNames().length === 0;
  spec.sheets.forEach((s, i) => {
    const name = uniqueSheetName(s.name, taken);
    taken.add(name);
    sheetNames.push(name);
    const cells = sheetCells(wb, s);
    const charts = s.visuals.filter((v): v is SpecChart => v.kind === "chart");
    const seed = i + 1;
    const old = targets[i] ? wb.sheets().find((x) => x.name === targets[i]) : undefined;
    // A fresh part (or the old part, emptied of its drawing) has no relationships yet: its drawing is rId1.
    const xml = sheetXml(s, cells, seed, charts.length ? "rId1" : undefined);
    const part = old ? replaceWorksheet(wb, old, xml, name, "visible") : addWorksheet(wb, name, xml, "visible");
    if (charts.length) {
      const rid = addCharts(wb, part, name, charts, cells);
      if (rid !== "rId1") wb.setSheetXml(part, sheetXml(s, cells, seed, rid));
    }
    // The sheet's print area and repeated header rows: its own defined names, the user's names untouched.
    // (Not in a workbook with a sheet name in brackets — Google Sheets allows them: LibreOffice 7 then
    // refuses to open a file that has any defined name, so the summary prints without them.)
    const w = wb.workbookXml();
    const index = wb.sheets().findIndex((x) => x.name === name);
    w.removeLocalNames(index, [PRINT_AREA, PRINT_TITLES]);
    if (!bracketed) addPrintNames(w, name, index, s.print);
    w.save();
  });

  const existing = new Set(wb.sheets().map((w) => w.name));
  const next: Store = {
    ...store,
    summarySheets: [
      // Records of other markers (another version of the product) stay while their sheet exists.
      ...store.summarySheets.filter((r) => r.marker !== spec.marker && existing.has(r.name)),
      ...spec.sheets.map((s, i) => ({ name: sheetNames[i], key: s.key, marker: spec.marker })),
    ],
  };
  writeStore(wb, next);
  keepVisibleActiveTab(wb);
  return { sheetNames, replaced: replacedNames };
}

/**
 * Keep the tab the user had open. When it is not a visible sheet (a new workbook would otherwise open on
 * the very hidden store sheet, and LibreOffice even prints it), open the first visible sheet.
 */
export function keepVisibleActiveTab(wb: XlsxWorkbook): void {
  const w = wb.workbookXml();
  const sheets = wb.sheets();
  const active = w.activeTab();
  if (sheets[active]?.state === "visible") return;
  const first = sheets.findIndex((s) => s.state === "visible");
  w.setActiveTab(Math.max(0, first));
  w.save();
}
