/**
 * The words of the engine's issues, rendered at the edge (CLI, task pane, summary) from the data the engine
 * emits (src/core/issues.ts). Vietnamese is the default; English is the pane's toggle and `--lang en`.
 * Each message names the cell, says what is wrong and what to do. Text quoted from the sheet, and the
 * Vietnamese words users must type (column headers, deadline and status forms), stand in «…»; outside the
 * quotes an English message has no Vietnamese word (a test checks it).
 * The template tables are typed per code: a code without a label or a template does not compile.
 * The wording rules of every string: src/i18n/README.md.
 */
import type { AnyField } from "../core/columns";
import { formatViDate } from "./format";
import type { Issue, IssueCode, IssueParamsMap } from "../core/issues";
import { communeWords } from "./document";
import type { Lang } from "../core/lang";

/** Languages issue messages are written in. */

/** Where the issue is: its cell (A1, or null for the whole sheet) and its sheet. */
export interface IssueAt {
  cell: string | null;
  sheet: string;
}

type Templates = { readonly [C in IssueCode]: (p: IssueParamsMap[C], at: IssueAt) => string };

/** Column headers as users write them in their sheets (quoted in both languages). */
export const COLUMN_LABELS: { readonly [F in AnyField]: string } = {
  stt: "STT",
  content: "Nội dung công việc",
  head: "Người đứng đầu chịu trách nhiệm",
  lead: "Cơ quan chủ trì",
  support: "Cơ quan phối hợp",
  result: "Kết quả",
  deadline: "Thời gian hoàn thành",
  period: "Thời gian thực hiện",
  start: "Thời gian bắt đầu",
  status: "Tình trạng",
  doneDate: "Ngày hoàn thành",
  note: "Ghi chú",
  outcome: "Kết quả thực hiện",
  name: "Chỉ tiêu",
  unit: "Đơn vị tính",
  target: "Kế hoạch",
  achieved: "Số đạt",
  total: "Tổng số",
  actual: "Thực hiện",
  base: "Thực hiện năm trước",
};

/** What each column holds, in English words (followed by its Vietnamese header in quotes). */
const COLUMN_NAMES_EN: { readonly [F in AnyField]: string } = {
  stt: "number",
  content: "task",
  head: "accountable head",
  lead: "lead unit",
  support: "supporting units",
  result: "result",
  deadline: "deadline",
  period: "period",
  start: "start date",
  status: "status",
  doneDate: "completion date",
  note: "notes",
  outcome: "result achieved",
  name: "indicator",
  unit: "unit of measure",
  target: "target",
  achieved: "achieved count",
  total: "total",
  actual: "actual",
  base: "base-year value",
};

export const ENCODING_LABELS = { tcvn3: "TCVN3 (ABC, phông .VnTime)", vni: "VNI (phông VNI-Times)" } as const;
const ENCODING_LABELS_EN = { tcvn3: "TCVN3 (ABC, .VnTime fonts)", vni: "VNI (VNI-Times fonts)" } as const;

/** How a message names its cell first ("Ô D5: …"); a door that shows the cell itself leaves it out (renderIssueBody). */
const CELL_PREFIX: { readonly [L in Lang]: (cell: string) => string } = {
  vi: (cell) => `Ô ${cell}: `,
  en: (cell) => `Cell ${cell}: `,
};
const oVi = (at: IssueAt) => CELL_PREFIX.vi(at.cell ?? "");
const oEn = (at: IssueAt) => CELL_PREFIX.en(at.cell ?? "");

/** «text», cut to `max` characters. */
export function q(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `«${t.length > max ? t.slice(0, max - 1) + "…" : t}»`;
}

const vi: Templates = {
  HEADER_NOT_FOUND: (p, at) =>
    p.role === "indicators"
      ? `Trang ${q(at.sheet)}: không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong 20 dòng đầu. Hãy để một dòng tiêu đề có các cột «STT», «Chỉ tiêu», «Đơn vị tính», «Kế hoạch», «Thực hiện».`
      : `Trang ${q(at.sheet)}: không tìm thấy dòng tiêu đề của bảng trong 20 dòng đầu. Hãy để một dòng tiêu đề có các cột «STT», «Nội dung công việc», «Cơ quan chủ trì», «Thời gian hoàn thành».`,
  COLUMN_MISSING: (p, at) => {
    const column = COLUMN_LABELS[p.column];
    return `${oVi(at)}dòng tiêu đề (dòng ${p.headerRow}) không có cột «${column}». Hãy thêm cột «${column}» vào bảng (hoặc sửa tên cột cho đúng).`;
  },
  CONTENT_MISSING: (_p, at) => `${oVi(at)}chưa ghi nội dung công việc. Hãy ghi nội dung nhiệm vụ, hoặc xóa dòng này nếu không dùng.`,
  LEAD_MISSING: (p, at) => `${oVi(at)}chưa ghi cơ quan chủ trì. Hãy ghi một đơn vị trong danh sách, ví dụ «${p.example}».`,
  LEAD_UNKNOWN: (p, at) =>
    p.suggestion
      ? `${oVi(at)}${q(p.raw)} không có trong danh sách đơn vị. Có phải là «${p.suggestion}»?`
      : `${oVi(at)}${q(p.raw)} không có trong danh sách đơn vị. Hãy ghi đúng tên một đơn vị (ví dụ «${p.example}») hoặc thêm đơn vị này vào danh sách.`,
  LEAD_GENERIC: (p, at) =>
    `${oVi(at)}${q(p.raw)} là cách ghi chung, không chỉ rõ một cơ quan chủ trì. Hãy ghi đúng một đơn vị (ví dụ «${p.example}»); các đơn vị khác ghi ở cột phối hợp.`,
  LEAD_MULTIPLE: (p, at) =>
    `${oVi(at)}có ${p.units.length} đơn vị chủ trì (${p.units.map((u) => `«${u}»`).join(", ")}). Mỗi nhiệm vụ chỉ có một đơn vị chủ trì: hãy giữ một đơn vị và chuyển các đơn vị còn lại sang cột phối hợp. Tạm tính cho «${p.units[0]}».`,
  DEADLINE_MISSING: (p, at) =>
    `${oVi(at)}chưa ghi thời gian hoàn thành. Hãy ghi thời hạn, ví dụ «30/11/${p.year}», «Quý II/${p.year}» hoặc «Thường xuyên».`,
  DEADLINE_INVALID: (p, at) =>
    `${oVi(at)}không đọc được thời hạn ${q(p.raw)} (cách ghi lạ hoặc ngày không có thật). Hãy ghi theo dạng «30/11/${p.year}», «Tháng 6/${p.year}», «Quý II/${p.year}» hoặc «Thường xuyên».`,
  DEADLINE_OUTSIDE_PLAN: (p, at) =>
    `${oVi(at)}thời hạn ${q(p.raw)} kết thúc ngày ${formatViDate(p.due)}, trước năm kế hoạch ${p.year}. Hãy kiểm tra lại năm của thời hạn.`,
  STT_DUPLICATE: (p, at) =>
    `${oVi(at)}số thứ tự ${q(p.stt, 20)} trùng với dòng ${p.firstRow} trong cùng nhóm. Hãy đánh số lại cho liên tục.`,
  STATUS_UNKNOWN: (p, at) =>
    `${oVi(at)}không hiểu tình trạng ${q(p.raw)} nên nhiệm vụ được tính là chưa hoàn thành. Hãy ghi «Đã hoàn thành», «Đang thực hiện» hoặc «Chưa thực hiện».`,
  DONE_WITHOUT_DATE: (p, at) =>
    `${oVi(at)}nhiệm vụ đã hoàn thành nhưng chưa ghi ngày hoàn thành. Hãy ghi ngày (ví dụ «15/6/${p.year}») để biết hoàn thành đúng hạn hay quá hạn.`,
  CELL_ERROR: (p, at) =>
    `${oVi(at)}ô có lỗi Excel ${p.error} ở cột «${COLUMN_LABELS[p.column]}», được coi như ô trống. Hãy sửa công thức hoặc ghi giá trị trực tiếp vào ô.`,
  TEXT_LEGACY_ENCODING: (p, at) =>
    p.scope === "cell"
      ? `${oVi(at)}chữ ${q(p.raw, 40)} gõ bằng bảng mã cũ ${ENCODING_LABELS[p.encoding]}, đọc là ${q(p.decoded, 40)}. phuluc đã tự đọc đúng để kiểm tra; hãy thay bằng chữ Unicode để người khác đọc được (trong ngăn phuluc: nút «Sửa thành …» bên cạnh dòng này).`
      : `Trang ${q(at.sheet)} gõ bằng bảng mã cũ ${ENCODING_LABELS[p.encoding]}${p.sampleCell ? `, ví dụ ô ${p.sampleCell}: ${q(p.sample ?? "", 30)} là ${q(p.decoded ?? "", 30)}` : ""}. phuluc đã tự đọc đúng để kiểm tra; hãy chuyển cả trang sang chữ Unicode để người khác đọc được (trong ngăn phuluc: nút «Chuyển sang Unicode»).`,
  ROW_EMPTY: (p, at) =>
    `${oVi(at)}dòng số ${q(p.stt, 20)} chỉ có số thứ tự, chưa có nội dung nên không được tính. Hãy ghi nhiệm vụ vào dòng này, hoặc xóa số thứ tự nếu không dùng.`,
  INDICATOR_TARGET_MISSING: (p, at) =>
    p.raw
      ? `${oVi(at)}không đọc được mục tiêu ${q(p.raw)} của chỉ tiêu ${indicatorVi(p)}. Hãy ghi mục tiêu có số, ví dụ «Tối thiểu 80%» hoặc «Ít nhất 02».`
      : `${oVi(at)}chỉ tiêu ${indicatorVi(p)} chưa có mục tiêu (kế hoạch). Hãy ghi mục tiêu, ví dụ «Tối thiểu 80%» hoặc «Ít nhất 02».`,
  INDICATOR_ACTUAL_INVALID: (p, at) =>
    `${oVi(at)}kết quả ${q(p.raw)} của chỉ tiêu ${indicatorVi(p)} không phải là số. Hãy ghi một số hoặc tỷ lệ, ví dụ «85%».`,
  INDICATOR_DENOMINATOR_ZERO: (p, at) =>
    `${oVi(at)}tổng số của chỉ tiêu ${indicatorVi(p)} bằng 0 nên không tính được tỷ lệ. Hãy ghi tổng số đúng.`,
  INDICATOR_TARGET_RELATIVE: (p, at) =>
    p.baseCell
      ? `${oVi(at)}mục tiêu ${q(p.raw)} của chỉ tiêu ${indicatorVi(p)} tính theo số liệu năm ${p.baseYear}, nhưng ô ${p.baseCell} chưa có số nên chưa đánh giá được. Hãy ghi số liệu năm ${p.baseYear} vào ô ${p.baseCell}.`
      : `${oVi(at)}mục tiêu ${q(p.raw)} của chỉ tiêu ${indicatorVi(p)} tính theo số liệu năm ${p.baseYear}, nhưng bảng không có cột số liệu năm đó nên chưa đánh giá được. Hãy thêm cột «Năm ${p.baseYear}» (hoặc «Thực hiện năm trước») ghi số liệu năm gốc, hoặc ghi mục tiêu bằng con số cụ thể.`,
  COMMUNE_MISMATCH: (p, at) =>
    `${oVi(at)}trang ${q(at.sheet)} ghi ${q(communeWords(p))}, khác với ${q(communeWords(used(p)))} ở trang ${q(p.usedSheet)}. Các văn bản (bảng tổng hợp, báo cáo, tệp gửi đơn vị) dùng ${q(communeWords(used(p)))}; nếu chưa đúng, hãy sửa lại tên trong bảng tính hoặc ghi tên đúng trong Cài đặt.`,
};

const en: Templates = {
  HEADER_NOT_FOUND: (p, at) =>
    p.role === "indicators"
      ? `Sheet ${q(at.sheet)}: no header row of an indicator table in the first 20 rows. Add a header row with the columns «STT», «Chỉ tiêu», «Đơn vị tính», «Kế hoạch», «Thực hiện».`
      : `Sheet ${q(at.sheet)}: no header row of a table in the first 20 rows. Add a header row with the columns «STT», «Nội dung công việc», «Cơ quan chủ trì», «Thời gian hoàn thành».`,
  COLUMN_MISSING: (p, at) =>
    `${oEn(at)}the header row (row ${p.headerRow}) has no ${columnEn(p.column)} column. Add that column to the table (or correct the column's name).`,
  CONTENT_MISSING: (_p, at) => `${oEn(at)}the task has no text. Write the task, or delete this row if it is not used.`,
  LEAD_MISSING: (p, at) => `${oEn(at)}no lead unit. Write one unit from the list, e.g. «${p.example}».`,
  LEAD_UNKNOWN: (p, at) =>
    p.suggestion
      ? `${oEn(at)}${q(p.raw)} is not in the list of units. Did you mean «${p.suggestion}»?`
      : `${oEn(at)}${q(p.raw)} is not in the list of units. Write the exact name of a unit (e.g. «${p.example}») or add this unit to the list.`,
  LEAD_GENERIC: (p, at) =>
    `${oEn(at)}${q(p.raw)} is a general phrase that names no single lead unit. Write exactly one unit (e.g. «${p.example}»); put the other units in the supporting column.`,
  LEAD_MULTIPLE: (p, at) =>
    `${oEn(at)}${p.units.length} lead units (${p.units.map((u) => `«${u}»`).join(", ")}). A task has only one lead unit: keep one and move the others to the supporting column. Counted for «${p.units[0]}» for now.`,
  DEADLINE_MISSING: (p, at) => `${oEn(at)}no deadline. Write a deadline, e.g. «30/11/${p.year}», «Quý II/${p.year}» or «Thường xuyên».`,
  DEADLINE_INVALID: (p, at) =>
    `${oEn(at)}cannot read the deadline ${q(p.raw)} (unusual form or a date that does not exist). Write it as «30/11/${p.year}», «Tháng 6/${p.year}», «Quý II/${p.year}» or «Thường xuyên».`,
  DEADLINE_OUTSIDE_PLAN: (p, at) =>
    `${oEn(at)}the deadline ${q(p.raw)} ends on ${formatViDate(p.due)}, before the plan year ${p.year}. Check the deadline's year.`,
  STT_DUPLICATE: (p, at) => `${oEn(at)}number ${q(p.stt, 20)} repeats row ${p.firstRow} in the same group. Renumber the rows in sequence.`,
  STATUS_UNKNOWN: (p, at) =>
    `${oEn(at)}the status ${q(p.raw)} is not understood, so the task counts as not done. Write «Đã hoàn thành», «Đang thực hiện» or «Chưa thực hiện».`,
  DONE_WITHOUT_DATE: (p, at) =>
    `${oEn(at)}the task is done but has no completion date. Write the date (e.g. «15/6/${p.year}») to tell whether it was done on time or late.`,
  CELL_ERROR: (p, at) =>
    `${oEn(at)}the cell holds the Excel error ${p.error} in the ${columnEn(p.column)} column and is treated as empty. Fix the formula or type the value into the cell.`,
  TEXT_LEGACY_ENCODING: (p, at) =>
    p.scope === "cell"
      ? `${oEn(at)}the text ${q(p.raw, 40)} is typed in the old encoding ${ENCODING_LABELS_EN[p.encoding]} and reads ${q(p.decoded, 40)}. phuluc read it correctly for the check; replace it with Unicode text so others can read it (in the phuluc pane: the "Change to …" button beside this line).`
      : `Sheet ${q(at.sheet)} is typed in the old encoding ${ENCODING_LABELS_EN[p.encoding]}${p.sampleCell ? `, e.g. cell ${p.sampleCell}: ${q(p.sample ?? "", 30)} is ${q(p.decoded ?? "", 30)}` : ""}. phuluc read it correctly for the check; convert the whole sheet to Unicode text so others can read it (in the phuluc pane: the "Convert to Unicode" button).`,
  ROW_EMPTY: (p, at) =>
    `${oEn(at)}row number ${q(p.stt, 20)} holds only its number and nothing else, so it is not counted. Write the task in this row, or delete the number if the row is not used.`,
  INDICATOR_TARGET_MISSING: (p, at) =>
    p.raw
      ? `${oEn(at)}cannot read the target ${q(p.raw)} of the indicator ${indicatorEn(p)}. Write a target with a number, e.g. «Tối thiểu 80%» or «Ít nhất 02».`
      : `${oEn(at)}the indicator ${indicatorEn(p)} has no target. Write a target, e.g. «Tối thiểu 80%» or «Ít nhất 02».`,
  INDICATOR_ACTUAL_INVALID: (p, at) =>
    `${oEn(at)}the result ${q(p.raw)} of the indicator ${indicatorEn(p)} is not a number. Write a number or a rate, e.g. «85%».`,
  INDICATOR_DENOMINATOR_ZERO: (p, at) =>
    `${oEn(at)}the total of the indicator ${indicatorEn(p)} is 0, so no rate can be computed. Write the correct total.`,
  INDICATOR_TARGET_RELATIVE: (p, at) =>
    p.baseCell
      ? `${oEn(at)}the target ${q(p.raw)} of the indicator ${indicatorEn(p)} is relative to the year ${p.baseYear}, but cell ${p.baseCell} holds no number, so it cannot be judged yet. Write the ${p.baseYear} value in cell ${p.baseCell}.`
      : `${oEn(at)}the target ${q(p.raw)} of the indicator ${indicatorEn(p)} is relative to the year ${p.baseYear}, but the table has no column with that year's values, so it cannot be judged. Add a column «Năm ${p.baseYear}» (or «Thực hiện năm trước») with the base year's values, or write the target as a plain number.`,
  COMMUNE_MISMATCH: (p, at) =>
    `${oEn(at)}sheet ${q(at.sheet)} names ${q(communeWords(p))}, not ${q(communeWords(used(p)))} as sheet ${q(p.usedSheet)} does. The documents (summary, report, the units' files) use ${q(communeWords(used(p)))}; if that is wrong, correct the name in the workbook or set the right one in Settings.`,
};

/** The commune the documents use, from a COMMUNE_MISMATCH's parameters. */
function used(p: IssueParamsMap["COMMUNE_MISMATCH"]): { kind: IssueParamsMap["COMMUNE_MISMATCH"]["kind"]; name: string } {
  return { kind: p.usedKind, name: p.usedName };
}

function columnEn(f: AnyField): string {
  return `${COLUMN_NAMES_EN[f]} («${COLUMN_LABELS[f]}»)`;
}

/** The indicator by its name, or by its row when it has none. */
function indicatorVi(p: { name: string; row: number }): string {
  return p.name ? q(p.name, 50) : `ở dòng ${p.row}`;
}

function indicatorEn(p: { name: string; row: number }): string {
  return p.name ? q(p.name, 50) : `on row ${p.row}`;
}

const TEMPLATES: { readonly [L in Lang]: Templates } = { vi, en };

/** Short labels of the codes (the pane's filter, the summary's legend). */
export const ISSUE_LABELS: { readonly [L in Lang]: { readonly [C in IssueCode]: string } } = {
  vi: {
    HEADER_NOT_FOUND: "Không thấy dòng tiêu đề",
    COLUMN_MISSING: "Thiếu cột",
    CONTENT_MISSING: "Thiếu nội dung",
    LEAD_MISSING: "Thiếu đơn vị chủ trì",
    LEAD_UNKNOWN: "Đơn vị chủ trì lạ",
    LEAD_GENERIC: "Chủ trì chung chung",
    LEAD_MULTIPLE: "Nhiều đơn vị chủ trì",
    DEADLINE_MISSING: "Thiếu thời hạn",
    DEADLINE_INVALID: "Thời hạn sai",
    DEADLINE_OUTSIDE_PLAN: "Thời hạn ngoài năm KH",
    STT_DUPLICATE: "Trùng số thứ tự",
    STATUS_UNKNOWN: "Tình trạng lạ",
    DONE_WITHOUT_DATE: "Xong nhưng thiếu ngày",
    CELL_ERROR: "Ô bị lỗi công thức",
    TEXT_LEGACY_ENCODING: "Chữ mã cũ (TCVN3/VNI)",
    ROW_EMPTY: "Dòng chỉ có số thứ tự",
    INDICATOR_TARGET_MISSING: "Chỉ tiêu thiếu kế hoạch",
    INDICATOR_ACTUAL_INVALID: "Chỉ tiêu: thực hiện sai",
    INDICATOR_DENOMINATOR_ZERO: "Chỉ tiêu: tổng số bằng 0",
    INDICATOR_TARGET_RELATIVE: "Chỉ tiêu: thiếu số liệu năm gốc",
    COMMUNE_MISMATCH: "Tên xã, phường không khớp",
  },
  en: {
    HEADER_NOT_FOUND: "No header row",
    COLUMN_MISSING: "Missing column",
    CONTENT_MISSING: "Missing task text",
    LEAD_MISSING: "Missing lead unit",
    LEAD_UNKNOWN: "Unknown lead unit",
    LEAD_GENERIC: "Generic lead",
    LEAD_MULTIPLE: "Several lead units",
    DEADLINE_MISSING: "Missing deadline",
    DEADLINE_INVALID: "Invalid deadline",
    DEADLINE_OUTSIDE_PLAN: "Deadline outside plan year",
    STT_DUPLICATE: "Duplicate number",
    STATUS_UNKNOWN: "Unknown status",
    DONE_WITHOUT_DATE: "Done without date",
    CELL_ERROR: "Cell error value",
    TEXT_LEGACY_ENCODING: "Legacy encoding (TCVN3/VNI)",
    ROW_EMPTY: "Numbered empty row",
    INDICATOR_TARGET_MISSING: "Indicator without target",
    INDICATOR_ACTUAL_INVALID: "Indicator: bad actual",
    INDICATOR_DENOMINATOR_ZERO: "Indicator: total is 0",
    INDICATOR_TARGET_RELATIVE: "Indicator: no base-year value",
    COMMUNE_MISMATCH: "Two different communes",
  },
};

/** The message of one issue in a language (Vietnamese unless "en"). */
export function renderIssue(issue: Issue, lang: Lang = "vi"): string {
  const t = TEMPLATES[lang === "en" ? "en" : "vi"][issue.code] as (p: Issue["params"], at: IssueAt) => string;
  return t(issue.params, { cell: issue.cell, sheet: issue.sheet });
}

/**
 * The message without the cell it starts with ("Ô D5: chưa ghi…" → "chưa ghi…"): for a door that shows
 * the cell beside it (the pane's list, the CLI's lines), so the cell is not named twice.
 */
export function renderIssueBody(issue: Issue, lang: Lang = "vi"): string {
  const message = renderIssue(issue, lang);
  const prefix = issue.cell ? CELL_PREFIX[lang === "en" ? "en" : "vi"](issue.cell) : "";
  return prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The issues with their messages (the JSON report's form). */
export function withMessages<I extends Issue>(issues: readonly I[], lang: Lang = "vi"): (I & { message: string })[] {
  return issues.map((i) => ({ ...i, message: renderIssue(i, lang) }));
}
