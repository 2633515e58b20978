/**
 * The CLI door of the command registry: every registry command is a sub-command with the options it
 * declares, and runs the same command function as the pane and the ribbon. `--lang en` gives English
 * messages (the JSON keeps its contract: each issue's data plus its `message`); `check -o` writes a copy
 * with the problem cells highlighted; `clear -o` writes a copy without them. The input is never modified.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { usageOf } from "../../src/cli/args";
import { cliCommands } from "../../src/app/commands";
import { JsonReportSchema } from "../../src/core/report-schema";
import { STORE_SHEET } from "../../src/core/store";
import { excelJsStoreOf } from "../support/store-cells";
import { COMMAND_STRINGS } from "../../src/i18n/commands";
import { renderIssue } from "../../src/i18n/issues";
import { captureIO } from "../support/cli-io";
import { GridBuilder } from "../support/grid-builder";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";

const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
const AS_OF = "2026-11-24";

function plan(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
    .header()
    .group("I", "Cải cách hành chính")
    .task({ stt: 1, content: "Rà soát thủ tục", lead: "Phong Van hoa - Xa hoi", deadline: "30/6/2026" })
    .task({ stt: 2, content: "Báo cáo năm", lead: "Công an xã", deadline: "Tháng 12/2026", status: "Sắp xong" });
}

async function fills(file: string): Promise<Record<string, string | undefined>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as never);
  const ws = wb.getWorksheet("PL I")!;
  const out: Record<string, string | undefined> = {};
  for (const a of ["D5", "H6", "B5"]) {
    const f = ws.getCell(a).fill as { fgColor?: { argb?: string } } | undefined;
    out[a] = f?.fgColor?.argb;
  }
  return out;
}

async function storeOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as never);
  return excelJsStoreOf(wb.getWorksheet(STORE_SHEET)).store;
}

let dir: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-commands-");
});
afterEach(() => removeTempDir(dir));

test("usage lines come from the options each command declares", () => {
  expect(cliCommands().map(usageOf)).toEqual([
    "FILE [--as-of YYYY-MM-DD] [--since YYYY-MM-DD|OLD.xlsx] [--json] [--lang vi|en] [-o OUT]",
    "FILE -o OUT [--as-of YYYY-MM-DD] [--lang vi|en]",
    "FILE -o OUT [--lang vi|en]",
    "FILE -o OUT [--as-of YYYY-MM-DD] [--since YYYY-MM-DD|OLD.xlsx] [--lang vi|en]",
    "FILE -o DIR [--as-of YYYY-MM-DD] [--lang vi|en]",
    "FILE RETURN.xlsx… -o OUT [--as-of YYYY-MM-DD] [--accept all|none|ID,ID…] [--decisions FILE.json] [--json] [--lang vi|en]",
    'FILE [--json] [--lang vi|en] [--commune "phường …"] [--plan "Kế hoạch số …"] [--signer "Họ tên"] [--signer-title "CHỦ TỊCH"] [--units-from-plan] [-o OUT]',
    'DIR|FILE… -o OUT [--as-of YYYY-MM-DD] [--json] [--lang vi|en] [--report BAO-CAO.docx] [--issuer "ỦY BAN NHÂN DÂN THÀNH PHỐ …"] [--parent "CƠ QUAN CẤP TRÊN"] [--plan "Kế hoạch số …"] [--signer "Họ tên"] [--signer-title "CHỦ TỊCH"]',
  ]);
});

test("--help lists every CLI command of the registry with its usage and help", async () => {
  const io = captureIO();
  expect(await main(["--help"], io)).toBe(0);
  for (const c of cliCommands()) {
    const s = COMMAND_STRINGS.vi[c.id as keyof (typeof COMMAND_STRINGS)["vi"]];
    expect(io.out).toContain(`phuluc ${c.cli!.name} ${usageOf(c)}`);
    expect(io.out).toContain(s.help);
  }
});

test("--lang en: the JSON report's messages are English, its data the same as in Vietnamese", async () => {
  const file = await writeTempXlsx([plan()], { dir });
  const vi = captureIO();
  const en = captureIO();
  expect(await main(["check", file, "--as-of", AS_OF, "--json"], vi)).toBe(1);
  expect(await main(["check", file, "--as-of", AS_OF, "--json", "--lang", "en"], en)).toBe(1);
  const a = JsonReportSchema.parse(JSON.parse(vi.out));
  const b = JsonReportSchema.parse(JSON.parse(en.out));
  expect([a.lang, b.lang]).toEqual(["vi", "en"]);
  expect(b.issues.map(({ message: _m, ...data }) => data)).toEqual(a.issues.map(({ message: _m, ...data }) => data));
  expect(a.issues.length).toBeGreaterThan(0);
  for (const i of b.issues) expect(i.message).toBe(renderIssue(i as never, "en"));
  expect(a.issues[0].message).toMatch(/^Ô D5: /);
  expect(b.issues[0].message).toMatch(/^Cell D5: /);
});

test("--lang en: the text report is English", async () => {
  const file = await writeTempXlsx([plan()], { dir });
  const io = captureIO();
  expect(await main(["check", file, "--as-of", AS_OF, "--lang", "en"], io)).toBe(1);
  expect(io.out).toContain("PLAN APPENDIX CHECK REPORT");
  expect(io.out).toMatch(/Error: 'PL I'!D5 — «Phong Van hoa - Xa hoi» is not in the list of units/);
  expect(io.out).toContain("BY LEAD UNIT");
});

test("check -o writes a copy with the problem cells highlighted; clear -o takes them off; inputs untouched", async () => {
  const file = await writeTempXlsx([plan()], { dir, name: "kế hoạch.xlsx" });
  const before = sha(file);
  const marked = path.join(dir, "đánh dấu.xlsx");
  const io = captureIO();
  expect(await main(["check", file, "--as-of", AS_OF, "-o", marked], io)).toBe(1);
  expect(io.out).toContain(`Đã ghi tệp ${marked}.`);
  expect(sha(file)).toBe(before);
  expect(await fills(marked)).toEqual({ D5: "FFFFC7CE", H6: "FFFFEB9C", B5: undefined });
  expect((await storeOf(marked)).highlights.map((h) => h.cell)).toEqual(["D5", "H6"]);

  const markedBefore = sha(marked);
  const cleared = path.join(dir, "đã gỡ.xlsx");
  const io2 = captureIO();
  expect(await main(["clear", marked, "-o", cleared], io2)).toBe(0);
  expect(io2.out).toContain("Đã xóa đánh dấu");
  expect(sha(marked)).toBe(markedBefore);
  expect(await fills(cleared)).toEqual({ D5: undefined, H6: undefined, B5: undefined });
  expect((await storeOf(cleared)).highlights).toEqual([]);
});

test("clear refuses an output naming its input (exit 2)", async () => {
  const file = await writeTempXlsx([plan()], { dir });
  const io = captureIO();
  expect(await main(["clear", file, "-o", file], io)).toBe(2);
  expect(io.err).toMatch(/trùng với tệp đầu vào/);
});
