/**
 * The words of the city's documents made by `phuluc consolidate`: its workbook (the communes' ranking, the
 * indicators across communes, the files and their problems) and its report (Báo cáo, Nghị định
 * 30/2020/NĐ-CP). Vietnamese only: these are a Vietnamese state body's documents. Numbers and dates arrive
 * written the Vietnamese way. The wording rules: src/i18n/README.md.
 */
import type { RateBand } from "../core/consolidate/roll-up";
import type { CommuneKind } from "../core/document/identity";
import { CATEGORY_LABELS } from "./labels";

/** A level of the body that consolidates: a city or a province ("thành phố Hải Phòng", "tỉnh Nghệ An"). */
export type CityLevel = "thanh_pho" | "tinh" | null;

const LEVEL_WORDS: Record<Exclude<CityLevel, null>, string> = { thanh_pho: "thành phố", tinh: "tỉnh" };
const levelWord = (level: CityLevel) => (level ? LEVEL_WORDS[level] : "tỉnh, thành phố");

const KIND_TITLES: Record<CommuneKind, string> = { xa: "Xã", phuong: "Phường", dac_khu: "Đặc khu" };

export const cityText = {
  sheetCommunes: "Tổng hợp xã",
  sheetIndicators: "Chỉ tiêu các xã",
  sheetIndicatorDetail: "Chỉ tiêu từng xã",
  sheetFiles: "Tệp và vấn đề",

  titleCommunes: "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU",
  titleIndicators: "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU",
  titleFiles: "DANH SÁCH TỆP ĐÃ NHẬN VÀ CÁC VẤN ĐỀ",
  /** Under the title when no plan of the city is named. */
  fromCommunes: (n: string) => `Tổng hợp từ kế hoạch của ${n} xã, phường, đặc khu`,
  /** Left of the title block when no issuing body is set. */
  issuerPlaceholder: ["ỦY BAN NHÂN DÂN", "TỈNH, THÀNH PHỐ …"],
  issuerProsePlaceholder: "Ủy ban nhân dân tỉnh, thành phố …",

  /** "Xã An Hòa", "Phường Lê Chân". */
  commune: (kind: CommuneKind, name: string) => `${KIND_TITLES[kind]} ${name}`,

  sectionOverall: "I. KẾT QUẢ CHUNG",
  overallCommunes: (n: string, xa: string, phuong: string, dacKhu: string) =>
    `Số xã, phường, đặc khu đã tổng hợp: ${n} (${xa} xã, ${phuong} phường, ${dacKhu} đặc khu).`,
  overallTasks: (tasks: string, rate: string, onTime: string, overdue: string) =>
    `Tổng số nhiệm vụ: ${tasks}; tỷ lệ hoàn thành ${rate}, tỷ lệ hoàn thành đúng hạn ${onTime}; quá hạn chưa hoàn thành: ${overdue} nhiệm vụ.`,
  overallFiles: (files: string, skipped: string) =>
    skipped === "0"
      ? `Đã nhận ${files} tệp, mọi tệp đều tổng hợp được.`
      : `Đã nhận ${files} tệp, ${skipped} tệp không tổng hợp được (xem trang «Tệp và vấn đề»).`,
  bandsHead: ["Tỷ lệ hoàn thành", "Số xã, phường, đặc khu"],
  bands: {
    from_90: "Từ 90% trở lên",
    from_70: "Từ 70% đến dưới 90%",
    from_50: "Từ 50% đến dưới 70%",
    below_50: "Dưới 50%",
    no_rate: "Chưa tính được tỷ lệ",
  } satisfies Record<RateBand, string>,
  chartBands: "Số xã, phường, đặc khu theo tỷ lệ hoàn thành",

  sectionRanking: "II. XẾP HẠNG CÁC XÃ, PHƯỜNG, ĐẶC KHU THEO TỶ LỆ HOÀN THÀNH",
  colRank: "Xếp hạng",
  colCommune: "Xã, phường, đặc khu",
  colPlan: "Kế hoạch",
  colTotal: "Tổng số nhiệm vụ",
  categories: CATEGORY_LABELS.vi,
  colCompletionRate: "Tỷ lệ hoàn thành",
  colOnTimeRate: "Tỷ lệ đúng hạn",
  colErrors: "Số lỗi trong tệp",
  colAsOf: "Số liệu đến ngày",
  colFile: "Tệp",
  totalRow: "Tổng cộng",
  noCommunes: "Chưa có xã, phường, đặc khu nào được tổng hợp (xem trang «Tệp và vấn đề»).",
  legendOverdue: "Có nhiệm vụ quá hạn chưa hoàn thành",
  legendOnTime: "Có nhiệm vụ hoàn thành đúng hạn",
  legendErrors: "Tệp của xã còn lỗi cần sửa (số liệu có thể chưa đầy đủ)",
  legendBar: "Thanh màu trong cột tỷ lệ hoàn thành: tỷ lệ càng cao, thanh càng dài",
  legendRank:
    "Xã có cùng tỷ lệ hoàn thành và tỷ lệ đúng hạn thì cùng hạng; xã chưa tính được tỷ lệ (chỉ có nhiệm vụ thường xuyên) không xếp hạng.",

  sectionIndicators: "I. CHỈ TIÊU TRÊN TOÀN ĐỊA BÀN",
  colNo: "TT",
  colIndicator: "Chỉ tiêu",
  colMeasure: "Đơn vị tính",
  colListed: "Số xã có chỉ tiêu",
  colMet: "Đạt",
  colMissed: "Không đạt",
  colNoData: "Chưa có số liệu",
  colAbsent: "Không có trong kế hoạch",
  colCity: "Kết quả chung",
  colWordings: "Các cách ghi đã ghép làm một chỉ tiêu",
  citySum: (actual: string, target: string | null, communes: string) =>
    `${actual}${target ? ` (kế hoạch ${target})` : ""}: tổng của ${communes} xã`,
  cityPooled: (rate: string, achieved: string, total: string, communes: string) =>
    `${rate} (${achieved}/${total}): gộp số đạt và tổng số của ${communes} xã`,
  cityNoCounts: "Không gộp được: các xã chỉ ghi tỷ lệ, không ghi số đạt và tổng số",
  cityNoData: "Chưa có số liệu",
  wordingMain: (name: string, communes: string) => `«${name}» (${communes} xã)`,
  wordingOther: (name: string, unit: string, communes: string, similar: string) =>
    `«${name}»${unit ? ` (${unit})` : ""}: ${communes} xã, giống ${similar}`,
  moreWordings: (n: string) => `và ${n} cách ghi khác`,
  sectionByCommune: "II. KẾT QUẢ CỦA TỪNG XÃ, PHƯỜNG, ĐẶC KHU",
  colOwnWording: "Chỉ tiêu (cách ghi của xã)",
  colCounts: "Số đạt/Tổng số",
  colTarget: "Kế hoạch",
  colActual: "Thực hiện",
  colVerdict: "Đánh giá",
  indicatorHeading: (no: number, name: string, unit: string) => `${no}. ${name}${unit ? ` (${unit})` : ""}`,
  met: "Đạt",
  notMet: "Không đạt",
  unknownVerdict: "Chưa đủ số liệu",
  noIndicators: "Không xã, phường, đặc khu nào có bảng chỉ tiêu.",
  legendMet: "Chỉ tiêu đạt",
  legendNotMet: "Chỉ tiêu không đạt",
  legendMatch:
    "Các cách ghi khác nhau của cùng một chỉ tiêu được ghép theo từ ngữ của tên chỉ tiêu và đơn vị tính; «giống 80%» là mức giống với cách ghi được nhiều xã dùng nhất.",

  sectionSkipped: (n: string) => `I. TỆP KHÔNG TỔNG HỢP ĐƯỢC (${n} tệp)`,
  sectionUsed: (n: string) => `II. TỆP ĐÃ TỔNG HỢP (${n} tệp)`,
  noneSkipped: "Mọi tệp đều tổng hợp được.",
  colResult: "Kết quả",
  colNote: "Ghi chú",
  used: "Đã tổng hợp",
  notUsed: "Không tổng hợp",
  fileErrors: (errors: string, warnings: string) =>
    `Tệp có ${errors} lỗi, ${warnings} cảnh báo (chạy phuluc check với tệp này để xem chi tiết).`,
  fileClean: "Không có lỗi.",
  fileDamagedSheets: (sheets: string) => `Các trang bị hỏng nên không đọc được: ${sheets}.`,
  fileSettingsCorrupt: "Cài đặt lưu trong tệp bị hỏng nên đã dùng cài đặt mặc định.",
  asOfFromSummary: "theo bản tổng hợp lưu trong tệp",
  asOfFromFile: "theo ngày sửa tệp",
  asOfUnknown: "—",
  legendSkipped: "Tệp không tổng hợp được",
  legendProblems: "Tệp đã tổng hợp nhưng còn lỗi hoặc có trang bị hỏng",
};

/** The city report's prose (Báo cáo). Numbers arrive written the Vietnamese way ("02", "1.234", "85,7%"). */
export const cityReportText = {
  subjectWithPlan: (plan: string) => `Kết quả thực hiện ${plan} tại các xã, phường, đặc khu`,
  subject: "Tổng hợp kết quả thực hiện kế hoạch của các xã, phường, đặc khu",
  opening: (issuer: string, plan: string | null, n: string, asOf: string) =>
    `${plan ? `Thực hiện ${plan}, ${issuer}` : issuer} tổng hợp kết quả thực hiện kế hoạch của ${n} xã, phường, đặc khu trên địa bàn (số liệu tính đến ngày ${asOf}) như sau:`,
  closing: (issuer: string) => `Trên đây là báo cáo tổng hợp kết quả thực hiện kế hoạch của các xã, phường, đặc khu của ${issuer}./.`,

  sectionResults: "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
  overall: "1. Kết quả chung",
  communesLine: (n: string, xa: string, phuong: string, dacKhu: string, files: string, skipped: string) =>
    `Đã tổng hợp kế hoạch của ${n} xã, phường, đặc khu (${xa} xã, ${phuong} phường, ${dacKhu} đặc khu) từ ${files} tệp nhận được` +
    (skipped === "0" ? "." : `; ${skipped} tệp không tổng hợp được (nêu tại mục 4).`),
  tasksLine: (tasks: string, recurring: string) =>
    recurring === "0"
      ? `Tổng số nhiệm vụ trong kế hoạch của các xã: ${tasks} nhiệm vụ. Tính đến ngày báo cáo:`
      : `Tổng số nhiệm vụ trong kế hoạch của các xã: ${tasks} nhiệm vụ, trong đó ${recurring} nhiệm vụ thường xuyên, định kỳ (không tính tỷ lệ). Tính đến ngày báo cáo:`,
  doneLine: (done: string, rate: string, onTime: string, onTimeRate: string, late: string) =>
    `- Đã hoàn thành ${done} nhiệm vụ, đạt tỷ lệ ${rate}; trong đó hoàn thành đúng hạn ${onTime} nhiệm vụ (tỷ lệ ${onTimeRate}), hoàn thành quá hạn ${late} nhiệm vụ.`,
  inProgressLine: (n: string) => `- Đang thực hiện, còn trong hạn: ${n} nhiệm vụ.`,
  overdueLine: (n: string, communes: string) => `- Quá hạn nhưng chưa hoàn thành: ${n} nhiệm vụ, thuộc ${communes} xã, phường, đặc khu.`,
  undeterminedLine: (n: string) => `- Chưa xác định được thời hạn: ${n} nhiệm vụ.`,
  bandsIntro: "Phân bố các xã, phường, đặc khu theo tỷ lệ hoàn thành:",
  bandLine: (band: string, n: string) => `- ${band}: ${n} xã, phường, đặc khu.`,
  byCommune: "2. Kết quả của từng xã, phường, đặc khu",
  byCommuneIntro: "Kết quả thực hiện kế hoạch của các xã, phường, đặc khu, xếp theo tỷ lệ hoàn thành:",
  byCommuneLowest: (shown: string, all: string) =>
    `Bảng dưới đây liệt kê ${shown} xã, phường, đặc khu có tỷ lệ hoàn thành thấp nhất trong ${all} xã, phường, đặc khu; bảng xếp hạng đầy đủ ở trang «Tổng hợp xã» của bảng tổng hợp.`,
  communeHead: {
    rank: "Hạng",
    commune: "Xã, phường, đặc khu",
    total: "Tổng số nhiệm vụ",
    done: "Đã hoàn thành",
    overdue: "Quá hạn",
    completion: "Tỷ lệ hoàn thành",
    onTime: "Tỷ lệ đúng hạn",
  },
  totalRow: "Tổng cộng",
  indicators: "3. Kết quả thực hiện các chỉ tiêu",
  noIndicators: "Kế hoạch của các xã, phường, đặc khu không có bảng chỉ tiêu.",
  indicatorsIntro: (n: string) =>
    `Các xã, phường, đặc khu có ${n} chỉ tiêu (các cách ghi khác nhau của cùng một chỉ tiêu đã được ghép làm một):`,
  indicatorHead: {
    no: "TT",
    name: "Chỉ tiêu",
    measure: "Đơn vị tính",
    listed: "Số xã có chỉ tiêu",
    met: "Đạt",
    missed: "Không đạt",
    noData: "Chưa có số liệu",
    city: "Kết quả chung",
  },
  dataQuality: "4. Chất lượng số liệu",
  errorsLine: (communes: string, errors: string) =>
    communes === "0"
      ? "Tệp của các xã, phường, đặc khu không còn lỗi."
      : `Có ${communes} xã, phường, đặc khu có tệp còn lỗi (tổng số ${errors} lỗi: thiếu hoặc sai thời hạn, cơ quan chủ trì…); số liệu của các xã này có thể chưa đầy đủ.`,
  skippedIntro: (n: string) => `Có ${n} tệp không tổng hợp được:`,
  skippedLine: (file: string, why: string) => `- «${file}»: ${why}`,
  moreSkipped: (n: string) => `- … và ${n} tệp khác (xem trang «Tệp và vấn đề» của bảng tổng hợp).`,

  sectionProblems: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
  overdueTitle: "1. Các xã, phường, đặc khu có nhiệm vụ quá hạn",
  noOverdue: "Không xã, phường, đặc khu nào có nhiệm vụ quá hạn chưa hoàn thành.",
  overdueIntro: (communes: string, tasks: string) =>
    `Có ${communes} xã, phường, đặc khu có nhiệm vụ quá hạn chưa hoàn thành (tổng số ${tasks} nhiệm vụ), nhiều nhất là:`,
  overdueHead: { no: "TT", commune: "Xã, phường, đặc khu", overdue: "Số nhiệm vụ quá hạn", completion: "Tỷ lệ hoàn thành" },
  missedTitle: "2. Các chỉ tiêu chưa đạt",
  noMissed: "Không có chỉ tiêu nào có xã, phường, đặc khu không đạt.",
  missedLine: (name: string, missed: string, listed: string) =>
    `- «${name}»: ${missed} trong số ${listed} xã, phường, đặc khu có chỉ tiêu không đạt.`,
  causesTitle: "3. Nguyên nhân",
  causesPlaceholder: "[Cơ quan soạn thảo viết: nguyên nhân (chủ quan, khách quan) của các tồn tại, hạn chế nêu trên.]",
  sectionNext: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
  nextPlaceholder: "[Cơ quan soạn thảo viết: nhiệm vụ, giải pháp chỉ đạo các xã, phường, đặc khu trong thời gian tới.]",
  sectionProposals: "IV. KIẾN NGHỊ, ĐỀ XUẤT",
  proposalsPlaceholder: "[Cơ quan soạn thảo viết: kiến nghị, đề xuất với cấp trên (nếu có).]",

  /** "Số: …/BC-UBND", "Số: …/BC-SKHCN". */
  number: (n: string, symbol: string) => `Số: ${n}/BC-${symbol}`,
  numberBlank: (symbol: string) => `Số:        /BC-${symbol}`,
  signerCommittee: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
  signerDepartment: ["GIÁM ĐỐC"],
  onBehalfOfDirector: "KT. GIÁM ĐỐC",
  viceDirector: "PHÓ GIÁM ĐỐC",
  recipientsCommittee: (level: CityLevel) => [
    `Thường trực ${level === "tinh" ? "Tỉnh ủy" : level === "thanh_pho" ? "Thành ủy" : "Tỉnh ủy, Thành ủy"}`,
    `Thường trực HĐND ${levelWord(level)}`,
    `Chủ tịch, các Phó Chủ tịch UBND ${levelWord(level)}`,
    "UBND các xã, phường, đặc khu",
  ],
  recipientsDepartment: (level: CityLevel) => [
    `UBND ${levelWord(level)} (để báo cáo)`,
    "Giám đốc, các Phó Giám đốc Sở",
    "UBND các xã, phường, đặc khu",
  ],
  archive: "VT",
  fileName: (asOf: string) => `bao-cao-tong-hop-${asOf}.docx`,
};
