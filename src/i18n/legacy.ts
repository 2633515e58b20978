/**
 * What an Office too old for phuluc shows (src/legacy/old-engine.js, generated at build time from this
 * file by scripts/legacy-script.js). Office 2016 and 2019 — volume-licensed, or retail without WebView2
 * — open add-ins in Internet Explorer 11 ("Trident") or Edge Legacy ("EdgeHTML"), which cannot run the
 * pane's script. Plain data only (no imports, no functions): the old-engine script is ES5 and takes these
 * strings as JSON. `{url}` is replaced by the address of the web app (index.html beside the page), to
 * open in a modern browser. The web app itself, opened in such a browser, says which browsers work.
 */
export const legacyTexts = {
  title: "phuluc chưa chạy được trong Excel này",
  intro:
    "Excel này mở phần bổ trợ bằng trình duyệt cũ có sẵn trong Office 2016 và Office 2019 (Internet Explorer hoặc Edge bản cũ), nên phuluc không chạy được ở đây. Bạn vẫn dùng được phuluc theo một trong ba cách:",
  ways: [
    "Mở ứng dụng web phuluc tại {url} bằng trình duyệt mới (Chrome, Cốc Cốc hoặc Edge), chọn tệp .xlsx của kế hoạch: phuluc kiểm tra, tô màu lỗi, tạo bảng tổng hợp và báo cáo, rồi lưu lại tệp.",
    "Dùng Excel trên web (office.com, đăng nhập tài khoản Microsoft): mở sổ làm việc, thêm phuluc như lần này, mọi chức năng đều chạy.",
    "Cập nhật Office lên Microsoft 365 hoặc Office 2021 trở lên (hoặc cài Microsoft Edge WebView2 cho Office 2019 bản bán lẻ), rồi mở lại Excel.",
  ],
  /** Shown by the ribbon buttons (in a small dialog), before the same three ways. */
  commandIntro: "Không thực hiện được lệnh này: phuluc chưa chạy được trong Excel này (trình duyệt cũ của Office 2016/2019).",
  close: "Đóng",
  /** The web app (index.html) opened in Internet Explorer or Edge Legacy. */
  webAppTitle: "Trình duyệt này quá cũ để chạy phuluc",
  webAppIntro:
    "Hãy mở địa chỉ {url} bằng Chrome, Cốc Cốc hoặc Microsoft Edge (bản mới). Trên máy chưa có trình duyệt nào trong số đó, hãy nhờ cán bộ tin học cài một trình duyệt.",
  webAppEnglish: "phuluc needs a modern browser (Chrome, Cốc Cốc, Edge). Open this address in one of them.",
  /** A short English line under the Vietnamese, for the IT staff who may be called. */
  english:
    "phuluc needs a modern web view (Microsoft 365, Office 2021+, or WebView2); this Office uses Internet Explorer or Edge Legacy. Use Excel on the web, or open the web app at the address above in a modern browser.",
};

export type LegacyTexts = typeof legacyTexts;
