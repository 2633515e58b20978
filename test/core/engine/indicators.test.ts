/** Indicator sheets (Chỉ tiêu), modelled on the seed plan's section I.2. */
import { GridBuilder } from "../../support/grid-builder";
import {
  applyRelative,
  comparatorOf,
  numberFromText,
  readNumber,
  readRelativeTarget,
  readTarget,
} from "../../../src/core/indicator-values";
import { run } from "./helpers";

const HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Số đạt", "Tổng số", "Thực hiện", "Ghi chú"];

function indicatorSheet() {
  const b = new GridBuilder("Chỉ tiêu").title("CÁC CHỈ TIÊU NĂM 2026").header(HEADER);
  b.row(["2.3", "Nhóm chỉ tiêu về chuyển đổi số"]);
  b.row([1, "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số cơ bản", "%", "100%", 45, 50, null]);
  b.row(
    [2, "Hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "%", "Tối thiểu 80%", null, null, 0.85],
    [null, null, null, null, null, null, "0%"],
  );
  b.row([3, "Sáng kiến cấp thành phố được công nhận", "sáng kiến", "Ít nhất 02", null, null, 3]);
  b.row([4, "Tỷ lệ hộ nghèo", "%", "Không quá 5%", null, null, "4,5%"]);
  b.row([5, "Số vụ vi phạm", "vụ", "Dưới 3", null, null, 4]);
  b.row([6, "Tỷ lệ người dùng băng rộng", "%", "≥ 90%", null, null, "85%"]);
  b.row([7, "Mô hình ứng dụng KHCN", "mô hình", "", null, null, 5]);
  b.row([8, "Báo cáo định kỳ trên hệ thống", "%", "80%", null, null, "chưa có số liệu"]);
  b.row([9, "Kết quả TTHC được số hóa", "%", "Tối thiểu 80%", 0, 0, null]);
  b.row([10, "Sáng kiến cấp cơ sở", "sáng kiến", 15, null, null, 12]);
  b.row([11, "Tỷ lệ cấp cơ sở", "%", 0.8, null, null, 85], [null, null, null, "0%", null, null, null]);
  return b.build();
}

describe("indicators", () => {
  const r = run([indicatorSheet()]);
  const byRow = new Map(r.indicators.map((i) => [i.row, i]));

  it("finds the indicator sheet and one indicator per row (headings are not indicators)", () => {
    expect(r.sheets).toEqual([expect.objectContaining({ name: "Chỉ tiêu", role: "indicators", headerRow: 2, taskCount: 11 })]);
    expect(r.indicators.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(r.tasks).toEqual([]);
  });

  it("computes the actual from Số đạt / Tổng số for a percent target", () => {
    expect(byRow.get(4)).toMatchObject({
      name: "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số cơ bản",
      unitOfMeasure: "%",
      target: 1,
      comparator: ">=",
      actual: 0.9,
      met: false,
    });
    expect(byRow.get(4)!.achievement).toBeCloseTo(0.9);
  });

  it("reads a percent cell as a fraction and 'Tối thiểu 80%' as ≥ 0.8", () => {
    const i = byRow.get(5)!;
    expect(i).toMatchObject({ target: 0.8, comparator: ">=", actual: 0.85, met: true, targetRaw: "Tối thiểu 80%" });
    expect(i.achievement).toBeCloseTo(1.0625);
  });

  it("'Ít nhất 02' is a count target", () => {
    expect(byRow.get(6)).toMatchObject({ target: 2, comparator: ">=", actual: 3, achievement: 1.5, met: true });
  });

  it("ceilings ('Không quá 5%' ≤, 'Dưới 3' strictly <) have no achievement ratio", () => {
    const a = byRow.get(7)!;
    expect(a).toMatchObject({ comparator: "<=", met: true, achievement: null });
    expect(a.target).toBeCloseTo(0.05);
    expect(a.actual).toBeCloseTo(0.045);
    expect(byRow.get(8)).toMatchObject({ target: 3, comparator: "<", actual: 4, met: false, achievement: null });
  });

  it("'Trên' and 'Dưới' are strict: 90% against 'Trên 90%' is not met, 5% against 'Dưới 5%' neither", () => {
    const b = new GridBuilder("Chỉ tiêu").title("CÁC CHỈ TIÊU NĂM 2026").header(HEADER);
    b.row([1, "Tỷ lệ hồ sơ trực tuyến", "%", "Trên 90%", null, null, "90%"]);
    b.row([2, "Tỷ lệ hồ sơ trực tuyến (quý IV)", "%", "Trên 90%", null, null, "91%"]);
    b.row([3, "Tỷ lệ hồ sơ trễ hạn", "%", "Dưới 5%", null, null, "5%"]);
    b.row([4, "Tỷ lệ hồ sơ trễ hạn (quý IV)", "%", "Dưới 5%", null, null, "4,9%"]);
    b.row([5, "Tỷ lệ hồ sơ trực tuyến (năm)", "%", "Từ 90% trở lên", null, null, "90%"]);
    const got = run([b.build()]).indicators.map((i) => [i.comparator, i.met]);
    expect(got).toEqual([
      [">", false],
      [">", true],
      ["<", false],
      ["<", true],
      [">=", true],
    ]);
  });

  it("'≥ 90%' with '85%' text", () => {
    const i = byRow.get(9)!;
    expect(i).toMatchObject({ comparator: ">=", met: false });
    expect(i.target).toBeCloseTo(0.9);
    expect(i.actual).toBeCloseTo(0.85);
    expect(i.achievement).toBeCloseTo(0.85 / 0.9);
  });

  it("warns on a missing target, a non-numeric actual and a total of 0; results stay empty", () => {
    const warn = r.issues.map((x) => [x.code, x.cell, x.severity]);
    expect(warn).toEqual([
      ["INDICATOR_TARGET_MISSING", "D10", "warning"],
      ["INDICATOR_ACTUAL_INVALID", "G11", "warning"],
      ["INDICATOR_DENOMINATOR_ZERO", "F12", "warning"],
    ]);
    expect(byRow.get(10)).toMatchObject({ target: null, actual: 5, achievement: null, met: null });
    expect(byRow.get(11)).toMatchObject({ target: 0.8, actual: null, achievement: null, met: null });
    expect(byRow.get(12)).toMatchObject({ actual: null, achievement: null, met: null });
    expect(r.issues[0].message).toMatch(/^Ô D10: chỉ tiêu «Mô hình ứng dụng KHCN» chưa có mục tiêu/);
  });

  it("a bare number target; a percent target with a 1–100 actual reads percentage points", () => {
    expect(byRow.get(13)).toMatchObject({ target: 15, comparator: ">=", actual: 12, achievement: 0.8, met: false });
    expect(byRow.get(14)).toMatchObject({ target: 0.8, actual: 0.85, met: true });
  });
});

describe("indicator values", () => {
  it.each([
    ["Tối thiểu 80%", 0.8, ">=", true],
    ["Ít nhất 02", 2, ">=", false],
    ["100%", 1, ">=", true],
    ["≥ 90%", 0.9, ">=", true],
    ["Không quá 5%", 0.05, "<=", true],
    ["Dưới 3", 3, "<", false],
    ["Tối đa 10", 10, "<=", false],
    ["Không dưới 70%", 0.7, ">=", true],
    ["Trên 50%", 0.5, ">", true],
    ["Hơn 60%", 0.6, ">", true],
    ["Ít hơn 5 vụ", 5, "<", false],
    ["Không hơn 5 vụ", 5, "<=", false],
    ["Đạt trên 90%", 0.9, ">", true],
    ["80% trở lên", 0.8, ">=", true],
    ["5% trở xuống", 0.05, "<=", true],
    ["> 90%", 0.9, ">", true],
    ["< 5%", 0.05, "<", true],
    ["tốc độ trên 01Gbps/s đạt tối thiểu 80%", 0.8, ">=", true],
    ["≤ 2,5%", 0.025, "<=", true],
    ["Kế hoạch năm 2026: 80%", 0.8, ">=", true],
    ["1.000", 1000, ">=", false],
  ])("target %s → %d %s", (text, value, comparator, percent) => {
    const t = readTarget(text, null, false);
    expect(t.value).toBeCloseTo(value);
    expect(t.comparator).toBe(comparator);
    expect(t.percent).toBe(percent);
  });

  it("a target without a number has no value", () => {
    expect(readTarget("Hoàn thành", null, false).value).toBeNull();
    expect(readTarget(null, null, false).value).toBeNull();
  });

  it("numbers: percent formats, percent units, Vietnamese decimal comma, invalid text", () => {
    expect(readNumber(0.85, "0.00%", false)).toEqual({ kind: "number", value: 0.85, percent: true });
    expect(readNumber(85, null, true)).toEqual({ kind: "number", value: 0.85, percent: true });
    expect(readNumber("85 %", null, false)).toEqual({ kind: "number", value: 0.85, percent: true });
    expect(readNumber("", null, false)).toEqual({ kind: "empty" });
    expect(readNumber("khoảng 5", null, false)).toEqual({ kind: "invalid", raw: "khoảng 5" });
    expect(numberFromText("2,5")).toBe(2.5);
    expect(numberFromText("1.234,5")).toBe(1234.5);
    expect(comparatorOf("Giảm xuống còn dưới 3%")).toBe("<");
    expect(comparatorOf("Giảm xuống còn 3%")).toBe("<=");
  });
});

describe("indicator sheets: finding them, errors", () => {
  it("found by a title row; an error value is a CELL_ERROR and the result stays empty (no second warning)", () => {
    const g = new GridBuilder("Sheet3")
      .title("BIỂU CÁC CHỈ TIÊU CHỦ YẾU")
      .row(["STT", "Tên chỉ tiêu", "ĐVT", "Mục tiêu", "Tỷ lệ đạt"])
      .row([1, "Hồ sơ trực tuyến", "%", { error: "#REF!" }, "90%"])
      .row([2, "Sáng kiến", "sáng kiến", "Ít nhất 02", { error: "#N/A" }])
      .build();
    const r = run([g]);
    expect(r.sheets.map((s) => [s.name, s.role, s.headerRow])).toEqual([["Sheet3", "indicators", 2]]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["CELL_ERROR", "D3"],
      ["CELL_ERROR", "E4"],
    ]);
    expect(r.indicators.map((i) => [i.target, i.actual, i.achievement, i.met])).toEqual([
      [null, 0.9, null, null],
      [2, null, null, null],
    ]);
  });

  it("a sheet named 'Chỉ tiêu' without an indicator header: HEADER_NOT_FOUND", () => {
    const r = run([new GridBuilder("Chỉ tiêu").title("Ghi chép").row(["a", "b"]).build()]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["HEADER_NOT_FOUND", null]]);
    expect(r.sheets[0]).toMatchObject({ role: "indicators", headerRow: null });
    expect(r.issues[0].message).toContain("«Chỉ tiêu», «Đơn vị tính», «Kế hoạch», «Thực hiện»");
  });
});

describe("relative targets (readRelativeTarget)", () => {
  it.each([
    ["Tăng 10% so với năm 2025", { direction: "up", change: 0.1, ofBase: true, baseYear: 2025 }],
    ["Phấn đấu tăng ít nhất 10% so với cùng kỳ năm 2025", { direction: "up", change: 0.1, ofBase: true, baseYear: 2025 }],
    ["Giảm 5%", { direction: "down", change: 0.05, ofBase: true, baseYear: null }],
    ["Tăng thêm 2 mô hình", { direction: "up", change: 2, ofBase: false, baseYear: null }],
    ["Giảm tỷ lệ hộ nghèo 1 điểm phần trăm", { direction: "down", change: 0.01, ofBase: false, baseYear: null }],
    ["Giảm 1,5 điểm % so với năm trước", { direction: "down", change: 0.015, ofBase: false, baseYear: null }],
    ["TĂNG 10% SO VỚI NĂM 2025", { direction: "up", change: 0.1, ofBase: true, baseYear: 2025 }],
  ] as const)("%s", (raw, rel) => {
    expect(readRelativeTarget(raw)).toEqual(rel);
    expect(readRelativeTarget(raw.normalize("NFD"))).toEqual(rel);
  });
  it.each([
    "Tối thiểu 80%",
    "Tăng lên 90%",
    "Giảm còn 3%",
    "Giảm xuống còn 3%",
    "Tăng trưởng kinh tế đạt 8%",
    "Tăng cường 100% hồ sơ",
    "100%",
    "Ít nhất 02",
    "",
  ])("%j is a level, not relative", (raw) => expect(readRelativeTarget(raw)).toBeNull());
  it("the target from the base: a percent change of it, an amount, or points of a rate", () => {
    expect(applyRelative({ direction: "up", change: 0.1, ofBase: true, baseYear: null }, 1000)).toBeCloseTo(1100);
    expect(applyRelative({ direction: "down", change: 0.05, ofBase: true, baseYear: null }, 40)).toBeCloseTo(38);
    expect(applyRelative({ direction: "up", change: 2, ofBase: false, baseYear: null }, 4)).toBe(6);
    expect(applyRelative({ direction: "down", change: 0.01, ofBase: false, baseYear: null }, 0.05)).toBeCloseTo(0.04);
  });

  it("'Năm 2026' over 'Kế hoạch | Thực hiện' beside 'Năm 2025' over the same: this year's pair, last year's actual as the base", () => {
    const g = new GridBuilder("Chỉ tiêu")
      .title("CHỈ TIÊU NĂM 2026")
      .row(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", null, "Năm 2026", null])
      .row([null, null, null, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"])
      .row([1, "Số lượt truy cập cổng thông tin", "lượt", 18000, 20000, "Tăng 10%", 21000])
      .row([2, "Sáng kiến cấp cơ sở", "sáng kiến", 10, 12, "Tối thiểu 15", 16])
      .merge(2, 4, 2, 5)
      .merge(2, 6, 2, 7)
      .build();
    const r = run([g]);
    expect(r.sheets[0]).toMatchObject({ headerRow: 2, taskCount: 2 });
    expect(r.indicators.map((i) => [i.row, i.base, i.target, i.actual, i.met])).toEqual([
      [4, 20000, 22000, 21000, false],
      [5, undefined, 15, 16, true],
    ]);
    expect(r.issues).toEqual([]);
  });
});
