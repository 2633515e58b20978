/** OfficeWorkbookPort.readSheets against the fake Excel: content, skipped sheets, sync counts, chunking. */
import { emptyStore } from "../../src/core/store";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { MAX_MERGE_SYNCS, readSheetsWith } from "../../src/excel/read-sheets";
import { MAX_MERGED_AREAS, PAYLOAD_LIMIT, type FakeExcel } from "../fakes/fake-excel";
import { appendixGrid, fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";

function portOf(fake: FakeExcel, budgetBytes?: number) {
  return new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported, budgetBytes });
}

function plan() {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I")
    .header()
    .group("I", "Văn hóa")
    .task({ stt: 1, content: "Tổ chức hội thi", lead: "Phòng VH-XH", deadline: 46142, status: "#N/A" }, { deadline: "dd/mm/yyyy" })
    .task({ stt: 2, content: "=cmd|' /C calc'!A0", lead: { error: "#REF!" }, deadline: "Quý III/2026" })
    .merge(4, 3, 5, 3);
}

describe("readSheets (Office.js adapter)", () => {
  test("returns the user's sheets as grids: values, errors, number formats, merges, visibility", async () => {
    const store = { ...emptyStore(), summarySheets: [{ name: "Tổng hợp", key: "summary_units", marker: "phuluc" }] };
    const fake = fakeWorkbook([plan(), new GridBuilder("Ẩn").title("x").hidden(), new GridBuilder("Tổng hợp").title("ours")], { store });
    const grids = await portOf(fake).readSheets();
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["PL I", "visible"],
      ["Ẩn", "hidden"],
    ]);
    const g = grids[0];
    const want = plan().build();
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values.length).toBe(want.values.length);
    // Row 4 (first task): the status text "#N/A" stays text; the date keeps its number format.
    expect(g.values[3].slice(0, 4)).toEqual([1, "Tổ chức hội thi", null, "Phòng VH-XH"]);
    expect(g.values[3][7]).toBe("#N/A");
    expect(g.values[3][6]).toBe(46142);
    expect(g.numberFormats![3][6]).toBe("dd/mm/yyyy");
    expect(g.numberFormats![3][0]).toBeNull();
    // Row 5: a real error value, and user text that looks like a formula stays the text it was.
    expect(g.values[4][3]).toEqual({ error: "#REF!" });
    expect(g.values[4][1]).toBe("=cmd|' /C calc'!A0");
    expect(g.merges).toEqual(expect.arrayContaining(want.merges));
    expect(g.merges).toHaveLength(want.merges.length);
  });

  test("a used range that starts away from A1 sets the origin; an empty sheet gives no rows", async () => {
    const fake = fakeWorkbook([
      {
        name: "Lệch",
        visibility: "visible",
        origin: { row: 3, col: 3 },
        values: [
          ["a", "b"],
          [1, 2],
        ],
        merges: [],
      },
      new GridBuilder("Trống"),
    ]);
    const [g, empty] = await portOf(fake).readSheets();
    expect(g.origin).toEqual({ row: 3, col: 3 });
    expect(g.values).toEqual([
      ["a", "b"],
      [1, 2],
    ]);
    expect(empty.values).toEqual([]);
  });

  test("sync count is the same constant (4) for 100 and 5,000 rows and for 1 or 12 sheets", async () => {
    const counts: number[] = [];
    for (const grids of [
      [appendixGrid("PL", 100)],
      [appendixGrid("PL", 5000)],
      [appendixGrid("A", 2500), appendixGrid("B", 2500)],
      Array.from({ length: 12 }, (_, i) => appendixGrid(`PL ${i}`, 20)),
    ]) {
      const fake = fakeWorkbook(grids);
      const read = await readSheetsWith(await firstContext(fake), { mergedAreas: true });
      expect(read.reduce((n, g) => n + g.values.length, 0)).toBe(grids.reduce((n, g) => n + g.values.length, 0));
      counts.push(fake.stats.syncs);
    }
    // list; used ranges; values; merged areas (their own sync since a failure there must not cost the values)
    expect(counts).toEqual([4, 4, 4, 4]);
  });

  test("50,000 rows: every row is read, every sync stays under 5 MB, and syncs grow with bytes, not rows", async () => {
    const grid = appendixGrid("PL lớn", 50000);
    const fake = fakeWorkbook([grid]);
    const [g] = await portOf(fake).readSheets();
    expect(g.values.length).toBe(grid.values.length);
    expect(g.values[g.values.length - 1][1]).toBe("Triển khai nhiệm vụ số 50000 theo kế hoạch của UBND xã");
    expect(g.values[25003][0]).toBe(25000);
    for (const s of fake.stats.log) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(PAYLOAD_LIMIT);
    const total = fake.stats.log.reduce((n, s) => n + s.responseBytes, 0);
    // 2 setup syncs + at most one sync per ~2 MB (half the 4 MB budget) of cell data.
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / 2_000_000) + 1);
    expect(fake.stats.syncs).toBeLessThan(20);
  });

  test("a small budget splits the reads into more batches, still reading every cell exactly once", async () => {
    const grid = appendixGrid("PL", 3000);
    const fake = fakeWorkbook([grid]);
    const [g] = await portOf(fake, 200_000).readSheets();
    expect(fake.stats.syncs).toBeGreaterThan(5);
    for (const s of fake.stats.log) expect(s.responseBytes).toBeLessThan(400_000);
    expect(g.values.map((r) => r[0])).toEqual(grid.values.map((r) => r[0] ?? null));
  });

  test("a batch that comes back over 5 MB is retried in smaller pieces", async () => {
    const grid = appendixGrid("PL", 20000);
    const fake = fakeWorkbook([grid]);
    const ctx = await firstContext(fake);
    const [g] = await readSheetsWith(ctx, { mergedAreas: true, bytesPerCell: 5, budgetBytes: 4_900_000, maxRowsPerChunk: 100000 });
    expect(fake.stats.log.some((s) => s.responseBytes > PAYLOAD_LIMIT)).toBe(true);
    expect(g.values.length).toBe(grid.values.length);
    expect(g.values[20003][0]).toBe(20000);
    // The merged areas ride with the first rows' batch; the batch that failed asked for them again.
    expect(grid.merges.length).toBeGreaterThan(0);
    expect(g.merges).toEqual(expect.arrayContaining(grid.merges));
    expect(g.merges).toHaveLength(grid.merges.length);
  });

  test("a text-heavy plan (88 bytes a cell) is read without one oversized response: the first batch is sized for text", async () => {
    const grid = textGrid(7000, "Triển khai nhiệm vụ chuyển đổi số của UBND xã ");
    const fake = fakeWorkbook([grid]);
    const [g] = await portOf(fake).readSheets();
    expect(g.values.length).toBe(7000);
    expect(g.values[6999][9]).toBe(grid.values[6999][9]);
    const sizes = fake.stats.log.map((s) => s.responseBytes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT); // more than one response's worth
    expect(sizes.filter((n) => n > PAYLOAD_LIMIT)).toEqual([]);
  });

  test("a response over 5 MB (ResponsePayloadSizeLimitExceeded, Excel on the web) is retried in smaller batches", async () => {
    const grid = textGrid(7000, "Triển khai nhiệm vụ chuyển đổi số, cải cách hành chính của UBND xã năm ");
    const fake = fakeWorkbook([grid]);
    const [g] = await portOf(fake).readSheets();
    expect(g.values.length).toBe(7000);
    expect(g.values.map((r) => r[0])).toEqual(grid.values.map((r) => r[0]));
    // The first batch came back too large (the fake raised the response code), the rest fitted.
    expect(fake.stats.log.filter((s) => s.responseBytes > PAYLOAD_LIMIT)).toHaveLength(1);
    expect(fake.stats.log.filter((s) => s.requestBytes > PAYLOAD_LIMIT)).toHaveLength(0);
  });

  test("more than 512 merged areas (a unit merged over every two of 1,600 task rows) are all read", async () => {
    const b = new GridBuilder("PL dài").title("PHỤ LỤC I").header().group("I", "Nhóm");
    for (let i = 1; i <= 1600; i++) b.task({ stt: i, content: `Việc ${i}`, lead: i % 2 ? "Công an xã" : null, deadline: "Quý IV/2026" });
    const top = b.build().values.findIndex((r) => r[0] === 1) + 1;
    for (let r = top; r < top + 1600; r += 2) b.merge(r, 4, r + 1, 4);
    const grid = b.build();
    expect(grid.merges.length).toBeGreaterThan(MAX_MERGED_AREAS);
    const fake = fakeWorkbook([grid]);
    const port = portOf(fake);
    const [g] = await port.readSheets();
    expect(sortAreas(g.merges)).toEqual(sortAreas(grid.merges));
    expect(port.features.mergedAreas).toBe(true);
    expect(fake.stats.syncs).toBe(4); // 500-row blocks, all in one sync
  });

  test("a block over 512 areas (two merges on every row) is split until each half fits; a merge across blocks is kept once", async () => {
    for (const byTopLeft of [false, true]) {
      const b = new GridBuilder("PL");
      for (let r = 1; r <= 600; r++) b.row(["a", null, "b", null, "c"]);
      for (let r = 1; r <= 600; r++) {
        b.merge(r, 1, r, 2);
        b.merge(r, 3, r, 4);
      }
      const grid = b.build();
      grid.merges.push({ top: 1, left: 5, bottom: 600, right: 5 }); // spans every block
      const fake = fakeWorkbook([grid]);
      fake.model.mergedAreasByTopLeft = byTopLeft;
      const port = portOf(fake);
      const [g] = await port.readSheets();
      expect(sortAreas(g.merges)).toEqual(sortAreas(grid.merges));
      expect(port.features.mergedAreas).toBe(true);
      expect(fake.stats.syncs).toBeLessThanOrEqual(2 + 1 + MAX_MERGE_SYNCS);
    }
  });

  test("merged areas that cannot be read at all: the values still are, and the port reports merges not read", async () => {
    const row = Array.from({ length: 1100 }, (_, i) => (i % 2 ? null : `ô ${i}`));
    const b = new GridBuilder("Rộng").row(row).row(row.map((v) => (v ? v + "!" : v)));
    for (let c = 1; c < 1100; c += 2) b.merge(1, c, 1, c + 1); // 550 areas on one row: splitting cannot help
    const fake = fakeWorkbook([b, appendixGrid("PL", 10)]);
    const port = portOf(fake);
    const [wide, pl] = await port.readSheets();
    expect(wide.values[1][0]).toBe("ô 0!");
    expect(pl.values.length).toBeGreaterThan(10);
    // The other sheet's merges are still read; only the row that cannot be read goes without.
    expect(sortAreas(pl.merges)).toEqual(sortAreas(appendixGrid("PL", 10).merges));
    expect(pl.merges.length).toBeGreaterThan(0);
    expect(port.features.mergedAreas).toBe(false); // the pane's "merged cells not read" warning
    // Once the user unmerges that row, the next read reads the merges again and the warning goes.
    fake.model.sheet("Rộng").merges = [];
    await port.readSheets();
    expect(port.features.mergedAreas).toBe(true);
  });

  test("Excel before ExcelApi 1.13 (no merged-area API): reads without merges instead of failing", async () => {
    const fake = fakeWorkbook([plan()], { apiVersion: "1.12" });
    const [g] = await portOf(fake).readSheets();
    expect(g.merges).toEqual([]);
    expect(g.values[3][1]).toBe("Tổ chức hội thi");
    const fake14 = fakeWorkbook([plan()], { apiVersion: "1.4" });
    expect((await portOf(fake14).readSheets())[0].values.length).toBe(5);
  });

  test("progress reaches done = total, sheet by sheet", async () => {
    const fake = fakeWorkbook([appendixGrid("A", 10), appendixGrid("B", 10), new GridBuilder("C")]);
    const seen: string[] = [];
    await portOf(fake).readSheets((p) => seen.push(`${p.done}/${p.total}${p.sheet ? " " + p.sheet : ""}`));
    expect(seen).toEqual(["1/3", "2/3 A", "3/3 B"]);
  });

  test("Office errors come back as one Vietnamese sentence", async () => {
    const fake = fakeWorkbook([plan()]);
    fake.model.cellEditMode = true;
    await expect(portOf(fake).readSheets()).rejects.toThrow("Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.");
  });
});

const sortAreas = (ms: { top: number; left: number; bottom: number; right: number }[]) =>
  [...ms].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);

/** `rows` rows of ten long texts (a text-heavy plan: the cells weigh what `base` weighs). */
function textGrid(rows: number, base: string) {
  return {
    name: "PL chữ",
    visibility: "visible" as const,
    origin: { row: 1, col: 1 },
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => `${base}${1000 + ((r * 10 + c) % 9000)}`)),
    merges: [],
  };
}

/** A request context of the fake (readSheetsWith takes one directly). */
async function firstContext(fake: FakeExcel): Promise<Excel.RequestContext> {
  let ctx: Excel.RequestContext | undefined;
  await fake.run(async (c) => {
    ctx = c;
  });
  return ctx!;
}

describe("both doors hand the core the same grids", () => {
  test("a plan read through Office.js (fake) equals the same plan read from .xlsx by the ExcelJS adapter", async () => {
    const { buildXlsx } = await import("../support/xlsx-builder");
    const { loadWorkbook, readGrids } = await import("../../src/xlsx/read");
    const sources = [plan(), appendixGrid("PL II", 30), new GridBuilder("Ẩn").title("x").hidden()];
    const viaXlsx = readGrids(await loadWorkbook(await buildXlsx(sources)));
    const viaOffice = await portOf(fakeWorkbook(sources)).readSheets();
    const norm = (gs: typeof viaXlsx) =>
      gs.map((g) => ({
        name: g.name,
        visibility: g.visibility,
        origin: g.origin,
        values: g.values.map((r) => {
          const out = [...r];
          while (out.length && out[out.length - 1] === null) out.pop();
          return out;
        }),
        // Formats matter for numbers (date serials); other cells' formats are not compared.
        numberFormats: g.values.map((r, i) => {
          const out = r.map((v, j) => (typeof v !== "number" ? null : (g.numberFormats?.[i]?.[j] ?? null)));
          while (out.length && out[out.length - 1] === null) out.pop();
          return out;
        }),
        merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      }));
    expect(norm(viaOffice)).toEqual(norm(viaXlsx));
  });
});
