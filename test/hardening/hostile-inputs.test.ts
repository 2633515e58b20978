/**
 * Hostile and messy workbooks through the real CLI (`main([...], io)`): each gives a correct result or
 * a clear Vietnamese message naming the sheet and cell (or, for a file that is no workbook at all, the
 * file), and the workbook's other sheets are still checked. The same files through the pane's
 * preview path (XlsxWorkbookPort.readSheets + analyze) never throw.
 */
import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { parseJsonReport, parseReport, type JsonReport } from "../../src/core/report-schema";
import { withMessages } from "../../src/i18n/issues";
import { defaultSettings } from "../../src/core/settings";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx, makeTempDir, removeTempDir, type SheetSource, type XlsxSheetInput } from "../support/xlsx-builder";
import { AS_OF, checkJson, runMain } from "./support/cli";
import { patchZip, renameSheetXml, sheetPart, withDefinedNamesXml } from "./support/craft";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-hostile-");
});
afterAll(() => removeTempDir(dir));

let n = 0;
function save(bytes: Buffer, name = `book-${++n}.xlsx`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

const appendix = (name: string) => new GridBuilder(name).title("PHỤ LỤC", "NHIỆM VỤ TRỌNG TÂM NĂM 2026").header().group("I", "Nhóm việc");

/** The healthy sheet next to every hostile one: 2 tasks, a known LEAD_UNKNOWN at D6. */
function healthy(name = "PL II"): GridBuilder {
  return appendix(name)
    .task({ stt: 1, content: "Việc lành", lead: "Công an xã", deadline: "30/11/2026" })
    .task({ stt: 2, content: "Việc có lỗi", lead: "Phòng Không Có", deadline: "Quý II/2026" });
}

/** A report as users read it: each issue with its (Vietnamese) message, as the CLI's JSON has it. */
type Report = JsonReport;

function expectHealthyChecked(report: Report, name = "PL II"): void {
  expect(report.tasks.filter((t) => t.sheet === name).map((t) => t.content)).toEqual(["Việc lành", "Việc có lỗi"]);
  expect(report.issues.some((i) => i.sheet === name && i.cell === "D6" && i.code === "LEAD_UNKNOWN" && i.message.includes("D6"))).toBe(
    true,
  );
}

/** The pane's preview path on the same bytes: open, read with progress, analyse — no throw, valid report. */
async function previewPath(bytes: Buffer): Promise<Report> {
  const port = await XlsxWorkbookPort.fromBytes(bytes, "book.xlsx");
  const progress: string[] = [];
  const grids = await port.readSheets((p) => progress.push(p.sheet ?? ""));
  expect(progress).toEqual(grids.map((g) => g.name));
  const report = parseReport(analyze(grids, { asOf: AS_OF, settings: (await port.loadSettings()).settings ?? defaultSettings() }));
  return { ...report, lang: "vi", issues: withMessages(report.issues) };
}

async function both(
  sheets: SheetSource[],
  patch?: (b: Buffer) => Promise<Buffer>,
): Promise<{ report: Report; preview: Report; code: number; file: string }> {
  let bytes = await buildXlsx(sheets);
  if (patch) bytes = await patch(bytes);
  const file = save(bytes);
  const { report, code } = await checkJson(file);
  const preview = await previewPath(bytes);
  expect(preview.tasks).toEqual(report.tasks);
  expect(preview.issues).toEqual(report.issues);
  return { report, preview, code, file };
}

const issueAt = (r: Report, sheet: string, cell: string) => r.issues.filter((i) => i.sheet === sheet && i.cell === cell);

describe("files that are not workbooks: exit 2, one clear line naming the file, input untouched", () => {
  async function expectFileError(bytes: Buffer, name: string, words: RegExp) {
    const file = save(bytes, name);
    const r = await runMain(["check", file, "--as-of", AS_OF, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toMatch(words);
    expect(lines[0]).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(fs.readFileSync(file)).toEqual(bytes);
    // The preview path: the same message as an error, no crash.
    await expect(XlsxWorkbookPort.fromBytes(bytes, name)).rejects.toThrow(name);
  }

  it("a corrupt zip (truncated)", async () => {
    const good = await buildXlsx([healthy()]);
    await expectFileError(good.subarray(0, Math.floor(good.length / 2)), "cắt-cụt.xlsx", /hỏng/);
  });

  it("a corrupt zip (garbage in the middle of every part)", async () => {
    const good = Buffer.from(await buildXlsx([healthy()]));
    for (let i = 200; i < good.length - 200; i += 97) good[i] ^= 0x5a;
    await expectFileError(good, "hỏng.xlsx", /hỏng/);
  });

  it("a sheet part that is not XML: check skips that sheet with a message naming it and checks the rest; nothing saves a copy without it", async () => {
    const bytes = await patchZip(
      await buildXlsx([
        healthy("PL I"),
        healthy(),
        appendix("PL III").task({ stt: 1, content: "Ba", lead: "Công an xã", deadline: "Tháng 13/2026" }),
      ]),
      async (zip) => {
        zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=");
      },
    );
    const file = save(bytes, "trang-hỏng.xlsx");
    const r = await runMain(["check", file, "--as-of", AS_OF, "--json"]);
    expect(r.code).toBe(1);
    const lines = r.err.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("«PL I»");
    expect(lines[0]).toMatch(/hỏng/);
    const report = parseJsonReport(JSON.parse(r.out));
    expectHealthyChecked(report);
    expect(issueAt(report, "PL III", "G5").map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    expect(report.tasks.some((t) => t.sheet === "PL I")).toBe(false);
    // summarize and the preview (which can save) refuse the file rather than drop a sheet.
    const out = path.join(dir, "trang-hỏng-out.xlsx");
    const s = await runMain(["summarize", file, "-o", out, "--as-of", AS_OF]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/hỏng/);
    expect(fs.existsSync(out)).toBe(false);
    await expect(XlsxWorkbookPort.fromBytes(bytes, "trang-hỏng.xlsx")).rejects.toThrow(/hỏng/);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it("an old .xls renamed .xlsx", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from("Workbook", "utf16le").copy(cfb, 1152);
    await expectFileError(cfb, "cũ.xlsx", /\.xls/);
  });

  it("a password-protected workbook (an encrypted OLE package)", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1152);
    Buffer.from("EncryptedPackage", "utf16le").copy(cfb, 1280);
    await expectFileError(cfb, "mật-khẩu.xlsx", /mật khẩu/);
  });

  it("a CSV renamed .xlsx", async () => {
    await expectFileError(
      Buffer.from("\ufeffSTT,Nội dung công việc,Cơ quan chủ trì\n1,Việc,Công an xã\n", "utf8"),
      "bảng.xlsx",
      /CSV|văn bản/,
    );
  });
});

describe("messy workbooks: a correct result or a message naming sheet and cell; the other sheets still checked", () => {
  it("one stray cell at row 1,048,576: reported at its own cell, not glued to a task", async () => {
    const pl1 = appendix("PL I").task({ stt: 1, content: "Việc 1", lead: "Công an xã", deadline: "30/11/2026" }).build();
    const stray: XlsxSheetInput = { ...pl1, cells: [{ row: 1048576, col: 2, value: "x" }] };
    const { report } = await both([stray, healthy()]);
    expect(report.tasks.find((t) => t.sheet === "PL I" && t.row === 5)?.content).toBe("Việc 1");
    expect(issueAt(report, "PL I", "D1048576").map((i) => i.code)).toEqual(["LEAD_MISSING"]);
    expect(issueAt(report, "PL I", "D1048576")[0].message).toContain("D1048576");
    expectHealthyChecked(report);
  });

  it("a stray cell written directly into the sheet XML at row 1,048,576 (max column too)", async () => {
    const { report } = await both(
      [appendix("PL I").task({ stt: 1, content: "Việc 1", lead: "Công an xã", deadline: "30/11/2026" }), healthy()],
      async (b) => {
        const part = await sheetPart(b, 0);
        return patchZip(b, async (zip) => {
          const xml = await zip.file(part)!.async("string");
          zip.file(
            part,
            xml
              .replace("</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>lạc</t></is></c></row></sheetData>`)
              .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
          );
        });
      },
    );
    expect(report.tasks.filter((t) => t.sheet === "PL I").map((t) => t.content)).toEqual(["Việc 1"]);
    expectHealthyChecked(report);
  });

  it("30,000-character cells are read whole and summarised without loss or crash", async () => {
    const long = "Nội dung rất dài ".repeat(1800).slice(0, 30000);
    const { report, file } = await both([
      appendix("PL I").task({ stt: 1, content: long, lead: "Công an xã", deadline: "30/01/2026", note: "ghi chú ".repeat(3750) }),
      healthy(),
    ]);
    expect(report.tasks[0].content).toBe(long.trim());
    expectHealthyChecked(report);
    const out = path.join(dir, "long-out.xlsx");
    const s = await runMain(["summarize", file, "-o", out, "--as-of", AS_OF]);
    expect(s.err).toBe("");
    expect(s.code).toBe(0);
  });

  it("sheet names with quotes, apostrophes, brackets and Vietnamese letters (brackets only other tools write)", async () => {
    const odd = `Phụ lục I – KH's "2026"`;
    const { report } = await both([
      appendix(odd).task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "Tháng 13/2026" }),
      healthy(),
    ]);
    expect(issueAt(report, odd, "G5").map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    expectHealthyChecked(report);

    // Google Sheets writes brackets and names ExcelJS refuses; the report keeps the real names.
    const weird = `PL [I] 'Bà' "x"`;
    const { report: r2 } = await both(
      [
        appendix("PL I").task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "Tháng 13/2026" }),
        healthy(),
        appendix("Hist").task({ stt: 1, content: "Lịch sử", lead: "Công an xã", deadline: "30/11/2026" }),
      ],
      async (b) => renameSheetXml(await renameSheetXml(b, "PL I", "PL [I] &apos;Bà&apos; &quot;x&quot;"), "Hist", "History"),
    );
    expect(r2.tasks.filter((t) => t.sheet === "History").map((t) => t.content)).toEqual(["Lịch sử"]);
    expect(issueAt(r2, weird, "G5").map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    expect(issueAt(r2, weird, "G5")[0].sheet).toBe(weird);
    expectHealthyChecked(r2);
  });

  it("a print area of #REF! (ExcelJS cannot parse it) does not make a valid workbook unreadable", async () => {
    const { report } = await both(
      [appendix("PL I").task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "Tháng 13/2026" }), healthy()],
      (b) => withDefinedNamesXml(b, [`<definedName name="_xlnm.Print_Area" localSheetId="0">'PL I'!#REF!</definedName>`]),
    );
    expect(issueAt(report, "PL I", "G5").map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    expectHealthyChecked(report);
  });

  it("hidden and very hidden appendix sheets are skipped and listed; the setting reads them like visible ones", async () => {
    const sheets = [
      appendix("PL I").task({ stt: 1, content: "Ẩn", lead: "Các đơn vị liên quan", deadline: "30/11/2026" }).hidden("hidden"),
      appendix("PL III").task({ stt: 1, content: "Ẩn sâu", lead: "Công an xã", deadline: "31/02/2026" }).hidden("veryHidden"),
      healthy(),
    ];
    const { report } = await both(sheets);
    expect(report.skippedSheets).toEqual([
      { name: "PL I", role: "appendix", visibility: "hidden" },
      { name: "PL III", role: "appendix", visibility: "veryHidden" },
    ]);
    expect(report.issues.filter((i) => i.sheet !== "PL II")).toEqual([]);
    expect(report.tasks.filter((t) => t.sheet !== "PL II")).toEqual([]);
    expectHealthyChecked(report);

    const port = await XlsxWorkbookPort.fromBytes(await buildXlsx(sheets), "book.xlsx");
    const all = analyze(await port.readSheets(), { asOf: AS_OF, settings: { ...defaultSettings(), includeHiddenSheets: true } });
    const read: Report = { ...all, lang: "vi", issues: withMessages(all.issues) };
    expect(read.skippedSheets).toEqual([]);
    expect(issueAt(read, "PL I", "D5").map((i) => i.code)).toEqual(["LEAD_GENERIC"]);
    expect(issueAt(read, "PL III", "G5").map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    expectHealthyChecked(read);
  });

  it("merged areas overlapping the header: a title merged into the header row, a header cell merged into the data", async () => {
    // The title A2 merged down over A3:B3 hides the STT and content headers: COLUMN_MISSING names the header row.
    const over = appendix("PL I").task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" }).merge(2, 1, 3, 2);
    const { report } = await both([over, healthy()]);
    const missing = report.issues.filter((i) => i.sheet === "PL I" && i.code === "COLUMN_MISSING");
    expect(missing.length).toBeGreaterThan(0);
    for (const i of missing) expect(i.cell).toMatch(/^[A-Z]+3$/);
    expectHealthyChecked(report);

    // The deadline header merged down over the group row and the first task: that task's deadline is missing.
    const down = new GridBuilder("PL I")
      .title("PHỤ LỤC", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
      .header()
      .blank()
      .task({ stt: 1, content: "Việc một", lead: "Công an xã", deadline: null })
      .task({ stt: 2, content: "Việc hai", lead: "Công an xã", deadline: "30/11/2026" })
      .merge(3, 7, 5, 7);
    const { report: r2 } = await both([down, healthy()]);
    expect(r2.tasks.filter((t) => t.sheet === "PL I").map((t) => t.content)).toEqual(["Việc một", "Việc hai"]);
    expect(r2.tasks.find((t) => t.content === "Việc hai")?.deadline.due).toBe("2026-11-30");
    // Not the header's text "Thời gian hoàn thành" read as a deadline and reported at the header cell.
    expect(r2.tasks.find((t) => t.content === "Việc một")?.deadline).toEqual({ raw: "", kind: "missing", due: null });
    expect(r2.issues.filter((i) => i.sheet === "PL I").map((i) => [i.code, i.cell])).toEqual([["DEADLINE_MISSING", "G5"]]);
    expectHealthyChecked(r2);
  });

  it("formulas whose cached value is an error: CELL_ERROR at the cell, the row still counted", async () => {
    const pl: XlsxSheetInput = {
      name: "PL I",
      values: [
        ["PHỤ LỤC I"],
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        [1, "Việc", { formula: "VLOOKUP(A1,X!A:B,2,0)", result: { error: "#N/A" } }, { formula: "#REF!+1", result: { error: "#REF!" } }],
        [2, { formula: "1/0", result: { error: "#DIV/0!" } }, "Công an xã", "30/11/2026"],
      ],
    };
    const { report } = await both([pl, healthy()]);
    expect(report.tasks.filter((t) => t.sheet === "PL I")).toHaveLength(2);
    for (const cell of ["C3", "D3", "B4"]) {
      const found = issueAt(report, "PL I", cell).filter((i) => i.code === "CELL_ERROR");
      expect(found).toHaveLength(1);
      expect(found[0].message).toContain(cell);
    }
    expectHealthyChecked(report);
  });

  it("dates stored as text in several formats: read when unambiguous, else DEADLINE_INVALID at the cell", async () => {
    const g = appendix("PL I");
    const texts = [
      "30/11/2026",
      "30-11-2026",
      "2026-11-30",
      "30.11.2026",
      "ngày 30 tháng 11 năm 2026",
      "30/11/26",
      " 30/11/2026 ",
      "11/30/2026",
      "Nov 30, 2026",
    ];
    texts.forEach((d, i) =>
      g.task({ stt: i + 1, content: `Việc ${i + 1}`, lead: "Công an xã", deadline: d, status: "Đã hoàn thành", doneDate: d }),
    );
    const { report } = await both([g, healthy()]);
    const tasks = report.tasks.filter((t) => t.sheet === "PL I");
    expect(tasks).toHaveLength(texts.length);
    for (const t of tasks) {
      const cell = `G${t.row}`;
      if (t.deadline.kind === "date") expect(t.deadline.due).toBe("2026-11-30");
      else expect(issueAt(report, "PL I", cell).map((i) => i.code)).toEqual(["DEADLINE_INVALID"]);
    }
    // The completion date column reads the same day forms as the deadline column.
    expect(tasks.slice(0, 7).map((t) => [t.deadline.due, t.doneDate])).toEqual(Array(7).fill(["2026-11-30", "2026-11-30"]));
    expectHealthyChecked(report);
  });

  it("cells with only spaces or non-breaking spaces count as empty; padded text is trimmed", async () => {
    const g = appendix("PL I")
      .task({ stt: 1, content: "   ", head: "Chủ tịch UBND xã", lead: "\u00a0", deadline: " \u00a0\u2007 " })
      .task({ stt: 2, content: "\u00a0Việc\u00a0", lead: "\u00a0Công an xã\u00a0", deadline: "\u00a030/11/2026\u00a0" });
    const { report } = await both([g, healthy()]);
    expect(issueAt(report, "PL I", "B5").map((i) => i.code)).toEqual(["CONTENT_MISSING"]);
    expect(issueAt(report, "PL I", "D5").map((i) => i.code)).toEqual(["LEAD_MISSING"]);
    expect(issueAt(report, "PL I", "G5").map((i) => i.code)).toEqual(["DEADLINE_MISSING"]);
    const t2 = report.tasks.find((t) => t.sheet === "PL I" && t.row === 6)!;
    expect(t2.lead).toBe("Công an xã");
    expect(t2.deadline.due).toBe("2026-11-30");
    expect(report.issues.filter((i) => i.sheet === "PL I" && /6$/.test(i.cell ?? ""))).toEqual([]);
    expectHealthyChecked(report);
  });
});

describe("continuation rows and gaps (engine)", () => {
  it("overflow text after a page break's blank rows joins its task; after a long gap it is its own row", async () => {
    const near = appendix("PL I")
      .task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" })
      .blank(2)
      .row([null, "tiếp theo"]);
    const far = appendix("PL III")
      .task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" })
      .blank(40)
      .row([null, "lạc"]);
    const { report } = await both([near, far, healthy()]);
    expect(report.tasks.filter((t) => t.sheet === "PL I").map((t) => t.content)).toEqual(["Việc tiếp theo"]);
    expect(report.tasks.filter((t) => t.sheet === "PL III").map((t) => t.content)).toEqual(["Việc", "lạc"]);
    expect(issueAt(report, "PL III", "D46").map((i) => i.code)).toEqual(["LEAD_MISSING"]);
  });
});
