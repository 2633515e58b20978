/**
 * The city's documents (phuluc consolidate): who issues them (a city's People's Committee, or a department
 * under its parent body), the workbook's sheets in the summary's style (A4 landscape, the header repeated,
 * the ranking with its chart, the indicators with the match shown, the files and their problems), and the
 * report in the ND30 form.
 */
import { nameInProse, readIssuer } from "../../src/core/consolidate/issuer";
import type { CommuneRow, FileRead } from "../../src/core/consolidate/reads";
import { CityAccumulator, type CityRollUp } from "../../src/core/consolidate/roll-up";
import { withRates, emptyTally } from "../../src/core/aggregate";
import { buildCityReportDoc } from "../../src/documents/report-doc/city";
import { docText } from "../../src/documents/report-doc/spec";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { buildCitySummary, CITY_MARKER } from "../../src/documents/summary/city/build";
import type { SummarySheetSpec } from "../../src/core/sheet-spec";
import { skippedText } from "../../src/i18n/consolidate";
import { planSettingsFrom } from "../../src/core/document/identity";

const AS_OF = "2026-11-24";

describe("the issuing body", () => {
  it.each([
    ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "", { kind: "committee", level: "thanh_pho", place: "Hải Phòng", symbol: "UBND" }],
    ["UBND TỈNH NGHỆ AN", "", { kind: "committee", level: "tinh", place: "Nghệ An", symbol: "UBND" }],
    [
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
      { kind: "department", level: "thanh_pho", place: "Hải Phòng", symbol: "SKHCN" },
    ],
    ["SỞ NỘI VỤ", "", { kind: "department", level: null, place: null, symbol: "SNV" }],
    ["", "", { kind: null, level: null, place: null, symbol: null }],
  ])("%s (under %s)", (issuer, parent, expected) => {
    expect(readIssuer(issuer, parent)).toEqual(expected);
  });

  it("a city's plan may be the Party's («Kế hoạch số 12-KH/TU»): its number is read like a People's Committee's", () => {
    expect(planSettingsFrom("Kế hoạch số 12-KH/TU ngày 01/3/2026 về chuyển đổi số")).toEqual({
      planNumber: "12-KH/TU",
      planDate: "2026-03-01",
      planName: "chuyển đổi số",
    });
    expect(planSettingsFrom("Kế hoạch số 45/KH-UBND")).toMatchObject({ planNumber: "45/KH-UBND" });
  });

  it("reads in a sentence as the decree writes it", () => {
    expect(nameInProse("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG")).toBe("Ủy ban nhân dân thành phố Hải Phòng");
    expect(nameInProse("SỞ KHOA HỌC VÀ CÔNG NGHỆ")).toBe("Sở Khoa học và Công nghệ");
    expect(nameInProse("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(nameInProse("UBND TỈNH NGHỆ AN")).toBe("UBND tỉnh Nghệ An");
  });
});

function commune(i: number, name: string, o: Partial<CommuneRow> = {}): FileRead {
  const t = emptyTally();
  t.total = 10;
  t.done_on_time = i;
  t.overdue = 10 - i;
  return {
    kind: "commune",
    row: {
      file: `xa-${i}.xlsx`,
      commune: { kind: i % 2 ? "xa" : "phuong", name },
      plan: { number: `${i}/KH-UBND`, date: "2026-03-10", title: null },
      asOf: "2026-11-20",
      asOfFrom: "summary",
      modified: 1,
      total: withRates(t),
      errors: i === 3 ? 4 : 0,
      warnings: 0,
      indicators: [
        {
          name:
            i % 2
              ? "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình"
              : "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
          unitOfMeasure: "%",
          targetRaw: "Tối thiểu 80%",
          target: 0.8,
          comparator: ">=",
          actual: i / 10,
          achieved: i,
          total: 10,
          met: i >= 8,
          percent: true,
        },
      ],
      damagedSheets: [],
      settingsCorrupt: false,
      ...o,
    },
  };
}

function cityRollUp(): CityRollUp {
  const acc = new CityAccumulator(AS_OF);
  ["An Hòa", "Lê Chân", "Tân Lập", "Hồng Bàng", "Cô Tô", "Đồ Sơn", "Kiến An", "Thủy Nguyên", "An Dương"].forEach((n, i) =>
    acc.add(commune(i + 1, n)),
  );
  acc.add({ kind: "skipped", file: "bao-cao.docx", reason: "not_workbook", code: "docx" });
  acc.add({ kind: "skipped", file: "ghi-chu.xlsx", reason: "no_appendix" });
  return acc.finish();
}

const reasonVi = (s: Parameters<typeof skippedText>[0]) => skippedText(s, "vi");
const texts = (sheet: SummarySheetSpec) => sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");

function settingsWith(report: Settings["report"], extra: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), report, ...extra };
}

describe("the city's workbook", () => {
  const rollUp = cityRollUp();
  const spec = buildCitySummary(rollUp, settingsWith({ issuingAgency: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" }), reasonVi);

  it("has the communes' ranking, the indicators, each commune's result and the files, on A4 landscape with the header repeated", () => {
    expect(spec.marker).toBe(CITY_MARKER);
    expect(spec.sheets.map((s) => s.name)).toEqual(["Tổng hợp xã", "Chỉ tiêu các xã", "Chỉ tiêu từng xã", "Tệp và vấn đề"]);
    for (const s of spec.sheets) {
      expect(s.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1 });
      expect(s.print.printTitleRows![0]).toBeGreaterThan(8);
      expect(s.cells.find((c) => c.row === 1 && c.col === 1)?.value).toBe("ỦY BAN NHÂN DÂN");
      expect(texts(s)).toContain("THÀNH PHỐ HẢI PHÒNG");
      expect(texts(s)).toContain("Hải Phòng, ngày 24 tháng 11 năm 2026");
      expect(texts(s)).toContain("(Số liệu tính đến ngày 24/11/2026)");
    }
  });

  it("ranks the communes under the city's total row, with a chart of the completion-rate bands and a data bar", () => {
    const main = spec.sheets[0];
    const header = main.print.printTitleRows![0];
    const rowOf = (r: number) => main.cells.filter((c) => c.row === r).map((c) => c.value);
    expect(rowOf(header)).toContain("Xếp hạng");
    expect(rowOf(header + 1)).toContain("Tổng cộng");
    expect(rowOf(header + 1)).toContain(rollUp.total.total);
    expect(rowOf(header + 2).slice(0, 3)).toEqual([1, "Xã An Dương", "9/KH-UBND"]);
    expect(main.visuals.map((v) => v.kind).sort()).toEqual(["chart", "dataBar"]);
    const chart = main.visuals.find((v) => v.kind === "chart")!;
    expect(chart).toMatchObject({ type: "columnClustered", title: "Số xã, phường, đặc khu theo tỷ lệ hoàn thành" });
    expect(texts(main)).toEqual(expect.arrayContaining(["Từ 90% trở lên", "Dưới 50%"]));
  });

  it("shows how the indicator was matched, and the city's pooled rate", () => {
    const t = texts(spec.sheets[1]);
    expect(t.some((x) => x.startsWith("«Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình» (5 xã)"))).toBe(true);
    expect(t.some((x) => /«Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình»: 4 xã, giống 100%/.test(x))).toBe(true);
    expect(t).toContain("50% (45/90): gộp số đạt và tổng số của 9 xã");
  });

  it("lists each commune's result in its own words, missed first", () => {
    const detail = spec.sheets[2];
    const verdicts = detail.cells
      .filter((c) => c.col === 8 && typeof c.value === "string" && /Đạt|Không đạt/.test(c.value))
      .map((c) => c.value);
    expect(verdicts.slice(0, 7).every((v) => String(v).startsWith("Không đạt"))).toBe(true);
    expect(verdicts.slice(7).every((v) => String(v).startsWith("Đạt"))).toBe(true);
    expect(verdicts[0]).toBe("Không đạt (≥ 80%)");
  });

  it("lists the files left out with their reasons, then those consolidated with their problems", () => {
    const t = texts(spec.sheets[3]);
    expect(t).toContain("I. TỆP KHÔNG TỔNG HỢP ĐƯỢC (2 tệp)");
    expect(t).toContain("Không phải tệp Excel (.xlsx): văn bản Word.");
    expect(t.some((x) => x.startsWith("Không có trang phụ lục kế hoạch"))).toBe(true);
    expect(t).toContain("II. TỆP ĐÃ TỔNG HỢP (9 tệp)");
    expect(t.some((x) => x.startsWith("Tệp có 4 lỗi, 0 cảnh báo"))).toBe(true);
  });

  it("without an issuing body set, prints a visible placeholder, never a real name", () => {
    const bare = buildCitySummary(rollUp, defaultSettings(), reasonVi).sheets[0];
    expect(texts(bare)).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN", "TỈNH, THÀNH PHỐ …", "…, ngày 24 tháng 11 năm 2026"]));
  });
});

describe("the city's report (ND30)", () => {
  const rollUp = cityRollUp();

  it("a department under its parent body: the parent above, its own symbol, the director signs, the place from the parent", () => {
    const s = settingsWith(
      { issuingAgency: "Sở Khoa học và Công nghệ", parentAgency: "Ủy ban nhân dân thành phố Hải Phòng", signerName: "Nguyễn Văn A" },
      { planNumber: "12-KH/TU", planDate: "2026-03-01", planName: "chuyển đổi số năm 2026" },
    );
    const doc = buildCityReportDoc(rollUp, s, reasonVi);
    expect(doc.header.parentAgency).toBe("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
    expect(doc.header.issuingAgency).toEqual(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
    expect(doc.header.number).toBe("Số:        /BC-SKHCN");
    expect(doc.header.placeDate).toBe("Hải Phòng, ngày 24 tháng 11 năm 2026");
    expect(doc.subject).toEqual([
      "Kết quả thực hiện Kế hoạch số 12-KH/TU ngày 01/3/2026 về chuyển đổi số năm 2026 tại các xã, phường, đặc khu",
    ]);
    expect(doc.signature).toMatchObject({ titleLines: ["GIÁM ĐỐC"], name: "Nguyễn Văn A" });
    expect(doc.recipients.lines[0]).toBe("- UBND thành phố (để báo cáo);");
    const text = docText(doc).join("\n");
    expect(text).toContain("Thực hiện Kế hoạch số 12-KH/TU ngày 01/3/2026 về chuyển đổi số năm 2026, Sở Khoa học và Công nghệ tổng hợp");
    expect(text).toContain("Có 02 tệp không tổng hợp được:");
    expect(text).toContain("- «bao-cao.docx»: Không phải tệp Excel (.xlsx): văn bản Word.");
    expect(text).toContain(
      "«Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình»: 07 trong số 09 xã, phường, đặc khu có chỉ tiêu không đạt.",
    );
  });

  it("a city's People's Committee: the committee over the city, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, a vice-director's KT.", () => {
    const doc = buildCityReportDoc(rollUp, settingsWith({ issuingAgency: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", number: "125" }), reasonVi);
    expect(doc.header.parentAgency).toBeNull();
    expect(doc.header.issuingAgency).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]);
    expect(doc.header.number).toBe("Số: 125/BC-UBND");
    expect(doc.signature.titleLines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(doc.subject).toEqual(["Tổng hợp kết quả thực hiện kế hoạch của các xã, phường, đặc khu"]);
    expect(doc.recipients.lines).toEqual([
      "- Thường trực Thành ủy;",
      "- Thường trực HĐND thành phố;",
      "- Chủ tịch, các Phó Chủ tịch UBND thành phố;",
      "- UBND các xã, phường, đặc khu;",
      "- Lưu: VT.",
    ]);
    const vice = buildCityReportDoc(rollUp, settingsWith({ issuingAgency: "SỞ NỘI VỤ", signerTitle: "Phó Giám đốc" }), reasonVi);
    expect(vice.signature.titleLines).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
  });

  it("ranks every commune in a table with the total row; past 300 communes, lists the lowest 300", () => {
    const doc = buildCityReportDoc(rollUp, defaultSettings(), reasonVi);
    const tables = doc.body.filter((b) => b.kind === "table");
    const ranking = tables[0].kind === "table" ? tables[0].table : null;
    expect(ranking!.rows).toHaveLength(10);
    expect(ranking!.rows[9]).toMatchObject({ kind: "total" });
    const acc = new CityAccumulator(AS_OF);
    for (let i = 0; i < 320; i++)
      acc.add(commune((i % 9) + 1, `Xã số ${i}`, { file: `f${i}.xlsx`, plan: { number: `${i}/KH`, date: null, title: null } }));
    const big = buildCityReportDoc(acc.finish(), defaultSettings(), reasonVi);
    const bigTable = big.body.find((b) => b.kind === "table");
    expect(bigTable && bigTable.kind === "table" ? bigTable.table.rows.length : 0).toBe(300);
    expect(docText(big).join("\n")).toContain(
      "Bảng dưới đây liệt kê 300 xã, phường, đặc khu có tỷ lệ hoàn thành thấp nhất trong 320 xã, phường, đặc khu",
    );
  });
});
