/** Header detection: synonyms, folding, position, two-row headers, missing columns. */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { readTable } from "../../../src/core/table";
import { codes, issuesOf, run } from "./helpers";

const TASK = { stt: 1, content: "Xây dựng kế hoạch", lead: "Công an xã", deadline: "30/11/2026" };

describe("header detection", () => {
  it("maps the synonyms of domain.md, ignoring case, diacritics, spaces and punctuation", () => {
    const g = new GridBuilder("PL1")
      .title("PHỤ LỤC")
      .row([
        "TT",
        "NỘI DUNG  NHIỆM VỤ",
        "Lanh dao phu trach",
        "Đơn vị chủ trì:",
        "Đơn vị phối hợp",
        "Sản phẩm",
        "Thời hạn",
        "Trạng thái",
        "Thời điểm hoàn thành",
        "Ghi chú",
      ])
      .row([1, "Xây dựng kế hoạch", "Chủ tịch", "Công an xã", "", "Kế hoạch", "30/11/2026", "Đã hoàn thành", "15/11/2026", ""])
      .build();
    const t = readTable(g);
    expect(t.header?.row).toBe(2);
    expect(Object.fromEntries(t.header!.columns)).toEqual({
      stt: 1,
      content: 2,
      head: 3,
      lead: 4,
      support: 5,
      result: 6,
      deadline: 7,
      status: 8,
      doneDate: 9,
      note: 10,
    });
    const r = run([g]);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({
      lead: "Công an xã",
      status: "done_on_time",
      doneDate: "2026-11-15",
      head: "Chủ tịch",
      result: "Kế hoạch",
    });
  });

  it("accepts header names with extra words after a known name ('Thời gian hoàn thành (dự kiến)')", () => {
    const g = new GridBuilder("PL1")
      .row(["STT", "Nội dung công việc (nhiệm vụ)", "Cơ quan chủ trì", "Thời gian hoàn thành (dự kiến)"])
      .row([1, "Việc", "Công an xã", "Quý II/2026"])
      .build();
    const t = readTable(g);
    expect(Object.fromEntries(t.header!.columns)).toEqual({ stt: 1, content: 2, lead: 3, deadline: 4 });
  });

  it("finds a header on row 20 but not on row 21", () => {
    const at20 = new GridBuilder("PL1").blank(19).header(STD_HEADER).task(TASK).build();
    expect(readTable(at20).header?.row).toBe(20);
    const at21 = new GridBuilder("PL1").blank(20).header(STD_HEADER).task(TASK).build();
    expect(readTable(at21).header).toBeNull();
  });

  it("needs three known columns: two are not a header", () => {
    const g = new GridBuilder("PL1").row(["STT", "Nội dung", "Cột lạ", "Khác"]).row([1, "Việc", "x", "y"]).build();
    expect(readTable(g).header).toBeNull();
  });

  it("reads a two-row header: 'Cơ quan thực hiện' merged over 'Chủ trì' | 'Phối hợp', 'Thời gian' over 'Bắt đầu' | 'Hoàn thành'", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I")
      .row(["STT", "Nội dung công việc", "Cơ quan thực hiện", null, "Thời gian", null, "Kết quả"])
      .row([null, null, "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành", null])
      .row([1, "Rà soát thủ tục", "Công an xã", "Các đơn vị liên quan", "01/3/2026", "30/6/2026", "Báo cáo"])
      .merge(2, 1, 3, 1)
      .merge(2, 2, 3, 2)
      .merge(2, 3, 2, 4)
      .merge(2, 5, 2, 6)
      .merge(2, 7, 3, 7)
      .build();
    const t = readTable(g);
    expect(t.header).toMatchObject({ row: 2, height: 2, dataStart: 4 });
    expect(Object.fromEntries(t.header!.columns)).toEqual({ stt: 1, content: 2, lead: 3, support: 4, start: 5, deadline: 6, result: 7 });
    const r = run([g]);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({
      row: 4,
      lead: "Công an xã",
      support: "Các đơn vị liên quan",
      deadline: { kind: "date", due: "2026-06-30" },
    });
    expect(r.issues).toEqual([]);
  });

  it("a single 'Đơn vị thực hiện' column is the lead; 'Từ ngày' | 'Đến ngày' under 'Thời gian thực hiện'", () => {
    const single = new GridBuilder("PL1")
      .row(["STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"])
      .row([1, "Việc", "Công an xã", "2026"])
      .build();
    expect(readTable(single).header!.columns.get("lead")).toBe(3);
    const two = new GridBuilder("PL1")
      .row(["STT", "Nội dung", "Đơn vị thực hiện", null, "Thời gian thực hiện", null])
      .row([null, null, "Chủ trì", "Phối hợp", "Từ ngày", "Đến ngày"])
      .row([1, "Việc", "Công an xã", "Phòng Kinh tế", "01/02/2026", "31/3/2026"])
      .merge(1, 3, 1, 4)
      .merge(1, 5, 1, 6)
      .build();
    expect(Object.fromEntries(readTable(two).header!.columns)).toEqual({ stt: 1, content: 2, lead: 3, support: 4, start: 5, deadline: 6 });
    expect(run([two]).tasks[0]).toMatchObject({ lead: "Công an xã", support: "Phòng Kinh tế", deadline: { due: "2026-03-31" } });
  });

  it("reports each missing required column once per sheet, at the header row", () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I")
      .row(["STT", "Nội dung công việc", "Kết quả", "Ghi chú"])
      .row([1, "Việc một", "Báo cáo", ""])
      .row([2, "Việc hai", "Báo cáo", ""])
      .build();
    const r = run([g]);
    const missing = issuesOf(r, "COLUMN_MISSING");
    expect(missing).toHaveLength(2);
    expect(missing.map((i) => i.cell)).toEqual(["A2", "A2"]);
    expect(missing[0].message).toContain("dòng 2");
    expect(missing[0].message).toContain("Cơ quan chủ trì");
    expect(missing[1].message).toContain("Thời gian hoàn thành");
    // the missing columns are not re-reported on every row
    expect(codes(r)).not.toContain("LEAD_MISSING");
    expect(codes(r)).not.toContain("DEADLINE_MISSING");
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks.every((t) => t.lead === null && t.deadline.kind === "missing" && t.status === "undetermined")).toBe(true);
  });

  it("HEADER_NOT_FOUND for an appendix sheet without a header (no cell), and no tasks", () => {
    const g = new GridBuilder("Phụ lục 3").title("PHỤ LỤC III", "Danh mục").row(["a", "b"]).build();
    const r = run([g]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "HEADER_NOT_FOUND", severity: "error", sheet: "Phụ lục 3", cell: null });
    expect(r.issues[0].message).toContain("Phụ lục 3");
    expect(r.sheets[0]).toMatchObject({ role: "appendix", headerRow: null, taskCount: 0 });
  });
});
