/**
 * The seed plan's two PHỤ LỤC tables ("Kế hoạch … KHCN, ĐMST và CDS" of
 * UBND xã Chí Minh) rebuilt as grids, row for row, including the Word-paste overflow row.
 */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { readTable } from "../../../src/core/table";
import { run } from "./helpers";

const HEAD = "Chủ tịch UBND xã";
const VHXH = "Phòng Văn hóa - Xã hội";
const RELATED = "Các đơn vị liên quan";

export function seedPL1() {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
    .blank()
    .title("(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh)")
    .blank()
    .header(STD_HEADER)
    .group("I", "Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CDS")
    .task({
      stt: 1,
      content:
        "Hoàn thành và đưa vào khai thác hiệu quả các cơ sở dữ liệu quốc gia; các cơ sở dữ liệu dùng chung theo danh mục ban hành của bộ, ngành, địa phương để phát triển kinh tế - xã hội",
      head: HEAD,
      lead: VHXH,
      support: RELATED,
      result: "Hoàn thành các CSDL",
      deadline: "Tháng 6/2026",
    })
    .task({
      stt: 2,
      content: "Hoàn thành kết nối, khai thác, chia sẻ dữ liệu hiệu quả dữ liệu, triển khai các sáng kiến mở dữ liệu",
      head: HEAD,
      lead: VHXH,
      support: RELATED,
      result: "Hoàn thành kết nối",
      deadline: "Tháng 9/2026",
    })
    .build();
}

export function seedPL2() {
  return new GridBuilder("PL II")
    .title("PHỤ LỤC II", "NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN")
    .blank()
    .title("(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh)")
    .blank()
    .header(STD_HEADER)
    .group(
      "I",
      "Nâng cao nhận thức, đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong toàn thành phố về phát triển KHCN, ĐMST và CDS",
    )
    .task({
      stt: 1,
      content: "Phân đầu bố trí cán bộ có chuyên môn, kinh nghiệm phụ trách về KHCN, ĐMST và CDS",
      head: HEAD,
      lead: VHXH,
      support: RELATED,
      result: "Bố trí cán bộ phụ trách",
      deadline: "Thường xuyên",
    })
    .group(
      "II",
      "Khẩn trương, quyết liệt hoàn thiện thể chế; xóa bỏ quan niệm, rào cản đang cản trở sự phát triển; đưa thể chế thành một lợi thế cạnh tranh trong phát triển KHCN, ĐMST và CDS",
    )
    .task({
      stt: 1,
      content:
        "Đẩy mạnh tái cấu trúc quy trình, cắt giảm, đơn giản hóa tối đa thủ tục hành chính, nâng cao chất lượng cung cấp dịch vụ công trực tuyến, nhất là các thủ tục liên quan đến cư trú, hộ tịch, giấy phép lái xe, đất đai, doanh",
      head: HEAD,
      lead: "Trung tâm Phục vụ hành chính công xã",
      support: RELATED,
      result: "Báo cáo",
      deadline: "Thường xuyên",
    })
    .blank()
    .task({ content: "nghiệp, triển khai tiếp cận, giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính." })
    .group("III", "Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CDS")
    .task({
      stt: 1,
      content: "Tổ chức ứng dụng trí tuệ nhân tạo dựa trên dữ liệu lớn trong ngành, lĩnh vực quan trọng",
      head: HEAD,
      lead: VHXH,
      support: RELATED,
      result: "Báo cáo",
      deadline: "Thường xuyên",
    })
    .group("IV", "Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài đáp ứng yêu cầu phát triển KHCN, ĐMST và CDS")
    .task({
      stt: 1,
      content: "Đào tạo kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng",
      head: HEAD,
      lead: VHXH,
      support: RELATED,
      result: "Báo cáo",
      deadline: "Hàng năm",
    })
    .build();
}

describe("the seed plan's appendices", () => {
  const report = run([seedPL1(), seedPL2()], { asOf: "2026-07-15" });

  it("finds both appendices with their header rows and plan year", () => {
    expect(report.sheets.map((s) => [s.name, s.role, s.headerRow, s.taskCount, s.encoding])).toEqual([
      ["PL I", "appendix", 6, 2, "unicode"],
      ["PL II", "appendix", 6, 4, "unicode"],
    ]);
    expect(report.planYear).toBe(2026);
    expect(report.sheets[0].title).toBe("PHỤ LỤC I - NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026");
  });

  it("reads PL I: two dated tasks of group I led by Phòng Văn hóa - Xã hội", () => {
    const pl1 = report.tasks.filter((t) => t.sheet === "PL I");
    expect(pl1.map((t) => [t.row, t.stt, t.lead, t.deadline.kind, t.deadline.due])).toEqual([
      [8, "1", "Phòng Văn hóa - Xã hội", "month", "2026-06-30"],
      [9, "2", "Phòng Văn hóa - Xã hội", "month", "2026-09-30"],
    ]);
    expect(pl1.every((t) => t.group === "I. Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CDS")).toBe(true);
    // no status column: not done; June is past on 15/7, September is not
    expect(pl1.map((t) => t.status)).toEqual(["overdue", "in_progress"]);
    expect(pl1[0].daysOverdue).toBe(15);
    expect(pl1[0].head).toBe("Chủ tịch UBND xã");
    expect(pl1[0].support).toBe("Các đơn vị liên quan");
  });

  it("reads PL II: four standing tasks in four groups; the overflow row joins task 1 of group II", () => {
    const pl2 = report.tasks.filter((t) => t.sheet === "PL II");
    // The seed text holds 4 task rows in PL II (groups I–IV, one task each) plus one overflow row.
    expect(pl2).toHaveLength(4);
    expect(pl2.map((t) => t.group?.split(".")[0])).toEqual(["I", "II", "III", "IV"]);
    expect(pl2.map((t) => t.lead)).toEqual([
      "Phòng Văn hóa - Xã hội",
      "Trung tâm Phục vụ hành chính công",
      "Phòng Văn hóa - Xã hội",
      "Phòng Văn hóa - Xã hội",
    ]);
    expect(pl2.map((t) => t.deadline.kind)).toEqual(["recurring", "recurring", "recurring", "recurring"]);
    expect(pl2.every((t) => t.status === "recurring")).toBe(true);
    expect(pl2[1].content).toMatch(
      /đất đai, doanh nghiệp, triển khai tiếp cận, giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính\.$/,
    );
    expect(pl2[1].row).toBe(10);
  });

  it("reports no errors on the seed tables (the numbering restarts in each group)", () => {
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.issues.filter((i) => i.code === "STT_DUPLICATE")).toEqual([]);
  });

  it("counts per unit, appendix, group and plan", () => {
    const vhxh = report.units.find((u) => u.unit === "Phòng Văn hóa - Xã hội")!;
    expect([vhxh.total, vhxh.overdue, vhxh.in_progress, vhxh.recurring]).toEqual([5, 1, 1, 3]);
    expect(vhxh.completionRate).toBe(0);
    const ttpv = report.units.find((u) => u.unit === "Trung tâm Phục vụ hành chính công")!;
    expect([ttpv.total, ttpv.recurring, ttpv.completionRate, ttpv.onTimeRate]).toEqual([1, 1, null, null]);
    expect(report.units.map((u) => u.unit)).not.toContain("(Chưa xác định đơn vị)");
    expect(report.appendices.map((a) => [a.sheet, a.total])).toEqual([
      ["PL I", 2],
      ["PL II", 4],
    ]);
    expect(report.groups).toHaveLength(5);
    expect(report.total.total).toBe(6);
  });

  it("gives every row of PL II one kind", () => {
    const t = readTable(seedPL2());
    expect(t.header?.row).toBe(6);
    expect(t.rows.map((r) => r.kind)).toEqual([
      "group",
      "task",
      "group",
      "task",
      "blank",
      "continuation",
      "group",
      "task",
      "group",
      "task",
    ]);
  });
});
