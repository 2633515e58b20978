/** Row kinds below the header: groups, tasks, continuations, blanks, footers, repeated headers. */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { readTable } from "../../../src/core/table";
import { classifyStt } from "../../../src/core/stt";
import { codes, run } from "./helpers";

const T = (stt: number | string, content = "Nhiệm vụ " + stt) => ({ stt, content, lead: "Công an xã", deadline: "Quý IV/2026" });

function kinds(g: ReturnType<GridBuilder["build"]>) {
  return readTable(g).rows.map((r) => r.kind);
}

describe("STT classification", () => {
  it.each([
    ["I", "group"],
    ["IV", "group"],
    ["XII", "group"],
    ["A", "group"],
    ["B.", "group"],
    ["II. Khẩn trương hoàn thiện thể chế", "group"],
    ["1", "number"],
    ["1.1", "number"],
    ["2.", "number"],
    ["a)", "number"],
    ["b", "number"],
    ["", "empty"],
    ["-", "text"],
    ["IIII", "text"],
    ["Ghi chú", "text"],
  ])("%s → %s", (text, kind) => {
    expect(classifyStt(text).kind).toBe(kind);
  });
});

describe("row kinds", () => {
  it("groups by Roman numeral or A/B/C; tasks by number; numbering restarts per group", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .group("A", "Nhóm A")
      .task(T(1))
      .task(T("1.1"))
      .task(T("a)"))
      .group("B", "Nhóm B")
      .task(T(1))
      .build();
    expect(kinds(g)).toEqual(["group", "task", "task", "task", "group", "task"]);
    const r = run([g]);
    expect(r.tasks.map((t) => [t.stt, t.group])).toEqual([
      ["1", "A. Nhóm A"],
      ["1.1", "A. Nhóm A"],
      ["a)", "A. Nhóm A"],
      ["1", "B. Nhóm B"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("a group written wholly in a merged STT cell ('II. Tên nhóm')", () => {
    const g = new GridBuilder("PL I").header(STD_HEADER).row(["II. Khẩn trương hoàn thiện thể chế"]).merge(2, 1, 2, 7).task(T(1)).build();
    const r = run([g]);
    expect(r.tasks[0].group).toBe("II. Khẩn trương hoàn thiện thể chế");
  });

  it("a heading merged across the table without a numeral is a group, not a continuation", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task(T(1))
      .row([null, "Nhóm nhiệm vụ về chuyển đổi số"])
      .merge(3, 2, 3, 7)
      .task(T(2))
      .build();
    expect(kinds(g)).toEqual(["task", "group", "task"]);
    expect(run([g]).tasks[1].group).toBe("Nhóm nhiệm vụ về chuyển đổi số");
  });

  it("a row with content and a lead or deadline but no STT is a task", () => {
    const g = new GridBuilder("PL I").header(STD_HEADER).task({ content: "Việc không số", deadline: "Năm 2026" }).build();
    expect(kinds(g)).toEqual(["task"]);
    const r = run([g]);
    expect(r.tasks[0].stt).toBe("");
    expect(codes(r)).toEqual(["LEAD_MISSING"]);
  });

  it("continuation rows (STT, lead, deadline empty) are appended to the task above, across blank rows", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ ...T(1, "Đẩy mạnh cải cách thủ tục, nhất là đất đai, doanh"), support: "Phòng Kinh tế" })
      .blank(2)
      .task({ content: "nghiệp và hộ kinh doanh.", support: "và Công an xã" })
      .task(T(2))
      .build();
    expect(kinds(g)).toEqual(["task", "blank", "blank", "continuation", "task"]);
    const r = run([g]);
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks[0].content).toBe("Đẩy mạnh cải cách thủ tục, nhất là đất đai, doanh nghiệp và hộ kinh doanh.");
    expect(r.tasks[0].support).toBe("Phòng Kinh tế và Công an xã");
    expect(codes(r)).toEqual([]);
    const rows = readTable(g).rows;
    expect(rows[3].owner).toBe(2);
  });

  it("a content-only row right after a group (no task above in the group) is a task", () => {
    const g = new GridBuilder("PL I").header(STD_HEADER).group("I", "Nhóm").task({ content: "Việc thiếu đơn vị và thời hạn" }).build();
    expect(kinds(g)).toEqual(["group", "task"]);
    expect(codes(run([g]))).toEqual(["LEAD_MISSING", "DEADLINE_MISSING"]);
  });

  it.each([["Nơi nhận:"], ["KT. CHỦ TỊCH"], ["TM. ỦY BAN NHÂN DÂN"], ["TM. UỶ BAN NHÂN DÂN"], ["CHỦ TỊCH"], ["Người lập biểu"]])(
    "the footer '%s' ends the table",
    (footer) => {
      const g = new GridBuilder("PL I")
        .header(STD_HEADER)
        .task(T(1))
        .blank()
        .row([null, null, null, null, footer])
        .row([null, null, null, null, "PHÓ CHỦ TỊCH"])
        .task(T(9, "Không phải nhiệm vụ"))
        .build();
      expect(kinds(g)).toEqual(["task", "blank", "footer", "after_footer", "after_footer"]);
      expect(run([g]).tasks).toHaveLength(1);
    },
  );

  it("'Chủ tịch UBND xã' in the head column of a task is not a footer", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ ...T(1), head: "Chủ tịch UBND xã" })
      .task({ ...T(2), head: "CHỦ TỊCH" })
      .build();
    expect(kinds(g)).toEqual(["task", "task"]);
  });

  it("skips a header repeated after a page break", () => {
    const g = new GridBuilder("PL I").header(STD_HEADER).task(T(1)).row(STD_HEADER).task(T(2)).build();
    expect(kinds(g)).toEqual(["task", "header_repeat", "task"]);
    const r = run([g]);
    expect(r.tasks.map((t) => t.stt)).toEqual(["1", "2"]);
    expect(codes(r)).toEqual([]);
  });

  it.each([[["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]], [[1, 2, 3, 4, 5, 6, 7]], [["1", "2", "3", "4", "5", "6", "7"]]])(
    "skips the column-number row %j right under the header",
    (numbers) => {
      const g = new GridBuilder("PL I").header(STD_HEADER).row(numbers).task(T(1)).build();
      expect(kinds(g)).toEqual(["column_numbers", "task"]);
      const r = run([g]);
      expect(r.tasks).toHaveLength(1);
      expect(codes(r)).toEqual([]);
    },
  );

  it("a second table pasted below: its title rows are 'other', its header a repeat, its groups restart numbering", () => {
    const g = new GridBuilder("PL")
      .header(STD_HEADER)
      .group("I", "Một")
      .task(T(1))
      .row(["PHỤ LỤC II"])
      .row(["NHIỆM VỤ THƯỜNG XUYÊN"])
      .row(STD_HEADER)
      .group("I", "Hai")
      .task(T(1))
      .build();
    expect(kinds(g)).toEqual(["group", "task", "other", "other", "header_repeat", "group", "task"]);
    const r = run([g]);
    expect(r.tasks.map((t) => [t.content, t.group])).toEqual([
      ["Nhiệm vụ 1", "I. Một"],
      ["Nhiệm vụ 1", "I. Hai"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("text outside the table's columns with no task above is 'other', never a task", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .row([null, null, null, null, null, null, null, null, "ghi chú lề"])
      .task(T(1))
      .build();
    expect(kinds(g)).toEqual(["other", "task"]);
  });
});
