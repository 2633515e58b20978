/**
 * Words of the units' returns: the copies sent to each unit (Gửi đơn vị), the merge of their returns
 * (Gộp báo cáo đơn vị) and its log sheet "Nhật ký gộp". What is written into workbooks is Vietnamese;
 * what the CLI and the pane say comes in Vietnamese and English.
 */
import type { FillField } from "../core/returned-copies/fields";
import type { ConflictKind } from "../core/returned-copies/merge-schema";
import { plural, sheetRef } from "./format";
import type { Lang } from "../core/lang";

/** Words written into the copies and the plan (Vietnamese: the workbooks' language). */
export const returnsSheetText = {
  /** Headers of fill-in columns the plan lacks (added to the copy, and to the plan when a return fills them). */
  columnLabels: {
    status: "Tình trạng",
    doneDate: "Ngày hoàn thành",
    outcome: "Kết quả thực hiện",
    note: "Ghi chú",
  } as Record<FillField, string>,
  instruction: (unit: string, tasks: number, asOf: string) =>
    `Gửi ${unit}: đề nghị cập nhật các cột tô vàng (Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Ghi chú) cho ${tasks} nhiệm vụ dưới đây, ` +
    `giữ nguyên các cột khác (cột Kết quả/Sản phẩm là sản phẩm kế hoạch giao), rồi gửi lại tệp này để tổng hợp (số liệu đến ngày ${asOf}).`,
  statusPromptTitle: "Tình trạng",
  statusPrompt: "Chọn trong danh sách: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Hoàn thành (chậm), Tạm dừng.",
  statusErrorTitle: "Tình trạng chưa đúng mẫu",
  statusError: "Nên chọn một tình trạng trong danh sách để phần mềm tổng hợp hiểu đúng. Vẫn giữ giá trị đã nhập?",

  // The log sheet.
  logSheetName: "Nhật ký gộp",
  logTitle: "NHẬT KÝ GỘP BÁO CÁO CỦA CÁC ĐƠN VỊ",
  logMergeHeading: (date: string, files: string[], undone: boolean) =>
    `Lần gộp ngày ${date}: ${files.length} tệp (${files.join("; ")})${undone ? " — ĐÃ HOÀN TÁC" : ""}`,
  logCounts: (applied: number, waiting: number) => `Đã ghi ${applied} thay đổi; ${waiting} xung đột chờ quyết định.`,
  logTruncated: (n: number) => `… và ${n} dòng nữa (không lưu đủ trong tệp).`,
  colNo: "TT",
  colFile: "Tệp của đơn vị",
  colUnit: "Đơn vị gửi",
  colReturnCell: "Ô trong tệp gửi về",
  colPlanCell: "Ô trong kế hoạch",
  colTask: "Nhiệm vụ",
  colField: "Cột",
  colBefore: "Giá trị cũ",
  colAfter: "Giá trị mới",
  colOutcome: "Kết quả gộp",
  outcomeApplied: "Đã ghi",
  outcomeAppliedByChoice: (kinds: string) => `Đã ghi theo lựa chọn (${kinds})`,
  outcomeRejected: "Không ghi (người gộp bỏ chọn)",
  outcomeRejectedHeld: (kinds: string) => `Không ghi theo quyết định (${kinds})`,
  outcomeSuperseded: "Không ghi (đã ghi giá trị khác cho ô này)",
  outcomeConflict: (kind: string) => `Xung đột: ${kind}`,
  outcomePending: (kinds: string) => `Chờ quyết định: ${kinds}`,
  outcomeAcknowledged: (kind: string) => `Đã xem, kế hoạch giữ nguyên: ${kind}`,
  colUnitWords: "Đơn vị ghi nguyên văn",
  logMore: (n: number) => `… và ${n} dòng nữa (không liệt kê; xem đầy đủ bằng lệnh phuluc merge --json).`,
  /** The as-of line of a summary sheet made before a merge (regenerating the summary writes it afresh). */
  summaryStale: (asOf: string | null, merged: string) =>
    asOf ? `(Số liệu tính đến ngày ${asOf} — chưa gồm lần gộp ngày ${merged})` : `(Số liệu chưa gồm lần gộp ngày ${merged})`,
  noEntries: "Không có thay đổi hay xung đột nào.",
};

const fieldsVi: Record<FillField, string> = {
  status: "Tình trạng",
  doneDate: "Ngày hoàn thành",
  outcome: "Kết quả thực hiện",
  note: "Ghi chú",
};
const fieldsEn: Record<FillField, string> = { status: "Status", doneDate: "Completion date", outcome: "Result achieved", note: "Note" };

const conflictsVi: Record<ConflictKind, string> = {
  disagree: "các đơn vị ghi khác nhau",
  not_lead: "đơn vị sửa nhiệm vụ không do mình chủ trì",
  text_changed: "nội dung nhiệm vụ bị sửa trong tệp gửi về",
  deadline_changed: "thời hạn bị sửa trong tệp gửi về",
  lead_changed: "cơ quan chủ trì bị sửa trong tệp gửi về",
  not_in_plan: "nhiệm vụ không có trong kế hoạch",
  other_plan: "tệp của kế hoạch khác",
  older_version: "tệp làm từ bản kế hoạch cũ (kế hoạch đã thay đổi từ khi gửi)",
  cell_merged: "ô trong kế hoạch đang gộp với ô khác",
  formula: "ô có công thức",
  planned_output: "đơn vị ghi vào cột Kết quả/Sản phẩm của kế hoạch (đề xuất ghi sang Kết quả thực hiện)",
  status_unknown: "tình trạng không rõ nghĩa",
  date_invalid: "ngày hoàn thành không đọc được hoặc không có thật",
  date_after_as_of: "ngày hoàn thành sau ngày báo cáo",
  done_without_date: "báo hoàn thành nhưng chưa ghi ngày hoàn thành",
};
const conflictsEn: Record<ConflictKind, string> = {
  disagree: "the units' returns disagree",
  not_lead: "a unit edited a task it does not lead",
  text_changed: "the task's text was changed in the return",
  deadline_changed: "the deadline was changed in the return",
  lead_changed: "the lead unit was changed in the return",
  not_in_plan: "the task is not in the plan",
  other_plan: "the file belongs to another plan",
  older_version: "the file was made from an older version of the plan (the plan changed since it was sent)",
  cell_merged: "the plan's cell is merged with other cells",
  formula: "the plan's cell holds a formula",
  planned_output: "the unit wrote in the plan's planned output column (offered for Result achieved instead)",
  status_unknown: "the status reads as nothing known",
  date_invalid: "the completion date cannot be read or does not exist",
  date_after_as_of: "the completion date is after the as-of date",
  done_without_date: "reported done with no completion date",
};

export const FIELD_LABELS: { readonly [L in Lang]: Record<FillField, string> } = { vi: fieldsVi, en: fieldsEn };
export const CONFLICT_LABELS: { readonly [L in Lang]: Record<ConflictKind, string> } = { vi: conflictsVi, en: conflictsEn };

/** "'PL I'!H7" */
export function cellLabel(sheet: string, cell: string): string {
  return `${sheetRef(sheet)}!${cell}`;
}

const pct = (x: number, lang: Lang) => `${Math.round(x * 100)}%`.replace(".", lang === "vi" ? "," : ".");
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A task sent to no one, as the messages name it. */
export interface UnassignedView {
  sheet: string;
  cell: string;
  stt: string;
  text: string;
  lead: string;
}

/** Tasks listed one by one in a message (the rest are counted). */
export const UNASSIGNED_LISTED = 20;

/** "\n  • 'PL I'!D10 — 4. Rà soát danh mục… (Cơ quan chủ trì: trống)", one line per task. */
function unassignedList(tasks: readonly UnassignedView[], lang: Lang): string {
  const t = RETURNS_TEXTS[lang];
  const lines = tasks
    .slice(0, UNASSIGNED_LISTED)
    .map(
      (u) =>
        `\n  • ${cellLabel(u.sheet, u.cell)} — ${u.stt ? u.stt + ". " : ""}${shorten(u.text)} (${FIELD_LEAD[lang]}: ${t.unassignedLead(u.lead)})`,
    );
  if (tasks.length > UNASSIGNED_LISTED) lines.push(`\n  ${t.more(tasks.length - UNASSIGNED_LISTED).trim()}`);
  return lines.join("");
}

const FIELD_LEAD: Record<Lang, string> = { vi: "Cơ quan chủ trì", en: "lead unit" };
const shorten = (s: string) => (Array.from(s).length > 80 ? Array.from(s).slice(0, 79).join("") + "…" : s);

const textsVi = {
  splitDone: (files: number, tasks: number, unassigned: readonly UnassignedView[]) =>
    files === 0
      ? "Không có nhiệm vụ nào có cơ quan chủ trì rõ ràng để gửi (hãy kiểm tra cột Cơ quan chủ trì)." + unassignedList(unassigned, "vi")
      : `Đã tạo ${files} tệp gửi các đơn vị (${tasks} nhiệm vụ).` +
        (unassigned.length
          ? ` ${unassigned.length} nhiệm vụ chưa xác định được một cơ quan chủ trì nên chưa gửi ai (hãy sửa cột Cơ quan chủ trì rồi tạo lại):` +
            unassignedList(unassigned, "vi")
          : ""),
  unassignedLead: (lead: string) => (lead.trim() ? `«${lead.trim()}»` : "trống"),
  mergeHeadline: (files: number, applied: number, waiting: number, decided: number) =>
    `Đã gộp ${files} tệp vào kế hoạch: ghi ${applied} thay đổi; ` +
    (waiting
      ? `${waiting} xung đột chưa xử lý (không ghi).`
      : decided
        ? `${decided} xung đột đã quyết định không ghi, không còn gì chờ.`
        : "không có xung đột."),
  filesTitle: "Các tệp:",
  fileLine: (
    label: string,
    unit: string | null,
    sentOn: string | null,
    tasks: number,
    matched: number,
    record: "ok" | "missing" | "damaged",
  ) =>
    `  • ${label} — ${unit ?? "chưa rõ đơn vị"}${sentOn ? ` (bản gửi ngày ${dmy(sentOn)})` : ""}: ${tasks} nhiệm vụ, ${matched} khớp với kế hoạch` +
    (record === "missing"
      ? " (tệp không do «Gửi đơn vị» tạo: nhận nhiệm vụ theo nội dung)"
      : record === "damaged"
        ? " (dữ liệu phuluc trong tệp bị hỏng: nhận nhiệm vụ theo nội dung)"
        : ""),
  changesTitle: "Thay đổi đã ghi:",
  changeLine: (plan: string, field: string, before: string, after: string, file: string, ret: string, confidence: number) =>
    `  • ${plan} (${field}) «${before || "trống"}» → «${after}» — ${file} ${ret}${confidence < 1 ? ` [khớp ${pct(confidence, "vi")}]` : ""}`,
  conflictsTitle: "Xung đột (không ghi, cần người tổng hợp xem):",
  conflictLine: (kind: string, file: string, where: string, task: string, detail: string) =>
    `  • [${kind}] ${file}${where ? ` ${where}` : ""}${task ? ` — ${task}` : ""}${detail ? `: ${detail}` : ""}`,
  conflictDetail: (value: string, planValue: string) => `«${value || "trống"}» (kế hoạch: «${planValue || "trống"}»)`,
  logWritten: (sheet: string) => `Nhật ký gộp: trang «${sheet}».`,
  unitWords: (typed: string) => ` (đơn vị ghi «${typed}»)`,
  unknownIds: (ids: readonly string[]) =>
    `không có mục nào mang mã ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? "…" : ""} trong lần gộp này (bỏ qua).`,
  idOf: (id: string, decided: boolean) => ` [mã ${id}${decided ? ", đã quyết định không ghi" : ""}]`,
  more: (n: number) => `  … và ${n} mục nữa (xem --json hoặc trang Nhật ký gộp).`,
  howToDecide: (n: number) =>
    `${n} mục chờ quyết định. Quyết định bằng --accept MÃ,MÃ… (ghi những mục đó), --accept all / --accept none (ghi / không ghi tất cả), ` +
    `hoặc --decisions TỆP.json ({"mã": "accept" | "reject"}); các cột của kế hoạch không bao giờ bị ghi.`,
  staleSummaries: (sheets: readonly string[]) =>
    `Các trang tổng hợp lập trước lần gộp này (${sheets.join(", ")}) đã được ghi chú «chưa gồm lần gộp»: hãy tạo lại bảng tổng hợp (phuluc summarize).`,
  recordDamaged: "Cảnh báo: nhật ký các lần gộp trước lưu trong tệp bị hỏng nên được bắt đầu lại.",
  undone: (cells: number, kept: number) =>
    `Đã hoàn tác lần gộp: trả lại giá trị cũ cho ${cells} ô.` + (kept ? ` ${kept} ô đã được sửa sau khi gộp nên giữ nguyên.` : ""),
  nothingToUndo: "Không có lần gộp nào để hoàn tác.",
};

const textsEn: typeof textsVi = {
  splitDone: (files, tasks, unassigned) =>
    files === 0
      ? "No task has a clear lead unit to send it to (check the lead unit column)." + unassignedList(unassigned, "en")
      : `Made ${plural(files, "file", "files")} for the units (${plural(tasks, "task", "tasks")}).` +
        (unassigned.length
          ? ` ${plural(unassigned.length, "task has", "tasks have")} no single known lead unit and ${unassigned.length === 1 ? "was" : "were"} sent to no one (fix the lead unit column and make the files again):` +
            unassignedList(unassigned, "en")
          : ""),
  unassignedLead: (lead) => (lead.trim() ? `«${lead.trim()}»` : "empty"),
  mergeHeadline: (files, applied, waiting, decided) =>
    `Merged ${plural(files, "file", "files")} into the plan: ${plural(applied, "change", "changes")} written; ` +
    (waiting
      ? `${plural(waiting, "conflict", "conflicts")} left (not written).`
      : decided
        ? `${plural(decided, "conflict", "conflicts")} decided not to write, nothing waits.`
        : "no conflicts."),
  filesTitle: "Files:",
  fileLine: (label, unit, sentOn, tasks, matched, record) =>
    `  • ${label} — ${unit ?? "unit not known"}${sentOn ? ` (sent on ${dmy(sentOn)})` : ""}: ${plural(tasks, "task", "tasks")}, ${matched} matched with the plan` +
    (record === "missing"
      ? " (not made by «Send to units»: tasks matched by their text)"
      : record === "damaged"
        ? " (phuluc's data in the file is damaged: tasks matched by their text)"
        : ""),
  changesTitle: "Changes written:",
  changeLine: (plan, field, before, after, file, ret, confidence) =>
    `  • ${plan} (${field}) «${before || "empty"}» → «${after}» — ${file} ${ret}${confidence < 1 ? ` [match ${pct(confidence, "en")}]` : ""}`,
  conflictsTitle: "Conflicts (not written; for the person merging to look at):",
  conflictLine: (kind, file, where, task, detail) =>
    `  • [${kind}] ${file}${where ? ` ${where}` : ""}${task ? ` — ${task}` : ""}${detail ? `: ${detail}` : ""}`,
  conflictDetail: (value, planValue) => `«${value || "empty"}» (plan: «${planValue || "empty"}»)`,
  logWritten: (sheet) => `Merge log: sheet «${sheet}».`,
  unitWords: (typed) => ` (the unit wrote «${typed}»)`,
  unknownIds: (ids) => `no item of this merge has the id ${ids.slice(0, 20).join(", ")}${ids.length > 20 ? "…" : ""} (ignored).`,
  idOf: (id, decided) => ` [id ${id}${decided ? ", decided: not written" : ""}]`,
  more: (n) => `  … and ${n} more (see --json or the merge log sheet).`,
  howToDecide: (n) =>
    `${plural(n, "item waits", "items wait")} for a decision. Decide with --accept ID,ID… (write those), --accept all / --accept none (write / do not write them all), ` +
    `or --decisions FILE.json ({"id": "accept" | "reject"}); the plan's own columns are never written.`,
  staleSummaries: (sheets) =>
    `The summary sheets made before this merge (${sheets.join(", ")}) now say so: make the summary again (phuluc summarize).`,
  recordDamaged: "Warning: the log of earlier merges kept in the file was damaged and has been started afresh.",
  undone: (cells, kept) =>
    `Merge undone: ${plural(cells, "cell has its", "cells have their")} previous value back.` +
    (kept
      ? ` ${plural(kept, "cell edited since the merge was", "cells edited since the merge were")} left as ${kept === 1 ? "it is" : "they are"}.`
      : ""),
  nothingToUndo: "There is no merge to undo.",
};

export const RETURNS_TEXTS: { readonly [L in Lang]: typeof textsVi } = { vi: textsVi, en: textsEn };

interface ReportableProposal {
  files: {
    label: string;
    unit: string | null;
    sentOn: string | null;
    tasks: number;
    matched: number;
    record: "ok" | "missing" | "damaged";
  }[];
  changes: {
    id: string;
    file: number;
    task: { sheet: string };
    cell: string;
    field: FillField;
    before: string;
    after: string;
    unitValue?: string;
    returnCell: { sheet: string; cell: string };
    confidence: number;
    conflicts: ConflictKind[];
  }[];
  conflicts: {
    id: string;
    kind: ConflictKind;
    file: number;
    change?: string;
    task?: { stt: string; text: string };
    planCell?: { sheet: string; cell: string };
    returnCell?: { sheet: string; cell: string };
    field?: FillField;
    value?: string;
    planValue?: string;
  }[];
}

export interface ReportableMerge {
  applied: number;
  unresolved: number;
  waiting: number;
  logSheet: string;
  recordDamaged: boolean;
  written: readonly string[];
  undecided: readonly string[];
  staleSummaries: readonly string[];
}

/** Lines of one section of the text account at most; the rest are counted (the JSON and the log sheet list them). */
export const TEXT_SECTION_CAP = 200;

function capped<T>(items: readonly T[], line: (x: T) => string, more: (n: number) => string): string[] {
  const out = items.slice(0, TEXT_SECTION_CAP).map(line);
  if (items.length > TEXT_SECTION_CAP) out.push(more(items.length - TEXT_SECTION_CAP));
  return out;
}

function changeText(p: ReportableProposal, c: ReportableProposal["changes"][number], lang: Lang): string {
  const t = RETURNS_TEXTS[lang];
  const base = t.changeLine(
    cellLabel(c.task.sheet, c.cell),
    FIELD_LABELS[lang][c.field],
    c.before,
    c.after,
    p.files[c.file].label,
    cellLabel(c.returnCell.sheet, c.returnCell.cell),
    c.confidence,
  );
  return base + (c.unitValue !== undefined ? t.unitWords(c.unitValue) : "");
}

function conflictText(p: ReportableProposal, k: ReportableProposal["conflicts"][number], decided: boolean, lang: Lang): string {
  const t = RETURNS_TEXTS[lang];
  const where = [
    k.returnCell && cellLabel(k.returnCell.sheet, k.returnCell.cell),
    k.planCell && cellLabel(k.planCell.sheet, k.planCell.cell),
  ]
    .filter(Boolean)
    .join(" → ");
  const task = k.task ? `${k.task.stt ? k.task.stt + ". " : ""}${k.task.text}` + (k.field ? ` (${FIELD_LABELS[lang][k.field]})` : "") : "";
  const detail = k.value !== undefined || k.planValue !== undefined ? t.conflictDetail(k.value ?? "", k.planValue ?? "") : "";
  return t.conflictLine(CONFLICT_LABELS[lang][k.kind], p.files[k.file].label, where, task, detail) + t.idOf(k.change ?? k.id, decided);
}

/** The CLI's account of a merge: the files, the changes written, what waits for a decision (with ids), the conflicts left. */
export function mergeReportText(proposal: ReportableProposal, applied: ReportableMerge, lang: Lang): string {
  const t = RETURNS_TEXTS[lang];
  const written = new Set(applied.written);
  const waiting = new Set(applied.undecided);
  const lines = [t.mergeHeadline(proposal.files.length, applied.written.length, applied.waiting, applied.unresolved - applied.waiting)];
  if (applied.recordDamaged) lines.push(t.recordDamaged);
  lines.push(t.filesTitle, ...proposal.files.map((f) => t.fileLine(f.label, f.unit, f.sentOn, f.tasks, f.matched, f.record)));
  const done = proposal.changes.filter((c) => written.has(c.id));
  if (done.length) lines.push(t.changesTitle, ...capped(done, (c) => changeText(proposal, c, lang), t.more));
  const open = proposal.conflicts.filter((k) => !(k.change && written.has(k.change)));
  if (open.length)
    lines.push(t.conflictsTitle, ...capped(open, (k) => conflictText(proposal, k, !waiting.has(k.change ?? k.id), lang), t.more));
  if (waiting.size) lines.push(t.howToDecide(waiting.size));
  lines.push(t.logWritten(applied.logSheet));
  if (applied.staleSummaries.length) lines.push(t.staleSummaries(applied.staleSummaries));
  return lines.join("\n");
}

const uiVi = {
  title: "Báo cáo của các đơn vị",
  hint: "Gửi mỗi cơ quan chủ trì một tệp chỉ gồm nhiệm vụ của đơn vị đó; khi các đơn vị gửi lại, gộp các cột Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Ghi chú vào kế hoạch (các cột khác là của kế hoạch, không bị ghi đè).",
  splitting: "Đang tạo tệp cho các đơn vị…",
  splitFiles: (n: number, unassigned: number) =>
    `${n} tệp, mỗi đơn vị một tệp.` + (unassigned ? ` ${unassigned} nhiệm vụ chưa rõ cơ quan chủ trì nên chưa gửi ai:` : ""),
  unassignedItem: (stt: string, text: string, lead: string) =>
    `${stt ? stt + ". " : ""}${text} (Cơ quan chủ trì: ${lead.trim() ? `«${lead.trim()}»` : "trống"})`,
  goToCell: (cell: string, text: string) => `Đến ô ${cell}: ${text}`,
  downloadFile: (name: string, tasks: number) => `Tải ${name} (${tasks} nhiệm vụ)`,
  downloadAll: "Tải tất cả (.zip)",
  zipName: "gui-don-vi.zip",
  openFile: (name: string, tasks: number) => `Mở ${name} trong Excel (${tasks} nhiệm vụ)`,
  openHint:
    "Excel cho Mac không cho tải tệp từ phuluc: mỗi nút mở tệp của một đơn vị trong cửa sổ Excel mới, hãy lưu lại (Tệp → Lưu thành) rồi gửi đi.",
  noOpen: "Excel này không tạo được sổ làm việc mới từ phuluc. Hãy dùng phuluc trên Excel bản web hoặc Windows, hoặc lệnh phuluc split.",
  opened: (name: string) =>
    `Đã mở ${name} trong cửa sổ mới, có thể nằm phía sau cửa sổ này (Excel cho Mac không đưa nó lên trước: hãy tìm trong menu Cửa sổ). Hãy lưu lại rồi gửi cho đơn vị.`,
  pickReturns: "Chọn các tệp đơn vị gửi về (.xlsx)",
  reading: "Đang đọc các tệp đơn vị gửi về…",
  applying: "Đang ghi các thay đổi đã chọn vào bảng tính…",
  undoing: "Đang hoàn tác lần gộp…",
  reviewTitle: (files: number, changes: number, conflicts: number) => `${files} tệp: ${changes} thay đổi đề xuất, ${conflicts} xung đột`,
  fileLine: (label: string, unit: string | null, tasks: number, matched: number) =>
    `${label} — ${unit ?? "chưa rõ đơn vị"}: ${matched}/${tasks} nhiệm vụ khớp kế hoạch`,
  fileNoRecord: "tệp không do «Gửi đơn vị» tạo: nhận nhiệm vụ theo nội dung",
  fileOtherPlan: "tệp của kế hoạch khác: không dùng",
  filePlanChanged: (date: string) => `kế hoạch đã thay đổi từ khi gửi (${date})`,
  changesTitle: "Thay đổi đề xuất (bỏ chọn những thay đổi không muốn ghi)",
  changeValue: (field: string, before: string, after: string) => `${field}: «${before || "trống"}» → «${after}»`,
  changeFrom: (file: string, returnCell: string, confidence: number) =>
    `Từ ${file} (${returnCell}) · khớp ${Math.round(confidence * 100)}%`,
  changeHeld: (kinds: string) => `Xung đột: ${kinds}. Chỉ ghi khi bạn chọn.`,
  changeFlagged: (kinds: string) => `Cần xem: ${kinds}. Chỉ ghi khi bạn chọn.`,
  unitWords: (typed: string) => `đơn vị ghi «${typed}»`,
  remainingTitle: (n: number) => (n ? `Còn ${n} mục chờ quyết định` : "Không còn mục nào chờ quyết định"),
  waitingTitle: "Chờ quyết định (đánh dấu rồi bấm Ghi để ghi thêm)",
  moreConflicts: (n: number) => `… và ${n} mục nữa (xem trang Nhật ký gộp).`,
  close: "Đóng",
  appliedStep: (n: number, total: number, waiting: number, sheet: string) =>
    `Đã ghi ${n} thay đổi vào bảng tính${total > n ? ` (cả lần gộp này: ${total})` : ""}; xem trang «${sheet}». ` +
    (waiting ? `Còn ${waiting} mục chờ quyết định, liệt kê ở trên.` : "Không còn mục nào chờ quyết định."),
  staleSummaries: (sheets: readonly string[]) =>
    `Bảng tổng hợp (${sheets.join(", ")}) lập trước lần gộp này nên chưa gồm các thay đổi vừa ghi; trang đã ghi chú điều đó.`,
  rebuildSummary: "Tạo lại bảng tổng hợp",
  moreChanges: (n: number) => `… và ${n} thay đổi nữa (giữ lựa chọn mặc định; dùng các nút chọn tất cả/bỏ chọn tất cả).`,
  selectAll: "Chọn tất cả",
  selectNone: "Bỏ chọn tất cả",
  conflictsTitle: (n: number) => `Xung đột khác (${n}) — không ghi gì, cần xem xét, xử lý`,
  conflictLine: (kind: string, file: string, where: string, detail: string) =>
    `${kind} — ${file}${where ? ` (${where})` : ""}${detail ? `: ${detail}` : ""}`,
  apply: (n: number) => `Ghi ${n} thay đổi đã chọn`,
  cancel: "Hủy",
  undo: (date: string, n: number) => `Hoàn tác lần gộp ngày ${date} (${n} thay đổi)`,
  undone: (cells: number, kept: number) =>
    `Đã hoàn tác lần gộp: ${cells} ô trở lại giá trị cũ.` + (kept ? ` ${kept} ô đã được sửa sau khi gộp nên giữ nguyên.` : ""),
  nothingToUndo: "Không có lần gộp nào để hoàn tác.",
  noChanges: "Các tệp không có thay đổi nào để ghi.",
  filesTitle: "Các tệp đã chọn",
  unreadableTitle: (n: number) => `${n} tệp không đọc được — bỏ qua, các tệp khác vẫn được gộp:`,
};

const uiEn: typeof uiVi = {
  title: "The units' returns",
  hint: "Send each lead unit a file with only its tasks; when the units send them back, merge their Status, Completion date, Result achieved and Note columns into the plan (the other columns are the plan's and are never overwritten).",
  splitting: "Making the units' files…",
  splitFiles: (n, unassigned) =>
    `${plural(n, "file", "files")}, one per unit.` +
    (unassigned
      ? ` ${plural(unassigned, "task has", "tasks have")} no known lead unit and ${unassigned === 1 ? "was" : "were"} sent to no one:`
      : ""),
  unassignedItem: (stt, text, lead) => `${stt ? stt + ". " : ""}${text} (lead unit: ${lead.trim() ? `«${lead.trim()}»` : "empty"})`,
  goToCell: (cell, text) => `Go to cell ${cell}: ${text}`,
  downloadFile: (name, tasks) => `Download ${name} (${plural(tasks, "task", "tasks")})`,
  downloadAll: "Download all (.zip)",
  zipName: "gui-don-vi.zip",
  openFile: (name, tasks) => `Open ${name} in Excel (${plural(tasks, "task", "tasks")})`,
  openHint:
    "Excel for Mac does not let phuluc download files: each button opens one unit's file in a new Excel window; save it (File → Save As) and send it.",
  noOpen: "This Excel cannot make a new workbook from phuluc. Use phuluc in Excel on the web or on Windows, or the phuluc split command.",
  opened: (name) =>
    `Opened ${name} in a new window, which may be behind this one (Excel for Mac does not bring it to the front: look in the Window menu). Save it, then send it to the unit.`,
  pickReturns: "Choose the files the units sent back (.xlsx)",
  reading: "Reading the units' files…",
  applying: "Writing the selected changes into the workbook…",
  undoing: "Undoing the merge…",
  reviewTitle: (files, changes, conflicts) =>
    `${plural(files, "file", "files")}: ${plural(changes, "proposed change", "proposed changes")}, ${plural(conflicts, "conflict", "conflicts")}`,
  fileLine: (label, unit, tasks, matched) =>
    `${label} — ${unit ?? "unit not known"}: ${matched}/${plural(tasks, "task", "tasks")} matched with the plan`,
  fileNoRecord: "not made by «Send to units»: tasks matched by their text",
  fileOtherPlan: "belongs to another plan: not used",
  filePlanChanged: (date) => `the plan changed since it was sent (${date})`,
  changesTitle: "Proposed changes (untick those not to write)",
  changeValue: (field, before, after) => `${field}: «${before || "empty"}» → «${after}»`,
  changeFrom: (file, returnCell, confidence) => `From ${file} (${returnCell}) · match ${Math.round(confidence * 100)}%`,
  changeHeld: (kinds) => `Conflict: ${kinds}. Written only if you tick it.`,
  changeFlagged: (kinds) => `To check: ${kinds}. Written only if you tick it.`,
  unitWords: (typed) => `the unit wrote «${typed}»`,
  remainingTitle: (n) =>
    n ? `${plural(n, "item still waits", "items still wait")} for a decision` : "Nothing waits for a decision any more",
  waitingTitle: "Waiting for a decision (tick, then Write to write more)",
  moreConflicts: (n) => `… and ${n} more (see the merge log sheet).`,
  close: "Close",
  appliedStep: (n, total, waiting, sheet) =>
    `Wrote ${plural(n, "change", "changes")} into the workbook${total > n ? ` (this merge in all: ${total})` : ""}; see the sheet «${sheet}». ` +
    (waiting
      ? `${plural(waiting, "item still waits", "items still wait")} for a decision, listed above.`
      : "Nothing waits for a decision any more."),
  staleSummaries: (sheets) =>
    `The summary (${sheets.join(", ")}) was made before this merge and does not include the changes just written; its sheets say so.`,
  rebuildSummary: "Make the summary again",
  moreChanges: (n) => `… and ${plural(n, "more change", "more changes")} (default choice kept; use select all / none).`,
  selectAll: "Select all",
  selectNone: "Select none",
  conflictsTitle: (n) => `Other conflicts (${n}) — nothing written, to be reviewed and handled`,
  conflictLine: (kind, file, where, detail) => `${kind} — ${file}${where ? ` (${where})` : ""}${detail ? `: ${detail}` : ""}`,
  apply: (n) => (n === 1 ? "Write the selected change" : `Write the ${n} selected changes`),
  cancel: "Cancel",
  undo: (date, n) => `Undo the merge of ${date} (${plural(n, "change", "changes")})`,
  undone: (cells, kept) =>
    `Merge undone: ${plural(cells, "cell has its", "cells have their")} previous value back.` +
    (kept ? ` ${plural(kept, "cell edited since was", "cells edited since were")} left as ${kept === 1 ? "it is" : "they are"}.` : ""),
  nothingToUndo: "There is no merge to undo.",
  noChanges: "The files have no change to write.",
  filesTitle: "The files picked",
  unreadableTitle: (n) => `${plural(n, "file", "files")} could not be read — left out, the other files are still merged:`,
};

/** The pane's words for the returns (src/taskpane/views/ReturnsPanel.tsx). */
export const RETURNS_UI: { readonly [L in Lang]: typeof uiVi } = { vi: uiVi, en: uiEn };
