/**
 * Writing cell values into a user's sheet of a workbook file (one-click fixes): only those cells' XML
 * changes; text is an inline string (never a formula, whatever it starts with), a number a number.
 * A date can be written as its serial with a date style (the later jobs' need). No Node API.
 */
import { fromA1 } from "../core/a1";
import { xlsxTexts } from "../i18n/xlsx";
import { patchSheetXml } from "./sheet-patch";
import type { XmlCellValue } from "./sheet-xml";
import type { XlsxWorkbook } from "./workbook";

export interface CellValueEdit {
  cell: string; // A1
  value: XmlCellValue;
}

/** Throws Error with a Vietnamese message for a sheet that is not there or a bad address. */
export function writeCellValues(wb: XlsxWorkbook, sheet: string, edits: CellValueEdit[]): void {
  const ws = wb.sheet(sheet);
  if (!ws || ws.kind !== "worksheet" || !ws.part) throw new Error(xlsxTexts.sheetNotFound(sheet));
  const byCell = new Map<string, XmlCellValue>();
  const targets = new Map<number, Set<number>>();
  for (const e of edits) {
    const a = fromA1(e.cell);
    if (!a) throw new Error(xlsxTexts.cellNotValid(e.cell));
    byCell.set(`${a.row}:${a.col}`, e.value);
    if (!targets.has(a.row)) targets.set(a.row, new Set());
    targets.get(a.row)!.add(a.col);
  }
  if (!byCell.size) return;
  const xml = wb.pkg.text(ws.part) ?? "";
  const next = patchSheetXml(xml, targets, (row, col) => {
    const v = byCell.get(`${row}:${col}`);
    return v === undefined ? null : { value: v };
  });
  wb.setSheetXml(ws.part, next);
}
