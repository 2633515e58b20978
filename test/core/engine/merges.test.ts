/** Merged cells: vertical merges belong to every row they cover; horizontal merges are one value. */
import { GridBuilder, STD_HEADER, TRACKING_HEADER } from "../../support/grid-builder";
import { readTable } from "../../../src/core/table";
import { MergeIndex } from "../../../src/core/merge-index";
import { codes, issuesOf, run } from "./helpers";

describe("merged cells", () => {
  it("a lead written once and merged over three tasks belongs to each of them", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc 1", lead: "Phòng VH-XH", deadline: "Tháng 6/2026" })
      .task({ stt: 2, content: "Việc 2", deadline: "Tháng 7/2026" })
      .task({ stt: 3, content: "Việc 3", deadline: "Tháng 8/2026" })
      .merge(2, 4, 4, 4)
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => t.lead)).toEqual(["Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"]);
    expect(r.tasks.map((t) => t.leadRaw)).toEqual(["Phòng VH-XH", "Phòng VH-XH", "Phòng VH-XH"]);
    expect(codes(r)).toEqual([]);
  });

  it("an error in a merged lead is reported once, at the merge's top-left cell", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc 1", lead: "Phòng Văn hoá xã hội ABC", deadline: "Tháng 6/2026" })
      .task({ stt: 2, content: "Việc 2", deadline: "Tháng 7/2026" })
      .merge(2, 4, 3, 4)
      .build();
    const r = run([g]);
    const unknown = issuesOf(r, "LEAD_UNKNOWN");
    expect(unknown).toHaveLength(1);
    expect(unknown[0].cell).toBe("D2");
    expect(r.tasks.map((t) => t.lead)).toEqual([null, null]);
  });

  it("a deadline merged over two tasks gives both the same deadline", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc 1", lead: "Công an xã", deadline: "Quý III/2026" })
      .task({ stt: 2, content: "Việc 2", lead: "Công an xã" })
      .merge(2, 7, 3, 7)
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => t.deadline.due)).toEqual(["2026-09-30", "2026-09-30"]);
  });

  it("a group row merged across is one value (the name is not repeated in other columns)", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .group("I", "Nhóm một")
      .task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "2026" })
      .build();
    const t = readTable(g);
    expect(t.rows[0].kind).toBe("group");
    expect(t.rows[0].cells.lead?.text).toBe("");
    expect(t.rows[0].cells.content?.text).toBe("Nhóm một");
    expect(run([g]).tasks[0].group).toBe("I. Nhóm một");
  });

  it("a task whose STT, lead and deadline are merged over two rows: the second row continues it", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Phần đầu của nội dung", lead: "Công an xã", deadline: "Tháng 6/2026" })
      .task({ content: "phần sau của nội dung" })
      .merge(2, 1, 3, 1)
      .merge(2, 4, 3, 4)
      .merge(2, 7, 3, 7)
      .build();
    expect(readTable(g).rows.map((r) => r.kind)).toEqual(["task", "continuation"]);
    const r = run([g]);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0].content).toBe("Phần đầu của nội dung phần sau của nội dung");
    expect(codes(r)).toEqual([]);
  });

  it("an STT merged over two rows that each have their own lead and deadline: two tasks, no duplicate warning", () => {
    const g = new GridBuilder("PL I")
      .header(STD_HEADER)
      .task({ stt: 1, content: "Việc a", lead: "Công an xã", deadline: "Tháng 6/2026" })
      .task({ content: "Việc b", lead: "Phòng Kinh tế", deadline: "Tháng 7/2026" })
      .merge(2, 1, 3, 1)
      .build();
    expect(readTable(g).rows.map((r) => r.kind)).toEqual(["task", "task"]);
    const r = run([g]);
    expect(r.tasks.map((t) => [t.stt, t.lead])).toEqual([
      ["1", "Công an xã"],
      ["1", "Phòng Kinh tế"],
    ]);
    expect(codes(r)).toEqual([]);
  });

  it("an empty merged status cell over a done task and tracking columns", () => {
    const g = new GridBuilder("PL I")
      .header(TRACKING_HEADER)
      .task({ stt: 1, content: "Việc 1", lead: "Công an xã", deadline: "30/6/2026", status: "Hoàn thành", doneDate: "20/6/2026" })
      .task({ stt: 2, content: "Việc 2", lead: "Công an xã", deadline: "30/6/2026", doneDate: "25/6/2026" })
      .merge(2, 8, 3, 8)
      .build();
    const r = run([g]);
    expect(r.tasks.map((t) => t.status)).toEqual(["done_on_time", "done_on_time"]);
  });

  it("the merge index clips merges to the used range and ignores nonsense areas", () => {
    const idx = new MergeIndex(
      [
        { top: 1, left: 1, bottom: 1_000_000, right: 16_000 },
        { top: 5, left: 5, bottom: 2, right: 2 },
        { top: 0, left: 0, bottom: 3, right: 3 },
      ],
      { top: 1, left: 1, bottom: 3, right: 3 },
    );
    expect(idx.at(3, 3)).toEqual({ top: 1, left: 1, bottom: 1_000_000, right: 16_000 });
    expect(idx.at(4, 1)).toBeUndefined();
  });
});
