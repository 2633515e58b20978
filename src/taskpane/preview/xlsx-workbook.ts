/** The preview's workbook: a workbook file in memory (the package layer), its port, its grid view and its download. */
import "../../core/zod-jitless";
import type { Grid } from "../../core/grid";
import { cssColorOf } from "../../xlsx/fill";
import { XlsxWorkbookPort } from "../../xlsx/port";
import type { XlsxWorkbook } from "../../xlsx/workbook";
import type { PreviewSheet, PreviewWorkbook } from "./sheet-model";

export class XlsxPreviewWorkbook implements PreviewWorkbook {
  private constructor(
    readonly fileName: string,
    readonly port: XlsxWorkbookPort,
  ) {}

  get workbook(): XlsxWorkbook {
    return this.port.workbook;
  }

  static async open(bytes: ArrayBuffer, fileName: string): Promise<XlsxPreviewWorkbook> {
    return new XlsxPreviewWorkbook(fileName, await XlsxWorkbookPort.fromBytes(bytes, fileName));
  }

  sheets(): PreviewSheet[] {
    const wb = this.workbook;
    // Chart sheets and other non-worksheets have no cells to show; every visible worksheet is shown
    // (the product's summaries included, its store never: it is very hidden).
    return wb
      .sheets()
      .filter((s) => s.kind === "worksheet" && s.state === "visible")
      .map((ws) => {
        // Only the shown sheet is converted (big workbooks refresh after every highlight or fix).
        let grid: Grid | null = null;
        let styles: Map<number, Map<number, number>> | null = null;
        return {
          name: ws.name,
          get grid() {
            return (grid ??= wb.readGrid(ws));
          },
          fill: (row: number, col: number) => {
            styles ??= wb.cellStyles(ws);
            const s = styles.get(row)?.get(col);
            return s ? cssColorOf(wb.styles().fillOfXf(s)) : null;
          },
        };
      });
  }

  async toBlob(): Promise<Blob> {
    const bytes = await this.port.toBuffer();
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  }
}
