/** Helpers for the summary writer tests: user workbooks, snapshots of every sheet, the raw sheet XML. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { GridBuilder } from "../support/grid-builder";
import { buildWorkbook, type SheetSource } from "../support/xlsx-builder";
import type { Store } from "../../src/core/store";

/** A user's workbook: an appendix, a user sheet already named "Tổng hợp", a hidden scratch sheet. */
export function userSheets(): SheetSource[] {
  const pl = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .blank()
    .header()
    .group("I", "Chuyển đổi số")
    .task({ stt: 1, content: "Số hóa hồ sơ", lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "Đang thực hiện" })
    .task({ stt: 2, content: "=1+1 là văn bản", lead: "Công an xã", deadline: 46300 }, { deadline: "dd/mm/yyyy" });
  return [
    pl,
    {
      name: "Tổng hợp",
      values: [
        ["Bảng của tôi", 123],
        ["ghi chú", null, "x"],
      ],
      merges: [{ top: 3, left: 1, bottom: 3, right: 3 }],
      cells: [{ row: 5, col: 2, value: 0.5, numFmt: "0%", fill: "FFFF00" }],
      widths: { 1: 30 },
    },
    { name: "Nháp", visibility: "hidden", values: [["tạm"]] },
  ];
}

/** …plus what a user's file carries beyond values: print setup, a conditional format, a data validation. */
export function userWorkbook(options: { store?: Store } = {}): ExcelJS.Workbook {
  const wb = buildWorkbook(userSheets(), options);
  const pl = wb.getWorksheet("PL I")!;
  pl.pageSetup.orientation = "portrait";
  pl.pageSetup.paperSize = 9;
  pl.pageSetup.printArea = "A1:J10";
  pl.pageSetup.printTitlesRow = "4:4";
  const mine = wb.getWorksheet("Tổng hợp")!;
  mine.addConditionalFormatting({
    ref: "B1:B5",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["100"], priority: 1, style: { font: { bold: true } } }],
  });
  mine.getCell("D1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  mine.getCell("D2").value = { formula: "B1*2", result: 246 };
  return wb;
}

export async function roundTrip(wb: ExcelJS.Workbook): Promise<{ buffer: Buffer; wb: ExcelJS.Workbook }> {
  const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as any);
  return { buffer, wb: back };
}

export interface SheetSnapshot {
  name: string;
  state: string;
  merges: string[];
  cells: Record<string, { value: unknown; style: unknown }>;
  widths: (number | undefined)[];
  pageSetup: unknown;
  conditionalFormattings: unknown;
  dataValidations: unknown;
}

/** Every cell value and style, every merge, the widths: what "unchanged" means for a user sheet. */
export function snapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: JSON.parse(JSON.stringify(cell.value ?? null)), style: JSON.parse(JSON.stringify(cell.style ?? {})) };
    });
  });
  const merges = Object.keys((ws as any)._merges ?? {}).sort();
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) widths.push(ws.getColumn(c).width);
  const clone = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));
  return {
    name: ws.name,
    state: ws.state,
    merges,
    cells,
    widths,
    pageSetup: clone(ws.pageSetup),
    // ExcelJS gives data bars a fresh random x14 id on every save: not part of what the sheet shows
    conditionalFormattings: JSON.parse(
      JSON.stringify((ws as any).conditionalFormattings ?? null, (k, v) => (k === "x14Id" ? undefined : v)),
    ),
    dataValidations: clone((ws as any).dataValidations?.model),
  };
}

export function snapshotAll(wb: ExcelJS.Workbook, names?: string[]): SheetSnapshot[] {
  return wb.worksheets.filter((w) => !names || names.includes(w.name)).map(snapshot);
}

/** The XML of a sheet inside the saved .xlsx, found through workbook.xml and its relationships. */
export async function sheetXml(buffer: Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const esc = sheetName.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const m = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(wbXml);
  if (!m) throw new Error(`sheet ${sheetName} not in workbook.xml`);
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${m[1]}`);
  const p = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  return zip.file(p)!.async("string");
}

export async function workbookXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file("xl/workbook.xml")!.async("string");
}
