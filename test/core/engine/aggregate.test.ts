/** Counting per unit, appendix, group and plan; rates null when nothing is judged. */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { countByUnit, withRates, emptyTally } from "../../../src/core/aggregate";
import { run } from "./helpers";

describe("aggregation", () => {
  it("lists every unit of the settings, even with no task; no unassigned row when all tasks have a lead", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "x", lead: "Công an xã", deadline: "Thường xuyên" })
      .build();
    const r = run([g]);
    expect(r.units.map((u) => u.unit)).toEqual([
      "Phòng Văn hóa - Xã hội",
      "Văn phòng HĐND và UBND xã",
      "Phòng Kinh tế",
      "Công an xã",
      "Trung tâm Phục vụ hành chính công",
      "Trung tâm Dịch vụ sự nghiệp công",
    ]);
    const empty = r.units[0];
    expect(empty).toMatchObject({ total: 0, completionRate: null, onTimeRate: null });
    // only recurring tasks: denominator 0 → null, not 0
    expect(r.units[3]).toMatchObject({ total: 1, recurring: 1, completionRate: null, onTimeRate: null });
  });

  it("adds '(Chưa xác định đơn vị)' for missing, unknown and generic leads", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "a", lead: "", deadline: "30/6/2026" })
      .task({ stt: 2, content: "b", lead: "Hội Phụ nữ", deadline: "30/6/2026" })
      .task({ stt: 3, content: "c", lead: "Các cơ quan, đơn vị", deadline: "30/6/2026" })
      .build();
    const r = run([g], { settings: { units: [{ name: "Công an xã", aliases: [] }] } });
    expect(r.units.map((u) => [u.unit, u.total, u.overdue])).toEqual([
      ["Công an xã", 0, 0],
      ["(Chưa xác định đơn vị)", 3, 3],
    ]);
  });

  it("counts per appendix (with its title) and per group, groups in order of appearance", () => {
    const g1 = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM")
      .header(STD_HEADER)
      .task({ stt: 1, content: "trước nhóm", lead: "Công an xã", deadline: "31/12/2026" })
      .group("I", "Một")
      .task({ stt: 1, content: "a", lead: "Công an xã", deadline: "31/12/2026" })
      .task({ stt: 2, content: "b", lead: "Công an xã", deadline: "30/1/2026" })
      .build();
    const g2 = new GridBuilder("PL II").header(STD_HEADER).build();
    const r = run([g1, g2]);
    expect(r.appendices.map((a) => [a.sheet, a.title, a.total, a.overdue, a.completionRate])).toEqual([
      ["PL I", "PHỤ LỤC I - NHIỆM VỤ TRỌNG TÂM", 3, 1, 0],
      ["PL II", "PL II", 0, 0, null],
    ]);
    expect(r.groups.map((g) => [g.sheet, g.group, g.total])).toEqual([
      ["PL I", null, 1],
      ["PL I", "I. Một", 2],
    ]);
  });

  it("rates: completion = done / (total − recurring), on time = on time / (total − recurring)", () => {
    const t = { ...emptyTally(), total: 10, done_on_time: 3, done_late: 2, recurring: 5 };
    expect(withRates(t)).toMatchObject({ completionRate: 1, onTimeRate: 0.6 });
    expect(countByUnit([], ["A", "A", "B"]).map((u) => u.unit)).toEqual(["A", "B"]);
  });
});
