/**
 * Nothing lost: `summarize` (CLI and bytes pipeline) and the preview port's save change nothing of the
 * user's workbook — compared as a whole (values, formulas, styles, merges, widths, heights, sheet
 * order/state, page setup, validations, conditional formats, defined names incl. print areas/titles).
 *
 * Known ExcelJS round-trip limits the product cannot control (documented, not hidden): charts and
 * pivot tables of user sheets are dropped by ExcelJS on load/save, and comments' VML shapes are
 * rewritten. Defined names are handled by the product (src/xlsx/defined-names.ts): without it ExcelJS
 * drops constant/formula/#REF! names, loses local scope and hidden flags, keeps only the first area of
 * a print area, and writes an unreadable print area for a sheet name with an apostrophe.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { summarizeXlsxBytes } from "../../src/xlsx/summary-run";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { userWorkbook } from "../summary/helpers";
import { GridBuilder } from "../support/grid-builder";
import { buildWorkbook, makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { runMain, AS_OF } from "./support/cli";
import { withDefinedNamesXml, zipText } from "./support/craft";
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
    expect(names2.filter((n) => n.name === "_xlnm.Print_Area")).toHaveLength(summaryScoped.filter((n) => n.name === "_xlnm.Print_Area").length);
  });

  it("a print area of #REF! (rows deleted) no longer makes the workbook unreadable, and is kept", async () => {
    const wb = buildWorkbook([new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" })]);
    const buf = await withDefinedNamesXml(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), [
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'PL I'!#REF!</definedName>`,
    ]);
    const r = await summarizeXlsxBytes(buf, { asOf: AS_OF, fileName: "book.xlsx" });
    expect(r.report.tasks).toHaveLength(1);
    expect((await snapshotWorkbook(r.bytes, r.result.sheetNames)).definedNames).toEqual([{ name: "_xlnm.Print_Area", scope: "PL I", ref: "'PL I'!#REF!", hidden: false }]);
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
      const productSheets = wb.worksheets.map((w) => w.name).filter((n) => n !== "_phuluc" && !wb.worksheets.slice(0, 6).some((w) => w.name === n));
      expect(await snapshotWorkbook(fs.readFileSync(out), productSheets)).toEqual(await snapshotWorkbook(fs.readFileSync(file)));
      // OUT = FILE is refused and the input stays as it was.
      const same = await runMain(["summarize", file, "-o", file, "--as-of", AS_OF]);
      expect(same.code).toBe(2);
      expect(sha(fs.readFileSync(file))).toBe(hash);
    } finally {
      removeTempDir(dir);
    }
  });

  it("a failing write leaves an existing OUT untouched (atomic rename)", async () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, "in.xlsx");
      fs.writeFileSync(file, await userFile());
      const out = path.join(dir, "out.xlsx");
      fs.writeFileSync(out, "old");
      fs.chmodSync(dir, 0o555);
      const r = await runMain(["summarize", file, "-o", out, "--as-of", AS_OF]);
      fs.chmodSync(dir, 0o755);
      if (process.getuid && process.getuid() === 0) return; // root ignores the read-only directory
      expect(r.code).toBe(2);
      expect(r.err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(fs.readFileSync(out, "utf8")).toBe("old");
    } finally {
      fs.chmodSync(dir, 0o755);
      removeTempDir(dir);
    }
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
});
