/** OfficeWorkbookPort.writeSummary against the fake Excel, and against the ExcelJS writer's output. */
import ExcelJS from "exceljs";
import { emptyStore, STORE_SHEET } from "../../src/core/store";
import { fakeStoreOf } from "../support/store-cells";
import { buildSummary, SUMMARY_MARKER } from "../../src/documents/summary/build";
import type { SummarySheetSpec, SummarySpec } from "../../src/core/sheet-spec";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { widthToPoints } from "../../src/excel/summary-ops";
import { PAYLOAD_LIMIT, type FakeExcel } from "../fakes/fake-excel";
import { colLetter, type FakeSheet } from "../fakes/fake-model";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { buildWorkbook } from "../support/xlsx-builder";
import { writeSummaryInto } from "../support/xlsx-file";
import { INJECTIONS, sampleReport, sampleSettings } from "../summary/fixtures";

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });

function userGrids() {
  const pl = new GridBuilder("PL I")
    .title("PHỤ LỤC I")
    .header()
    .group("I", "Chuyển đổi số")
    .task({ stt: 1, content: "Số hóa hồ sơ", lead: "Công an xã" });
  const mine = new GridBuilder("Tổng hợp").row(["Bảng của tôi", 123]).row(["=1+1 là văn bản"]);
  return [pl, mine];
}

/** A plain table spec with `rows` body rows (for volume tests). */
function tableSpec(rows: number, extra: Partial<SummarySheetSpec> = {}): SummarySpec {
  const cells: SummarySheetSpec["cells"] = [{ row: 1, col: 1, value: "BẢNG THEO DÕI", style: "title" }];
  for (let r = 0; r < rows; r++) {
    cells.push({ row: r + 3, col: 1, value: r + 1, style: "body" });
    cells.push({ row: r + 3, col: 2, value: `Nhiệm vụ ${r + 1}`, style: "body" });
    cells.push({ row: r + 3, col: 3, value: { date: "2026-11-30" }, style: "date" });
    cells.push({ row: r + 3, col: 4, value: (r % 100) / 100, style: "pct" });
  }
  return {
    marker: "test.marker",
    sheets: [
      {
        key: "summary_units",
        name: "Bảng",
        styles: {
          title: { font: { bold: true, size: 14 } },
          body: { border: true },
          date: { border: true, numFmt: "dd/mm/yyyy" },
          pct: { border: true, numFmt: "0.0%" },
        },
        cells,
        merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
        columnWidths: [6, 40, 12, 10],
        visuals: [],
        print: {
          paper: "A4",
          orientation: "landscape",
          fitToWidth: 1,
          printTitleRows: [2, 2],
          margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        },
        ...extra,
      },
    ],
  };
}

/** Cell content of a fake sheet: A1 → {value, numFmt} for non-empty cells. */
function fakeCells(s: FakeSheet): Map<string, { value: unknown; numFmt: string }> {
  const out = new Map<string, { value: unknown; numFmt: string }>();
  for (const [k, c] of s.cells) {
    if (c.value === null && !c.error) continue;
    out.set(`${colLetter(k % 16384)}${Math.floor(k / 16384)}`, { value: c.error ? { error: c.error } : c.value, numFmt: c.numberFormat });
  }
  return out;
}

function excelJsCells(ws: ExcelJS.Worksheet): Map<string, { value: unknown; numFmt: string }> {
  const out = new Map<string, { value: unknown; numFmt: string }>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // ExcelJS shows the master's value in merged cells
      let v = cell.value as unknown;
      if (v === null || v === undefined) return;
      if (v instanceof Date) v = Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
      out.set(cell.address, { value: v, numFmt: cell.numFmt || "General" });
    }),
  );
  return out;
}

describe("writeSummary (Office.js adapter)", () => {
  test("writes the same cells, number formats and merges as the file writer (real spec from buildSummary)", async () => {
    const spec = buildSummary(sampleReport(), sampleSettings());
    const fake = fakeWorkbook(userGrids());
    const result = await portOf(fake).writeSummary(spec);

    const { result: xres, wb } = await writeSummaryInto(buildWorkbook(userGrids()), spec);
    expect(result.sheetNames).toEqual(xres.sheetNames);
    expect(result.sheetNames[0]).toBe("Tổng hợp (2)"); // the user's "Tổng hợp" is taken
    for (const name of result.sheetNames) {
      const mine = fakeCells(fake.model.sheet(name));
      const theirs = excelJsCells(wb.getWorksheet(name)!);
      expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [a1, t] of theirs) {
        const m = mine.get(a1)!;
        expect({ a1, value: m.value }).toEqual({ a1, value: t.value });
        // Strings carry the Text format "@" here (that is how they stay text in Excel); others must agree.
        if (typeof t.value === "string") expect(m.numFmt).toBe("@");
        else expect({ a1, numFmt: m.numFmt }).toEqual({ a1, numFmt: t.numFmt });
      }
      const xMerges = Object.keys((wb.getWorksheet(name) as any)._merges ?? {}).length;
      expect(fake.model.sheet(name).merges).toHaveLength(xMerges);
      const spc = spec.sheets[result.sheetNames.indexOf(name)];
      expect(fake.model.sheet(name).merges).toEqual(spc.merges);
    }
  });

  test("formula-looking text stays text (no formula), and the user's own sheet is untouched", async () => {
    const spec = buildSummary(sampleReport(), sampleSettings());
    const fake = fakeWorkbook(userGrids());
    const before = JSON.stringify([...fake.model.sheet("Tổng hợp").cells]);
    const { sheetNames } = await portOf(fake).writeSummary(spec);
    const all = sheetNames.flatMap((n) => [...fake.model.sheet(n).cells.values()]);
    expect(all.filter((c) => c.formula)).toEqual([]);
    const texts = new Set(all.map((c) => c.value));
    for (const s of INJECTIONS.slice(0, 4)) expect(texts.has(s)).toBe(true);
    expect(JSON.stringify([...fake.model.sheet("Tổng hợp").cells])).toBe(before);
  });

  test("a hand-made spec: every string cell is '@', numbers/dates keep their formats, widths in points", async () => {
    const spec = tableSpec(3);
    spec.sheets[0].cells.push(
      { row: 10, col: 2, value: '=HYPERLINK("http://x")' },
      { row: 11, col: 2, value: "12" },
      { row: 12, col: 2, value: "TRUE" },
    );
    const fake = fakeWorkbook(userGrids());
    await portOf(fake).writeSummary(spec);
    const s = fake.model.sheet("Bảng");
    expect([s.at("B10")?.value, s.at("B10")?.formula, s.at("B11")?.value, s.at("B12")?.value]).toEqual([
      '=HYPERLINK("http://x")',
      undefined,
      "12",
      "TRUE",
    ]);
    expect([s.at("A3")?.value, s.at("C3")?.value, s.at("C3")?.numberFormat, s.at("D4")?.numberFormat]).toEqual([
      1,
      46356,
      "dd/mm/yyyy",
      "0.0%",
    ]);
    expect(s.at("A1")?.font.bold).toBe(true);
    expect(s.at("B4")?.borders).toEqual({ top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" });
    expect(s.columnWidths.get(2)).toBe(widthToPoints(40));
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
  });

  test("column widths follow the workbook's Normal font (Times New Roman 13, Mac's Calibri 12), not Calibri 11's", async () => {
    for (const [font, mdw] of [
      ["Times New Roman 13", 9],
      ["Calibri 12 (Mac)", 8],
      ["Calibri 11", 7],
    ] as const) {
      const fake = fakeWorkbook(userGrids());
      fake.model.normalFont = { name: font, size: 0, maxDigitWidthPx: mdw };
      const res = await portOf(fake).writeSummary(tableSpec(3));
      const s = fake.model.sheet(res.sheetNames[0]);
      const chars = [1, 2, 3, 4].map((c) => Math.round(fake.model.pointsToChars(s.columnWidths.get(c)!) * 2) / 2);
      expect({ font, chars }).toEqual({ font, chars: [6, 40, 12, 10] }); // as wide as the spec says, to half a character
      expect(res.unapplied).toBeUndefined();
    }
  });

  test("three syncs for 100 and for 5,000 rows; 50,000 rows are sent in batches that each stay under 5 MB", async () => {
    const counts: number[] = [];
    for (const rows of [100, 5000]) {
      const fake = fakeWorkbook(userGrids());
      await portOf(fake).writeSummary(tableSpec(rows));
      counts.push(fake.stats.syncs);
      expect(fake.model.sheet("Bảng").at(`B${rows + 2}`)?.value).toBe(`Nhiệm vụ ${rows}`);
    }
    expect(counts).toEqual([3, 3]); // list + store, content, finishing touches (print setup)
    const fake = fakeWorkbook(userGrids());
    await portOf(fake).writeSummary(tableSpec(50000));
    expect(fake.model.sheet("Bảng").at("B50002")?.value).toBe("Nhiệm vụ 50000");
    for (const s of fake.stats.log) expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    const total = fake.stats.log.reduce((n, s) => n + s.requestBytes, 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(total / 3_000_000));
  });

  test("regenerating replaces the product's sheets (recognised by the store record), keeps the names", async () => {
    const fake = fakeWorkbook(userGrids());
    const port = portOf(fake);
    const first = await port.writeSummary(tableSpec(3));
    fake.model.sheet("Bảng").put(50, 1, "old content");
    const second = await port.writeSummary(tableSpec(5));
    expect(second).toEqual({ sheetNames: first.sheetNames, replaced: first.sheetNames });
    expect(fake.model.sheet("Bảng").at("A50")).toBeUndefined();
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["PL I", "Tổng hợp", STORE_SHEET, "Bảng"]);
    const store = fakeStoreOf(fake.model).store;
    expect(store.summarySheets).toEqual([{ name: "Bảng", key: "summary_units", marker: "test.marker" }]);
    expect(fake.model.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    expect(fake.model.activeSheetId).toBe(fake.model.sheet("Bảng").id);
  });

  test("regenerating replaces a summary sheet made very hidden (Excel refuses to delete a very hidden sheet)", async () => {
    const fake = fakeWorkbook(userGrids());
    const port = portOf(fake);
    await port.writeSummary(tableSpec(3));
    fake.model.sheet("Bảng").visibility = "VeryHidden";
    const second = await port.writeSummary(tableSpec(5));
    expect(second.replaced).toEqual(["Bảng"]);
    expect(fake.model.sheet("Bảng").at("B7")?.value).toBe("Nhiệm vụ 5");
    expect(fake.model.sheet("Bảng").visibility).toBe("Visible");
  });

  test("Excel on the web, which ignores activating a sheet added in the same batch (office-js#930): the summary is shown", async () => {
    const fake = fakeWorkbook(userGrids());
    fake.model.webActivateQuirk = true;
    const res = await portOf(fake).writeSummary(tableSpec(3));
    expect(fake.model.activeSheetId).toBe(fake.model.sheet(res.sheetNames[0]).id);
    const old = fakeWorkbook(userGrids(), { apiVersion: "1.4" }); // no finishing touches to ride with
    old.model.webActivateQuirk = true;
    const res14 = await portOf(old).writeSummary(tableSpec(3));
    expect(old.model.activeSheetId).toBe(old.model.sheet(res14.sheetNames[0]).id);
  });

  test("a user's sheet that happens to have a recorded name but another marker is left alone", async () => {
    const store = { ...emptyStore(), summarySheets: [{ name: "Bảng", key: "x", marker: "other.product" }] };
    const fake = fakeWorkbook([...userGrids(), new GridBuilder("Bảng").row(["của người dùng"])], { store });
    const res = await portOf(fake).writeSummary(tableSpec(2));
    expect(res).toEqual({ sheetNames: ["Bảng (2)"], replaced: [] });
    expect(fake.model.sheet("Bảng").at("A1")?.value).toBe("của người dùng");
  });

  test("ExcelApi 1.13: A4 landscape, fit to one page wide, print titles, margins in points, data bars, chart, frozen rows", async () => {
    const spec = tableSpec(4, {
      visuals: [
        { kind: "dataBar", range: "D3:D6", color: "63BE7B" },
        { kind: "chart", type: "barClustered", title: "Tỷ lệ", dataRange: "B2:D6", seriesBy: "columns", from: "F2", to: "L20" },
      ],
      freezeRows: 2,
      tabColor: "1F4E78",
    });
    spec.sheets[0].print.printArea = "A1:D6";
    const fake = fakeWorkbook(userGrids());
    await portOf(fake).writeSummary(spec);
    const s = fake.model.sheet("Bảng");
    expect(s.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 6 },
      printTitleRows: "$2:$2",
      printArea: "A1:D6",
      leftMargin: 36,
      topMargin: 0.6 * 72,
    });
    expect(s.conditionalFormats).toEqual([{ type: "DataBar", range: "D3:D6", color: "#63BE7B" }]);
    expect(s.charts).toEqual([{ type: "BarClustered", source: "B2:D6", seriesBy: "Columns", title: "Tỷ lệ", from: "F2", to: "L20" }]);
    expect([s.frozenRows, s.tabColor]).toEqual([2, "#1F4E78"]);
  });

  test("fit to one page wide uses documented zoom values only (pages tall: enough for every row, never 0)", async () => {
    const fake = fakeWorkbook(userGrids());
    const res = await portOf(fake).writeSummary(tableSpec(40));
    const zoom = fake.model.sheet(res.sheetNames[0]).pageLayout.zoom;
    expect(zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 42 }); // 42 rows: never the limit
    expect(res.unapplied).toBeUndefined();
  });

  test("an Excel that refuses one finishing touch (here: fit to width) still gets the summary and every other touch", async () => {
    const spec = tableSpec(4, {
      visuals: [{ kind: "chart", type: "columnClustered", title: "Biểu đồ", dataRange: "B2:D6", seriesBy: "rows", from: "F2", to: "L20" }],
      freezeRows: 2,
    });
    const fake = fakeWorkbook(userGrids());
    fake.model.rejectOps = (req) => req.set === "pageLayout.zoom";
    const res = await portOf(fake).writeSummary(spec);
    const s = fake.model.sheet(res.sheetNames[0]);
    expect(s.at("B6")?.value).toBe("Nhiệm vụ 4");
    expect(s.pageLayout.zoom).toBeUndefined();
    expect(s.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$2:$2" });
    expect(s.charts).toHaveLength(1);
    expect(s.frozenRows).toBe(2);
    // The user is told which touch is missing.
    expect(res.unapplied).toEqual([{ sheet: res.sheetNames[0], touch: "fitToWidth" }]);
  });

  test("a refused chart is left out; the data bar sent before it is not duplicated; print setup still applied", async () => {
    const spec = tableSpec(4, {
      visuals: [
        { kind: "dataBar", range: "D3:D6", color: "63BE7B" },
        { kind: "chart", type: "barStacked", title: "x", dataRange: "B2:D6", seriesBy: "columns", from: "F2", to: "L20" },
      ],
    });
    const fake = fakeWorkbook(userGrids());
    fake.model.rejectOps = (req) => req.method === "charts.add";
    const res = await portOf(fake).writeSummary(spec);
    const s = fake.model.sheet(res.sheetNames[0]);
    expect(s.charts).toEqual([]);
    expect(res.unapplied).toEqual([{ sheet: res.sheetNames[0], touch: "chart" }]);
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.pageLayout).toMatchObject({ paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 6 } });
  });

  test("ExcelApi 1.4 (no page layout, data bars, freeze or tab color): the summary is still written", async () => {
    const spec = tableSpec(4, { visuals: [{ kind: "dataBar", range: "D3:D6", color: "63BE7B" }], freezeRows: 2, tabColor: "1F4E78" });
    const fake = fakeWorkbook(userGrids(), { apiVersion: "1.4" });
    const res = await portOf(fake).writeSummary(spec);
    const s = fake.model.sheet(res.sheetNames[0]);
    expect(s.at("B3")?.value).toBe("Nhiệm vụ 1");
    expect([s.pageLayout, s.conditionalFormats, s.frozenRows, s.tabColor]).toEqual([{}, [], 0, ""]);
  });

  test("the real marker from buildSummary is what the store records", async () => {
    const fake = fakeWorkbook(userGrids());
    const res = await portOf(fake).writeSummary(buildSummary(sampleReport(), sampleSettings()));
    const store = fakeStoreOf(fake.model).store;
    expect(store.summarySheets.map((r) => [r.name, r.marker])).toEqual(res.sheetNames.map((n) => [n, SUMMARY_MARKER]));
  });
});

describe("the summary writer counts every operation, and a failure part way leaves nothing unrecorded", () => {
  test("10,000 merged areas (a sheet of changes has two per change): every request within the budget", async () => {
    const rows = 10_000;
    const spec = tableSpec(rows, { merges: Array.from({ length: rows }, (_, r) => ({ top: r + 3, left: 2, bottom: r + 3, right: 3 })) });
    const fake = fakeWorkbook(userGrids());
    const budget = 400_000;
    await new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported, budgetBytes: budget }).writeSummary(spec);
    expect(fake.model.sheet("Bảng").merges).toHaveLength(rows);
    const largest = Math.max(...fake.stats.log.map((s) => s.requestBytes));
    expect(largest).toBeLessThanOrEqual(budget * 1.1);
  });

  test("Excel stops a batch part way: the sheets added are on record, and the next summary replaces them (no «… (2)»)", async () => {
    const spec = buildSummary(sampleReport(), sampleSettings());
    expect(spec.sheets.length).toBeGreaterThan(1);
    const second = spec.sheets[1].name;
    const fake = fakeWorkbook([userGrids()[0]]);
    let refuse = true;
    fake.model.rejectOps = (req) => refuse && req.set === "values" && String(req.path).includes(`add(${second})`);
    const port = portOf(fake);
    await expect(port.writeSummary(spec)).rejects.toThrow();
    expect(fake.model.find(spec.sheets[0].name)).toBeDefined(); // added before Excel stopped
    refuse = false;
    const res = await port.writeSummary(spec);
    expect(res.sheetNames).toEqual(spec.sheets.map((s) => s.name));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["PL I", STORE_SHEET, ...res.sheetNames]);
    expect(fakeStoreOf(fake.model).store.summarySheets.map((r) => r.name)).toEqual(res.sheetNames);
  });
});
