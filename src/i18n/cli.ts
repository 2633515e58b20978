/**
 * User-facing texts of the command line. Usage problems and help are Vietnamese; the text report comes in
 * Vietnamese (default) and English (`--lang en`). The wording rules: src/i18n/README.md.
 */
import { CATEGORY_WORDS, CHANGE_KIND_LABELS } from "./labels";
import { plural, formatViDate } from "./format";
import type { Lang } from "../core/lang";

export const cliTexts = {
  /** `phuluc --help`: the commands (usage and one line each, from the registry's strings), then the options. */
  help: (commands: { name: string; usage: string; help: string }[]) =>
    [
      "phuluc — kiểm tra và tổng hợp các phụ lục kế hoạch (Excel .xlsx)",
      "",
      "Cách dùng:",
      ...commands.flatMap((c) => [`  phuluc ${c.name} ${c.usage}`.trimEnd(), `      ${c.help}`]),
      "",
      "Tùy chọn:",
      "  --as-of YYYY-MM-DD   ngày báo cáo (mặc định: hôm nay)",
      "  --json               in kết quả dạng JSON (check: báo cáo; merge: các thay đổi và xung đột; settings: cài đặt)",
      "  --lang vi|en         ngôn ngữ của các thông báo (mặc định: vi)",
      "  --since NGÀY|TỆP     so sánh với bản tổng hợp ngày YYYY-MM-DD lưu trong tệp, hoặc với một phiên bản cũ của tệp (.xlsx)",
      "  -o, --out OUT        tệp kết quả: một bản sao, tệp gốc không bao giờ bị sửa (split: thư mục nhận các tệp); cũng viết --output",
      '  --commune "TÊN"      settings: xã, phường hoặc đặc khu của kế hoạch, ghi cả loại (ví dụ: --commune "phường Lê Chân")',
      '  --plan "KẾ HOẠCH"    settings: số, ngày và trích yếu của kế hoạch (ví dụ: --plan "Kế hoạch số 25/KH-UBND ngày 15/3/2026 về chuyển đổi số")',
      '  --signer "HỌ TÊN"    settings: họ và tên người ký báo cáo',
      '  --signer-title "…"   settings: chức danh người ký (ví dụ: --signer-title "CHỦ TỊCH" in thành TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)',
      "  --units-from-plan    settings: dùng danh sách đơn vị lập từ cột Cơ quan chủ trì của kế hoạch",
      "  --accept all|none|MÃ,…  merge: ghi các mục chờ quyết định mang mã đó (mã in ra khi gộp và trong --json), hoặc tất cả / không mục nào",
      '  --decisions TỆP.json merge: quyết định từng mục, {"mã": "accept" | "reject"}',
      "  --report BÁO-CÁO.docx  consolidate: soạn dự thảo báo cáo tổng hợp (thể thức Nghị định 30/2020/NĐ-CP)",
      '  --issuer "CƠ QUAN"   consolidate: cơ quan ban hành báo cáo (ví dụ: --issuer "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" hoặc --issuer "SỞ KHOA HỌC VÀ CÔNG NGHỆ")',
      '  --parent "CƠ QUAN"   consolidate: cơ quan cấp trên của cơ quan ban hành (ví dụ: --parent "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")',
      "                       (với consolidate, --plan là kế hoạch của tỉnh, thành phố mà các xã thực hiện; --signer, --signer-title là người ký báo cáo)",
      "  -h, --help           hiện hướng dẫn này",
      "  -V, --version        hiện phiên bản",
      "",
      "Mã thoát: 0 = không có lỗi (có thể có cảnh báo); 1 = có lỗi cần sửa (consolidate: có tệp không tổng hợp được); 2 = sai cách dùng hoặc không đọc được tệp.",
      "Đặt PHULUC_DEBUG=1 để in thêm nguyên nhân khi một tệp không đọc được.",
    ].join("\n"),

  // Usage problems (exit 2).
  unknownOption: (o: string) => `Tùy chọn không hợp lệ: ${o}. Xem «phuluc --help».`,
  unknownCommand: (c: string, names: string[]) => `Lệnh không hợp lệ: «${c}». Các lệnh: ${names.join(", ")}. Xem «phuluc --help».`,
  missingCommand: "Thiếu lệnh. Dùng «phuluc check FILE» hoặc «phuluc summarize FILE -o OUT» (xem «phuluc --help»).",
  missingFile: (c: string) => `Thiếu tên tệp Excel cần xử lý: phuluc ${c} FILE.`,
  extraArgument: (a: string) => `Thừa tham số: «${a}». Mỗi lần chỉ xử lý một tệp.`,
  optionNeedsValue: (o: string) => `Tùy chọn ${o} cần một giá trị.`,
  optionNotFor: (o: string, c: string) => `Tùy chọn ${o} không dùng với lệnh ${c}.`,
  missingOut: (c: string) => `Thiếu tệp kết quả: phuluc ${c} FILE -o OUT.`,
  missingInputs: (c: string) => `Thiếu tệp của đơn vị gửi về: phuluc ${c} FILE RETURN.xlsx… -o OUT.`,
  outNotFolder: (d: string) => `«${d}» là một tệp, không phải thư mục: hãy chọn một thư mục cho -o.`,
  outFolderFailed: (d: string, why: string) => `Không tạo được thư mục «${d}» (${why}).`,
  outNotRegular: (f: string) =>
    `Không ghi ra «${f}»: đây là liên kết tượng trưng (symlink) hoặc không phải tệp thường. Hãy chọn tên một tệp thường cho -o.`,
  diskFull: (f: string, code: string) =>
    `Không ghi được tệp «${f}»: ổ đĩa đã đầy hoặc hết hạn mức (${code}). Không có tệp nào được tạo ra; hãy giải phóng chỗ trống rồi chạy lại.`,
  tooManyIssues: (file: string, max: number) =>
    `Tệp «${file}» có quá nhiều lỗi để liệt kê (hơn ${max.toLocaleString("vi-VN")}): các trang tính của nó không giống một kế hoạch phuluc đọc được. ` +
    `Hãy kiểm tra lại tệp, hoặc tách các phụ lục ra nhiều tệp nhỏ hơn.`,
  droppedParts: (parts: string[]) =>
    `Đã bỏ ${parts.length} phần có tên không an toàn trong tệp gốc (không chép sang tệp kết quả): ${parts.join("; ")}.`,
  badLang: (v: string) => `Ngôn ngữ không hợp lệ: «${v}». Dùng --lang vi hoặc --lang en.`,
  badSince: (v: string) =>
    `Giá trị --since không hợp lệ: «${v}». Hãy ghi một ngày có thật dạng YYYY-MM-DD (ngày của một bản tổng hợp đã lưu) hoặc tên một tệp .xlsx.`,
  /** `date`, `available`: ISO (each shown dd/mm/yyyy, with the value to type after --since). */
  sinceNotFound: (date: string, available: string[]) =>
    available.length
      ? `Tệp không có bản tổng hợp ngày ${formatViDate(date)}. Các bản đã lưu: ${available.map((d) => `${formatViDate(d)} (--since ${d})`).join(", ")}.`
      : "Tệp chưa lưu bản tổng hợp nào để so sánh (mỗi lần «Tạo bảng tổng hợp» lưu một bản). Hãy dùng --since TỆP_CŨ.xlsx.",
  badAsOf: (v: string) => `Ngày báo cáo không hợp lệ: «${v}». Hãy viết theo dạng YYYY-MM-DD và là ngày có thật, ví dụ --as-of 2026-11-24.`,
  badCommune: (v: string) =>
    `Tên xã không hợp lệ: «${v}». Hãy ghi cả loại và tên, ví dụ --commune "xã An Hòa", --commune "phường Lê Chân" hoặc --commune "đặc khu Cô Tô".`,
  badPlan: (v: string) =>
    `Không đọc được kế hoạch «${v}». Hãy ghi số, ngày hoặc trích yếu, ví dụ --plan "Kế hoạch số 25/KH-UBND ngày 15/3/2026 về chuyển đổi số năm 2026".`,
  badPlanDate: (v: string) => `Ngày của kế hoạch «${v}» không có thật. Hãy ghi một ngày có thật, ví dụ «ngày 15/3/2026».`,
  emptyValue: (o: string) => `Tùy chọn ${o} không được để trống.`,
  settingsNeedOut: (c: string) => `Để ghi cài đặt, hãy chỉ ra tệp kết quả: phuluc ${c} FILE -o OUT … (tệp gốc không bao giờ bị sửa).`,
  storeFull:
    "Trang ẩn _phuluc của tệp đã đầy (đã bỏ bớt các bản tổng hợp và nhật ký gộp cũ nhất mà vẫn không đủ chỗ) nên không ghi được; tệp gốc không bị sửa. Hãy bớt số ô cần đánh dấu hoặc bớt danh sách đơn vị.",
  badAccept: (v: string) =>
    `Giá trị --accept không hợp lệ: «${v}». Dùng --accept all, --accept none hoặc các mã cách nhau bởi dấu phẩy (ví dụ --accept c1a2b3c4,k5d6e7f8).`,
  badDecisions: (f: string, why: string) =>
    `Tệp quyết định «${f}» không dùng được (${why}). Tệp cần là JSON dạng {"mã": "accept" | "reject"}, như các mã trong phuluc merge --json.`,
  unexpected: (m: string) => `Lỗi không mong muốn: ${m}. Hãy báo lại cho người phát triển kèm tệp gây lỗi.`,
  settingsWarning: (m: string) => `Cảnh báo: ${m}`,
  wrote: (f: string) => `Đã ghi tệp ${f}.`,
  wroteFiles: (n: number, dir: string) => `Đã ghi ${n} tệp vào thư mục ${dir}.`,
  sameOutputName: (f: string) => `Hai tệp cùng tên «${f}»: không ghi đè lên nhau. Hãy báo lại cho người phát triển.`,
};

const reportVi = {
  reportTitle: "BÁO CÁO KIỂM TRA PHỤ LỤC KẾ HOẠCH",
  fileLine: (f: string) => `Tệp: ${f}`,
  asOfLine: (d: string, year: number) => `Ngày báo cáo: ${d} — năm kế hoạch: ${year}`,
  /** The plan as the documents name it ("Kế hoạch số 45/KH-UBND … của UBND xã An Hòa"). */
  planTitle: (t: string) => t,
  tasksLine: (n: number, sheets: number) => `Đã đọc ${n} nhiệm vụ trên ${sheets} trang phụ lục:`,
  sheetTasks: (name: string, n: number, title: string) => `  • ${name}: ${n} nhiệm vụ${title ? ` — ${title}` : ""}`,
  noAppendix:
    "Không tìm thấy trang phụ lục nào (trang có tiêu đề «Phụ lục» hoặc có dòng tiêu đề cột «STT», «Nội dung», «Cơ quan chủ trì», «Thời gian hoàn thành»).",
  indicatorSheets: (names: string) => `Trang chỉ tiêu: ${names}`,
  legacySheet: (name: string, enc: string) =>
    `  (trang ${name} dùng bảng mã cũ ${enc.toUpperCase()}, đã tự chuyển sang Unicode để kiểm tra)`,
  skippedSheets: (names: string) =>
    `Bỏ qua trang ẩn (bản nháp hoặc bản sao cũ, không đọc, không tính): ${names}. Muốn đọc cả trang ẩn: Cài đặt → «Đọc cả trang ẩn».`,

  issuesTitle: (errors: number, warnings: number) => `KẾT QUẢ KIỂM TRA: ${errors} lỗi, ${warnings} cảnh báo`,
  noIssues: "Không phát hiện lỗi hay cảnh báo nào.",
  sheetHeading: (name: string, errors: number, warnings: number) => `[${name}] ${errors} lỗi, ${warnings} cảnh báo`,
  severity: { error: "Lỗi", warning: "Cảnh báo" } as Record<"error" | "warning", string>,
  suggestion: (s: string) => `Đề xuất: ${s}`,
  wholeSheet: "(cả trang)",

  unitsTitle: "TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ",
  appendicesTitle: "TỔNG HỢP THEO PHỤ LỤC",
  totalRow: "Tổng cộng",
  noTasks: "Chưa có nhiệm vụ nào để tổng hợp.",
  col: {
    unit: "Đơn vị",
    sheet: "Phụ lục",
    total: "Tổng",
    done_on_time: "HT đúng hạn",
    done_late: "HT quá hạn",
    in_progress: "Trong hạn",
    overdue: "Quá hạn",
    recurring: "Thường xuyên",
    undetermined: "Chưa xác định hạn",
    completionRate: "Tỷ lệ HT",
    onTimeRate: "Tỷ lệ đúng hạn",
  },
  legend:
    "HT = hoàn thành; Trong hạn = đang thực hiện trong hạn; Quá hạn = quá hạn chưa hoàn thành; Thường xuyên = thường xuyên / định kỳ; Chưa xác định hạn = thiếu hoặc sai thời hạn.\n" +
    "Tỷ lệ tính trên số nhiệm vụ không kể nhiệm vụ thường xuyên; «—» khi không có nhiệm vụ để tính.",

  indicatorsTitle: "CHỈ TIÊU",
  noIndicators: "Không có bảng chỉ tiêu.",
  ind: {
    name: "Chỉ tiêu",
    unit: "ĐVT",
    target: "Kế hoạch",
    actual: "Thực hiện",
    achievement: "Mức đạt",
    met: "Kết quả",
    yes: "Đạt",
    no: "Không đạt",
    unknown: "Chưa đủ số liệu",
  },

  changesTitle: (source: "snapshot" | "file", label: string, date: string) =>
    source === "snapshot"
      ? `THAY ĐỔI TỪ NGÀY ${date} (so với bản tổng hợp ngày ${date})`
      : `THAY ĐỔI SO VỚI TỆP ${label} (số liệu ngày ${date})`,
  noChanges: "Không có nhiệm vụ nào thay đổi.",
  changeKinds: CHANGE_KIND_LABELS.vi,
  changeKindHeading: (kind: string, n: number) => `${kind} (${n}):`,
  changeUnitsTitle: "Số nhiệm vụ thay đổi theo đơn vị chủ trì:",
  statusLabels: CATEGORY_WORDS.vi,
  rowOf: (sheet: string, row: number) => `${sheet} (dòng ${row})`,
  sttLabel: (stt: string) => `STT ${stt}`,
  noDeadline: "không có hạn cụ thể",
  unassigned: "chưa xác định đơn vị",
  gone: "không còn trong bảng",
  indicatorChangesTitle: "Chỉ tiêu thay đổi:",

  footerErrors: (n: number) => `Có ${n} lỗi cần sửa trước khi tổng hợp (mã thoát 1).`,
  footerOk: "Không có lỗi; có thể lập bảng tổng hợp.",
};

const reportEn: typeof reportVi = {
  reportTitle: "PLAN APPENDIX CHECK REPORT",
  fileLine: (f) => `File: ${f}`,
  asOfLine: (d, year) => `As of: ${d} — plan year: ${year}`,
  planTitle: (t) => `Plan: «${t}»`,
  tasksLine: (n, sheets) => `Read ${plural(n, "task", "tasks")} on ${plural(sheets, "appendix sheet", "appendix sheets")}:`,
  sheetTasks: (name, n, title) => `  • ${name}: ${plural(n, "task", "tasks")}${title ? ` — ${title}` : ""}`,
  noAppendix:
    "No appendix sheet found (a sheet titled «Phụ lục», or with a header row of «STT», «Nội dung», «Cơ quan chủ trì», «Thời gian hoàn thành»).",
  indicatorSheets: (names) => `Indicator sheets: ${names}`,
  legacySheet: (name, enc) => `  (sheet ${name} is in the old ${enc.toUpperCase()} encoding, converted to Unicode for the check)`,
  skippedSheets: (names) =>
    `Hidden sheets skipped (old drafts or copies, not read or counted): ${names}. To read hidden sheets too: Settings → «Read hidden sheets».`,

  issuesTitle: (errors, warnings) => `CHECK RESULT: ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
  noIssues: "No errors or warnings found.",
  sheetHeading: (name, errors, warnings) => `[${name}] ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
  severity: { error: "Error", warning: "Warning" },
  suggestion: (s) => `Suggestion: ${s}`,
  wholeSheet: "(whole sheet)",

  unitsTitle: "BY LEAD UNIT",
  appendicesTitle: "BY APPENDIX",
  totalRow: "Total",
  noTasks: "No tasks to count yet.",
  col: {
    unit: "Unit",
    sheet: "Appendix",
    total: "Total",
    done_on_time: "Done on time",
    done_late: "Done late",
    in_progress: "In time",
    overdue: "Overdue",
    recurring: "Recurring",
    undetermined: "No deadline",
    completionRate: "Completion",
    onTimeRate: "On time",
  },
  legend:
    "In time = in progress, not yet due; Overdue = not done, past due; No deadline = deadline missing or unreadable.\n" +
    'Rates leave recurring tasks out; "—" when there is no task to count.',

  indicatorsTitle: "INDICATORS",
  noIndicators: "No indicator table.",
  ind: {
    name: "Indicator",
    unit: "Unit",
    target: "Target",
    actual: "Actual",
    achievement: "Achieved",
    met: "Result",
    yes: "Met",
    no: "Not met",
    unknown: "Not enough data",
  },

  changesTitle: (source, label, date) =>
    source === "snapshot"
      ? `CHANGES SINCE ${date} (compared with the summary of ${date})`
      : `CHANGES SINCE FILE ${label} (figures as of ${date})`,
  noChanges: "No task changed.",
  changeKinds: CHANGE_KIND_LABELS.en,
  changeKindHeading: (kind, n) => `${kind} (${n}):`,
  changeUnitsTitle: "Changed tasks by lead unit:",
  statusLabels: CATEGORY_WORDS.en,
  rowOf: (sheet, row) => `${sheet} (row ${row})`,
  sttLabel: (stt) => `No. ${stt}`,
  noDeadline: "no dated deadline",
  unassigned: "no lead unit",
  gone: "no longer in the table",
  indicatorChangesTitle: "Indicators that changed:",

  footerErrors: (n) => `${plural(n, "error", "errors")} to fix before building the summary (exit code 1).`,
  footerOk: "No errors; the summary can be built.",
};

/** The text report's words, by language. */
export const REPORT_TEXTS: { readonly [L in Lang]: typeof reportVi } = { vi: reportVi, en: reportEn };
