/**
 * The city's roll-up (src/core/consolidate/roll-up.ts, city-indicators.ts): one row per commune (two files
 * of one commune: the later as-of date wins, the other is listed), ranked; the city's totals; each indicator's
 * communes met / missed / no data / absent, and the city's figure (a sum, or a rate pooled from counts); the
 * result the same whatever the order the files arrive in.
 */
import fc from "fast-check";
import { withRates, emptyTally } from "../../src/core/aggregate";
import { consolidateJson, ConsolidateJsonSchema } from "../../src/core/consolidate/json";
import type { CommuneIndicator, CommuneRow, FileRead } from "../../src/core/consolidate/reads";
import { CityAccumulator, rankCommunes, rateBand } from "../../src/core/consolidate/roll-up";
import type { CommuneKind } from "../../src/core/document/identity";
import type { StatusCategory } from "../../src/core/report-schema";

const AS_OF = "2026-11-24";

function counts(c: Partial<Record<StatusCategory, number>>) {
  const t = emptyTally();
  for (const [k, v] of Object.entries(c)) {
    t[k as StatusCategory] = v;
    t.total += v;
  }
  return withRates(t);
}

function ind(name: string, o: Partial<CommuneIndicator> = {}): CommuneIndicator {
  return {
    name,
    unitOfMeasure: "%",
    target: 0.8,
    comparator: ">=",
    actual: null,
    achieved: null,
    total: null,
    met: null,
    percent: true,
    ...o,
  };
}

function row(file: string, name: string, o: Partial<CommuneRow> & { kind?: CommuneKind } = {}): FileRead {
  const { kind, ...rest } = o;
  return {
    kind: "commune",
    row: {
      file,
      commune: { kind: kind ?? "xa", name },
      plan: { number: "45/KH-UBND", date: "2026-03-10", title: null },
      asOf: "2026-11-01",
      asOfFrom: "summary",
      modified: 1000,
      total: counts({ done_on_time: 5, overdue: 5 }),
      errors: 0,
      warnings: 0,
      indicators: [],
      damagedSheets: [],
      settingsCorrupt: false,
      ...rest,
    },
  };
}

function rollUp(reads: FileRead[]) {
  const acc = new CityAccumulator(AS_OF);
  for (const r of reads) acc.add(r);
  return acc.finish();
}

describe("one row per commune", () => {
  it("two files of one commune: the later as-of date wins, the other is listed with the file used instead", () => {
    const older = row("cu/an-hoa.xlsx", "An Hòa", { asOf: "2026-10-01" });
    const newer = row("moi/an-hoa.xlsx", "An Hòa", { asOf: "2026-11-20", total: counts({ done_on_time: 9, overdue: 1 }) });
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const r = rollUp(order);
      expect(r.communes.map((c) => c.file)).toEqual(["moi/an-hoa.xlsx"]);
      expect(r.skipped).toEqual([{ file: "cu/an-hoa.xlsx", reason: "duplicate", duplicateOf: "moi/an-hoa.xlsx" }]);
      expect(r.total.done_on_time).toBe(9);
      expect(r.files).toBe(2);
    }
  });

  it("three files of one commune: each left-out file names the one finally used; equal dates go by modification time, then name", () => {
    const a = row("a.xlsx", "An Hòa", { asOf: "2026-11-01", modified: 5 });
    const b = row("b.xlsx", "AN HÒA", { asOf: "2026-11-01", modified: 9 });
    const c = row("c.xlsx", "An Hoà", { asOf: "2026-11-01", modified: 9 });
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ]) {
      const r = rollUp(order);
      expect(r.communes.map((x) => x.file)).toEqual(["c.xlsx"]);
      expect(r.skipped.map((s) => [s.file, s.duplicateOf])).toEqual([
        ["a.xlsx", "c.xlsx"],
        ["b.xlsx", "c.xlsx"],
      ]);
    }
  });

  it("two communes of one name (in different provinces) with different plans are two communes; a ward and a xã too", () => {
    const r = rollUp([
      row("1.xlsx", "Tân Lập", { plan: { number: "12/KH-UBND", date: "2026-03-01", title: null } }),
      row("2.xlsx", "Tân Lập", { plan: { number: "30/KH-UBND", date: "2026-02-15", title: null } }),
      row("3.xlsx", "Tân Lập", { kind: "phuong" }),
    ]);
    expect(r.communes).toHaveLength(3);
    expect(r.skipped).toEqual([]);
    expect(r.byKind).toEqual({ xa: 2, phuong: 1, dac_khu: 0 });
  });

  it("a file without the plan's number is taken for the commune's other file", () => {
    const r = rollUp([
      row("1.xlsx", "Tân Lập"),
      row("2.xlsx", "Tân Lập", { plan: { number: null, date: null, title: null }, asOf: "2026-11-10" }),
    ]);
    expect(r.communes.map((c) => c.file)).toEqual(["2.xlsx"]);
  });
});

describe("ranking and totals", () => {
  it("ranks by completion rate, then on-time rate; equal rates share a rank (fewer overdue listed first); a commune without a rate is not ranked", () => {
    const ranked = rankCommunes(
      [
        row("a", "A", { total: counts({ done_on_time: 5, overdue: 5 }) }),
        row("b", "B", { total: counts({ done_on_time: 9, overdue: 1 }) }),
        row("c", "C", { total: counts({ done_late: 5, overdue: 5 }) }),
        row("d", "D", { total: counts({ recurring: 4 }) }),
        row("e", "E", { total: counts({ done_on_time: 1, overdue: 1 }) }),
      ].map((r) => (r as { row: CommuneRow }).row),
    );
    expect(ranked.map((c) => [c.commune.name, c.rank])).toEqual([
      ["B", 1],
      ["E", 2],
      ["A", 2],
      ["C", 4],
      ["D", null],
    ]);
  });

  it("the city's totals are the communes' sums, its rates recomputed; the bands count the communes", () => {
    const r = rollUp([
      row("a", "A", { total: counts({ done_on_time: 9, overdue: 1 }) }),
      row("b", "B", { total: counts({ done_on_time: 1, in_progress: 2, overdue: 7, recurring: 3 }) }),
      row("c", "C", { total: counts({ recurring: 2 }) }),
      { kind: "skipped", file: "x.pdf", reason: "not_workbook", code: "not_zip" },
    ]);
    expect(r.total).toEqual(counts({ done_on_time: 10, in_progress: 2, overdue: 8, recurring: 5 }));
    expect(r.total.completionRate).toBeCloseTo(0.5);
    expect(Object.fromEntries(r.bands.map((b) => [b.band, b.communes]))).toEqual({
      from_90: 1,
      from_70: 0,
      from_50: 0,
      below_50: 1,
      no_rate: 1,
    });
    expect(r.skipped).toEqual([{ file: "x.pdf", reason: "not_workbook", code: "not_zip" }]);
    expect([rateBand(0.9), rateBand(0.8999), rateBand(0.7), rateBand(0.5), rateBand(0.49), rateBand(null)]).toEqual([
      "from_90",
      "from_70",
      "from_70",
      "from_50",
      "below_50",
      "no_rate",
    ]);
  });
});

describe("indicators across the city", () => {
  const online = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình";
  const online2 = "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình";
  const ideas = "Số sáng kiến được công nhận";

  it("met / missed / no data / absent per commune, and the rate pooled from achieved counts and totals", () => {
    const r = rollUp([
      row("a", "A", { indicators: [ind(online, { achieved: 90, total: 100, actual: 0.9, met: true })] }),
      row("b", "B", { indicators: [ind(online2, { achieved: 30, total: 60, actual: 0.5, met: false })] }),
      row("c", "C", { indicators: [ind(online, { actual: 0.95, met: true })] }),
      row("d", "D", { indicators: [ind(online2)] }),
      row("e", "E"),
    ]);
    const [i] = r.indicators;
    expect(r.indicators).toHaveLength(1);
    expect([i.results.length, i.met, i.missed, i.noData, i.absent]).toEqual([4, 2, 1, 1, 1]);
    // (90 + 30) / (100 + 60): C gives only its rate, so it is not pooled
    expect(i.city).toEqual({ kind: "pooled", achieved: 120, total: 160, rate: 0.75, communes: 2 });
    expect(i.wordings.map((w) => w.communes)).toEqual([2, 2]);
  });

  it("a count is summed (its targets too when every commune sets one); a rate with no counts has no city figure", () => {
    const count = (actual: number | null, target: number | null) =>
      ind(ideas, { unitOfMeasure: "sáng kiến", percent: false, actual, target, met: null });
    const summed = rollUp([
      row("a", "A", { indicators: [count(3, 2)] }),
      row("b", "B", { indicators: [count(1, 2)] }),
      row("c", "C", { indicators: [count(null, 2)] }),
    ]);
    expect(summed.indicators[0].city).toEqual({ kind: "sum", actual: 4, target: 4, communes: 2 });
    const untargeted = rollUp([row("a", "A", { indicators: [count(3, 2)] }), row("b", "B", { indicators: [count(1, null)] })]);
    expect(untargeted.indicators[0].city).toEqual({ kind: "sum", actual: 4, target: null, communes: 2 });
    const rates = rollUp([row("a", "A", { indicators: [ind(online, { actual: 0.9, met: true })] })]);
    expect(rates.indicators[0].city).toBeNull();
  });

  it("a commune listing the indicator twice counts once (its first row)", () => {
    const r = rollUp([row("a", "A", { indicators: [ind(online, { met: true }), ind(online, { met: false })] })]);
    expect([r.indicators[0].met, r.indicators[0].missed, r.indicators[0].results.length]).toEqual([1, 0, 1]);
  });
});

describe("the JSON", () => {
  it("validates against its schema and names every file once (read or skipped)", () => {
    const r = rollUp([
      row("a.xlsx", "An Hòa", { indicators: [ind("Tỷ lệ hộ dùng nước sạch", { actual: 0.9, met: true })] }),
      row("b.xlsx", "An Hòa", { asOf: "2026-01-01" }),
      { kind: "skipped", file: "c.txt", reason: "not_workbook", code: "text" },
    ]);
    const json = ConsolidateJsonSchema.parse(consolidateJson(r, "vi", (s) => `lý do: ${s.reason}`));
    expect(json.files).toEqual({ total: 3, read: 1, skipped: 2 });
    expect(json.communes[0]).toMatchObject({ rank: 1, commune: "An Hòa", kind: "xa", file: "a.xlsx" });
    expect(json.skipped.map((s) => [s.file, s.reason, s.message])).toEqual([
      ["b.xlsx", "duplicate", "lý do: duplicate"],
      ["c.txt", "not_workbook", "lý do: not_workbook"],
    ]);
    expect(json.indicators[0].results[0]).toMatchObject({ file: "a.xlsx", commune: "An Hòa", met: true });
  });

  it("is the same whatever order the files arrive in (property)", () => {
    const reads: FileRead[] = [
      row("a", "An Hòa", { asOf: "2026-10-01", indicators: [ind("Tỷ lệ hộ dùng nước sạch", { met: true })] }),
      row("b", "An Hòa", { asOf: "2026-11-01" }),
      row("c", "Lê Chân", {
        kind: "phuong",
        total: counts({ done_on_time: 2 }),
        indicators: [ind("Tỷ lệ hộ sử dụng nước sạch", { met: false })],
      }),
      row("d", "Cô Tô", { kind: "dac_khu", total: counts({ overdue: 2 }) }),
      { kind: "skipped", file: "e", reason: "no_appendix" },
      { kind: "skipped", file: "f", reason: "damaged", code: "corrupt" },
    ];
    const expected = JSON.stringify(consolidateJson(rollUp(reads), "vi", (s) => s.reason));
    fc.assert(
      fc.property(fc.shuffledSubarray(reads, { minLength: reads.length, maxLength: reads.length }), (order) => {
        expect(JSON.stringify(consolidateJson(rollUp(order), "vi", (s) => s.reason))).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});
