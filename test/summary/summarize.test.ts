import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ParsedArgs } from "../../src/cli/args";
import type { CliIO } from "../../src/cli/io";
import { parseArgs } from "../../src/cli/args";
import { isSameFile, writeFileAtomic } from "../../src/cli/files";
import { reportFailure } from "../../src/cli/main";
import { runCommand } from "../../src/cli/run-command";
import type { Report } from "../../src/core/report-schema";
import { readStore } from "../../src/xlsx/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { summarizeXlsxBytes } from "../../src/cli/summarize-bytes";
import { GridBuilder } from "../support/grid-builder";
import { makeTempDir, removeTempDir, writeTempFile, writeTempXlsx } from "../support/xlsx-builder";
import { AS_OF, sampleReport } from "./fixtures";
import { userSheets } from "./helpers";

const stubAnalyze = () => sampleReport();

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { cli, out, err };
}

function args(file: string, out?: string): ParsedArgs {
  return parseArgs(["summarize", file, ...(out === undefined ? [] : ["-o", out]), "--as-of", AS_OF]);
}

/** `phuluc summarize` through the CLI's door, with the analysis given (as the pane's tests give theirs). */
async function summarizeCommand(a: () => ParsedArgs, cli: CliIO, analyze?: () => Report): Promise<number> {
  try {
    const analyzeSteps =
      analyze &&
      (function* () {
        yield { phase: "aggregate", done: 1, total: 1 };
        return analyze();
      } as never);
    return await runCommand(a(), cli, analyzeSteps ? { engine: { analyzeSteps } } : {});
  } catch (e) {
    return reportFailure(e, cli);
  }
}

const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as any);
  return wb;
}

function expectOneLineError(err: string[], pattern: RegExp): void {
  const text = err.join("");
  expect(text).toMatch(pattern);
  expect(text.trim().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
}

let dir: string;
let file: string;
beforeEach(async () => {
  dir = makeTempDir("phuluc-summarize-");
  file = await writeTempXlsx(userSheets(), { dir, name: "kế hoạch.xlsx" });
});
afterEach(() => removeTempDir(dir));

describe("phuluc summarize", () => {
  test("writes a copy with the summary; FILE's bytes unchanged; no temporary file left", async () => {
    const before = sha(file);
    const out = path.join(dir, "tổng hợp.xlsx");
    const { cli, out: stdout, err } = io();
    expect(await summarizeCommand(() => args(file, out), cli, stubAnalyze)).toBe(0);
    expect(err).toEqual([]);
    expect(stdout.join("")).toContain(out);
    expect(sha(file)).toBe(before);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "PL I",
      "Tổng hợp",
      "Nháp",
      "_phuluc",
      "Tổng hợp (2)",
      "Tổng hợp - Quá hạn",
      "Tổng hợp - Chỉ tiêu",
    ]);
    // the workbook names no commune and none is saved: a visible placeholder, never another commune's name
    expect(wb.getWorksheet("Tổng hợp (2)")!.getCell("A1").value).toBe("UBND XÃ …");
    expect(fs.readdirSync(dir).sort()).toEqual(["kế hoạch.xlsx", "tổng hợp.xlsx"].sort());
  });

  test("summarizing its own output replaces the summary instead of adding another", async () => {
    const out1 = path.join(dir, "a.xlsx");
    const out2 = path.join(dir, "b.xlsx");
    expect(await summarizeCommand(() => args(file, out1), io().cli, stubAnalyze)).toBe(0);
    const { cli, out } = io();
    expect(await summarizeCommand(() => args(out1, out2), cli, stubAnalyze)).toBe(0);
    expect(out.join("")).toContain("Đã thay bảng tổng hợp cũ");
    const [w1, w2] = [await load(out1), await load(out2)];
    expect(w2.worksheets.map((w) => w.name)).toEqual(w1.worksheets.map((w) => w.name));
    const storeOf = (f: string) => readStore(XlsxWorkbook.open(fs.readFileSync(f), f)).store;
    expect(storeOf(out2).summarySheets).toEqual(storeOf(out1).summarySheets);
  });

  test("OUT naming FILE is refused with exit 2: same path, relative path, .., symlink, hard link", async () => {
    const before = sha(file);
    const rel = path.relative(process.cwd(), file);
    const dotted = path.join(dir, "x", "..", path.basename(file));
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(file, link);
    const hard = path.join(dir, "hard.xlsx");
    fs.linkSync(file, hard);
    for (const out of [file, rel, dotted, link, hard]) {
      const { cli, err } = io();
      expect(await summarizeCommand(() => args(file, out), cli, stubAnalyze)).toBe(2);
      expectOneLineError(err, /trùng với tệp đầu vào/);
      expect(isSameFile(file, out)).toBe(true);
    }
    // and the other way round: FILE given through the symlink
    const { cli, err } = io();
    expect(await summarizeCommand(() => args(link, file), cli, stubAnalyze)).toBe(2);
    expectOneLineError(err, /trùng/);
    expect(sha(file)).toBe(before);
    expect(isSameFile(file, path.join(dir, "khác.xlsx"))).toBe(false);
  });

  test("file problems are one clear line and exit 2", async () => {
    const cases: [string, string | undefined, RegExp][] = [
      [path.join(dir, "không có.xlsx"), path.join(dir, "o.xlsx"), /không có\.xlsx/i],
      [writeTempFile("đây là văn bản", "notes.xlsx", dir), path.join(dir, "o.xlsx"), /notes\.xlsx/],
      [file, path.join(dir, "thiếu", "o.xlsx"), /không tồn tại/],
      [file, dir, /Không phải một tệp/],
      [file, undefined, /Thiếu tệp kết quả/],
    ];
    for (const [f, o, re] of cases) {
      const { cli, err } = io();
      expect(await summarizeCommand(() => args(f, o), cli, stubAnalyze)).toBe(2);
      expectOneLineError(err, re);
    }
    expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });

  test("when the analysis fails, an existing OUT is left exactly as it was", async () => {
    const out = writeTempFile("bản cũ", "out.xlsx", dir);
    const { cli, err } = io();
    const failing = () => {
      throw new Error("hỏng");
    };
    expect(await summarizeCommand(() => args(file, out), cli, failing)).toBe(2);
    expectOneLineError(err, /hỏng/);
    expect(fs.readFileSync(out, "utf8")).toBe("bản cũ");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("writeFileAtomic: a failed rename removes the temporary file and keeps the target", () => {
    const target = path.join(dir, "thư mục");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "giữ.txt"), "x");
    expect(() => writeFileAtomic(target, new Uint8Array([1, 2, 3]))).toThrow(/Không ghi được/);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(fs.readFileSync(path.join(target, "giữ.txt"), "utf8")).toBe("x");
  });

  test("summarizeXlsxBytes reports per-phase timings (for the benchmark)", async () => {
    const r = await summarizeXlsxBytes(fs.readFileSync(file), { asOf: AS_OF, analyze: stubAnalyze });
    expect(Object.keys(r.timings).sort()).toEqual(["analyze", "build", "read", "save", "write"]);
    expect(r.result.sheetNames).toHaveLength(3);
    expect(r.bytes.length).toBeGreaterThan(1000);
  });
});

/** End to end with the real engine. */

describe("phuluc summarize with the real engine", () => {
  test("the summary's numbers are the engine's numbers", async () => {
    const pl = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
      .blank()
      .header()
      .group("I", "Chuyển đổi số")
      .task({ stt: 1, content: "Số hóa hồ sơ", lead: "Phòng Văn hóa - Xã hội", deadline: "30/9/2026", status: "Đang thực hiện" })
      .task({ stt: 2, content: "Cập nhật cổng thông tin", lead: "Công an xã", deadline: "30/11/2026", status: "Đang thực hiện" })
      .task({ stt: 3, content: "Báo cáo", lead: "Phòng Kinh tế", deadline: "Quý I/2026", status: "Đã hoàn thành", doneDate: "15/03/2026" });
    const f = await writeTempXlsx([pl], { dir, name: "e2e.xlsx" });
    const out = path.join(dir, "e2e-out.xlsx");
    const before = sha(f);
    const { cli, err } = io();
    expect(await summarizeCommand(() => args(f, out), cli)).toBe(0);
    expect(err.join("")).toBe("");
    expect(sha(f)).toBe(before);
    const r = await summarizeXlsxBytes(fs.readFileSync(f), { asOf: AS_OF });
    const wb = await load(out);
    const main = wb.getWorksheet(r.result.sheetNames[0])!;
    let totalRow = 0;
    main.eachRow((row, n) => {
      if (!totalRow && row.getCell(2).value === "Tổng cộng") totalRow = n;
    });
    expect(main.getCell(totalRow, 9).value).toBe(r.report.total.total);
    expect(r.report.total.total).toBe(3);
    const dl = wb.getWorksheet(r.result.sheetNames[1])!;
    const contents: unknown[] = [];
    dl.eachRow((row) => contents.push(row.getCell(4).value));
    expect(contents).toContain("Số hóa hồ sơ");
    expect(contents).toContain("Cập nhật cổng thông tin");
  });
});
