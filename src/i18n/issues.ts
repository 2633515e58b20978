/**
 * Messages of the engine's issues, in Vietnamese (the default: CLI, summary sheets) and English (the task
 * pane's English toggle). Each names the cell, says what is wrong and what to do. Values quoted from the
 * sheet are shortened so a message stays one readable line. English messages keep the workbook's own
 * Vietnamese words (column names, unit names, deadline and status forms), since that is what users type.
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
const ENCODING_LABELS_EN = { tcvn3: "TCVN3 (ABC, .VnTime fonts)", vni: "VNI (VNI-Times fonts)" } as const;

/** Languages the engine writes issue messages in. */
export type IssueLang = "vi" | "en";

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
  CONTENT_MISSING: (cell: string) => `Ô ${cell}: chưa ghi nội dung công việc. Hãy ghi nội dung nhiệm vụ, hoặc xóa dòng này nếu không dùng.`,
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

/** One message template per issue code (and its variants): the Vietnamese set's shape. */
export type IssueMessages = typeof issueMessages;

export const issueMessagesEn: IssueMessages = {
  HEADER_NOT_FOUND: (sheet, role = "appendix") =>
    role === "indicators"
      ? `Sheet ${q(sheet)}: no header row of an indicator table in the first 20 rows. Add a header row with the columns «STT», «Chỉ tiêu», «Đơn vị tính», «Kế hoạch», «Thực hiện».`
      : `Sheet ${q(sheet)}: no header row of a table in the first 20 rows. Add a header row with the columns «STT», «Nội dung công việc», «Cơ quan chủ trì», «Thời gian hoàn thành».`,
  COLUMN_MISSING: (cell, headerRow, column) =>
    `Cell ${cell}: the header row (row ${headerRow}) has no «${column}» column. Add a «${column}» column to the table (or correct the column's name).`,
  CONTENT_MISSING: (cell) =>
    `Cell ${cell}: the task has no content (Nội dung công việc). Write the task, or delete this row if it is not used.`,
  LEAD_MISSING: (cell, example) => `Cell ${cell}: no lead agency (Cơ quan chủ trì). Write one unit from the list, e.g. «${example}».`,
  LEAD_UNKNOWN: (cell, raw, suggestion, example) =>
    suggestion
      ? `Cell ${cell}: ${q(raw)} is not in the list of units. Did you mean «${suggestion}»?`
      : `Cell ${cell}: ${q(raw)} is not in the list of units. Write the exact name of a unit (e.g. «${example}») or add this unit to the list.`,
  LEAD_GENERIC: (cell, raw, example) =>
    `Cell ${cell}: ${q(raw)} is a general phrase that names no single lead agency. Write exactly one unit (e.g. «${example}»); put the other units in the supporting column.`,
  LEAD_MULTIPLE: (cell, units) =>
    `Cell ${cell}: ${units.length} lead units (${units.map((u) => `«${u}»`).join(", ")}). A task has only one lead unit: keep one and move the others to the supporting column. Counted for «${units[0]}» for now.`,
  DEADLINE_MISSING: (cell, year) =>
    `Cell ${cell}: no deadline (Thời gian hoàn thành). Write a deadline, e.g. «30/11/${year}», «Quý II/${year}» or «Thường xuyên».`,
  DEADLINE_INVALID: (cell, raw, year) =>
    `Cell ${cell}: cannot read the deadline ${q(raw)} (unusual form or a date that does not exist). Write it as «30/11/${year}», «Tháng 6/${year}», «Quý II/${year}» or «Thường xuyên».`,
  DEADLINE_OUTSIDE_PLAN: (cell, raw, dueVi, year) =>
    `Cell ${cell}: the deadline ${q(raw)} ends on ${dueVi}, before the plan year ${year}. Check the deadline's year.`,
  STT_DUPLICATE: (cell, stt, firstRow) =>
    `Cell ${cell}: number ${q(stt, 20)} repeats row ${firstRow} in the same group. Renumber the rows in sequence.`,
  STATUS_UNKNOWN: (cell, raw) =>
    `Cell ${cell}: the status ${q(raw)} is not understood, so the task counts as not done. Write «Đã hoàn thành», «Đang thực hiện» or «Chưa thực hiện».`,
  DONE_WITHOUT_DATE: (cell, year) =>
    `Cell ${cell}: the task is done but has no completion date. Write the date (e.g. «15/6/${year}») to tell whether it was done on time or late.`,
  CELL_ERROR: (cell, error, column) =>
    `Cell ${cell}: the cell holds the Excel error ${error} in the «${column}» column and is treated as empty. Fix the formula or type the value into the cell.`,
  TEXT_LEGACY_ENCODING: (sheet, encoding, cell, sample, decoded) =>
    `Sheet ${q(sheet)} is typed in the old encoding ${ENCODING_LABELS_EN[encoding]}${cell ? `, e.g. cell ${cell}: ${q(sample, 30)} is ${q(decoded, 30)}` : ""}. phuluc read it correctly for the check; convert the whole sheet to Unicode (the «Convert to Unicode» button) so others can read it.`,
  INDICATOR_TARGET_MISSING: (cell, name, raw) =>
    raw
      ? `Cell ${cell}: cannot read the target ${q(raw)} of the indicator ${q(name, 50)}. Write a target with a number, e.g. «Tối thiểu 80%» or «Ít nhất 02».`
      : `Cell ${cell}: the indicator ${q(name, 50)} has no target (Kế hoạch). Write a target, e.g. «Tối thiểu 80%» or «Ít nhất 02».`,
  INDICATOR_ACTUAL_INVALID: (cell, name, raw) =>
    `Cell ${cell}: the result ${q(raw)} of the indicator ${q(name, 50)} is not a number. Write a number or a rate, e.g. «85%».`,
  INDICATOR_DENOMINATOR_ZERO: (cell, name) =>
    `Cell ${cell}: the total (Tổng số) of the indicator ${q(name, 50)} is 0, so no rate can be computed. Write the correct total.`,
};

/** The template set of a language (picked once per analysis). Unknown values fall back to Vietnamese. */
export function issueMessagesFor(lang: IssueLang | undefined): IssueMessages {
  return lang === "en" ? issueMessagesEn : issueMessages;
}
