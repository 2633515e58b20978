/**
 * The hostile inputs through the real command, `node bin/phuluc.js` (lib/ is rebuilt first when any
 * source is newer than it): exit codes, one clear stderr line, no stack trace, valid JSON, input untouched.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { JsonReportSchema } from "../../src/core/report-schema";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx, makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { AS_OF, ROOT, runBin } from "./support/cli";
import { renameSheetXml } from "./support/craft";

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

let dir: string;
beforeAll(() => {
  const main = path.join(ROOT, "lib", "src", "cli", "main.js");
  const stale =
    !fs.existsSync(main) ||
    ["core", "ooxml", "xlsx", "cli", "i18n"].some((d) => newestMtime(path.join(ROOT, "src", d)) > fs.statSync(main).mtimeMs);
  if (stale) {
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
    } catch {
      /* type errors elsewhere still emit JavaScript */
    }
  }
  dir = makeTempDir("phuluc-bin-");
}, 180000);
afterAll(() => removeTempDir(dir));

const appendix = (name: string) => new GridBuilder(name).title("PHỤ LỤC", "NHIỆM VỤ NĂM 2026").header().group("I", "Nhóm");

function expectOneLine(err: string, name: string, words: RegExp) {
  const lines = err.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(words);
  expect(err).not.toMatch(/\n\s+at /);
}

describe("node bin/phuluc.js on hostile files", () => {
  it("corrupt zip, .xls, password-protected and CSV renamed .xlsx: exit 2, one line naming the file", () => {
    const cfb = (stream: string) => {
      const b = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(stream, "utf16le").copy(b, 1152);
      return b;
    };
    const cases: [string, Buffer, RegExp][] = [
      ["hỏng.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(500, 7)]), /hỏng/],
      ["cũ.xlsx", cfb("Workbook"), /\.xls/],
      ["khóa.xlsx", cfb("EncryptionInfo"), /mật khẩu/],
      ["bảng.xlsx", Buffer.from("STT;Nội dung\n1;Việc\n"), /CSV|văn bản/],
    ];
    for (const [name, bytes, words] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      for (const args of [
        ["check", file, "--json"],
        ["summarize", file, "-o", path.join(dir, "out-" + name)],
      ]) {
        const r = runBin(args);
        expect(r.code).toBe(2);
        expect(r.out).toBe("");
        expectOneLine(r.err, name, words);
      }
      expect(fs.readFileSync(file)).toEqual(bytes);
      expect(fs.existsSync(path.join(dir, "out-" + name))).toBe(false);
    }
  }, 60000);

  it("odd sheet names, a stray cell at row 1,048,576 and an error formula: exit 1, valid JSON naming sheet and cell", async () => {
    const pl = appendix("PL I").task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "Tháng 13/2026" }).build();
    const bytes = await renameSheetXml(
      await buildXlsx([
        {
          ...pl,
          cells: [
            { row: 1048576, col: 2, value: "lạc" },
            { row: 5, col: 9, value: { formula: "1/0", result: { error: "#DIV/0!" } } },
          ],
        },
        appendix("PL II").task({ stt: 1, content: "Việc hai", lead: "Phòng Không Có", deadline: "30/11/2026" }),
      ]),
      "PL I",
      "PL [I] – KH&apos;s &quot;2026&quot;",
    );
    const file = path.join(dir, "lạ.xlsx");
    fs.writeFileSync(file, bytes);
    const r = runBin(["check", file, "--as-of", AS_OF, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const report = JsonReportSchema.parse(JSON.parse(r.out));
    const sheet = `PL [I] – KH's "2026"`;
    const at = (s: string, c: string) => report.issues.filter((i) => i.sheet === s && i.cell === c).map((i) => i.code);
    expect(at(sheet, "G5")).toEqual(["DEADLINE_INVALID"]);
    expect(at(sheet, "I5")).toEqual(["CELL_ERROR"]);
    expect(at(sheet, "D1048576")).toEqual(["LEAD_MISSING"]);
    expect(at("PL II", "D5")).toEqual(["LEAD_UNKNOWN"]);
    expect(fs.readFileSync(file)).toEqual(bytes);

    // The text report names them too, and summarize writes a workbook (exit 0).
    const text = runBin(["check", file, "--as-of", AS_OF]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(sheet);
    expect(text.out).toContain("D1048576");
    const out = path.join(dir, "lạ-out.xlsx");
    const s = runBin(["summarize", file, "-o", out, "--as-of", AS_OF]);
    expect(s.err).toBe("");
    expect(s.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    expect(fs.readFileSync(file)).toEqual(bytes);
  }, 60000);
});
