/**
 * Turns GridBuilder grids (or richer sheet descriptions) into a real .xlsx file with ExcelJS, so tests
 * read real workbooks without committed binaries.
 *
 *   const buf = await buildXlsx([new GridBuilder("PL I").title("PHỤ LỤC I").header().task({...})]);
 *   const file = await writeTempXlsx([grid], { store });
 *
 * Cell inputs beyond the Grid's CellValue: a JS Date, a formula with its cached result, rich text,
 * a hyperlink. Numbers with a date number format are written as numbers with that format (Excel's way).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergeArea } from "../../src/core/grid";
import { isCellError } from "../../src/core/grid";
import { STORE_SHEET, type Store } from "../../src/core/store";
import { putStore } from "./store-cells";
import { GridBuilder } from "./grid-builder";

export interface FormulaInput {
  formula: string;
  /** Cached result (what Excel shows); a CellError for an error result. */
  result?: CellValue | Date;
}

export interface RichTextInput {
  richText: { text: string; bold?: boolean; italic?: boolean; color?: string }[];
}

export interface HyperlinkInput {
  text: string;
  hyperlink: string;
}

export type XlsxCellInput = CellValue | Date | FormulaInput | RichTextInput | HyperlinkInput;

export interface XlsxSheetInput {
  name: string;
  visibility?: Grid["visibility"];
  /** Sheet coordinates of values[0][0] (default 1,1). */
  origin?: { row: number; col: number };
  values?: XlsxCellInput[][];
  numberFormats?: (string | null)[][];
  merges?: MergeArea[];
  /** Extra cells at absolute coordinates (e.g. a stray cell at row 1,048,576). */
  cells?: { row: number; col: number; value: XlsxCellInput; numFmt?: string; fill?: string }[];
  /** Column widths (1-based column → width in characters). */
  widths?: Record<number, number>;
}

export type SheetSource = Grid | GridBuilder | XlsxSheetInput;

export interface BuildOptions {
  /** Written into the very hidden `_phuluc` sheet (as the adapters do). */
  store?: Store;
  /** Raw chunks for the store sheet (to test corrupt data). Overrides `store`. */
  storeChunks?: string[];
  /** Workbook-level dates: fixed so builds are deterministic. */
  created?: Date;
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

function toSheetInput(src: SheetSource): XlsxSheetInput {
  if (src instanceof GridBuilder) return src.build();
  return src;
}

function isFormula(v: unknown): v is FormulaInput {
  return typeof v === "object" && v !== null && typeof (v as FormulaInput).formula === "string";
}

function isRichText(v: unknown): v is RichTextInput {
  return typeof v === "object" && v !== null && Array.isArray((v as RichTextInput).richText);
}

function isHyperlink(v: unknown): v is HyperlinkInput {
  return typeof v === "object" && v !== null && typeof (v as HyperlinkInput).hyperlink === "string";
}

/** Convert one input into an ExcelJS cell value. */
export function toExcelValue(v: XlsxCellInput): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v !== "object") return v;
  if (isFormula(v)) {
    const r = v.result;
    let result: ExcelJS.CellFormulaValue["result"];
    if (r === null || r === undefined) result = undefined;
    else if (isCellError(r)) result = { error: r.error as ExcelJS.CellErrorValue["error"] };
    else result = r as number | string | boolean | Date;
    return { formula: v.formula, result } as ExcelJS.CellFormulaValue;
  }
  if (isRichText(v)) {
    return {
      richText: v.richText.map((p) => ({
        text: p.text,
        font: {
          ...(p.bold ? { bold: true } : {}),
          ...(p.italic ? { italic: true } : {}),
          ...(p.color ? { color: { argb: "FF" + p.color } } : {}),
        },
      })),
    };
  }
  if (isHyperlink(v)) return { text: v.text, hyperlink: v.hyperlink };
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return null;
}

function addSheet(wb: ExcelJS.Workbook, input: XlsxSheetInput): void {
  const ws = wb.addWorksheet(input.name);
  if (input.visibility && input.visibility !== "visible") ws.state = input.visibility;
  const r0 = input.origin?.row ?? 1;
  const c0 = input.origin?.col ?? 1;
  const values = input.values ?? [];
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const fmt = input.numberFormats?.[i]?.[j] ?? null;
      if ((v === null || v === undefined) && !fmt) continue;
      const cell = ws.getCell(r0 + i, c0 + j);
      cell.value = toExcelValue(v);
      if (fmt) cell.numFmt = fmt;
    }
  }
  for (const c of input.cells ?? []) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = toExcelValue(c.value);
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + c.fill } };
  }
  for (const m of input.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const [col, w] of Object.entries(input.widths ?? {})) ws.getColumn(Number(col)).width = w;
}

/** Build an ExcelJS workbook in memory (for port tests that want the object, not the bytes). */
export function buildWorkbook(sheets: SheetSource[], options: BuildOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "phuluc tests";
  wb.created = options.created ?? FIXED_DATE;
  wb.modified = options.created ?? FIXED_DATE;
  for (const s of sheets) addSheet(wb, toSheetInput(s));
  if (options.store || options.storeChunks) {
    const ws = wb.addWorksheet(STORE_SHEET);
    ws.state = "veryHidden";
    putStore(options.store, options.storeChunks, (r, c, text) => (ws.getCell(r, c).value = text));
  }
  return wb;
}

/** Build a real .xlsx file as a Buffer. */
export async function buildXlsx(sheets: SheetSource[], options: BuildOptions = {}): Promise<Buffer> {
  const wb = buildWorkbook(sheets, options);
  const ab = await wb.xlsx.writeBuffer();
  return Buffer.from(ab as ArrayBuffer);
}

/** A fresh temp directory (removed with `removeTempDir`). */
export function makeTempDir(prefix = "phuluc-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Write bytes into a temp file; returns its path. */
export function writeTempFile(bytes: Buffer | string, name = "file.xlsx", dir = makeTempDir()): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** Build an .xlsx and write it into a temp file; returns its path. */
export async function writeTempXlsx(sheets: SheetSource[], options: BuildOptions & { name?: string; dir?: string } = {}): Promise<string> {
  return writeTempFile(await buildXlsx(sheets, options), options.name ?? "book.xlsx", options.dir ?? makeTempDir());
}
