/** User-facing text of the summary sheets and of `phuluc summarize` (Vietnamese, administrative style). */
import { CATEGORY_LABELS, CHANGE_KIND_LABELS } from "./labels";
import type { StatusCategory } from "../core/report-schema";

export const summaryText = {
  nationalName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  nationalMotto: "Độc lập - Tự do - Hạnh phúc",
  /** "An Hòa, ngày 24 tháng 11 năm 2026" */
  dateLine: (place: string, day: string, month: string, year: number) =>
    `${place ? `${place}, ` : ""}ngày ${day} tháng ${month} năm ${year}`,
  asOfLine: (ddmmyyyy: string) => `(Số liệu tính đến ngày ${ddmmyyyy})`,
  planFallback: "Kế hoạch thực hiện nhiệm vụ",

  titleMain: "BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
  titleDeadlines: "DANH SÁCH NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN",
  titleIndicators: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",

  sectionUnits: "I. TỔNG HỢP THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ",
  sectionAppendices: "II. TỔNG HỢP THEO PHỤ LỤC",
  sectionGroups: "III. TỔNG HỢP THEO NHÓM NHIỆM VỤ",
  sectionOverdue: (n: number) => `I. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH (${n} nhiệm vụ)`,
  sectionDueSoon: (days: number, n: number) => `II. NHIỆM VỤ ĐẾN HẠN TRONG ${days} NGÀY TỚI, CHƯA HOÀN THÀNH (${n} nhiệm vụ)`,

  colNo: "TT",
  colUnit: "Cơ quan, đơn vị chủ trì",
  colAppendix: "Phụ lục",
  colGroup: "Nhóm nhiệm vụ",
  colTotal: "Tổng số nhiệm vụ",
  colCompletionRate: "Tỷ lệ hoàn thành",
  colOnTimeRate: "Tỷ lệ đúng hạn",
  categories: CATEGORY_LABELS.vi satisfies Record<StatusCategory, string>,
  totalRow: "Tổng cộng",
  noGroup: "(Không thuộc nhóm)",

  colSheet: "Phụ lục",
  colStt: "STT",
  colContent: "Nội dung công việc",
  colLead: "Cơ quan chủ trì",
  colDeadline: "Thời hạn",
  colDue: "Hạn cuối",
  colDays: "Số ngày quá hạn / còn lại",
  colStatus: "Tình trạng",
  daysOverdue: (n: number) => `Quá ${n} ngày`,
  daysLeft: (n: number) => (n === 0 ? "Hết hạn hôm nay" : `Còn ${n} ngày`),
  noneOverdue: "Không có nhiệm vụ quá hạn.",
  noneDueSoon: "Không có nhiệm vụ đến hạn trong thời gian này.",
  statusEmpty: "(chưa cập nhật)",

  colIndicator: "Chỉ tiêu",
  colMeasure: "Đơn vị tính",
  colTarget: "Kế hoạch",
  colActual: "Thực hiện",
  colAchievement: "Tỷ lệ đạt",
  colVerdict: "Đánh giá",
  met: "Đạt",
  notMet: "Không đạt",
  unknownVerdict: "Chưa đủ số liệu",
  /** A plan without an indicator table: this line in the main sheet, no empty sheet of its own. */
  noIndicators: "Kế hoạch không có bảng chỉ tiêu (không tìm thấy trang chỉ tiêu trong tệp Excel).",
  atMost: "Tối đa",
  atLeast: "Tối thiểu",

  legendTitle: "Chú thích:",
  legendOverdueCount: "Đơn vị có nhiệm vụ quá hạn chưa hoàn thành",
  legendOnTimeCount: "Đơn vị có nhiệm vụ hoàn thành đúng hạn",
  legendBar: "Thanh màu trong cột tỷ lệ hoàn thành: tỷ lệ càng cao, thanh càng dài",
  legendOverdue: "Nhiệm vụ quá hạn chưa hoàn thành",
  legendDueSoon: (days: number) => `Nhiệm vụ đến hạn trong ${days} ngày tới`,
  legendMet: "Chỉ tiêu đạt",
  legendNotMet: "Chỉ tiêu không đạt",

  // "… - Thay đổi" (the suffix: SUMMARY_SHEET_SUFFIXES in core): what changed since an earlier summary.
  titleChanges: (since: string) => `NHỮNG THAY ĐỔI TỪ NGÀY ${since}`,
  sinceSnapshot: (date: string) => `So sánh với số liệu của bản tổng hợp ngày ${date}.`,
  sinceFile: (label: string, date: string) => `So sánh với tệp ${label} (số liệu tính đến ngày ${date}).`,
  sectionChangeUnits: "I. SỐ NHIỆM VỤ CÓ THAY ĐỔI THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ",
  sectionChangeList: "II. DANH SÁCH NHIỆM VỤ CÓ THAY ĐỔI",
  sectionChangeIndicators: "III. CHỈ TIÊU CÓ THAY ĐỔI",
  changeKinds: CHANGE_KIND_LABELS.vi,
  changeKindHeading: (no: number, kind: string, n: number) => `${no}. ${kind} (${n} nhiệm vụ)`,
  colBefore: "Trước",
  colAfter: "Hiện nay",
  noDeadline: "(không có hạn cụ thể)",
  removedAfter: "(không còn trong bảng)",
  noChanges: "Không có nhiệm vụ nào thay đổi.",
  noIndicatorChanges: "Không có chỉ tiêu nào thay đổi.",
  legendNewlyDone: "Nhiệm vụ mới hoàn thành",
  legendNewlyOverdue: "Nhiệm vụ mới quá hạn",
  legendDeadlineMoved: "Nhiệm vụ được gia hạn, đổi thời hạn",

  /** Page footer (Excel codes: &P page, &N pages). */
  pageFooter: "Trang &P/&N",
  chartUnits: "Tình hình thực hiện nhiệm vụ theo đơn vị chủ trì",
};

/** Messages of `phuluc summarize`. */
export const summarizeCliText = {
  missingFile: "Thiếu tệp đầu vào.",
  missingOut: "Thiếu tệp kết quả: hãy ghi -o TỆP_KẾT_QUẢ.xlsx.",
  notAFile: (f: string) => `Không phải một tệp: ${f}`,
  sameFile: (f: string) => `Tệp kết quả trùng với tệp đầu vào (${f}): hãy chọn tên khác để không ghi đè tệp gốc.`,
  outDirMissing: (d: string) => `Thư mục của tệp kết quả không tồn tại: ${d}`,
  writeFailed: (f: string, why: string) => `Không ghi được tệp ${f}: ${why}`,
  summarizeFailed: (why: string) => `Không tạo được bảng tổng hợp: ${why}`,
  done: (out: string, sheets: string[]) => `Đã ghi bảng tổng hợp vào ${out} (trang: ${sheets.join(", ")}).\n`,
  replaced: (names: string[]) => `Đã thay bảng tổng hợp cũ: ${names.join(", ")}.\n`,
};
