/**
 * A real render: the summary workbook printed to PDF by LibreOffice (headless), then checked with
 * poppler: every page A4 landscape, the Vietnamese text there, the header row repeated on page 2.
 * Without soffice the test fails on CI and is skipped (with a warning) elsewhere.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { STATUS_CATEGORIES } from "../../src/core/report-schema";
import { buildSummary } from "../../src/documents/summary/build";
import { emptyXlsx, writeSummaryInto } from "../support/xlsx-file";
import { summaryText } from "../../src/i18n/summary";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { reportFrom, sampleReport, sampleSettings, task } from "./fixtures";

function has(cmd: string): boolean {
  const r = spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60000 });
  return !r.error;
}

const available = has("soffice") && has("pdfinfo") && has("pdftotext");
if (!available) {
  if (process.env.CI) throw new Error("soffice/pdfinfo/pdftotext missing: install libreoffice-calc-nogui and poppler-utils");
  console.warn("render.test.ts skipped: soffice, pdfinfo or pdftotext not installed");
}
const renderTest = available ? test : test.skip;

function run(cmd: string, args: string[], timeout = 120000): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout });
  if (r.error || r.status !== 0) throw new Error(`${cmd} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** Text without whitespace (pdftotext may split words around diacritics), NFC. */
const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

async function renderPdf(bytes: Uint8Array, dir: string, name: string): Promise<string> {
  const xlsx = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(xlsx, bytes);
  const profile = path.join(dir, "lo-profile");
  run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx]);
  const pdf = path.join(dir, `${name}.pdf`);
  expect(fs.existsSync(pdf)).toBe(true);
  return pdf;
}

function pageSizes(pdf: string): { w: number; h: number }[] {
  const info = run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-render-");
});
afterAll(() => removeTempDir(dir));

describe("summary rendered by LibreOffice", () => {
  renderTest(
    "A4 landscape pages with the title, unit names (with diacritics) and totals",
    async () => {
      const report = sampleReport();
      const { bytes } = await writeSummaryInto(await emptyXlsx(), buildSummary(report, sampleSettings()));
      const pdf = await renderPdf(bytes, dir, "tong-hop");
      const sizes = pageSizes(pdf);
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      for (const s of sizes) {
        expect(Math.abs(s.w - 842)).toBeLessThan(2);
        expect(Math.abs(s.h - 595)).toBeLessThan(2);
      }
      const text = squash(run("pdftotext", ["-layout", pdf, "-"]));
      for (const s of [
        "UBND XÃ CHÍ MINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Chí Minh, ngày 24 tháng 11 năm 2026",
        summaryText.titleMain,
        summaryText.titleDeadlines,
        summaryText.titleIndicators,
        "Phòng Văn hóa - Xã hội",
        "Văn phòng HĐND và UBND xã",
        "Trung tâm Phục vụ hành chính công",
        "(Chưa xác định đơn vị)",
        "Tổng cộng",
        '=HYPERLINK("http://x","y")',
      ])
        expect(text).toContain(squash(s));
      // the total row: 2 1 3 2 1 1 10 33.3% 22.2% (LibreOffice's en-US locale in the test profile)
      expect(text).toContain(squash("Tổng cộng 2 1 3 2 1 1 10 33.3% 22.2%"));
      // page numbers in the footer
      expect(text).toContain(squash("Trang 1/"));
      // one page wide: the first and last columns of the unit table are on page 1
      const page1 = squash(run("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]));
      expect(page1).toContain(squash("Cơ quan, đơn vị chủ trì"));
      // (header cells wrap: pdftotext interleaves their lines, so look for the first line)
      expect(page1).toContain(squash("Tỷ lệ đúng"));
      expect(page1).toContain(squash("Tổng cộng 2 1 3 2 1 1 10 33.3% 22.2%"));
    },
    180000,
  );

  renderTest(
    "a long summary repeats the header row on the next page",
    async () => {
      const tasks = Array.from({ length: 70 }, (_, i) =>
        task({
          status: i % 3 === 0 ? "overdue" : "in_progress",
          group: `Nhóm nhiệm vụ số ${i + 1}`,
          daysOverdue: i % 3 === 0 ? 5 : undefined,
          deadline: { raw: "19/11/2026", kind: "date", due: i % 3 === 0 ? "2026-11-19" : "2026-12-31" },
        }),
      );
      const { bytes } = await writeSummaryInto(await emptyXlsx(), buildSummary(reportFrom(tasks), sampleSettings()));
      const pdf = await renderPdf(bytes, dir, "dai");
      const pages = pageSizes(pdf).length;
      expect(pages).toBeGreaterThanOrEqual(4);
      const page2 = squash(run("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf, "-"]));
      // page 2 continues the groups table under the repeated header row (not the title block)
      expect(page2).not.toContain(squash(summaryText.titleMain));
      expect(page2).toContain(squash(`${summaryText.colNo} ${summaryText.colUnit}`));
      expect(page2).toContain(squash("Tỷ lệ hoàn"));
      expect(page2).toMatch(/Nhómnhiệmvụsố\d+/);
    },
    180000,
  );
});

describe("the summary's native chart in LibreOffice", () => {
  renderTest(
    "LibreOffice loads the chart: converted to ODS, the main sheet holds a bar chart object with one series per category",
    async () => {
      const { bytes, result } = await writeSummaryInto(await emptyXlsx(), buildSummary(sampleReport(), sampleSettings()));
      const xlsx = path.join(dir, "bieu-do.xlsx");
      fs.writeFileSync(xlsx, bytes);
      const profile = path.join(dir, "lo-profile");
      run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "ods", "--outdir", dir, xlsx]);
      const ods = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "bieu-do.ods")));
      const content = await ods.file("content.xml")!.async("string");
      const mainTable = content.slice(content.indexOf(`table:name="${result.sheetNames[0]}"`));
      expect(mainTable).toMatch(/<draw:object\b/);
      const objects = Object.keys(ods.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
      expect(objects.length).toBeGreaterThanOrEqual(1);
      const chart = await ods.file(objects[0])!.async("string");
      expect(chart).toMatch(/chart:class="chart:bar"/);
      expect(chart.match(/<chart:series\b/g)?.length).toBe(STATUS_CATEGORIES.length);
    },
    180000,
  );
});
