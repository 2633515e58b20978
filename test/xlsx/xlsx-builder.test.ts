import ExcelJS from "exceljs";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { emptyStore, STORE_SHEET } from "../../src/core/store";
import { excelJsStoreOf } from "../support/store-cells";

describe("xlsx builder (test support)", () => {
  it("writes grid values, merges, formats, visibility, formulas, rich text and the store", async () => {
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I")
      .header()
      .group("I", "Nhóm")
      .task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: 46356, status: { error: "#REF!" } }, { deadline: "dd/mm/yyyy" })
      .hidden("veryHidden");
    const buf = await buildXlsx(
      [
        g,
        {
          name: "Extra",
          values: [[{ formula: "1+1", result: 2 }, { richText: [{ text: "Phòng ", bold: true }, { text: "Kinh tế" }] }]],
        },
      ],
      { store: { ...emptyStore(), summarySheets: [{ name: "Tổng hợp", key: "k", marker: "m" }] } },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const ws = wb.getWorksheet("PL I")!;
    expect(ws.state).toBe("veryHidden");
    expect(ws.getCell("A1").value).toBe("PHỤ LỤC I");
    expect(ws.getCell("G4").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("G4").value).toBeInstanceOf(Date);
    expect(ws.getCell("H4").value).toEqual({ error: "#REF!" });
    expect((ws.model as any).merges).toContain("B3:J3");
    const ex = wb.getWorksheet("Extra")!;
    expect(ex.getCell("A1").value).toEqual({ formula: "1+1", result: 2 });
    expect((ex.getCell("B1").value as any).richText.map((p: any) => p.text).join("")).toBe("Phòng Kinh tế");
    const store = wb.getWorksheet(STORE_SHEET)!;
    expect(store.state).toBe("veryHidden");
    const decoded = excelJsStoreOf(store);
    expect(decoded.corrupt).toBe(false);
    expect(decoded.store.summarySheets[0].name).toBe("Tổng hợp");
  });
});
