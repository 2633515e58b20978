/**
 * The add-in's support page (support.html, the manifests' SupportUrl), built by webpack from
 * src/support/support.html with these texts. Plain data: the build reads it with scripts/legacy-script.js's
 * source loader. Vietnamese, with the same in English below for IT staff.
 */
export const supportTexts = {
  title: "phuluc – Hỗ trợ",
  intro:
    "phuluc kiểm tra và tổng hợp các phụ lục kế hoạch của UBND xã ngay trong Excel: nhiệm vụ thiếu đơn vị chủ trì, thời hạn sai, tình trạng quá hạn, và tạo bảng tổng hợp in A4.",
  /** The web app at the same address (index.html beside this page): the link's words and what it is for. */
  webApp: {
    link: "Mở ứng dụng web phuluc",
    note: "Dùng được trên Chrome, Cốc Cốc, Edge mà không cần Excel cài phần bổ trợ; sau lần mở đầu tiên, vẫn dùng được khi mất mạng.",
  },
  sections: [
    {
      heading: "Mở phuluc",
      items: [
        "Trong Excel: thẻ Trang đầu (Home) → nhóm phuluc → Mở phuluc. Hai nút Kiểm tra và Tạo bảng tổng hợp chạy ngay, không cần mở ngăn.",
        "Không có Excel phù hợp (Office 2010/2013/2016/2019, WPS, LibreOffice): mở ứng dụng web ở đầu trang này bằng Chrome, Cốc Cốc hoặc Edge, chọn tệp .xlsx; «Lưu» ghi lại vào chính tệp đó (hoặc tải xuống bản đã sửa). Trình duyệt cho phép cài ứng dụng lên máy (biểu tượng cài đặt trên thanh địa chỉ).",
      ],
    },
    {
      heading: "Khi có trục trặc",
      items: [
        "Ngăn phuluc hiện «phuluc chưa chạy được trong Excel này»: Office 2016/2019 dùng trình duyệt cũ. Dùng Excel trên web, bản Office mới hơn, hoặc mở trang trong trình duyệt mới.",
        "Ngăn dừng lâu ở «Đang tải phuluc…»: lần đầu Excel có thể mất đến một phút. Nếu quá lâu, đóng ngăn và mở lại; kiểm tra kết nối mạng tới appsforoffice.microsoft.com.",
        "Thông báo «được bảo vệ»: bỏ bảo vệ trang tính hoặc sổ làm việc (Xem lại → Bỏ bảo vệ) rồi làm lại.",
        "Tô màu không gỡ được, hoặc bảng tổng hợp thiếu định dạng in: ghi lại thông báo phuluc hiện và gửi cho người quản trị cùng phiên bản Excel (Tệp → Tài khoản → Giới thiệu về Excel).",
      ],
    },
  ],
  english:
    "phuluc checks and summarises the appendix tables of a commune plan in Excel. Open it from Home → phuluc. Office 2016/2019 (Internet Explorer or Edge Legacy web views) cannot run it: use Excel on the web, a newer Office, or the web app (index.html at this address) in a modern browser. Report problems with the message shown and Excel's version.",
};
