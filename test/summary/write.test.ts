import ExcelJS from "exceljs";
import { STATUS_CATEGORIES, UNASSIGNED_UNIT } from "../../src/core/report-schema";
import { defaultSettings } from "../../src/core/settings";
import { emptyStore, STORE_SHEET, type Store } from "../../src/core/store";
import { excelJsStoreOf } from "../support/store-cells";
import { buildSummary, SUMMARY_MARKER } from "../../src/documents/summary/build";
import { sanitizeSheetName, uniqueSheetName } from "../../src/core/sheet-names";
import { MAIN_COL } from "../../src/documents/summary/sheet-main";
import { DEADLINE_COL } from "../../src/documents/summary/sheet-deadlines";
import { TONES } from "../../src/documents/summary/styles";
import { summaryText } from "../../src/i18n/summary";
import { readStore } from "../../src/xlsx/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { emptyXlsx, excelJsBytes, writeSummaryInto, zipEntries } from "../support/xlsx-file";
import { INJECTIONS, sampleReport, sampleSettings } from "./fixtures";
import { roundTrip, sheetXml, snapshotAll, userWorkbook, workbookXml } from "./helpers";

/** The store as the file adapter reads it back from bytes. */
const storeOf = (bytes: Uint8Array) => readStore(XlsxWorkbook.open(bytes, "b.xlsx"));

const USER_SHEETS = ["PL I", "Tổng hợp", "Nháp"];

function spec() {
  return buildSummary(sampleReport(), sampleSettings());
}

function findRowIn(ws: ExcelJS.Worksheet, col: number, value: unknown, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === value) return r;
  throw new Error(`no ${String(value)} in column ${col} of ${ws.name}`);
}

describe("sheet names", () => {
  test("unique names add (2), (3)… ignoring case, within 31 characters", () => {
    expect(uniqueSheetName("Tổng hợp", ["PL I"])).toBe("Tổng hợp");
    expect(uniqueSheetName("Tổng hợp", ["TỔNG HỢP"])).toBe("Tổng hợp (2)");
    expect(uniqueSheetName("Tổng hợp", ["Tổng hợp", "tổng hợp (2)"])).toBe("Tổng hợp (3)");
    const long = "A".repeat(31);
    const u = uniqueSheetName(long, [long]);
    expect(u).toBe("A".repeat(27) + " (2)");
    expect(u.length).toBe(31);
  });

  test("forbidden characters and edge apostrophes are replaced", () => {
    expect(sanitizeSheetName("a/b\\c?d*e[f]g:h")).toBe("a-b-c-d-e-f-g-h");
    expect(sanitizeSheetName("'x'")).toBe("’x’");
    expect(sanitizeSheetName("   ")).toBe("Sheet");
    expect(sanitizeSheetName("History")).toBe("Sheet");
  });
});

describe("writeSummary (file writer)", () => {
  test("numbers, fills, fonts, number formats and merges read back from the saved file", async () => {
    const report = sampleReport();
    const { result: res, wb: back } = await writeSummaryInto(userWorkbook(), buildSummary(report, sampleSettings()));
    const main = back.getWorksheet(res.sheetNames[0])!;
    expect(main.getCell("A1").value).toBe("UBND XÃ CHÍ MINH");
    expect(main.getCell("A1").font.name).toBe("Times New Roman");
    expect(main.getCell("A1").font.bold).toBe(true);
    expect(main.getCell("E3").value).toBe("Chí Minh, ngày 24 tháng 11 năm 2026");
    expect(main.getCell("A5").isMerged).toBe(true);
    expect(main.getCell("K5").master.address).toBe("A5");

    const first = findRowIn(main, MAIN_COL.name, "Phòng Văn hóa - Xã hội");
    const names = [...sampleSettings().units.map((u) => u.name), UNASSIGNED_UNIT];
    names.forEach((n, i) => {
      const u = report.units.find((x) => x.unit === n);
      const row = first + i;
      expect(main.getCell(row, MAIN_COL.name).value).toBe(n);
      STATUS_CATEGORIES.forEach((cat, k) => expect(main.getCell(row, MAIN_COL.firstCategory + k).value).toBe(u ? u[cat] : 0));
      expect(main.getCell(row, MAIN_COL.total).value).toBe(u ? u.total : 0);
      const rate = main.getCell(row, MAIN_COL.completionRate);
      expect(rate.value).toBe(u ? u.completionRate : null);
      expect(rate.numFmt).toBe("0.0%");
      expect(rate.font.name).toBe("Times New Roman");
    });
    const total = first + names.length;
    expect(main.getCell(total, MAIN_COL.total).value).toBe(report.total.total);
    expect(main.getCell(total, MAIN_COL.name).font.bold).toBe(true);

    const overdueCol = MAIN_COL.firstCategory + STATUS_CATEGORIES.indexOf("overdue");
    const ca = findRowIn(main, MAIN_COL.name, "Công an xã");
    expect((main.getCell(ca, overdueCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.red.fill);
    expect(main.getCell(ca, overdueCol).font.color?.argb).toBe("FF" + TONES.red.color);

    const dl = back.getWorksheet(res.sheetNames[1])!;
    const od = findRowIn(dl, DEADLINE_COL.content, INJECTIONS[0]);
    expect((dl.getCell(od, DEADLINE_COL.content).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.red.fill);
    expect(dl.getCell(od, DEADLINE_COL.days).value).toBe(55);
    const due = dl.getCell(od, DEADLINE_COL.due);
    expect(due.value).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(due.numFmt).toBe("dd/mm/yyyy");
    const soon = findRowIn(dl, DEADLINE_COL.content, INJECTIONS[3]);
    expect((dl.getCell(soon, DEADLINE_COL.content).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.amber.fill);
    expect(dl.getCell(soon, DEADLINE_COL.content).alignment.wrapText).toBe(true);

    const ind = back.getWorksheet(res.sheetNames[2])!;
    const met = findRowIn(ind, 7, `${summaryText.met} (≥ 80%)`);
    expect((ind.getCell(met, 7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.green.fill);
    const notMet = findRowIn(ind, 7, `${summaryText.notMet} (≥ 2)`);
    expect((ind.getCell(notMet, 7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.red.fill);
    expect(ind.getCell(notMet, 6).value).toBe(0.5);
  });

  test("print setup: A4 landscape, one page wide, header row repeated, margins, print area", async () => {
    const s = spec();
    const { result: res, wb: back, bytes } = await writeSummaryInto(userWorkbook(), s);
    s.sheets.forEach((sheet, i) => {
      const ps = back.getWorksheet(res.sheetNames[i])!.pageSetup;
      expect(ps.paperSize).toBe(9);
      expect(ps.orientation).toBe("landscape");
      expect(ps.fitToPage).toBe(true);
      expect(ps.fitToWidth).toBe(1);
      expect(ps.fitToHeight).toBe(0);
      expect(ps.printTitlesRow).toBe(`${sheet.print.printTitleRows![0]}:${sheet.print.printTitleRows![1]}`);
      expect(ps.printArea).toBe(sheet.print.printArea);
      expect(ps.margins?.left).toBe(sheet.print.margins.left);
      expect(back.getWorksheet(res.sheetNames[i])!.headerFooter.oddFooter).toContain("Trang &P/&N");
    });
    const xml = await workbookXml(bytes);
    expect(xml).toContain(`'Tổng hợp (2)'!$A$1:$K$`);
  });

  test("the completion-rate data bar is a dataBar conditional format (solid, Excel 2010's extension)", async () => {
    const s = spec();
    const { result: res, bytes } = await writeSummaryInto(userWorkbook(), s);
    const xml = await sheetXml(bytes, res.sheetNames[0]);
    const bar = s.sheets[0].visuals.find((v) => v.kind === "dataBar")!;
    expect(xml).toMatch(new RegExp(`<conditionalFormatting sqref="${(bar as { range: string }).range}">\\s*<cfRule type="dataBar"`));
    expect(xml).toContain("<dataBar>");
    // fixed 0..1 scale for rates
    expect(xml).toMatch(/<cfvo type="num" val="0"\/>\s*<cfvo type="num" val="1"\/>/);
    expect(xml).toMatch(/<x14:dataBar [^>]*gradient="0"/);
  });

  test("the native chart: a drawing on the main sheet with a stacked bar chart, one series per category, reading the unit table", async () => {
    const s = spec();
    const { result: res, bytes } = await writeSummaryInto(userWorkbook(), s);
    const parts = await zipEntries(bytes);
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    const chart = parts.get(charts[0])!.toString("utf8");
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(STATUS_CATEGORIES.length);
    expect(chart).toContain(summaryText.chartUnits);
    expect(chart).toContain(`'${res.sheetNames[0]}'!$`);
    expect(chart).toContain("<c:v>Phòng Văn hóa - Xã hội</c:v>");
    const sheet = await sheetXml(bytes, res.sheetNames[0]);
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/>/);
    const ct = parts.get("[Content_Types].xml")!.toString("utf8");
    expect(ct).toContain("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(ct).toContain("application/vnd.openxmlformats-officedocument.drawing+xml");
    // Regenerating replaces the chart: still one chart and one drawing in the package.
    const again = await writeSummaryInto(bytes, s);
    const parts2 = [...(await zipEntries(again.bytes)).keys()];
    expect(parts2.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    expect(parts2.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(1);
  });

  test("the user's sheets keep every value, style, merge, width, visibility and their order", async () => {
    const { wb: before } = await roundTrip(userWorkbook());
    const snap = snapshotAll(before);
    const { wb: after } = await writeSummaryInto(userWorkbook(), spec());
    expect(after.worksheets.slice(0, 3).map((w) => w.name)).toEqual(USER_SHEETS);
    expect(snapshotAll(after, USER_SHEETS)).toEqual(snap);
    // the user's own "Tổng hợp" is untouched, the summary took another name
    expect(after.getWorksheet("Tổng hợp")!.getCell("A1").value).toBe("Bảng của tôi");
    expect(after.worksheets.map((w) => w.name)).toContain("Tổng hợp (2)");
  });

  test("the user's sheet parts are not rewritten: their XML is byte for byte the file's, twice over", async () => {
    const original = await excelJsBytes(userWorkbook());
    const once = await writeSummaryInto(original, spec());
    const twice = await writeSummaryInto(once.bytes, spec());
    for (const b of [once.bytes, twice.bytes])
      for (const name of USER_SHEETS) expect(await sheetXml(b, name)).toBe(await sheetXml(original, name));
  });

  test("summary sheets go after the user's sheets (the store sheet stays very hidden)", async () => {
    const { result: res, wb: back } = await writeSummaryInto(userWorkbook(), spec());
    expect(back.worksheets.map((w) => w.name)).toEqual([...USER_SHEETS, STORE_SHEET, ...res.sheetNames]);
    expect(back.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
  });

  test("regenerating replaces the product's sheets (by the store record): same sheets, no duplicates, no new styles", async () => {
    const first = await writeSummaryInto(userWorkbook(), spec());
    const snap1 = snapshotAll(first.wb);
    const second = await writeSummaryInto(first.bytes, spec());
    expect(second.result.sheetNames).toEqual(first.result.sheetNames);
    expect(second.result.replaced).toEqual(first.result.sheetNames);
    expect(second.wb.worksheets.map((w) => w.name)).toEqual(first.wb.worksheets.map((w) => w.name));
    expect(snapshotAll(second.wb)).toEqual(snap1);
    expect((await zipEntries(second.bytes)).get("xl/styles.xml")).toEqual((await zipEntries(first.bytes)).get("xl/styles.xml"));
    const store = storeOf(second.bytes).store;
    expect(store.summarySheets).toEqual(
      first.result.sheetNames.map((name, i) => ({ name, key: spec().sheets[i].key, marker: SUMMARY_MARKER })),
    );
  });

  test("a user sheet with a summary's name but no store record is never replaced", async () => {
    const wb = userWorkbook();
    wb.addWorksheet("Tổng hợp - Quá hạn").getCell("A1").value = "của người dùng";
    const { result: res, wb: back } = await writeSummaryInto(wb, spec());
    expect(res.replaced).toEqual([]);
    expect(res.sheetNames[1]).toBe("Tổng hợp - Quá hạn (2)");
    expect(back.getWorksheet("Tổng hợp - Quá hạn")!.getCell("A1").value).toBe("của người dùng");
  });

  test("a record of another marker, or for a sheet the user renamed, is not a licence to delete", async () => {
    const store: Store = { ...emptyStore(), summarySheets: [{ name: "PL I", key: "summary_main", marker: "something.else" }] };
    const { result: res, wb } = await writeSummaryInto(userWorkbook({ store }), spec());
    expect(res.replaced).toEqual([]);
    expect(wb.getWorksheet("PL I")).toBeDefined();
    // the user renames our sheet to keep it: the next run makes a new one and leaves theirs
    wb.getWorksheet(res.sheetNames[0])!.name = "Báo cáo tháng 10";
    const again = await writeSummaryInto(wb, spec());
    expect(again.result.replaced).not.toContain("Báo cáo tháng 10");
    expect(again.wb.getWorksheet("Báo cáo tháng 10")).toBeDefined();
  });

  test("the store keeps the settings and highlights", async () => {
    const settings = { ...defaultSettings(), communeName: "UBND xã Tiên Lãng" };
    const highlights = [{ sheet: "PL I", cell: "D6", previousFill: null, appliedFill: "FFC7CE" }];
    const { bytes, wb: back } = await writeSummaryInto(
      userWorkbook({ store: { ...emptyStore(), settings, highlights } }),
      buildSummary(sampleReport(), settings),
    );
    const { store, corrupt } = storeOf(bytes);
    expect(corrupt).toBe(false);
    expect(store.settings).toEqual(settings);
    expect(store.highlights).toEqual(highlights);
    expect(back.getWorksheet("Tổng hợp (2)")!.getCell("A1").value).toBe("UBND XÃ TIÊN LÃNG");
  });

  test("a corrupt store is replaced by a valid one recording the new sheets", async () => {
    const wb = userWorkbook();
    const ws = wb.addWorksheet(STORE_SHEET);
    ws.getCell("A1").value = "{not json";
    const { result: res, wb: back } = await writeSummaryInto(wb, spec());
    const { store, corrupt } = excelJsStoreOf(back.getWorksheet(STORE_SHEET));
    expect(corrupt).toBe(false);
    expect(store.summarySheets.map((r) => r.name)).toEqual(res.sheetNames);
  });

  test("user text that looks like a formula stays text, in ExcelJS and in the sheet XML", async () => {
    const { result: res, wb: back, bytes } = await writeSummaryInto(userWorkbook(), spec());
    const found = new Set<string>();
    for (const name of res.sheetNames) {
      back.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string" && INJECTIONS.includes(cell.value)) found.add(cell.value);
        }),
      );
      const xml = await sheetXml(bytes, name);
      expect(xml).not.toMatch(/<f[ >]/);
    }
    expect([...found].sort()).toEqual([...INJECTIONS].sort());
  });

  test("control characters and over-long text never make an invalid file", async () => {
    const report = sampleReport();
    report.tasks[2].content = "a\u0001b\u0007c" + "x".repeat(40000);
    const { result: res, wb: back } = await writeSummaryInto(await emptyXlsx(), buildSummary(report, sampleSettings()));
    const dl = back.getWorksheet(res.sheetNames[1])!;
    const row = findRowIn(dl, DEADLINE_COL.sheet, "PL I", 10);
    const v = dl.getCell(row, DEADLINE_COL.content).value as string;
    expect(v.startsWith("abc")).toBe(true);
    expect(v.length).toBe(32767);
  });

  test("into an empty workbook: the summary sheets and the store only", async () => {
    const { result: res, wb: back } = await writeSummaryInto(await emptyXlsx(), spec());
    expect(res.sheetNames).toEqual(["Tổng hợp", "Tổng hợp - Quá hạn", "Tổng hợp - Chỉ tiêu"]);
    expect(back.worksheets.map((w) => w.name)).toEqual([STORE_SHEET, ...res.sheetNames]);
    // never open (or print, in LibreOffice) on the very hidden store sheet
    expect(back.worksheets[back.views[0].activeTab].name).toBe("Tổng hợp");
  });

  test("the tab the user had open stays the active one", async () => {
    const wb = userWorkbook();
    wb.views = [{ x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
    const { wb: back } = await writeSummaryInto(wb, spec());
    expect(back.worksheets[back.views[0].activeTab].name).toBe("Tổng hợp");
    expect(back.worksheets.map((w) => w.name).indexOf("Tổng hợp")).toBe(1);
  });

  test("a 1904-date workbook gets its dates as 1904 serials (the same day shows)", async () => {
    const bytes = await excelJsBytes(userWorkbook());
    const { patchZip } = await import("../hardening/support/craft");
    const b1904 = await patchZip(bytes, async (zip) => {
      const x = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", x.replace(/<workbookPr\b[^>]*?(\/?)>/, '<workbookPr date1904="1"$1>'));
    });
    const { result: res, wb: back } = await writeSummaryInto(b1904, spec());
    expect(back.properties.date1904).toBe(true);
    const dl = back.getWorksheet(res.sheetNames[1])!;
    const od = findRowIn(dl, DEADLINE_COL.content, INJECTIONS[0]);
    expect(dl.getCell(od, DEADLINE_COL.due).value).toEqual(new Date(Date.UTC(2026, 8, 30)));
  });
});
