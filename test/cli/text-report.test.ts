import { formatNumber, formatPercent, renderTextReport, sheetRef } from "../../src/cli/text-report";
import { displayWidth } from "../../src/cli/table";
import { zeroCounts } from "../../src/core/aggregate";
import { parseReport, type Counts, type Report } from "../../src/core/report-schema";

function counts(c: Partial<Counts>): Counts {
  return { ...zeroCounts(), ...c };
}

const report: Report = parseReport({
  asOf: "2026-11-24",
  planYear: 2026,
  sheets: [
    {
      name: "PL I",
      role: "appendix",
      title: "PHỤ LỤC I — NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026",
      headerRow: 4,
      taskCount: 2,
      encoding: "unicode",
    },
    { name: "PL II", role: "appendix", title: "PHỤ LỤC II", headerRow: 4, taskCount: 1, encoding: "tcvn3" },
    { name: "Chỉ tiêu", role: "indicators", title: "CHỈ TIÊU", headerRow: 3, taskCount: 0, encoding: "unicode" },
  ],
  tasks: [],
  issues: [
    { code: "STT_DUPLICATE", severity: "warning", sheet: "PL I", cell: "A9", params: { stt: "2", firstRow: 8 } },
    {
      code: "LEAD_UNKNOWN",
      severity: "error",
      sheet: "PL I",
      cell: "D7",
      params: { raw: "Phong Van hoa - Xa hoi", example: "Công an xã" },
      suggestion: "Phòng Văn hóa - Xã hội",
    },
    { code: "TEXT_LEGACY_ENCODING", severity: "warning", sheet: "PL II", cell: null, params: { encoding: "tcvn3" } },
  ],
  units: [
    { unit: "Phòng Văn hóa - Xã hội", ...counts({ total: 2, done_on_time: 1, overdue: 1, completionRate: 0.5, onTimeRate: 0.5 }) },
    { unit: "(Chưa xác định đơn vị)", ...counts({ total: 1, recurring: 1 }) },
  ],
  appendices: [{ sheet: "PL I", ...counts({ total: 2, done_on_time: 1, overdue: 1, completionRate: 0.5, onTimeRate: 0.5 }) }],
  groups: [],
  total: counts({ total: 3, done_on_time: 1, overdue: 1, recurring: 1, completionRate: 0.5, onTimeRate: 0.5 }),
  indicators: [
    {
      sheet: "Chỉ tiêu",
      row: 5,
      name: "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình",
      unitOfMeasure: "%",
      target: 0.8,
      comparator: ">=",
      actual: 0.857,
      achievement: 1.07125,
      met: true,
    },
    {
      sheet: "Chỉ tiêu",
      row: 6,
      name: "Sáng kiến cấp cơ sở",
      unitOfMeasure: "sáng kiến",
      target: 15,
      comparator: ">=",
      actual: 9,
      achievement: 0.6,
      met: false,
    },
    {
      sheet: "Chỉ tiêu",
      row: 7,
      name: "Chỉ tiêu thiếu số liệu",
      unitOfMeasure: "%",
      target: null,
      comparator: ">=",
      actual: null,
      achievement: null,
      met: null,
    },
  ],
});

describe("text report", () => {
  const text = renderTextReport(report, { file: "ke-hoach.xlsx" });
  const lines = text.split("\n");

  it("says how many tasks on which sheets", () => {
    expect(text).toContain("Tệp: ke-hoach.xlsx");
    expect(text).toContain("Ngày báo cáo: 24/11/2026");
    expect(text).toMatch(/0 nhiệm vụ trên 2 trang phụ lục/);
    expect(text).toMatch(/• PL I: 2 nhiệm vụ — PHỤ LỤC I/);
    expect(text).toMatch(/PL II.*TCVN3/);
    expect(text).toContain("Trang chỉ tiêu: Chỉ tiêu");
  });

  it("lists issues grouped by sheet, by position, as Sheet!Cell — problem — fix", () => {
    expect(text).toContain("KẾT QUẢ KIỂM TRA: 1 lỗi, 2 cảnh báo");
    const d7 = lines.findIndex((l) => l.includes("'PL I'!D7"));
    const a9 = lines.findIndex((l) => l.includes("'PL I'!A9"));
    expect(d7).toBeGreaterThan(0);
    expect(a9).toBeGreaterThan(d7);
    // the cell is named once (by the location), the message follows without its "Ô D7:"
    expect(lines[d7]).toMatch(/^ {2}Lỗi: 'PL I'!D7 — «Phong Van hoa - Xa hoi» không có .* — Đề xuất: Phòng Văn hóa - Xã hội$/);
    expect(lines[a9]).toMatch(/^ {2}Cảnh báo: 'PL I'!A9 — /);
    expect(text).toMatch(/\[PL II\] 0 lỗi, 1 cảnh báo\n {2}Cảnh báo: 'PL II' \(cả trang\) — Trang «PL II» gõ bằng bảng mã cũ TCVN3/);
  });

  it("prints the per-unit table with aligned columns and percentages", () => {
    const start = lines.indexOf("TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ");
    const table = lines.slice(start + 1, start + 7);
    expect(table[0]).toMatch(/^Đơn vị\s+Tổng\s+HT đúng hạn/);
    expect(table[2]).toMatch(/^Phòng Văn hóa - Xã hội\s+2\s+1\s+0\s+0\s+1\s+0\s+0\s+50%\s+50%$/);
    expect(table[3]).toMatch(/^\(Chưa xác định đơn vị\)\s+1\s+0\s+0\s+0\s+0\s+1\s+0\s+—\s+—$/);
    expect(table[5]).toMatch(/^Tổng cộng\s+3\s/);
    const widths = [table[0], table[2], table[3], table[5]].map(displayWidth);
    expect(new Set(widths).size).toBe(1);
  });

  it("prints the indicator table with met / not met", () => {
    expect(text).toMatch(/Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình\s+%\s+≥ 80%\s+85,7%\s+107,1%\s+Đạt/);
    expect(text).toMatch(/Sáng kiến cấp cơ sở\s+sáng kiến\s+≥ 15\s+9\s+60%\s+Không đạt/);
    expect(text).toMatch(/Chỉ tiêu thiếu số liệu\s+%\s+≥ —\s+—\s+—\s+Chưa đủ số liệu/);
    expect(text.trimEnd().split("\n").pop()).toMatch(/1 lỗi cần sửa/);
  });

  it("formats numbers the Vietnamese way and quotes sheet names like Excel", () => {
    expect(formatPercent(0.857)).toBe("85,7%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(null)).toBe("—");
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(sheetRef("PL1")).toBe("'PL1'");
    expect(sheetRef("Phuluc")).toBe("Phuluc");
    expect(sheetRef("PL I")).toBe("'PL I'");
    expect(sheetRef("it's")).toBe("'it''s'");
  });
});

describe("text report: what was left unread", () => {
  const base = { ...report, indicators: [] };

  it("lists hidden appendix sheets once, as an info line (not an issue), with the setting that reads them", () => {
    const text = renderTextReport({
      ...base,
      skippedSheets: [
        { name: "PL I (cũ)", role: "appendix", visibility: "hidden" },
        { name: "Chỉ tiêu 2025", role: "indicators", visibility: "veryHidden" },
      ],
    });
    const info = text.split("\n").filter((l) => l.includes("PL I (cũ)"));
    expect(info).toEqual([
      "Bỏ qua trang ẩn (bản nháp hoặc bản sao cũ, không đọc, không tính): PL I (cũ), Chỉ tiêu 2025. Muốn đọc cả trang ẩn: Cài đặt → «Đọc cả trang ẩn».",
    ]);
    expect(text).toContain("KẾT QUẢ KIỂM TRA: 1 lỗi, 2 cảnh báo");
    expect(
      renderTextReport({ ...base, skippedSheets: [{ name: "Old", role: "appendix", visibility: "hidden" }] }, { lang: "en" }),
    ).toContain(
      "Hidden sheets skipped (old drafts or copies, not read or counted): Old. To read hidden sheets too: Settings → «Read hidden sheets».",
    );
    expect(renderTextReport({ ...base, skippedSheets: [] })).not.toContain("Bỏ qua trang ẩn");
    expect(renderTextReport(base)).not.toContain("Bỏ qua trang ẩn");
  });

  it("a relative target without its base year shows as written, without a comparator", () => {
    const text = renderTextReport({
      ...base,
      indicators: [
        {
          sheet: "Chỉ tiêu",
          row: 5,
          name: "Số hộ dùng dịch vụ công trực tuyến",
          unitOfMeasure: "hộ",
          targetRaw: "Tăng 10% so với năm 2025",
          target: null,
          comparator: ">=",
          actual: 1200,
          achievement: null,
          met: null,
        },
      ],
    });
    expect(text).toMatch(/Số hộ dùng dịch vụ công trực tuyến\s+hộ\s+Tăng 10% so với năm 2025\s+1\.200\s+—\s+Chưa đủ số liệu/);
  });
});
