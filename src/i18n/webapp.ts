/**
 * The web app's own words (index.html: open a workbook, save it, install, update), Vietnamese first with
 * English. The pane inside it keeps its words in ui.ts. Kept apart so the web app's first screen does not
 * load the pane's strings. The installed app's name and description (manifest.webmanifest) are here too.
 */
import type { Lang } from "./ui";

const vi = {
  /** The installed app's name, its short name under the icon, and its description. */
  appName: "phuluc – Kiểm tra phụ lục kế hoạch",
  shortName: "phuluc",
  appDescription: "Kiểm tra và tổng hợp các phụ lục kế hoạch của UBND xã ngay trên trình duyệt, không cần Excel cài phần bổ trợ.",
  title: "phuluc — kiểm tra phụ lục kế hoạch",
  intro:
    "Mở tệp kế hoạch (.xlsx) để kiểm tra, tô màu ô lỗi, sửa, tạo bảng tổng hợp và báo cáo. Tệp chỉ được xử lý trên máy này, không gửi đi đâu.",
  openFile: "Mở tệp .xlsx…",
  openSample: "Mở tệp mẫu",
  dropHint: "Hoặc kéo tệp .xlsx thả vào cửa sổ này.",
  dropHere: "Thả tệp để mở",
  loading: "Đang mở tệp…",
  openFailed: (msg: string) => `Không mở được tệp: ${msg}`,
  notWorkbook: (name: string) => `«${name}» không phải tệp Excel .xlsx hay .xlsm.`,
  sampleMissing: "Không tải được tệp mẫu (assets/sample.xlsx).",
  fileLabel: (name: string) => `Tệp: ${name}`,
  unsaved: "có thay đổi chưa lưu",
  save: "Lưu",
  saveAs: "Lưu thành bản mới…",
  download: "Tải xuống .xlsx",
  saveHint: "Trình duyệt này không ghi thẳng vào tệp được: bấm Tải xuống để lưu bản đã sửa.",
  confirmSaveTitle: "Ghi vào tệp đã mở?",
  confirmSave: (name: string) =>
    `phuluc sẽ ghi bảng tính đang mở, cùng mọi thay đổi (tô màu, sửa lỗi, bảng tổng hợp), đè lên tệp «${name}». Nội dung cũ của tệp sẽ được thay bằng bản này.`,
  confirmSaveYes: "Ghi vào tệp",
  confirmDiscardTitle: "Bỏ các thay đổi chưa lưu?",
  confirmDiscard: (name: string) => `Tệp «${name}» có thay đổi chưa lưu. Mở tệp khác thì các thay đổi này sẽ mất.`,
  confirmDiscardYes: "Mở tệp khác",
  cancel: "Hủy",
  saving: "Đang lưu…",
  saved: (name: string) => `Đã lưu vào tệp «${name}».`,
  savedCopy: (name: string) => `Đã lưu bản mới «${name}». Từ giờ «Lưu» ghi vào tệp này.`,
  downloaded: (name: string) => `Đã tải xuống «${name}».`,
  saveFailed: (msg: string) => `Không lưu được: ${msg}`,
  writeRefused: "Trình duyệt không cho ghi vào tệp này. Hãy dùng «Lưu thành bản mới…».",
  updateReady: "Đã có phiên bản mới của phuluc.",
  reload: "Tải lại",
  workspace: "Bảng tính đang mở",
  sheetView: "Xem bảng tính",
  language: "English",
  languageName: "Chuyển sang tiếng Anh",
  fileTypeName: "Bảng tính Excel",
};

export type WebAppTexts = typeof vi;

const en: WebAppTexts = {
  appName: "phuluc – Plan appendix checker",
  shortName: "phuluc",
  appDescription: "Checks and summarises the appendix tables of a commune plan in the browser, without an Excel add-in.",
  title: "phuluc — plan appendix checker",
  intro:
    "Open a plan workbook (.xlsx) to check it, highlight and fix problems, build the summary and the report. The file is processed on this computer only; nothing is sent anywhere.",
  openFile: "Open .xlsx file…",
  openSample: "Open sample",
  dropHint: "Or drop an .xlsx file onto this window.",
  dropHere: "Drop the file to open it",
  loading: "Opening…",
  openFailed: (msg) => `Could not open the file: ${msg}`,
  notWorkbook: (name) => `«${name}» is not an Excel .xlsx or .xlsm file.`,
  sampleMissing: "Could not load the sample (assets/sample.xlsx).",
  fileLabel: (name) => `File: ${name}`,
  unsaved: "unsaved changes",
  save: "Save",
  saveAs: "Save as new file…",
  download: "Download .xlsx",
  saveHint: "This browser cannot write to the file itself: press Download to keep the changed copy.",
  confirmSaveTitle: "Write to the opened file?",
  confirmSave: (name) =>
    `phuluc will write the open workbook, with every change (highlights, fixes, summary sheets), over the file «${name}». The file's old content is replaced by this one.`,
  confirmSaveYes: "Write to the file",
  confirmDiscardTitle: "Discard the unsaved changes?",
  confirmDiscard: (name) => `«${name}» has unsaved changes. Opening another file loses them.`,
  confirmDiscardYes: "Open another file",
  cancel: "Cancel",
  saving: "Saving…",
  saved: (name) => `Saved to «${name}».`,
  savedCopy: (name) => `Saved the new file «${name}». From now on Save writes to it.`,
  downloaded: (name) => `Downloaded «${name}».`,
  saveFailed: (msg) => `Could not save: ${msg}`,
  writeRefused: "The browser does not allow writing to this file. Use «Save as new file…».",
  updateReady: "A new version of phuluc is available.",
  reload: "Reload",
  workspace: "Open workbook",
  sheetView: "Workbook view",
  language: "Tiếng Việt",
  languageName: "Switch to Vietnamese",
  fileTypeName: "Excel workbook",
};

export const WEBAPP_TEXTS: Record<Lang, WebAppTexts> = { vi, en };
