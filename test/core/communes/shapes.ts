/**
 * A corpus of other communes' appendix shapes, built in code: one fixture per real habit of the staff who
 * type these plans, each with the full task list (or indicator list) phuluc must read from it and the
 * issues it must raise. corpus.test.ts checks each on the engine; libreoffice.test.ts checks them again
 * after a round trip through LibreOffice (files re-saved there are common).
 */
import type { Grid } from "../../../src/core/grid";
import type { Settings } from "../../../src/core/settings";
import { GridBuilder, STD_HEADER, TRACKING_HEADER } from "../../support/grid-builder";

export const VHXH = "Phòng Văn hóa - Xã hội";
export const VP = "Văn phòng HĐND và UBND xã";
export const KT = "Phòng Kinh tế";
export const CA = "Công an xã";
export const PVHCC = "Trung tâm Phục vụ hành chính công";
export const DVSNC = "Trung tâm Dịch vụ sự nghiệp công";

/** One task as the fixture expects it: [sheet row, STT, content, lead, deadline kind, due, status]. */
export type TaskRow = [number, string, string, string | null, string, string | null, string];
/** One indicator: [sheet row, name, target, comparator, actual, met]. */
export type IndicatorRow = [number, string, number | null, string, number | null, boolean | null];

export interface Shape {
  id: string;
  /** The real habit the fixture stands for. */
  habit: string;
  grids: () => Grid[];
  asOf: string;
  settings?: Partial<Settings>;
  /** Per read sheet, in order. */
  tasks: TaskRow[];
  indicators?: IndicatorRow[];
  /** [code, sheet, cell] of every issue, in report order. */
  issues: [string, string, string | null][];
  skipped?: string[];
}

const title2026 = (b: GridBuilder, appendix = "PHỤ LỤC I") => b.title(appendix, "NHIỆM VỤ TRỌNG TÂM NĂM 2026");

export const SHAPES: Shape[] = [
  {
    id: "wording-and-order",
    habit:
      "Each commune types its own header words and column order: 'TT', the unit before the task, 'Tên nhiệm vụ', 'Lãnh đạo phụ trách', 'Thời hạn hoàn thành', the output last as 'Sản phẩm đầu ra'.",
    grids: () => [
      title2026(new GridBuilder("PL1"))
        .header(["TT", "Đơn vị chủ trì", "Tên nhiệm vụ", "Lãnh đạo phụ trách", "Thời hạn hoàn thành", "Đơn vị phối hợp", "Sản phẩm đầu ra"])
        .group("I", "LĨNH VỰC VĂN HÓA - XÃ HỘI")
        .row([
          1,
          VHXH,
          "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
          "Phó Chủ tịch UBND xã",
          "15/11/2026",
          "Các đơn vị liên quan",
          "Báo cáo",
        ])
        .row([2, CA, "Tuyên truyền phòng, chống ma túy trong trường học", "Chủ tịch UBND xã", "Quý III/2026", VHXH, "Báo cáo"])
        .group("II", "LĨNH VỰC KINH TẾ")
        .row([1, KT, "Rà soát hộ nghèo, hộ cận nghèo", "Phó Chủ tịch UBND xã", "Tháng 10/2026", null, "Quyết định"])
        .row([2, PVHCC, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Chủ tịch UBND xã", "Thường xuyên", null, null])
        .build(),
    ],
    asOf: "2026-10-15",
    tasks: [
      [5, "1", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc", VHXH, "date", "2026-11-15", "in_progress"],
      [6, "2", "Tuyên truyền phòng, chống ma túy trong trường học", CA, "quarter", "2026-09-30", "overdue"],
      [8, "1", "Rà soát hộ nghèo, hộ cận nghèo", KT, "month", "2026-10-31", "in_progress"],
      [9, "2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", PVHCC, "recurring", null, "recurring"],
    ],
    issues: [],
  },
  {
    id: "extra-columns",
    habit:
      "Budget columns ('Kinh phí (triệu đồng)', 'Nguồn kinh phí') between the usual ones, the column-number row '(1) (2) …' under the header, progress as 'Tiến độ thực hiện' in percent, the completion day as an Excel date.",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header([
          "STT",
          "Nội dung công việc",
          "Cơ quan chủ trì",
          "Kinh phí (triệu đồng)",
          "Nguồn kinh phí",
          "Thời gian hoàn thành",
          "Tiến độ thực hiện",
          "Ngày hoàn thành",
          "Ghi chú",
        ])
        .row(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"])
        .row(
          [1, "Nâng cấp hệ thống truyền thanh thông minh", VHXH, 350, "Ngân sách xã", "30/6/2026", "100%", 46208, null],
          [null, null, null, "#,##0", null, null, null, "dd/mm/yyyy", null],
        )
        .row([2, "Lắp đặt camera an ninh tại các thôn", CA, 1200.5, "Xã hội hóa", "Quý III/2026", "50%", null, "Đang lắp thôn 3"])
        .row([3, "Mua sắm máy scan phục vụ số hóa", PVHCC, 45, "Ngân sách xã", "Tháng 5/2026", "Chưa thực hiện", null, null])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [5, "1", "Nâng cấp hệ thống truyền thanh thông minh", VHXH, "date", "2026-06-30", "done_late"],
      [6, "2", "Lắp đặt camera an ninh tại các thôn", CA, "quarter", "2026-09-30", "in_progress"],
      [7, "3", "Mua sắm máy scan phục vụ số hóa", PVHCC, "month", "2026-05-31", "overdue"],
    ],
    issues: [],
  },
  {
    id: "long-title-block",
    habit:
      "The appendix pasted below the whole administrative heading (agency, national motto, number, signing date of the previous year, 'Căn cứ…' lines), on a sheet still named 'Sheet1'; its deadlines name no year.",
    grids: () => [
      new GridBuilder("Sheet1")
        .row(["ỦY BAN NHÂN DÂN", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        .row(["XÃ CHÍ MINH", null, null, null, "Độc lập - Tự do - Hạnh phúc"])
        .blank()
        .row(["Số: 15/KH-UBND", null, null, null, "Chí Minh, ngày 25 tháng 12 năm 2025"])
        .blank()
        .row(["KẾ HOẠCH"])
        .row(["Triển khai nhiệm vụ chuyển đổi số năm 2026"])
        .row([
          "Căn cứ Kế hoạch số 120/KH-UBND ngày 10/12/2025 của Ủy ban nhân dân thành phố về chuyển đổi số, phát triển kinh tế số và xã hội số năm 2026;",
        ])
        .row(["Ủy ban nhân dân xã xây dựng kế hoạch thực hiện như sau:"])
        .blank()
        .row(["PHỤ LỤC I"])
        .row(["DANH MỤC NHIỆM VỤ TRỌNG TÂM"])
        .row(["(Kèm theo Kế hoạch số 15/KH-UBND ngày 25/12/2025 của UBND xã)"])
        .blank()
        .header(STD_HEADER)
        .row([1, "Ban hành danh mục dữ liệu mở của xã", "Chủ tịch UBND xã", VP, null, "Quyết định", "30/6"])
        .row([2, "Tập huấn kỹ năng số cho cán bộ", "Phó Chủ tịch UBND xã", VHXH, null, "Báo cáo", "Tháng 9"])
        .row([3, "Đánh giá mức độ chuyển đổi số của xã", "Chủ tịch UBND xã", VHXH, null, "Báo cáo", "Quý IV"])
        .row([4, "Rà soát thủ tục hành chính trực tuyến", "Phó Chủ tịch UBND xã", PVHCC, null, "Báo cáo", "6 tháng đầu năm"])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [16, "1", "Ban hành danh mục dữ liệu mở của xã", VP, "date", "2026-06-30", "overdue"],
      [17, "2", "Tập huấn kỹ năng số cho cán bộ", VHXH, "month", "2026-09-30", "in_progress"],
      [18, "3", "Đánh giá mức độ chuyển đổi số của xã", VHXH, "quarter", "2026-12-31", "in_progress"],
      [19, "4", "Rà soát thủ tục hành chính trực tuyến", PVHCC, "half", "2026-06-30", "overdue"],
    ],
    issues: [],
  },
  {
    id: "groups-abc-numbered-headings",
    habit:
      "Groups lettered A, B, C; inside them a numbered heading '1. Công tác tuyên truyền' over its sub-tasks 1.1, 1.2 (the heading has no unit or deadline of its own).",
    grids: () => [
      title2026(new GridBuilder("PL II"), "PHỤ LỤC II")
        .header(STD_HEADER)
        .group("A", "NHIỆM VỤ TRỌNG TÂM")
        .row(["1.", "Công tác tuyên truyền"])
        .row(["1.1", "Tuyên truyền trên hệ thống truyền thanh", null, VHXH, null, "Tin bài", "Hằng tháng"])
        .row(["1.2", "Tuyên truyền trên cổng thông tin điện tử", null, VP, null, "Tin bài", "Quý II/2026"])
        .row(["2.", "Tổng kết công tác năm", "Chủ tịch UBND xã", VP, null, "Báo cáo", "Trước ngày 30/11/2026"])
        .group("B", "NHIỆM VỤ THƯỜNG XUYÊN")
        .row(["1.", "Quản lý trật tự xây dựng"])
        .row(["1.1", "Kiểm tra công trình xây dựng trên địa bàn", null, KT, CA, "Biên bản", "Hàng quý"])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [6, "1.1", "Tuyên truyền trên hệ thống truyền thanh", VHXH, "recurring", null, "recurring"],
      [7, "1.2", "Tuyên truyền trên cổng thông tin điện tử", VP, "quarter", "2026-06-30", "overdue"],
      [8, "2.", "Tổng kết công tác năm", VP, "date", "2026-11-30", "in_progress"],
      [11, "1.1", "Kiểm tra công trình xây dựng trên địa bàn", KT, "recurring", null, "recurring"],
    ],
    issues: [],
  },
  {
    id: "sub-items-merged",
    habit:
      "A numbered task split into a), b) sub-items that share one unit and one deadline typed once in merged cells; another task keeps its own unit beside its own sub-items (then all are tasks).",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(STD_HEADER)
        .row([
          1,
          "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia (10/10):",
          "Phó Chủ tịch UBND xã",
          VHXH,
          "Các đơn vị",
          null,
          "Tháng 10/2026",
        ])
        .row(["a)", "Hội thi tìm hiểu về chuyển đổi số", null, null, null, "Kế hoạch"])
        .row(["b)", "Triển lãm sản phẩm số của thôn", null, null, null, "Báo cáo"])
        .row([2, "Xây dựng thôn thông minh thí điểm", "Chủ tịch UBND xã", KT, null, "Đề án", "Quý IV/2026"])
        .row(["a)", "Khảo sát hạ tầng thôn", null, CA, null, "Báo cáo", "Tháng 8/2026"])
        .row(["b)", "Lắp đặt điểm phát wifi công cộng", null, KT, null, "Báo cáo", "Tháng 11/2026"])
        .merge(4, 3, 6, 3)
        .merge(4, 4, 6, 4)
        .merge(4, 5, 6, 5)
        .merge(4, 7, 6, 7)
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [5, "a)", "Hội thi tìm hiểu về chuyển đổi số", VHXH, "month", "2026-10-31", "in_progress"],
      [6, "b)", "Triển lãm sản phẩm số của thôn", VHXH, "month", "2026-10-31", "in_progress"],
      [7, "2", "Xây dựng thôn thông minh thí điểm", KT, "quarter", "2026-12-31", "in_progress"],
      [8, "a)", "Khảo sát hạ tầng thôn", CA, "month", "2026-08-31", "in_progress"],
      [9, "b)", "Lắp đặt điểm phát wifi công cộng", KT, "month", "2026-11-30", "in_progress"],
    ],
    issues: [],
  },
  {
    id: "unit-abbreviations-and-typos",
    habit:
      "Units typed short or by hand: 'P. VH-XH', 'VP HĐND-UBND', 'TT PVHCC', 'CA xã', capitals, old tone placement, a dropped diacritic, a typo, two units in one cell.",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(STD_HEADER)
        .row([1, "Việc một", null, "P. VH-XH", null, null, "30/11/2026"])
        .row([2, "Việc hai", null, "VP HĐND-UBND xã", null, null, "30/11/2026"])
        .row([3, "Việc ba", null, "TT PVHCC", null, null, "30/11/2026"])
        .row([4, "Việc bốn", null, "CA xã", null, null, "30/11/2026"])
        .row([5, "Việc năm", null, "CÔNG AN XÃ", null, null, "30/11/2026"])
        .row([6, "Việc sáu", null, "Phòng Văn hoá – Xã hội", null, null, "30/11/2026"])
        .row([7, "Việc bảy", null, "Phong Kinh te", null, null, "30/11/2026"])
        .row([8, "Việc tám", null, "Phòng Văn hóa - Xả hội", null, null, "30/11/2026"])
        .row([9, "Việc chín", null, "Phòng Kinh tế, Công an xã", null, null, "30/11/2026"])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [4, "1", "Việc một", VHXH, "date", "2026-11-30", "in_progress"],
      [5, "2", "Việc hai", VP, "date", "2026-11-30", "in_progress"],
      [6, "3", "Việc ba", PVHCC, "date", "2026-11-30", "in_progress"],
      [7, "4", "Việc bốn", CA, "date", "2026-11-30", "in_progress"],
      [8, "5", "Việc năm", CA, "date", "2026-11-30", "in_progress"],
      [9, "6", "Việc sáu", VHXH, "date", "2026-11-30", "in_progress"],
      [10, "7", "Việc bảy", null, "date", "2026-11-30", "in_progress"],
      [11, "8", "Việc tám", null, "date", "2026-11-30", "in_progress"],
      [12, "9", "Việc chín", KT, "date", "2026-11-30", "in_progress"],
    ],
    issues: [
      ["LEAD_UNKNOWN", "PL I", "D10"],
      ["LEAD_UNKNOWN", "PL I", "D11"],
      ["LEAD_MULTIPLE", "PL I", "D12"],
    ],
  },
  {
    id: "two-row-who-and-when",
    habit:
      "Headers on two rows: 'Cơ quan thực hiện' over 'Chủ trì | Phối hợp', 'Thời gian' over 'Bắt đầu | Hoàn thành'; tracking words typed freely ('Đang làm', 'Tạm dừng', 'Hoàn thành (chậm)', 'Đã xong').",
    grids: () => [
      new GridBuilder("PL III")
        .title("PHỤ LỤC III", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026")
        .row(["STT", "Nội dung", "Cơ quan thực hiện", null, "Thời gian", null, "Tình hình thực hiện", "Ngày hoàn thành"])
        .row([null, null, "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"])
        .row([1, "Rà soát quy trình nội bộ", VP, VHXH, "Tháng 1/2026", "Tháng 6/2026", "Đang làm", null])
        .row([2, "Niêm yết công khai thủ tục", PVHCC, null, "Tháng 2/2026", "Tháng 4/2026", "Tạm dừng", null])
        .row([3, "Khảo sát sự hài lòng", VHXH, null, "Tháng 3/2026", "Tháng 5/2026", "Hoàn thành (chậm)", "12/6/2026"])
        .row([4, "Cập nhật cơ sở dữ liệu hộ tịch", CA, null, "Tháng 1/2026", "Tháng 3/2026", "Đã xong", "28/3/2026"])
        .merge(3, 3, 3, 4)
        .merge(3, 5, 3, 6)
        .merge(3, 1, 4, 1)
        .merge(3, 2, 4, 2)
        .merge(3, 7, 4, 7)
        .merge(3, 8, 4, 8)
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [5, "1", "Rà soát quy trình nội bộ", VP, "month", "2026-06-30", "overdue"],
      [6, "2", "Niêm yết công khai thủ tục", PVHCC, "month", "2026-04-30", "overdue"],
      [7, "3", "Khảo sát sự hài lòng", VHXH, "month", "2026-05-31", "done_late"],
      [8, "4", "Cập nhật cơ sở dữ liệu hộ tịch", CA, "month", "2026-03-31", "done_on_time"],
    ],
    issues: [],
  },
  {
    id: "period-and-deadline",
    habit:
      "Both 'Thời gian thực hiện' (the months a task runs) and 'Thời hạn hoàn thành' (its deadline): a task that starts in March is not overdue in April.",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Thời hạn hoàn thành", "Tình trạng"])
        .row([1, "Điều tra cung cầu lao động", KT, "Tháng 3 - Tháng 5/2026", "31/5/2026", "Đang thực hiện"])
        .row([2, "Tổ chức Tết Trung thu cho thiếu nhi", VHXH, "Tháng 8 - 9/2026", "Tháng 9/2026", ""])
        .row([3, "Diễn tập phòng cháy chữa cháy", CA, "Quý II/2026", "30/6/2026", "Đã hoàn thành"])
        .build(),
    ],
    asOf: "2026-04-20",
    tasks: [
      [4, "1", "Điều tra cung cầu lao động", KT, "date", "2026-05-31", "in_progress"],
      [5, "2", "Tổ chức Tết Trung thu cho thiếu nhi", VHXH, "month", "2026-09-30", "in_progress"],
      [6, "3", "Diễn tập phòng cháy chữa cháy", CA, "date", "2026-06-30", "done_on_time"],
    ],
    issues: [],
  },
  {
    id: "plan-and-actual-dates",
    habit:
      "'Thời gian hoàn thành' merged over 'Kế hoạch | Thực tế': the planned deadline and the day it was really done, side by side, and no status column (a day in 'Thực tế' means done).",
    grids: () => [
      new GridBuilder("PL I")
        .title("PHỤ LỤC I", "THEO DÕI TIẾN ĐỘ NĂM 2026")
        .row(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", null, "Ghi chú"])
        .row([null, null, null, "Kế hoạch", "Thực tế", null])
        .row([1, "Ban hành quy chế làm việc", VP, "31/1/2026", "25/1/2026", null])
        .row([2, "Kiện toàn tổ công nghệ số cộng đồng", VHXH, "Quý I/2026", "15/4/2026", "Chậm do nhân sự"])
        .row([3, "Xây dựng kế hoạch năm 2027", VP, "Tháng 12/2026", null, null])
        .merge(3, 4, 3, 5)
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [5, "1", "Ban hành quy chế làm việc", VP, "date", "2026-01-31", "done_on_time"],
      [6, "2", "Kiện toàn tổ công nghệ số cộng đồng", VHXH, "quarter", "2026-03-31", "done_late"],
      [7, "3", "Xây dựng kế hoạch năm 2027", VP, "month", "2026-12-31", "in_progress"],
    ],
    issues: [],
  },
  {
    id: "two-tables-one-sheet",
    habit: "Appendix I and appendix II pasted one under the other in one sheet, each with its own header and its own numbering from 1.",
    grids: () => [
      new GridBuilder("Phụ lục")
        .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
        .header(STD_HEADER)
        .row([1, "Xây dựng kế hoạch chuyển đổi số", "Chủ tịch UBND xã", VP, null, "Kế hoạch", "31/3/2026"])
        .row([2, "Triển khai sổ tay điện tử đảng viên", "Bí thư Đảng ủy", VHXH, null, "Báo cáo", "30/9/2026"])
        .blank(2)
        .row(["PHỤ LỤC II"])
        .row(["NHIỆM VỤ THỰC HIỆN THƯỜNG XUYÊN"])
        .row(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"])
        .row([1, "Cập nhật dữ liệu dân cư", CA, "Thường xuyên", "Đang thực hiện"])
        .row([2, "Báo cáo tình hình kinh tế - xã hội", VP, "Hằng tháng", ""])
        .row([3, "Tiếp nhận phản ánh kiến nghị", PVHCC, "Khi có yêu cầu", ""])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [4, "1", "Xây dựng kế hoạch chuyển đổi số", VP, "date", "2026-03-31", "overdue"],
      [5, "2", "Triển khai sổ tay điện tử đảng viên", VHXH, "date", "2026-09-30", "in_progress"],
      [11, "1", "Cập nhật dữ liệu dân cư", CA, "recurring", null, "recurring"],
      [12, "2", "Báo cáo tình hình kinh tế - xã hội", VP, "recurring", null, "recurring"],
      [13, "3", "Tiếp nhận phản ánh kiến nghị", PVHCC, "on_request", null, "recurring"],
    ],
    issues: [],
  },
  {
    id: "numbered-in-advance",
    habit: "Rows numbered in advance for tasks to come, left empty (a number in STT and nothing else).",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(TRACKING_HEADER)
        .task({
          stt: 1,
          content: "Tổ chức hội nghị sơ kết 6 tháng",
          lead: VP,
          deadline: "Tháng 7/2026",
          status: "Đã hoàn thành",
          doneDate: "10/7/2026",
        })
        .task({ stt: 2, content: "Kiểm tra công tác văn thư lưu trữ", lead: VP, deadline: "Quý IV/2026" })
        .task({ stt: 3 })
        .task({ stt: 4 })
        .task({ stt: 5 })
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [4, "1", "Tổ chức hội nghị sơ kết 6 tháng", VP, "month", "2026-07-31", "done_on_time"],
      [5, "2", "Kiểm tra công tác văn thư lưu trữ", VP, "quarter", "2026-12-31", "in_progress"],
    ],
    issues: [
      ["ROW_EMPTY", "PL I", "A6"],
      ["ROW_EMPTY", "PL I", "A7"],
      ["ROW_EMPTY", "PL I", "A8"],
    ],
  },
  {
    id: "hidden-old-copy",
    habit: "Last year's appendix kept as a hidden copy next to the live one ('PL I (2)'): not read, not counted, listed once.",
    grids: () => [
      title2026(new GridBuilder("PL I")).header(STD_HEADER).row([1, "Nhiệm vụ năm nay", null, VHXH, null, null, "30/11/2026"]).build(),
      title2026(new GridBuilder("PL I (2)"))
        .header(STD_HEADER)
        .row([1, "Nhiệm vụ của năm trước", null, "Các đơn vị", null, null, "30/11/2025"])
        .hidden("hidden")
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [[4, "1", "Nhiệm vụ năm nay", VHXH, "date", "2026-11-30", "in_progress"]],
    issues: [],
    skipped: ["PL I (2)"],
  },
  {
    id: "legacy-cells-pasted",
    habit: "A Unicode plan where one unit's rows were pasted from an old TCVN3 (.VnTime) file: a few cells in the old encoding.",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(STD_HEADER)
        .row([1, "Tổ chức lễ hội truyền thống", null, VHXH, null, null, "Quý I/2026"])
        .row([2, "Tuyªn truyÒn an toµn giao th«ng", null, "C«ng an x·", null, null, "Th¸ng 9/2026"])
        .row([3, "Tuần tra vũ trang", null, "C«ng an x·", null, null, "Th­êng xuyªn"])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [4, "1", "Tổ chức lễ hội truyền thống", VHXH, "quarter", "2026-03-31", "overdue"],
      [5, "2", "Tuyên truyền an toàn giao thông", CA, "month", "2026-09-30", "in_progress"],
      [6, "3", "Tuần tra vũ trang", CA, "recurring", null, "recurring"],
    ],
    issues: [
      ["TEXT_LEGACY_ENCODING", "PL I", "B5"],
      ["TEXT_LEGACY_ENCODING", "PL I", "D5"],
      ["TEXT_LEGACY_ENCODING", "PL I", "G5"],
      ["TEXT_LEGACY_ENCODING", "PL I", "D6"],
      ["TEXT_LEGACY_ENCODING", "PL I", "G6"],
    ],
  },
  {
    id: "deadline-wording",
    habit:
      "Deadlines as staff write them: 'Trước ngày 30/6/2026', 'T6/2026', 'Quý I, II/2026', 'Tháng 3, 6, 9/2026', 'Năm 2026', 'Giai đoạn 2026 - 2030', 'Khi có yêu cầu', 'Theo chỉ đạo', 'Hằng năm'.",
    grids: () => [
      title2026(new GridBuilder("PL I"))
        .header(STD_HEADER)
        .row([1, "Việc 1", null, VHXH, null, null, "Trước ngày 30/6/2026"])
        .row([2, "Việc 2", null, VHXH, null, null, "T6/2026"])
        .row([3, "Việc 3", null, VHXH, null, null, "Quý I, II/2026"])
        .row([4, "Việc 4", null, VHXH, null, null, "Tháng 3, 6, 9/2026"])
        .row([5, "Việc 5", null, VHXH, null, null, "Năm 2026"])
        .row([6, "Việc 6", null, VHXH, null, null, "Giai đoạn 2026 - 2030"])
        .row([7, "Việc 7", null, VHXH, null, null, "Khi có yêu cầu"])
        .row([8, "Việc 8", null, VHXH, null, null, "Theo chỉ đạo của UBND xã"])
        .row([9, "Việc 9", null, VHXH, null, null, "Hằng năm"])
        .build(),
    ],
    asOf: "2026-07-15",
    tasks: [
      [4, "1", "Việc 1", VHXH, "date", "2026-06-30", "overdue"],
      [5, "2", "Việc 2", VHXH, "month", "2026-06-30", "overdue"],
      [6, "3", "Việc 3", VHXH, "quarter", "2026-06-30", "overdue"],
      [7, "4", "Việc 4", VHXH, "month", "2026-09-30", "in_progress"],
      [8, "5", "Việc 5", VHXH, "year", "2026-12-31", "in_progress"],
      [9, "6", "Việc 6", VHXH, "range", "2030-12-31", "in_progress"],
      [10, "7", "Việc 7", VHXH, "on_request", null, "recurring"],
      [11, "8", "Việc 8", VHXH, "on_request", null, "recurring"],
      [12, "9", "Việc 9", VHXH, "recurring", null, "recurring"],
    ],
    issues: [],
  },
  {
    id: "indicators-two-row-relative",
    habit:
      "An indicator table with 'Kết quả thực hiện' merged over 'Số lượng đạt | Tổng số | Tỷ lệ đạt', last year's results beside this year's ('Thực hiện năm 2025'), targets relative to them ('Tăng 10%').",
    grids: () => [
      new GridBuilder("Chỉ tiêu")
        .title("CHỈ TIÊU KẾ HOẠCH NĂM 2026")
        .row(["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Kết quả thực hiện", null, null])
        .row([null, null, null, null, null, "Số lượng đạt", "Tổng số", "Tỷ lệ đạt"])
        .row([1, "Hồ sơ giải quyết trực tuyến toàn trình", "%", "70%", "Tối thiểu 80%", 170, 200, null])
        .row([2, "Số lượt truy cập cổng thông tin điện tử xã", "lượt", 20000, "Tăng 10%", null, null, 23000])
        .row([3, "Số vụ vi phạm trật tự xây dựng", "vụ", 12, "Giảm 20% so với năm 2025", null, null, 10])
        .row([4, "Mô hình kinh tế số ở thôn", "mô hình", null, "Tăng 2 mô hình so với năm 2025", null, null, 3])
        .merge(2, 6, 2, 8)
        .merge(2, 1, 3, 1)
        .merge(2, 2, 3, 2)
        .merge(2, 3, 3, 3)
        .merge(2, 4, 3, 4)
        .merge(2, 5, 3, 5)
        .build(),
    ],
    asOf: "2026-11-24",
    tasks: [],
    indicators: [
      [4, "Hồ sơ giải quyết trực tuyến toàn trình", 0.8, ">=", 0.85, true],
      [5, "Số lượt truy cập cổng thông tin điện tử xã", 22000, ">=", 23000, true],
      [6, "Số vụ vi phạm trật tự xây dựng", 9.6, "<=", 10, false],
      [7, "Mô hình kinh tế số ở thôn", null, ">=", 3, null],
    ],
    issues: [["INDICATOR_TARGET_RELATIVE", "Chỉ tiêu", "E7"]],
  },
];
