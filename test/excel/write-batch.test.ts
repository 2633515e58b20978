/**
 * OfficeWorkbookPort.writeBatch against the fake Excel (the merge of the units' returns and its undo):
 * a constant number of syncs per 4 MB of request, a sync refused for its size split and retried, text kept
 * as text, dates as serials of the workbook's date system, and a whole merge + undo through the port.
 */
import { fromA1 } from "../../src/core/a1";
import { defaultSettings } from "../../src/core/settings";
import { emptyStore } from "../../src/core/store";
import type { CellWrite } from "../../src/core/port";
import { MERGES_KEY, parseMergesRecord } from "../../src/core/returned-copies/merge-schema";
import { applyMerge, mergeState, reviewReturns, undoLastMerge } from "../../src/app/use-cases/merge";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { BATCH_BUDGET_BYTES, writeBatchWith } from "../../src/excel/write-batch";
import { PAYLOAD_LIMIT, type FakeExcel } from "../fakes/fake-excel";
import { appendixGrid, fakeWorkbook } from "../fakes/fake-workbook";
import { AS_OF, fileOf, fill, openPort, planBytes, planGrids, split, T, VH } from "../returns/support";

const MB4 = 4 * 1024 * 1024;

function portOf(fake: FakeExcel, budgetBytes?: number) {
  return new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported, budgetBytes });
}

function cellOf(fake: FakeExcel, sheet: string, a1: string) {
  const at = fromA1(a1)!;
  const c = fake.model.find(sheet)!.cell(at.row, at.col);
  return { value: c?.value ?? null, format: c?.numberFormat, formula: c?.formula, error: c?.error };
}

/** `n` writes over the task rows of an appendixGrid sheet (H status, J note), text of `len` characters. */
function statusWrites(n: number, len = 20): CellWrite[] {
  const out: CellWrite[] = [];
  for (let i = 0; out.length < n; i++) {
    const row = 6 + (i % 5000);
    const col = i < 5000 ? "H" : "J";
    out.push({ sheet: "PL", cell: `${col}${row}`, value: `Đã hoàn thành ${i} `.padEnd(len, "x") });
  }
  return out;
}

const requestTotal = (fake: FakeExcel) => fake.stats.log.reduce((n, s) => n + s.requestBytes, 0);

describe("writeBatch (Office.js adapter)", () => {
  test("10 and 5,000 cells: one sync each; the cells hold the values and nothing else changed", async () => {
    for (const n of [10, 5000]) {
      const fake = fakeWorkbook([appendixGrid("PL", 5000)]);
      const before = cellOf(fake, "PL", "B6");
      fake.stats.reset();
      const writes = statusWrites(n);
      await portOf(fake).writeBatch(writes);
      expect(fake.stats.syncs).toBe(1);
      expect(fake.stats.untracked).toBe(n);
      for (const w of [writes[0], writes[n - 1]]) expect(cellOf(fake, "PL", w.cell).value).toBe(w.value);
      expect(cellOf(fake, "PL", "B6")).toEqual(before);
    }
  });

  test("a batch of more than 4 MB: syncs bounded by ceil(bytes / 4 MB) + 1, each under Excel's 5 MB, every cell written", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 5000)]);
    fake.stats.reset();
    const writes = statusWrites(10_000, 600);
    await portOf(fake).writeBatch(writes);
    const bytes = requestTotal(fake);
    expect(bytes).toBeGreaterThan(MB4);
    expect(fake.stats.syncs).toBeGreaterThan(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(Math.ceil(bytes / MB4) + 1);
    for (const s of fake.stats.log) expect(s.requestBytes).toBeLessThanOrEqual(BATCH_BUDGET_BYTES);
    expect(cellOf(fake, "PL", "H6").value).toBe(writes[0].value);
    expect(cellOf(fake, "PL", "J5005").value).toBe(writes[9999].value);
  });

  test("recalculation is suspended in every sync that writes cells (ExcelApi 1.6): a merge into a plan full of formulas recalculates once", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 5000)]);
    fake.stats.reset();
    await portOf(fake).writeBatch(statusWrites(10_000, 600));
    const writing = fake.stats.log.filter((s) => s.valueSets > 0);
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.filter((s) => !s.calcSuspended)).toEqual([]);
  });

  test("an Excel without ExcelApi 1.6 is not asked to suspend calculation: the cells are written all the same", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 50)], { apiVersion: "1.4" });
    fake.stats.reset();
    const writes = statusWrites(40);
    await portOf(fake).writeBatch(writes);
    expect(fake.stats.log.some((s) => s.calcSuspended)).toBe(false);
    expect(cellOf(fake, "PL", writes[39].cell).value).toBe(writes[39].value);
  });

  test("a sync refused as too large (RequestPayloadSizeLimitExceeded) is split in halves and retried: every cell written once", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 5000)]);
    fake.stats.reset();
    const writes = statusWrites(10_000, 600);
    let syncs = 0;
    // A budget far above what Excel accepts: the first sync is refused, its halves fit.
    await fake.run(async (ctx) => void (syncs = await writeBatchWith(ctx, writes, { budgetBytes: 40_000_000 })));
    const refused = fake.stats.log.filter((s) => s.requestBytes > PAYLOAD_LIMIT);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(syncs).toBe(fake.stats.syncs);
    expect(fake.stats.syncs).toBeLessThanOrEqual(refused.length * 2 + 1);
    for (const w of [writes[0], writes[4999], writes[5000], writes[9999]]) expect(cellOf(fake, "PL", w.cell).value).toBe(w.value);
  });

  test("a refusal that is not about size reaches the caller as one Vietnamese sentence, nothing retried", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 10)]);
    fake.model.find("PL")!.protected = true;
    fake.stats.reset();
    await expect(portOf(fake).writeBatch(statusWrites(3))).rejects.toThrow(/[ảạãáàơưđ]/);
    expect(fake.stats.syncs).toBe(1);
  });

  test("text that Excel would read as a formula, number, date or boolean stays that text (a quote prefix, the cell's format kept)", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 20)]);
    const texts = [
      "=SUM(A1:A3)",
      "+84 912 345 678",
      "- Đã tổ chức 3 lớp",
      "@Phòng Kinh tế",
      "15/11/2026",
      "0012",
      "TRUE",
      "#N/A",
      "'trích dẫn",
    ];
    const writes = texts.map((value, i) => ({ sheet: "PL", cell: `J${6 + i}`, value }));
    await portOf(fake).writeBatch(writes);
    for (const w of writes) {
      const c = cellOf(fake, "PL", w.cell);
      expect([w.value, c.value, c.formula ?? null, c.error ?? null]).toEqual([w.value, w.value, null, null]);
      expect(c.format).toBe("General");
    }
    const [g] = await portOf(fake).readSheets();
    expect(g.values.slice(5, 5 + texts.length).map((r) => r[9])).toEqual(texts);
  });

  test("text with the Text format ('@'): the format set first, the text written as it is (a Text cell would keep a quote prefix)", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 20)]);
    fake.model.find("PL")!.touch(6, 10).numberFormat = "@";
    await portOf(fake).writeBatch([
      { sheet: "PL", cell: "J6", value: "- Đã tổ chức 3 lớp", numberFormat: "@" },
      { sheet: "PL", cell: "J7", value: "=SUM(A1:A3)", numberFormat: "@" },
    ]);
    expect(cellOf(fake, "PL", "J6")).toMatchObject({ value: "- Đã tổ chức 3 lớp", format: "@" });
    expect(cellOf(fake, "PL", "J7")).toMatchObject({ value: "=SUM(A1:A3)", format: "@" });
    expect(cellOf(fake, "PL", "J7").formula).toBeUndefined();
  });

  test("null empties a cell; numbers and booleans are written as such; a number format given is set", async () => {
    const fake = fakeWorkbook([appendixGrid("PL", 20)]);
    await portOf(fake).writeBatch([
      { sheet: "PL", cell: "H7", value: null },
      { sheet: "PL", cell: "K7", value: 12.5, numberFormat: "0.0" },
      { sheet: "PL", cell: "L7", value: true },
    ]);
    expect(cellOf(fake, "PL", "H7").value).toBeNull();
    expect(cellOf(fake, "PL", "K7")).toMatchObject({ value: 12.5, format: "0.0" });
    expect(cellOf(fake, "PL", "L7").value).toBe(true);
  });

  test("dates: a serial of the workbook's date system with the format asked for (1900 and 1904 workbooks), one probe sync", async () => {
    for (const date1904 of [false, true]) {
      const fake = fakeWorkbook([appendixGrid("PL", 20)]);
      fake.model.date1904 = date1904;
      fake.stats.reset();
      await portOf(fake).writeBatch([
        { sheet: "PL", cell: "I6", value: { date: "2026-11-15" }, numberFormat: "dd/mm/yyyy" },
        { sheet: "PL", cell: "I7", value: { date: "2026-02-30" } },
      ]);
      expect(fake.stats.syncs).toBe(2);
      expect(cellOf(fake, "PL", "I6")).toMatchObject({ value: 46341 - (date1904 ? 1462 : 0), format: "dd/mm/yyyy" });
      // Not a date: kept as the text it was, never a wrong serial.
      expect(cellOf(fake, "PL", "I7").value).toBe("2026-02-30");
      // Read back through the adapter, the core sees the 1900-system serial either way.
      const [g] = await portOf(fake).readSheets();
      expect(g.values[5][8]).toBe(46341);
    }
  });
});

describe("a merge into the open workbook through Office.js (fake), and its undo", () => {
  async function mergedWorkbook() {
    const grids = planGrids();
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() } });
    const port = portOf(fake);
    const copies = await split(await planBytes(grids));
    const vh = await fill(fileOf(copies, VH).bytes, [
      { task: T.plan, status: "Đã hoàn thành", doneDate: { date: "2026-10-10" }, note: "- Đã trình UBND xã" },
    ]);
    const review = await reviewReturns(port, [{ label: "vh.xlsx", port: await openPort(vh, "vh.xlsx", true) }], { asOf: AS_OF });
    return { fake, port, review };
  }

  test("the accepted changes land in one batch, the undo data goes to _phuluc, 'Nhật ký gộp' is written; undo restores every cell", async () => {
    const { fake, port, review } = await mergedWorkbook();
    const changes = review.proposal.changes.filter((c) => c.task.text.includes(T.plan));
    expect(changes.map((c) => c.field).sort()).toEqual(["doneDate", "note", "status"]);
    const at = (f: string) => changes.find((c) => c.field === f)!.cell;
    const before = Object.fromEntries(["status", "doneDate", "note"].map((f) => [f, cellOf(fake, "PL I", at(f))]));

    const syncsBefore = fake.stats.syncs;
    let batchSyncs = -1;
    const spy = port.writeBatch.bind(port);
    port.writeBatch = async (w) => {
      const s0 = fake.stats.syncs;
      await spy(w);
      batchSyncs = fake.stats.syncs - s0;
    };
    const applied = await applyMerge(port, review);
    expect(applied.applied).toBe(review.proposal.changes.filter((c) => c.conflicts.length === 0).length);
    expect(batchSyncs).toBe(2); // the date-system probe, then the values
    expect(fake.stats.syncs - syncsBefore).toBeLessThan(20);

    expect(cellOf(fake, "PL I", at("status")).value).toBe("Đã hoàn thành");
    expect(cellOf(fake, "PL I", at("doneDate"))).toMatchObject({ value: 46305 });
    expect(cellOf(fake, "PL I", at("note")).value).toBe("- Đã trình UBND xã");
    const log = fake.model.find("Nhật ký gộp");
    expect(log).toBeDefined();
    const logText = JSON.stringify([...log!.cells.values()].map((c) => c.value));
    expect(logText).toContain("vh.xlsx");
    expect(logText).toContain("- Đã trình UBND xã");

    const { record } = parseMergesRecord(await port.loadRecord(MERGES_KEY));
    expect(record.merges).toHaveLength(1);
    expect(record.merges[0].undo?.length).toBe(applied.cells);
    expect((await mergeState(port)).undoable?.files).toEqual(["vh.xlsx"]);

    const undone = await undoLastMerge(port, defaultSettings());
    expect(undone).toMatchObject({ undone: true, cells: applied.cells, kept: 0 });
    for (const f of ["status", "doneDate", "note"]) expect(cellOf(fake, "PL I", at(f)).value).toEqual(before[f].value);
    expect((await mergeState(port)).undoable).toBeNull();
  });

  test("a note into a cell formatted as Text ('@') arrives without a visible apostrophe, and undo gives the old note back the same way", async () => {
    const grids = planGrids();
    // The plan's note cell formatted as Text, holding a note that starts with a dash.
    const i = grids[0].values.findIndex((r) => r[1] === T.plan);
    const row = i + grids[0].origin.row;
    grids[0].values[i][9] = "- Chờ ý kiến";
    grids[0].numberFormats ??= grids[0].values.map((r) => r.map(() => null));
    grids[0].numberFormats[i] ??= [];
    grids[0].numberFormats[i][9] = "@";
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() } });
    const port = portOf(fake);
    const copies = await split(await planBytes(grids));
    const vh = await fill(fileOf(copies, VH).bytes, [{ task: T.plan, note: "- Đã trình UBND xã" }]);
    const review = await reviewReturns(port, [{ label: "vh.xlsx", port: await openPort(vh, "vh.xlsx", true) }], { asOf: AS_OF });
    const note = review.proposal.changes.find((c) => c.task.text.includes(T.plan) && c.field === "note")!;
    expect(note.cell).toBe(`J${row}`);
    await applyMerge(port, review);
    expect(cellOf(fake, "PL I", note.cell)).toMatchObject({ value: "- Đã trình UBND xã", format: "@" });
    await undoLastMerge(port, defaultSettings());
    expect(cellOf(fake, "PL I", note.cell)).toMatchObject({ value: "- Chờ ý kiến", format: "@" });
  });

  test("undo leaves a cell someone changed since the merge, and says how many", async () => {
    const { fake, port, review } = await mergedWorkbook();
    const applied = await applyMerge(port, review);
    const status = review.proposal.changes.find((c) => c.task.text.includes(T.plan) && c.field === "status")!;
    const at = fromA1(status.cell)!;
    fake.model.find("PL I")!.put(at.row, at.col, "Tạm dừng");
    const undone = await undoLastMerge(port, defaultSettings());
    expect(undone).toMatchObject({ undone: true, kept: 1, cells: applied.cells - 1 });
    expect(cellOf(fake, "PL I", status.cell).value).toBe("Tạm dừng");
  });
});

describe("a merge and its undo in a 1904-date-system workbook (old Mac files)", () => {
  test("a date the merge replaced comes back as the same date, not 1,462 days off", async () => {
    const grids = planGrids();
    const fake = fakeWorkbook(grids, { store: { ...emptyStore(), settings: defaultSettings() } });
    fake.model.date1904 = true;
    // The fixtures hold 1900-system serials: shift the date cells as a 1904 workbook stores them.
    for (const s of fake.model.sheets)
      for (const c of s.cells.values()) if (typeof c.value === "number" && /yy/.test(c.numberFormat)) c.value -= 1462;
    const port = portOf(fake);
    const copies = await split(await planBytes(grids));
    const vh = await fill(fileOf(copies, VH).bytes, [{ task: T.data, doneDate: { date: "2026-10-01" } }]);
    const review = await reviewReturns(port, [{ label: "vh.xlsx", port: await openPort(vh, "vh.xlsx", true) }], { asOf: AS_OF });
    const change = review.proposal.changes.find((c) => c.task.text.includes(T.data) && c.field === "doneDate")!;
    expect(change).toBeDefined();
    const before = cellOf(fake, "PL I", change.cell);
    expect(before.value).toBe(46307 - 1462);
    await applyMerge(port, review);
    expect(cellOf(fake, "PL I", change.cell).value).toBe(46296 - 1462);
    await undoLastMerge(port, defaultSettings());
    expect(cellOf(fake, "PL I", change.cell)).toMatchObject({ value: before.value, format: before.format });
  });
});
