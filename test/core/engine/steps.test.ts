/**
 * analyzeSteps: the step-wise engine the task pane drives in slices. It yields at least once per sheet,
 * inside a sheet every few rows, between the counting steps, and its final report is the one analyze
 * gives — however small the slices.
 */
import fc from "fast-check";
import { analyze, analyzeSteps, ROWS_PER_STEP, type AnalyzeOptions, type AnalyzeProgress } from "../../../src/core/analyze";
import type { Report } from "../../../src/core/report-schema";
import { defaultSettings } from "../../../src/core/settings";
import type { CellValue, Grid } from "../../../src/core/grid";
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { AS_OF } from "./helpers";

const options = (extra: Partial<AnalyzeOptions> = {}): AnalyzeOptions => ({ asOf: AS_OF, settings: defaultSettings(), ...extra });

/** Drain the generator: every progress value and the final report. */
function drain(grids: Grid[], opts: AnalyzeOptions, rowsPerStep?: number): { progress: AnalyzeProgress[]; report: Report } {
  const steps = analyzeSteps(grids, opts, rowsPerStep);
  const progress: AnalyzeProgress[] = [];
  for (;;) {
    const s = steps.next();
    if (s.done) return { progress, report: s.value };
    progress.push(s.value);
  }
}

function appendix(name: string, tasks: number, start = 1): Grid {
  const b = new GridBuilder(name).title(`PHỤ LỤC ${name}`, "NHIỆM VỤ NĂM 2026").header();
  b.group("I", "Nhóm một");
  for (let i = 0; i < tasks; i++) {
    b.task({
      stt: start + i,
      content: `Nhiệm vụ ${i + 1}`,
      head: "Chủ tịch UBND xã",
      lead: i % 4 === 0 ? "Phong VHXH" : "Phòng Văn hóa - Xã hội",
      deadline: i % 5 === 0 ? "" : i % 3 === 0 ? "Quý II/2026" : "30/11/2026",
      status: i % 2 ? "Đã hoàn thành" : "Đang thực hiện",
      doneDate: i % 6 === 1 ? "" : null,
    });
    // An overflow row under some tasks: it must join its task even across a slice boundary.
    if (i % 7 === 3) b.row([null, "(tiếp theo)"]);
    if (i === Math.floor(tasks / 2)) b.group("II", "Nhóm hai");
  }
  return b.build();
}

function indicatorSheet(): Grid {
  return new GridBuilder("Chỉ tiêu")
    .title("CÁC CHỈ TIÊU NĂM 2026")
    .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"])
    .row([1, "Hồ sơ trực tuyến", "%", "Tối thiểu 80%", 0.85])
    .row([2, "Sáng kiến", "sáng kiến", 2, "nhiều"])
    .row([3, "Tỷ lệ hộ nghèo", "%", "Không quá 5%", null])
    .build();
}

const fixtures: [string, Grid[]][] = [
  ["no sheets", []],
  ["one appendix", [appendix("PL I", 12)]],
  [
    "appendices, an indicator sheet and an unrelated sheet",
    [appendix("PL I", 9), indicatorSheet(), { ...appendix("Sheet1", 0), values: [["ghi chú"]] }, appendix("PL II", 15, 1)],
  ],
  ["a header-less appendix", [{ ...appendix("PL III", 3), values: [["PHỤ LỤC III"], ["không có bảng"]] }]],
  [
    "a TCVN3 sheet and merged cells",
    [
      new GridBuilder("PL IV")
        .title("PHô LôC IV")
        .header(STD_HEADER)
        .task({ stt: 1, content: "X©y dùng kÕ ho¹ch", lead: "Phßng V¨n hãa - X· héi", deadline: "Th¸ng 6/2026" })
        .task({ stt: 2, content: "B¸o c¸o", lead: "Phßng V¨n hãa - X· héi", deadline: null })
        .merge(3, 4, 4, 4)
        .build(),
    ],
  ],
];

describe("analyzeSteps", () => {
  it.each(fixtures)("%s: the final report deep-equals analyze's, for slices of 1, 2, 3 rows and the default", (_name, grids) => {
    const expected = analyze(grids, options());
    if (grids.length) expect(expected.issues.length).toBeGreaterThan(0);
    for (const rowsPerStep of [1, 2, 3, undefined]) {
      expect(drain(grids, options(), rowsPerStep).report).toEqual(expected);
    }
  });

  it("yields at least once per sheet, in phase order, sheet by sheet, with progress that only goes forward", () => {
    const grids = fixtures[2][1];
    const { progress } = drain(grids, options());
    const prepare = progress.filter((p) => p.phase === "prepare");
    expect(prepare.map((p) => p.sheet)).toEqual(grids.map((g) => g.name));
    expect(prepare.map((p) => [p.done, p.total])).toEqual(grids.map((_, i) => [i + 1, grids.length]));
    // "Sheet1" holds no table: three sheets are read, each ends with a step of its own.
    const ends = progress.filter((p) => p.phase === "sheets" && p.rows === undefined);
    expect(ends.map((p) => [p.sheet, p.done, p.total])).toEqual([
      ["PL I", 1, 3],
      ["Chỉ tiêu", 2, 3],
      ["PL II", 3, 3],
    ]);
    const aggregate = progress.filter((p) => p.phase === "aggregate");
    expect(aggregate.length).toBeGreaterThanOrEqual(2);
    expect(aggregate[aggregate.length - 1].done).toBe(aggregate[aggregate.length - 1].total);
    const order = { prepare: 0, sheets: 1, aggregate: 2 };
    for (let i = 1; i < progress.length; i++) {
      const a = progress[i - 1];
      const b = progress[i];
      expect(order[b.phase]).toBeGreaterThanOrEqual(order[a.phase]);
      if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done);
    }
  });

  it("yields inside a big sheet every ROWS_PER_STEP rows, with the rows read so far", () => {
    const tasks = Math.round(ROWS_PER_STEP * 2.5);
    const grid = appendix("PL I", tasks);
    const { progress, report } = drain([grid], options());
    const inside = progress.filter((p) => p.phase === "sheets" && p.rows);
    // ~2.5 slices of rows (plus overflow and group rows): at least two yields before the sheet ends.
    expect(inside.length).toBeGreaterThanOrEqual(2);
    expect(inside.every((p) => p.sheet === "PL I" && p.done === 0 && p.total === 1)).toBe(true);
    expect(inside.map((p) => p.rows!.done)).toEqual(inside.map((_, i) => (i + 1) * ROWS_PER_STEP));
    const total = inside[0].rows!.total;
    expect(inside.every((p) => p.rows!.total === total && p.rows!.done < total)).toBe(true);
    expect(report.tasks).toHaveLength(tasks);
  });

  it("with one-row slices, a sheet of n rows below its header yields about n times", () => {
    const grid = appendix("PL I", 10);
    const rowsBelowHeader = grid.values.length - 3; // two title rows and the header
    const { progress } = drain([grid], options(), 1);
    expect(progress.filter((p) => p.phase === "sheets" && p.rows)).toHaveLength(rowsBelowHeader - 1);
  });

  it("stopping early (the pane cancels a stale run) leaves nothing behind: a new run gives the same report", () => {
    const grids = fixtures[2][1];
    const first = analyzeSteps(grids, options(), 1);
    for (let i = 0; i < 5; i++) first.next();
    expect(first.return(undefined as unknown as Report).done).toBe(true);
    expect(drain(grids, options(), 1).report).toEqual(analyze(grids, options()));
  });

  const WORDS: CellValue[] = [
    "I",
    "II",
    "1",
    "2",
    "a)",
    "-",
    "Nội dung",
    "Phòng Văn hóa - Xã hội",
    "Phong VHXH",
    "Công an xã; Phòng Kinh tế",
    "Tháng 6/2026",
    "Quý II/2026",
    "30/02/2026",
    "Thường xuyên",
    "Đã hoàn thành",
    "Đang thực hiện",
    "??",
    "Nơi nhận:",
    "(1)",
    "",
    null,
    null,
    46193,
    { error: "#REF!" },
  ];
  const rowArb = fc.array(fc.constantFrom(...WORDS), { maxLength: STD_HEADER.length + 1 });
  const gridArb: fc.Arbitrary<Grid> = fc
    .tuple(
      fc.constantFrom("PL I", "PL II", "Chỉ tiêu", "Sheet1"),
      fc.array(rowArb, { maxLength: 25 }),
      fc.array(
        fc.tuple(
          fc.integer({ min: 2, max: 28 }),
          fc.integer({ min: 1, max: 7 }),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 2 }),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([name, rows, merges]) => ({
      name,
      visibility: "visible" as const,
      origin: { row: 1, col: 1 },
      values: [["PHỤ LỤC NĂM 2026"], [...STD_HEADER], ...rows],
      merges: merges.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
    }));

  it("property: on random grids, any slice size gives analyze's report", () => {
    fc.assert(
      fc.property(fc.array(gridArb, { maxLength: 3 }), fc.integer({ min: 1, max: 6 }), (grids, rowsPerStep) => {
        expect(drain(grids, options(), rowsPerStep).report).toEqual(analyze(grids, options()));
      }),
      { numRuns: 150 },
    );
  });
});
