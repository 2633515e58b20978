/**
 * Writing cell values into a user's sheet of a workbook file: only those cells' XML changes; text is an
 * inline string (never a formula, whatever it starts with), a number a number, a date a serial with a
 * date style. No Node API.
 */
import { fromA1 } from "../core/a1";
import { isoToSerial } from "../core/dates";
import { xlsxTexts } from "../i18n/xlsx";
import { patchSheetXml } from "./sheet-patch";
import { DATE_1904_OFFSET } from "./sheet-reader";
import type { XmlCellValue } from "./sheet-xml";
import type { XlsxWorkbook } from "./workbook";

export interface CellValueEdit {
  cell: string; // A1
  value: XmlCellValue;
}

/** One cell of a batch: a value (a date as ISO, written as a serial of the workbook's date system) and optionally its number format. */
export interface BatchEdit {
  cell: string; // A1
  value: XmlCellValue | { date: string };
  numberFormat?: string;
}

/**
 * Write cells of one sheet in one pass over its XML (one-click fixes, the merge of the units' returns and
 * its undo): text as an inline string, a number as a number, a date as a serial of the workbook's date
 * system; a number format given with a value becomes a copy of the cell's own style with that format (its
 * font, fill and borders kept). Throws Error with a Vietnamese message for a sheet that is not there or a
 * bad address.
 */
export function writeCellBatch(wb: XlsxWorkbook, sheet: string, edits: BatchEdit[]): void {
  const ws = wb.sheet(sheet);
  if (!ws || ws.kind !== "worksheet" || !ws.part) throw new Error(xlsxTexts.sheetNotFound(sheet));
  const date1904 = wb.workbookXml().date1904();
  const byCell = new Map<string, BatchEdit>();
  const targets = new Map<number, Set<number>>();
  for (const e of edits) {
    const a = fromA1(e.cell);
    if (!a) throw new Error(xlsxTexts.cellNotValid(e.cell));
    byCell.set(`${a.row}:${a.col}`, e);
    if (!targets.has(a.row)) targets.set(a.row, new Set());
    targets.get(a.row)!.add(a.col);
  }
  if (!byCell.size) return;
  const derived = new Map<string, number>();
  const xml = wb.pkg.text(ws.part) ?? "";
  const next = patchSheetXml(xml, targets, (row, col, state) => {
    const e = byCell.get(`${row}:${col}`);
    if (!e) return null;
    let value: XmlCellValue;
    if (e.value !== null && typeof e.value === "object") {
      const serial = isoToSerial(e.value.date);
      value = Number.isNaN(serial) ? e.value.date : serial - (date1904 ? DATE_1904_OFFSET : 0);
    } else value = e.value;
    if (!e.numberFormat) return { value };
    const from = state.style ?? 0;
    const key = `${from}|${e.numberFormat}`;
    let style = derived.get(key);
    if (style === undefined) derived.set(key, (style = wb.styles().xfWithNumFmt(from, e.numberFormat)));
    return { value, style: style === 0 ? null : style };
  });
  wb.setSheetXml(ws.part, next);
}
