/** The web app's file layer, loaded with the workspace: a workbook's bytes opened in memory. */
import type { WorkbookOpener } from "./opened";
import { XlsxPreviewWorkbook } from "../taskpane/preview/xlsx-workbook";

export const openXlsx: WorkbookOpener = (bytes, fileName) => XlsxPreviewWorkbook.open(bytes, fileName);
