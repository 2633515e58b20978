/** The report document's content, read from its plain model (no .docx needed): sections, prose, numbers, placeholders. */
import { buildReportDoc, COMING_PERIOD_DAYS, MAX_LISTED, planInProse, qty } from "../../src/documents/report-doc/build";
import { documentNumber, issuingAgencyLines, recipientLines, signatureOf } from "../../src/documents/report-doc/header";
import { docText, type DocBlock, type DocTable, type ReportDoc } from "../../src/documents/report-doc/spec";
import { defaultSettings, SettingsSchema, type Settings } from "../../src/core/settings";
import { reportDocText } from "../../src/i18n/report-doc";
import { reportFrom, task } from "../summary/fixtures";
import { fullSettings, sampleChanges, sampleReport, withChanges, withIdentity } from "./fixtures";
import { identityOf } from "../../src/core/document/identity";

const headings = (doc: ReportDoc, level: 1 | 2) =>
  doc.body.filter((b): b is Extract<DocBlock, { kind: "heading" }> => b.kind === "heading" && b.level === level).map((b) => b.text);
const paragraphs = (doc: ReportDoc) =>
  doc.body
    .filter((b): b is Extract<DocBlock, { kind: "paragraph" }> => b.kind === "paragraph")
    .map((b) => b.runs.map((r) => r.text).join(""));
const tables = (doc: ReportDoc) =>
  doc.body.filter((b): b is Extract<DocBlock, { kind: "table" }> => b.kind === "table").map((b) => b.table);
const placeholders = (doc: ReportDoc) => doc.body.filter((b) => b.kind === "placeholder").map((b) => (b as { text: string }).text);
const tableAfter = (doc: ReportDoc, headingText: string): DocTable | undefined => {
  const i = doc.body.findIndex((b) => b.kind === "heading" && b.text === headingText);
  return (doc.body.slice(i).find((b) => b.kind === "table") as Extract<DocBlock, { kind: "table" }> | undefined)?.table;
};

describe("the header and the signature block from the settings", () => {
  test("defaults: the commune's committee in capitals on two lines, a blank number, the chair's block, the usual recipients", () => {
    const doc = buildReportDoc(withIdentity(sampleReport(), { kind: "xa", name: "Chí Minh" }), defaultSettings());
    expect(doc.header.parentAgency).toBeNull();
    expect(doc.header.issuingAgency).toEqual(["ỦY BAN NHÂN DÂN", "XÃ CHÍ MINH"]);
    expect(doc.header.number).toBe(reportDocText.numberBlank);
    expect(doc.header.nationalName).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(doc.header.motto).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(doc.header.placeDate).toBe("Chí Minh, ngày 24 tháng 11 năm 2026");
    expect(doc.title).toBe("BÁO CÁO");
    expect(doc.signature).toEqual({
      titleLines: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      name: null,
      namePlaceholder: "[Họ và tên người ký]",
    });
    expect(doc.recipients.title).toBe("Nơi nhận:");
    expect(doc.recipients.lines.at(-1)).toBe("- Lưu: VT, VHXH.");
    for (const l of doc.recipients.lines.slice(0, -1)) expect(l).toMatch(/^- .+;$/);
    expect(doc.fileName).toBe("bao-cao-2026-11-24.docx");
  });

  test("nothing known of the commune or the plan: visible placeholders, never another commune's name", () => {
    const doc = buildReportDoc(sampleReport(), defaultSettings());
    expect(doc.header.issuingAgency).toEqual(["ỦY BAN NHÂN DÂN", "XÃ …"]);
    expect(doc.header.placeDate).toBe("…, ngày 24 tháng 11 năm 2026");
    expect(doc.subject).toEqual(["Kết quả thực hiện Kế hoạch số …/KH-UBND ngày … của UBND xã …"]);
    expect(docText(doc).join("\n")).not.toMatch(/Chí Minh|CHÍ MINH/);
  });

  test("a ward: its committee, its place line, its recipients in a ward's words", () => {
    const doc = buildReportDoc(withIdentity(sampleReport(), { kind: "phuong", name: "Lê Chân" }), defaultSettings());
    expect(doc.header.issuingAgency).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ CHÂN"]);
    expect(doc.header.placeDate).toBe("Lê Chân, ngày 24 tháng 11 năm 2026");
    expect(doc.recipients.lines.slice(0, 2)).toEqual(["- Thường trực Đảng ủy phường;", "- Thường trực HĐND phường;"]);
  });

  test("the subject names the plan: number, date, commune and what it is about", () => {
    const report = withIdentity(
      sampleReport(),
      { kind: "xa", name: "An Hòa" },
      { number: "45/KH-UBND", date: "2026-03-10", title: "chuyển đổi số năm 2026" },
    );
    const doc = buildReportDoc(report, defaultSettings());
    expect(doc.subject).toEqual(["Kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã An Hòa về chuyển đổi số năm 2026"]);
    expect(paragraphs(doc)[0]).toBe(
      "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2026 về chuyển đổi số năm 2026, Ủy ban nhân dân xã An Hòa báo cáo kết quả thực hiện (số liệu tính đến ngày 24/11/2026) như sau:",
    );
  });

  test("a signer title given alone gets its lines above: the chair's, a vice-chair's", () => {
    const s = (signerTitle: string): Settings => ({ ...defaultSettings(), report: { signerTitle } });
    expect(signatureOf(s("CHỦ TỊCH")).titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(signatureOf(s("Phó Chủ tịch")).titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(signatureOf(s("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")).titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });

  test("settings fill the header: parent agency, agency, number, signer, recipients (no doubled '-' or ';')", () => {
    const doc = buildReportDoc(sampleReport(), fullSettings());
    expect(doc.header.parentAgency).toBe("UBND THÀNH PHỐ HẢI PHÒNG");
    expect(doc.header.issuingAgency).toEqual(["ỦY BAN NHÂN DÂN", "XÃ CHÍ MINH"]);
    expect(doc.header.number).toBe("Số: 125/BC-UBND");
    expect(doc.signature.titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(doc.signature.name).toBe("Nguyễn Văn An");
    expect(doc.recipients.lines).toEqual(["- Sở Khoa học và Công nghệ;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VHXH."]);
    expect(doc.subject).toEqual(["Kết quả thực hiện Kế hoạch Khoa học và Công nghệ năm 2026 của UBND xã Chí Minh"]);
  });

  test("the number: a full symbol is kept, a typed 'Số:' is not doubled; the agency keeps the user's own line breaks", () => {
    const s = (report: Settings["report"]): Settings => ({ ...defaultSettings(), report });
    expect(documentNumber(s({ number: "12/BC-VHXH" }))).toBe("Số: 12/BC-VHXH");
    expect(documentNumber(s({ number: "Số: 7" }))).toBe("Số: 7/BC-UBND");
    expect(documentNumber(s({ number: "  " }))).toBe(reportDocText.numberBlank);
    const id = identityOf({}, defaultSettings());
    expect(issuingAgencyLines(s({ issuingAgency: "Ủy ban nhân dân\nxã Chí Minh" }), id)).toEqual(["ỦY BAN NHÂN DÂN", "XÃ CHÍ MINH"]);
    expect(issuingAgencyLines(s({ issuingAgency: "UBND XÃ A" }), id)).toEqual(["UBND XÃ A"]);
    expect(recipientLines(s({ recipients: [], archive: "Lưu: VT, VP." }), id)).toEqual(["- Lưu: VT, VP."]);
    expect(signatureOf(s({ signerTitle: "tm. ủy ban nhân dân\nchủ tịch", signerName: "  " })).titleLines).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
    ]);
  });

  test("old settings (without the report fields) stay valid; the new fields validate", () => {
    const { report: _none, ...old } = fullSettings();
    expect(SettingsSchema.safeParse({ ...old, planName: undefined }).success).toBe(true);
    expect(SettingsSchema.safeParse(fullSettings()).success).toBe(true);
    expect(SettingsSchema.safeParse({ ...old, report: { recipients: "not a list" } }).success).toBe(false);
  });
});

describe("the content", () => {
  const doc = buildReportDoc(sampleReport(), fullSettings());
  const text = docText(doc).join("\n");

  test("sections I–V in order, each level-I heading in capitals", () => {
    expect(headings(doc, 1)).toEqual([
      "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
      "II. NHIỆM VỤ QUÁ HẠN, HOÀN THÀNH QUÁ HẠN; TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      "III. TÌNH HÌNH THAY ĐỔI SO VỚI KỲ BÁO CÁO TRƯỚC",
      "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
      "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]);
    for (const h of headings(doc, 1)) expect(h).toBe(h.toLocaleUpperCase("vi"));
    expect(headings(doc, 2)).toEqual([
      "1. Kết quả chung",
      "2. Kết quả theo cơ quan, đơn vị chủ trì",
      "3. Kết quả thực hiện các chỉ tiêu",
      "1. Nhiệm vụ quá hạn chưa hoàn thành",
      "2. Nhiệm vụ hoàn thành quá hạn",
      "3. Tồn tại, hạn chế và nguyên nhân",
      "1. Nhiệm vụ đến hạn trong thời gian tới",
      "2. Nhiệm vụ, giải pháp trọng tâm",
    ]);
  });

  test("I. the overall numbers, Vietnamese style (31,8%-like rates, counts with a leading zero), per appendix", () => {
    const p = paragraphs(doc);
    expect(p[0]).toBe(
      "Thực hiện Kế hoạch Khoa học và Công nghệ năm 2026, Ủy ban nhân dân xã Chí Minh báo cáo kết quả thực hiện (số liệu tính đến ngày 24/11/2026) như sau:",
    );
    // 10 tasks: 1 recurring → 9 rated; done 2 on time + 1 late = 3/9 = 33,3%; on time 2/9 = 22,2%
    expect(p).toContain(
      "Kế hoạch có tổng số 10 nhiệm vụ, trong đó 01 nhiệm vụ thường xuyên, định kỳ (không tính tỷ lệ) và 09 nhiệm vụ được tính tỷ lệ. Tính đến ngày báo cáo:",
    );
    expect(p).toContain(
      "- Đã hoàn thành 03 nhiệm vụ, đạt tỷ lệ 33,3%; trong đó hoàn thành đúng hạn 02 nhiệm vụ (tỷ lệ 22,2%), hoàn thành quá hạn 01 nhiệm vụ.",
    );
    expect(p).toContain("- Đang thực hiện, còn trong hạn: 03 nhiệm vụ.");
    expect(p).toContain("- Quá hạn nhưng chưa hoàn thành: 02 nhiệm vụ.");
    expect(p).toContain("- Chưa xác định được thời hạn (thời hạn để trống hoặc ghi chưa đúng): 01 nhiệm vụ.");
    expect(p).toContain(
      "- PL I (Nhiệm vụ trọng tâm PL I): 06 nhiệm vụ; đã hoàn thành 02 (đúng hạn 01, quá hạn 01), tỷ lệ hoàn thành 33,3%; quá hạn chưa hoàn thành 02.",
    );
    expect(p.at(-1)).toBe(
      "Trên đây là báo cáo kết quả thực hiện Kế hoạch Khoa học và Công nghệ năm 2026 của Ủy ban nhân dân xã Chí Minh./.",
    );
  });

  test("I. the per-unit table: two header rows, one row per unit, the totals; rates as 33,3%", () => {
    const t = tableAfter(doc, "2. Kết quả theo cơ quan, đơn vị chủ trì")!;
    expect(t.head[0].map((c) => c.text)).toEqual([
      "TT",
      "Cơ quan, đơn vị chủ trì",
      "Tổng số",
      "Đã hoàn thành",
      "Chưa hoàn thành",
      "Định kỳ",
      "Tỷ lệ",
    ]);
    expect(t.head[1].map((c) => c.text)).toEqual(["Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn", "Chưa có hạn", "Hoàn thành", "Đúng hạn"]);
    // the header's spans cover exactly the columns
    expect(t.head[0].reduce((s, c) => s + (c.colSpan ?? 1), 0)).toBe(t.columns.length);
    const rows = t.rows.filter((r) => r.kind === "data") as { cells: string[] }[];
    expect(rows.map((r) => r.cells[1])).toEqual(sampleReport().units.map((u) => u.unit));
    const kt = rows.find((r) => r.cells[1] === "Phòng Kinh tế")!.cells;
    expect(kt).toEqual(["2", "Phòng Kinh tế", "2", "1", "1", "0", "0", "0", "0", "100%", "50%"]);
    expect(t.rows.at(-1)).toEqual({ kind: "total", cells: ["", "Tổng cộng", "10", "2", "1", "3", "2", "1", "1", "33,3%", "22,2%"] });
  });

  test("I. the indicators table: Đạt / Không đạt / Chưa đủ số liệu, percent indicators as percent", () => {
    expect(paragraphs(doc)).toContain(
      "Kế hoạch có 04 chỉ tiêu: 02 chỉ tiêu đạt, 01 chỉ tiêu không đạt, 01 chỉ tiêu chưa đủ số liệu để đánh giá.",
    );
    const t = tableAfter(doc, "3. Kết quả thực hiện các chỉ tiêu")!;
    const rows = t.rows.map((r) => (r as { cells: string[] }).cells);
    expect(rows[0]).toEqual([
      "1",
      "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình",
      "%",
      "Tối thiểu 80%",
      "85%",
      "106,3%",
      "Đạt (≥ 80%)",
    ]);
    // the verdict with the comparison applied
    expect(rows[1]).toEqual(["2", "Số sáng kiến được công nhận", "sáng kiến", "Ít nhất 02", "1", "50%", "Không đạt (≥ 2)"]);
    expect(rows[2]).toEqual(["3", "Số vụ mất an toàn thông tin", "vụ", "Tối đa 0", "0", "—", "Đạt (≤ 0)"]);
    expect(rows[3][6]).toBe("Chưa đủ số liệu");
  });

  test("II. overdue and late tasks grouped by unit, with the deadline, days overdue and the completion date", () => {
    expect(paragraphs(doc)).toContain("Có 02 nhiệm vụ quá hạn chưa hoàn thành, thuộc 02 cơ quan, đơn vị chủ trì:");
    const overdue = tableAfter(doc, "1. Nhiệm vụ quá hạn chưa hoàn thành")!;
    expect(overdue.rows).toEqual([
      { kind: "group", text: "Phòng Văn hóa - Xã hội (01 nhiệm vụ)" },
      { kind: "data", cells: ["1", "+84 912 345 678", "PL I", "Tháng 10/2026", "24"] },
      { kind: "group", text: "Công an xã (01 nhiệm vụ)" },
      { kind: "data", cells: ["2", '=HYPERLINK("http://x","y")', "PL I", "30/09/2026", "55"] },
    ]);
    const late = tableAfter(doc, "2. Nhiệm vụ hoàn thành quá hạn")!;
    expect(late.rows).toEqual([
      { kind: "group", text: "Phòng Kinh tế (01 nhiệm vụ)" },
      { kind: "data", cells: ["1", "Nhiệm vụ số 2", "PL I", "Tháng 4/2026", "10/05/2026"] },
    ]);
    expect(paragraphs(doc)).toContain("Ngoài ra, 01 nhiệm vụ chưa xác định được thời hạn nên chưa đánh giá được tiến độ.");
  });

  test("III. without an earlier report: one sentence says there is nothing to compare with", () => {
    const i = doc.body.findIndex((b) => b.kind === "heading" && b.text.startsWith("III."));
    expect(doc.body[i + 1]).toEqual({ kind: "paragraph", runs: [{ text: "Chưa có số liệu của kỳ báo cáo trước để so sánh." }] });
    expect(doc.body[i + 2]).toMatchObject({ kind: "heading", text: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" });
  });

  test("III. with Report.changes: counts in prose, every task change in a table, indicators that moved", () => {
    const d = buildReportDoc(withChanges(sampleReport()), fullSettings());
    const p = paragraphs(d);
    expect(p).toContain("So với kỳ báo cáo trước (số liệu ngày 30/09/2026):");
    expect(p).toContain("- Có thêm 02 nhiệm vụ hoàn thành, trong đó 01 nhiệm vụ đúng hạn, 01 nhiệm vụ quá hạn.");
    expect(p).toContain("- 01 nhiệm vụ chuyển sang quá hạn chưa hoàn thành.");
    expect(p).toContain("- 01 nhiệm vụ được điều chỉnh thời hạn.");
    expect(p).toContain("- 01 nhiệm vụ thay đổi cơ quan chủ trì.");
    expect(p).toContain("- 01 nhiệm vụ được bổ sung vào kế hoạch.");
    expect(p).toContain("- 01 nhiệm vụ không còn trong kế hoạch.");
    const t = tableAfter(d, "III. TÌNH HÌNH THAY ĐỔI SO VỚI KỲ BÁO CÁO TRƯỚC")!;
    expect(t.rows.map((r) => (r as { cells: string[] }).cells[3])).toEqual([
      "Hoàn thành đúng hạn",
      "Hoàn thành quá hạn",
      "Chuyển sang quá hạn",
      "Thời hạn: 30/09/2026 → 31/12/2026",
      "Chủ trì: Công an xã → Phòng Kinh tế",
      "Bổ sung vào kế hoạch",
      "Không còn trong kế hoạch",
    ]);
    expect(t.rows[3]).toEqual({
      kind: "data",
      cells: ["4", "Nhiệm vụ số 4", "(Chưa xác định đơn vị)", "Thời hạn: 30/09/2026 → 31/12/2026"],
    });
    expect(p).toContain(
      "- Chỉ tiêu «Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình»: kết quả thực hiện từ 70% thành 85% (từ Không đạt chuyển thành Đạt).",
    );
    expect(p).not.toContain("Chưa có số liệu của kỳ báo cáo trước để so sánh.");
  });

  test("III. changes with nothing moved say so; a file's label is named", () => {
    const c = sampleChanges();
    const none = {
      ...c,
      since: { source: "file" as const, asOf: "2026-09-30", label: "ke-hoach-thang-9.xlsx" },
      tasks: [],
      indicators: [],
    };
    none.total = { done_on_time: 0, done_late: 0, overdue: 0, deadline_moved: 0, lead_changed: 0, added: 0, removed: 0 };
    const p = paragraphs(buildReportDoc(withChanges(sampleReport(), none), fullSettings()));
    expect(p).toContain("So với kỳ báo cáo trước (số liệu ngày 30/09/2026, ke-hoach-thang-9.xlsx):");
    expect(p).toContain("Không có thay đổi về tiến độ thực hiện nhiệm vụ và kết quả các chỉ tiêu.");
  });

  test(`IV. tasks still in time and due within ${COMING_PERIOD_DAYS} days, soonest first; recurring tasks go on`, () => {
    expect(paragraphs(doc)).toContain("Từ ngày 24/11/2026 đến ngày 22/02/2027, có 03 nhiệm vụ đến hạn hoàn thành:");
    const t = tableAfter(doc, "1. Nhiệm vụ đến hạn trong thời gian tới")!;
    expect(t.rows.map((r) => (r as { cells: string[] }).cells[3])).toEqual(["30/11/2026", "08/12/2026", "Năm 2026"]);
    expect(paragraphs(doc)).toContain("Các cơ quan, đơn vị tiếp tục thực hiện 01 nhiệm vụ thường xuyên, định kỳ theo kế hoạch.");
  });

  test("causes, solutions and recommendations are marked placeholders — the only text there", () => {
    expect(placeholders(doc)).toEqual([
      reportDocText.causesPlaceholder,
      reportDocText.solutionsPlaceholder,
      reportDocText.proposalsPlaceholder,
    ]);
    for (const p of placeholders(doc)) expect(p).toMatch(/^\[Cơ quan soạn thảo viết: .+\]$/);
    for (const title of ["3. Tồn tại, hạn chế và nguyên nhân", "2. Nhiệm vụ, giải pháp trọng tâm", "V. KIẾN NGHỊ, ĐỀ XUẤT"]) {
      const i = doc.body.findIndex((b) => b.kind === "heading" && b.text === title);
      expect(doc.body[i + 1].kind).toBe("placeholder");
    }
    // no placeholder text anywhere else
    expect(text.match(/\[Cơ quan soạn thảo viết/g)).toHaveLength(3);
  });

  test("an empty plan: no invented numbers, one sentence in place of each table", () => {
    const d = buildReportDoc(reportFrom([]), defaultSettings());
    expect(tables(d)).toEqual([]);
    const p = paragraphs(d);
    expect(p).toContain("Các phụ lục của kế hoạch chưa ghi nhiệm vụ nào.");
    expect(p).toContain("Kế hoạch không có bảng chỉ tiêu.");
    expect(p).toContain("Không có nhiệm vụ quá hạn chưa hoàn thành.");
    expect(p).toContain("Không có nhiệm vụ hoàn thành quá hạn.");
    expect(p).toContain("Từ ngày 24/11/2026 đến ngày 22/02/2027, không có nhiệm vụ nào đến hạn hoàn thành.");
  });

  test("nothing done yet: said plainly, rates not invented", () => {
    const d = buildReportDoc(reportFrom([task({ status: "overdue", daysOverdue: 3 }), task({ status: "in_progress" })]), defaultSettings());
    expect(paragraphs(d)).toContain("- Chưa có nhiệm vụ nào hoàn thành.");
    expect(paragraphs(d)).toContain("Kế hoạch có tổng số 02 nhiệm vụ. Tính đến ngày báo cáo:");
  });
});

describe("words and numbers", () => {
  test("counts: 1–9 with a leading zero, thousands grouped with a dot", () => {
    expect([0, 1, 9, 10, 1234].map(qty)).toEqual(["0", "01", "09", "10", "1.234"]);
  });

  test("a plan title in capitals reads in sentence case, Roman numerals and abbreviations kept", () => {
    expect(planInProse("PHỤ LỤC II - NHIỆM VỤ TRỌNG TÂM NĂM 2026")).toBe("Phụ lục II - nhiệm vụ trọng tâm năm 2026");
    expect(planInProse("KẾ HOẠCH CỦA UBND XÃ")).toBe("Kế hoạch của UBND xã");
    expect(planInProse("Kế hoạch Khoa học và Công nghệ")).toBe("Kế hoạch Khoa học và Công nghệ");
  });

  test("text from the workbook is carried as text (formula-like content is not altered)", () => {
    const all = docText(buildReportDoc(sampleReport(), fullSettings())).join("\n");
    expect(all).toContain('=HYPERLINK("http://x","y")');
    expect(all).toContain("@SUM(A1:A2)");
  });
});

describe("long lists", () => {
  test(`a table lists at most ${MAX_LISTED} tasks (the most overdue first) and says how many more there are`, () => {
    const n = MAX_LISTED + 25;
    const tasks = Array.from({ length: n }, (_, i) =>
      task({ status: "overdue", daysOverdue: i + 1, lead: i % 2 ? "Công an xã" : "Phòng Kinh tế" }),
    );
    const d = buildReportDoc(reportFrom(tasks), defaultSettings());
    const t = tableAfter(d, "1. Nhiệm vụ quá hạn chưa hoàn thành")!;
    const data = t.rows.filter((r) => r.kind === "data") as { cells: string[] }[];
    expect(data).toHaveLength(MAX_LISTED);
    // the 25 least overdue (1–25 days) are the ones left out
    expect(Math.min(...data.map((r) => Number(r.cells[4])))).toBe(26);
    // unit rows count all of the unit's overdue tasks, listed or not
    expect(t.rows.filter((r) => r.kind === "group").map((r) => (r as { text: string }).text)).toEqual([
      `Phòng Kinh tế (${Math.ceil(n / 2)} nhiệm vụ)`,
      `Công an xã (${Math.floor(n / 2)} nhiệm vụ)`,
    ]);
    expect(d.body).toContainEqual({
      kind: "note",
      text: `Bảng trên liệt kê ${MAX_LISTED} nhiệm vụ; còn 25 nhiệm vụ khác không liệt kê trong báo cáo này.`,
    });
    expect(paragraphs(d)).toContain(`Có ${n} nhiệm vụ quá hạn chưa hoàn thành, thuộc 02 cơ quan, đơn vị chủ trì:`);
  });
});
