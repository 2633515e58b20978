/**
 * Every document carries the workbook's own commune and plan (issue 20's "done when"): the summary's
 * title rows, the report's text (.docx), the units' copies — for the bundled sample, for a plan headed
 * like An Hòa's (the ND30 block on top of the appendix) and for a ward's. Nothing of the seed commune
 * appears in another commune's papers.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { runMain } from "../support/cli-io";
import { anHoaPlan, wardPlan } from "../support/commune-plans";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";
import { sofficeConvert } from "../support/soffice";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { parseUnitCopyRecord, UNIT_COPY_KEY } from "../../src/core/returned-copies/copy-record";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample.xlsx");
const AS_OF = "2026-11-22";

/** The .docx's paragraphs as text (each <w:p>'s runs joined). */
async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = (await zip.file("word/document.xml")!.async("string")).normalize("NFC");
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .map((t) => t.replace(/&amp;/g, "&").trim())
    .filter(Boolean);
}

/** The main summary sheet's title rows: [A1, the right block's three lines, the title, the plan line]. */
async function summaryTitle(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Tổng hợp")!;
  const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? "");
  return [text(1, 1), text(1, 5), text(2, 5), text(3, 5), text(5, 1), text(6, 1)];
}

interface Case {
  name: string;
  file: (dir: string) => Promise<string>;
  heading: string[];
  place: string;
  plan: string;
  /** The commune in the summary's heading ("UBND XÃ AN HÒA"). */
  summaryHeading: string;
  /** The commune as a sentence names it (the units' copies keep it). */
  commune: string;
}

const CASES: Case[] = [
  {
    name: "the bundled sample",
    file: async () => SAMPLE,
    heading: ["ỦY BAN NHÂN DÂN", "XÃ CHÍ MINH"],
    place: "Chí Minh, ngày 22 tháng 11 năm 2026",
    plan: "Kế hoạch số 15/KH-UBND ngày 20/02/2026 của UBND xã Chí Minh",
    summaryHeading: "UBND XÃ CHÍ MINH",
    commune: "xã Chí Minh",
  },
  {
    name: "a plan headed like An Hòa's (the ND30 block on top)",
    file: (dir) => writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" }),
    heading: ["ỦY BAN NHÂN DÂN", "XÃ AN HÒA"],
    place: "An Hòa, ngày 22 tháng 11 năm 2026",
    plan: "Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã An Hòa",
    summaryHeading: "UBND XÃ AN HÒA",
    commune: "xã An Hòa",
  },
  {
    name: "a ward's plan",
    file: (dir) => writeTempXlsx(wardPlan(), { dir, name: "le-chan.xlsx" }),
    heading: ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÊ CHÂN"],
    place: "Lê Chân, ngày 22 tháng 11 năm 2026",
    plan: "Kế hoạch số 25/KH-UBND ngày 15/3/2026 của UBND phường Lê Chân",
    summaryHeading: "UBND PHƯỜNG LÊ CHÂN",
    commune: "phường Lê Chân",
  },
];

let dir: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-identity-docs-");
});
afterEach(() => removeTempDir(dir));

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  it("the report (.docx): its header, place line and subject name the workbook's commune and plan; the chair signs", async () => {
    const file = await c.file(dir);
    const out = path.join(dir, "bao-cao.docx");
    expect((await runMain(["report", file, "-o", out, "--as-of", AS_OF])).code).toBe(0);
    const text = await docxParagraphs(out);
    expect(text.slice(0, 2)).toEqual(c.heading);
    expect(text).toContain(c.place);
    expect(text).toContain(`Kết quả thực hiện ${c.plan}`);
    const tm = text.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(text.slice(tm, tm + 2)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    // never an appendix or the heading block as the plan's name
    expect(text.join("\n")).not.toMatch(/Kết quả thực hiện (Phụ lục|PHỤ LỤC|ỦY BAN)/);
    if (!c.heading[1].includes("CHÍ MINH")) expect(text.join("\n")).not.toMatch(/Chí Minh|CHÍ MINH/);
  });

  it("the summary's title rows: the commune on the left, its place line, the plan (not its first appendix)", async () => {
    const file = await c.file(dir);
    const out = path.join(dir, "tong-hop.xlsx");
    expect((await runMain(["summarize", file, "-o", out, "--as-of", AS_OF])).code).toBe(0);
    expect(await summaryTitle(out)).toEqual([
      c.summaryHeading,
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      c.place,
      "BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ",
      c.plan,
    ]);
  });

  it("the units' copies carry the same plan and commune", async () => {
    const file = await c.file(dir);
    const out = path.join(dir, "gui-don-vi");
    expect((await runMain(["split", file, "-o", out, "--as-of", AS_OF])).code).toBe(0);
    const copies = fs.readdirSync(out);
    expect(copies.length).toBeGreaterThan(0);
    const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(path.join(out, copies[0])), copies[0], { readOnly: true });
    const { record } = parseUnitCopyRecord(await port.loadRecord(UNIT_COPY_KEY));
    expect(record?.plan).toMatchObject({ title: c.plan, commune: c.commune });
  });
});

/** LibreOffice renders page 1 of each report: what a clerk prints carries the commune and the plan. */
function has(cmd: string): boolean {
  return !spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60000 }).error;
}
const rendering = has("soffice") && has("pdftotext") && has("pdftoppm");
if (!rendering) console.warn("identity-documents: the render test is skipped (soffice or poppler-utils missing)");

(rendering ? test : test.skip)(
  "page 1 of the report, rendered by LibreOffice, for the sample and for a ward (PHULUC_SCREENSHOTS=1 saves them)",
  async () => {
    const cases: [string, Case][] = [
      ["sample", CASES[0]],
      ["ward", CASES[2]],
    ];
    const docs: string[] = [];
    for (const [name, c] of cases) {
      const out = path.join(dir, `report-${name}.docx`);
      expect((await runMain(["report", await c.file(dir), "-o", out, "--as-of", AS_OF])).code).toBe(0);
      docs.push(out);
    }
    sofficeConvert(docs, { to: "pdf", outDir: dir, profile: path.join(dir, "lo-profile") });
    for (const [name, c] of cases) {
      const pdf = path.join(dir, `report-${name}.pdf`);
      const page1 = spawnSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" }).stdout.normalize("NFC");
      const squash = (s: string) => s.replace(/\s+/g, "");
      for (const s of [...c.heading, c.place, `Kết quả thực hiện ${c.plan}`]) expect(squash(page1)).toContain(squash(s));
      if (process.env.PHULUC_SCREENSHOTS === "1") {
        const shots = path.join(__dirname, "..", "..", "docs", "screenshots");
        spawnSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(shots, `report-${name}-page-1`)]);
      }
    }
  },
  300000,
);
