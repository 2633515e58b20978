/**
 * Vietnamese messages of the engine's issues. Each names the cell, says what is wrong and what to do.
 * Values quoted from the sheet are shortened so a message stays one readable line.
 */

/** Column names as users know them (used in COLUMN_MISSING and CELL_ERROR messages). */
export const COLUMN_LABELS: Record<string, string> = {
  stt: "STT",
  content: "Nội dung công việc",
  head: "Người đứng đầu chịu trách nhiệm",
  lead: "Cơ quan chủ trì",
  support: "Cơ quan phối hợp",
  result: "Kết quả",
  deadline: "Thời gian hoàn thành",
  start: "Thời gian bắt đầu",
  status: "Tình trạng",
  doneDate: "Ngày hoàn thành",
  note: "Ghi chú",
  name: "Chỉ tiêu",
  unit: "Đơn vị tính",
  target: "Kế hoạch",
  achieved: "Số đạt",
  total: "Tổng số",
  actual: "Thực hiện",
};

export const ENCODING_LABELS = { tcvn3: "TCVN3 (ABC, phông .VnTime)", vni: "VNI (phông VNI-Times)" } as const;

/** «text», cut to `max` characters. */
export function q(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `«${t.length > max ? t.slice(0, max - 1) + "…" : t}»`;
}

export const issueMessages = {
  HEADER_NOT_FOUND: (sheet: string, role: "appendix" | "indicators" = "appendix") =>
    role === "indicators"
      ? `Trang ${q(sheet)}: không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong 20 dòng đầu. Hãy để một dòng tiêu đề có các cột «STT», «Chỉ tiêu», «Đơn vị tính», «Kế hoạch», «Thực hiện».`
      : `Trang ${q(sheet)}: không tìm thấy dòng tiêu đề của bảng trong 20 dòng đầu. Hãy để một dòng tiêu đề có các cột «STT», «Nội dung công việc», «Cơ quan chủ trì», «Thời gian hoàn thành».`,
  COLUMN_MISSING: (cell: string, headerRow: number, column: string) =>
    `Ô ${cell}: dòng tiêu đề (dòng ${headerRow}) không có cột «${column}». Hãy thêm cột «${column}» vào bảng (hoặc sửa tên cột cho đúng).`,
  CONTENT_MISSING: (cell: string) =>
    `Ô ${cell}: chưa ghi nội dung công việc. Hãy ghi nội dung nhiệm vụ, hoặc xóa dòng này nếu không dùng.`,
  LEAD_MISSING: (cell: string, example: string) =>
    `Ô ${cell}: chưa ghi cơ quan chủ trì. Hãy ghi một đơn vị trong danh sách, ví dụ «${example}».`,
  LEAD_UNKNOWN: (cell: string, raw: string, suggestion: string | undefined, example: string) =>
    suggestion
      ? `Ô ${cell}: ${q(raw)} không có trong danh sách đơn vị. Có phải là «${suggestion}»?`
      : `Ô ${cell}: ${q(raw)} không có trong danh sách đơn vị. Hãy ghi đúng tên một đơn vị (ví dụ «${example}») hoặc thêm đơn vị này vào danh sách.`,
  LEAD_GENERIC: (cell: string, raw: string, example: string) =>
    `Ô ${cell}: ${q(raw)} là cách ghi chung, không chỉ rõ một cơ quan chủ trì. Hãy ghi đúng một đơn vị (ví dụ «${example}»); các đơn vị khác ghi ở cột phối hợp.`,
  LEAD_MULTIPLE: (cell: string, units: string[]) =>
    `Ô ${cell}: có ${units.length} đơn vị chủ trì (${units.map((u) => `«${u}»`).join(", ")}). Mỗi nhiệm vụ chỉ có một đơn vị chủ trì: hãy giữ một đơn vị và chuyển các đơn vị còn lại sang cột phối hợp. Tạm tính cho «${units[0]}».`,
  DEADLINE_MISSING: (cell: string, year: number) =>
    `Ô ${cell}: chưa ghi thời gian hoàn thành. Hãy ghi thời hạn, ví dụ «30/11/${year}», «Quý II/${year}» hoặc «Thường xuyên».`,
  DEADLINE_INVALID: (cell: string, raw: string, year: number) =>
    `Ô ${cell}: không đọc được thời hạn ${q(raw)} (cách ghi lạ hoặc ngày không có thật). Hãy ghi theo dạng «30/11/${year}», «Tháng 6/${year}», «Quý II/${year}» hoặc «Thường xuyên».`,
  DEADLINE_OUTSIDE_PLAN: (cell: string, raw: string, dueVi: string, year: number) =>
    `Ô ${cell}: thời hạn ${q(raw)} kết thúc ngày ${dueVi}, trước năm kế hoạch ${year}. Hãy kiểm tra lại năm của thời hạn.`,
  STT_DUPLICATE: (cell: string, stt: string, firstRow: number) =>
    `Ô ${cell}: số thứ tự ${q(stt, 20)} trùng với dòng ${firstRow} trong cùng nhóm. Hãy đánh số lại cho liên tục.`,
  STATUS_UNKNOWN: (cell: string, raw: string) =>
    `Ô ${cell}: không hiểu tình trạng ${q(raw)} nên nhiệm vụ được tính là chưa hoàn thành. Hãy ghi «Đã hoàn thành», «Đang thực hiện» hoặc «Chưa thực hiện».`,
  DONE_WITHOUT_DATE: (cell: string, year: number) =>
    `Ô ${cell}: nhiệm vụ đã hoàn thành nhưng chưa ghi ngày hoàn thành. Hãy ghi ngày (ví dụ «15/6/${year}») để biết hoàn thành đúng hạn hay quá hạn.`,
  CELL_ERROR: (cell: string, error: string, column: string) =>
    `Ô ${cell}: ô có lỗi Excel ${error} ở cột «${column}», được coi như ô trống. Hãy sửa công thức hoặc ghi giá trị trực tiếp vào ô.`,
  TEXT_LEGACY_ENCODING: (sheet: string, encoding: "tcvn3" | "vni", cell: string | null, sample: string, decoded: string) =>
    `Trang ${q(sheet)} gõ bằng bảng mã cũ ${ENCODING_LABELS[encoding]}${cell ? `, ví dụ ô ${cell}: ${q(sample, 30)} là ${q(decoded, 30)}` : ""}. phuluc đã tự đọc đúng để kiểm tra; hãy chuyển cả trang sang Unicode (nút «Sửa») để người khác đọc được.`,
  INDICATOR_TARGET_MISSING: (cell: string, name: string, raw: string) =>
    raw
      ? `Ô ${cell}: không đọc được mục tiêu ${q(raw)} của chỉ tiêu ${q(name, 50)}. Hãy ghi mục tiêu có số, ví dụ «Tối thiểu 80%» hoặc «Ít nhất 02».`
      : `Ô ${cell}: chỉ tiêu ${q(name, 50)} chưa có mục tiêu (kế hoạch). Hãy ghi mục tiêu, ví dụ «Tối thiểu 80%» hoặc «Ít nhất 02».`,
  INDICATOR_ACTUAL_INVALID: (cell: string, name: string, raw: string) =>
    `Ô ${cell}: kết quả ${q(raw)} của chỉ tiêu ${q(name, 50)} không phải là số. Hãy ghi một số hoặc tỷ lệ, ví dụ «85%».`,
  INDICATOR_DENOMINATOR_ZERO: (cell: string, name: string) =>
    `Ô ${cell}: tổng số của chỉ tiêu ${q(name, 50)} bằng 0 nên không tính được tỷ lệ. Hãy ghi tổng số đúng.`,
};
