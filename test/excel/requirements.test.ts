/** The manifest's ExcelApi 1.4 is enough for every port method: higher sets are feature-detected. */
import { defaultSettings } from "../../src/core/settings";
import { buildSummary } from "../../src/documents/summary/build";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { FEATURE_SETS, featureSupport, REQUIRED_EXCEL_API } from "../../src/excel/requirements";
import { benchRead } from "../fakes/bench-read";
import { PAYLOAD_LIMIT } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { sampleReport, sampleSettings } from "../summary/fixtures";

describe("requirement sets", () => {
  test.each(["1.4", "1.8", "1.12", "1.13"])("every port method works on ExcelApi %s (no ApiNotFound)", async (apiVersion) => {
    const fake = fakeWorkbook([new GridBuilder("PL I").row(["STT", "Nội dung"]).row([1, "Việc"]).merge(1, 1, 1, 2)], { apiVersion });
    const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
    const [g] = await port.readSheets();
    expect(g.values[1]).toEqual([1, "Việc"]);
    expect(g.merges).toEqual(apiVersion === "1.13" ? [{ top: 1, left: 1, bottom: 1, right: 2 }] : []);
    const res = await port.writeSummary(buildSummary(sampleReport(), sampleSettings()));
    expect(res.sheetNames.length).toBe(3);
    await port.highlight([{ sheet: "PL I", cell: "B2", severity: "error" }]);
    await port.clearHighlights();
    await port.select("PL I", "B2");
    await port.writeCells("PL I", [{ cell: "B2", value: "=x" }]);
    await port.saveSettings(defaultSettings());
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    expect(fake.model.sheet("PL I").at("B2")).toMatchObject({ value: "=x", fill: null });
  });

  test("features switch on exactly at their documented sets", () => {
    const at = (v: string) => featureSupport((_n, min) => Number(v.split(".")[1]) >= Number((min ?? "1.1").split(".")[1]));
    expect(Object.values(at(REQUIRED_EXCEL_API)).some(Boolean)).toBe(false);
    expect(at("1.13")).toEqual(Object.fromEntries(Object.keys(FEATURE_SETS).map((k) => [k, true])));
    expect(at("1.9")).toMatchObject({ pageLayout: true, fillPattern: true, mergedAreas: false });
  });
});

describe("benchmark hook", () => {
  test("benchRead reads all 20,000 tasks in a handful of syncs, each under 5 MB", async () => {
    const r = await benchRead(20_000, 4);
    expect(r.rows).toBe(20_000 + 4 * 4); // 4 sheets × (2 title rows + header + group row)
    expect(r.cells).toBe(r.rows * 10);
    expect(r.largestPayloadBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(r.syncs).toBeGreaterThanOrEqual(3);
    expect(r.syncs).toBeLessThanOrEqual(8);
    expect(r.requests).toBeGreaterThan(0);
  });
});
