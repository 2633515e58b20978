import fc from "fast-check";
import { parseReport, STATUS_CATEGORIES, UNASSIGNED_UNIT, type Report } from "../../src/core/report-schema";
import { buildSummary, SUMMARY_MARKER, summarySheetNames } from "../../src/documents/summary/build";
import { dateLine } from "../../src/documents/summary/format";
import { daysBetween } from "../../src/core/dates";
import { MAIN_COL, MAIN_KEY, splitGroupNumber } from "../../src/documents/summary/sheet-main";
import { DEADLINE_COL, DEADLINES_KEY } from "../../src/documents/summary/sheet-deadlines";
import { INDICATOR_COL, INDICATORS_KEY } from "../../src/documents/summary/sheet-indicators";
import { TONES } from "../../src/documents/summary/styles";
import { defaultSettings } from "../../src/core/settings";
import { summaryText } from "../../src/i18n/summary";
import { AS_OF, countsOf, INJECTIONS, reportFrom, sampleReport, sampleSettings, task } from "./fixtures";
import { cellAt, findRow, sheetByKey, styleAt, valueAt } from "./spec-helpers";

describe("title block wording", () => {
  test("date line follows the administrative convention (leading zero for days < 10 and months 1, 2)", () => {
    expect(dateLine("Chí Minh", "2026-11-24")).toBe("Chí Minh, ngày 24 tháng 11 năm 2026");
    expect(dateLine("Chí Minh", "2026-01-05")).toBe("Chí Minh, ngày 05 tháng 01 năm 2026");
    expect(dateLine("Lê Chân", "2026-03-09")).toBe("Lê Chân, ngày 09 tháng 3 năm 2026");
  });

  test("daysBetween counts calendar days across months and leap years", () => {
    expect(daysBetween("2026-11-24", "2026-12-08")).toBe(14);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-11-24", "2026-10-31")).toBe(-24);
  });
});

describe("buildSummary", () => {
  const report = sampleReport();
  const spec = buildSummary(report, sampleSettings());
  const main = sheetByKey(spec, MAIN_KEY);
  const dl = sheetByKey(spec, DEADLINES_KEY);
  const ind = sheetByKey(spec, INDICATORS_KEY);

  test("three sheets with stable keys, the product marker, and names from the settings", () => {
    expect(spec.marker).toBe(SUMMARY_MARKER);
    expect(spec.sheets.map((s) => s.key)).toEqual([MAIN_KEY, DEADLINES_KEY, INDICATORS_KEY]);
    expect(spec.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Tổng hợp - Quá hạn", "Tổng hợp - Chỉ tiêu"]);
  });

  test("title block: commune on the left, national name and motto on the right, date line, plan name", () => {
    for (const s of spec.sheets) {
      expect(valueAt(s, 1, 1)).toBe("UBND XÃ CHÍ MINH");
      const right = s.cells.filter((c) => c.row <= 3 && c.col > 1 && c.value !== null).map((c) => c.value);
      expect(right).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Chí Minh, ngày 24 tháng 11 năm 2026"]);
      expect(valueAt(s, 6, 1)).toBe("Kế hoạch số …/KH-UBND ngày … của UBND xã Chí Minh");
      expect(styleAt(s, 1, 1)?.font?.name).toBe("Times New Roman");
      expect(styleAt(s, 2, s.cells.find((c) => c.row === 2 && c.value)!.col)?.font?.underline).toBe(true);
      // merged across the table
      expect(s.merges).toContainEqual({ top: 5, left: 1, bottom: 5, right: s.columnWidths.length });
    }
  });

  test("the summary names the plan (never its first appendix); what is not known stays a placeholder", () => {
    const r = reportFrom([task({ status: "in_progress" })]);
    const s = buildSummary(r, defaultSettings()).sheets[0];
    expect(valueAt(s, 1, 1)).toBe("UBND XÃ …");
    expect(valueAt(s, 6, 1)).toBe("Kế hoạch số …/KH-UBND ngày … của UBND xã …");
    // the appendix is a row of section II, never the plan
    expect(s.cells.some((c) => typeof c.value === "string" && c.value.includes(r.appendices[0].title!) && c.row > 8)).toBe(true);
  });

  test("a plan without an indicator table: no empty «Chỉ tiêu» page, one line in the main summary says so", () => {
    const r = reportFrom([task({ status: "in_progress" })]);
    const plain = buildSummary(r, sampleSettings());
    expect(plain.sheets.map((s) => s.key)).toEqual([MAIN_KEY, DEADLINES_KEY]);
    const main = plain.sheets[0];
    expect(main.cells.filter((c) => c.value === summaryText.noIndicators)).toHaveLength(1);
    expect(spec.sheets[0].cells.some((c) => c.value === summaryText.noIndicators)).toBe(false);
  });

  test("the plan the settings name titles every sheet, over the workbook's", () => {
    const r = reportFrom([task({ status: "in_progress" })]);
    const named = buildSummary(r, { ...sampleSettings(), planName: "  Kế hoạch Khoa học và Công nghệ năm 2026 " });
    for (const s of named.sheets) expect(valueAt(s, 6, 1)).toBe("Kế hoạch Khoa học và Công nghệ năm 2026 của UBND xã Chí Minh");
    const numbered = buildSummary(r, { ...sampleSettings(), planNumber: "15/KH-UBND", planDate: "2026-02-20" }).sheets[0];
    expect(valueAt(numbered, 6, 1)).toBe("Kế hoạch số 15/KH-UBND ngày 20/02/2026 của UBND xã Chí Minh");
  });

  test("every Times New Roman style: all styles name the font", () => {
    for (const s of spec.sheets) for (const st of Object.values(s.styles)) expect(st.font?.name).toBe("Times New Roman");
  });

  test("unit table: every unit of the settings plus the unassigned, numbers equal to the report", () => {
    const settings = sampleSettings();
    const first = findRow(main, MAIN_COL.name, settings.units[0].name);
    const names = [...settings.units.map((u) => u.name), UNASSIGNED_UNIT];
    names.forEach((n, i) => expect(valueAt(main, first + i, MAIN_COL.name)).toBe(n));
    for (const [i, n] of names.entries()) {
      const r = first + i;
      const u = report.units.find((x) => x.unit === n);
      STATUS_CATEGORIES.forEach((cat, k) => expect(valueAt(main, r, MAIN_COL.firstCategory + k)).toBe(u ? u[cat] : 0));
      expect(valueAt(main, r, MAIN_COL.total)).toBe(u ? u.total : 0);
      expect(valueAt(main, r, MAIN_COL.completionRate)).toBe(u ? u.completionRate : null);
      expect(valueAt(main, r, MAIN_COL.onTimeRate)).toBe(u ? u.onTimeRate : null);
      expect(styleAt(main, r, MAIN_COL.completionRate)?.numFmt).toBe("0.0%");
    }
    const totalRow = first + names.length;
    expect(valueAt(main, totalRow, MAIN_COL.name)).toBe(summaryText.totalRow);
    expect(valueAt(main, totalRow, MAIN_COL.total)).toBe(report.total.total);
    expect(valueAt(main, totalRow, MAIN_COL.completionRate)).toBe(report.total.completionRate);
    expect(styleAt(main, totalRow, MAIN_COL.total)?.font?.bold).toBe(true);
  });

  test("a rate with no denominator is an empty cell, not 0", () => {
    const r = findRow(main, MAIN_COL.name, "Trung tâm Phục vụ hành chính công");
    expect(valueAt(main, r, MAIN_COL.firstCategory + STATUS_CATEGORIES.indexOf("recurring"))).toBe(1);
    expect(cellAt(main, r, MAIN_COL.completionRate)?.value).toBeNull();
  });

  test("overdue counts red, done-on-time counts green, zero counts plain", () => {
    const ca = findRow(main, MAIN_COL.name, "Công an xã");
    const overdueCol = MAIN_COL.firstCategory + STATUS_CATEGORIES.indexOf("overdue");
    const onTimeCol = MAIN_COL.firstCategory + STATUS_CATEGORIES.indexOf("done_on_time");
    expect(styleAt(main, ca, overdueCol)?.fill).toBe(TONES.red.fill);
    expect(styleAt(main, ca, onTimeCol)?.fill).toBeUndefined();
    const kt = findRow(main, MAIN_COL.name, "Phòng Kinh tế");
    expect(styleAt(main, kt, onTimeCol)?.fill).toBe(TONES.green.fill);
    expect(styleAt(main, kt, overdueCol)?.fill).toBeUndefined();
  });

  test("appendix and group tables carry the report's counts", () => {
    const header = findRow(main, MAIN_COL.name, summaryText.colAppendix);
    report.appendices.forEach((a, i) => {
      expect(String(valueAt(main, header + 1 + i, MAIN_COL.name))).toContain(a.sheet);
      expect(valueAt(main, header + 1 + i, MAIN_COL.total)).toBe(a.total);
      expect(valueAt(main, header + 1 + i, MAIN_COL.completionRate)).toBe(a.completionRate);
    });
    const g = report.groups.find((x) => x.group === "Nhiệm vụ trọng tâm")!;
    const gr = findRow(main, MAIN_COL.name, "Nhiệm vụ trọng tâm", findRow(main, MAIN_COL.name, summaryText.colGroup));
    expect(valueAt(main, gr, MAIN_COL.total)).toBe(g.total);
    expect(main.cells.some((c) => c.value === summaryText.noGroup)).toBe(true);
  });

  test("data bar on the completion-rate column and a chart of units for Office.js", () => {
    const first = findRow(main, MAIN_COL.name, sampleSettings().units[0].name);
    const bars = main.visuals.filter((v) => v.kind === "dataBar");
    expect(bars[0]).toMatchObject({ kind: "dataBar", range: `J${first}:J${first + 6}` });
    const chart = main.visuals.find((v) => v.kind === "chart");
    expect(chart).toMatchObject({ kind: "chart", type: "barStacked", dataRange: `B${first - 1}:H${first + 6}` });
  });

  test("overdue list: exactly the overdue tasks, most overdue first, rows in red", () => {
    const overdue = report.tasks.filter((t) => t.status === "overdue").sort((a, b) => b.daysOverdue! - a.daysOverdue!);
    const start = findRow(dl, 1, summaryText.sectionOverdue(overdue.length)) + 1;
    overdue.forEach((t, i) => {
      const r = start + i;
      expect(valueAt(dl, r, DEADLINE_COL.content)).toBe(t.content);
      expect(valueAt(dl, r, DEADLINE_COL.sheet)).toBe(t.sheet);
      expect(valueAt(dl, r, DEADLINE_COL.stt)).toBe(t.stt);
      expect(valueAt(dl, r, DEADLINE_COL.days)).toBe(t.daysOverdue);
      expect(valueAt(dl, r, DEADLINE_COL.due)).toEqual({ date: t.deadline.due });
      expect(styleAt(dl, r, DEADLINE_COL.content)?.fill).toBe(TONES.red.fill);
    });
  });

  test("due soon: not done, due within 14 days of the as-of date (0 and 14 in, 15 and done out), amber", () => {
    const r = reportFrom([
      task({ status: "in_progress", content: "hôm nay", deadline: { raw: "24/11/2026", kind: "date", due: AS_OF } }),
      task({ status: "in_progress", content: "14 ngày", deadline: { raw: "08/12/2026", kind: "date", due: "2026-12-08" } }),
      task({ status: "in_progress", content: "15 ngày", deadline: { raw: "09/12/2026", kind: "date", due: "2026-12-09" } }),
      task({ status: "done_on_time", content: "xong", deadline: { raw: "30/11/2026", kind: "date", due: "2026-11-30" } }),
      task({ status: "recurring", content: "thường xuyên", deadline: { raw: "Thường xuyên", kind: "recurring", due: null } }),
    ]);
    const s = sheetByKey(buildSummary(r, defaultSettings()), DEADLINES_KEY);
    const start = findRow(s, 1, summaryText.sectionDueSoon(14, 2)) + 1;
    expect(valueAt(s, start, DEADLINE_COL.content)).toBe("hôm nay");
    expect(valueAt(s, start, DEADLINE_COL.days)).toBe(0);
    expect(valueAt(s, start + 1, DEADLINE_COL.content)).toBe("14 ngày");
    expect(valueAt(s, start + 1, DEADLINE_COL.days)).toBe(14);
    expect(styleAt(s, start, DEADLINE_COL.content)?.fill).toBe(TONES.amber.fill);
    const contents = s.cells.map((c) => c.value);
    expect(contents).not.toContain("15 ngày");
    expect(contents).not.toContain("xong");
    expect(contents).toContain(summaryText.noneOverdue);
  });

  test("a task with an unknown lead shows what the user wrote; with none, the unassigned label", () => {
    expect(dl.cells.some((c) => c.col === DEADLINE_COL.lead && c.value === "Phòng VH -XH cũ")).toBe(true);
  });

  test("indicators: target, actual, achievement; met green, not met red, unknown plain; the verdict shows the sign applied", () => {
    report.indicators.forEach((x) => {
      const r = findRow(ind, INDICATOR_COL.name, x.name);
      expect(valueAt(ind, r, INDICATOR_COL.measure)).toBe(x.unitOfMeasure);
      expect(valueAt(ind, r, INDICATOR_COL.actual)).toBe(x.actual);
      expect(valueAt(ind, r, INDICATOR_COL.achievement)).toBe(x.achievement);
      expect(styleAt(ind, r, INDICATOR_COL.achievement)?.numFmt).toBe("0.0%");
      const verdict = valueAt(ind, r, INDICATOR_COL.verdict);
      const fill = styleAt(ind, r, INDICATOR_COL.verdict)?.fill;
      if (x.met === true) expect([verdict, fill]).toEqual([expect.stringMatching(/^Đạt \([≥≤<>] /), TONES.green.fill]);
      else if (x.met === false) expect([verdict, fill]).toEqual([expect.stringMatching(/^Không đạt \([≥≤<>] /), TONES.red.fill]);
      else expect([verdict, fill]).toEqual([summaryText.unknownVerdict, undefined]);
    });
    const pct = findRow(ind, INDICATOR_COL.name, report.indicators[0].name);
    expect(valueAt(ind, pct, INDICATOR_COL.target)).toBe("Tối thiểu 80%");
    expect(valueAt(ind, pct, INDICATOR_COL.verdict)).toBe("Đạt (≥ 80%)");
    expect(styleAt(ind, pct, INDICATOR_COL.actual)?.numFmt).toBe("0.0%");
    const atMost = findRow(ind, INDICATOR_COL.name, "Số vụ mất an toàn thông tin");
    expect(valueAt(ind, atMost, INDICATOR_COL.target)).toBe("Tối đa 0");
  });

  test("each sheet has a legend explaining its colours", () => {
    for (const s of spec.sheets) {
      const legend = findRow(s, 1, summaryText.legendTitle);
      const swatches = s.cells.filter((c) => c.row > legend && c.col === 1 && c.style && s.styles[c.style].fill);
      expect(swatches.length).toBeGreaterThanOrEqual(2);
      for (const sw of swatches) expect(typeof valueAt(s, sw.row, 2)).toBe("string");
    }
  });

  test("print: A4 landscape, one page wide, the header row repeated, print area covering every cell", () => {
    for (const s of spec.sheets) {
      expect(s.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1, footerCenter: "Trang &P/&N" });
      const [t, b] = s.print.printTitleRows!;
      expect(valueAt(s, t, 1)).toBe(summaryText.colNo);
      expect(b).toBe(t);
      const m = /^A1:([A-Z]+)(\d+)$/.exec(s.print.printArea!)!;
      const lastRow = Math.max(...s.cells.map((c) => c.row));
      expect(Number(m[2])).toBe(lastRow);
      expect(m[1].charCodeAt(0) - 64).toBe(s.columnWidths.length);
    }
  });

  test("widths fit the text within their caps; long content wraps with a taller row", () => {
    const long =
      "Xây dựng kho dữ liệu số dùng chung của xã, kết nối với hệ thống thông tin giải quyết thủ tục hành chính của thành phố và bảo đảm an toàn thông tin theo cấp độ";
    const r = reportFrom([
      task({ status: "overdue", content: long, daysOverdue: 3, deadline: { raw: "21/11/2026", kind: "date", due: "2026-11-21" } }),
    ]);
    const s = sheetByKey(buildSummary(r, defaultSettings()), DEADLINES_KEY);
    const row = findRow(s, DEADLINE_COL.content, long);
    const width = s.columnWidths[DEADLINE_COL.content - 1];
    expect(width).toBeLessThanOrEqual(55);
    expect(width).toBeGreaterThanOrEqual(30);
    expect(styleAt(s, row, DEADLINE_COL.content)?.align?.wrap).toBe(true);
    expect(s.rowHeights![row]).toBeGreaterThanOrEqual(31);
    // a short unit name column is narrower than the long content column
    expect(s.columnWidths[DEADLINE_COL.stt - 1]).toBeLessThan(width);
  });

  test("user text is carried as plain strings (the spec holds no formulas)", () => {
    const strings = spec.sheets.flatMap((s) => s.cells.map((c) => c.value)).filter((v) => typeof v === "string");
    for (const inj of INJECTIONS.slice(0, 4)) expect(strings).toContain(inj);
    expect(strings).toContain(INJECTIONS[1]);
  });
});

describe("group numbering", () => {
  test("a group's own Roman numeral (or letter) becomes its TT; other text keeps a running number", () => {
    expect(splitGroupNumber("I. Tăng cường đầu tư")).toEqual({ no: "I", name: "Tăng cường đầu tư" });
    expect(splitGroupNumber("XII - Nhiệm vụ khác")).toEqual({ no: "XII", name: "Nhiệm vụ khác" });
    expect(splitGroupNumber("B) Thường xuyên")).toEqual({ no: "B", name: "Thường xuyên" });
    expect(splitGroupNumber("Chuyển đổi số")).toEqual({ no: null, name: "Chuyển đổi số" });
    expect(splitGroupNumber("CDS: hạ tầng")).toEqual({ no: null, name: "CDS: hạ tầng" });
  });

  test("in the groups table", () => {
    const r = reportFrom([
      task({ status: "in_progress", group: "II. Chuyển đổi số" }),
      task({ status: "overdue", daysOverdue: 2, group: "Khác" }),
    ]);
    const main = buildSummary(r, defaultSettings()).sheets[0];
    const row = findRow(main, MAIN_COL.name, "Chuyển đổi số");
    expect(valueAt(main, row, MAIN_COL.no)).toBe("II");
    expect(valueAt(main, findRow(main, MAIN_COL.name, "Khác"), MAIN_COL.no)).toBe(2);
  });
});

describe("sheet names", () => {
  test("custom, long and forbidden-character names are made valid (≤ 31 characters)", () => {
    const s = { ...defaultSettings(), summarySheetName: "Báo cáo tổng hợp tháng 11/2026 [bản in]".slice(0, 31) };
    const names = summarySheetNames(s);
    for (const n of Object.values(names)) {
      expect(Array.from(n).length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(names.main.startsWith("Báo cáo tổng hợp tháng 11-2026")).toBe(true);
    expect(names.deadlines.endsWith(" - Quá hạn")).toBe(true);
  });
});

describe("properties", () => {
  const statusArb = fc.constantFrom(...STATUS_CATEGORIES);
  const taskArb = fc.record({
    status: statusArb,
    lead: fc.constantFrom("Phòng Kinh tế", "Công an xã", null),
    content: fc.string({ maxLength: 300 }),
    sheet: fc.constantFrom("PL I", "PL II", "Phụ lục III"),
    due: fc.integer({ min: -40, max: 40 }),
  });

  test("for any report: merges do not overlap, styles exist, cells lie in the print area, numbers finite", () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 40 }), (items) => {
        const tasks = items.map((it) => {
          const d = new Date(Date.UTC(2026, 10, 24 + it.due)).toISOString().slice(0, 10);
          const dated = it.status !== "recurring" && it.status !== "undetermined";
          return task({
            status: it.status,
            lead: it.lead,
            leadRaw: it.lead ?? "",
            content: it.content,
            sheet: it.sheet,
            deadline: dated ? { raw: d, kind: "date", due: d } : { raw: "", kind: "missing", due: null },
            ...(it.status === "overdue" ? { daysOverdue: Math.max(1, -it.due) } : {}),
          });
        });
        const report: Report = parseReport(reportFrom(tasks));
        const spec = buildSummary(report, defaultSettings());
        for (const s of spec.sheets) {
          const seen = new Set<string>();
          for (const m of s.merges)
            for (let r = m.top; r <= m.bottom; r++)
              for (let c = m.left; c <= m.right; c++) {
                const k = `${r}:${c}`;
                if (seen.has(k)) return false;
                seen.add(k);
              }
          const lastRow = Number(/(\d+)$/.exec(s.print.printArea!)![1]);
          for (const c of s.cells) {
            if (c.style && !s.styles[c.style]) return false;
            if (c.row > lastRow || c.col > s.columnWidths.length) return false;
            if (typeof c.value === "number" && !Number.isFinite(c.value)) return false;
          }
          if (s.columnWidths.some((w) => !(w >= 5 && w <= 60))) return false;
        }
        const main = spec.sheets[0];
        const totalRow = findRow(main, MAIN_COL.name, summaryText.totalRow);
        return valueAt(main, totalRow, MAIN_COL.total) === tasks.length && countsOf(tasks).total === tasks.length;
      }),
      { numRuns: 60 },
    );
  });
});
