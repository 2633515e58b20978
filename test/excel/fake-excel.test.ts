/** The fake Excel behaves like the real API where the adapter's correctness depends on it. */
import { createFakeExcel, FakeOfficeError, PAYLOAD_LIMIT } from "../fakes/fake-excel";

function setup(apiVersion = "1.13") {
  const fake = createFakeExcel({ apiVersion });
  const s = fake.model.addSheet("Sheet1");
  s.put(1, 1, "a");
  s.put(2, 2, 5);
  return { fake, s };
}

describe("fake Excel", () => {
  test("reading a property before load() + sync() throws PropertyNotLoaded; after both it works", async () => {
    const { fake } = setup();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded but not synced
      await ctx.sync();
      expect(r.values).toEqual([
        ["a", ""],
        ["", 5],
      ]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // not loaded
    });
  });

  test("operations are queued and applied only on sync; syncs are counted", async () => {
    const { fake, s } = setup();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["x"]];
      expect(s.cell(3, 3)).toBeUndefined();
      await ctx.sync();
      expect(s.cell(3, 3)?.value).toBe("x");
    });
    expect(fake.stats.syncs).toBe(1);
  });

  test("values setter: '=', '+', '-', '@' make formulas and '12' a number, unless the format is Text or an apostrophe leads", async () => {
    const { fake, s } = setup();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A5:F5").values = [["=SUM(1)", "+cmd", "-x", "@x", "12", "TRUE"]];
      const t = ws.getRange("A6:B6");
      t.numberFormat = [["@", "@"]];
      t.values = [["=SUM(1)", "12"]];
      ws.getRange("A7").values = [["'=x"]];
      await ctx.sync();
    });
    expect([1, 2, 3, 4].map((c) => s.cell(5, c)?.formula)).toEqual(["=SUM(1)", "=+cmd", "=-x", "=@x"]);
    expect(s.cell(5, 5)?.value).toBe(12);
    expect(s.cell(5, 6)?.value).toBe(true);
    expect([s.cell(6, 1)?.value, s.cell(6, 1)?.formula, s.cell(6, 2)?.value]).toEqual(["=SUM(1)", undefined, "12"]);
    expect(s.cell(7, 1)?.value).toBe("=x");
  });

  test("a request over 5 MB throws RequestPayloadSizeLimitExceeded, a response ResponsePayloadSizeLimitExceeded; sizes are recorded", async () => {
    const { fake } = setup();
    const big = "x".repeat(30000);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A200").values = Array.from({ length: 200 }, () => [big]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(fake.stats.log[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    const s = fake.model.sheet("Sheet1");
    for (let r = 1; r <= 200; r++) s.put(r, 1, big);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A200").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
    expect(fake.stats.log[1].responseBytes).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  test("null objects: isNullObject after sync; getItem on a missing sheet fails with ItemNotFound", async () => {
    const { fake } = setup();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      missing.load("name");
      const used = ctx.workbook.worksheets.add("Empty").getUsedRangeOrNullObject(true);
      used.load("address");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(used.address).toBeUndefined(); // a null object's properties read as undefined (no throw), as in Office.js
      ctx.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("used range, valueTypes, errors, number formats and merged areas", async () => {
    const { fake, s } = setup();
    s.put(3, 3, { error: "#N/A" });
    s.put(4, 1, 46000, "dd/mm/yyyy");
    s.merges.push({ top: 1, left: 1, bottom: 1, right: 3 });
    await fake.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRange(true);
      used.load("address,values,valueTypes,numberFormat,rowIndex,columnCount");
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1:C4");
      expect([used.rowIndex, used.columnCount]).toEqual([0, 3]);
      expect(used.values[2][2]).toBe("#N/A");
      expect(used.valueTypes[2]).toEqual(["Empty", "Empty", "Error"]);
      expect(used.numberFormat[3][0]).toBe("dd/mm/yyyy");
      expect(merged.address).toBe("Sheet1!A1:C1");
    });
  });

  test("APIs above the fake's requirement set fail at sync with ApiNotFound; isSetSupported agrees", async () => {
    const { fake } = setup("1.8");
    expect(fake.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(fake.office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape" as Excel.PageOrientation;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("writes to a protected sheet fail with AccessDenied; cell-edit mode fails every sync", async () => {
    const { fake, s } = setup();
    s.protected = true;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["y"]];
      await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    });
    expect(s.cell(1, 1)?.value).toBe("a");
    fake.model.cellEditMode = true;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.load("items/name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    });
  });

  test("no fill reads as white with pattern None; a fill reads back as #RRGGBB with pattern Solid", async () => {
    const { fake } = setup();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").format.fill.color = "#ffc7ce";
      const a = ws.getRange("A1").format.fill.load("color,pattern");
      const b = ws.getRange("B1").format.fill.load("color,pattern");
      await ctx.sync();
      expect([a.color, a.pattern, b.color, b.pattern]).toEqual(["#FFFFFF", "None", "#FFC7CE", "Solid"]);
    });
  });

  test("a workbook keeps one visible sheet; values arrays must match the range", async () => {
    const { fake } = setup();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["only one"]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });
});
