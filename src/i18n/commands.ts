/**
 * The words of each command of the registry (src/app/commands.ts): its label (ribbon, pane), its CLI usage
 * and help, and what it says when done. The registry checks that every command has its strings
 * (src/app/command-words.ts: a command without them does not compile); i18n knows only the ids.
 */
import { plural } from "./format";
import type { Lang } from "../core/lang";

export interface CommandStrings {
  /** Button label (pane, ribbon). */
  label: string;
  /** CLI help: what the command does (one line). */
  help: string;
  /** The ribbon button's tooltip (commands with a ribbon button). */
  tooltip?: string;
}

/** The commands that have words (the registry's ids). */
export type CommandWordId =
  "check" | "summarize" | "highlight" | "clear" | "report" | "split" | "merge" | "fix" | "settings" | "consolidate";

export const COMMAND_STRINGS: { readonly [L in Lang]: { readonly [C in CommandWordId]: CommandStrings } } = {
  vi: {
    check: {
      label: "Kiểm tra",
      help: "Kiểm tra các bảng phụ lục và chỉ tiêu, in báo cáo (JSON với --json); với --since, kèm những thay đổi từ bản tổng hợp ngày đó hoặc từ tệp cũ; với -o, ghi bản sao có tô màu các ô lỗi.",
      tooltip: "Kiểm tra mọi phụ lục trong sổ làm việc và tô màu các ô có lỗi (tô màu có thể gỡ bỏ).",
    },
    summarize: {
      label: "Tạo bảng tổng hợp",
      help: "Ghi một bản sao của tệp kèm các trang tổng hợp vào OUT (tệp gốc không bị sửa).",
      tooltip: "Tạo (hoặc tạo lại) các trang tổng hợp theo đơn vị, phụ lục và nhiệm vụ quá hạn, sẵn sàng in A4.",
    },
    highlight: { label: "Đánh dấu", help: "" },
    clear: {
      label: "Xóa đánh dấu",
      help: "Ghi một bản sao của tệp đã gỡ các ô phuluc tô màu (trả lại màu cũ của ô).",
      tooltip: "Gỡ các ô phuluc đã tô màu khi kiểm tra; ô trở lại màu cũ của nó.",
    },
    report: {
      label: "Tạo báo cáo (.docx)",
      help: "Soạn dự thảo báo cáo kết quả thực hiện kế hoạch (thể thức Nghị định 30/2020/NĐ-CP) và ghi vào tệp Word OUT.docx; mục III so với bản tổng hợp trước (hoặc --since).",
    },
    split: {
      label: "Gửi đơn vị",
      help: "Tạo trong thư mục DIR một tệp cho mỗi cơ quan chủ trì (đặt theo tên đơn vị), chỉ gồm nhiệm vụ đơn vị đó chủ trì, các cột cần điền được tô vàng (tệp kế hoạch không bị sửa).",
    },
    merge: {
      label: "Gộp báo cáo đơn vị…",
      help: "Gộp các tệp đơn vị gửi về (RETURN…) vào kế hoạch: ghi các cột Tình trạng, Ngày hoàn thành, Kết quả, Ghi chú vào bản sao OUT, kèm trang Nhật ký gộp; liệt kê xung đột (mã thoát 1 khi còn xung đột); --json in các thay đổi và xung đột dạng JSON.",
    },
    fix: { label: "Sửa", help: "" },
    settings: {
      label: "Cài đặt",
      help: "In cài đặt của tệp (xã, kế hoạch, người ký, danh sách đơn vị; JSON với --json); với -o OUT và --commune, --plan, --signer, --signer-title, --units-from-plan, ghi cài đặt mới vào bản sao OUT (cùng nơi lưu với Cài đặt trong Excel).",
    },
    consolidate: {
      label: "Tổng hợp nhiều xã",
      help: "Tổng hợp kế hoạch của nhiều xã, phường, đặc khu (mọi tệp .xlsx trong thư mục DIR, hoặc các tệp FILE) vào bảng tổng hợp OUT: xếp hạng các xã, chỉ tiêu ghép theo tên và đơn vị tính, danh sách tệp không tổng hợp được (mã thoát 1 khi có tệp bị bỏ qua); --report soạn dự thảo báo cáo của tỉnh, thành phố hoặc sở (.docx); --json in kết quả dạng JSON.",
    },
  },
  en: {
    check: {
      label: "Check",
      help: "Check the appendix and indicator tables and print the report (JSON with --json); with --since, also what changed since the summary of that date or since an older file; with -o, write a copy with the problem cells highlighted.",
      tooltip: "Check every appendix in the workbook and highlight the cells with issues (highlights can be removed).",
    },
    summarize: {
      label: "Build summary",
      help: "Write a copy of the file with the summary sheets to OUT (the file itself is not changed).",
      tooltip: "Build (or rebuild) the summary sheets by unit, appendix and overdue task, ready to print on A4.",
    },
    highlight: { label: "Highlight", help: "" },
    clear: {
      label: "Clear highlights",
      help: "Write a copy of the file without the highlights phuluc made (the cells' own fills come back).",
      tooltip: "Remove the highlights phuluc made when checking; each cell gets its own fill back.",
    },
    report: {
      label: "Create report (.docx)",
      help: "Draft the plan's results report (in the form of Decree 30/2020/NĐ-CP) and write it to the Word file OUT.docx; its section III compares with the previous summary (or --since).",
    },
    split: {
      label: "Send to units",
      help: "Write into folder DIR one file per lead unit (named after the unit) holding only the tasks it leads, the columns to fill marked in amber (the plan is not changed).",
    },
    merge: {
      label: "Merge the units' returns…",
      help: "Merge the files the units sent back (RETURN…) into the plan: their Status, Completion date, Result and Note columns are written into the copy OUT with a merge log sheet; conflicts are listed (exit code 1 while any remain); --json prints the changes and conflicts as JSON.",
    },
    fix: { label: "Fix", help: "" },
    settings: {
      label: "Settings",
      help: "Print the file's settings (commune, plan, signer, unit list; JSON with --json); with -o OUT and --commune, --plan, --signer, --signer-title, --units-from-plan, write new settings into the copy OUT (the same store as Settings in Excel).",
    },
    consolidate: {
      label: "Consolidate communes",
      help: "Consolidate many communes' plans (every .xlsx file in folder DIR, or the files FILE) into the workbook OUT: the communes ranked, the indicators matched by name and unit of measure, the files left out (exit code 1 when any is); --report drafts the city's, province's or department's report (.docx); --json prints the result as JSON.",
    },
  },
};

const outcomeVi = {
  checked: (tasks: number, errors: number, warnings: number, highlighted: number | null) =>
    errors + warnings === 0
      ? `Đã kiểm tra ${tasks} nhiệm vụ: không phát hiện lỗi nào.`
      : `Đã kiểm tra ${tasks} nhiệm vụ: ${errors} lỗi, ${warnings} cảnh báo.` +
        (highlighted === null ? "" : ` Các ô có vấn đề đã được tô màu (đỏ: lỗi, vàng: cảnh báo). Mở phuluc để xem chi tiết và gỡ tô màu.`),
  summaryDone: (names: string[]) => `Đã tạo bảng tổng hợp: ${names.map((n) => `«${n}»`).join(", ")}.`,
  summaryReplaced: (names: string[]) => `Đã thay bảng tổng hợp cũ: ${names.map((n) => `«${n}»`).join(", ")}.`,
  highlighted: (n: number) => `Đã đánh dấu ${n} ô có lỗi hoặc cảnh báo.`,
  highlightsCleared: "Đã xóa đánh dấu; các ô trở lại màu cũ.",
  /** Earlier summary snapshots that could not be read (they are ignored). */
  snapshotsDamaged: (count: number | null) =>
    count === null
      ? "Cảnh báo: dữ liệu các bản tổng hợp trước lưu trong tệp bị hỏng nên không dùng được để so sánh; lần tổng hợp này bắt đầu lưu lại từ đầu."
      : `Cảnh báo: ${count} bản tổng hợp trước lưu trong tệp bị hỏng nên được bỏ qua.`,
  snapshotTooBig: "Kế hoạch quá lớn nên lần tổng hợp này không được lưu để so sánh lần sau (các lần trước vẫn giữ).",
  reportDrafted: (tasks: number, asOf: string, errors: number) =>
    `Đã soạn dự thảo báo cáo từ ${tasks} nhiệm vụ (số liệu đến ngày ${asOf}); hãy viết vào các chỗ đánh dấu vàng trước khi trình ký.` +
    (errors ? ` Lưu ý: bảng tính còn ${errors} lỗi nên số liệu có thể chưa đầy đủ (chạy phuluc check để xem).` : ""),
  reportSheetWritten: (name: string) => `Đã ghi báo cáo vào trang «${name}» của bảng tính (in ra giấy A4 dọc).`,
};

const outcomeEn: typeof outcomeVi = {
  checked: (tasks, errors, warnings, highlighted) =>
    errors + warnings === 0
      ? `Checked ${plural(tasks, "task", "tasks")}: no problems found.`
      : `Checked ${plural(tasks, "task", "tasks")}: ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}.` +
        (highlighted === null
          ? ""
          : ` The problem cells are highlighted (red: errors, yellow: warnings). Open phuluc for the details and to clear the highlights.`),
  summaryDone: (names) => `Summary built: ${names.map((n) => `«${n}»`).join(", ")}.`,
  summaryReplaced: (names) => `Replaced the previous summary: ${names.map((n) => `«${n}»`).join(", ")}.`,
  highlighted: (n) => `Highlighted ${plural(n, "cell", "cells")} with errors or warnings.`,
  highlightsCleared: "Highlights cleared; the cells have their own fills back.",
  snapshotsDamaged: (count) =>
    count === null
      ? "Warning: the earlier summaries stored in the file are damaged and cannot be compared with; this summary starts the record afresh."
      : `Warning: ${plural(count, "earlier summary", "earlier summaries")} stored in the file ${count === 1 ? "was" : "were"} damaged and ignored.`,
  snapshotTooBig: "The plan is too large for this summary to be kept for the next comparison (the earlier ones are kept).",
  reportDrafted: (tasks, asOf, errors) =>
    `Drafted the report from ${plural(tasks, "task", "tasks")} (figures as of ${asOf}); fill in the places marked in yellow before it is signed.` +
    (errors
      ? ` Note: the workbook still has ${plural(errors, "error", "errors")}, so the figures may be incomplete (run phuluc check to see them).`
      : ""),
  reportSheetWritten: (name) => `Wrote the report into the sheet «${name}» (prints on A4 portrait).`,
};

/** What the commands say when done. */
export const OUTCOME_TEXTS: { readonly [L in Lang]: typeof outcomeVi } = { vi: outcomeVi, en: outcomeEn };
