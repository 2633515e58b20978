/** Reversible highlights through the Office.js adapter: exact restore, user changes respected, 3–4 syncs. */
import { defaultSettings } from "../../src/core/settings";
import { emptyStore, STORE_SHEET } from "../../src/core/store";
import { fakeStoreOf } from "../support/store-cells";
import { HIGHLIGHT_FILL, storedFill } from "../../src/excel/highlight";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { PAYLOAD_LIMIT, type FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });

function book(apiVersion?: string) {
  const fake = fakeWorkbook([new GridBuilder("PL I").row(["a", "b", "c"]).row(["d", "e", "f"]), new GridBuilder("PL II").row(["x"])], {
    apiVersion,
  });
  const s = fake.model.sheet("PL I");
  s.touch(1, 2).fill = "#00B050"; // the user's own green
  s.touch(1, 3).fill = "#FFFFFF"; // an explicit white fill
  return { fake, s };
}

const fills = (fake: FakeExcel, sheet: string, cells: string[]) => cells.map((a) => fake.model.sheet(sheet).at(a)?.fill ?? null);

describe("highlight / clearHighlights (Office.js adapter)", () => {
  test("highlight fills the cells and records what was there; clear restores exactly (no fill stays no fill)", async () => {
    const { fake } = book();
    const port = portOf(fake);
    await port.highlight([
      { sheet: "PL I", cell: "A1", severity: "error" },
      { sheet: "PL I", cell: "B1", severity: "warning" },
      { sheet: "PL I", cell: "C1", severity: "error" },
      { sheet: "PL II", cell: "A1", severity: "warning" },
    ]);
    expect(fills(fake, "PL I", ["A1", "B1", "C1"])).toEqual([
      "#" + HIGHLIGHT_FILL.error,
      "#" + HIGHLIGHT_FILL.warning,
      "#" + HIGHLIGHT_FILL.error,
    ]);
    const store = fakeStoreOf(fake.model).store;
    expect(store.highlights).toEqual([
      { sheet: "PL I", cell: "A1", previousFill: null, appliedFill: "FFC7CE" },
      { sheet: "PL I", cell: "B1", previousFill: "00B050", appliedFill: "FFEB9C" },
      { sheet: "PL I", cell: "C1", previousFill: "FFFFFF", appliedFill: "FFC7CE" },
      { sheet: "PL II", cell: "A1", previousFill: null, appliedFill: "FFEB9C" },
    ]);
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["A1", "B1", "C1"])).toEqual([null, "#00B050", "#FFFFFF"]);
    expect(fills(fake, "PL II", ["A1"])).toEqual([null]);
    expect(fakeStoreOf(fake.model).store.highlights).toEqual([]);
  });

  test("a cell the user recoloured after the highlight keeps the user's colour", async () => {
    const { fake, s } = book();
    const port = portOf(fake);
    await port.highlight([
      { sheet: "PL I", cell: "A2", severity: "error" },
      { sheet: "PL I", cell: "B2", severity: "error" },
    ]);
    s.at("A2")!.fill = "#0070C0"; // the user's change
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["A2", "B2"])).toEqual(["#0070C0", null]);
  });

  test("highlighting again replaces the previous highlights and keeps the original fill underneath", async () => {
    const { fake } = book();
    const port = portOf(fake);
    await port.highlight([
      { sheet: "PL I", cell: "B1", severity: "warning" },
      { sheet: "PL I", cell: "A2", severity: "error" },
    ]);
    await port.highlight([{ sheet: "PL I", cell: "B1", severity: "error" }]);
    expect(fills(fake, "PL I", ["B1", "A2"])).toEqual(["#FFC7CE", null]);
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["B1", "A2"])).toEqual(["#00B050", null]);
  });

  test("the same constant number of syncs for 2 cells and for 2,000 cells: 3 on a fresh workbook, 5 once `_phuluc` exists", async () => {
    const counts: number[] = [];
    for (const n of [2, 2000]) {
      const { fake } = book();
      const targets = Array.from({ length: n }, (_, i) => ({ sheet: "PL I", cell: `D${i + 1}`, severity: "error" as const }));
      await portOf(fake).highlight(targets);
      counts.push(fake.stats.syncs);
      fake.stats.reset();
      await portOf(fake).clearHighlights();
      counts.push(fake.stats.syncs);
      expect(fake.model.sheet("PL I").at(`D${n}`)?.fill).toBeNull();
    }
    // highlight on a workbook without `_phuluc`: list, fills, writes (3; creating `_phuluc` cannot overwrite
    // another runtime's store, so there is nothing to verify). clear: the store now exists, so its head and
    // highlights are read in a sync of their own after the list says it is there, the fills are read with a
    // check of the head, the writes, then the check that no other runtime wrote over them (5).
    expect(counts).toEqual([3, 5, 3, 5]);
  });

  test("20,000 highlighted cells: every request stays under 5 MB, and clearing restores every one", async () => {
    const { fake } = book();
    const targets = Array.from({ length: 20000 }, (_, i) => ({
      sheet: "PL I",
      cell: `E${i + 1}`,
      severity: (i % 2 ? "error" : "warning") as "error" | "warning",
    }));
    fake.model.sheet("PL I").touch(7, 5).fill = "#00B050";
    await portOf(fake).highlight(targets);
    expect(fake.model.sheet("PL I").at("E20000")?.fill).toBe("#FFC7CE");
    await portOf(fake).clearHighlights();
    for (const s of fake.stats.log) expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.stats.syncs).toBeLessThan(40);
    const left = targets.filter((t) => fake.model.sheet("PL I").at(t.cell)?.fill && t.cell !== "E7");
    expect(left).toEqual([]);
    expect(fake.model.sheet("PL I").at("E7")?.fill).toBe("#00B050");
  });

  test("highlights recorded by the .xlsx adapter (ExcelJS fills as JSON) are cleared by the add-in", async () => {
    const solid = (rgb: string) => JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FF" + rgb } });
    const store = {
      ...emptyStore(),
      highlights: [
        { sheet: "PL I", cell: "A1", previousFill: null, appliedFill: solid("FFC7CE") },
        { sheet: "PL I", cell: "B1", previousFill: solid("00B050"), appliedFill: solid("FFEB9C") },
        {
          sheet: "PL I",
          cell: "C1",
          previousFill: JSON.stringify({ type: "pattern", pattern: "darkGrid", fgColor: { argb: "FF000000" } }),
          appliedFill: solid("FFC7CE"),
        },
      ],
    };
    const fake = fakeWorkbook([new GridBuilder("PL I").row(["a", "b", "c"])], { store });
    const s = fake.model.sheet("PL I");
    s.touch(1, 1).fill = "#FFC7CE";
    s.touch(1, 2).fill = "#FFEB9C";
    s.touch(1, 3).fill = "#FFC7CE";
    await portOf(fake).clearHighlights();
    expect(fills(fake, "PL I", ["A1", "B1", "C1"])).toEqual([null, "#00B050", null]);
    expect(storedFill(solid("00B050"))).toBe("00B050");
    expect(storedFill("#00b050")).toBe("00B050");
    expect(storedFill(JSON.stringify({ type: "pattern", pattern: "none" }))).toBeNull();
    expect(storedFill("{broken")).toBeUndefined();
  });

  test("before ExcelApi 1.9 (no fill pattern): a white fill counts as no fill, everything else is exact", async () => {
    const { fake } = book("1.8");
    const port = portOf(fake);
    await port.highlight([
      { sheet: "PL I", cell: "B1", severity: "error" },
      { sheet: "PL I", cell: "A1", severity: "error" },
    ]);
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["A1", "B1"])).toEqual([null, "#00B050"]);
  });

  test("targets on a sheet that no longer exists are skipped, not an error", async () => {
    const { fake } = book();
    await portOf(fake).highlight([
      { sheet: "Đã xóa", cell: "A1", severity: "error" },
      { sheet: "PL I", cell: "A1", severity: "error" },
    ]);
    expect(fills(fake, "PL I", ["A1"])).toEqual(["#FFC7CE"]);
  });

  test("a protected workbook structure without `_phuluc`: the record cannot be created, so no cell is filled", async () => {
    const { fake } = book();
    fake.model.structureProtected = true;
    await expect(portOf(fake).highlight([{ sheet: "PL I", cell: "A1", severity: "error" }])).rejects.toThrow(/được bảo vệ/);
    expect(fills(fake, "PL I", ["A1", "B1"])).toEqual([null, "#00B050"]); // nothing that could never be cleared
    expect(fake.model.find(STORE_SHEET)).toBeUndefined();
  });

  test("a protected workbook structure with `_phuluc`: highlights are recorded (the sheet is not re-hidden) and cleared", async () => {
    const { fake } = book();
    const port = portOf(fake);
    await port.saveSettings(defaultSettings()); // `_phuluc` exists, very hidden
    fake.model.structureProtected = true;
    await port.highlight([{ sheet: "PL I", cell: "A1", severity: "error" }]);
    expect(fills(fake, "PL I", ["A1"])).toEqual(["#FFC7CE"]);
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["A1"])).toEqual([null]);
    expect(fake.model.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
  });

  test("fills that fail half way (a protected sheet among them) are recorded before they are made, so clearing restores them", async () => {
    const { fake } = book();
    const port = portOf(fake);
    fake.model.sheet("PL II").protected = true;
    await expect(
      port.highlight([
        { sheet: "PL I", cell: "A1", severity: "error" },
        { sheet: "PL I", cell: "B1", severity: "warning" },
        { sheet: "PL II", cell: "A1", severity: "error" },
      ]),
    ).rejects.toThrow(/được bảo vệ/);
    expect(fills(fake, "PL I", ["A1", "B1"])).toEqual(["#FFC7CE", "#FFEB9C"]); // made before the refusal
    fake.model.sheet("PL II").protected = false;
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["A1", "B1"])).toEqual([null, "#00B050"]);
    expect(fills(fake, "PL II", ["A1"])).toEqual([null]);
  });

  test("old highlights whose restore is refused stay recorded until they are restored", async () => {
    const { fake, s } = book();
    const port = portOf(fake);
    await port.highlight([
      { sheet: "PL II", cell: "A1", severity: "error" },
      { sheet: "PL I", cell: "B1", severity: "error" },
    ]);
    s.protected = true;
    await expect(port.highlight([{ sheet: "PL II", cell: "A1", severity: "warning" }])).rejects.toThrow(/được bảo vệ/);
    s.protected = false;
    await port.clearHighlights();
    expect(fills(fake, "PL I", ["B1"])).toEqual(["#00B050"]);
    expect(fills(fake, "PL II", ["A1"])).toEqual([null]);
  });

  test("a protected sheet gives the Vietnamese protection message", async () => {
    const { fake, s } = book();
    s.protected = true;
    await expect(portOf(fake).highlight([{ sheet: "PL I", cell: "A1", severity: "error" }])).rejects.toThrow(/được bảo vệ/);
  });
});
