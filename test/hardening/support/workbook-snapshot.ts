/**
 * A whole-workbook snapshot of the user's part of an .xlsx file, to prove that phuluc changed nothing
 * of it: sheet names, order and state; every cell's value, formula and style (number format, font,
 * fill, border, alignment, protection); merges; column widths, styles and hidden flags; row heights
 * and hidden flags; page setup (print area, print titles, margins, orientation), header/footer, views,
 * tab colour; data validations; conditional formats; auto filter; and the defined names read from the
 * workbook part with the product's XML parser (names, scope by sheet name, reference text, hidden) — not
 * through ExcelJS, which loses some of them (see test/hardening/nothing-lost.test.ts).
 */
import ExcelJS from "exceljs";
import { STORE_SHEET } from "../../../src/core/store";
import { XlsxWorkbook } from "../../../src/xlsx/workbook";

const clone = (v: unknown) => JSON.parse(JSON.stringify(v ?? null, (k, x) => (k === "x14Id" ? undefined : x)));

export interface DefinedNameSnapshot {
  name: string;
  scope: string | null;
  ref: string;
  hidden: boolean;
}

export interface WorkbookSnapshot {
  sheets: { name: string; state: string }[];
  detail: Record<string, unknown>;
  definedNames: DefinedNameSnapshot[];
}

function sheetDetail(ws: ExcelJS.Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined || row.hidden || row.outlineLevel)
      rows[r] = { height: row.height, hidden: row.hidden, outline: row.outlineLevel };
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = {
        type: cell.type,
        value: clone(cell.value),
        formula: cell.formula ?? null,
        style: clone(cell.style),
        note: clone(cell.note),
      };
    });
  });
  const cols: unknown[] = [];
  for (let c = 1; c <= Math.max(ws.columnCount, 1); c++) {
    const col = ws.getColumn(c);
    cols.push({ width: col.width, hidden: col.hidden, outline: col.outlineLevel, style: clone(col.style) });
  }
  return {
    cells,
    rows,
    cols,
    merges: Object.keys((ws as any)._merges ?? {}).sort(),
    pageSetup: clone(ws.pageSetup),
    headerFooter: clone(ws.headerFooter),
    views: clone(ws.views),
    properties: clone(ws.properties),
    autoFilter: clone(ws.autoFilter),
    conditionalFormattings: clone((ws as any).conditionalFormattings),
    dataValidations: clone((ws as any).dataValidations?.model),
  };
}

/** Snapshot of the user's sheets of an .xlsx (everything except `productSheets` and the store). */
export async function snapshotWorkbook(bytes: Buffer | Uint8Array, productSheets: string[] = []): Promise<WorkbookSnapshot> {
  const skip = new Set([STORE_SHEET, ...productSheets]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  const user = wb.worksheets.filter((w) => !skip.has(w.name));
  const detail: Record<string, unknown> = {};
  for (const ws of user) detail[ws.name] = sheetDetail(ws);
  const wbXml = XlsxWorkbook.open(bytes, "snapshot.xlsx").workbookXml();
  const order = wbXml.sheets().map((s) => s.name);
  const definedNames = wbXml
    .definedNames()
    .map((n) => ({
      name: n.name,
      scope: n.localSheetId === null ? null : (order[n.localSheetId] ?? `#${n.localSheetId}`),
      ref: n.ref,
      hidden: n.hidden,
    }))
    .filter((n) => n.scope === null || !skip.has(n.scope))
    .sort((a, b) => (a.name + "|" + a.scope).localeCompare(b.name + "|" + b.scope));
  return { sheets: user.map((w) => ({ name: w.name, state: w.state })), detail, definedNames };
}
