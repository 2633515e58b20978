import ExcelJS from "exceljs";
import { cellAt } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import { readStore } from "../../src/xlsx/store";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { HIGHLIGHT_RGB } from "../../src/xlsx/fill";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx, type SheetSource } from "../support/xlsx-builder";
import { excelJsBytes, openExcelJs, zipEntries } from "../support/xlsx-file";
import type { SummarySpec } from "../../src/core/sheet-spec";

function sheet(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I")
    .header()
    .group("I", "Nhóm")
    .task({ stt: 1, content: "Việc một", lead: "Phong Van hoa - Xa hoi", deadline: "Tháng 13/2026" })
    .task({ stt: 2, content: "Việc hai", lead: "Công an xã", deadline: "Quý II/2026" });
}

async function portOf(sheets: SheetSource[] | ExcelJS.Workbook, options = {}): Promise<XlsxWorkbookPort> {
  const bytes = Array.isArray(sheets) ? await buildXlsx(sheets) : await excelJsBytes(sheets);
  return XlsxWorkbookPort.fromBytes(bytes, "a.xlsx", options);
}

async function reopen(port: XlsxWorkbookPort, options = {}): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.fromBytes(await port.toBuffer(), "re.xlsx", options);
}

/** ExcelJS's view of the port's saved workbook (an independent reader). */
async function viewOf(port: XlsxWorkbookPort): Promise<ExcelJS.Workbook> {
  return openExcelJs(await port.toBuffer());
}

const argbOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null;
/** No fill shown: none at all, or pattern "none" (ExcelJS writes that for styled cells). */
const noFill = (c: ExcelJS.Cell) =>
  c.fill === undefined || (c.fill.type === "pattern" && (c.fill as ExcelJS.FillPattern).pattern === "none");

describe("XlsxWorkbookPort", () => {
  it("reads the user's sheets with progress per sheet", async () => {
    const port = await portOf([sheet(), { name: "Ghi chú", values: [["x"]] }]);
    const seen: string[] = [];
    const grids = await port.readSheets((p) => seen.push(`${p.done}/${p.total}:${p.sheet}`));
    expect(grids.map((g) => g.name)).toEqual(["PL I", "Ghi chú"]);
    expect(seen).toEqual(["1/2:PL I", "2/2:Ghi chú"]);
    expect(cellAt(grids[0], 4, 4)).toBe("Phong Van hoa - Xa hoi");
  });

  it("writes fixes as text: values starting with = + - @ stay strings, no <f> in the saved file", async () => {
    const port = await portOf([sheet()]);
    const tricky = ['=HYPERLINK("http://x")', "+84 912 345 678", "-5", "@SUM(A1)", "Phòng Văn hóa - Xã hội"];
    await port.writeCells(
      "PL I",
      tricky.map((value, i) => ({ cell: `D${5 + i}`, value })),
    );
    const parts = await zipEntries(await port.toBuffer());
    const names = [...parts.keys()].filter((n) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(parts.get(n)!.toString("utf8")).not.toMatch(/<f[\s>]/);
    const ws = (await viewOf(port)).getWorksheet("PL I")!;
    tricky.forEach((v, i) => {
      expect(ws.getCell(`D${5 + i}`).value).toBe(v);
      expect(ws.getCell(`D${5 + i}`).type).toBe(ExcelJS.ValueType.String);
    });
    // And the port reads its own edit back.
    const grids = await port.readSheets();
    expect(cellAt(grids[0], 5, 4)).toBe(tricky[0]);
  });

  it("a fix keeps the cell's style and replaces a formula; numbers can be written as numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("A1").font = { bold: true };
    ws.getCell("B2").value = "x";
    const port = await portOf(wb);
    await port.writeCells("S", [{ cell: "A1", value: "Công an xã" }]);
    await port.writeValues("S", [{ cell: "C3", value: 12.5 }]);
    const back = (await viewOf(port)).getWorksheet("S")!;
    expect(back.getCell("A1").value).toBe("Công an xã");
    expect(back.getCell("A1").font.bold).toBe(true);
    expect(back.getCell("B2").value).toBe("x");
    expect(back.getCell("C3").value).toBe(12.5);
  });

  it("rejects a missing sheet or a bad address with a Vietnamese message", async () => {
    const port = await portOf([sheet()]);
    await expect(port.writeCells("Không có", [{ cell: "A1", value: "x" }])).rejects.toThrow(/Không có trang tính/);
    await expect(port.writeCells("PL I", [{ cell: "1A", value: "x" }])).rejects.toThrow(/không hợp lệ/);
  });

  it("highlights reversibly: no previous fill, a previous fill, a shared style, a missing cell and a user change", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ["a", "b", "c", "d"].forEach((v, i) => (ws.getCell(1, i + 1).value = v));
    ws.getCell("A2").value = "yellow";
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("E1").value = "e";
    ws.getCell("E1").font = { italic: true };
    ws.getCell("B1").font = { italic: true };
    const input = await excelJsBytes(wb);
    const port = await XlsxWorkbookPort.fromBytes(input, "a.xlsx");
    await port.highlight([
      { sheet: "S", cell: "A1", severity: "error" },
      { sheet: "S", cell: "A2", severity: "warning" },
      { sheet: "S", cell: "B1", severity: "warning" },
      { sheet: "S", cell: "B1", severity: "error" },
      { sheet: "S", cell: "C1", severity: "warning" },
      { sheet: "S", cell: "F9", severity: "warning" },
      { sheet: "Nope", cell: "A1", severity: "error" },
    ]);
    const lit = (await viewOf(port)).getWorksheet("S")!;
    expect(argbOf(lit.getCell("A1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    expect(argbOf(lit.getCell("A2"))).toBe("FF" + HIGHLIGHT_RGB.warning);
    expect(argbOf(lit.getCell("B1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    expect(lit.getCell("B1").font.italic).toBe(true); // its own style, with the fill
    expect(argbOf(lit.getCell("F9"))).toBe("FF" + HIGHLIGHT_RGB.warning);
    expect(noFill(lit.getCell("E1"))).toBe(true); // the same style elsewhere is not painted
    expect(readStore(port.workbook).store.highlights).toHaveLength(5);

    // The user repaints C1 green meanwhile (in Excel): that cell is theirs now.
    const edited = await openExcelJs(await port.toBuffer());
    // (A fresh style object: ExcelJS shares one between cells of the same style, Excel does not.)
    const c1 = edited.getWorksheet("S")!.getCell("C1");
    c1.style = { ...c1.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } } };
    const again = await portOf(edited);
    await again.clearHighlights();
    const back = (await viewOf(again)).getWorksheet("S")!;
    expect(noFill(back.getCell("A1"))).toBe(true);
    expect(argbOf(back.getCell("A2"))).toBe("FFFFFF00");
    expect(noFill(back.getCell("B1"))).toBe(true);
    expect(back.getCell("B1").font.italic).toBe(true);
    expect(argbOf(back.getCell("C1"))).toBe("FF00FF00");
    expect(noFill(back.getCell("F9"))).toBe(true);
    expect(readStore(again.workbook).store.highlights).toEqual([]);
  });

  it("highlight → clear gives back the user's sheet XML byte for byte (a cell phuluc added goes again)", async () => {
    const input = await buildXlsx([sheet(), { name: "Ghi chú", values: [["x"]], cells: [{ row: 2, col: 1, value: "y", fill: "FFFF00" }] }]);
    const port = await XlsxWorkbookPort.fromBytes(input, "a.xlsx");
    await port.highlight([
      { sheet: "PL I", cell: "D4", severity: "error" },
      { sheet: "PL I", cell: "Z40", severity: "warning" },
      { sheet: "Ghi chú", cell: "A2", severity: "error" },
    ]);
    const mid = await zipEntries(await port.toBuffer());
    await port.clearHighlights();
    const after = await zipEntries(await port.toBuffer());
    const before = await zipEntries(input);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      expect(mid.get(part)).not.toEqual(before.get(part));
      expect(after.get(part)!.toString("utf8")).toBe(before.get(part)!.toString("utf8"));
    }
  });

  it("highlights survive a save and reopen, and clear restores the original file's fills", async () => {
    const port = await portOf([{ name: "S", values: [["a"]], cells: [{ row: 2, col: 1, value: "y", fill: "FFFF00" }] }]);
    await port.highlight([
      { sheet: "S", cell: "A1", severity: "error" },
      { sheet: "S", cell: "A2", severity: "error" },
    ]);
    const reopened = await reopen(port);
    expect(argbOf((await viewOf(reopened)).getWorksheet("S")!.getCell("A1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    await reopened.clearHighlights();
    const final = (await viewOf(await reopen(reopened))).getWorksheet("S")!;
    expect(noFill(final.getCell("A1"))).toBe(true);
    expect(argbOf(final.getCell("A2"))).toBe("FFFFFF00");
  });

  it("clears highlights the Office.js adapter recorded (bare colours)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "a";
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("A2").value = "b";
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
    const store = wb.addWorksheet("_phuluc");
    store.state = "veryHidden";
    store.getCell("A1").value = JSON.stringify({
      version: 1,
      summarySheets: [],
      highlights: [
        { sheet: "S", cell: "A1", previousFill: null, appliedFill: "FFC7CE" },
        { sheet: "S", cell: "A2", previousFill: "#00B050", appliedFill: "#FFEB9C" },
      ],
    });
    const port = await portOf(wb);
    await port.clearHighlights();
    const back = (await viewOf(port)).getWorksheet("S")!;
    expect(noFill(back.getCell("A1"))).toBe(true);
    expect(argbOf(back.getCell("A2"))).toBe("FF00B050");
  });

  it("a new highlight replaces the previous one", async () => {
    const port = await portOf([{ name: "S", values: [["a", "b"]] }]);
    await port.highlight([{ sheet: "S", cell: "A1", severity: "error" }]);
    await port.highlight([{ sheet: "S", cell: "B1", severity: "warning" }]);
    const ws = (await viewOf(port)).getWorksheet("S")!;
    expect(noFill(ws.getCell("A1"))).toBe(true);
    expect(argbOf(ws.getCell("B1"))).toBe("FF" + HIGHLIGHT_RGB.warning);
  });

  it("select calls the onSelect callback for an existing sheet", async () => {
    const calls: string[] = [];
    const port = await portOf([sheet()], { onSelect: (s: string, c: string) => calls.push(`${s}!${c}`) });
    await port.select("PL I", "D5");
    await port.select("Không có", "A1");
    expect(calls).toEqual(["PL I!D5"]);
  });

  it("settings: defaults, saved and reloaded from the very hidden store sheet, corrupt → defaults + warning", async () => {
    const port = await portOf([sheet()]);
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    const s = defaultSettings();
    s.communeName = "UBND xã Chí Minh";
    s.planYear = 2026;
    s.units.push({ name: "Ban Chỉ huy Quân sự xã", aliases: [] });
    await port.saveSettings(s);
    const again = await reopen(port);
    expect((await again.loadSettings()).settings).toEqual(s);
    expect((await viewOf(again)).getWorksheet("_phuluc")!.state).toBe("veryHidden");
    expect((await again.readSheets()).map((g) => g.name)).toEqual(["PL I"]);

    const corrupt = await XlsxWorkbookPort.fromBytes(
      await buildXlsx([sheet()], { storeChunks: ['{"version":1,"settings":{"units":5}}'] }),
      "c.xlsx",
    );
    const loaded = await corrupt.loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.warning).toMatch(/bị hỏng/);
  });

  it("writeSummary delegates to the summary writer; the summary is not read back as user data", async () => {
    const port = await portOf([sheet()]);
    const spec: SummarySpec = {
      marker: "phuluc-test",
      sheets: [
        {
          key: "summary_units",
          name: "Tổng hợp",
          styles: {},
          cells: [{ row: 1, col: 1, value: "=1+1" }],
          merges: [],
          columnWidths: [20],
          visuals: [],
          print: {
            paper: "A4",
            orientation: "landscape",
            fitToWidth: 1,
            margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
          },
        },
      ],
    };
    const res = await port.writeSummary(spec);
    expect(res.sheetNames).toEqual(["Tổng hợp"]);
    expect((await viewOf(port)).getWorksheet("Tổng hợp")!.getCell("A1").value).toBe("=1+1");
    expect((await port.readSheets()).map((g) => g.name)).toEqual(["PL I"]);
  });
});
