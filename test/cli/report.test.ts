/**
 * `phuluc report PLAN.xlsx -o BAO-CAO.docx`: the registry command "report" through the CLI door. The
 * output is the command's own file (a .docx), not a copy of the workbook; the workbook is only read; the
 * header and signer come from the settings kept in the workbook.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { defaultSettings } from "../../src/core/settings";
import { emptyStore } from "../../src/core/store";
import { captureIO } from "../support/cli-io";
import { GridBuilder } from "../support/grid-builder";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

function plan(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026", "(Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh)")
    .header()
    .group("I", "Cải cách hành chính")
    .task({ stt: 1, content: "Rà soát thủ tục hành chính", lead: "Phòng Văn hóa - Xã hội", deadline: "30/6/2026" })
    .task({ stt: 2, content: "Báo cáo năm", lead: "Phong Van hoa - Xa hoi", deadline: "Tháng 12/2026" });
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file("word/document.xml")!.async("string")).normalize("NFC");
}

let dir: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-report-cli-");
});
afterEach(() => removeTempDir(dir));

test("writes the .docx to -o from the workbook's numbers and settings; the workbook is untouched", async () => {
  const settings = {
    ...defaultSettings(),
    planName: "Kế hoạch Khoa học và Công nghệ năm 2026",
    report: { number: "42", signerName: "Trần Thị Bình" },
  };
  const file = await writeTempXlsx([plan().build()], { dir, store: { ...emptyStore(), settings } });
  const before = sha(file);
  const out = path.join(dir, "BAO-CAO.docx");
  const io = captureIO();
  expect(await main(["report", file, "-o", out, "--as-of", "2026-11-22"], io)).toBe(0);
  expect(io.err).toBe("");
  expect(io.out).toContain("Đã soạn dự thảo báo cáo từ 2 nhiệm vụ (số liệu đến ngày 22/11/2026)");
  // the workbook has an error (an unknown unit): the message says the figures may be incomplete
  expect(io.out).toContain("bảng tính còn 1 lỗi");
  expect(io.out).toContain(`Đã ghi tệp ${out}`);
  expect(sha(file)).toBe(before);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  const xml = await documentXml(out);
  for (const s of [
    "BÁO CÁO",
    "Số: 42/BC-UBND",
    "Trần Thị Bình",
    // the plan as the settings name it, the commune as the workbook's attachment line names it
    "Kết quả thực hiện Kế hoạch Khoa học và Công nghệ năm 2026 của UBND xã Chí Minh",
    "Chí Minh, ngày 22 tháng 11 năm 2026",
  ])
    expect(xml).toContain(s);
  // nothing but the .docx was written beside it
  expect(fs.readdirSync(dir).sort()).toEqual(["BAO-CAO.docx", path.basename(file)].sort());
});

test("--lang en: the message in English, the document still Vietnamese", async () => {
  const file = await writeTempXlsx([plan().build()], { dir });
  const out = path.join(dir, "r.docx");
  const io = captureIO();
  expect(await main(["report", file, "-o", out, "--as-of", "2026-11-22", "--lang", "en"], io)).toBe(0);
  expect(io.out).toContain("Drafted the report from 2 tasks (figures as of 22/11/2026)");
  expect(await documentXml(out)).toContain("TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN");
});

test("usage: -o is required, may not be the input, and --json is not an option of report (exit 2, nothing written)", async () => {
  const file = await writeTempXlsx([plan().build()], { dir });
  const before = sha(file);
  for (const argv of [
    ["report", file],
    ["report", file, "-o", file],
    ["report", file, "-o", path.join(dir, "x.docx"), "--json"],
  ]) {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(/^phuluc: /);
  }
  expect(sha(file)).toBe(before);
  expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
});

test("section III: the changes since the last summary kept in the workbook, or since --since", async () => {
  const file = await writeTempXlsx([plan().build()], { dir });
  // A summary a month earlier records the snapshot.
  const summarized = path.join(dir, "tong-hop.xlsx");
  expect(await main(["summarize", file, "-o", summarized, "--as-of", "2026-06-15"], captureIO())).toBe(0);
  // Then the first task's deadline passes without it being done: newly overdue since that summary.
  const out = path.join(dir, "BAO-CAO.docx");
  expect(await main(["report", summarized, "-o", out, "--as-of", "2026-07-15"], captureIO())).toBe(0);
  const xml = await documentXml(out);
  expect(xml).toContain("III. TÌNH HÌNH THAY ĐỔI SO VỚI KỲ BÁO CÁO TRƯỚC");
  expect(xml).toContain("So với kỳ báo cáo trước (số liệu ngày 15/06/2026");
  // --since a date with no snapshot is a usage problem (exit 2), the dates there are named.
  const io = captureIO();
  expect(await main(["report", summarized, "-o", path.join(dir, "x.docx"), "--as-of", "2026-07-15", "--since", "2026-01-01"], io)).toBe(2);
  expect(io.err).toContain("2026-06-15");
});
