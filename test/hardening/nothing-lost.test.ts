/**
 * Nothing lost: `summarize` (CLI and bytes pipeline) and the preview port's save change nothing of the
 * user's workbook — compared as a whole (values, formulas, styles, merges, widths, heights, sheet
 * order/state, page setup, validations, conditional formats, defined names incl. print areas/titles).
 * The file writer copies every part it does not own byte for byte (see test/xlsx/corpus.test.ts for
 * the part-by-part proof on every writer's workbooks, charts, pivot tables, slicers and all), so the
 * user's defined names — constants, formulas, #REF! areas, local and hidden names, names on sheets
 * with an apostrophe — stay exactly as the file had them.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { summarizeXlsxBytes } from "../../src/cli/summarize-bytes";
import { XlsxPreviewWorkbook } from "../../src/taskpane/preview/xlsx-workbook";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { userWorkbook } from "../summary/helpers";
import { GridBuilder } from "../support/grid-builder";
import { buildWorkbook, makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { runMain, AS_OF } from "./support/cli";
import { withDefinedNamesXml, zipParts, zipText } from "./support/craft";
import { snapshotWorkbook } from "./support/workbook-snapshot";

const APOS = "KH's (PL) II";
/** Defined names of every kind Excel writes, on a sheet name with an apostrophe too. */
const NAMES = [
  `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'PL I'!$A$4:$J$6</definedName>`,
  `<definedName name="_xlnm.Print_Area" localSheetId="0">'PL I'!$A$1:$J$10</definedName>`,
  `<definedName name="_xlnm.Print_Titles" localSheetId="0">'PL I'!$4:$4</definedName>`,
  `<definedName name="_xlnm.Print_Area" localSheetId="3">'KH''s (PL) II'!$A$1:$C$3,'KH''s (PL) II'!$E$1:$F$2</definedName>`,
  `<definedName name="_xlnm.Print_Titles" localSheetId="3">'KH''s (PL) II'!$A:$B,'KH''s (PL) II'!$1:$2</definedName>`,
  `<definedName name="DonVi">'PL I'!$D$5:$D$20</definedName>`,
  `<definedName name="NamKeHoach">2026</definedName>`,
  `<definedName name="Tong">SUM('PL I'!$A$1:$A$3)</definedName>`,
  `<definedName name="Hong">#REF!</definedName>`,
  `<definedName name="RiengTrang" localSheetId="3">'KH''s (PL) II'!$A$1</definedName>`,
];

async function userFile(): Promise<Buffer> {
  const wb = userWorkbook();
  const extra = wb.addWorksheet(APOS);
  extra.getCell("A1").value = "Phụ lục có dấu nháy";
  extra.getRow(1).height = 30;
  extra.getColumn(2).hidden = true;
  extra.views = [{ state: "frozen", ySplit: 1 }];
  extra.properties.tabColor = { argb: "FF00B050" };
  extra.getCell("B2").note = "ghi chú của người dùng";
  const veryHidden = wb.addWorksheet("Ẩn sâu");
  veryHidden.state = "veryHidden";
  veryHidden.getCell("A1").value = "bí mật";
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return withDefinedNamesXml(buf, NAMES);
}

const sha = (b: Buffer | Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("summarize changes nothing of the user's workbook", () => {
  it("the bytes pipeline keeps every sheet, cell, style, setup and defined name (print areas, titles, constants, local names)", async () => {
    const input = await userFile();
    const before = await snapshotWorkbook(input);
    expect(before.definedNames).toHaveLength(NAMES.length);
    const r = await summarizeXlsxBytes(input, { asOf: AS_OF, fileName: "book.xlsx" });
    const after = await snapshotWorkbook(r.bytes, r.result.sheetNames);
    expect(after).toEqual(before);
    // The summary's own print setup is there too, scoped to the summary sheets.
    const xml = await zipText(r.bytes, "xl/workbook.xml");
    expect(xml).toContain("_xlnm.Print_Area");
    const summaryScoped = (await snapshotWorkbook(r.bytes)).definedNames.filter((n) => n.scope && r.result.sheetNames.includes(n.scope));
    expect(summaryScoped.map((n) => n.name)).toContain("_xlnm.Print_Area");
    // A second run (replacing its own summary) still keeps everything of the user's.
    const r2 = await summarizeXlsxBytes(r.bytes, { asOf: AS_OF, fileName: "book.xlsx" });
    expect(await snapshotWorkbook(r2.bytes, r2.result.sheetNames)).toEqual(before);
    const names2 = (await snapshotWorkbook(r2.bytes)).definedNames.filter((n) => n.scope && r2.result.sheetNames.includes(n.scope));
    expect(names2.filter((n) => n.name === "_xlnm.Print_Area")).toHaveLength(
      summaryScoped.filter((n) => n.name === "_xlnm.Print_Area").length,
    );
  });

  it("a print area of #REF! (rows deleted) no longer makes the workbook unreadable, and is kept", async () => {
    const wb = buildWorkbook([
      new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" }),
    ]);
    const buf = await withDefinedNamesXml(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), [
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'PL I'!#REF!</definedName>`,
    ]);
    const r = await summarizeXlsxBytes(buf, { asOf: AS_OF, fileName: "book.xlsx" });
    expect(r.report.tasks).toHaveLength(1);
    expect((await snapshotWorkbook(r.bytes, r.result.sheetNames)).definedNames).toEqual([
      { name: "_xlnm.Print_Area", scope: "PL I", ref: "'PL I'!#REF!", hidden: false },
    ]);
  });

  it("phuluc summarize (CLI) never writes the input, writes OUT whole, and OUT keeps the user's workbook", async () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, "kế hoạch.xlsx");
      fs.writeFileSync(file, await userFile());
      const hash = sha(fs.readFileSync(file));
      const mtime = fs.statSync(file).mtimeMs;
      const out = path.join(dir, "out.xlsx");
      const r = await runMain(["summarize", file, "-o", out, "--as-of", AS_OF]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(sha(fs.readFileSync(file))).toBe(hash);
      expect(fs.statSync(file).mtimeMs).toBe(mtime);
      // No temporary file left behind.
      expect(fs.readdirSync(dir).sort()).toEqual(["kế hoạch.xlsx", "out.xlsx"]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(out) as any);
      const productSheets = wb.worksheets
        .map((w) => w.name)
        .filter((n) => n !== "_phuluc" && !wb.worksheets.slice(0, 6).some((w) => w.name === n));
      expect(await snapshotWorkbook(fs.readFileSync(out), productSheets)).toEqual(await snapshotWorkbook(fs.readFileSync(file)));
      // OUT = FILE is refused and the input stays as it was.
      const same = await runMain(["summarize", file, "-o", file, "--as-of", AS_OF]);
      expect(same.code).toBe(2);
      expect(sha(fs.readFileSync(file))).toBe(hash);
    } finally {
      removeTempDir(dir);
    }
  });

  it.each([
    ["writeSync", "ENOSPC"],
    ["fsyncSync", "EIO"],
    ["renameSync", "EXDEV"],
  ] as const)("a write that fails in %s (%s) leaves an existing OUT untouched and no temporary file", async (fn, code) => {
    const dir = makeTempDir();
    // The real module object (the product's `import * as fs` reads through to it).
    const nodeFs = require("fs") as typeof fs;
    try {
      const file = path.join(dir, "in.xlsx");
      fs.writeFileSync(file, await userFile());
      const out = path.join(dir, "out.xlsx");
      fs.writeFileSync(out, "old");
      const spy = jest.spyOn(nodeFs, fn).mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      let r: Awaited<ReturnType<typeof runMain>>;
      try {
        r = await runMain(["summarize", file, "-o", out, "--as-of", AS_OF]);
        expect(spy).toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
      expect(r.code).toBe(2);
      expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(r.err).toContain(code);
      expect(fs.readFileSync(out, "utf8")).toBe("old");
      expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe("package parts the user's sheets use survive summarize", () => {
  it("hyperlinks, notes on cells with a value, images, tables, sheet protection and auto filter are kept", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL I");
    ws.getCell("A1").value = "PHỤ LỤC I";
    ws.getCell("A2").value = { text: "liên kết", hyperlink: "https://example.org/x" };
    ws.getCell("A3").value = "có ghi chú";
    ws.getCell("A3").note = "ghi chú của người dùng";
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    ws.addImage(wb.addImage({ buffer: png as any, extension: "png" }), "C3:D5");
    ws.addTable({
      name: "Bang1",
      ref: "F1",
      headerRow: true,
      columns: [{ name: "A" }, { name: "B" }],
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    await ws.protect("pw", { selectLockedCells: true });
    ws.autoFilter = "A1:B3";
    const input = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await summarizeXlsxBytes(input, { asOf: AS_OF });
    const kinds = (parts: string[]) => new Set(parts.map((p) => p.replace(/\d+\.(xml|vml|png)$/, "#.$1")));
    const after = kinds(await zipParts(r.bytes));
    for (const k of kinds(await zipParts(input))) expect(after.has(k)).toBe(true);
    expect(await snapshotWorkbook(r.bytes, r.result.sheetNames)).toEqual(await snapshotWorkbook(input));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(r.bytes as any);
    const b = back.getWorksheet("PL I")!;
    expect(b.getCell("A3").note).toBe("ghi chú của người dùng");
    expect(b.getImages()).toHaveLength(1);
    expect(b.getCell("A2").value).toEqual({ text: "liên kết", hyperlink: "https://example.org/x" });
  });
});

describe("the preview port's save keeps the user's workbook", () => {
  it("highlight → clearHighlights → save gives back the same workbook, defined names included", async () => {
    const input = await userFile();
    const port = await XlsxWorkbookPort.fromBytes(input, "book.xlsx");
    await port.highlight([
      { sheet: "PL I", cell: "B6", severity: "error" },
      { sheet: "Tổng hợp", cell: "B5", severity: "warning" },
      { sheet: APOS, cell: "A1", severity: "error" },
    ]);
    const highlighted = await port.toBuffer();
    const mid = await snapshotWorkbook(highlighted);
    expect(mid).not.toEqual(await snapshotWorkbook(input));
    await port.clearHighlights();
    const cleared = await port.toBuffer();
    expect(await snapshotWorkbook(cleared)).toEqual(await snapshotWorkbook(input));
  });

  it("the browser preview's download (XlsxPreviewWorkbook) keeps them too, after a summary", async () => {
    const input = await userFile();
    const preview = await XlsxPreviewWorkbook.open(new Uint8Array(input).buffer as ArrayBuffer, "book.xlsx");
    const grids = await preview.port.readSheets();
    const { analyze } = await import("../../src/core/analyze");
    const { buildSummary } = await import("../../src/documents/summary/build");
    const { defaultSettings } = await import("../../src/core/settings");
    const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
    const written = await preview.port.writeSummary(buildSummary(report, defaultSettings()));
    const out = Buffer.from(await (await preview.toBlob()).arrayBuffer());
    expect(await snapshotWorkbook(out, written.sheetNames)).toEqual(await snapshotWorkbook(input));
  });
});
