/**
 * The project's own hostile corpus (issue 22): one case or more per class of defect that a run of 241
 * hostile inputs found, each file made when the test runs from a healthy plan, each run through the built
 * CLI as a child process. Every case asserts its outcome — a correct result, or one line and exit 2 — and
 * the bound: ≤ 30 s and ≤ 1 GB of RSS (time and peak RSS measured on the child). Cases are sized to prove
 * the bound (a bomb that would pass the cap) without making the suite slow.
 *
 * Set PHULUC_HOSTILE_TABLE=1 to print the table (class, case, outcome, time, RSS) after the run; it is
 * always written to the system's temporary folder as phuluc-hostile-corpus.md.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { SaxesParser } from "saxes";
import { ZipReader } from "../../src/ooxml/zip-read";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { columnLetter } from "../../src/core/a1";
import { TRACKING_HEADER } from "../support/grid-builder";
import {
  bigPlanSheet,
  headerRow,
  inlineCell,
  bombPart,
  healthyPlan,
  manySheets,
  paddingPart,
  partText,
  planGrid,
  repack,
  settingsWith,
  sheetXml,
  SHEET1,
  SST,
} from "./corpus";
import { entriesOf, type CraftEntry } from "./zip-craft";
import { fill, split } from "../returns/support";

/** openpyxl opens the file (it throws when it cannot); its notes on the extensions it does not keep are not printed. */
const openpyxlOpens = (file: string) =>
  execFileSync("/usr/bin/python3", ["-W", "ignore::UserWarning", "-c", "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])", file]);
const partTextOf = (e: CraftEntry) => Buffer.from(e.data as Uint8Array).toString("utf8");
import { expectBounded, expectRefused, flushTable, preload, record, runCli, type Outcome } from "./support";
import { buildXlsx } from "../support/xlsx-builder";

const AS_OF = "2026-11-24";
let dir: string;
let plan: Buffer;

beforeAll(async () => {
  dir = makeTempDir("phuluc-hostile-corpus-");
  plan = await healthyPlan();
});
afterAll(() => {
  removeTempDir(dir);
  flushTable();
});

let n = 0;
function save(bytes: Uint8Array, name = `case-${++n}.xlsx`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}
const out = (name: string) => path.join(dir, name);

const check = (file: string, ...more: string[]) => runCli(["check", file, "--as-of", AS_OF, ...more]);
const summarize = (file: string, to: string) => runCli(["summarize", file, "-o", to, "--as-of", AS_OF]);

/** Every XML part of a package parses as well-formed XML (saxes, as strict as Excel's reader). */
function expectWellFormed(bytes: Uint8Array): void {
  const z = ZipReader.open(bytes);
  for (const e of z.entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const parser = new SaxesParser();
    const text = Buffer.from(z.read(e)).toString("utf8");
    expect({
      part: e.name,
      ok: (() => {
        try {
          parser.write(text).close();
          return true;
        } catch (err) {
          return String(err);
        }
      })(),
    }).toEqual({ part: e.name, ok: true });
  }
}

describe("1–3 writes that lie", () => {
  const FULL_DISK = `
const fs = require("fs");
const tmp = new Set();
const open = fs.openSync, write = fs.writeSync;
fs.openSync = function (p, ...rest) { const fd = open.call(this, p, ...rest); if (String(p).endsWith(".tmp")) tmp.add(fd); return fd; };
fs.writeSync = function (fd, ...rest) {
  if (tmp.has(fd)) { const e = new Error("ENOSPC: no space left on device, write"); e.code = process.env.FULL_DISK_CODE || "ENOSPC"; e.errno = -28; e.syscall = "write"; throw e; }
  return write.call(this, fd, ...rest);
};`;
  const SHORT_WRITES = `
const fs = require("fs");
const tmp = new Set();
const open = fs.openSync, write = fs.writeSync;
fs.openSync = function (p, ...rest) { const fd = open.call(this, p, ...rest); if (String(p).endsWith(".tmp")) tmp.add(fd); return fd; };
fs.writeSync = function (fd, buf, off, len, ...rest) {
  if (!tmp.has(fd)) return write.call(this, fd, buf, off, len, ...rest);
  // The disk takes a little, then nothing more (a write that returns 0, as a full disk can).
  if ((fs.__taken = (fs.__taken || 0)) >= 700) return 0;
  const n = Math.min(len ?? buf.length, 100);
  fs.__taken += n;
  return write.call(this, fd, buf, off, n);
};`;

  it.each([
    ["summarize", "ENOSPC"],
    ["summarize", "EDQUOT"],
    ["split", "ENOSPC"],
    ["report", "ENOSPC"],
  ])("a full disk (%s, %s): one line, exit 2, nothing at the output path, no temporary file left", (command, code) => {
    const file = save(plan);
    const target = command === "split" ? out(`split-${code}`) : out(`full-${command}-${code}.${command === "report" ? "docx" : "xlsx"}`);
    const o = runCli([command, file, "-o", target, "--as-of", AS_OF], {
      require: [preload("full-disk.js", FULL_DISK)],
      env: { FULL_DISK_CODE: code },
    });
    record("1 full disk", `${command} (${code})`, o);
    expectRefused(o, new RegExp(`ổ đĩa đã đầy.*${code}`));
    if (command === "split") expect(fs.readdirSync(target)).toEqual([]);
    else expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(command === "split" ? target : dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a disk that takes a few bytes then none: the count is checked, nothing at the output path", () => {
    const file = save(plan);
    const target = out("short.xlsx");
    const o = runCli(["summarize", file, "-o", target, "--as-of", AS_OF], { require: [preload("short-writes.js", SHORT_WRITES)] });
    record("1 full disk", "summarize (short writes, then 0)", o);
    expectRefused(o, /ổ đĩa đã đầy/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("-o naming a symlink, /dev/stdout or a FIFO is refused in one line; the link is left as it was", () => {
    const file = save(plan);
    const victim = out("victim.txt");
    fs.writeFileSync(victim, "keep me");
    const link = out("link.xlsx");
    fs.symlinkSync(victim, link);
    const o = summarize(file, link);
    record("2 -o symlink", "summarize -o symlink", o);
    expectRefused(o, /liên kết tượng trưng|không phải tệp thường/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(victim, "utf8")).toBe("keep me");
    const dev = summarize(file, "/dev/stdout");
    record("2 -o symlink", "summarize -o /dev/stdout", dev);
    expectRefused(dev, /không phải tệp thường/);
    const fifo = out("fifo.xlsx");
    execFileSync("mkfifo", [fifo]);
    const f = runCli(["report", file, "-o", fifo, "--as-of", AS_OF]);
    record("2 -o symlink", "report -o FIFO", f);
    expectRefused(f, /không phải tệp thường/);
  });

  it("a closed stdout ends quietly (check --json | head -c 100, check | head -1)", () => {
    const file = save(plan);
    const json = runCli(["check", file, "--json", "--as-of", AS_OF], { pipeTo: "head -c 100" });
    record("3 EPIPE", "check --json | head -c 100", json);
    expectBounded(json);
    expect(json.err).toBe("");
    expect(json.out.length).toBe(100);
    const text = runCli(["check", file, "--as-of", AS_OF], { pipeTo: "head -1" });
    record("3 EPIPE", "check | head -1", text);
    expect(text.err).toBe("");
  });
});

describe("4–10 sizes that are checked", () => {
  const A_MB = "a".repeat(1024 * 1024);

  it("a zip bomb whose directory lies about its size (a sheet, then sharedStrings.xml): damaged, nothing inflated past the lie", () => {
    // 2.4 GB of text in 2.4 MB, declared as 1,000 bytes.
    const sheetBomb = save(
      repack(plan, {
        [SHEET1]: bombPart(
          SHEET1,
          `<worksheet xmlns="x"><sheetData><row><c t="inlineStr"><is><t>`,
          A_MB,
          2400,
          "</t></is></c></row></sheetData></worksheet>",
          { declared: 1000 },
        ),
      }),
    );
    const c = check(sheetBomb);
    record("4 zip bomb", "sheet, size lied (2.4 GB → 1,000 B): check", c);
    expectBounded(c);
    expect(c.code).toBe(1); // the other sheet is still checked
    expect(c.err).toMatch(/Trang tính «PL I» bị hỏng/);
    expectRefused(summarize(sheetBomb, out("bomb.xlsx")), /bị hỏng/);
    const sstBomb = save(
      repack(plan, { [SST]: bombPart(SST, `<sst xmlns="x"><si><t>`, A_MB, 2400, "</t></si></sst>", { declared: 5000 }) }),
    );
    const s = check(sstBomb);
    record("4 zip bomb", "sharedStrings.xml, size lied: check", s);
    expectRefused(s, /bị hỏng/);
  });

  it("a zip bomb that declares its size honestly: refused as too large before anything is inflated", () => {
    const bomb = save(repack(plan, { [SST]: bombPart(SST, `<sst xmlns="x"><si><t>`, A_MB, 2400, "</t></si></sst>", { crc: false }) }));
    const o = check(bomb);
    record("4 zip bomb", "sharedStrings.xml, 2.4 GB declared: check", o);
    expectRefused(o, /quá lớn/);
    expect(o.rssMb).toBeLessThan(200);
  });

  it("text without '<' streamed past the tokenizer's bound (a 120 MB part inside the budget): damaged, RSS bounded", () => {
    // 1.3 MB of incompressible padding makes the budget 130 MB: the part is read, streamed (> 96 MB).
    const bytes = save(
      repack(plan, {
        [SST]: bombPart(SST, `<sst xmlns="x"><si><t>`, A_MB, 120, "</t></si></sst>"),
        "xl/media/padding.bin": paddingPart("xl/media/padding.bin", 1_300_000),
      }),
    );
    const o = check(bytes);
    record("4 zip bomb", "120 MB text without '<' (streamed): check", o);
    expectRefused(o, /bị hỏng/);
    expect(o.rssMb).toBeLessThan(400);
  });

  it("600 directory entries pointing into one 3 MB blob: the package is damaged (summarize writes nothing)", () => {
    const names = Array.from({ length: 600 }, (_, i) => `xl/media/image${i + 2}.png`);
    const bytes = save(
      repack(plan, { "xl/media/image1.png": paddingPart("xl/media/image1.png", 3_000_000) }, { of: "xl/media/image1.png", names }),
    );
    const target = out("overlap.xlsx");
    const o = summarize(bytes, target);
    record("5 overlapping entries", "600 entries × one 3 MB blob: summarize", o);
    expectRefused(o, /bị hỏng/);
    expect(fs.existsSync(target)).toBe(false);
    const dup = save(repack(plan, {}, { of: SHEET1, names: ["XL/Worksheets/Sheet1.xml"] }));
    const d = check(dup);
    record("5 overlapping entries", "a part listed twice: check", d);
    expectRefused(d, /bị hỏng/);
  });

  it("empty <row>s: 2 million (past the grid) is damage found fast; 1 GB of them is refused as too large", () => {
    const rows = save(
      repack(plan, {
        [SHEET1]: bombPart(SHEET1, `<worksheet xmlns="x"><sheetData>`, "<row/>".repeat(1000), 2000, "</sheetData></worksheet>"),
      }),
    );
    const o = check(rows);
    record("6 empty rows", "2,000,000 <row/> (12 MB): check", o);
    expectBounded(o);
    expect(o.code).toBe(1);
    expect(o.err).toMatch(/Trang tính «PL I» bị hỏng/);
    const huge = save(
      repack(plan, {
        [SHEET1]: bombPart(SHEET1, `<worksheet xmlns="x"><sheetData>`, "<row/>".repeat(100000), 1790, "</sheetData></worksheet>", {
          crc: false,
        }),
      }),
    );
    const h = check(huge);
    record("6 empty rows", "1 GB of <row/> in 3 MB: check", h);
    expectRefused(h, /quá lớn/);
  });

  it.each([
    ['<c r="ZZZZZZZ30">', `<row r="30"><c r="ZZZZZZZ30"><v>1</v></c></row>`],
    ['<row r="1000000000">', `<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>`],
    ['<c r="XFE1">', `<row r="1"><c r="XFE1"><v>1</v></c></row>`],
    ["20,000 cells in one row without r", `<row r="1">${"<c><v>1</v></c>".repeat(20000)}</row>`],
  ])("a reference past Excel's grid (%s): the sheet is damaged, in milliseconds", (label, rows) => {
    const bytes = save(repack(plan, { [SHEET1]: { name: SHEET1, data: sheetXml(rows) } }));
    const o = check(bytes);
    record("7 past the grid", `${label}: check`, o);
    expectBounded(o);
    expect(o.code).toBe(1);
    expect(o.err).toMatch(/Trang tính «PL I» bị hỏng/);
    expect(o.cpuMs).toBeLessThan(10_000);
  });

  it("a value at XFD1048576 (inside the grid, far out) reads; sparse rows stay sparse", () => {
    const xml = partText(plan, SHEET1).replace("</sheetData>", `<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>`);
    const o = check(save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } })), "--json");
    record("7 past the grid", "XFD1048576 (in the grid): check --json", o);
    expectBounded(o);
    expect(JSON.parse(o.out).tasks).toHaveLength(4);
    expect(o.rssMb).toBeLessThan(400);
  });

  it("10,000 sheets take linear time", () => {
    const small = check(save(manySheets(1250)));
    const big = check(save(manySheets(10000)));
    record("8 many sheets", "1,250 sheets: check", small);
    record("8 many sheets", "10,000 sheets: check", big);
    expectBounded(big);
    expect(big.code).toBe(0);
    // Linear: 8 times the sheets cost at most about 8 times the time (quadratic would be 64 times).
    expect(big.cpuMs).toBeLessThan(Math.max(12 * small.cpuMs, 8000));
  });

  it("3,000 merged areas a million rows tall over a plan: a correct result, fast", () => {
    const merges = Array.from({ length: 3000 }, (_, i) => {
      const letters = columnLetter(i + 12); // right of the plan's columns
      return `<mergeCell ref="${letters}1:${letters}1048576"/>`;
    });
    const xml = partText(plan, SHEET1).replace(/<mergeCells[^>]*>/, `<mergeCells count="${3000 + 1}">${merges.join("")}`);
    const o = check(save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } })), "--json");
    record("9 tall merges", "3,000 areas × 1,048,576 rows: check --json", o);
    expectBounded(o);
    expect(JSON.parse(o.out).tasks).toHaveLength(4);
    expect(o.cpuMs).toBeLessThan(10_000);
  });

  it("a 200,000-row return reads in bounded time and memory", () => {
    const bytes = save(repack(plan, { [SHEET1]: { name: SHEET1, data: bigPlanSheet(200_000) } }));
    const o = check(bytes);
    record("10 200,000-row return", "check (200,000 task rows)", o);
    expectBounded(o);
    expect(o.code === 0 || o.code === 1).toBe(true);
    expect(o.rssMb).toBeLessThan(700);
  });

  it("sheets that give more than 300,000 issues: one line, exit 2 (listing them would pass the memory bound)", () => {
    // 110,000 rows whose every field is unreadable: an unknown lead, deadline and status on each.
    const t = inlineCell;
    const rows = [headerRow(1, ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tình trạng"])];
    for (let i = 2; i < 110_002; i++)
      rows.push(
        `<row r="${i}"><c r="A${i}"><v>${i}</v></c>${t(`B${i}`, `Việc ${i}`)}${t(`C${i}`, `Ai ${i}`)}${t(`D${i}`, `Khi ${i}`)}${t(`E${i}`, `Sao ${i}`)}</row>`,
      );
    const o = check(save(repack(plan, { [SHEET1]: { name: SHEET1, data: sheetXml(rows.join("")) } })));
    record("10 200,000-row return", "110,000 tasks × 3 issues: check", o);
    expectRefused(o, /quá nhiều lỗi/);
  });

  it("a file phuluc builds from holds fewer cells: summarize refuses 1.6 million, check reads them", () => {
    const row = (r: number) => `<row r="${r}">${"<c><v>1</v></c>".repeat(16000)}</row>`;
    const xml = sheetXml(Array.from({ length: 100 }, (_, i) => row(i + 1)).join(""));
    const file = save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } }));
    const s = summarize(file, out("cells-built.xlsx"));
    record("10 200,000-row return", "1.6 million cells: summarize", s);
    expectRefused(s, /quá lớn/);
    const c = check(file);
    record("10 200,000-row return", "1.6 million cells: check", c);
    expectBounded(c);
    expect(c.code === 0 || c.code === 1).toBe(true);
  });

  it("more cells than phuluc reads from one file: refused as too large", () => {
    const row = (r: number) => `<row r="${r}">${"<c><v>1</v></c>".repeat(16000)}</row>`;
    const xml = bombPart(
      SHEET1,
      `<worksheet xmlns="x"><sheetData>`,
      "",
      0,
      Array.from({ length: 200 }, (_, i) => row(i + 1)).join("") + "</sheetData></worksheet>",
    );
    // 600 KB of incompressible padding: the 48 MB of XML fit the inflate budget, so the cell budget is what refuses.
    const o = check(save(repack(plan, { [SHEET1]: xml, "xl/media/padding.bin": paddingPart("xl/media/padding.bin", 600_000) })));
    record("10 200,000-row return", "3.2 million cells: check", o);
    expectRefused(o, /quá lớn/);
  });
});

// The largest plan the bounds let through (2.4 million cells, every text distinct): opt-in, it takes a
// minute on a busy machine. PHULUC_HOSTILE_LARGE=1 runs it.
(process.env.PHULUC_HOSTILE_LARGE ? describe : describe.skip)("the largest plan phuluc reads", () => {
  it("240,000 tasks of distinct texts (2.4 million cells): text and --json inside 30 s and 1 GB", () => {
    const t = inlineCell;
    const units = ["Công an xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã"];
    const rows = [headerRow(1, TRACKING_HEADER)];
    for (let i = 1; i <= 240_000; i++) {
      const r = i + 1;
      rows.push(
        `<row r="${r}"><c r="A${r}"><v>${i}</v></c>${t(`B${r}`, `Nhiệm vụ số ${i}: rà soát, cập nhật cơ sở dữ liệu`)}${t(`C${r}`, `Chủ tịch UBND xã ${i}`)}` +
          `${t(`D${r}`, units[i % 4])}${t(`E${r}`, `Các đơn vị liên quan ${i}`)}${t(`F${r}`, `Báo cáo ${i}`)}${t(`G${r}`, "30/11/2026")}` +
          `${t(`H${r}`, i % 2 ? "Đã hoàn thành" : "Đang thực hiện")}<c r="I${r}" s="1"><v>${46300 + (i % 200)}</v></c>${t(`J${r}`, `Ghi chú ${i}`)}</row>`,
      );
    }
    const file = save(
      repack(plan, {
        [SHEET1]: { name: SHEET1, data: sheetXml(rows.join("")) },
        "xl/worksheets/sheet2.xml": { name: "xl/worksheets/sheet2.xml", data: sheetXml("") },
      }),
    );
    for (const json of [false, true]) {
      const o = json ? check(file, "--json") : check(file);
      record("10 200,000-row return", `largest plan read (2.4 M cells)${json ? ", --json" : ""}`, o);
      expectBounded(o);
      expect(o.code === 0 || o.code === 1).toBe(true);
    }
  });
});

describe("11–14 bytes that are never copied blindly", () => {
  it("a part declaring 1 TB (zip64): check reads the rest; summarize refuses as too large (never writes size mod 2³²)", () => {
    const bytes = save(repack(plan, { "docProps/custom.xml": { name: "docProps/custom.xml", data: "<Properties/>", zip64Size: 2 ** 40 } }));
    const c = check(bytes);
    record("11 zip64 size lie", "1 TB declared: check", c);
    expectBounded(c);
    expect(c.code).toBe(0);
    const target = out("zip64-lie.xlsx");
    const s = summarize(bytes, target);
    record("11 zip64 size lie", "1 TB declared: summarize", s);
    expectRefused(s, /quá lớn/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("a bad CRC: a sheet read is damaged (skipped by check); a part only copied is never copied (summarize refuses)", () => {
    const e = entriesOf(plan).find((x) => x.name === SHEET1)!;
    const badSheet = save(repack(plan, { [SHEET1]: { ...e, crc: 0x12345678 } }));
    const c = check(badSheet);
    record("12 CRC", "sheet with a bad CRC: check", c);
    expectBounded(c);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/Trang tính «PL I» bị hỏng/);
    const app = entriesOf(plan).find((x) => x.name === "docProps/app.xml")!;
    const badApp = save(repack(plan, { "docProps/app.xml": { ...app, crc: 0xdeadbeef } }));
    const target = out("crc.xlsx");
    const s = summarize(badApp, target);
    record("12 CRC", "docProps/app.xml with a bad CRC: summarize", s);
    expectRefused(s, /bị hỏng/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("an encrypted entry is refused; entries with a backslash, NUL or a 65,000-byte name are dropped with a warning naming them", () => {
    const app = entriesOf(plan).find((x) => x.name === "docProps/app.xml")!;
    const enc = save(repack(plan, { "docProps/app.xml": { ...app, flags: 1 } }));
    const s = summarize(enc, out("enc.xlsx"));
    record("13 flags and names", "encryption flag: summarize", s);
    expectRefused(s, /bị hỏng/);
    const long = "x/".repeat(32500) + "y.xml";
    const names = save(
      repack(plan, {
        "xl\\evil.xml": { name: "xl\\evil.xml", data: "<a/>" },
        nul: { name: Buffer.from("xl/nul\u0000.xml"), data: "<a/>" },
        long: { name: long, data: "<a/>" },
      }),
    );
    const target = out("names.xlsx");
    const o = summarize(names, target);
    record("13 flags and names", "backslash, NUL, 65,000-byte names: summarize", o);
    expectBounded(o);
    expect(o.code).toBe(0);
    expect(o.err).toMatch(/^phuluc: Đã bỏ 3 phần có tên không an toàn/);
    expect(o.err).toContain("xl\\evil.xml");
    const written = ZipReader.open(fs.readFileSync(target));
    expect(written.dropped).toEqual([]);
    expect(written.entries.every((x) => !x.name.includes("\\") && x.name.length < 1024)).toBe(true);
    expectWellFormed(fs.readFileSync(target));
    // openpyxl (strict about names and CRCs) opens the copy.
    openpyxlOpens(target);
  });

  it("a package of more than 65,535 entries is written as zip64 and reads back", () => {
    const extra: Record<string, { name: string; data: string; method: 0 }> = {};
    for (let i = 0; i < 70_000; i++) extra[`customXml/i${i}.bin`] = { name: `customXml/i${i}.bin`, data: "", method: 0 };
    const bytes = save(repack(plan, extra));
    const target = out("zip64.xlsx");
    const o = summarize(bytes, target);
    record("14 > 65,535 entries", "70,000 entries: summarize", o);
    expectBounded(o);
    expect(o.code).toBe(0);
    const back = ZipReader.open(fs.readFileSync(target));
    expect(back.entries.length).toBeGreaterThan(70_000);
    execFileSync("/usr/bin/python3", [
      "-c",
      "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert len(z.infolist())>70000; assert z.testzip() is None",
      target,
    ]);
    const again = check(target);
    expectBounded(again);
    expect(again.code).toBe(0);
  });
});

describe("15, 17 text that is not safe to write or to print", () => {
  it("U+0001 in a unit name (chart) and U+FFFE in the summary sheet's name (workbook.xml): every part stays well-formed", async () => {
    const settings = settingsWith({
      units: [
        { name: "Công an\u0001 xã", aliases: ["Công an xã"] },
        { name: "Phòng Kinh tế\uFFFE", aliases: ["Phòng Kinh tế"] },
      ],
      summarySheetName: "Tổng hợp\uFFFE",
    });
    // The store as a forged one would carry them: JSON escapes (ExcelJS would write a raw U+FFFE into the input).
    const json = JSON.stringify({ version: 1, settings, summarySheets: [], highlights: [], records: {} }).replace(/\uFFFE/g, "\\ufffe");
    const file = save(await buildXlsx([planGrid("PL I"), planGrid("PL II")], { storeChunks: [json] }));
    expectWellFormed(fs.readFileSync(file));
    const target = out("chars.xlsx");
    const o = summarize(file, target);
    record("15 forbidden characters", "U+0001 unit, U+FFFE sheet name: summarize", o);
    expectBounded(o);
    expect(o.code).toBe(0);
    expectWellFormed(fs.readFileSync(target));
    openpyxlOpens(target);
  });

  it("U+FFFE in the commune name and `_xFFFE_` in a task: the report's document.xml is well-formed", async () => {
    const settings = settingsWith({ communeName: "UBND xã Chí\uFFFE Minh" });
    const json = JSON.stringify({ version: 1, settings, summarySheets: [], highlights: [], records: {} }).replace(/\uFFFE/g, "\\ufffe");
    const bytes = await buildXlsx(
      [planGrid("PL I", (b) => b.task({ stt: 3, content: "Việc _xFFFE_ lạ _x0001_", lead: "Công an xã", deadline: "30/11/2026" }))],
      { storeChunks: [json] },
    );
    expectWellFormed(bytes);
    const file = save(bytes);
    const target = out("report.docx");
    const o = runCli(["report", file, "-o", target, "--as-of", AS_OF]);
    record("15 forbidden characters", "U+FFFE commune, _xFFFE_ task: report", o);
    expectBounded(o);
    expect(o.code).toBe(0);
    expectWellFormed(fs.readFileSync(target));
  });

  it("_x001B_[2J in a plan cell never reaches the terminal as ESC (check's text output)", () => {
    const xml = partText(plan, SHEET1).replace(
      "</sheetData>",
      `<row r="40"><c r="B40" t="inlineStr"><is><t>_x001B_[2J_x001B_]0;pwned_x0007_</t></is></c></row></sheetData>`,
    );
    const bytes = save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } }));
    const o = check(bytes);
    record("17 terminal escapes", "_x001B_ in a cell: check (text)", o);
    expectBounded(o);
    expect(o.out + o.err).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});

describe("merging returns (3, 17, soft)", () => {
  const TASK = "Xây dựng kho dữ liệu số của xã";
  let planFile: string;
  let returnFile: string;

  /** The plan, and Công an xã's copy filled with a note that holds `_x001B_[2J` (as a crafted cell can). */
  beforeAll(async () => {
    planFile = save(plan, "merge-plan.xlsx");
    const copies = await split(plan, AS_OF);
    const copy = copies.find((c) => c.unit === "Công an xã")!;
    const filled = await fill(copy.bytes, [{ task: TASK, status: "Đã hoàn thành", note: "GHI-CHU-MARKER" }]);
    const sheet = entriesOf(filled).find((e) => partTextOf(e).includes("GHI-CHU-MARKER"))!;
    const xml = partTextOf(sheet).replace("GHI-CHU-MARKER", "Xong _x001B_[2J_x001B_]0;pwned_x0007_ \u009b");
    returnFile = save(repack(filled, { [String(sheet.name)]: { name: String(sheet.name), data: xml } }), "merge-return.xlsx");
  });

  it("merge … | head -1 ends quietly, and the copy is still written", () => {
    const target = out("merged-epipe.xlsx");
    const o = runCli(["merge", planFile, returnFile, "-o", target, "--as-of", AS_OF], { pipeTo: "head -1" });
    record("3 EPIPE", "merge … | head -1", o);
    expectBounded(o);
    expect(o.err).toBe("");
    expect(fs.existsSync(target)).toBe(true);
  });

  it("a return's _x001B_ never reaches the terminal as ESC (merge's text output)", () => {
    const o = runCli(["merge", planFile, returnFile, "-o", out("merged-esc.xlsx"), "--as-of", AS_OF]);
    record("17 terminal escapes", "_x001B_ in a return: merge (text)", o);
    expectBounded(o);
    expect(o.out).toContain("\\u001B[2J");
    expect(o.out + o.err).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it("&#1; in a plan sheet at merge time: one line, the plan is damaged", () => {
    const xml = partText(plan, SHEET1).replace(
      "</sheetData>",
      `<row r="40"><c r="B40" t="inlineStr"><is><t>x&#1;y</t></is></c></row></sheetData>`,
    );
    const bad = save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } }));
    const o = runCli(["merge", bad, returnFile, "-o", out("merged-amp1.xlsx"), "--as-of", AS_OF]);
    record("soft: &#1;", "&#1; in the plan: merge", o);
    expectRefused(o, /bị hỏng/);
  });

  it("a return with a merged area over the full sheet: a result, no «Map maximum size exceeded»", () => {
    const sheet = entriesOf(fs.readFileSync(returnFile)).find((e) => partTextOf(e).includes("<sheetData"))!;
    const xml = partTextOf(sheet)
      .replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="Z1:XFD1048576"/></mergeCells>`)
      .replace(/<mergeCells[\s\S]*?<\/mergeCells>(?=<mergeCells)/, "");
    const ret = save(repack(fs.readFileSync(returnFile), { [String(sheet.name)]: { name: String(sheet.name), data: xml } }));
    const o = runCli(["merge", planFile, ret, "-o", out("merged-full.xlsx"), "--as-of", AS_OF]);
    record("soft: full-sheet merge", "Z1:XFD1048576 in a return: merge", o);
    expectBounded(o);
    expect(o.code === 0 || o.code === 1).toBe(true);
  });
});

describe("soft: one line in the file's own terms, never «Lỗi không mong muốn»", () => {
  const deep = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);

  it.each([
    ["xl/workbook.xml", (x: string) => x.replace("</workbook>", `<extLst>${deep("<ext>", "</ext>", 100_000)}</extLst></workbook>`)],
    ["xl/styles.xml", (x: string) => x.replace("</styleSheet>", `${deep("<extLst>", "</extLst>", 100_000)}</styleSheet>`)],
    ["[Content_Types].xml", (x: string) => x.replace("</Types>", `${deep("<Default>", "</Default>", 100_000)}</Types>`)],
    [SHEET1, (x: string) => x.replace("</sheetData>", `</sheetData>${deep("<extLst>", "</extLst>", 100_000)}`)],
  ])("100,000-deep nesting in %s", (part, change) => {
    const bytes = save(repack(plan, { [part]: { name: part, data: change(partText(plan, part)) } }));
    const o = check(bytes);
    record("soft: deep nesting", `100,000 deep in ${part}: check`, o);
    expectBounded(o);
    expect(o.code === 1 || o.code === 2).toBe(true);
    expect(o.err).toMatch(/bị hỏng/);
  });

  it("a record nested 200,000 arrays deep in _phuluc: the store is damaged, the work goes on", async () => {
    const store = {
      version: 1,
      settings: settingsWith({}),
      summarySheets: [],
      highlights: [],
      records: { forged: JSON.parse("[".repeat(1000) + "]".repeat(1000)) },
    };
    const json = JSON.stringify(store).replace(
      '"forged":' + "[".repeat(1000) + "]".repeat(1000),
      '"forged":' + "[".repeat(200_000) + "]".repeat(200_000),
    );
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += 30000) chunks.push(json.slice(i, i + 30000));
    const file = save(await buildXlsx([planGrid("PL I")], { storeChunks: chunks }));
    const o = summarize(file, out("deep-record.xlsx"));
    record("soft: deep record", "200,000-deep record: summarize", o);
    expectBounded(o);
    expect(o.code).toBe(0);
    expect(o.err).toMatch(/bị hỏng/);
  });

  it("a merged area over the full sheet: a correct result", () => {
    const xml = partText(plan, SHEET1).replace(/<mergeCells[^>]*>/, `<mergeCells count="2"><mergeCell ref="K1:XFD1048576"/>`);
    const o = check(save(repack(plan, { [SHEET1]: { name: SHEET1, data: xml } })), "--json");
    record("soft: full-sheet merge", "K1:XFD1048576: check --json", o);
    expectBounded(o);
    expect(JSON.parse(o.out).tasks).toHaveLength(4);
  });
});

export type { Outcome };
