/**
 * The words of `phuluc consolidate` and of the web app's «Tổng hợp nhiều xã»: why a file was left out,
 * what the run says when done, its progress line and its usage problems. Vietnamese first, English with
 * --lang en (usage problems are Vietnamese, like the rest of the CLI's). The city's workbook and report
 * have their own words (city-documents.ts). The wording rules: src/i18n/README.md.
 */
import type { SkippedFile, SkipReason } from "../core/consolidate/reads";
import type { XlsxReadErrorCode } from "./xlsx";
import { formatNumber, formatPercent, plural } from "./format";
import type { Lang } from "../core/lang";

/** What kind of file it is, when it is not a workbook (the reader's codes). */
const NOT_WORKBOOK_VI: Partial<Record<XlsxReadErrorCode, string>> = {
  empty: "tệp rỗng (0 byte)",
  cfb: "tệp Excel cũ (.xls) hoặc tệp .xlsx có đặt mật khẩu",
  text: "tệp văn bản, không phải tệp Excel",
  xlsb: "sổ làm việc nhị phân (.xlsb)",
  ods: "bảng tính OpenDocument (.ods)",
  docx: "văn bản Word",
  not_xlsx: "tệp nén, không phải tệp Excel (.xlsx)",
};
const NOT_WORKBOOK_EN: Partial<Record<XlsxReadErrorCode, string>> = {
  empty: "an empty file (0 bytes)",
  cfb: "an old Excel file (.xls) or a password-protected .xlsx",
  text: "a text file, not an Excel file",
  xlsb: "a binary workbook (.xlsb)",
  ods: "an OpenDocument spreadsheet (.ods)",
  docx: "a Word document",
  not_xlsx: "a zip file, not an Excel file (.xlsx)",
};

type ReasonText = (s: SkippedFile) => string;

const REASONS: { readonly [L in Lang]: { readonly [R in SkipReason]: ReasonText } } = {
  vi: {
    not_workbook: (s) =>
      `Không phải tệp Excel (.xlsx)${NOT_WORKBOOK_VI[s.code as XlsxReadErrorCode] ? `: ${NOT_WORKBOOK_VI[s.code as XlsxReadErrorCode]}` : ""}.`,
    unreadable: () => "Không đọc được tệp (không có quyền đọc, hoặc tệp đang bị khóa).",
    damaged: () => "Tệp bị hỏng, không đọc được như tệp Excel. Đề nghị xã mở tệp trong Excel, lưu lại và gửi lại.",
    too_large: () => "Tệp quá lớn để đọc an toàn (trên 200 MB, hoặc cần quá nhiều bộ nhớ).",
    no_appendix: () =>
      "Không có trang phụ lục kế hoạch (không tìm thấy bảng nhiệm vụ có cột «STT», «Nội dung», «Cơ quan chủ trì», «Thời gian hoàn thành»).",
    no_commune: () =>
      "Không xác định được kế hoạch của xã, phường hay đặc khu nào (phần đầu các phụ lục và Cài đặt đều không ghi). Đề nghị xã ghi tên xã vào Cài đặt hoặc vào dòng «Kèm theo Kế hoạch số …» rồi gửi lại.",
    duplicate: (s) =>
      `Cùng xã và cùng kế hoạch với tệp «${s.duplicateOf ?? ""}», tệp đó có số liệu mới hơn nên được dùng thay cho tệp này.`,
    changed_while_read: () =>
      "Tệp thay đổi trong khi đang đọc (đang được chép hoặc lưu); đã đọc lại một lần nhưng vẫn thay đổi. Hãy chạy lại khi tệp đã chép xong.",
    timed_out: () => "Đọc tệp quá lâu nên đã dừng (quá 2 phút).",
    read_failed: (s) => `Lỗi không mong muốn khi đọc tệp${s.code ? ` (${s.code})` : ""}. Hãy báo lại cho người phát triển kèm tệp này.`,
  },
  en: {
    not_workbook: (s) =>
      `Not an Excel file (.xlsx)${NOT_WORKBOOK_EN[s.code as XlsxReadErrorCode] ? `: ${NOT_WORKBOOK_EN[s.code as XlsxReadErrorCode]}` : ""}.`,
    unreadable: () => "The file cannot be read (no permission, or it is locked).",
    damaged: () =>
      "The file is damaged and cannot be read as an Excel file. Ask the commune to open it in Excel, save it and send it again.",
    too_large: () => "The file is too large to read safely (over 200 MB, or it needs too much memory).",
    no_appendix: () => "No plan appendix sheet (no task table with «STT», «Nội dung», «Cơ quan chủ trì», «Thời gian hoàn thành» columns).",
    no_commune: () =>
      "Whose plan it is cannot be told (neither the appendices' headings nor the settings name a commune). Ask the commune to set its name in the settings or in the «Kèm theo Kế hoạch số …» line and send it again.",
    duplicate: (s) => `Same commune and plan as «${s.duplicateOf ?? ""}», whose figures are later: that file is used instead of this one.`,
    changed_while_read: () =>
      "The file changed while it was read (still being copied or saved); read again once, it changed again. Run again once it is copied.",
    timed_out: () => "Reading the file took too long and was stopped (over 2 minutes).",
    read_failed: (s) =>
      `Unexpected error while reading the file${s.code ? ` (${s.code})` : ""}. Please report it to the developers with this file.`,
  },
};

/** Why a file was left out, in `lang`. */
export function skippedText(s: SkippedFile, lang: Lang): string {
  return REASONS[lang][s.reason](s);
}

export interface ConsolidateSummaryFigures {
  communes: number;
  files: number;
  skipped: number;
  tasks: number;
  completionRate: number | null;
  overdue: number;
  indicators: number;
  /** The as-of date as people read it (dd/mm/yyyy). */
  asOfText: string;
}

const outcomeVi = {
  done: (f: ConsolidateSummaryFigures) =>
    `Đã tổng hợp ${formatNumber(f.communes)} xã, phường, đặc khu từ ${formatNumber(f.files)} tệp (số liệu đến ngày ${f.asOfText}): ` +
    `${formatNumber(f.tasks)} nhiệm vụ, tỷ lệ hoàn thành ${formatPercent(f.completionRate)}, ${formatNumber(f.overdue)} nhiệm vụ quá hạn chưa hoàn thành; ` +
    `${formatNumber(f.indicators)} chỉ tiêu.` +
    (f.skipped
      ? ` Có ${formatNumber(f.skipped)} tệp không tổng hợp được (mã thoát 1), xem trang «Tệp và vấn đề»:`
      : " Mọi tệp đều tổng hợp được."),
  skippedLine: (file: string, why: string) => `  - ${file}: ${why}`,
  moreSkipped: (n: number) => `  … và ${formatNumber(n)} tệp khác (xem trang «Tệp và vấn đề», hoặc chạy với --json).`,
  damagedLine: (file: string, sheets: string[]) =>
    `  - ${file}: các trang bị hỏng nên không đọc được: ${sheets.map((s) => `«${s}»`).join(", ")} (phần còn lại vẫn được tổng hợp).`,
  progress: (done: number, total: number) => `Đang đọc ${formatNumber(done)}/${formatNumber(total)} tệp`,
};

const outcomeEn: typeof outcomeVi = {
  done: (f) =>
    `Consolidated ${plural(f.communes, "commune", "communes")} from ${plural(f.files, "file", "files")} (figures as of ${f.asOfText}): ` +
    `${plural(f.tasks, "task", "tasks")}, completion rate ${formatPercent(f.completionRate, "en")}, ${formatNumber(f.overdue, "en")} overdue, not done; ` +
    `${plural(f.indicators, "indicator", "indicators")}.` +
    (f.skipped
      ? ` ${plural(f.skipped, "file was", "files were")} left out (exit code 1), see the sheet «Tệp và vấn đề»:`
      : " Every file was consolidated."),
  skippedLine: (file, why) => `  - ${file}: ${why}`,
  moreSkipped: (n) => `  … and ${plural(n, "other file", "other files")} (see the sheet «Tệp và vấn đề», or run with --json).`,
  damagedLine: (file, sheets) =>
    `  - ${file}: damaged sheets not read: ${sheets.map((s) => `«${s}»`).join(", ")} (the rest was consolidated).`,
  progress: (done, total) => `Reading ${formatNumber(done, "en")}/${formatNumber(total, "en")} files`,
};

/** What `consolidate` says when done, by language. */
export const CONSOLIDATE_TEXTS: { readonly [L in Lang]: typeof outcomeVi } = { vi: outcomeVi, en: outcomeEn };

/** Usage problems of `phuluc consolidate` (exit 2). */
export const consolidateUsageTexts = {
  missingInputs: "Thiếu thư mục hoặc tệp cần tổng hợp: phuluc consolidate THƯ_MỤC|TỆP… -o TONG-HOP.xlsx.",
  notFound: (p: string) => `Không tìm thấy «${p}». Hãy kiểm tra lại đường dẫn.`,
  unreadableFolder: (p: string) => `Không đọc được thư mục «${p}» (không có quyền đọc).`,
  emptyFolder: (p: string) => `Thư mục «${p}» không có tệp nào để tổng hợp.`,
  noFiles: "Không có tệp nào để tổng hợp.",
  tooManyFiles: (n: number) => `Quá nhiều tệp (hơn ${formatNumber(n)} tệp): hãy tổng hợp từng thư mục nhỏ hơn.`,
  tooDeep: (p: string, n: number) => `Thư mục «${p}» nằm quá sâu (hơn ${n} cấp thư mục lồng nhau): hãy chọn thư mục gần các tệp hơn.`,
  reportNeedsDocx: (p: string) => `Báo cáo là tệp Word: hãy ghi --report TÊN.docx (không phải «${p}»).`,
  outIsReport: "Tệp bảng tổng hợp (-o) và tệp báo cáo (--report) phải khác nhau.",
};

const uiVi = {
  title: "Tổng hợp kế hoạch của nhiều xã",
  intro:
    "Dành cho tỉnh, thành phố hoặc sở: chọn thư mục chứa tệp kế hoạch của các xã, phường, đặc khu (hoặc chọn nhiều tệp). Các tệp chỉ được đọc trong trình duyệt, không gửi đi đâu; kết quả là bảng tổng hợp tải xuống.",
  pickFolder: "Chọn thư mục các xã…",
  pickFiles: "Chọn nhiều tệp…",
  reading: (done: number, total: number) => `Đang đọc ${formatNumber(done)}/${formatNumber(total)} tệp…`,
  failed: (why: string) => `Không tổng hợp được: ${why}`,
  noFiles: "Không có tệp nào để tổng hợp trong thư mục đã chọn.",
};

const uiEn: typeof uiVi = {
  title: "Consolidate many communes' plans",
  intro:
    "For a province, a city or a department: choose the folder holding the communes' plan files (or several files). The files are only read in the browser and sent nowhere; the result is a consolidated workbook to download.",
  pickFolder: "Choose the communes' folder…",
  pickFiles: "Choose several files…",
  reading: (done, total) => `Reading ${formatNumber(done, "en")}/${formatNumber(total, "en")} files…`,
  failed: (why) => `Could not consolidate: ${why}`,
  noFiles: "No file to consolidate in the folder chosen.",
};

/** The web app's «Tổng hợp nhiều xã» (today: the preview's welcome screen). */
export const CONSOLIDATE_UI: { readonly [L in Lang]: typeof uiVi } = { vi: uiVi, en: uiEn };
