/**
 * What the merge reads of the open workbook beyond its values, through Office.js (the fake): the formulas
 * of the cells it would write (a value for one is a conflict, «ô có công thức», and undo writes the formula
 * back as a formula), the drop-down words of the plan's Tình trạng column (the status written in them), a
 * column it adds headed like its neighbour (Range.copyFrom, ExcelApi 1.9) — each in a bounded number of syncs.
 */
import { fromA1 } from "../../src/core/a1";
import { applyMerge, reviewReturns, undoLastMerge } from "../../src/app/use-cases/merge";
import { defaultSettings } from "../../src/core/settings";
import { emptyStore } from "../../src/core/store";
import { OfficeWorkbookPort } from "../../src/excel/port";
import type { FakeExcel } from "../fakes/fake-excel";
import { appendixGrid, fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder, STD_HEADER } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { AS_OF, fileOf, fill, KT, openPort, planBytes, planGrids, split, T } from "../returns/support";

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
const cellOf = (fake: FakeExcel, sheet: string, a1: string) => {
  const at = fromA1(a1)!;
  return fake.model.find(sheet)!.cell(at.row, at.col);
};

describe("formulas", () => {
  test("read for the cells asked only (a cell without one is not listed), in runs of one column, one sync for a few thousand cells", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 3000)]);
    const sheet = fake.model.find("PL")!;
    sheet.touch(10, 8).formula = '=IF(G10="","","Đang thực hiện")';
    sheet.touch(2500, 8).formula = "=TODAY()";
    fake.stats.reset();
    const cells = Array.from({ length: 3000 }, (_, i) => ({ sheet: "PL", cell: `H${6 + i}` }));
    const found = await portOf(fake).readFormulas(cells);
    expect(found).toEqual([
      { sheet: "PL", cell: "H10", formula: '=IF(G10="","","Đang thực hiện")' },
      { sheet: "PL", cell: "H2500", formula: "=TODAY()" },
    ]);
    expect(fake.stats.syncs).toBe(1);
    expect(await portOf(fake).readFormulas([])).toEqual([]);
  });

  test("a return's value for a formula cell waits («ô có công thức»); chosen, it is written; undo puts the formula back as a formula", async () => {
    const grids = planGrids();
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() } });
    const plan = await planBytes(grids);
    const wifiRow = grids[0].values.findIndex((r) => r[1] === T.wifi) + 1;
    const formula = `=IF(G${wifiRow}="","","Đang thực hiện")`;
    fake.model.find("PL I")!.touch(wifiRow, 8).formula = formula;
    const kt = await fill(fileOf(await split(plan), KT).bytes, [{ task: T.wifi, status: "Tạm dừng", note: "Chờ tỉnh" }]);
    const port = portOf(fake);
    const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(kt, "kt.xlsx", true) }], { asOf: AS_OF });
    const status = review.proposal.changes.find((c) => c.field === "status")!;
    expect(status).toMatchObject({ cell: `H${wifiRow}`, conflicts: ["formula"], previous: { formula } });
    expect(review.proposal.conflicts.map((k) => [k.kind, k.change])).toEqual([["formula", status.id]]);
    // By default the formula stays.
    const kept = await applyMerge(port, review);
    expect(kept.undecided).toEqual([status.id]);
    expect(cellOf(fake, "PL I", `H${wifiRow}`)?.formula).toBe(formula);
    await undoLastMerge(port, defaultSettings());
    // Chosen: written over; undo: the formula again.
    await applyMerge(port, review, new Set(review.proposal.changes.map((c) => c.id)));
    expect(cellOf(fake, "PL I", `H${wifiRow}`)).toMatchObject({ value: "Tạm dừng" });
    expect(cellOf(fake, "PL I", `H${wifiRow}`)?.formula).toBeUndefined();
    expect(await undoLastMerge(port, defaultSettings())).toMatchObject({ undone: true, kept: 0 });
    expect(cellOf(fake, "PL I", `H${wifiRow}`)?.formula).toBe(formula);
  });
});

describe("the plan's drop-down on Tình trạng", () => {
  async function merged(source: string, extra?: (fake: FakeExcel) => void) {
    const grids = planGrids();
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() } });
    fake.model.find("PL I")!.validations.push({ rect: { top: 5, left: 8, bottom: 200, right: 8 }, source });
    extra?.(fake);
    const kt = await fill(fileOf(await split(await planBytes(grids)), KT).bytes, [
      { task: T.wifi, status: "đang làm, đạt 70%" },
      { task: T.budget, status: "Tạm hoãn" },
    ]);
    const port = portOf(fake);
    const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(kt, "kt.xlsx", true) }], { asOf: AS_OF });
    return review.proposal.changes.filter((c) => c.field === "status").map((c) => [c.task.text.slice(0, 12), c.after, c.unitValue]);
  }

  test("an inline list: its words are written", async () => {
    expect(await merged("Chưa triển khai,Đang triển khai,Hoàn thành,Tạm hoãn")).toEqual([
      [T.wifi.slice(0, 12), "Đang triển khai", "đang làm, đạt 70%"],
      [T.budget.slice(0, 12), "Tạm hoãn", undefined],
    ]);
  });

  test("a list in a range of another sheet (read in one more sync, at most 200 words)", async () => {
    const words = await merged("='Danh mục'!$A$1:$A$4", (fake) => {
      const s = fake.model.addSheet("Danh mục");
      ["Chưa làm", "Đang làm", "Xong", "Tạm ngưng"].forEach((w, i) => s.put(i + 1, 1, w));
    });
    expect(words).toEqual([
      [T.wifi.slice(0, 12), "Đang làm", "đang làm, đạt 70%"],
      [T.budget.slice(0, 12), "Tạm ngưng", "Tạm hoãn"],
    ]);
  });

  test("an Excel before ExcelApi 1.8 (no Range.dataValidation): the copies' words, and no error", async () => {
    const grids = planGrids();
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() }, apiVersion: "1.7" });
    fake.model.find("PL I")!.validations.push({ rect: { top: 5, left: 8, bottom: 200, right: 8 }, source: "Đang triển khai" });
    expect(await portOf(fake).readLists([{ sheet: "PL I", cell: "H6" }])).toEqual([]);
  });
});

test("a column the merge adds is headed like its neighbour (copyFrom on ExcelApi 1.9; plain before)", async () => {
  const g = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
    .header(STD_HEADER)
    .task({ stt: 1, content: T.wifi, head: "Chủ tịch UBND xã", lead: KT, result: "Hệ thống mạng", deadline: "Quý III/2026" })
    .build();
  const plan = await buildXlsx([g]);
  const kt = await fill(fileOf(await split(plan), KT).bytes, [{ task: T.wifi, note: "Đã lắp 5 điểm" }]);
  for (const [api, styled] of [
    ["1.9", true],
    ["1.8", false],
  ] as const) {
    const fake = fakeWorkbook([g], { store: { ...emptyStore(), settings: defaultSettings() }, apiVersion: api });
    const neighbour = fake.model.find("PL I")!.touch(3, 7);
    neighbour.font = { ...neighbour.font, bold: true };
    neighbour.fill = "#D9E2F3";
    neighbour.borders = { EdgeTop: "Continuous" };
    const port = portOf(fake);
    const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(kt, "kt.xlsx", true) }], { asOf: AS_OF });
    await applyMerge(port, review);
    const header = cellOf(fake, "PL I", "H3")!;
    expect(header.value).toBe("Ghi chú");
    expect([api, header.font.bold, header.fill]).toEqual([api, styled, styled ? "#D9E2F3" : null]);
  }
});
