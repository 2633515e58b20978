import ExcelJS from "exceljs";
import { cellAt } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import { readStore } from "../../src/xlsx/store";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { HIGHLIGHT_RGB } from "../../src/xlsx/fill";
import { GridBuilder } from "../support/grid-builder";
import { buildWorkbook, buildXlsx } from "../support/xlsx-builder";
import type { SummarySpec } from "../../src/core/summary/spec";

const JSZip = require("jszip");

function sheet(): GridBuilder {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I")
    .header()
    .group("I", "Nhóm")
    .task({ stt: 1, content: "Việc một", lead: "Phong Van hoa - Xa hoi", deadline: "Tháng 13/2026" })
    .task({ stt: 2, content: "Việc hai", lead: "Công an xã", deadline: "Quý II/2026" });
}

async function reopen(port: XlsxWorkbookPort, options = {}): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.fromBytes(await port.toBuffer(), "re.xlsx", options);
}

const argbOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null;

describe("XlsxWorkbookPort", () => {
  it("reads the user's sheets with progress per sheet", async () => {
    const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([sheet(), { name: "Ghi chú", values: [["x"]] }]), "a.xlsx");
    const seen: string[] = [];
    const grids = await port.readSheets((p) => seen.push(`${p.done}/${p.total}:${p.sheet}`));
    expect(grids.map((g) => g.name)).toEqual(["PL I", "Ghi chú"]);
    expect(seen).toEqual(["1/2:PL I", "2/2:Ghi chú"]);
    expect(cellAt(grids[0], 4, 4)).toBe("Phong Van hoa - Xa hoi");
  });

  it("writes fixes as text: values starting with = + - @ stay strings, no <f> in the saved file", async () => {
    const port = new XlsxWorkbookPort(buildWorkbook([sheet()]));
    const tricky = ['=HYPERLINK("http://x")', "+84 912 345 678", "-5", "@SUM(A1)", "Phòng Văn hóa - Xã hội"];
    await port.writeCells(
      "PL I",
      tricky.map((value, i) => ({ cell: `D${5 + i}`, value })),
    );
    const bytes = await port.toBuffer();
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n: string) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(await zip.file(n).async("string")).not.toMatch(/<f[\s>]/);
    const again = await XlsxWorkbookPort.fromBytes(bytes, "a.xlsx");
    const ws = again.workbook.getWorksheet("PL I")!;
    tricky.forEach((v, i) => {
      expect(ws.getCell(`D${5 + i}`).value).toBe(v);
      expect(ws.getCell(`D${5 + i}`).type).toBe(ExcelJS.ValueType.String);
    });
  });

  it("rejects a missing sheet or a bad address with a Vietnamese message", async () => {
    const port = new XlsxWorkbookPort(buildWorkbook([sheet()]));
    await expect(port.writeCells("Không có", [{ cell: "A1", value: "x" }])).rejects.toThrow(/Không có trang tính/);
    await expect(port.writeCells("PL I", [{ cell: "1A", value: "x" }])).rejects.toThrow(/không hợp lệ/);
  });

  it("highlights reversibly: no previous fill, a previous fill, a shared style and a user change", async () => {
    const wb = buildWorkbook([
      {
        name: "S",
        values: [["a", "b", "c", "d"]],
        cells: [{ row: 2, col: 1, value: "yellow", fill: "FFFF00" }],
      },
    ]);
    const ws = wb.getWorksheet("S")!;
    // B1 and E1 share one ExcelJS style object: highlighting B1 must not paint E1.
    ws.getCell("E1").style = ws.getCell("B1").style;
    const port = new XlsxWorkbookPort(wb);
    await port.highlight([
      { sheet: "S", cell: "A1", severity: "error" },
      { sheet: "S", cell: "A2", severity: "warning" },
      { sheet: "S", cell: "B1", severity: "warning" },
      { sheet: "S", cell: "B1", severity: "error" },
      { sheet: "S", cell: "C1", severity: "warning" },
      { sheet: "Nope", cell: "A1", severity: "error" },
    ]);
    expect(argbOf(ws.getCell("A1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    expect(argbOf(ws.getCell("A2"))).toBe("FF" + HIGHLIGHT_RGB.warning);
    expect(argbOf(ws.getCell("B1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    expect(ws.getCell("E1").fill).toBeUndefined();
    expect(readStore(wb).store.highlights).toHaveLength(4);
    // The user repaints C1 green meanwhile.
    ws.getCell("C1").style = { ...ws.getCell("C1").style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } } };

    await port.clearHighlights();
    expect(ws.getCell("A1").fill).toBeUndefined();
    expect(argbOf(ws.getCell("A2"))).toBe("FFFFFF00");
    expect(ws.getCell("B1").fill).toBeUndefined();
    expect(argbOf(ws.getCell("C1"))).toBe("FF00FF00");
    expect(readStore(wb).store.highlights).toEqual([]);
  });

  it("highlights survive a save and reopen, and clear restores the original file's fills", async () => {
    const port = await XlsxWorkbookPort.fromBytes(
      await buildXlsx([{ name: "S", values: [["a"]], cells: [{ row: 2, col: 1, value: "y", fill: "FFFF00" }] }]),
      "a.xlsx",
    );
    await port.highlight([
      { sheet: "S", cell: "A1", severity: "error" },
      { sheet: "S", cell: "A2", severity: "error" },
    ]);
    const reopened = await reopen(port);
    const ws = reopened.workbook.getWorksheet("S")!;
    expect(argbOf(ws.getCell("A1"))).toBe("FF" + HIGHLIGHT_RGB.error);
    await reopened.clearHighlights();
    const final = await reopen(reopened);
    const ws2 = final.workbook.getWorksheet("S")!;
    expect(ws2.getCell("A1").fill?.type === "pattern" ? ((ws2.getCell("A1").fill as ExcelJS.FillPattern).pattern ?? "none") : "none").toBe(
      "none",
    );
    expect(argbOf(ws2.getCell("A2"))).toBe("FFFFFF00");
  });

  it("a new highlight replaces the previous one", async () => {
    const port = new XlsxWorkbookPort(buildWorkbook([{ name: "S", values: [["a", "b"]] }]));
    const ws = port.workbook.getWorksheet("S")!;
    await port.highlight([{ sheet: "S", cell: "A1", severity: "error" }]);
    await port.highlight([{ sheet: "S", cell: "B1", severity: "warning" }]);
    expect(ws.getCell("A1").fill).toBeUndefined();
    expect(argbOf(ws.getCell("B1"))).toBe("FF" + HIGHLIGHT_RGB.warning);
  });

  it("select calls the onSelect callback for an existing sheet", async () => {
    const calls: string[] = [];
    const port = new XlsxWorkbookPort(buildWorkbook([sheet()]), { onSelect: (s, c) => calls.push(`${s}!${c}`) });
    await port.select("PL I", "D5");
    await port.select("Không có", "A1");
    expect(calls).toEqual(["PL I!D5"]);
  });

  it("settings: defaults, saved and reloaded from the very hidden store sheet, corrupt → defaults + warning", async () => {
    const port = new XlsxWorkbookPort(buildWorkbook([sheet()]));
    expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    const s = defaultSettings();
    s.communeName = "UBND xã Chí Minh";
    s.planYear = 2026;
    s.units.push({ name: "Ban Chỉ huy Quân sự xã", aliases: [] });
    await port.saveSettings(s);
    const again = await reopen(port);
    expect((await again.loadSettings()).settings).toEqual(s);
    expect(again.workbook.getWorksheet("_phuluc")!.state).toBe("veryHidden");
    expect((await again.readSheets()).map((g) => g.name)).toEqual(["PL I"]);

    const corrupt = new XlsxWorkbookPort(buildWorkbook([sheet()], { storeChunks: ['{"version":1,"settings":{"units":5}}'] }));
    const loaded = await corrupt.loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.warning).toMatch(/bị hỏng/);
  });

  it("writeSummary delegates to the summary writer; the summary is not read back as user data", async () => {
    const port = new XlsxWorkbookPort(buildWorkbook([sheet()]));
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
    expect(port.workbook.getWorksheet("Tổng hợp")!.getCell("A1").value).toBe("=1+1");
    expect((await port.readSheets()).map((g) => g.name)).toEqual(["PL I"]);
  });
});
