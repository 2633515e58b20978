/**
 * Communes' plans as a city receives them (phuluc consolidate), built in code:
 * - communePlan(): one commune's workbook — the ND30 heading with its own commune, the attachment line with
 *   its own plan, an appendix of tasks (some done, late, overdue, recurring) and an indicator table in the
 *   commune's own words;
 * - generatedCommune(i): the i-th of the country's communes (3,321 distinct names and plans), about 150
 *   tasks, its indicators worded one of several ways, for the benchmark and the tests at scale;
 * - fastXlsx(): Grids → .xlsx bytes in a few milliseconds (shared strings, merges, date cells), so thousands
 *   of files can be written for a test or the benchmark (ExcelJS takes ~50 ms a file).
 */
import type { CellValue, Grid } from "../../src/core/grid";
import type { CommuneKind } from "../../src/core/document/identity";
import { writeZip } from "../../src/ooxml/zip-write";
import { GridBuilder, TRACKING_HEADER, type TaskRowInput } from "./grid-builder";

export const INDICATOR_HEADER = ["STT", "Tên chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Số đạt", "Tổng số", "Thực hiện"];

export interface IndicatorRowInput {
  name: string;
  unit: string;
  target: CellValue;
  achieved?: CellValue;
  total?: CellValue;
  actual?: CellValue;
}

export interface CommunePlanInput {
  kind: CommuneKind;
  name: string;
  /** "45/KH-UBND" and its date d/m/yyyy. */
  planNumber: string;
  planDate: string;
  tasks: TaskRowInput[];
  indicators?: IndicatorRowInput[];
}

const KIND_CAPS: Record<CommuneKind, string> = { xa: "XÃ", phuong: "PHƯỜNG", dac_khu: "ĐẶC KHU" };
const KIND_WORD: Record<CommuneKind, string> = { xa: "xã", phuong: "phường", dac_khu: "đặc khu" };

/** One commune's workbook: its appendix sheet, and its indicator sheet when it has indicators. */
export function communePlan(p: CommunePlanInput): Grid[] {
  const b = new GridBuilder("Phụ lục I")
    .row(["ỦY BAN NHÂN DÂN", null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    .row([`${KIND_CAPS[p.kind]} ${p.name.toLocaleUpperCase("vi")}`, null, null, null, "Độc lập - Tự do - Hạnh phúc"])
    .blank()
    .title(
      "PHỤ LỤC I",
      "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026",
      `(Kèm theo Kế hoạch số ${p.planNumber} ngày ${p.planDate} của Ủy ban nhân dân ${KIND_WORD[p.kind]} ${p.name})`,
    )
    .blank()
    .header(TRACKING_HEADER);
  let group = 0;
  p.tasks.forEach((t, i) => {
    if (i % 50 === 0) b.group(["I", "II", "III", "IV", "V", "VI"][group++ % 6], `Nhóm nhiệm vụ ${group}`);
    b.task(t, typeof t.doneDate === "number" ? { doneDate: "dd/mm/yyyy" } : undefined);
  });
  const grids = [b.build()];
  if (p.indicators?.length) {
    const ind = new GridBuilder("Chỉ tiêu").title("CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026").row(INDICATOR_HEADER);
    p.indicators.forEach((r, i) => ind.row([i + 1, r.name, r.unit, r.target, r.achieved ?? null, r.total ?? null, r.actual ?? null]));
    grids.push(ind.build());
  }
  return grids;
}

const SYLLABLES = [
  "An",
  "Bình",
  "Hòa",
  "Tân",
  "Phú",
  "Long",
  "Thạnh",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Hưng",
  "Lợi",
  "Mỹ",
  "Thuận",
  "Phước",
  "Vĩnh",
  "Quang",
  "Minh",
  "Hải",
  "Sơn",
  "Lâm",
  "Thành",
  "Trung",
  "Đức",
  "Phong",
  "Hiệp",
  "Nghĩa",
  "Lộc",
  "Thịnh",
  "Cường",
  "Hà",
  "Lạc",
  "Xuân",
  "Hồng",
  "Kim",
  "Ngọc",
  "Thái",
  "Yên",
  "Tiến",
  "Hợp",
  "Định",
  "Khánh",
  "Quảng",
  "Tường",
  "Châu",
  "Diên",
  "Hội",
  "Trường",
  "Vân",
  "Đại",
  "Tĩnh",
  "Phương",
  "Liên",
  "Thắng",
  "Lập",
  "Dương",
  "Cát",
  "Bảo",
  "Gia",
];

/** The lead units each kind of commune writes (domain.md: a ward's offices have their own words). */
export const COMMUNE_UNITS: Record<CommuneKind, string[]> = {
  xa: ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Công an xã", "Trung tâm Phục vụ hành chính công"],
  phuong: [
    "Phòng Văn hóa - Xã hội",
    "Văn phòng HĐND và UBND phường",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Công an phường",
    "Trung tâm Phục vụ hành chính công phường",
  ],
  dac_khu: [
    "Phòng Văn hóa - Xã hội",
    "Văn phòng HĐND và UBND đặc khu",
    "Phòng Kinh tế",
    "Công an đặc khu",
    "Trung tâm Phục vụ hành chính công",
  ],
};
const DEADLINES = ["30/6/2026", "Quý II/2026", "30/9/2026", "Thường xuyên", "Năm 2026", "Tháng 12/2026", "30/11/2026", "Quý III/2026"];
const STATUSES = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "", "Hoàn thành"];
/** 20/6/2026 as an Excel serial. */
const JUNE_20 = 46193;

/** The i-th commune's name (distinct for i < 60 × 59). */
export function communeName(i: number): string {
  const a = SYLLABLES[i % SYLLABLES.length];
  const b = SYLLABLES[(Math.floor(i / SYLLABLES.length) + 1 + (i % SYLLABLES.length)) % SYLLABLES.length];
  return `${a} ${b}`;
}

/** The same indicators, worded as different communes word them (the first wording of each is the city's). */
export const INDICATOR_WORDINGS = {
  online: [
    "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
    "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình",
    "Tỉ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình trên địa bàn xã",
  ],
  partly: ["Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến một phần", "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến một phần"],
  initiatives: ["Số sáng kiến, giải pháp được công nhận", "Số sáng kiến được công nhận"],
  signatures: ["Tỷ lệ người dân trưởng thành có chữ ký số", "Tỷ lệ người dân trưởng thành sử dụng chữ ký số cá nhân"],
  trained: ["Số người dân được tập huấn kỹ năng số"],
  trainedTimes: ["Số lượt người dân tham gia tập huấn kỹ năng số"],
};

/** The i-th commune's indicators: each indicator in one of its wordings, with figures that vary by commune. */
export function communeIndicators(i: number): IndicatorRowInput[] {
  const w = INDICATOR_WORDINGS;
  const pick = (list: string[]) => list[i % list.length];
  const total = 80 + (i % 40);
  return [
    { name: pick(w.online), unit: "%", target: "Tối thiểu 80%", achieved: Math.round(total * (0.6 + (i % 7) * 0.06)), total },
    { name: pick(w.partly), unit: "%", target: "Tối thiểu 50%", achieved: Math.round(total * 0.5) + (i % 5) - 2, total },
    { name: pick(w.initiatives), unit: "sáng kiến", target: "Ít nhất 02", actual: i % 4 },
    { name: pick(w.signatures), unit: "%", target: "Tối thiểu 70%", actual: i % 3 === 0 ? null : 0.5 + (i % 5) * 0.1 },
    ...(i % 2 ? [{ name: w.trained[0], unit: "người", target: "Ít nhất 500", actual: 300 + (i % 9) * 50 }] : []),
    ...(i % 3 === 1 ? [{ name: w.trainedTimes[0], unit: "lượt", target: "Ít nhất 800", actual: 700 + (i % 5) * 60 }] : []),
  ];
}

/**
 * The i-th commune's tasks (about `count`), their statuses and deadlines varying by commune; one commune in
 * ten has a lead typed with a typo and one deadline left empty (errors its file shows).
 */
export function communeTasks(i: number, count: number, kind: CommuneKind = "xa"): TaskRowInput[] {
  const units = COMMUNE_UNITS[kind];
  return Array.from({ length: count }, (_, t) => {
    const k = t + i * 7;
    // each commune has its own pace: from about 3 in 10 tasks done to about 9 in 10
    const done = (t * 31 + i * 17) % 100 < 30 + (i % 7) * 10;
    const status = done ? (k % 2 ? "Đã hoàn thành" : "Hoàn thành") : STATUSES[1 + (k % 3)];
    return {
      stt: (t % 50) + 1,
      content: `Triển khai nhiệm vụ số ${t + 1}: rà soát, cập nhật cơ sở dữ liệu và báo cáo kết quả thực hiện`,
      head: `Chủ tịch UBND ${KIND_WORD[kind]}`,
      lead: i % 10 === 0 && t === 3 ? "Phong Van hoa - Xa hoi" : units[k % units.length],
      support: "Các đơn vị liên quan",
      result: "Báo cáo",
      deadline: i % 10 === 0 && t === 5 ? null : DEADLINES[k % DEADLINES.length],
      status,
      doneDate: done ? JUNE_20 + (k % 200) : null,
    };
  });
}

/** The i-th commune of the country: a xã (two of three), a phường, now and then a đặc khu. */
export function generatedCommune(i: number, tasks = 150): CommunePlanInput {
  const kind: CommuneKind = i % 97 === 0 ? "dac_khu" : i % 3 === 2 ? "phuong" : "xa";
  return {
    kind,
    name: communeName(i),
    planNumber: `${10 + (i % 90)}/KH-UBND`,
    planDate: `${1 + (i % 28)}/3/2026`,
    tasks: communeTasks(i, tasks, kind),
    indicators: communeIndicators(i),
  };
}

// ---------------------------------------------------------------------------------------------------
// A fast .xlsx writer for thousands of test files.

const enc = new TextEncoder();
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function col(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(g: Grid, sst: Map<string, number>): string {
  const rows = g.values.map((row, r) => {
    const cells = row.map((v, c) => {
      if (v === null || v === undefined) return "";
      const ref = `${col(c + 1)}${r + 1}`;
      const fmt = g.numberFormats?.[r]?.[c];
      if (typeof v === "number") return `<c r="${ref}"${fmt ? ' s="1"' : ""}><v>${v}</v></c>`;
      if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      if (typeof v !== "string") return "";
      let i = sst.get(v);
      if (i === undefined) sst.set(v, (i = sst.size));
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  const merges = g.merges.length
    ? `<mergeCells count="${g.merges.length}">${g.merges.map((m) => `<mergeCell ref="${col(m.left)}${m.top}:${col(m.right)}${m.bottom}"/>`).join("")}</mergeCells>`
    : "";
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.join("")}</sheetData>${merges}</worksheet>`;
}

const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
  `<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** Grids → .xlsx bytes, as Excel lays them out (shared strings, a date format for cells that have one). */
export function fastXlsx(grids: readonly Grid[]): Uint8Array {
  const sst = new Map<string, number>();
  const sheets = grids.map((g) => sheetXml(g, sst));
  const strings = [...sst.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `</Types>`,
    ],
    [
      "_rels/.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${grids.map((g, i) => `<sheet name="${esc(g.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        grids.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${grids.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${grids.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", `${DECL}<sst xmlns="${MAIN}" count="${sst.size}" uniqueCount="${sst.size}">${strings}</sst>`],
    ...sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  return writeZip(parts.map(([name, xml]) => ({ kind: "new" as const, name, data: enc.encode(xml) })));
}

/** A file name for a commune's workbook ("xa-an-binh.xlsx"). */
export function communeFileName(p: Pick<CommunePlanInput, "kind" | "name">, suffix = ""): string {
  const slug = `${KIND_WORD[p.kind]} ${p.name}`
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  return `${slug}${suffix}.xlsx`;
}
