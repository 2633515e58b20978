/**
 * Other communes' plans, headed the way real ones are (domain.md, "Whose document it is"), built in code:
 * - An Hòa (a xã): the ND30 heading block on top of the appendix sheet — one merged cell with line
 *   breaks, the commune on the left and the Quốc hiệu and Tiêu ngữ on the right (or, `sideBySide`, in two
 *   cells of the same rows) — then "PHỤ LỤC 01", its title and the attachment line;
 * - Lê Chân (a phường): the block in two cells side by side, its units in a ward's words.
 */
import type { Grid } from "../../src/core/grid";
import { GridBuilder, STD_HEADER } from "./grid-builder";

export const AN_HOA = {
  attachment: "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân xã An Hòa)",
  number: "45/KH-UBND",
  date: "2026-03-10",
};

export const LE_CHAN = {
  attachment: "(Kèm theo Kế hoạch số 25/KH-UBND ngày 15/3/2026 của UBND phường Lê Chân)",
  number: "25/KH-UBND",
  date: "2026-03-15",
};

const TRACKED = [...STD_HEADER, "Tình trạng", "Ngày hoàn thành"];
const HEAD = "Chủ tịch UBND xã";

/** The ND30 block in one merged cell (A1:G3), the left and right columns set apart by spaces. */
function mergedBlock(b: GridBuilder, left: [string, string], width: number): GridBuilder {
  const pad = "          ";
  b.row([`${left[0]}${pad}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n${left[1]}${pad}Độc lập - Tự do - Hạnh phúc`]);
  b.blank(2);
  return b.merge(1, 1, 3, width);
}

/** The block in two cells of the same rows: the commune at A, the Quốc hiệu at E. */
function sideBySide(b: GridBuilder, left: [string, string]): GridBuilder {
  return b
    .row([left[0], null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    .row([left[1], null, null, null, "Độc lập - Tự do - Hạnh phúc"])
    .row(["", null, null, null, ""]);
}

/** An Hòa's appendix: its tasks led by a xã's offices, some done, some late. */
export function anHoaPlan(options: { sideBySide?: boolean } = {}): Grid[] {
  const b = new GridBuilder("PL01");
  if (options.sideBySide) sideBySide(b, ["ỦY BAN NHÂN DÂN", "XÃ AN HÒA"]);
  else mergedBlock(b, ["ỦY BAN NHÂN DÂN", "XÃ AN HÒA"], TRACKED.length);
  return [
    b
      .title("PHỤ LỤC 01", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", AN_HOA.attachment)
      .blank()
      .header(TRACKED)
      .group("I", "Hạ tầng số")
      .task({
        stt: 1,
        content: "Nâng cấp mạng nội bộ",
        head: HEAD,
        lead: "Văn phòng HĐND và UBND xã",
        deadline: "30/6/2026",
        status: "Đã hoàn thành",
        doneDate: "20/6/2026",
      })
      .task({ stt: 2, content: "Lắp camera an ninh", head: HEAD, lead: "Công an xã", deadline: "30/9/2026", status: "Đang thực hiện" })
      .group("II", "Dịch vụ công trực tuyến")
      .task({
        stt: 1,
        content: "Hướng dẫn người dân nộp hồ sơ trực tuyến",
        head: HEAD,
        lead: "Trung tâm Phục vụ hành chính công xã",
        deadline: "Thường xuyên",
      })
      .task({
        stt: 2,
        content: "Số hóa kết quả thủ tục hành chính",
        head: HEAD,
        lead: "Phòng Văn hóa - Xã hội",
        deadline: "31/8/2026",
        status: "Chưa thực hiện",
      })
      .build(),
  ];
}

/** The units a ward writes, as the domain names them. */
export const WARD_LEADS = [
  "Công an phường",
  "Văn phòng HĐND và UBND phường",
  "Phòng Kinh tế, Hạ tầng và Đô thị",
  "Phòng Văn hóa - Xã hội",
  "Trung tâm Phục vụ hành chính công phường",
];

/** Lê Chân's appendix (a phường): every task led by an office written the ward's way. */
export function wardPlan(): Grid[] {
  const b = sideBySide(new GridBuilder("Phụ lục I"), ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ CHÂN"])
    .title("PHỤ LỤC I", "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", LE_CHAN.attachment)
    .blank()
    .header(TRACKED);
  const contents = [
    "Bảo đảm an ninh mạng tại trụ sở",
    "Vận hành hệ thống quản lý văn bản",
    "Số hóa bản đồ hạ tầng đô thị",
    "Tuyên truyền kỹ năng số cho người dân",
    "Tiếp nhận hồ sơ trực tuyến toàn trình",
  ];
  WARD_LEADS.forEach((lead, i) =>
    b.task({
      stt: i + 1,
      content: contents[i],
      head: "Chủ tịch UBND phường",
      lead,
      deadline: i % 2 ? "31/12/2026" : "30/6/2026",
      status: i === 0 ? "Đã hoàn thành" : "Đang thực hiện",
      doneDate: i === 0 ? "25/6/2026" : null,
    }),
  );
  return [b.build()];
}

/** The CLI session: the options that set a plan's identity and signer (`phuluc settings FILE -o OUT …`). */
export const IDENTITY_OPTIONS = [
  "--commune",
  "phường Lê Chân",
  "--plan",
  "Kế hoạch số 25/KH-UBND ngày 15/3/2026",
  "--signer",
  "Nguyễn Văn A",
  "--signer-title",
  "CHỦ TỊCH",
];
