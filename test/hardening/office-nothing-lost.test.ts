/**
 * Nothing lost through the Office.js adapter (on the fake Excel): highlight → clearHighlights gives
 * back every user sheet exactly (values, formulas, formats, fills, fonts, borders, merges, widths,
 * heights, conditional formats, page layout, visibility, order), and writing the summary changes
 * none of them.
 */
import { analyze } from "../../src/core/analyze";
import { defaultSettings } from "../../src/core/settings";
import { STORE_SHEET } from "../../src/core/store";
import { buildSummary } from "../../src/documents/summary/build";
import { OfficeWorkbookPort } from "../../src/excel/port";
import type { FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { AS_OF } from "./support/cli";

function userModel(fake: FakeExcel, skip: string[] = []): unknown {
  const omit = new Set([STORE_SHEET, ...skip]);
  const mapJson = (m: Map<unknown, unknown>) => [...m.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return fake.model.sheets
    .filter((s) => !omit.has(s.name))
    .map((s) =>
      JSON.parse(
        JSON.stringify({
          ...s,
          cells: mapJson(s.cells as Map<unknown, unknown>),
          columnWidths: mapJson(s.columnWidths),
          rowHeights: mapJson(s.rowHeights),
        }),
      ),
    );
}

function book(): FakeExcel {
  const pl = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
    .header()
    .group("I", "Nhóm")
    .task({ stt: 1, content: "Việc", lead: "Các đơn vị liên quan", deadline: "Tháng 13/2026" })
    .task({ stt: 2, content: "", lead: "Công an xã", deadline: "" });
  const fake = fakeWorkbook([pl, new GridBuilder("KH's (PL) II").row(["ghi chú"]).hidden("hidden")]);
  const s = fake.model.sheet("PL I");
  s.touch(5, 4).fill = "#00B050";
  s.touch(5, 4).font = { ...s.touch(5, 4).font, bold: true, color: "#FF0000" };
  s.touch(5, 7).numberFormat = "@";
  s.touch(6, 2).borders = { EdgeTop: "Continuous" };
  s.touch(8, 3).formula = "=SUM(A1:A2)";
  s.columnWidths.set(2, 40);
  s.rowHeights.set(3, 30);
  s.conditionalFormats.push({ type: "CellValue", range: "A5:A20", color: "#FFFF00" });
  s.pageLayout = { orientation: "Portrait", printArea: "A1:J10" } as typeof s.pageLayout;
  return fake;
}

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });

describe("Office.js adapter: nothing of the user's is lost", () => {
  it("highlight → clearHighlights restores every user sheet exactly, twice in a row", async () => {
    const fake = book();
    const before = userModel(fake);
    const port = portOf(fake);
    const grids = await port.readSheets();
    const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
    const targets = report.issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell!, severity: i.severity }));
    expect(targets.length).toBeGreaterThan(2);
    await port.highlight(targets);
    expect(userModel(fake)).not.toEqual(before);
    await port.highlight(targets); // a second run replaces the first without stacking
    await port.clearHighlights();
    expect(userModel(fake)).toEqual(before);
  });

  it("writing the summary (twice) changes no user sheet", async () => {
    const fake = book();
    const before = userModel(fake);
    const port = portOf(fake);
    const report = analyze(await port.readSheets(), { asOf: AS_OF, settings: defaultSettings() });
    const spec = buildSummary(report, defaultSettings());
    const r1 = await port.writeSummary(spec);
    const r2 = await port.writeSummary(spec);
    expect(r2.replaced.sort()).toEqual(r1.sheetNames.sort());
    expect(userModel(fake, r2.sheetNames)).toEqual(before);
  });
});
