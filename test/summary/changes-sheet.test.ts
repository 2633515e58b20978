/**
 * The sheet "Tổng hợp - Thay đổi": built from report.changes (only then), the counts per unit, the tasks
 * under one heading per kind with the highlights (green newly done, red newly overdue, amber deadline
 * moved), the indicators, A4 landscape; written by the .xlsx writer and rendered by LibreOffice (a PNG of
 * its first page goes to docs/screenshots/ when PHULUC_DOCS_SCREENSHOTS=1).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analyze";
import { changesBetween } from "../../src/core/changes";
import type { Report } from "../../src/core/report-schema";
import { defaultSettings } from "../../src/core/settings";
import { buildSummary, summarySheetNames } from "../../src/documents/summary/build";
import { CHANGE_COL, CHANGES_KEY } from "../../src/documents/summary/sheet-changes";
import { TONES } from "../../src/documents/summary/styles";
import { summaryText } from "../../src/i18n/summary";
import { writeSummaryInto } from "../support/xlsx-file";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { AFTER_AS_OF, BEFORE_AS_OF, planAfter, planBefore, TEXTS } from "../support/plan-versions";
import { findRow, sheetByKey, styleAt, valueAt } from "./spec-helpers";

const settings = { ...defaultSettings(), communeName: "xã Chí Minh" };

function reportWithChanges(): Report {
  const before = analyze(planBefore(), { asOf: BEFORE_AS_OF, settings });
  const after = analyze(planAfter(), { asOf: AFTER_AS_OF, settings });
  return { ...after, changes: changesBetween(before, after, { source: "snapshot", asOf: BEFORE_AS_OF, label: "30/06/2026" }) };
}

test("only a report with changes gets the sheet, named after the summary and last", () => {
  const plain = analyze(planAfter(), { asOf: AFTER_AS_OF, settings });
  expect(buildSummary(plain, settings).sheets.map((s) => s.key)).not.toContain(CHANGES_KEY);
  const spec = buildSummary(reportWithChanges(), settings);
  expect(spec.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Tổng hợp - Quá hạn", "Tổng hợp - Chỉ tiêu", "Tổng hợp - Thay đổi"]);
  const long = summarySheetNames({ ...settings, summarySheetName: "Báo cáo quý IV năm 2026 của xã" }).changes;
  expect(long).toMatch(/^Báo cáo quý IV .* - Thay đổi$/);
  expect(Array.from(long).length).toBeLessThanOrEqual(31);
});

test("title, counts per unit, each change under its kind with its highlight, indicators, A4 landscape", () => {
  const sheet = sheetByKey(buildSummary(reportWithChanges(), settings), CHANGES_KEY);
  const texts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
  expect(texts).toContain(summaryText.titleChanges("30/06/2026"));
  expect(texts).toContain(summaryText.sinceSnapshot("30/06/2026"));
  expect(texts).toContain("UBND XÃ CHÍ MINH");

  // Counts: every unit of the settings, zeros included; the total row.
  const kt = findRow(sheet, 2, "Phòng Kinh tế");
  expect([5, 6, 7, 8, 9, 10, 11].map((c) => valueAt(sheet, kt, c))).toEqual([0, 0, 1, 1, 0, 1, 0]);
  expect(styleAt(sheet, kt, 7)?.fill).toBe(TONES.red.fill);
  expect(styleAt(sheet, kt, 8)?.fill).toBe(TONES.amber.fill);
  expect(valueAt(sheet, findRow(sheet, 2, "Công an xã"), 9)).toBe(1);
  const total = findRow(sheet, 2, summaryText.totalRow);
  expect([5, 6, 7, 8, 9, 10, 11].map((c) => valueAt(sheet, total, c))).toEqual([1, 1, 1, 1, 1, 1, 1]);

  // The list: a heading per kind, rows highlighted by kind, before → after in words.
  const done = findRow(sheet, CHANGE_COL.content, TEXTS.doneOnTime);
  expect(valueAt(sheet, done - 1, 1)).toBe(summaryText.changeKindHeading(1, summaryText.changeKinds.done_on_time, 1));
  expect(styleAt(sheet, done, CHANGE_COL.content)?.fill).toBe(TONES.green.fill);
  expect(valueAt(sheet, done, CHANGE_COL.before)).toBe(summaryText.categories.in_progress);
  expect(valueAt(sheet, done, CHANGE_COL.after)).toBe(summaryText.categories.done_on_time);
  expect(styleAt(sheet, findRow(sheet, CHANGE_COL.content, TEXTS.doneLate), 1)?.fill).toBe(TONES.green.fill);
  expect(styleAt(sheet, findRow(sheet, CHANGE_COL.content, TEXTS.overdueSoon), CHANGE_COL.content)?.fill).toBe(TONES.red.fill);
  const moved = findRow(sheet, CHANGE_COL.content, TEXTS.moved);
  expect(styleAt(sheet, moved, CHANGE_COL.content)?.fill).toBe(TONES.amber.fill);
  expect([valueAt(sheet, moved, CHANGE_COL.before), valueAt(sheet, moved, CHANGE_COL.after)]).toEqual(["30/09/2026", "31/12/2026"]);
  const lead = findRow(sheet, CHANGE_COL.content, TEXTS.leadChanged);
  expect(styleAt(sheet, lead, CHANGE_COL.content)?.fill).toBeUndefined();
  expect([valueAt(sheet, lead, CHANGE_COL.before), valueAt(sheet, lead, CHANGE_COL.after)]).toEqual(["Phòng Kinh tế", "Công an xã"]);
  const removed = findRow(sheet, CHANGE_COL.content, TEXTS.removed);
  expect(valueAt(sheet, removed, CHANGE_COL.after)).toBe(summaryText.removedAfter);
  expect(sheet.merges).toContainEqual({ top: moved, left: CHANGE_COL.after, bottom: moved, right: CHANGE_COL.afterEnd });

  // Indicators: reached its target → green.
  const ind = findRow(sheet, 2, "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình");
  expect(valueAt(sheet, ind, CHANGE_COL.before)).toBe(`78% — ${summaryText.notMet}`);
  expect(valueAt(sheet, ind, CHANGE_COL.after)).toBe(`85% — ${summaryText.met}`);
  expect(styleAt(sheet, ind, 2)?.fill).toBe(TONES.green.fill);

  // Print: A4 landscape, one page wide, the list's header repeated.
  expect(sheet.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1 });
  const header = findRow(sheet, CHANGE_COL.content, summaryText.colContent);
  expect(sheet.print.printTitleRows).toEqual([header, header]);
  for (const c of sheet.cells) if (c.style) expect(sheet.styles[c.style].font?.name ?? "Times New Roman").toBe("Times New Roman");
});

test("no change at all: said in words, not an empty table", () => {
  const r = analyze(planAfter(), { asOf: AFTER_AS_OF, settings });
  const sheet = sheetByKey(
    buildSummary({ ...r, changes: changesBetween(r, r, { source: "file", asOf: AFTER_AS_OF, label: "ban-cu.xlsx" }) }, settings),
    CHANGES_KEY,
  );
  const texts = sheet.cells.map((c) => c.value);
  expect(texts).toContain(summaryText.noChanges);
  expect(texts).toContain(summaryText.noIndicatorChanges);
  expect(texts).toContain(summaryText.sinceFile("ban-cu.xlsx", "15/10/2026"));
});

test("the .xlsx writer writes it with its fills and print setup", async () => {
  const { result, wb: back } = await writeSummaryInto(new ExcelJS.Workbook(), buildSummary(reportWithChanges(), settings));
  expect(result.sheetNames).toContain("Tổng hợp - Thay đổi");
  const ws = back.getWorksheet("Tổng hợp - Thay đổi")!;
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });
  let doneRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(CHANGE_COL.content).value === TEXTS.doneOnTime) doneRow = n;
  });
  expect(doneRow).toBeGreaterThan(0);
  expect((ws.getCell(doneRow, CHANGE_COL.content).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + TONES.green.fill);
});

function has(cmd: string): boolean {
  return !spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60000 }).error;
}
const renders = has("soffice") && has("pdftotext") && has("pdftoppm");
if (!renders && process.env.CI) throw new Error("soffice/pdftotext/pdftoppm missing: install libreoffice-calc-nogui and poppler-utils");
const renderTest = renders ? test : test.skip;

renderTest(
  "LibreOffice prints it on A4 landscape with the Vietnamese text; a PNG of page 1",
  async () => {
    const dir = makeTempDir("phuluc-changes-render-");
    try {
      const spec = buildSummary(reportWithChanges(), settings);
      const { bytes } = await writeSummaryInto(new ExcelJS.Workbook(), {
        ...spec,
        sheets: spec.sheets.filter((s) => s.key === CHANGES_KEY),
      });
      const xlsx = path.join(dir, "thay-doi.xlsx");
      fs.writeFileSync(xlsx, bytes);
      const run = (cmd: string, args: string[]) => {
        const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 120000 });
        if (r.error || r.status !== 0) throw new Error(`${cmd} failed: ${r.error?.message ?? r.stderr}`);
        return r.stdout;
      };
      run("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
      const pdf = path.join(dir, "thay-doi.pdf");
      const info = run("pdfinfo", [pdf]);
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      expect(Math.abs(Number(w) - 842)).toBeLessThan(2);
      expect(Math.abs(Number(h) - 595)).toBeLessThan(2);
      const text = run("pdftotext", ["-layout", pdf, "-"]).normalize("NFC").replace(/\s+/g, "");
      for (const s of [summaryText.titleChanges("30/06/2026"), "Phòng Kinh tế", "Công an xã", TEXTS.doneOnTime, "31/12/2026"])
        expect(text).toContain(s.replace(/\s+/g, ""));
      run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(dir, "page")]);
      const png = path.join(dir, "page.png");
      expect(fs.statSync(png).size).toBeGreaterThan(5000);
      if (process.env.PHULUC_DOCS_SCREENSHOTS === "1") {
        const out = path.join(__dirname, "..", "..", "docs", "screenshots");
        fs.mkdirSync(out, { recursive: true });
        fs.copyFileSync(png, path.join(out, "changes-sheet.png"));
      }
    } finally {
      removeTempDir(dir);
    }
  },
  180000,
);
