/**
 * Two versions of one plan, a meeting apart (built in code): between them a task was finished on time,
 * one late, one became overdue, a deadline was moved (gia hạn), a lead changed, a task was added at the
 * top (every row below moved down), one was deleted, one had a typo fixed, and an indicator reached its
 * target. The tests of the comparison, the CLI, the summary sheet and the pane share it.
 */
import type { Grid } from "../../src/core/grid";
import { GridBuilder } from "./grid-builder";

export const BEFORE_AS_OF = "2026-06-30";
export const AFTER_AS_OF = "2026-10-15";

const INDICATOR_HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Số đạt", "Tổng số", "Thực hiện", "Ghi chú"];

export const TEXTS = {
  overdueSoon: "Lắp đặt mạng wifi miễn phí phục vụ người dân tại Trung tâm Phục vụ hành chính công",
  doneOnTime: "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
  doneLate: "Tổ chức hội nghị tuyên truyền về chuyển đổi số cho hộ kinh doanh",
  moved: "Xây dựng cơ sở dữ liệu đất đai của xã",
  leadChanged: "Rà soát, cập nhật dữ liệu dân cư phục vụ dịch vụ công trực tuyến",
  removed: "Khảo sát nhu cầu đào tạo kỹ năng số của cán bộ",
  typoBefore: "Bồi dưỡng kỹ năng số cơ bản cho cán bộ, công chưc",
  typoAfter: "Bồi dưỡng kỹ năng số cơ bản cho cán bộ, công chức",
  added: "Triển khai thanh toán không dùng tiền mặt tại chợ xã",
  unchanged: "Báo cáo kết quả thực hiện kế hoạch năm 2026",
};

function indicators(actual: string): Grid {
  const b = new GridBuilder("Chỉ tiêu").title("CHỈ TIÊU NĂM 2026").header(INDICATOR_HEADER);
  b.row([1, "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "%", "Tối thiểu 80%", null, null, actual]);
  b.row([2, "Sáng kiến cấp cơ sở được công nhận", "sáng kiến", "Tối thiểu 15", null, null, 17]);
  return b.build();
}

/** The plan as it was at the meeting of 30/06/2026. */
export function planBefore(): Grid[] {
  const pl = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .header()
    .group("I", "Hạ tầng số")
    .task({ stt: 1, content: TEXTS.overdueSoon, lead: "Phòng Kinh tế", deadline: "31/08/2026", status: "Đang thực hiện" })
    .task({
      stt: 2,
      content: TEXTS.doneOnTime,
      lead: "Trung tâm Phục vụ hành chính công",
      deadline: "30/09/2026",
      status: "Đang thực hiện",
    })
    .task({ stt: 3, content: TEXTS.doneLate, lead: "Phòng Văn hóa - Xã hội", deadline: "31/07/2026", status: "Chưa thực hiện" })
    .task({ stt: 4, content: TEXTS.moved, lead: "Phòng Kinh tế", deadline: "Tháng 9/2026", status: "Đang thực hiện" })
    .group("II", "Dữ liệu và nhân lực số")
    .task({ stt: 1, content: TEXTS.leadChanged, lead: "Phòng Kinh tế", deadline: "31/12/2026", status: "Đang thực hiện" })
    .task({ stt: 2, content: TEXTS.removed, lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "" })
    .task({ stt: 3, content: TEXTS.typoBefore, lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "Đang thực hiện" })
    .task({ stt: 4, content: TEXTS.unchanged, lead: "Văn phòng HĐND và UBND xã", deadline: "30/11/2026", status: "" });
  return [pl.build(), indicators("78%")];
}

/** The same plan at the meeting of 15/10/2026. */
export function planAfter(): Grid[] {
  const pl = new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .header()
    .group("I", "Hạ tầng số")
    .task({ stt: 1, content: TEXTS.added, lead: "Phòng Kinh tế", deadline: "31/12/2026", status: "" })
    .task({ stt: 2, content: TEXTS.overdueSoon, lead: "Phòng Kinh tế", deadline: "31/08/2026", status: "Đang thực hiện" })
    .task({
      stt: 3,
      content: TEXTS.doneOnTime,
      lead: "Trung tâm Phục vụ hành chính công",
      deadline: "30/09/2026",
      status: "Đã hoàn thành",
      doneDate: "25/09/2026",
    })
    .task({
      stt: 4,
      content: TEXTS.doneLate,
      lead: "Phòng Văn hóa - Xã hội",
      deadline: "31/07/2026",
      status: "Hoàn thành",
      doneDate: "20/08/2026",
    })
    .task({ stt: 5, content: TEXTS.moved, lead: "Phòng Kinh tế", deadline: "Tháng 12/2026", status: "Đang thực hiện" })
    .group("II", "Dữ liệu và nhân lực số")
    .task({ stt: 1, content: TEXTS.leadChanged, lead: "Công an xã", deadline: "31/12/2026", status: "Đang thực hiện" })
    .task({ stt: 2, content: TEXTS.typoAfter, lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "Đang thực hiện" })
    .task({ stt: 3, content: TEXTS.unchanged, lead: "Văn phòng HĐND và UBND xã", deadline: "30/11/2026", status: "" });
  return [pl.build(), indicators("85%")];
}
