/**
 * The words of each command of the registry (src/app/commands.ts): its label (ribbon, pane), its CLI usage
 * and help, and what it says when done. Typed by the registry: a command without its strings does not compile.
 */
import type { CommandId } from "../app/commands";

export type CommandLang = "vi" | "en";

export interface CommandStrings {
  /** Button label (pane, ribbon). */
  label: string;
  /** CLI usage line's arguments after the command name ("" for none). */
  usage: string;
  /** CLI help: what the command does (one line). */
  help: string;
}

export const COMMAND_STRINGS: { readonly [L in CommandLang]: { readonly [C in CommandId]: CommandStrings } } = {
  vi: {
    check: {
      label: "Kiểm tra",
      usage: "FILE [--as-of YYYY-MM-DD] [--since YYYY-MM-DD|OLD.xlsx] [--json] [--lang vi|en] [-o OUT]",
      help: "Kiểm tra các bảng phụ lục và chỉ tiêu, in báo cáo (JSON với --json); với --since, kèm những thay đổi từ bản tổng hợp ngày đó hoặc từ tệp cũ; với -o, ghi bản sao có tô màu các ô lỗi.",
    },
    summarize: {
      label: "Tạo bảng tổng hợp",
      usage: "FILE -o OUT [--as-of YYYY-MM-DD]",
      help: "Ghi một bản sao của tệp kèm các trang tổng hợp vào OUT (tệp gốc không bị sửa).",
    },
    highlight: { label: "Đánh dấu", usage: "", help: "" },
    clear: {
      label: "Xoá đánh dấu",
      usage: "FILE -o OUT",
      help: "Ghi một bản sao của tệp đã gỡ các ô phuluc tô màu (trả lại màu cũ của ô).",
    },
    fix: { label: "Sửa", usage: "", help: "" },
    settings: { label: "Cài đặt", usage: "", help: "" },
  },
  en: {
    check: {
      label: "Check",
      usage: "FILE [--as-of YYYY-MM-DD] [--since YYYY-MM-DD|OLD.xlsx] [--json] [--lang vi|en] [-o OUT]",
      help: "Check the appendix and indicator tables and print the report (JSON with --json); with --since, also what changed since the summary of that date or since an older file; with -o, write a copy with the problem cells highlighted.",
    },
    summarize: {
      label: "Build summary",
      usage: "FILE -o OUT [--as-of YYYY-MM-DD]",
      help: "Write a copy of the file with the summary sheets to OUT (the file itself is not changed).",
    },
    highlight: { label: "Highlight", usage: "", help: "" },
    clear: {
      label: "Clear highlights",
      usage: "FILE -o OUT",
      help: "Write a copy of the file without the highlights phuluc made (the cells' own fills come back).",
    },
    fix: { label: "Fix", usage: "", help: "" },
    settings: { label: "Settings", usage: "", help: "" },
  },
};

const outcomeVi = {
  checked: (tasks: number, errors: number, warnings: number, highlighted: number | null) =>
    errors + warnings === 0
      ? `Đã kiểm tra ${tasks} nhiệm vụ: không phát hiện lỗi nào.`
      : `Đã kiểm tra ${tasks} nhiệm vụ: ${errors} lỗi, ${warnings} cảnh báo.` +
        (highlighted === null ? "" : ` Các ô có vấn đề đã được tô màu (đỏ: lỗi, vàng: cảnh báo). Mở phuluc để xem chi tiết và gỡ tô màu.`),
  summaryDone: (names: string[]) => `Đã tạo bảng tổng hợp: ${names.map((n) => `"${n}"`).join(", ")}.`,
  summaryReplaced: (names: string[]) => `Đã thay bảng tổng hợp cũ: ${names.map((n) => `"${n}"`).join(", ")}.`,
  highlighted: (n: number) => `Đã đánh dấu ${n} ô có lỗi hoặc cảnh báo.`,
  highlightsCleared: "Đã xoá đánh dấu; các ô trở lại màu cũ.",
  /** Earlier summary snapshots that could not be read (they are ignored). */
  snapshotsDamaged: (count: number | null) =>
    count === null
      ? "Cảnh báo: dữ liệu các bản tổng hợp trước lưu trong tệp bị hỏng nên không dùng được để so sánh; lần tổng hợp này bắt đầu lưu lại từ đầu."
      : `Cảnh báo: ${count} bản tổng hợp trước lưu trong tệp bị hỏng nên được bỏ qua.`,
  snapshotTooBig: "Kế hoạch quá lớn nên lần tổng hợp này không được lưu để so sánh lần sau (các lần trước vẫn giữ).",
};

const outcomeEn: typeof outcomeVi = {
  checked: (tasks, errors, warnings, highlighted) =>
    errors + warnings === 0
      ? `Checked ${tasks} tasks: no problems found.`
      : `Checked ${tasks} tasks: ${errors} errors, ${warnings} warnings.` +
        (highlighted === null
          ? ""
          : ` The problem cells are highlighted (red: errors, yellow: warnings). Open phuluc for the details and to clear the highlights.`),
  summaryDone: (names) => `Summary built: ${names.map((n) => `"${n}"`).join(", ")}.`,
  summaryReplaced: (names) => `Replaced the previous summary: ${names.map((n) => `"${n}"`).join(", ")}.`,
  highlighted: (n) => `Highlighted ${n} cells with errors or warnings.`,
  highlightsCleared: "Highlights cleared; the cells have their own fills back.",
  snapshotsDamaged: (count) =>
    count === null
      ? "Warning: the earlier summaries stored in the file are damaged and cannot be compared with; this summary starts the record afresh."
      : `Warning: ${count} earlier summaries stored in the file are damaged and were ignored.`,
  snapshotTooBig: "The plan is too large for this summary to be kept for the next comparison (the earlier ones are kept).",
};

/** What the commands say when done. */
export const OUTCOME_TEXTS: { readonly [L in CommandLang]: typeof outcomeVi } = { vi: outcomeVi, en: outcomeEn };
