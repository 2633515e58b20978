/** User-facing texts of the ExcelJS adapter (reading .xlsx files, the stored settings). Vietnamese first. */

export type XlsxReadErrorCode =
  | "not_found"
  | "not_a_file"
  | "unreadable"
  | "empty"
  | "cfb"
  | "text"
  | "not_zip"
  | "not_xlsx"
  | "xlsb"
  | "ods"
  | "docx"
  | "corrupt"
  | "too_large";

export const xlsxReadMessages: Record<XlsxReadErrorCode, (name: string) => string> = {
  not_found: (n) => `Không tìm thấy tệp «${n}». Hãy kiểm tra lại đường dẫn và tên tệp.`,
  not_a_file: (n) => `«${n}» là một thư mục, không phải tệp Excel. Hãy chỉ ra tệp .xlsx cần kiểm tra.`,
  unreadable: (n) =>
    `Không đọc được tệp «${n}» (không có quyền đọc hoặc tệp đang bị khóa). Hãy đóng tệp trong Excel hoặc kiểm tra quyền truy cập.`,
  empty: (n) => `Tệp «${n}» rỗng (0 byte). Hãy mở lại tệp gốc trong Excel và lưu lại dưới dạng .xlsx.`,
  cfb: (n) =>
    `Tệp «${n}» không phải tệp .xlsx thông thường: đây là tệp .xlsx có đặt mật khẩu, hoặc tệp Excel cũ định dạng .xls (97-2003). ` +
    `Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) hoặc chọn Lưu thành > Sổ làm việc Excel (*.xlsx), rồi thử lại.`,
  text: (n) =>
    `Tệp «${n}» là tệp văn bản (ví dụ CSV) chứ không phải sổ làm việc Excel, dù tên có đuôi .xlsx. ` +
    `Hãy mở tệp trong Excel và chọn Lưu thành > Sổ làm việc Excel (*.xlsx).`,
  not_zip: (n) => `Tệp «${n}» không phải sổ làm việc Excel (.xlsx). Hãy chọn đúng tệp, hoặc mở tệp trong Excel và lưu dưới dạng .xlsx.`,
  not_xlsx: (n) => `Tệp «${n}» là tệp nén nhưng không phải sổ làm việc Excel (.xlsx). Hãy chọn đúng tệp .xlsx.`,
  xlsb: (n) => `Tệp «${n}» là sổ làm việc nhị phân (.xlsb), chưa được hỗ trợ. Hãy mở trong Excel và lưu dưới dạng .xlsx.`,
  ods: (n) => `Tệp «${n}» là bảng tính OpenDocument (.ods). Hãy mở tệp và lưu dưới dạng Sổ làm việc Excel (.xlsx).`,
  docx: (n) => `Tệp «${n}» là văn bản Word, không phải sổ làm việc Excel. Hãy chép các bảng phụ lục sang Excel và lưu dưới dạng .xlsx.`,
  corrupt: (n) =>
    `Tệp «${n}» bị hỏng hoặc không đọc được như sổ làm việc Excel. Hãy mở tệp trong Excel (Excel có thể tự sửa) và lưu lại dưới dạng .xlsx.`,
  too_large: (n) =>
    `Tệp «${n}» quá lớn để phuluc đọc: giải nén ra quá 256 MB dữ liệu, hoặc có quá 2.500.000 ô (1.500.000 ô khi phuluc tạo tệp từ nó) — có thể là tệp bị làm hỏng cố ý. ` +
    `Nếu đây là kế hoạch thật, hãy tách các phụ lục ra nhiều tệp nhỏ hơn.`,
};

export const xlsxTexts = {
  settingsCorrupt:
    "Cài đặt lưu trong sổ làm việc (trang ẩn _phuluc) bị hỏng nên đang dùng cài đặt mặc định. Hãy kiểm tra lại danh sách đơn vị và lưu cài đặt để ghi đè.",
  sheetNotFound: (sheet: string) => `Không có trang tính «${sheet}» trong sổ làm việc.`,
  cellNotValid: (cell: string) => `Địa chỉ ô «${cell}» không hợp lệ.`,
  sheetSkipped: (sheet: string) =>
    `Trang tính «${sheet}» bị hỏng nên không đọc được và chưa được kiểm tra; các trang khác vẫn được kiểm tra. ` +
    `Hãy mở tệp trong Excel (Excel có thể tự sửa), lưu lại rồi kiểm tra lại.`,
  writeSummaryMissing: "Chức năng ghi bảng tổng hợp chưa sẵn sàng trong bản này.",
};
