/**
 * The store's format (src/core/store.ts): cells cut on code points, the head, parts kept apart (one damaged
 * part never costs another), format 1 still read; highlights as ranges (store-highlights.ts); and the budget's
 * one owner of what is dropped first (store-budget.ts).
 */
import fc from "fast-check";
import { defaultSettings } from "../../../src/core/settings";
import {
  chunkText,
  columnChunks,
  decodeHead,
  decodeLegacyStore,
  decodeStoreColumns,
  emptyHead,
  emptyStore,
  encodeHead,
  encodeStoreColumns,
  headKept,
  HEAD_LOG,
  nextHead,
  PART_COLUMN,
  partBytes,
  partValue,
  STORE_CHUNK,
  wholeStoreHead,
  type HighlightRecord,
  type Store,
} from "../../../src/core/store";
import { decodeHighlights, encodeHighlights, MAX_HIGHLIGHT_CELLS } from "../../../src/core/store-highlights";
import { fitBudget, STORE_BUDGET_BYTES, StoreFullError } from "../../../src/core/store-budget";
import { decodeBook } from "../../../src/core/snapshot";
import { parseMergesRecord } from "../../../src/core/returned-copies/merge-schema";
import { FULL, fullHighlights, fullMerges, fullSnapshots } from "../../support/full-store";
import { legacyChunks } from "../../support/store-cells";

const isLoneSurrogate = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return !(i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff);
  if (c >= 0xdc00 && c <= 0xdfff) return !(i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff);
  return false;
};

describe("cells cut on code points", () => {
  test("any text: the cells join back to it, each at most STORE_CHUNK long, none holding half a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.integer({ min: 2, max: 9 }), (text, size) => {
        const chunks = chunkText(text, size);
        expect(chunks.join("")).toBe(text);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(size);
          expect(c.length).toBeGreaterThan(0);
          for (let i = 0; i < c.length; i++) if (!isLoneSurrogate(text, text.indexOf(c) + i)) expect(isLoneSurrogate(c, i)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("an emoji across the boundary moves whole into the next cell", () => {
    const text = "a".repeat(STORE_CHUNK - 1) + "🚓" + "b";
    const chunks = chunkText(text);
    expect(chunks.map((c) => c.length)).toEqual([STORE_CHUNK - 1, 3]);
    expect(chunks[1]).toBe("🚓b");
  });

  test("a column is read down to its first empty cell", () => {
    expect(columnChunks(["a", "b", "", "c"])).toEqual(["a", "b"]);
    expect(columnChunks([null, "x"])).toEqual([]);
    expect(columnChunks(["a", 12, "b"])).toEqual(["a"]);
  });
});

describe("the head", () => {
  test("round-trips; a write is logged; the log keeps the last HEAD_LOG writes", () => {
    let head = emptyHead();
    for (let i = 1; i <= HEAD_LOG + 3; i++) head = nextHead(head, `w${i}`, new Map([["settings", i]]));
    expect(decodeHead(encodeHead(head))).toEqual(head);
    expect(head.rev).toBe(HEAD_LOG + 3);
    expect(head.log).toHaveLength(HEAD_LOG);
    expect(headKept(head, head.rev, `w${head.rev}`)).toBe(true);
    expect(headKept(head, 1, "w1")).toBe(false);
    expect(head.parts.settings).toEqual({ r: head.rev, b: head.rev });
  });

  test.each([
    [""],
    ["{}"],
    ['{"version":1}'],
    ['{"phuluc":2,"rev":-1}'],
    ['{"phuluc":9,"rev":1,"by":"","log":[],"parts":{}}'],
    [12],
    [null],
  ])("%j is not a head", (cell) => expect(decodeHead(cell)).toBeNull());
});

function sampleStore(): Store {
  return {
    version: 1,
    settings: { ...defaultSettings(), communeName: "UBND xã An Hòa" },
    summarySheets: [{ name: "Tổng hợp", key: "summary_main", marker: "m" }],
    highlights: [
      { sheet: "PL I", cell: "D6", previousFill: null, appliedFill: "FFC7CE" },
      { sheet: "PL I", cell: "D7", previousFill: null, appliedFill: "FFC7CE" },
    ],
    records: { snapshots: { v: 1 }, merges: { v: 1, merges: [] }, unitCopy: { unit: "Công an xã" } },
  };
}

describe("parts kept apart", () => {
  test("the whole store round-trips through its columns, each part in its own column", () => {
    const store = sampleStore();
    const columns = encodeStoreColumns(store, wholeStoreHead(store, emptyHead(), "t"));
    expect(JSON.parse(columns[PART_COLUMN.settings].join(""))).toEqual(store.settings);
    expect(JSON.parse(columns[PART_COLUMN.snapshots].join(""))).toEqual({ v: 1 });
    const back = decodeStoreColumns(columns);
    expect(back).toMatchObject({ format: "v2", corrupt: false, damaged: [] });
    expect(back.store).toEqual(store);
  });

  test("a damaged part is ignored and named; the others (the settings above all) are read", () => {
    const store = sampleStore();
    const columns = encodeStoreColumns(store, wholeStoreHead(store, emptyHead(), "t"));
    columns[PART_COLUMN.merges] = ["{not json"];
    columns[PART_COLUMN.highlights] = ['{"v":1,"g":[["PL I",null,"FFC7CE","A1:XFD1048576"]]}'];
    const back = decodeStoreColumns(columns);
    expect(back.damaged.sort()).toEqual(["highlights", "merges"]);
    expect(back.corrupt).toBe(false);
    expect(back.store.settings).toEqual(store.settings);
    expect(back.store.records.snapshots).toEqual({ v: 1 });
    expect(back.store.records.merges).toBeUndefined();
    expect(back.store.highlights).toEqual([]);
  });

  test("damaged settings make the store `corrupt` (the warning), the records are still read", () => {
    const store = sampleStore();
    const columns = encodeStoreColumns(store, wholeStoreHead(store, emptyHead(), "t"));
    columns[PART_COLUMN.settings] = ['{"version":1,"units":"nope"}'];
    const back = decodeStoreColumns(columns);
    expect(back.corrupt).toBe(true);
    expect(back.store.records.unitCopy).toEqual({ unit: "Công an xã" });
  });

  test("format 1 (the whole store down column A) is read as it was written", () => {
    const store = sampleStore();
    const back = decodeStoreColumns([legacyChunks(store)]);
    expect(back).toMatchObject({ format: "legacy", corrupt: false });
    expect(back.store).toEqual(store);
    expect(decodeLegacyStore(["{not json"]).corrupt).toBe(true);
    expect(decodeStoreColumns([]).format).toBe("none");
  });
});

describe("highlights as ranges", () => {
  test("cells with the same fills become rectangles; read back sheet by sheet, row by row", () => {
    const recs: HighlightRecord[] = [];
    for (let r = 6; r <= 5005; r++) recs.push({ sheet: "PL I", cell: `D${r}`, previousFill: null, appliedFill: "FFC7CE" });
    for (const c of ["E", "F", "G"])
      for (let r = 10; r <= 12; r++) recs.push({ sheet: "PL II", cell: `${c}${r}`, previousFill: "00B050", appliedFill: "FFEB9C" });
    const part = encodeHighlights(recs);
    expect(part.g).toEqual([
      ["PL I", null, "FFC7CE", "D6:D5005"],
      ["PL II", "00B050", "FFEB9C", "E10:G12"],
    ]);
    const back = decodeHighlights(JSON.parse(JSON.stringify(part)))!;
    expect(back).toHaveLength(recs.length);
    expect(new Set(back.map((r) => JSON.stringify(r)))).toEqual(new Set(recs.map((r) => JSON.stringify(r))));
  });

  test("any set of highlights round-trips (one record per cell)", () => {
    const cell = fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 8 }) });
    const rec = fc.record({
      sheet: fc.constantFrom("PL I", "PL II", "Phụ lục 3"),
      at: cell,
      previousFill: fc.constantFrom(null, "FFFFFF", "00B050"),
      appliedFill: fc.constantFrom("FFC7CE", "FFEB9C"),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 120 }), (list) => {
        const byCell = new Map<string, HighlightRecord>();
        for (const r of list) {
          const h = {
            sheet: r.sheet,
            cell: `${String.fromCharCode(64 + r.at.col)}${r.at.row}`,
            previousFill: r.previousFill,
            appliedFill: r.appliedFill,
          };
          byCell.set(`${h.sheet}!${h.cell}`, h);
        }
        const recs = [...byCell.values()];
        const back = decodeHighlights(encodeHighlights(recs))!;
        expect(new Set(back.map((r) => JSON.stringify(r)))).toEqual(new Set(recs.map((r) => JSON.stringify(r))));
        expect(back).toHaveLength(recs.length);
      }),
      { numRuns: 300 },
    );
  });

  test("15,000 scattered highlights weigh a few tens of KB, not a megabyte", () => {
    const recs = fullHighlights();
    expect(recs).toHaveLength(FULL.highlights);
    const ranges = partBytes(encodeHighlights(recs));
    const perCell = Buffer.byteLength(JSON.stringify(recs));
    console.log(
      `15,000 scattered highlights: ${ranges.toLocaleString("en")} bytes as ranges (one record per cell: ${perCell.toLocaleString("en")})`,
    );
    expect(ranges).toBeLessThan(perCell / 8);
  });

  test.each([
    ["not this form", [{ sheet: "PL I" }]],
    ["a range past the bound", { v: 1, g: [["PL I", null, "FFC7CE", "A1:A200000"]] }],
    ["a reversed range", { v: 1, g: [["PL I", null, "FFC7CE", "B5:A1"]] }],
    ["a bad cell", { v: 1, g: [["PL I", null, "FFC7CE", "A0"]] }],
  ])("%s: damaged (null), never a loop over a forged range", (_what, raw) => {
    expect(decodeHighlights(raw)).toBeNull();
  });

  test("the bound is on the total: many small ranges past MAX_HIGHLIGHT_CELLS are damaged too", () => {
    const ranges = Array.from({ length: MAX_HIGHLIGHT_CELLS / 1000 + 1 }, (_, i) => `A${i * 1000 + 1}:A${i * 1000 + 1000}`).join(",");
    expect(decodeHighlights({ v: 1, g: [["PL I", null, "FFC7CE", ranges]] })).toBeNull();
  });
});

describe("the budget: one owner of what is dropped first", () => {
  const full = (): Store => ({
    ...emptyStore(),
    settings: defaultSettings(),
    highlights: fullHighlights(),
    records: { snapshots: fullSnapshots(), merges: fullMerges() },
  });
  const sizes = (s: Store) => ({
    settings: partBytes(partValue(s, "settings")),
    highlights: partBytes(partValue(s, "highlights")),
    snapshots: partBytes(partValue(s, "snapshots")),
    merges: partBytes(partValue(s, "merges")),
  });

  test("the full store of the issue (24 summaries of 5,000 tasks, a 4,000-cell merge, 15,000 highlights) fits: nothing dropped", () => {
    const s = full();
    const z = sizes(s);
    const total = Object.values(z).reduce((a, b) => a + b, 0);
    console.log(`full store: ${total.toLocaleString("en")} bytes of ${STORE_BUDGET_BYTES.toLocaleString("en")} (${JSON.stringify(z)})`);
    expect(total).toBeLessThanOrEqual(STORE_BUDGET_BYTES);
    expect(total).toBeGreaterThan(STORE_BUDGET_BYTES * 0.9);
    expect(fitBudget(z, (p) => partValue(s, p)).size).toBe(0);
  }, 60_000);

  test("over the budget: the oldest snapshots go first, only as many as needed; the merges stay", () => {
    const s = full();
    const z = { ...sizes(s), settings: sizes(s).settings + 200_000 };
    const out = fitBudget(z, (p) => partValue(s, p));
    expect([...out.keys()]).toEqual(["snapshots"]);
    const kept = decodeBook(out.get("snapshots")!.value).book.snapshots;
    expect(kept.length).toBeLessThan(FULL.snapshots);
    expect(kept.length).toBeGreaterThan(FULL.snapshots - 10);
    expect(kept[kept.length - 1].seq).toBe(FULL.snapshots - 1); // the latest kept
    const total = Object.values({ ...z, snapshots: out.get("snapshots")!.bytes }).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(STORE_BUDGET_BYTES);
  }, 60_000);

  test("when dropping every snapshot is not enough, the oldest merges' logs go next; never the settings", () => {
    const s = full();
    const twoMerges = {
      v: 1,
      merges: [
        { ...fullMerges().merges[0], seq: 1, undo: null },
        { ...fullMerges().merges[0], seq: 2 },
      ],
    };
    const z = { ...sizes(s), merges: partBytes(twoMerges), settings: 1_200_000 };
    const out = fitBudget(z, (p) => (p === "merges" ? twoMerges : partValue(s, p)));
    expect([...out.keys()]).toEqual(["snapshots", "merges"]);
    expect(out.get("snapshots")!.value).toBeUndefined();
    const { record } = parseMergesRecord(out.get("merges")!.value);
    expect(record.merges.map((m) => m.seq)).toEqual([2]); // the oldest merge went; the last keeps its undo data
    expect(record.merges[0].undo).not.toBeNull();
  }, 60_000);

  test("settings alone over the budget: refused (StoreFullError), nothing dropped for nothing", () => {
    expect(() => fitBudget({ settings: STORE_BUDGET_BYTES + 1 }, () => undefined)).toThrow(StoreFullError);
  });
});
