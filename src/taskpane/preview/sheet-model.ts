/** What the preview grid shows of one sheet: its values (a Grid) and the fills of its cells. */
import type { CellValue, Grid } from "../../core/grid";
import { formatAt, isCellError } from "../../core/grid";
import { formatPercent } from "../../i18n/ui";

export interface PreviewSheet {
  name: string;
  grid: Grid;
  /** Background colour "#RRGGBB" of a cell (1-based sheet coordinates), or null. */
  fill(row: number, col: number): string | null;
}

export interface PreviewWorkbook {
  fileName: string;
  /** Visible sheets, in workbook order (the product's summaries included). */
  sheets(): PreviewSheet[];
  /** The workbook as .xlsx bytes (for "Tải xuống .xlsx"). */
  toBlob(): Promise<Blob>;
}

const DATE_FMT = /[dy]/i;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial → dd/mm/yyyy. */
export function serialToDate(serial: number): string {
  const d = new Date(EXCEL_EPOCH + Math.round(serial * 86400000));
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** The text a cell shows in the preview grid. */
export function displayValue(grid: Grid, row: number, col: number, v: CellValue): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    const fmt = formatAt(grid, row, col);
    if (fmt && DATE_FMT.test(fmt) && !/^\[?[$€]/.test(fmt) && v > 0 && v < 2958466) return serialToDate(v);
    if (fmt && fmt.includes("%")) return formatPercent(v);
    return String(Math.round(v * 1e6) / 1e6);
  }
  return v;
}
