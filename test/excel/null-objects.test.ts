/**
 * Null objects: the fake fails a sync with ItemNotFound when a method is called on a null object or a
 * child is derived from one (the conservative reading of Office.js), and the adapter never does either —
 * on workbooks without `_phuluc`, with empty sheets, with values but no merges. Sync counts are exact.
 */
import { defaultSettings } from "../../src/core/settings";
import { STORE_SHEET } from "../../src/core/store";
import { fakeStoreOf } from "../support/store-cells";
import type { SummarySpec } from "../../src/core/sheet-spec";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { HIGHLIGHT_FILL } from "../../src/excel/highlight";
import { createFakeExcel, type FakeExcel } from "../fakes/fake-excel";
import { FakeWorkbookModel } from "../fakes/fake-model";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
const codeOf = (err: unknown) => (err as { code?: string }).code;

async function syncError(fake: FakeExcel, queue: (ctx: Excel.RequestContext) => void): Promise<string | undefined> {
  try {
    await fake.run(async (ctx) => {
      queue(ctx);
      await ctx.sync();
    });
    return undefined;
  } catch (err) {
    return codeOf(err);
  }
}

const plain = () => new GridBuilder("PL I").row(["STT", "Nội dung"]).row([1, "Việc một"]).row([2, "Việc hai"]);

describe("the fake is strict about null objects", () => {
  test("a method on a missing sheet's proxy, or on an empty sheet's used range, fails the sync with ItemNotFound", async () => {
    const fake = fakeWorkbook([plain(), new GridBuilder("Trống")]);
    // The adapter's old chains: both fail now.
    expect(
      await syncError(fake, (ctx) =>
        ctx.workbook.worksheets.getItemOrNullObject(STORE_SHEET).getUsedRangeOrNullObject(true).load("values"),
      ),
    ).toBe("ItemNotFound");
    expect(
      await syncError(fake, (ctx) =>
        ctx.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true).getMergedAreasOrNullObject().load("address"),
      ),
    ).toBe("ItemNotFound");
    // Deriving a child is enough, even if it is never used.
    expect(await syncError(fake, (ctx) => void ctx.workbook.worksheets.getItemOrNullObject("Không có").getRange("A1"))).toBe(
      "ItemNotFound",
    );
    expect(await syncError(fake, (ctx) => void ctx.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true).format)).toBe(
      "ItemNotFound",
    );
    // Setting a property or calling a method on a null object fails too.
    expect(
      await syncError(
        fake,
        (ctx) => (ctx.workbook.worksheets.getItemOrNullObject("Không có").visibility = "Hidden" as Excel.SheetVisibility),
      ),
    ).toBe("ItemNotFound");
  });

  test("load and isNullObject on a null object are fine; the same chains on existing objects work", async () => {
    const fake = fakeWorkbook([plain(), new GridBuilder("Trống")]);
    const out = await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Không có").load("name");
      const emptyUsed = ctx.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true).load("address");
      const used = ctx.workbook.worksheets.getItemOrNullObject("PL I").getUsedRangeOrNullObject(true).load("address");
      const noMerges = ctx.workbook.worksheets.getItem("PL I").getRange("A1:B3").getMergedAreasOrNullObject().load("address");
      await ctx.sync();
      return [missing.isNullObject, emptyUsed.isNullObject, used.isNullObject, used.address, noMerges.isNullObject];
    });
    expect(out).toEqual([true, true, false, "'PL I'!A1:B3", true]);
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("the adapter never calls a method on a possibly-null object", () => {
  test("reading a workbook with no `_phuluc`: every sheet read, no store created, 4 syncs", async () => {
    const fake = fakeWorkbook([plain().merge(1, 1, 1, 2), new GridBuilder("PL II").row(["a"])]);
    const grids = await portOf(fake).readSheets();
    expect(grids.map((g) => g.name)).toEqual(["PL I", "PL II"]);
    expect(grids[0].values).toEqual([
      ["STT", null],
      [1, "Việc một"],
      [2, "Việc hai"],
    ]);
    expect(grids[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(fake.model.find(STORE_SHEET)).toBeUndefined();
    expect(fake.stats.syncs).toBe(4); // list; used ranges; values; merged areas (a sync of their own)
  });

  test("an empty sheet next to a full one: no rows, no merges asked of its (null) used range", async () => {
    const fake = fakeWorkbook([new GridBuilder("Trống"), plain()]);
    const [empty, full] = await portOf(fake).readSheets();
    expect(empty).toMatchObject({ name: "Trống", values: [], merges: [] });
    expect(full.values).toHaveLength(3);
    expect(fake.stats.syncs).toBe(4);
  });

  test("a workbook of empty sheets only is read in 2 syncs (nothing to load after the used ranges)", async () => {
    const fake = fakeWorkbook([new GridBuilder("Một"), new GridBuilder("Hai")]);
    const grids = await portOf(fake).readSheets();
    expect(grids.map((g) => [g.name, g.values.length, g.merges.length])).toEqual([
      ["Một", 0, 0],
      ["Hai", 0, 0],
    ]);
    expect(fake.stats.syncs).toBe(2);
  });

  test("a sheet with values but no merges: merges [] (the merged-area proxy is null, only loaded)", async () => {
    const fake = fakeWorkbook([plain()]);
    const [g] = await portOf(fake).readSheets();
    expect(g.merges).toEqual([]);
    expect(g.values[2]).toEqual([2, "Việc hai"]);
  });

  test("an empty `_phuluc` (the sheet without a used range) reads as an empty store; saving fills it", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("PL I").put(1, 1, "x");
    model.addSheet(STORE_SHEET).visibility = "VeryHidden";
    const fake = createFakeExcel({ model });
    const port = portOf(fake);
    expect((await port.readSheets()).map((g) => g.name)).toEqual(["PL I"]);
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    const s = { ...defaultSettings(), communeName: "Xã Trống" };
    await port.saveSettings(s);
    expect((await port.loadSettings()).settings).toEqual(s);
  });

  test("saving settings into a workbook with no `_phuluc` creates it very hidden; sync counts 1 / 2 / 2 / 4", async () => {
    const fake = fakeWorkbook([plain()]);
    const port = portOf(fake);
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    expect(fake.stats.syncs).toBe(1); // the list says there is no store: nothing more to read
    fake.stats.reset();
    const s = { ...defaultSettings(), communeName: "UBND xã Mới", planYear: 2026 };
    await port.saveSettings(s);
    expect(fake.stats.syncs).toBe(2); // list, write
    expect(fake.model.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    fake.stats.reset();
    expect(await port.loadSettings()).toEqual({ settings: s });
    expect(fake.stats.syncs).toBe(2); // list, store
    fake.stats.reset();
    await port.saveSettings({ ...s, planYear: 2027 });
    expect(fake.stats.syncs).toBe(4); // list, store, write, the check that no other runtime wrote over it
    expect((await port.loadSettings()).settings.planYear).toBe(2027);
  });

  test("a shorter store replaces a longer one completely (the old tail is cleared by its loaded address)", async () => {
    const long = Array.from({ length: 5 }, (_, i) => (i === 0 ? "{" : `"x${i}":1,`));
    const fake = fakeWorkbook([plain()], { storeChunks: long });
    fake.model.sheet(STORE_SHEET).put(7, 2, "stray");
    const port = portOf(fake);
    await port.saveSettings(defaultSettings());
    const ws = fake.model.sheet(STORE_SHEET);
    expect(ws.at("A5")?.value ?? null).toBeNull();
    expect(ws.at("B7")?.value ?? null).toBeNull();
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
  });

  test("highlight and clear on a fresh workbook (no `_phuluc`)", async () => {
    const fake = fakeWorkbook([plain(), new GridBuilder("Trống")]);
    const port = portOf(fake);
    await port.highlight([{ sheet: "PL I", cell: "B2", severity: "error" }]);
    expect(fake.model.sheet("PL I").at("B2")?.fill).toBe("#" + HIGHLIGHT_FILL.error);
    expect(fakeStoreOf(fake.model).store.highlights).toHaveLength(1);
    await port.clearHighlights();
    expect(fake.model.sheet("PL I").at("B2")?.fill ?? null).toBeNull();
    // Clearing a fresh workbook that never had highlights: nothing to read and nothing to write.
    const other = fakeWorkbook([plain()]);
    await portOf(other).clearHighlights();
    expect(other.stats.syncs).toBe(1); // the list: no `_phuluc`, so no highlights to clear
    expect(other.model.find(STORE_SHEET)).toBeUndefined();
  });

  test("writeSummary on a fresh workbook (no `_phuluc`): 3 syncs; regenerating (store exists): 4", async () => {
    const spec: SummarySpec = {
      marker: "null.test",
      sheets: [
        {
          key: "summary_units",
          name: "Tổng hợp",
          styles: {},
          cells: [{ row: 1, col: 1, value: "BẢNG" }],
          merges: [],
          columnWidths: [],
          visuals: [],
          print: {
            paper: "A4",
            orientation: "portrait",
            fitToWidth: 1,
            margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
          },
        },
      ],
    };
    const fake = fakeWorkbook([plain(), new GridBuilder("Trống")]);
    const first = await portOf(fake).writeSummary(spec);
    expect(first).toEqual({ sheetNames: ["Tổng hợp"], replaced: [] });
    expect(fake.stats.syncs).toBe(3); // list, content + store, print setup
    expect(fake.model.sheet("Tổng hợp").at("A1")?.value).toBe("BẢNG");
    fake.stats.reset();
    const again = await portOf(fake).writeSummary(spec);
    expect(again).toEqual({ sheetNames: ["Tổng hợp"], replaced: ["Tổng hợp"] });
    expect(fake.stats.syncs).toBe(4); // list, store, content + store, print setup
  });
});
