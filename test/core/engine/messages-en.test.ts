/**
 * Issues as data, words at the edge: every issue code and every message variant, on a fixture that
 * triggers it. The engine's issue holds no message; `renderIssue` gives the Vietnamese (default) and the
 * English message from the same data — each names its cell (or its sheet, for a sheet-level issue), and no
 * Vietnamese word leaks into the English one.
 */
import { GridBuilder, STD_HEADER } from "../../support/grid-builder";
import { analyze } from "../../../src/core/analyze";
import { ISSUE_CODES, ReportSchema, type IssueCode, type Report } from "../../../src/core/report-schema";
import { defaultSettings } from "../../../src/core/settings";
import type { Grid } from "../../../src/core/grid";
import { ISSUE_LABELS, renderIssue } from "../../../src/i18n/issues";
import { AS_OF } from "./helpers";

const OK = { content: "Tổ chức tuyên truyền", lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026" };

function tasks(...rows: Parameters<GridBuilder["task"]>[0][]): Grid {
  const b = new GridBuilder("PL I").title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026").header();
  rows.forEach((t, i) => b.task({ stt: i + 1, ...t }));
  return b.build();
}

function indicators(row: (string | number | null)[]): Grid {
  return new GridBuilder("Chỉ tiêu")
    .title("CÁC CHỈ TIÊU NĂM 2026")
    .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Số đạt", "Tổng số", "Thực hiện"])
    .row(row)
    .build();
}

interface Case {
  code: IssueCode;
  variant: string;
  grids: Grid[];
  /** Cell of the issue (a sheet-level issue: its sample cell, or null); its English message names it. */
  cell: string | null;
  /** Tells which Vietnamese variant the fixture hit (so each English variant is covered). */
  vi: RegExp;
}

const CASES: Case[] = [
  {
    code: "HEADER_NOT_FOUND",
    variant: "appendix",
    grids: [new GridBuilder("Phụ lục 3").title("PHỤ LỤC III", "Danh mục").row(["a", "b"]).build()],
    cell: null,
    vi: /bảng trong 20 dòng/,
  },
  {
    code: "HEADER_NOT_FOUND",
    variant: "indicators",
    grids: [new GridBuilder("Chỉ tiêu").title("Ghi chép").row(["a", "b"]).build()],
    cell: null,
    vi: /bảng chỉ tiêu/,
  },
  {
    code: "COLUMN_MISSING",
    variant: "",
    grids: [
      new GridBuilder("PL I").title("PHỤ LỤC I").row(["STT", "Nội dung công việc", "Kết quả"]).row([1, "Việc một", "Báo cáo"]).build(),
    ],
    cell: "A2",
    vi: /không có cột/,
  },
  { code: "CONTENT_MISSING", variant: "", grids: [tasks({ ...OK, content: null })], cell: "B4", vi: /chưa ghi nội dung/ },
  { code: "LEAD_MISSING", variant: "", grids: [tasks({ ...OK, lead: " " })], cell: "D4", vi: /chưa ghi cơ quan chủ trì/ },
  {
    code: "LEAD_UNKNOWN",
    variant: "with a suggestion",
    grids: [tasks({ ...OK, lead: "Phong Van hoa - Xa hoi" })],
    cell: "D4",
    vi: /Có phải là/,
  },
  {
    code: "LEAD_UNKNOWN",
    variant: "without a suggestion",
    grids: [tasks({ ...OK, lead: "Hội Nông dân" })],
    cell: "D4",
    vi: /Hãy ghi đúng tên/,
  },
  { code: "LEAD_GENERIC", variant: "", grids: [tasks({ ...OK, lead: "Các đơn vị liên quan" })], cell: "D4", vi: /cách ghi chung/ },
  { code: "LEAD_MULTIPLE", variant: "", grids: [tasks({ ...OK, lead: "Phòng Kinh tế; Công an xã" })], cell: "D4", vi: /đơn vị chủ trì/ },
  { code: "DEADLINE_MISSING", variant: "", grids: [tasks({ ...OK, deadline: null })], cell: "G4", vi: /chưa ghi thời gian hoàn thành/ },
  { code: "DEADLINE_INVALID", variant: "", grids: [tasks({ ...OK, deadline: "30/02/2026" })], cell: "G4", vi: /không đọc được thời hạn/ },
  { code: "DEADLINE_OUTSIDE_PLAN", variant: "", grids: [tasks({ ...OK, deadline: "31/12/2025" })], cell: "G4", vi: /trước năm kế hoạch/ },
  {
    code: "STT_DUPLICATE",
    variant: "",
    grids: [
      new GridBuilder("PL I")
        .header(STD_HEADER)
        .group("I", "Một")
        .task({ stt: 1, ...OK })
        .task({ stt: "1.", ...OK })
        .build(),
    ],
    cell: "A4",
    vi: /trùng với dòng 3/,
  },
  { code: "STATUS_UNKNOWN", variant: "", grids: [tasks({ ...OK, status: "Sắp xong rồi" })], cell: "H4", vi: /không hiểu tình trạng/ },
  {
    code: "DONE_WITHOUT_DATE",
    variant: "",
    grids: [tasks({ ...OK, status: "Đã hoàn thành" })],
    cell: "I4",
    vi: /chưa ghi ngày hoàn thành/,
  },
  { code: "CELL_ERROR", variant: "", grids: [tasks({ ...OK, lead: { error: "#REF!" } })], cell: "D4", vi: /lỗi Excel #REF!/ },
  {
    code: "TEXT_LEGACY_ENCODING",
    variant: "TCVN3",
    grids: [
      new GridBuilder("Sheet1")
        .title("PHô LôC I", "NHIÖM Vô TRäNG T¢M N¡M 2026")
        .row([
          "STT",
          "Néi dung c«ng viÖc",
          "Ng­êi ®øng ®Çu chÞu tr¸ch nhiÖm",
          "C¬ quan chñ tr×",
          "C¬ quan phèi hîp",
          "KÕt qu¶",
          "Thêi gian hoµn thµnh",
        ])
        .row([1, "Tæ chøc tuyªn truyÒn", "Chñ tÞch UBND x·", "Phßng V¨n hãa - X· héi", "", "B¸o c¸o", "Th¸ng 6/2026"])
        .build(),
    ],
    cell: "A1",
    vi: /TCVN3/,
  },
  {
    code: "TEXT_LEGACY_ENCODING",
    variant: "VNI",
    grids: [
      new GridBuilder("PL I")
        .row(["STT", "Noäi dung coâng vieäc", "Cô quan chuû trì", "Thôøi gian hoaøn thaønh"])
        .row([1, "Tieáp nhaän hoà sô", "Phoøng Vaên hoùa - Xaõ hoäi", "Quyù II/2026"])
        .build(),
    ],
    cell: "B1",
    vi: /VNI/,
  },
  {
    code: "TEXT_LEGACY_ENCODING",
    variant: "one TCVN3 cell in a Unicode sheet",
    grids: [tasks({ ...OK, lead: "Phßng V¨n hãa - X· héi" })],
    cell: "D4",
    vi: /^Ô D4: chữ «Phßng V¨n hãa - X· héi» gõ bằng bảng mã cũ TCVN3.*đọc là «Phòng Văn hóa - Xã hội»/,
  },
  { code: "ROW_EMPTY", variant: "", grids: [tasks(OK, {})], cell: "A5", vi: /dòng số «2» chỉ có số thứ tự/ },
  {
    code: "INDICATOR_TARGET_MISSING",
    variant: "empty target",
    grids: [indicators([1, "Mô hình ứng dụng KHCN", "mô hình", "", null, null, 5])],
    cell: "D3",
    vi: /chưa có mục tiêu/,
  },
  {
    code: "INDICATOR_TARGET_MISSING",
    variant: "unreadable target",
    grids: [indicators([1, "Mô hình ứng dụng KHCN", "mô hình", "chưa giao", null, null, 5])],
    cell: "D3",
    vi: /không đọc được mục tiêu/,
  },
  {
    code: "INDICATOR_ACTUAL_INVALID",
    variant: "",
    grids: [indicators([1, "Báo cáo định kỳ trên hệ thống", "%", "80%", null, null, "chưa có số liệu"])],
    cell: "G3",
    vi: /không phải là số/,
  },
  {
    code: "INDICATOR_DENOMINATOR_ZERO",
    variant: "",
    grids: [indicators([1, "Kết quả TTHC được số hóa", "%", "Tối thiểu 80%", 0, 0, null])],
    cell: "F3",
    vi: /bằng 0/,
  },
  {
    code: "INDICATOR_TARGET_RELATIVE",
    variant: "no base-year column",
    grids: [indicators([1, "Mô hình ứng dụng KHCN", "mô hình", "Tăng 10% so với năm 2025", null, null, 5])],
    cell: "D3",
    vi: /bảng không có cột số liệu năm đó/,
  },
  {
    code: "INDICATOR_TARGET_RELATIVE",
    variant: "empty base-year cell",
    grids: [
      new GridBuilder("Chỉ tiêu")
        .title("CÁC CHỈ TIÊU NĂM 2026")
        .header(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Kế hoạch năm 2026", "Thực hiện"])
        .row([1, "Mô hình ứng dụng KHCN", "mô hình", null, "Tăng 10% so với năm 2025", 5])
        .build(),
    ],
    cell: "E3",
    vi: /ô D3 chưa có số/,
  },
  {
    code: "COMMUNE_MISMATCH",
    variant: "",
    grids: [
      new GridBuilder("PL I")
        .title("PHỤ LỤC I", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân xã An Hòa)")
        .header()
        .task({ stt: 1, ...OK })
        .build(),
      new GridBuilder("PL II")
        .title("PHỤ LỤC II", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã Bình Minh)")
        .header()
        .task({ stt: 1, ...OK })
        .build(),
    ],
    cell: "A2",
    vi: /trang «PL II» ghi «xã Bình Minh», khác với «xã An Hòa» ở trang «PL I»/,
  },
];

function analyse(grids: Grid[]): Report {
  const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
  ReportSchema.parse(report);
  return report;
}

/** An English message with the quoted parts («…») taken out: what phuluc itself says. */
function ownWords(message: string): string {
  return message.replace(/«[^»]*»/g, "«»");
}

/** Letters beyond ASCII that only Vietnamese words have (any letter with a diacritic, đ). */
const VIETNAMESE_LETTER = /[\u00C0-\u024F\u1E00-\u1EFF]/;

describe("issue messages are rendered from the engine's data", () => {
  it("the table covers every issue code", () => {
    expect([...new Set(CASES.map((c) => c.code))].sort()).toEqual([...ISSUE_CODES].sort());
  });

  it("every code has a label in both languages", () => {
    for (const lang of ["vi", "en"] as const) expect(Object.keys(ISSUE_LABELS[lang])).toEqual([...ISSUE_CODES]);
  });

  it.each(CASES.map((c) => [`${c.code}${c.variant ? ` (${c.variant})` : ""}`, c] as const))("%s", (_name, c) => {
    const report = analyse(c.grids);
    // The engine emits data: no words in the issue itself.
    for (const i of report.issues) expect(i).not.toHaveProperty("message");
    const issue = report.issues.find((i) => i.code === c.code)!;
    expect(issue).toBeDefined();
    expect(issue.cell).toBe(c.cell);

    const vi = renderIssue(issue, "vi");
    const en = renderIssue(issue, "en");
    expect(renderIssue(issue)).toBe(vi);
    expect(vi).toMatch(c.vi);
    expect(en).not.toBe(vi);
    if (c.code === "HEADER_NOT_FOUND" || (issue.code === "TEXT_LEGACY_ENCODING" && issue.params.scope !== "cell")) {
      // Sheet-level: the sheet first, then the sample cell when there is one.
      expect(en).toMatch(new RegExp(`^Sheet «${issue.sheet}»`));
      if (c.cell) expect(en).toContain(`cell ${c.cell}: `);
    } else {
      expect(en).toMatch(new RegExp(`^Cell ${c.cell}: `));
    }
    // No Vietnamese word leaks into an English message: outside the quotes of the user's own text and of
    // what to type, every letter is plain ASCII.
    expect({ code: c.code, words: ownWords(en) }).toEqual({ code: c.code, words: expect.not.stringMatching(VIETNAMESE_LETTER) });
  });

  it("an indicator without a name is named by its row, in each language's own words", () => {
    const report = analyse([indicators([1, "", "%", "", null, null, 5])]);
    const issue = report.issues.find((i) => i.code === "INDICATOR_TARGET_MISSING")!;
    expect(renderIssue(issue, "en")).toContain("the indicator on row 3");
    expect(renderIssue(issue, "vi")).toContain("chỉ tiêu ở dòng 3");
    expect(ownWords(renderIssue(issue, "en"))).not.toMatch(VIETNAMESE_LETTER);
  });
});
