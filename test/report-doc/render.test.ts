/**
 * A real render: the report's .docx printed to PDF by LibreOffice Writer (one soffice run), then measured
 * with poppler — A4 portrait pages, the text inside the form's margins, no page number on page 1 and "2"
 * centred in the top margin of page 2, Times New Roman (or its metric twin Liberation Serif) in regular,
 * bold, italic and bold italic, the text itself, the lines under the agency and the motto (their length
 * measured on the rendered page), and "Nơi nhận:" level with the signature block.
 * PHULUC_SCREENSHOTS=1 also saves pages 1 and 2 of the sample plan's report as docs/screenshots/report-page-{1,2}.png.
 * Without soffice the test fails on CI and is skipped (with a warning) elsewhere.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildReportDoc } from "../../src/documents/report-doc/build";
import { HEADER_COLUMNS_MM, HEADER_DISTANCE_MM, MARGINS_MM, PAGE, PT_PER_MM, SHORT_LINE_SHARE } from "../../src/documents/report-doc/form";
import { renderReportDocx } from "../../src/docx/render";
import { analyze } from "../../src/core/analyze";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { fullSettings, sampleReport, withChanges } from "./fixtures";

function has(cmd: string): boolean {
  return !spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60000 }).error;
}
const available = has("soffice") && has("pdfinfo") && has("pdftotext") && has("pdffonts") && has("pdftoppm");
if (!available) {
  if (process.env.CI) throw new Error("soffice or poppler missing: install libreoffice-writer-nogui and poppler-utils");
  console.warn("report render.test.ts skipped: soffice or poppler-utils not installed");
}
const renderTest = available ? test : test.skip;

function run(cmd: string, args: string[], timeout = 150000): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout });
  if (r.error || r.status !== 0) throw new Error(`${cmd} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words with their boxes (points, origin top-left), per page, from `pdftotext -bbox`. */
function wordsByPage(pdf: string): Word[][] {
  const html = run("pdftotext", ["-bbox", pdf, "-"]);
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: +m[1],
        yMin: +m[2],
        xMax: +m[3],
        yMax: +m[4],
        text: m[5]
          .replace(/&amp;/g, "&")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .normalize("NFC"),
      })),
    );
}

/** The words of the printed line holding the word `first` within [x0, x1] (same baseline ± 2 pt, same range). */
function lineOf(words: Word[], first: string, x0: number, x1: number): Word[] {
  const inside = (w: Word) => w.xMin >= x0 && w.xMax <= x1;
  const start = words.find((w) => w.text === first && inside(w))!;
  expect(start).toBeDefined();
  return words.filter((w) => inside(w) && Math.abs(w.yMax - start.yMax) < 2).sort((a, b) => a.xMin - b.xMin);
}
const spanOf = (ws: Word[]) => ({ xMin: Math.min(...ws.map((w) => w.xMin)), xMax: Math.max(...ws.map((w) => w.xMax)) });

/** Horizontal dark runs on a page rendered in grey at `dpi`: [y, x0, x1] in points (long, thin lines). */
function horizontalRules(pgm: Buffer, dpi: number): { y: number; x0: number; x1: number }[] {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString("latin1"))!;
  const [w, h] = [+header[1], +header[2]];
  const data = pgm.subarray(header[0].length);
  const scale = 72 / dpi;
  const out: { y: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && data[y * w + x] < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        // a rule: long and with light pixels just above and below (not a letter's stroke)
        if (x - start > 40) out.push({ y: y * scale, x0: start * scale, x1: x * scale });
        start = -1;
      }
    }
  }
  // one entry per rule (a rule is a few pixel rows thick)
  return out.filter((r, i) => !out.slice(0, i).some((o) => Math.abs(o.y - r.y) < 2 && Math.abs(o.x0 - r.x0) < 2));
}

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample.xlsx");

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-report-render-");
});
afterAll(() => removeTempDir(dir));

renderTest(
  "the report prints in the form of Nghị định 30/2020/NĐ-CP",
  async () => {
    // Two documents in one soffice run: the hand-made report (every section, hostile text) and the report
    // of the bundled sample plan (the screenshots' source).
    const doc = buildReportDoc(withChanges(sampleReport()), fullSettings());
    const docx = path.join(dir, "bao-cao.docx");
    fs.writeFileSync(docx, await renderReportDocx(doc));
    const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(SAMPLE), "sample.xlsx");
    const settings = { ...(await port.loadSettings()).settings, report: { number: "125", signerName: "Nguyễn Văn An" } };
    const sampleDocx = path.join(dir, "mau.docx");
    fs.writeFileSync(
      sampleDocx,
      await renderReportDocx(buildReportDoc(analyze(await port.readSheets(), { asOf: "2026-11-22", settings }), settings)),
    );
    const profile = path.join(dir, "lo-profile");
    run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx, sampleDocx]);
    const pdf = path.join(dir, "bao-cao.pdf");
    const samplePdf = path.join(dir, "mau.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.existsSync(samplePdf)).toBe(true);

    // A4 portrait, every page
    const info = run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [+m[1], +m[2]]);
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    const [W, H] = [PAGE.widthMm * PT_PER_MM, PAGE.heightMm * PT_PER_MM];
    for (const [w, h] of sizes) {
      expect(Math.abs(w - W)).toBeLessThan(1);
      expect(Math.abs(h - H)).toBeLessThan(1);
    }

    // Fonts: Times New Roman or Liberation Serif only, in its four faces
    const fonts = run("pdffonts", [pdf])
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(LiberationSerif|TimesNewRoman(PS)?(MT)?)(-|,|$)/);
    for (const face of [/^(LiberationSerif|TimesNewRoman\w*)$/, /-Bold$/, /-Italic$/, /-BoldItalic$/])
      expect(fonts.some((f) => face.test(f))).toBe(true);

    const pages = wordsByPage(pdf);
    const samplePages = wordsByPage(samplePdf);
    expect(samplePages.length).toBeGreaterThanOrEqual(2);
    const left = MARGINS_MM.left * PT_PER_MM;
    const right = W - MARGINS_MM.right * PT_PER_MM;
    const top = MARGINS_MM.top * PT_PER_MM;
    const bottom = H - MARGINS_MM.bottom * PT_PER_MM;

    // Margins: all text between the left and right margins and above the bottom one; below the top one
    // except the page number, which sits in the top margin.
    [...pages, ...samplePages.map((words, i) => ({ words, i }))].forEach((entry, k) => {
      const { words, i } = Array.isArray(entry) ? { words: entry, i: k } : entry;
      for (const w of words) {
        expect(w.xMin).toBeGreaterThan(left - 1.5);
        expect(w.xMax).toBeLessThan(right + 1.5);
        expect(w.yMax).toBeLessThan(bottom + 1);
      }
      const inTopMargin = words.filter((w) => w.yMax < top);
      if (i === 0) expect(inTopMargin).toEqual([]);
      else {
        expect(inTopMargin.map((w) => w.text)).toEqual([String(i + 1)]);
        const n = inTopMargin[0];
        expect(Math.abs((n.xMin + n.xMax) / 2 - (left + right) / 2)).toBeLessThan(3);
        expect(n.yMin).toBeGreaterThan(HEADER_DISTANCE_MM * PT_PER_MM - 2);
      }
    });
    // the body uses the full width: justified lines reach both margins (within 2 mm)
    const page1 = pages[0];
    expect(Math.min(...page1.map((w) => w.xMin)) - left).toBeLessThan(2 * PT_PER_MM);
    expect(right - Math.max(...page1.map((w) => w.xMax))).toBeLessThan(2 * PT_PER_MM);

    // The text
    // Paragraphs read in order without -layout; a table row reads in order with it (columns kept apart).
    const plain = squash(run("pdftotext", [pdf, "-"]));
    const layout = squash(run("pdftotext", ["-layout", pdf, "-"]));
    for (const s of [
      "UBND THÀNH PHỐ HẢI PHÒNG",
      "ỦY BAN NHÂN DÂN",
      "XÃ CHÍ MINH",
      "Số: 125/BC-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Chí Minh, ngày 24 tháng 11 năm 2026",
      "BÁO CÁO",
      "Kết quả thực hiện Kế hoạch Khoa học và Công nghệ năm 2026",
      "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
      "đạt tỷ lệ 33,3%",
      "Tổng cộng 10 2 1 3 2 1 1 33,3% 22,2%",
      "Không đạt",
      "III. TÌNH HÌNH THAY ĐỔI SO VỚI KỲ BÁO CÁO TRƯỚC",
      "Thời hạn: 30/09/2026 → 31/12/2026",
      "[Cơ quan soạn thảo viết:",
      "Nơi nhận:",
      "- Lưu: VT, VHXH.",
      "TM. ỦY BAN NHÂN DÂN",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn An",
    ])
      expect([plain, layout].some((t) => t.includes(squash(s))) ? s : plain).toBe(s);

    // The header: the agency's short line (1/3–1/2 of its text, centred under it) and the motto's line
    // (as long as the motto), measured on the rendered page.
    const dpi = 144;
    run("pdftoppm", ["-gray", "-r", String(dpi), "-f", "1", "-l", "1", pdf, path.join(dir, "p")]);
    const pgm = fs.readdirSync(dir).find((f) => /^p-0*1\.pgm$/.test(f))!;
    const rules = horizontalRules(fs.readFileSync(path.join(dir, pgm)), dpi);
    const leftColumn: [number, number] = [left, left + HEADER_COLUMNS_MM.left * PT_PER_MM];
    const rightColumn: [number, number] = [leftColumn[1], right];
    const agency = spanOf(lineOf(page1, "ỦY", ...leftColumn));
    const agencyBottom = Math.max(...lineOf(page1, "XÃ", ...leftColumn).map((w) => w.yMax));
    const agencyRule = rules.find((r) => r.y > agencyBottom && r.y < agencyBottom + 12 && r.x1 < W / 2)!;
    if (!agencyRule) throw new Error(`no rule under the agency (bottom ${agencyBottom}): ${JSON.stringify(rules)}`);
    const agencyWidth = agency.xMax - agency.xMin;
    const ruleWidth = agencyRule.x1 - agencyRule.x0;
    expect(ruleWidth / agencyWidth).toBeGreaterThanOrEqual(1 / 3);
    expect(ruleWidth / agencyWidth).toBeLessThanOrEqual(1 / 2);
    expect(Math.abs((agencyRule.x0 + agencyRule.x1) / 2 - (agency.xMin + agency.xMax) / 2)).toBeLessThan(3);
    expect(SHORT_LINE_SHARE).toBeGreaterThan(1 / 3);

    const motto = lineOf(page1, "Độc", ...rightColumn);
    const mottoSpan = spanOf(motto);
    const mottoBottom = Math.max(...motto.map((w) => w.yMax));
    const mottoRule = rules.find((r) => r.y > mottoBottom && r.y < mottoBottom + 12 && r.x0 > W / 2 - 60)!;
    if (!mottoRule) throw new Error(`no rule under the motto (bottom ${mottoBottom}): ${JSON.stringify(rules)}`);
    expect(Math.abs(mottoRule.x1 - mottoRule.x0 - (mottoSpan.xMax - mottoSpan.xMin))).toBeLessThan(
      0.06 * (mottoSpan.xMax - mottoSpan.xMin),
    );
    expect(Math.abs((mottoRule.x0 + mottoRule.x1) / 2 - (mottoSpan.xMin + mottoSpan.xMax) / 2)).toBeLessThan(3);

    // The foot: "Nơi nhận:" on the left, level with the signature block's first line on the right
    const last = pages[pages.length - 1];
    const recipients = last.find((w) => w.text === "Nơi")!;
    const tm = last.find((w) => w.text === "TM.")!;
    expect(recipients && tm).toBeTruthy();
    expect(recipients.xMax).toBeLessThan(W / 2);
    expect(tm.xMin).toBeGreaterThan(W / 2 - 30);
    expect(Math.abs(recipients.yMin - tm.yMin)).toBeLessThan(4);

    if (process.env.PHULUC_SCREENSHOTS === "1") {
      const shots = path.join(__dirname, "..", "..", "docs", "screenshots");
      fs.mkdirSync(shots, { recursive: true });
      run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "2", samplePdf, path.join(shots, "report-page")]);
    }
  },
  240000,
);
