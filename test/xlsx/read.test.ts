import ExcelJS from "exceljs";
import { GridBuilder } from "../support/grid-builder";
import { rawXlsx } from "../support/raw-xlsx";
import { buildXlsx } from "../support/xlsx-builder";
import { cellAt, formatAt, lastRow } from "../../src/core/grid";
import { emptyStore } from "../../src/core/store";
import { DEFAULT_DATE_FORMAT, loadWorkbook, readGrids, readXlsxBytes, XlsxReadError } from "../../src/xlsx/read";

async function roundTrip(...sheets: Parameters<typeof buildXlsx>[0]) {
  return readXlsxBytes(await buildXlsx(sheets), "book.xlsx");
}

describe("reading .xlsx files into grids", () => {
  it("reads values, number formats, merges and the header of a real appendix sheet", async () => {
    const b = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026")
      .header()
      .group("I", "Cải cách hành chính")
      .task({ stt: 1, content: "Rà soát TTHC", lead: "Phòng VH-XH", deadline: 46356 }, { deadline: "dd/mm/yyyy" })
      .task({ stt: 2, content: "Báo cáo", deadline: "Quý II/2026", status: true })
      .task({ stt: 3, content: "Số hóa", deadline: 0.5 }, { deadline: "0%" })
      .merge(5, 4, 7, 4);
    const { grids } = await roundTrip(b);
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g.name).toBe("PL I");
    expect(g.visibility).toBe("visible");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(cellAt(g, 1, 1)).toBe("PHỤ LỤC I");
    expect(cellAt(g, 3, 2)).toBe("Nội dung công việc");
    expect(cellAt(g, 5, 1)).toBe(1);
    expect(cellAt(g, 5, 7)).toBe(46356);
    expect(formatAt(g, 5, 7)).toBe("dd/mm/yyyy");
    expect(cellAt(g, 6, 7)).toBe("Quý II/2026");
    expect(cellAt(g, 6, 8)).toBe(true);
    expect(cellAt(g, 7, 7)).toBe(0.5);
    expect(formatAt(g, 7, 7)).toBe("0%");
    // A merged area's value sits in its top-left cell only (as Excel reports it), merges are absolute.
    expect(cellAt(g, 5, 4)).toBe("Phòng VH-XH");
    expect(cellAt(g, 6, 4)).toBeNull();
    expect(cellAt(g, 7, 4)).toBeNull();
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 4, left: 2, bottom: 4, right: 10 },
        { top: 5, left: 4, bottom: 7, right: 4 },
      ]),
    );
    expect(g.merges).toHaveLength(2);
    expect(lastRow(g)).toBe(7);
  });

  it("turns dates into 1900-system serials with the cell's format", async () => {
    const { grids } = await roundTrip({
      name: "D",
      values: [[new Date(Date.UTC(2026, 10, 30)), 46356, new Date(Date.UTC(1900, 2, 1)), new Date(Date.UTC(2026, 5, 30, 12))]],
      numberFormats: [["dd/mm/yyyy", "d/m/yyyy", "dd/mm/yyyy", "dd/mm/yyyy hh:mm"]],
    });
    const g = grids[0];
    expect(cellAt(g, 1, 1)).toBe(46356); // 30/11/2026
    expect(formatAt(g, 1, 1)).toBe("dd/mm/yyyy");
    expect(cellAt(g, 1, 2)).toBe(46356);
    expect(formatAt(g, 1, 2)).toBe("d/m/yyyy");
    expect(cellAt(g, 1, 3)).toBe(61); // after Excel's phantom 29/02/1900
    expect(cellAt(g, 1, 4)).toBe(46203.5);
  });

  it('gives an ISO date cell (t="d") without a date format the default dd/mm/yyyy', async () => {
    const { grids } = await readXlsxBytes(
      await rawXlsx([
        { name: "S", rows: `<row r="1"><c r="A1" t="d"><v>2026-01-01T00:00:00</v></c><c r="B1" t="d" s="1"><v>2026-11-30</v></c></row>` },
      ]),
    );
    const g = grids[0];
    expect(cellAt(g, 1, 1)).toBe(46023);
    expect(formatAt(g, 1, 1)).toBe(DEFAULT_DATE_FORMAT);
    expect(cellAt(g, 1, 2)).toBe(46356);
    expect(formatAt(g, 1, 2)).toBe("dd/mm/yyyy");
  });

  it("reads error cells, formulas' cached results, rich text and hyperlinks", async () => {
    const { grids } = await roundTrip({
      name: "F",
      values: [
        [
          { error: "#REF!" },
          { formula: "1/0", result: { error: "#DIV/0!" } },
          { formula: 'A9&"x"', result: "Phòng Kinh tế" },
          { formula: "2+3", result: 5 },
          { formula: "TRUE()", result: true },
          { formula: "NOW()" },
          {
            richText: [
              { text: "Phòng ", bold: true },
              { text: "Văn hóa - Xã hội", italic: true },
            ],
          },
          { text: "Công an xã", hyperlink: "https://example.vn" },
          { error: "#N/A" },
        ],
      ],
    });
    const g = grids[0];
    expect(cellAt(g, 1, 1)).toEqual({ error: "#REF!" });
    expect(cellAt(g, 1, 2)).toEqual({ error: "#DIV/0!" });
    expect(cellAt(g, 1, 3)).toBe("Phòng Kinh tế");
    expect(cellAt(g, 1, 4)).toBe(5);
    expect(cellAt(g, 1, 5)).toBe(true);
    expect(cellAt(g, 1, 6)).toBeNull();
    expect(cellAt(g, 1, 7)).toBe("Phòng Văn hóa - Xã hội");
    expect(cellAt(g, 1, 8)).toBe("Công an xã");
    expect(cellAt(g, 1, 9)).toEqual({ error: "#N/A" });
  });

  it("keeps NFD text as Excel gives it (the core normalises)", async () => {
    const nfd = "Phòng Văn hóa - Xã hội".normalize("NFD");
    const { grids } = await roundTrip({ name: "N", values: [[nfd]] });
    expect(cellAt(grids[0], 1, 1)).toBe(nfd);
    expect((cellAt(grids[0], 1, 1) as string).normalize("NFC")).toBe("Phòng Văn hóa - Xã hội");
  });

  it("reports hidden and very hidden sheets and keeps workbook order", async () => {
    const { grids } = await roundTrip(
      { name: "A", values: [["a"]] },
      { name: "B", values: [["b"]], visibility: "hidden" },
      { name: "C", values: [["c"]], visibility: "veryHidden" },
    );
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["A", "visible"],
      ["B", "hidden"],
      ["C", "veryHidden"],
    ]);
  });

  it("ignores a stray formatted cell far below the data (no million-row grid)", async () => {
    const { grids } = await roundTrip({
      name: "S",
      values: [
        ["STT", "Nội dung"],
        [1, "Việc"],
      ],
      cells: [
        { row: 1048576, col: 1, value: null, numFmt: "0.00", fill: "FFFF00" },
        { row: 5000, col: 200, value: "", numFmt: "@" },
      ],
    });
    const g = grids[0];
    expect(g.values).toHaveLength(2);
    expect(g.values.every((r) => r.length <= 2)).toBe(true);
  });

  it("handles a stray value at row 1,048,576 cheaply (gap rows share one empty row)", async () => {
    const { grids } = await roundTrip({
      name: "S",
      values: [["STT", "Nội dung"]],
      cells: [{ row: 1048576, col: 3, value: "x" }],
    });
    const g = grids[0];
    expect(lastRow(g)).toBe(1048576);
    expect(cellAt(g, 1048576, 3)).toBe("x");
    expect(cellAt(g, 500000, 1)).toBeNull();
    expect(g.values[10]).toBe(g.values[500000]);
    expect(g.values[10]).toHaveLength(0);
  });

  it("trims trailing empty strings and keeps short rows short", async () => {
    const { grids } = await roundTrip({
      name: "T",
      values: [
        ["a", null, null],
        [null, null, "c"],
        ["", ""],
      ],
    });
    const g = grids[0];
    expect(g.values).toEqual([["a"], [null, null, "c"]]);
  });

  it("skips the store sheet and the product's own summary sheets, reporting progress per sheet", async () => {
    const store = { ...emptyStore(), summarySheets: [{ name: "Tổng hợp", key: "summary_units", marker: "m1" }] };
    const buf = await buildXlsx(
      [
        { name: "PL I", values: [["a"]] },
        { name: "Tổng hợp", values: [["summary"]] },
        { name: "Ghi chú", values: [["n"]] },
      ],
      { store },
    );
    const progress: string[] = [];
    const { grids, store: read } = await readXlsxBytes(buf, "b.xlsx", {
      onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.sheet}`),
    });
    expect(grids.map((g) => g.name)).toEqual(["PL I", "Ghi chú"]);
    expect(progress).toEqual(["1/2 PL I", "2/2 Ghi chú"]);
    expect(read.summarySheets).toHaveLength(1);
  });

  it("reads grids from a workbook without the store sheet", async () => {
    const wb = await loadWorkbook(await buildXlsx([{ name: "X", values: [["x"]] }], { store: emptyStore() }), "x.xlsx");
    expect(wb.sheets().map((s) => s.name)).toEqual(["X", "_phuluc"]);
    expect(readGrids(wb).grids.map((g) => g.name)).toEqual(["X"]);
  });
});

describe("read-only loading", () => {
  it("a read-only load (the CLI's check) gives the same grids", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL I");
    ws.getCell("A1").value = "STT";
    ws.getCell("B1").value = "Nội dung";
    ws.getCell("A2").value = 1;
    ws.getCell("B2").value = { text: "Công an xã", hyperlink: "https://example.vn" };
    ws.getCell("A3").value = 2;
    ws.getCell("B3").value = new Date(Date.UTC(2026, 5, 30));
    ws.getCell("B3").numFmt = "dd/mm/yyyy";
    ws.mergeCells(1, 1, 1, 2);
    (ws as any).dataValidations.add("B2:B3", { type: "list", allowBlank: true, formulae: ['"a,b"'] });
    ws.addConditionalFormatting({ ref: "A1:A3", rules: [{ type: "expression", priority: 1, formulae: ["A1>1"], style: {} }] });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const full = await readXlsxBytes(buf, "a.xlsx");
    const ro = await readXlsxBytes(buf, "a.xlsx", { readOnly: true });
    expect(ro.grids).toEqual(full.grids);
    expect(cellAt(ro.grids[0], 2, 2)).toBe("Công an xã");
    expect(ro.grids[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("a damaged sheet: read-only skips and names it, a load that may be saved refuses the file (with the parser's reason as cause)", async () => {
    const bytes = await rawXlsx([
      { name: "Tốt", rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` },
      { name: "Hỏng", xml: `<worksheet><sheetData><row><c r=` },
    ]);
    const ro = await readXlsxBytes(bytes, "h.xlsx", { readOnly: true });
    expect(ro.grids.map((g) => g.name)).toEqual(["Tốt"]);
    expect(ro.skippedSheets).toEqual(["Hỏng"]);
    const e = await readXlsxBytes(bytes, "h.xlsx").catch((x) => x);
    expect(e).toBeInstanceOf(XlsxReadError);
    expect(e.code).toBe("corrupt");
    expect(e.cause).toBeInstanceOf(Error);
    expect(String(e.cause.message)).toMatch(/cut off|unclosed|unterminated/);
  });
});

describe("files that are not .xlsx workbooks", () => {
  async function codeOf(bytes: Uint8Array): Promise<string> {
    try {
      await loadWorkbook(bytes, "bao-cao.xlsx");
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      expect((e as Error).message).toContain("bao-cao.xlsx");
      return (e as XlsxReadError).code;
    }
    throw new Error("no error thrown");
  }

  it("an empty file", async () => {
    expect(await codeOf(new Uint8Array(0))).toBe("empty");
  });

  it("an OLE/CFB file: password-protected .xlsx or old .xls, both named", async () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codeOf(cfb)).toBe("cfb");
    try {
      await loadWorkbook(cfb, "x.xlsx");
    } catch (e) {
      expect((e as Error).message).toMatch(/mật khẩu/);
      expect((e as Error).message).toMatch(/\.xls\b/);
    }
  });

  it("a CSV renamed .xlsx", async () => {
    expect(await codeOf(new TextEncoder().encode("STT,Nội dung,Cơ quan chủ trì\n1,Việc,Công an xã\n"))).toBe("text");
  });

  it("a zip that is not an xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A");
    const real = Buffer.from(await wb.xlsx.writeBuffer());
    // The same zip with its workbook part renamed is no longer a spreadsheet.
    const s = real.toString("latin1").split("xl/workbook.xml").join("xl/notebook.xml");
    expect(await codeOf(Buffer.from(s, "latin1"))).toBe("not_xlsx");
  });

  it("random binary bytes", async () => {
    const b = new Uint8Array(300);
    for (let i = 0; i < b.length; i++) b[i] = (i * 37) % 256;
    expect(await codeOf(b)).toBe("not_zip");
  });

  it("a truncated xlsx", async () => {
    const buf = await buildXlsx([{ name: "A", values: [["a"]] }]);
    expect(await codeOf(buf.subarray(0, buf.length - 40))).toBe("corrupt");
  });

  it("accepts an ArrayBuffer (browser) as well as a Buffer", async () => {
    const buf = await buildXlsx([{ name: "A", values: [["a"]] }]);
    const ab = new Uint8Array(buf).buffer as ArrayBuffer;
    const { grids } = await readXlsxBytes(ab, "a.xlsx");
    expect(grids[0].values).toEqual([["a"]]);
  });
});

describe("why a file was refused (PHULUC_DEBUG)", () => {
  it("the CLI prints the cause chain under the Vietnamese line only when PHULUC_DEBUG is set", async () => {
    const { runMain } = await import("../hardening/support/cli");
    const { makeTempDir, removeTempDir } = await import("../support/xlsx-builder");
    const fs = await import("fs");
    const path = await import("path");
    const dir = makeTempDir();
    try {
      const bytes = await rawXlsx([{ name: "A", rows: "" }]);
      const { patchZip } = await import("../hardening/support/craft");
      const broken = await patchZip(bytes, (zip) => void zip.file("xl/workbook.xml", "<workbook><sheets>"));
      const file = path.join(dir, "hỏng.xlsx");
      fs.writeFileSync(file, broken);
      const plain = await runMain(["check", file]);
      expect(plain.code).toBe(2);
      expect(plain.err.trim().split("\n")).toHaveLength(1);
      process.env.PHULUC_DEBUG = "1";
      try {
        const debug = await runMain(["check", file]);
        expect(debug.code).toBe(2);
        const lines = debug.err.trim().split("\n");
        expect(lines[0]).toBe(plain.err.trim());
        expect(lines[1]).toMatch(/^cause: XmlFormatError: .*sheets/);
      } finally {
        delete process.env.PHULUC_DEBUG;
      }
    } finally {
      removeTempDir(dir);
    }
  });
});

describe("packages other tools write", () => {
  const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>giá trị</t></is></c></row>`;

  it("finds sheet parts by percent-encoded or plain targets, absolute or relative, under any name", async () => {
    const { patchZip } = await import("../hardening/support/craft");
    // The zip holds "trang 1.xml"; the relationship says "trang%201.xml" (the part name as an IRI).
    const plain = await patchZip(await rawXlsx([{ name: "A", rows: row, part: "xl/trang 1.xml" }]), async (zip) => {
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file("xl/_rels/workbook.xml.rels", rels.replace('Target="trang 1.xml"', 'Target="./trang%201.xml"'));
    });
    expect(cellAt((await readXlsxBytes(plain, "p.xlsx")).grids[0], 1, 1)).toBe("giá trị");
    // The zip holds the encoded name itself, and the relationship says it the same way.
    const encoded = await rawXlsx([{ name: "A", rows: row, part: "xl/sheets/s%C3%A1ch.xml", absolute: true }]);
    expect(cellAt((await readXlsxBytes(encoded, "e.xlsx")).grids[0], 1, 1)).toBe("giá trị");
  });

  it("reads shared strings with rich-text runs and phonetic guides, inline rich text, str and bool cells, _xHHHH_ escapes", async () => {
    const sst = [
      `<si><t>Phòng Kinh tế</t></si>`,
      `<si><r><rPr><b/></rPr><t>Phòng </t></r><r><t xml:space="preserve">Văn hóa</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`,
      `<si><t>dòng một_x000D_
dòng hai</t></si>`,
    ];
    const rows =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><r><t>Công </t></r><r><t>an xã</t></r></is></c><c r="B2" t="str"><f>A1&amp;""</f><v>kết quả</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>` +
      `<row><c t="inlineStr"><is><t>hàng 3, không có r</t></is></c><c><v>7</v></c></row>`;
    const { grids } = await readXlsxBytes(await rawXlsx([{ name: "S", rows }], { sharedStrings: sst }), "s.xlsx");
    const g = grids[0];
    expect(g.values[0]).toEqual(["Phòng Kinh tế", "Phòng Văn hóa", "dòng một\r\ndòng hai"]);
    expect(g.values[1]).toEqual(["Công an xã", "kết quả", true, { error: "#N/A" }]);
    expect(g.values[2]).toEqual(["hàng 3, không có r", 7]);
  });

  it("skips chart, dialog and macro sheets without calling them damaged; prefixed XML reads like plain XML", async () => {
    const chartsheet = `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    const bytes = await rawXlsx(
      [
        { name: "Biểu đồ", kind: "chartsheet", xml: chartsheet, part: "xl/chartsheets/sheet1.xml" },
        { name: "PL I", rows: row.replace(/<(\/?)(row|c|is|t)\b/g, "<$1x:$2") },
        { name: "Hộp thoại", kind: "dialogsheet", xml: `<dialogsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` },
      ],
      { prefix: "x" },
    );
    const r = await readXlsxBytes(bytes, "c.xlsx", { readOnly: true });
    expect(r.grids.map((g) => g.name)).toEqual(["PL I"]);
    expect(r.skippedSheets).toEqual([]);
    expect(cellAt(r.grids[0], 1, 1)).toBe("giá trị");
  });

  it("a 1904-system workbook: date cells come out as 1900-system serials, plain numbers stay", async () => {
    const rows = `<row r="1"><c r="A1" s="1"><v>44893</v></c><c r="B1"><v>44893</v></c><c r="C1" s="2"><v>0</v></c></row>`;
    const { grids } = await readXlsxBytes(await rawXlsx([{ name: "D", rows }], { date1904: true }), "d.xlsx");
    expect(grids[0].values[0]).toEqual([46355, 44893, 1462]); // 29/11/2026, a number, 01/01/1904
  });
});
