/** A workbook open in the web app: the preview's file model (sheets, bytes) and the port the pane works on. */
import type { WorkbookPort } from "../core/port";
import type { PreviewWorkbook } from "../taskpane/preview/sheet-model";

export type OpenedWorkbook = PreviewWorkbook & { port: WorkbookPort };

/** Opens a workbook's bytes (the xlsx file layer by default; tests inject a stand-in). */
export type WorkbookOpener = (bytes: ArrayBuffer, fileName: string) => Promise<OpenedWorkbook>;
