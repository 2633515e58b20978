/**
 * The task tables of a workbook as the split and the merge need them: per appendix sheet its header,
 * every row's kind (title, header, group, task, continuation…) and, per task row, the cells of the
 * fill-in columns — read from the sheet decoded to Unicode (TCVN3/VNI sheets, and legacy cells pasted
 * into Unicode sheets, exactly as the engine reads them), with the raw cell kept beside for writing back.
 */
import { toA1 } from "../a1";
import type { Grid } from "../grid";
import { cellAt, formatAt, isCellError } from "../grid";
import type { HeaderInfo } from "../header";
import type { TaskField } from "../columns";
import type { Report, SheetInfo } from "../report-schema";
import { decodeLegacyCells, decodeSheet } from "../sheet-encoding";
import { isEmptyValue, SheetView, TextCache } from "../sheet-view";
import { readRows, type TableRow } from "../table";
import { findHeader } from "../header";
import { TASK_COLUMNS } from "../columns";
import { FILL_FIELDS, fillValueOf, type FillField, type FillValue } from "./fields";

export interface TaskTable {
  name: string;
  encoding: SheetInfo["encoding"];
  header: HeaderInfo<TaskField>;
  /** Every row below the header, with its kind (read when first asked: the merge never needs them). */
  readonly rows: TableRow<TaskField>[];
  /** The sheet decoded to Unicode (merges as in the sheet). */
  view: SheetView;
  /** The sheet as read (not decoded): what is written back on undo. */
  raw: Grid;
  /** The table's last column: the rightmost column with a header label. */
  lastCol: number;
}

class ReadTable implements TaskTable {
  private read: TableRow<TaskField>[] | null = null;
  constructor(
    readonly name: string,
    readonly encoding: SheetInfo["encoding"],
    readonly header: HeaderInfo<TaskField>,
    readonly view: SheetView,
    readonly raw: Grid,
    readonly lastCol: number,
  ) {}

  get rows(): TableRow<TaskField>[] {
    return (this.read ??= readRows(this.view, TASK_COLUMNS, this.header));
  }
}

export interface FillCell {
  field: FillField;
  row: number;
  col: number;
  /** A1 of the cell itself. */
  cell: string;
  /** Decoded value (merges applied). */
  value: FillValue;
  /** The cell is part of a merged area (a value written there would show for other tasks too, or not at all). */
  merged: boolean;
  /** The raw cell (not decoded, merges not applied) and its number format: what undo puts back. */
  raw: string | number | boolean | null;
  format: string | null;
}

/** Task tables of the report's appendix sheets, by sheet name (sheets whose header cannot be found again are left out). */
export function readTaskTables(report: Report, grids: readonly Grid[]): Map<string, TaskTable> {
  const byName = new Map(grids.map((g) => [g.name, g]));
  const out = new Map<string, TaskTable>();
  for (const info of report.sheets) {
    if (info.role !== "appendix" || info.headerRow === null) continue;
    const grid = byName.get(info.name);
    if (!grid) continue;
    const decoded = decodeSheet(grid);
    const unicode = decoded.encoding === "unicode" ? decodeLegacyCells(grid).grid : decoded.grid;
    const view = new SheetView(unicode, new TextCache());
    const header = findHeader(view, TASK_COLUMNS);
    if (!header) continue;
    out.set(info.name, new ReadTable(info.name, info.encoding, header, view, grid, headerLastCol(view, header)));
  }
  return out;
}

function headerLastCol(view: SheetView, header: HeaderInfo<TaskField>): number {
  let last = 0;
  for (const c of header.columns.values()) last = Math.max(last, c);
  for (let r = header.row; r < header.row + header.height; r++)
    for (let c = view.firstCol; c <= view.lastCol; c++) if (view.text(r, c)) last = Math.max(last, c);
  return last;
}

/**
 * The rightmost column that holds anything in the table — its header rows and every row down to `bottom`
 * (a column of the office's own notes left without a header counts): a column added to the table goes to
 * its right, never over those notes.
 */
export function valueLastCol(table: TaskTable, bottom: number): number {
  const { view } = table;
  let last = table.lastCol;
  const end = Math.min(bottom, view.lastRow);
  for (let r = table.header.row; r <= end; r++) {
    const values = view.grid.values[r - view.firstRow];
    if (!values) continue;
    for (let i = values.length - 1; i >= 0 && view.firstCol + i > last; i--)
      if (!isEmptyValue(values[i])) {
        last = view.firstCol + i;
        break;
      }
  }
  for (const m of view.grid.merges) if (m.top <= end && m.bottom >= table.header.row && m.left <= last && m.right > last) last = m.right;
  return last;
}

/** The fill-in cells of a task row (fields whose column the table has). */
export function fillCells(table: TaskTable, row: number): Partial<Record<FillField, FillCell>> {
  const out: Partial<Record<FillField, FillCell>> = {};
  for (const field of FILL_FIELDS) {
    const col = table.header.columns.get(field);
    if (col === undefined) continue;
    const ref = table.view.ref(row, col);
    const value: FillValue = ref.error !== null ? { kind: "text", text: ref.error } : fillValueOf(field, ref.value, ref.format, ref.text);
    const raw = cellAt(table.raw, row, col);
    out[field] = {
      field,
      row,
      col,
      cell: toA1(row, col),
      value,
      merged: table.view.mergeAt(row, col) !== undefined,
      raw: isCellError(raw) || raw === undefined ? null : raw,
      format: formatAt(table.raw, row, col),
    };
  }
  return out;
}

/** The A1 cell of a task's column (null when the table has no such column). */
export function fieldCell(table: TaskTable, row: number, field: TaskField): string | null {
  const col = table.header.columns.get(field);
  return col === undefined ? null : toA1(row, col);
}
