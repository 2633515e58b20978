/** Every per-task issue code, with its exact cell and a message that names the cell and the fix. */
import { GridBuilder, STD_HEADER, TRACKING_HEADER } from "../../support/grid-builder";
import { isoToSerial } from "../../../src/core/dates";
import { codes, issuesOf, run } from "./helpers";

const OK = { content: "Tổ chức tuyên truyền", lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026" };

function sheet(...tasks: Parameters<GridBuilder["task"]>[0][]) {
  const b = new GridBuilder("PL I").title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026").header();
  tasks.forEach((t, i) => b.task({ stt: i + 1, ...t }));
  return b.build();
}

describe("task checks", () => {
  it("a clean task has no issue", () => {
    expect(run([sheet(OK)]).issues).toEqual([]);
  });

  it("CONTENT_MISSING at the content cell", () => {
    const r = run([sheet({ ...OK, content: null })]);
    expect(r.issues).toEqual([
      expect.objectContaining({
        code: "CONTENT_MISSING",
        severity: "error",
        sheet: "PL I",
        cell: "B4",
        message: expect.stringMatching(/^Ô B4: chưa ghi nội dung/),
      }),
    ]);
    expect(r.tasks).toHaveLength(1);
  });

  it("LEAD_MISSING names the cell and an example unit", () => {
    const r = run([sheet({ ...OK, lead: "  " })]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "LEAD_MISSING", severity: "error", cell: "D4" });
    expect(r.issues[0].message).toBe("Ô D4: chưa ghi cơ quan chủ trì. Hãy ghi một đơn vị trong danh sách, ví dụ «Phòng Văn hóa - Xã hội».");
    expect(r.tasks[0].lead).toBeNull();
    expect(r.units.at(-1)).toMatchObject({ unit: "(Chưa xác định đơn vị)", total: 1 });
  });

  it("LEAD_UNKNOWN with a suggestion and a one-click fix", () => {
    const r = run([sheet({ ...OK, lead: "Phong Van hoa - Xa hoi" })]);
    const [issue] = issuesOf(r, "LEAD_UNKNOWN");
    expect(issue).toMatchObject({
      severity: "error",
      cell: "D4",
      suggestion: "Phòng Văn hóa - Xã hội",
      fix: { kind: "replace", sheet: "PL I", cell: "D4", value: "Phòng Văn hóa - Xã hội" },
    });
    expect(issue.message).toBe("Ô D4: «Phong Van hoa - Xa hoi» không có trong danh sách đơn vị. Có phải là «Phòng Văn hóa - Xã hội»?");
  });

  it("LEAD_UNKNOWN without a close unit asks to use or add a listed unit", () => {
    const r = run([sheet({ ...OK, lead: "Hội Nông dân" })]);
    const [issue] = issuesOf(r, "LEAD_UNKNOWN");
    expect(issue.suggestion).toBeUndefined();
    expect(issue.fix).toBeUndefined();
    expect(issue.message).toMatch(/^Ô D4: «Hội Nông dân» không có trong danh sách đơn vị\. Hãy ghi đúng tên/);
  });

  it("LEAD_GENERIC for 'Các đơn vị liên quan' as lead", () => {
    const r = run([sheet({ ...OK, lead: "Các đơn vị liên quan" })]);
    expect(codes(r)).toEqual(["LEAD_GENERIC"]);
    expect(r.issues[0].cell).toBe("D4");
    expect(r.tasks[0].lead).toBeNull();
  });

  it("LEAD_MULTIPLE warns and counts the task for the first unit", () => {
    const r = run([sheet({ ...OK, lead: "Phòng Kinh tế; Công an xã" })]);
    expect(r.issues).toEqual([expect.objectContaining({ code: "LEAD_MULTIPLE", severity: "warning", cell: "D4" })]);
    expect(r.tasks[0].lead).toBe("Phòng Kinh tế");
    expect(r.units.find((u) => u.unit === "Phòng Kinh tế")!.total).toBe(1);
    expect(r.units.find((u) => u.unit === "Công an xã")!.total).toBe(0);
  });

  it("DEADLINE_MISSING and DEADLINE_INVALID at the deadline cell", () => {
    const r = run([sheet({ ...OK, deadline: null }, { ...OK, deadline: "30/02/2026" }, { ...OK, deadline: "sớm" })]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["DEADLINE_MISSING", "G4"],
      ["DEADLINE_INVALID", "G5"],
      ["DEADLINE_INVALID", "G6"],
    ]);
    expect(r.issues[1].message).toContain("«30/02/2026»");
    expect(r.tasks.map((t) => t.status)).toEqual(["undetermined", "undetermined", "undetermined"]);
  });

  it("DEADLINE_OUTSIDE_PLAN when a dated deadline ends before 1 January of the plan year", () => {
    const r = run([sheet({ ...OK, deadline: "31/12/2025" }, { ...OK, deadline: "01/01/2026" }, { ...OK, deadline: "Quý IV/2025" })]);
    expect(r.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["DEADLINE_OUTSIDE_PLAN", "G4", "warning"],
      ["DEADLINE_OUTSIDE_PLAN", "G6", "warning"],
    ]);
    expect(r.issues[0].message).toContain("31/12/2025");
    expect(r.issues[0].message).toContain("2026");
  });

  it("STT_DUPLICATE within one group only, at the second occurrence", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .group("I", "Một")
      .task({ stt: 1, ...OK })
      .task({ stt: "1.", ...OK })
      .group("II", "Hai")
      .task({ stt: 1, ...OK })
      .build();
    const r = run([g]);
    expect(r.issues).toEqual([expect.objectContaining({ code: "STT_DUPLICATE", severity: "warning", cell: "A4" })]);
    expect(r.issues[0].message).toContain("dòng 3");
  });

  it("STATUS_UNKNOWN for unrecognised status text; the task counts as not done", () => {
    const r = run([sheet({ ...OK, status: "Sắp xong rồi", deadline: "30/6/2026" })]);
    expect(r.issues).toEqual([expect.objectContaining({ code: "STATUS_UNKNOWN", severity: "warning", cell: "H4" })]);
    expect(r.tasks[0]).toMatchObject({ statusRaw: "Sắp xong rồi", status: "overdue", daysOverdue: 15 });
  });

  it("DONE_WITHOUT_DATE only when the sheet has a completion-date column", () => {
    const withCol = run([sheet({ ...OK, status: "Đã hoàn thành" })]);
    expect(withCol.issues).toEqual([expect.objectContaining({ code: "DONE_WITHOUT_DATE", severity: "warning", cell: "I4" })]);
    expect(withCol.tasks[0].status).toBe("done_on_time");
    const noCol = new GridBuilder("PL I")
      .header([...STD_HEADER, "Tình trạng"])
      .task({ stt: 1, ...OK, status: "Đã hoàn thành" })
      .build();
    const r = run([noCol]);
    expect(r.issues).toEqual([]);
    expect(r.tasks[0].status).toBe("done_on_time");
  });

  it("CELL_ERROR in a read column: one issue, the task still counts, the field is treated as missing", () => {
    const r = run([
      sheet({ ...OK, lead: { error: "#REF!" } }, { ...OK, deadline: { error: "#N/A" } }, { ...OK, content: { error: "#VALUE!" } }),
    ]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["CELL_ERROR", "D4"],
      ["CELL_ERROR", "G5"],
      ["CELL_ERROR", "B6"],
    ]);
    expect(r.issues[0].message).toContain("#REF!");
    expect(r.issues[0].message).toContain("Cơ quan chủ trì");
    expect(r.tasks).toHaveLength(3);
    expect(r.tasks[0].lead).toBeNull();
    expect(r.tasks[1].deadline).toEqual({ raw: "", kind: "missing", due: null });
    expect(r.tasks[2].content).toBe("");
  });

  it("an error value in the note column is not read and not reported", () => {
    expect(run([sheet({ ...OK, note: { error: "#DIV/0!" } })]).issues).toEqual([]);
  });
});

describe("sheet coordinates", () => {
  it("a used range that starts at C3: rows and cells are the sheet's, not the grid's", () => {
    const g = { ...sheet({ ...OK, lead: "" }), origin: { row: 3, col: 3 } };
    const r = run([g]);
    expect(r.sheets[0].headerRow).toBe(5);
    expect(r.tasks[0].row).toBe(6);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["LEAD_MISSING", "F6"]]);
    expect(r.issues[0].message).toMatch(/^Ô F6:/);
  });
});

describe("status on the as-of date", () => {
  const g = () =>
    new GridBuilder("PL I")
      .header(TRACKING_HEADER)
      .task({ stt: 1, ...OK, deadline: "30/6/2026", status: "Đã hoàn thành", doneDate: "20/6/2026" })
      .task({ stt: 2, ...OK, deadline: "30/6/2026", status: "Hoàn thành", doneDate: isoToSerial("2026-07-06") }, { doneDate: "dd/mm/yyyy" })
      .task({ stt: 3, ...OK, deadline: "31/12/2026", status: "Đang thực hiện" })
      .task({ stt: 4, ...OK, deadline: "Tháng 5/2026", status: "" })
      .task({ stt: 5, ...OK, deadline: "Hằng năm" })
      .task({ stt: 6, ...OK, deadline: null })
      .build();

  it("puts each task in one of the six categories and counts rates", () => {
    const r = run([g()]);
    expect(r.tasks.map((t) => t.status)).toEqual(["done_on_time", "done_late", "in_progress", "overdue", "recurring", "undetermined"]);
    expect(r.tasks[1].doneDate).toBe("2026-07-06");
    expect(r.tasks[3].daysOverdue).toBe(45); // 31/5 → 15/7
    expect(r.tasks.filter((t) => t.daysOverdue !== undefined)).toHaveLength(1);
    expect(r.total).toEqual({
      total: 6,
      done_on_time: 1,
      done_late: 1,
      in_progress: 1,
      overdue: 1,
      recurring: 1,
      undetermined: 1,
      completionRate: 2 / 5,
      onTimeRate: 1 / 5,
    });
  });
});

describe("plan year", () => {
  const task = { stt: 1, ...OK, deadline: "30/11" };
  it("comes from the title ('… NĂM 2027') before the settings", () => {
    const g = new GridBuilder("PL I").title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2027").header().task(task).build();
    const r = run([g], { settings: { planYear: 2030 } });
    expect(r.planYear).toBe(2027);
    expect(r.tasks[0].deadline.due).toBe("2027-11-30");
  });

  it("then from the settings", () => {
    const g = new GridBuilder("PL I").title("PHỤ LỤC I").header().task(task).build();
    const r = run([g], { settings: { planYear: 2030 } });
    expect(r.planYear).toBe(2030);
    expect(r.tasks[0].deadline.due).toBe("2030-11-30");
  });

  it("else the as-of year", () => {
    const g = new GridBuilder("PL I").title("PHỤ LỤC I").header().task(task).build();
    const r = run([g], { asOf: "2028-02-01" });
    expect(r.planYear).toBe(2028);
    expect(r.tasks[0].deadline.due).toBe("2028-11-30");
  });
});
