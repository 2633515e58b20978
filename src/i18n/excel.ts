/**
 * User-facing texts of the Office.js adapter and the ribbon commands (Vietnamese). `toUserMessage(err)`
 * turns any error the Excel API throws into one clear Vietnamese sentence that says what to do.
 */
import type { FinishingTouch } from "../core/sheet-spec";
import type { Lang } from "../core/lang";

/** A summary's finishing touches, as the user knows them (the pane shows them in English too). */
export const FINISHING_TOUCH_LABELS: Record<Lang, Record<FinishingTouch, string>> = {
  vi: {
    dataBar: "thanh dữ liệu",
    chart: "biểu đồ",
    pageSetup: "khổ giấy A4, hướng giấy và lề",
    fitToWidth: "co vừa một trang theo chiều ngang",
    printTitles: "dòng tiêu đề in lặp lại ở mỗi trang",
    printArea: "vùng in",
    freezeRows: "cố định dòng tiêu đề",
    tabColor: "màu thẻ trang tính",
    columnWidths: "độ rộng cột theo phông chữ của sổ làm việc",
  },
  en: {
    dataBar: "data bars",
    chart: "the chart",
    pageSetup: "A4 paper, orientation and margins",
    fitToWidth: "fit to one page wide",
    printTitles: "header rows repeated on each printed page",
    printArea: "the print area",
    freezeRows: "frozen header rows",
    tabColor: "the sheet tab colour",
    columnWidths: "column widths for the workbook's font",
  },
};

/** "Excel did not accept: … (Sheet); … ." — one line per touch, the sheets it is missing on. */
export function unappliedTouchesText(lang: Lang, items: { sheet: string; touch: FinishingTouch }[]): string {
  const bySheet = new Map<FinishingTouch, string[]>();
  for (const { sheet, touch } of items) bySheet.set(touch, [...(bySheet.get(touch) ?? []), sheet]);
  const parts = [...bySheet].map(([touch, sheets]) => `${FINISHING_TOUCH_LABELS[lang][touch]} (${sheets.join(", ")})`);
  return lang === "vi"
    ? `Excel này không nhận: ${parts.join("; ")}. Bảng tổng hợp vẫn đầy đủ số liệu; hãy chỉnh các mục đó bằng tay (Bố trí Trang) trước khi in.`
    : `This Excel did not accept: ${parts.join("; ")}. The summary has all its figures; set those by hand (Page Layout) before printing.`;
}

export const excelTexts = {
  cellEditMode: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.",
  protectedSheet:
    "Trang tính hoặc sổ làm việc đang được bảo vệ nên phuluc không ghi được. Hãy bỏ bảo vệ (Xem lại > Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) rồi thử lại.",
  apiUnsupported:
    "Phiên bản Excel này chưa hỗ trợ chức năng phuluc cần. Hãy cập nhật Office (Microsoft 365, Excel 2019 trở lên) hoặc dùng Excel trên web.",
  payloadTooLarge:
    "Dữ liệu quá lớn cho một lần trao đổi với Excel (Excel trên web giới hạn khoảng 5 MB mỗi lần). Hãy thử lại; nếu vẫn lỗi, hãy tách các trang tính rất lớn ra sổ làm việc khác.",
  itemNotFound: "Không tìm thấy trang tính hoặc ô cần dùng (có thể vừa bị xóa hoặc đổi tên). Hãy bấm Kiểm tra lại.",
  generalException: "Excel báo lỗi chung khi thực hiện thao tác. Hãy lưu sổ làm việc, đóng rồi mở lại và thử lại.",
  busy: "Excel đang bận (đang tính toán hoặc đang có hộp thoại mở). Hãy đợi một chút rồi thử lại.",
  notInExcel: "phuluc chỉ chạy bên trong Excel. Hãy mở phuluc từ thẻ Trang đầu của Excel.",
  /** The pane inside Office while Office.js is still starting (a cold Excel can take a minute). */
  stillLoading: "Đang tải phuluc… Excel vẫn đang khởi động phần bổ trợ, lần mở đầu tiên có thể mất đến một phút.",
  unknown: (detail: string) => `Có lỗi khi làm việc với Excel${detail ? `: ${detail}` : ""}. Hãy thử lại.`,
  settingsCorrupt:
    "Cài đặt lưu trong sổ làm việc (trang ẩn _phuluc) bị hỏng nên đang dùng cài đặt mặc định. Hãy kiểm tra lại danh sách đơn vị và lưu cài đặt để ghi đè.",
  settingsUnreadable: (reason: string) => `Không đọc được cài đặt trong sổ làm việc nên đang dùng cài đặt mặc định. ${reason}`,
  noMergedAreas:
    "Phiên bản Excel này không cho đọc các ô đã gộp: giá trị ghi một lần cho nhiều dòng gộp có thể bị báo thiếu. Hãy cập nhật Office hoặc dùng Excel trên web.",
  // Ribbon commands
  commandFailed: (message: string) => `Không thực hiện được: ${message}`,
  /** A ribbon command that would not finish within its runtime's five minutes: nothing was written. */
  handOff: (command: string) =>
    `Sổ làm việc này lớn: lệnh trên ruy-băng chỉ được chạy 5 phút nên phuluc chưa ghi gì. Hãy bấm Mở phuluc rồi bấm «${command}» trong ngăn phuluc (ngăn không bị giới hạn thời gian).`,
  storeFull:
    "Trang ẩn _phuluc đã đầy (đã bỏ bớt các bản tổng hợp và nhật ký gộp cũ nhất mà vẫn không đủ chỗ) nên phuluc không ghi được. Hãy bớt số ô cần đánh dấu hoặc bớt danh sách đơn vị, rồi thử lại.",
  storeBusy: "Một cửa sổ phuluc khác đang ghi vào sổ làm việc này cùng lúc. Hãy đợi một chút rồi thử lại.",
  dialogTitle: "phuluc",
  dialogClose: "Đóng",
};

export type ExcelErrorKind =
  | "cellEditMode"
  | "protectedSheet"
  | "apiUnsupported"
  | "payloadTooLarge"
  | "itemNotFound"
  | "generalException"
  | "busy"
  | "storeFull"
  | "storeBusy"
  | "unknown";

/** The Office error code of anything thrown by Office.js (OfficeExtension.Error: `code`, `debugInfo.code`). */
export function officeErrorCode(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string") return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  if (err && typeof err === "object" && typeof (err as { message?: unknown }).message === "string")
    return (err as { message: string }).message;
  return "";
}

export function classifyExcelError(err: unknown): ExcelErrorKind {
  const code = officeErrorCode(err) ?? "";
  const msg = errorText(err);
  const name = err instanceof Error ? err.name : "";
  if (name === "StoreFullError") return "storeFull";
  if (name === "StoreBusyError") return "storeBusy";
  if (code === "InvalidOperationInCellEditMode" || /cell[- ]?edit/i.test(msg)) return "cellEditMode";
  if (code === "AccessDenied" || /protect/i.test(msg)) return "protectedSheet";
  if (code === "ApiNotFound" || code === "ApiNotAvailable" || code === "NotImplemented" || code === "RequirementSetUnsupported")
    return "apiUnsupported";
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || /payload size/i.test(msg))
    return "payloadTooLarge";
  if (code === "ItemNotFound" || code === "InvalidReference") return "itemNotFound";
  if (code === "ActivityLimitReached" || code === "Conflict" || code === "ServiceNotAvailable" || code === "Timeout") return "busy";
  if (code === "GeneralException") return "generalException";
  return "unknown";
}

/** One clear Vietnamese sentence for any error (Office.js errors by code; others by their message). */
export function toUserMessage(err: unknown): string {
  const kind = classifyExcelError(err);
  if (kind === "unknown") {
    if (err && typeof err === "object" && (err as { userMessage?: unknown }).userMessage)
      return String((err as { userMessage: string }).userMessage);
    return excelTexts.unknown(errorText(err));
  }
  return excelTexts[kind];
}
