/**
 * The 1904 date system (old Mac workbooks): Office.js hands over raw serials, 1,462 days less than the
 * same date in the 1900 system the core (and the .xlsx adapter) works in. The adapter detects the system
 * with DATE(1904,1,1) (0 in the 1904 system) and converts date cells both ways.
 */
import { buildSummary } from "../../src/documents/summary/build";
import { OfficeWorkbookPort } from "../../src/excel/port";
import type { FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { analyze } from "../../src/core/analyze";
import { defaultSettings } from "../../src/core/settings";

const OFFSET = 1462;
/** Rows without their trailing empty cells (the builder's rows are ragged, a read range is not). */
const trim = (rows: unknown[][]) =>
  rows.map((r) => {
    const out = [...r];
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });

/** The same plan, with its date cells as a workbook of `system` stores them. */
function plan(system: 1900 | 1904) {
  const d = (serial: number) => (system === 1904 ? serial - OFFSET : serial);
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
    .header()
    .group("I", "Nhóm")
    .task(
      { stt: 1, content: "Việc một", lead: "Công an xã", deadline: d(46356), status: "Đã hoàn thành", doneDate: d(46300) },
      { deadline: "dd/mm/yyyy", doneDate: "dd/mm/yyyy" },
    )
    .task({ stt: 2, content: "Việc hai", lead: "Công an xã", deadline: "Quý IV/2026", note: 12 });
}

test("a 1904 workbook is read as the same dates (date cells shifted; other numbers untouched)", async () => {
  const fake = fakeWorkbook([plan(1904)]);
  fake.model.date1904 = true;
  const [g] = await portOf(fake).readSheets();
  expect(trim(g.values)).toEqual(trim(plan(1900).build().values));
  const report = analyze([g], { asOf: "2026-11-24", settings: defaultSettings() });
  expect(report.tasks[0].deadline.due).toBe("2026-11-30");
  expect(report.tasks[0].doneDate).toBe("2026-10-05");
});

test("a 1900 workbook is read as it is", async () => {
  const fake = fakeWorkbook([plan(1900)]);
  const [g] = await portOf(fake).readSheets();
  expect(trim(g.values)).toEqual(trim(plan(1900).build().values));
});

test("summary dates are written in the workbook's date system", async () => {
  const fake = fakeWorkbook([plan(1904)]);
  fake.model.date1904 = true;
  const port = portOf(fake);
  const report = analyze(await port.readSheets(), { asOf: "2026-11-24", settings: defaultSettings() });
  const spec = buildSummary(report, defaultSettings());
  spec.sheets[0].cells.push({ row: 200, col: 1, value: { date: "2026-11-30" } });
  const res = await port.writeSummary(spec);
  expect(fake.model.sheet(res.sheetNames[0]).at("A200")?.value).toBe(46356 - OFFSET);
});
