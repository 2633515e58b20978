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
  /** A cell of the same sheet whose style the cell takes (before `numberFormat`). */
  styleFrom?: string;
  /** A formula written with the value (the value is what it shows). */
  formula?: string;
}

/** The style index of some cells of a sheet's XML (read with the patcher, nothing changed). */
function stylesOf(xml: string, cells: readonly string[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const targets = new Map<number, Set<number>>();
  for (const a1 of cells) {
    const a = fromA1(a1);
    if (!a) continue;
    if (!targets.has(a.row)) targets.set(a.row, new Set());
    targets.get(a.row)!.add(a.col);
  }
  patchSheetXml(xml, targets, (row, col, state) => {
    out.set(`${row}:${col}`, state.style);
    return null;
  });
  return out;
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
  const sources = edits.flatMap((e) => (e.styleFrom ? [e.styleFrom] : []));
  const looks = sources.length ? stylesOf(xml, sources) : new Map<string, number | null>();
  const lookOf = (a1: string) => {
    const a = fromA1(a1);
    return a ? (looks.get(`${a.row}:${a.col}`) ?? null) : null;
  };
  const next = patchSheetXml(xml, targets, (row, col, state) => {
    const e = byCell.get(`${row}:${col}`);
    if (!e) return null;
    let value: XmlCellValue;
    if (e.value !== null && typeof e.value === "object") {
      const serial = isoToSerial(e.value.date);
      value = Number.isNaN(serial) ? e.value.date : serial - (date1904 ? DATE_1904_OFFSET : 0);
    } else value = e.value;
    const own = e.styleFrom ? lookOf(e.styleFrom) : state.style;
    const formula = e.formula !== undefined ? { formula: e.formula } : {};
    if (!e.numberFormat) return e.styleFrom ? { value, style: own, ...formula } : { value, ...formula };
    const from = own ?? 0;
    const key = `${from}|${e.numberFormat}`;
    let style = derived.get(key);
    if (style === undefined) derived.set(key, (style = wb.styles().xfWithNumFmt(from, e.numberFormat)));
    return { value, style: style === 0 ? null : style, ...formula };
  });
  wb.setSheetXml(ws.part, next);
}
