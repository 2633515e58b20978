/**
 * `phuluc consolidate DIR|FILES… -o TONG-HOP.xlsx [--as-of D] [--json] [--report X.docx]`, in process: each
 * workbook read as its own commune's plan (its totals equal `check` on that file alone), every file that
 * cannot be one listed with its reason, the exit codes (0 all read, 1 a file left out, 2 usage), the JSON
 * contract, the city's settings kept in its workbook, and the progress bar only on a terminal.
 */
import * as fs from "fs";
import * as path from "path";
import { ConsolidateJsonSchema, type ConsolidateJson } from "../../src/core/consolidate/json";
import { JsonReportSchema } from "../../src/core/report-schema";
import { parseArgs } from "../../src/cli/args";
import { runConsolidate } from "../../src/cli/consolidate";
import { readCommuneFile, type FileAccess } from "../../src/cli/consolidate-file";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { captureIO, runMain } from "../support/cli-io";
import { communeFileName, communePlan, fastXlsx, generatedCommune, type CommunePlanInput } from "../support/city-plans";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx, makeTempDir, removeTempDir } from "../support/xlsx-builder";

const AS_OF = "2026-11-24";

let dir: string;
let communes: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-consolidate-");
  communes = path.join(dir, "cac-xa");
  fs.mkdirSync(communes);
});
afterEach(() => removeTempDir(dir));

function put(plan: CommunePlanInput, name = communeFileName(plan), at = communes): string {
  const file = path.join(at, name);
  fs.writeFileSync(file, fastXlsx(communePlan(plan)));
  return file;
}

async function consolidateJson(args: string[]): Promise<{ code: number; json: ConsolidateJson; err: string }> {
  const r = await runMain(["consolidate", ...args, "--as-of", AS_OF, "--json"]);
  return { code: r.code, json: ConsolidateJsonSchema.parse(JSON.parse(r.out)), err: r.err };
}

const out = () => path.join(dir, "tong-hop.xlsx");

test("each commune's totals equal `phuluc check` on its file alone; exit 0 when every file is read", async () => {
  const files = [0, 1, 2, 3, 10].map((i) => put(generatedCommune(i, 40)));
  const { code, json, err } = await consolidateJson([communes, "-o", out()]);
  expect(code).toBe(0);
  expect(err).toContain("Đã ghi tệp");
  expect(json.files).toEqual({ total: 5, read: 5, skipped: 0 });
  for (const file of files) {
    const check = await runMain(["check", file, "--as-of", AS_OF, "--json"]);
    const report = JsonReportSchema.parse(JSON.parse(check.out));
    const row = json.communes.find((c) => c.file === path.join(communes, path.basename(file)))!;
    expect(row.total).toEqual(report.total);
    expect(row.errors).toBe(report.issues.filter((i) => i.severity === "error").length);
    expect(row.warnings).toBe(report.issues.length - row.errors);
    expect({ commune: row.commune, kind: row.kind }).toEqual({
      commune: report.identity!.commune!.name,
      kind: report.identity!.commune!.kind,
    });
    expect(row.plan).toEqual({ ...report.identity!.plan });
  }
  expect(json.communes.find((c) => c.file.endsWith("an-an.xlsx"))?.errors ?? 1).toBeGreaterThan(0);
  const sum = json.communes.reduce((n, c) => n + c.total.total, 0);
  expect(json.total.total).toBe(sum);
  expect(json.total.communes).toBe(5);
});

test("indicators worded differently by different communes are one, the match shown in the JSON", async () => {
  for (let i = 0; i < 6; i++) put(generatedCommune(i, 10));
  const { json } = await consolidateJson([communes, "-o", out()]);
  const online = json.indicators.find((i) => /toàn trình/.test(i.name))!;
  expect(online.wordings.map((w) => w.name).sort()).toEqual(
    [
      "Tỉ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình trên địa bàn xã",
      "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình",
      "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
    ].sort(),
  );
  expect(online.communes).toBe(6);
  expect(online.met + online.missed + online.noData).toBe(6);
  expect(online.city).toMatchObject({ kind: "pooled", communes: 6 });
  expect(online.results).toHaveLength(6);
  // the same words counted in «người» and in «lượt» are two indicators
  expect(
    json.indicators
      .filter((i) => /tập huấn kỹ năng số/.test(i.name))
      .map((i) => i.unitOfMeasure)
      .sort(),
  ).toEqual(["lượt", "người"]);
});

test("never stops on one file: each file that cannot be a commune's plan is listed with its reason, exit 1", async () => {
  put(generatedCommune(1, 10));
  fs.writeFileSync(path.join(communes, "ghi-chu.txt"), "Danh sách các xã đã nộp\n");
  fs.writeFileSync(path.join(communes, "rong.xlsx"), "");
  fs.writeFileSync(path.join(communes, "cu.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
  const whole = fastXlsx(communePlan(generatedCommune(2, 10)));
  fs.writeFileSync(path.join(communes, "dang-chep.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
  fs.writeFileSync(
    path.join(communes, "khong-phu-luc.xlsx"),
    await buildXlsx([new GridBuilder("Ghi chú").title("Ghi chú của văn phòng").build()]),
  );
  const noCommune = new GridBuilder("PL I")
    .title("PHỤ LỤC I")
    .header()
    .task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/6/2026" });
  fs.writeFileSync(path.join(communes, "khong-ten-xa.xlsx"), await buildXlsx([noCommune]));
  fs.writeFileSync(path.join(communes, ".DS_Store"), "x");
  fs.writeFileSync(path.join(communes, "~$dang-mo.xlsx"), "x");
  const { code, json } = await consolidateJson([communes, "-o", out()]);
  expect(code).toBe(1);
  expect(json.communes).toHaveLength(1);
  const reasons = Object.fromEntries(json.skipped.map((s) => [path.basename(s.file), [s.reason, s.code ?? null]]));
  expect(reasons).toEqual({
    "ghi-chu.txt": ["not_workbook", "text"],
    "rong.xlsx": ["not_workbook", "empty"],
    "cu.xls": ["not_workbook", "cfb"],
    "dang-chep.xlsx": ["damaged", "corrupt"],
    "khong-phu-luc.xlsx": ["no_appendix", null],
    "khong-ten-xa.xlsx": ["no_commune", null],
  });
  for (const s of json.skipped) expect(s.message.length).toBeGreaterThan(10);
});

test("two files of one commune: the one with the later as-of date is used, the other listed; exit 1", async () => {
  const plan = generatedCommune(5, 20);
  const older = put(plan, "an-hoa-dot-1.xlsx");
  const summarized = path.join(communes, "an-hoa-dot-2.xlsx");
  // the second file carries a summary of 15/11 (its figures' date); the first only its file date, set earlier
  expect((await runMain(["summarize", older, "-o", summarized, "--as-of", "2026-11-15"])).code).toBe(0);
  fs.utimesSync(older, new Date("2026-11-01T08:00:00"), new Date("2026-11-01T08:00:00"));
  const { code, json } = await consolidateJson([communes, "-o", out()]);
  expect(code).toBe(1);
  expect(json.communes.map((c) => [path.basename(c.file), c.asOf, c.asOfFrom])).toEqual([["an-hoa-dot-2.xlsx", "2026-11-15", "summary"]]);
  expect(json.skipped).toEqual([
    expect.objectContaining({
      file: older,
      reason: "duplicate",
      duplicateOf: summarized,
      message: expect.stringContaining("an-hoa-dot-2.xlsx"),
    }),
  ]);
});

test("files named one by one are read like a folder's; the city workbook at -o is never read as a commune's", async () => {
  const a = put(generatedCommune(7, 10));
  const b = put(generatedCommune(8, 10));
  const inside = path.join(communes, "tong-hop.xlsx");
  expect((await consolidateJson([a, b, "-o", inside])).code).toBe(0);
  const again = await consolidateJson([communes, "-o", inside]);
  expect(again.code).toBe(0);
  expect(again.json.files.total).toBe(2);
});

test("usage: an empty folder, a missing name, no -o, a report that is not .docx, -o naming an input, folders too deep — one line, exit 2", async () => {
  const a = put(generatedCommune(1, 5));
  const empty = path.join(dir, "trong");
  fs.mkdirSync(empty);
  fs.writeFileSync(path.join(empty, ".hidden"), "x");
  const deep = path.join(dir, "sau");
  fs.mkdirSync(path.join(deep, ...Array.from({ length: 70 }, (_, i) => String(i % 10))), { recursive: true });
  const cases: [string[], RegExp][] = [
    [["consolidate", empty, "-o", out()], /không có tệp nào để tổng hợp/],
    [["consolidate", path.join(dir, "khong-co"), "-o", out()], /Không tìm thấy/],
    [["consolidate", communes], /Thiếu tệp kết quả/],
    [["consolidate", "-o", out()], /Thiếu thư mục hoặc tệp cần tổng hợp/],
    [["consolidate", communes, "-o", out(), "--report", path.join(dir, "bc.pdf")], /--report TÊN.docx/],
    [["consolidate", communes, "-o", a], /trùng với tệp đầu vào/],
    [["consolidate", communes, "-o", path.join(dir, "bc.docx"), "--report", path.join(dir, "bc.docx")], /phải khác nhau/],
    [["consolidate", communes, "-o", out(), "--issuer", " "], /--issuer không được để trống/],
    [["consolidate", deep, "-o", out()], /quá sâu \(hơn 64 cấp/],
  ];
  for (const [args, re] of cases) {
    const r = await runMain([...args, "--as-of", AS_OF]);
    expect([r.code, r.err.trim().split("\n").length, r.out]).toEqual([2, 1, ""]);
    expect(r.err).toMatch(re);
  }
});

test("the city's issuing body from the flags is kept in its workbook and used again when the flags are left out", async () => {
  put(generatedCommune(3, 10));
  const report = path.join(dir, "bao-cao.docx");
  const first = await runMain([
    "consolidate",
    communes,
    "-o",
    out(),
    "--report",
    report,
    "--issuer",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "--parent",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
    "--signer",
    "Trần Văn B",
    "--as-of",
    AS_OF,
  ]);
  expect(first.code).toBe(0);
  expect(first.out).toContain("Đã tổng hợp 1 xã, phường, đặc khu từ 1 tệp");
  expect(fs.statSync(report).size).toBeGreaterThan(5000);
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(out()), "t.xlsx", { readOnly: true });
  const { settings } = await port.loadSettings();
  expect(settings.report).toMatchObject({
    issuingAgency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    parentAgency: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
    signerName: "Trần Văn B",
  });
  const sheets = port.workbook.sheets().filter((s) => s.state === "visible");
  expect(sheets.map((s) => s.name)).toEqual(["Tổng hợp xã", "Chỉ tiêu các xã", "Chỉ tiêu từng xã", "Tệp và vấn đề"]);
  const heading = port.workbook.readGrid(sheets[0]).values;
  expect([heading[0][0], heading[1][0]]).toEqual(["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"]);
  // again, without the flags: the same body, from the city workbook at -o
  const again = await runMain(["consolidate", communes, "-o", out(), "--as-of", AS_OF]);
  expect(again.code).toBe(0);
  const back = await (await XlsxWorkbookPort.fromBytes(fs.readFileSync(out()), "t.xlsx", { readOnly: true })).loadSettings();
  expect(back.settings.report?.issuingAgency).toBe("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
});

test("the progress bar goes to stderr on a terminal, never with --json, never into stdout", async () => {
  for (let i = 0; i < 3; i++) put(generatedCommune(i, 5));
  const shown = captureIO();
  expect(await runConsolidate(parseArgs(["consolidate", communes, "-o", out(), "--as-of", AS_OF]), shown, { tty: true })).toBe(0);
  expect(shown.err).toMatch(/\rĐang đọc 3\/3 tệp \[█+\] 100%/);
  expect(shown.out).not.toContain("\r");
  const json = captureIO();
  await runConsolidate(parseArgs(["consolidate", communes, "-o", out(), "--as-of", AS_OF, "--json"]), json, { tty: true });
  expect(json.err).not.toContain("\r");
  const piped = captureIO();
  await runConsolidate(parseArgs(["consolidate", communes, "-o", out(), "--as-of", AS_OF]), piped);
  expect(piped.err).toBe("");
});

describe("a file that changes while it is read", () => {
  const target = () => ({ path: path.join(communes, "an-hoa.xlsx"), file: "an-hoa.xlsx" });
  const bytes = () => fastXlsx(communePlan(generatedCommune(4, 5)));

  /** The file as `stats` say it is, one stat after another (the copy still running, then done). */
  function changing(sizes: number[], data: Uint8Array): FileAccess & { stats: number } {
    const access = {
      stats: 0,
      stat: () => ({ size: sizes[Math.min(access.stats++, sizes.length - 1)], mtimeMs: 1_700_000_000_000, isFile: true }),
      readHead: () => data.subarray(0, 4096),
      readAll: () => data,
    };
    return access;
  }

  it("is read again after a pause, and used once it stopped changing", async () => {
    const data = bytes();
    const access = changing([data.length - 100, data.length, data.length, data.length], data);
    const read = await readCommuneFile(target(), AS_OF, access);
    expect(read.kind).toBe("commune");
    expect(access.stats).toBe(4);
  });

  it("is left out with that reason when it changes again", async () => {
    const data = bytes();
    const read = await readCommuneFile(target(), AS_OF, changing([10, 20, 30, 40], data));
    expect(read).toEqual({ kind: "skipped", file: "an-hoa.xlsx", reason: "changed_while_read" });
  });
});
