/**
 * The printable sheet "Báo cáo" (where the pane cannot download: Excel for Mac): the same words as the
 * .docx on an A4 portrait sheet, written through the port like the summary but under its own marker, so
 * the two never replace each other and neither is read back as a plan sheet.
 */
import ExcelJS from "exceljs";
import { writeReportSheet } from "../../src/app/use-cases/report";
import { writeSummarySheets } from "../../src/app/use-cases/summarize";
import { analyze } from "../../src/core/analyze";
import { buildReportDoc } from "../../src/documents/report-doc/build";
import { MARGINS_MM } from "../../src/documents/report-doc/form";
import { buildReportSheet, GRID_COLUMNS, REPORT_SHEET_MARKER, REPORT_SHEET_NAME } from "../../src/documents/report-doc/sheet";
import { docText } from "../../src/documents/report-doc/spec";
import { buildSummary, SUMMARY_MARKER } from "../../src/documents/summary/build";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { fullSettings, sampleReport, withChanges } from "./fixtures";

describe("buildReportSheet", () => {
  const doc = buildReportDoc(withChanges(sampleReport()), fullSettings());
  const spec = buildReportSheet(doc);
  const sheet = spec.sheets[0];

  test("one sheet 'Báo cáo' under its own marker, A4 portrait with the form's margins", () => {
    expect(spec.marker).toBe(REPORT_SHEET_MARKER);
    expect(spec.marker).not.toBe(SUMMARY_MARKER);
    expect(spec.sheets).toHaveLength(1);
    expect(sheet.name).toBe(REPORT_SHEET_NAME);
    expect(sheet.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: 1 });
    expect(sheet.print.margins.left).toBeCloseTo(MARGINS_MM.left / 25.4, 2);
    expect(sheet.print.margins.right).toBeCloseTo(MARGINS_MM.right / 25.4, 2);
    expect(sheet.columnWidths).toHaveLength(GRID_COLUMNS);
  });

  test("every word of the document is in a cell, in order; placeholders are filled yellow", () => {
    const texts = sheet.cells.filter((c) => typeof c.value === "string" && c.value).map((c) => (c.value as string).trim());
    const joined = texts.join("\n");
    for (const line of docText(doc)) {
      // table rows are cells side by side; each of their cells is there
      for (const part of line.split(" | ")) expect(joined).toContain(part.trim());
    }
    const placeholders = sheet.cells.filter((c) => typeof c.value === "string" && c.value.trim().startsWith("[Cơ quan soạn thảo viết"));
    expect(placeholders).toHaveLength(3);
    for (const c of placeholders) expect(sheet.styles[c.style!].fill).toBe("FFFF00");
    for (const c of sheet.cells) expect(sheet.styles[c.style!].font?.name).toBe("Times New Roman");
  });

  test("merges stay inside the grid and never overlap; rows that wrap are taller", () => {
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      expect(m.left).toBeGreaterThanOrEqual(1);
      expect(m.right).toBeLessThanOrEqual(GRID_COLUMNS);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          expect(seen.has(`${r}:${c}`)).toBe(false);
          seen.add(`${r}:${c}`);
        }
    }
    const opening = sheet.cells.find((c) => typeof c.value === "string" && c.value.includes("Thực hiện Kế hoạch"))!;
    expect(sheet.rowHeights![opening.row]).toBeGreaterThan(2 * 14);
  });
});

test("through the file port: written beside the summary, replaced alone, never read back as a plan sheet", async () => {
  const grid = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
    .header()
    .task({ stt: 1, content: "Rà soát thủ tục", lead: "Phòng Văn hóa - Xã hội", deadline: "30/6/2026" })
    .build();
  const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([grid]), "plan.xlsx");
  const settings = fullSettings();
  const report = analyze(await port.readSheets(), { asOf: "2026-11-22", settings });
  const summary = await writeSummarySheets(port, report, settings);
  const first = await writeReportSheet(port, report, settings);
  expect(first).toMatchObject({ sheetNames: ["Báo cáo"], replaced: [] });
  const again = await writeReportSheet(port, report, settings);
  expect(again).toMatchObject({ sheetNames: ["Báo cáo"], replaced: ["Báo cáo"] });

  const bytes = await port.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const names = wb.worksheets.map((w) => w.name);
  for (const n of [...summary.sheetNames, "Báo cáo", "PL I"]) expect(names).toContain(n);
  expect(names.filter((n) => n === "Báo cáo")).toHaveLength(1);
  const ws = wb.getWorksheet("Báo cáo")!;
  expect(ws.pageSetup.orientation).toBe("portrait");
  expect(ws.pageSetup.paperSize).toBe(9);

  // read back: the report sheet is phuluc's own, not a plan sheet
  const reread = await XlsxWorkbookPort.fromBytes(bytes, "plan.xlsx");
  expect((await reread.readSheets()).map((g) => g.name)).not.toContain("Báo cáo");
});

test("through the Office.js port (fake Excel): the sheet with its merges, beside the summary, which it never replaces", async () => {
  const fake = fakeWorkbook([
    new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Số hóa hồ sơ", lead: "Công an xã" }),
  ]);
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  const summary = await port.writeSummary(buildSummary(sampleReport(), fullSettings()));
  const spec = buildReportSheet(buildReportDoc(withChanges(sampleReport()), fullSettings()));
  const first = await port.writeSummary(spec);
  const again = await port.writeSummary(spec);
  expect(first.sheetNames).toEqual(["Báo cáo"]);
  expect(again.replaced).toEqual(["Báo cáo"]);
  const sheet = fake.model.sheet("Báo cáo");
  expect(sheet.merges).toEqual(spec.sheets[0].merges);
  for (const name of summary.sheetNames) expect(fake.model.sheet(name)).toBeDefined();
});
