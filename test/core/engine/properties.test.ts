/**
 * Properties over random grids (random strings, numbers, booleans, errors, merges; with and without a
 * real header): analyze never throws, the report always matches its schema, every row below a header
 * gets exactly one kind and every non-blank row is accounted for, and the same input gives the same report.
 */
import fc from "fast-check";
import { analyze } from "../../../src/core/analyze";
import { ReportSchema } from "../../../src/core/report-schema";
import { defaultSettings } from "../../../src/core/settings";
import { readTable } from "../../../src/core/table";
import { STD_HEADER, TRACKING_HEADER } from "../../support/grid-builder";
import type { CellValue, Grid, MergeArea } from "../../../src/core/grid";

const WORDS = [
  "I",
  "II",
  "A",
  "1",
  "1.1",
  "a)",
  "-",
  "STT",
  "Nội dung công việc",
  "Cơ quan chủ trì",
  "Chủ trì",
  "Phối hợp",
  "Thời gian hoàn thành",
  "Hoàn thành",
  "Bắt đầu",
  "Tình trạng",
  "Ngày hoàn thành",
  "Chỉ tiêu",
  "Kế hoạch",
  "Thực hiện",
  "Số đạt",
  "Tổng số",
  "Phòng Văn hóa - Xã hội",
  "Phòng VH-XH",
  "Phong Van hoa",
  "Các đơn vị liên quan",
  "Công an xã; Phòng Kinh tế",
  "Tháng 6/2026",
  "Quý II/2026",
  "30/02/2026",
  "Thường xuyên",
  "Năm 2025",
  "Đã hoàn thành",
  "Đang thực hiện",
  "Tối thiểu 80%",
  "Không quá 5%",
  "85%",
  "Nơi nhận:",
  "KT. CHỦ TỊCH",
  "PHỤ LỤC I",
  "NĂM 2026",
  "(1)",
  "(2)",
  "(3)",
  "",
  "   ",
  "Phßng V¨n hãa - X· héi",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A", "#VALUE!").map((error) => ({ error })) },
);

const FORMATS = [null, "dd/mm/yyyy", "0%", "General", "@", "0.00"];

interface Shape {
  rows: CellValue[][];
  formats: (string | null)[][];
  merges: MergeArea[];
}

const body = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 11 })).chain(([nRows, nCols]) =>
  fc.record({
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: nCols }), { minLength: nRows, maxLength: nRows }),
    formats: fc.array(fc.array(fc.constantFrom(...FORMATS), { minLength: nCols, maxLength: nCols }), {
      minLength: nRows,
      maxLength: nRows,
    }),
    merges: fc.array(
      fc
        .tuple(
          fc.integer({ min: 1, max: nRows + 3 }),
          fc.integer({ min: 1, max: nCols + 1 }),
          fc.integer({ min: 0, max: 4 }),
          fc.integer({ min: 0, max: 3 }),
        )
        .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 6 },
    ),
  }),
);

/** A body with, optionally, a real header (one of the standard ones) inserted at some row. */
const sheetShape: fc.Arbitrary<Shape> = fc
  .tuple(body, fc.option(fc.tuple(fc.constantFrom(STD_HEADER, TRACKING_HEADER), fc.integer({ min: 0, max: 25 }))))
  .map(([b, header]) => {
    if (!header) return b;
    const [cols, at] = header;
    const i = Math.min(at, b.rows.length);
    const rows = [...b.rows.slice(0, i), [...cols], ...b.rows.slice(i)];
    const formats = [...b.formats.slice(0, i), cols.map(() => null), ...b.formats.slice(i)];
    return { rows, formats, merges: b.merges };
  });

const NAMES = ["PL I", "PL-II", "Phụ lục 3", "Chỉ tiêu", "Sheet1", "_phuluc", "Tổng hợp"];

const gridArb: fc.Arbitrary<Grid> = fc
  .tuple(
    sheetShape,
    fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 10 })),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.boolean(),
  )
  .map(([s, name, row, col, withFormats]) => ({
    name,
    visibility: "visible" as const,
    origin: { row, col },
    values: s.rows,
    ...(withFormats ? { numberFormats: s.formats } : {}),
    merges: s.merges.map((m) => ({ top: m.top + row - 1, left: m.left + col - 1, bottom: m.bottom + row - 1, right: m.right + col - 1 })),
  }));

const asOfArb = fc.constantFrom("2026-01-01", "2026-07-15", "2026-12-31", "2027-03-01");

describe("engine properties", () => {
  it("analyze never throws and the report always matches ReportSchema", () => {
    fc.assert(
      fc.property(
        fc.array(gridArb, { maxLength: 4 }),
        asOfArb,
        fc.option(fc.integer({ min: 2020, max: 2030 })),
        (grids, asOf, planYear) => {
          const report = analyze(grids, { asOf, settings: { ...defaultSettings(), planYear } });
          ReportSchema.parse(report);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("every row below a header gets exactly one kind; non-blank rows are never 'blank'; each task row is one task", () => {
    fc.assert(
      fc.property(gridArb, (g0) => {
        const g = { ...g0, name: "PL I" };
        const t = readTable(g);
        if (!t.header) return;
        const last = g.origin.row + g.values.length - 1;
        const expected: number[] = [];
        for (let r = t.header.dataStart; r <= last; r++) expected.push(r);
        expect(t.rows.map((r) => r.row)).toEqual(expected);
        for (const row of t.rows) {
          const values = g.values[row.row - g.origin.row] ?? [];
          const nonBlank = values.some(
            (v) => v !== null && !(typeof v === "string" && v.trim() === "") && !(typeof v === "number" && !Number.isFinite(v)),
          );
          if (nonBlank) expect(row.kind).not.toBe("blank");
          else expect(["blank", "after_footer"]).toContain(row.kind);
          if (row.kind === "continuation") expect(t.rows.find((x) => x.row === row.owner)?.kind).toBe("task");
        }
        // analyze (same sheet, no decoding needed for these words) reports one task per task row
        const report = analyze([g], { asOf: "2026-07-15", settings: defaultSettings() });
        if (report.sheets[0]?.role === "appendix" && report.sheets[0].encoding === "unicode") {
          expect(report.tasks.map((x) => x.row)).toEqual(t.rows.filter((r) => r.kind === "task").map((r) => r.row));
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same input gives the same report", () => {
    fc.assert(
      fc.property(fc.array(gridArb, { maxLength: 3 }), asOfArb, (grids, asOf) => {
        const copy = structuredClone(grids);
        const a = analyze(grids, { asOf, settings: defaultSettings() });
        const b = analyze(copy, { asOf, settings: defaultSettings() });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 150 },
    );
  });
});
