/** The preview's workbook: an ExcelJS workbook in memory, its port, its grid view and its download. */
import "../../core/zod-jitless";
import type ExcelJS from "exceljs";
import type { Grid } from "../../core/grid";
import { loadWorkbook, worksheetToGrid } from "../../xlsx/read";
import { XlsxWorkbookPort } from "../../xlsx/port";
import type { PreviewSheet, PreviewWorkbook } from "./sheet-model";

function argbToCss(argb: unknown): string | null {
  if (typeof argb !== "string" || !/^[0-9a-f]{6,8}$/i.test(argb)) return null;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function fillOf(ws: ExcelJS.Worksheet, row: number, col: number): string | null {
  const r = ws.findRow(row);
  const cell = r?.findCell(col);
  const fill = cell?.fill;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return argbToCss(fill.fgColor?.argb);
}

export class XlsxPreviewWorkbook implements PreviewWorkbook {
  private constructor(
    readonly fileName: string,
    readonly workbook: ExcelJS.Workbook,
    readonly port: XlsxWorkbookPort,
  ) {}

  static async open(bytes: ArrayBuffer, fileName: string): Promise<XlsxPreviewWorkbook> {
    const wb = await loadWorkbook(bytes, fileName);
    return new XlsxPreviewWorkbook(fileName, wb, new XlsxWorkbookPort(wb));
  }

  sheets(): PreviewSheet[] {
    return this.workbook.worksheets
      .filter((ws) => (ws.state ?? "visible") === "visible")
      .map((ws) => {
        // Only the shown sheet is converted (big workbooks refresh after every highlight or fix).
        let grid: Grid | null = null;
        return {
          name: ws.name,
          get grid() {
            return (grid ??= worksheetToGrid(ws));
          },
          fill: (row: number, col: number) => fillOf(ws, row, col),
        };
      });
  }

  async toBlob(): Promise<Blob> {
    const bytes = await this.port.toBuffer();
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  }
}
