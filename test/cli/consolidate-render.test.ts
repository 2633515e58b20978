/**
 * The city's workbook and report as printed: LibreOffice renders them (A4 landscape pages of the workbook,
 * the ND30 report), and what a clerk prints carries the issuing body, the ranking, the indicators matched
 * across communes and the files left out. PHULUC_SCREENSHOTS=1 saves the pages as docs/screenshots/city-*.png.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runMain } from "../support/cli-io";
import { communeFileName, communePlan, fastXlsx, generatedCommune } from "../support/city-plans";
import { sofficeConvert } from "../support/soffice";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";

const AS_OF = "2026-11-24";

function has(cmd: string): boolean {
  return !spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60000 }).error;
}
const rendering = has("soffice") && has("pdftotext") && has("pdftoppm");
if (!rendering) console.warn("consolidate-render: skipped (soffice or poppler-utils missing)");

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-city-render-");
});
afterAll(() => removeTempDir(dir));

const squash = (s: string) => s.replace(/\s+/g, "");

/** The pages worth showing: the first page of each sheet (by the heading it starts with). */
const FIRST_PAGES: [string, string][] = [
  ["BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH", "city-workbook-ranking"],
  ["I. CHỈ TIÊU TRÊN TOÀN ĐỊA BÀN", "city-workbook-indicators"],
  ["II. KẾT QUẢ CỦA TỪNG XÃ, PHƯỜNG, ĐẶC KHU", "city-workbook-by-commune"],
  ["DANH SÁCH TỆP ĐÃ NHẬN VÀ CÁC VẤN ĐỀ", "city-workbook-files"],
];

const pdfText = (pdf: string, page?: number) =>
  spawnSync("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), pdf, "-"], { encoding: "utf8" }).stdout.normalize(
    "NFC",
  );
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);

/** 24 communes of Hải Phòng, a note and an older copy of one commune's file, in "hai-phong/" under the current folder. */
function communeFolder(): string {
  const communes = "hai-phong";
  fs.mkdirSync(communes);
  for (let i = 0; i < 24; i++) {
    const plan = generatedCommune(i, 40);
    fs.writeFileSync(path.join(communes, communeFileName(plan)), fastXlsx(communePlan(plan)));
  }
  fs.writeFileSync(path.join(communes, "ghi-chu.txt"), "Danh sách các xã đã nộp\n");
  const old = path.join(communes, "xa-tan-phu-ban-cu.xlsx");
  fs.writeFileSync(old, fastXlsx(communePlan(generatedCommune(3, 40))));
  fs.utimesSync(old, new Date("2026-10-01T08:00:00"), new Date("2026-10-01T08:00:00"));
  return communes;
}

async function renderCity(): Promise<void> {
  const communes = communeFolder();
  const r = await runMain([
    "consolidate",
    communes,
    "-o",
    "tong-hop.xlsx",
    "--report",
    "bao-cao.docx",
    "--as-of",
    AS_OF,
    "--issuer",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "--parent",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
    "--plan",
    "Kế hoạch số 12-KH/TU ngày 01/3/2026 về chuyển đổi số",
  ]);
  expect(r.code).toBe(1);
  sofficeConvert(["tong-hop.xlsx", "bao-cao.docx"], { to: "pdf", outDir: dir, profile: path.join(dir, "lo-profile") });
  const book = path.join(dir, "tong-hop.pdf");
  for (const s of [
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "Hải Phòng, ngày 24 tháng 11 năm 2026",
    "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU",
    "Kế hoạch số 12-KH/TU ngày 01/3/2026 về chuyển đổi số",
    "Số xã, phường, đặc khu theo tỷ lệ hoàn thành",
    "II. XẾP HẠNG CÁC XÃ, PHƯỜNG, ĐẶC KHU THEO TỶ LỆ HOÀN THÀNH",
    "Các cách ghi đã ghép làm một chỉ tiêu",
    "«Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình»",
    "I. TỆP KHÔNG TỔNG HỢP ĐƯỢC (2 tệp)",
    "hai-phong/xa-tan-phu-ban-cu.xlsx",
  ])
    expect(squash(pdfText(book))).toContain(squash(s));
  const doc = pdfText(path.join(dir, "bao-cao.pdf"));
  for (const s of ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "/BC-SKHCN", "GIÁM ĐỐC", "Nơi nhận:"])
    expect(squash(doc)).toContain(squash(s));
  const all = Array.from({ length: pages(book) }, (_, i) => i + 1);
  const firsts = FIRST_PAGES.map(([heading, name]) => ({
    name,
    page: all.find((p) => squash(pdfText(book, p)).includes(squash(heading))),
  }));
  for (const f of firsts) expect(f.page).toBeGreaterThan(0);
  if (process.env.PHULUC_SCREENSHOTS === "1") {
    const shots = path.join(__dirname, "..", "..", "docs", "screenshots");
    for (const { name, page } of firsts)
      spawnSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", book, path.join(shots, name)]);
    spawnSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", path.join(dir, "bao-cao.pdf"), path.join(shots, "city-report-page")]);
  }
}

(rendering ? test : test.skip)(
  "the city's workbook and report, rendered by LibreOffice: each sheet's first page, the report's header (PHULUC_SCREENSHOTS=1 saves them)",
  async () => {
    // run from the folder the files sit in, as a clerk would: the documents name "hai-phong/xa-….xlsx"
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await renderCity();
    } finally {
      process.chdir(cwd);
    }
  },
  300000,
);
