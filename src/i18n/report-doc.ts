/**
 * The words of the report document (Báo cáo). Vietnamese only: it is a Vietnamese state document in the
 * form of Nghị định 30/2020/NĐ-CP, whatever language the pane shows. Numbers and dates arrive already
 * written the Vietnamese way (src/i18n/format.ts, src/core/dates.ts).
 */

export const reportDocText = {
  title: "BÁO CÁO",
  nationalName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  /** "Số: 125/BC-UBND"; a blank for the clerk when the number is not known yet. */
  number: (n: string) => `Số: ${n}/BC-UBND`,
  numberBlank: "Số:        /BC-UBND",
  /** The committee's name in capitals, over the commune ("ỦY BAN NHÂN DÂN" / "XÃ AN HÒA"). */
  committeeCaps: "ỦY BAN NHÂN DÂN",
  /** A vice-chair's signature: "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH". */
  onBehalfOfChair: "KT. CHỦ TỊCH",
  viceChair: "PHÓ CHỦ TỊCH",
  subject: (plan: string) => `Kết quả thực hiện ${plan}`,
  recipientsTitle: "Nơi nhận:",
  recipient: (r: string) => `- ${r};`,
  archive: (who: string) => `- Lưu: ${who}.`,
  signerPlaceholder: "[Họ và tên người ký]",
  fileName: (asOf: string) => `bao-cao-${asOf}.docx`,

  opening: (plan: string, agency: string, asOf: string) =>
    `Thực hiện ${plan}, ${agency} báo cáo kết quả thực hiện (số liệu tính đến ngày ${asOf}) như sau:`,
  closing: (plan: string, agency: string) => `Trên đây là báo cáo kết quả thực hiện ${plan} của ${agency}./.`,

  // I
  sectionResults: "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
  overall: "1. Kết quả chung",
  noTasks: "Các phụ lục của kế hoạch chưa ghi nhiệm vụ nào.",
  totals: (total: string, recurring: string, rated: string) =>
    recurring === "0"
      ? `Kế hoạch có tổng số ${total} nhiệm vụ. Tính đến ngày báo cáo:`
      : `Kế hoạch có tổng số ${total} nhiệm vụ, trong đó ${recurring} nhiệm vụ thường xuyên, định kỳ (không tính tỷ lệ) và ${rated} nhiệm vụ được tính tỷ lệ. Tính đến ngày báo cáo:`,
  doneLine: (done: string, rate: string, onTime: string, onTimeRate: string, late: string) =>
    `- Đã hoàn thành ${done} nhiệm vụ, đạt tỷ lệ ${rate}; trong đó hoàn thành đúng hạn ${onTime} nhiệm vụ (tỷ lệ ${onTimeRate}), hoàn thành quá hạn ${late} nhiệm vụ.`,
  noneDone: "- Chưa có nhiệm vụ nào hoàn thành.",
  inProgressLine: (n: string) => `- Đang thực hiện, còn trong hạn: ${n} nhiệm vụ.`,
  overdueLine: (n: string) => `- Quá hạn nhưng chưa hoàn thành: ${n} nhiệm vụ.`,
  undeterminedLine: (n: string) => `- Chưa xác định được thời hạn (thời hạn để trống hoặc ghi chưa đúng): ${n} nhiệm vụ.`,
  recurringLine: (n: string) => `- Nhiệm vụ thường xuyên, định kỳ: ${n} nhiệm vụ.`,
  byAppendix: "Kết quả theo từng phụ lục:",
  appendixLine: (name: string, total: string, done: string, onTime: string, late: string, rate: string, overdue: string) =>
    `- ${name}: ${total} nhiệm vụ; đã hoàn thành ${done} (đúng hạn ${onTime}, quá hạn ${late}), tỷ lệ hoàn thành ${rate}; quá hạn chưa hoàn thành ${overdue}.`,
  appendixRecurringLine: (name: string, total: string) =>
    `- ${name}: ${total} nhiệm vụ, đều là nhiệm vụ thường xuyên, định kỳ (không tính tỷ lệ).`,
  byUnit: "2. Kết quả theo cơ quan, đơn vị chủ trì",
  byUnitIntro: "Kết quả thực hiện nhiệm vụ của từng cơ quan, đơn vị chủ trì như sau:",
  unitHead: {
    no: "TT",
    unit: "Cơ quan, đơn vị chủ trì",
    total: "Tổng số",
    done: "Đã hoàn thành",
    notDone: "Chưa hoàn thành",
    rates: "Tỷ lệ",
    onTime: "Đúng hạn",
    late: "Quá hạn",
    inTime: "Trong hạn",
    overdue: "Quá hạn",
    noDeadline: "Chưa có hạn",
    recurring: "Định kỳ",
    completion: "Hoàn thành",
  },
  totalRow: "Tổng cộng",
  unitNote:
    "Ghi chú: Định kỳ là nhiệm vụ thường xuyên, định kỳ (không tính tỷ lệ); Chưa có hạn là nhiệm vụ chưa xác định được thời hạn. Tỷ lệ tính trên số nhiệm vụ không kể nhiệm vụ định kỳ.",
  indicators: "3. Kết quả thực hiện các chỉ tiêu",
  noIndicators: "Kế hoạch không có bảng chỉ tiêu.",
  indicatorsSummary: (n: string, met: string, notMet: string, unknown: string) =>
    `Kế hoạch có ${n} chỉ tiêu: ${met} chỉ tiêu đạt, ${notMet} chỉ tiêu không đạt` +
    (unknown === "0" ? "." : `, ${unknown} chỉ tiêu chưa đủ số liệu để đánh giá.`),
  indicatorHead: {
    no: "TT",
    name: "Chỉ tiêu",
    measure: "Đơn vị tính",
    target: "Kế hoạch",
    actual: "Thực hiện",
    rate: "Tỷ lệ đạt",
    verdict: "Đánh giá",
  },
  met: "Đạt",
  notMet: "Không đạt",
  unknownVerdict: "Chưa đủ số liệu",
  atMost: "Tối đa",

  // II
  sectionProblems: "II. NHIỆM VỤ QUÁ HẠN, HOÀN THÀNH QUÁ HẠN; TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
  overdueTitle: "1. Nhiệm vụ quá hạn chưa hoàn thành",
  overdueIntro: (n: string, units: string) => `Có ${n} nhiệm vụ quá hạn chưa hoàn thành, thuộc ${units} cơ quan, đơn vị chủ trì:`,
  noOverdue: "Không có nhiệm vụ quá hạn chưa hoàn thành.",
  lateTitle: "2. Nhiệm vụ hoàn thành quá hạn",
  lateIntro: (n: string, units: string) => `Có ${n} nhiệm vụ hoàn thành sau thời hạn, thuộc ${units} cơ quan, đơn vị chủ trì:`,
  noLate: "Không có nhiệm vụ hoàn thành quá hạn.",
  taskHead: {
    no: "TT",
    content: "Nội dung nhiệm vụ",
    appendix: "Phụ lục",
    deadline: "Thời hạn",
    daysOverdue: "Số ngày quá hạn",
    doneDate: "Ngày hoàn thành",
  },
  unitGroup: (unit: string, n: string) => `${unit} (${n} nhiệm vụ)`,
  moreNotListed: (shown: string, rest: string) =>
    `Bảng trên liệt kê ${shown} nhiệm vụ; còn ${rest} nhiệm vụ khác không liệt kê trong báo cáo này.`,
  undeterminedNote: (n: string) => `Ngoài ra, ${n} nhiệm vụ chưa xác định được thời hạn nên chưa đánh giá được tiến độ.`,
  causesTitle: "3. Tồn tại, hạn chế và nguyên nhân",
  causesPlaceholder:
    "[Cơ quan soạn thảo viết: những tồn tại, hạn chế và nguyên nhân (chủ quan, khách quan) của các nhiệm vụ quá hạn, chậm tiến độ nêu trên.]",

  // III
  sectionChanges: "III. TÌNH HÌNH THAY ĐỔI SO VỚI KỲ BÁO CÁO TRƯỚC",
  noEarlier: "Chưa có số liệu của kỳ báo cáo trước để so sánh.",
  changesIntro: (date: string, label: string | null) => `So với kỳ báo cáo trước (số liệu ngày ${date}${label ? `, ${label}` : ""}):`,
  noChanges: "Không có thay đổi về tiến độ thực hiện nhiệm vụ và kết quả các chỉ tiêu.",
  newlyDone: (n: string, onTime: string, late: string) =>
    `- Có thêm ${n} nhiệm vụ hoàn thành, trong đó ${onTime} nhiệm vụ đúng hạn, ${late} nhiệm vụ quá hạn.`,
  newlyOverdue: (n: string) => `- ${n} nhiệm vụ chuyển sang quá hạn chưa hoàn thành.`,
  deadlineMoved: (n: string) => `- ${n} nhiệm vụ được điều chỉnh thời hạn.`,
  leadChanged: (n: string) => `- ${n} nhiệm vụ thay đổi cơ quan chủ trì.`,
  added: (n: string) => `- ${n} nhiệm vụ được bổ sung vào kế hoạch.`,
  removed: (n: string) => `- ${n} nhiệm vụ không còn trong kế hoạch.`,
  changeHead: { no: "TT", content: "Nội dung nhiệm vụ", lead: "Cơ quan chủ trì", change: "Thay đổi" },
  changeKind: {
    done_on_time: () => "Hoàn thành đúng hạn",
    done_late: () => "Hoàn thành quá hạn",
    overdue: () => "Chuyển sang quá hạn",
    deadline_moved: (before: string, after: string) => `Thời hạn: ${before} → ${after}`,
    lead_changed: (before: string, after: string) => `Chủ trì: ${before} → ${after}`,
    added: () => "Bổ sung vào kế hoạch",
    removed: () => "Không còn trong kế hoạch",
  },
  indicatorChangesIntro: "Các chỉ tiêu có thay đổi:",
  indicatorChange: (name: string, before: string, after: string, verdict: string | null) =>
    `- Chỉ tiêu «${name}»: kết quả thực hiện từ ${before} thành ${after}${verdict ? ` (${verdict})` : ""}.`,
  verdictMoved: (before: string, after: string) => `từ ${before} chuyển thành ${after}`,
  none: "chưa có",

  // IV
  sectionNext: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
  upcomingTitle: "1. Nhiệm vụ đến hạn trong thời gian tới",
  upcomingIntro: (from: string, to: string, n: string) => `Từ ngày ${from} đến ngày ${to}, có ${n} nhiệm vụ đến hạn hoàn thành:`,
  noUpcoming: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}, không có nhiệm vụ nào đến hạn hoàn thành.`,
  recurringGoOn: (n: string) => `Các cơ quan, đơn vị tiếp tục thực hiện ${n} nhiệm vụ thường xuyên, định kỳ theo kế hoạch.`,
  upcomingHead: { no: "TT", content: "Nội dung nhiệm vụ", lead: "Cơ quan chủ trì", deadline: "Thời hạn" },
  solutionsTitle: "2. Nhiệm vụ, giải pháp trọng tâm",
  solutionsPlaceholder: "[Cơ quan soạn thảo viết: nhiệm vụ, giải pháp trọng tâm để hoàn thành kế hoạch trong thời gian tới.]",

  // V
  sectionProposals: "V. KIẾN NGHỊ, ĐỀ XUẤT",
  proposalsPlaceholder: "[Cơ quan soạn thảo viết: kiến nghị, đề xuất với cấp trên (nếu có).]",

  unassigned: "(Chưa xác định đơn vị)",
};

export { reportDocDefaults } from "./report-defaults";
