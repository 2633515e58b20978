/**
 * The in-memory workbook behind the fake Excel API (test/fakes/fake-excel.ts): sheets with cells
 * (value, formula, number format, fill, font, alignment, borders), merges, visibility, protection,
 * charts, conditional formats, page layout. Cell writes behave as Excel's `Range.values` setter does:
 * "=…", "+x", "-x", "@x" become formulas and "12" / "TRUE" become a number / boolean — unless the
 * cell's number format is Text ("@") or the string starts with an apostrophe.
 */
import type { MergeArea } from "../../src/core/grid";

export type FakeValue = string | number | boolean | null;

export const MAX_CELL_CHARS = 32767;

/** Each half of a surrogate pair that stands alone → U+FFFD. */
function replaceLoneSurrogates(s: string): string {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i] + s[i + 1];
      i++;
    } else out += c >= 0xd800 && c <= 0xdfff ? "\uFFFD" : s[i];
  }
  return out;
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export interface FakeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  underline: string;
}

export interface FakeCell {
  value: FakeValue;
  /** An error value ("#N/A", "#REF!") — then `value` is null. */
  error?: string;
  formula?: string;
  numberFormat: string;
  /** "#RRGGBB" or null (no fill). */
  fill: string | null;
  font: FakeFont;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders: Record<string, string>;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  from?: string;
  to?: string;
}

export interface FakeConditionalFormat {
  type: string;
  range: string;
  color?: string;
}

export interface FakePageLayout {
  orientation?: string;
  centerHorizontally?: boolean;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  printTitleRows?: string;
  printArea?: string;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const COLS = 16384;
const key = (r: number, c: number) => r * COLS + c;

export function defaultFont(): FakeFont {
  return { name: "Calibri", size: 11, bold: false, italic: false, color: "#000000", underline: "None" };
}

export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function rectAddress(r: Rect): string {
  const a = `${colLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${colLetter(r.right)}${r.bottom}`;
}

/** Quote a sheet name the way Excel does in addresses. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "$A$1:$C$3", "Sheet1!A1:B2", "3:3" (whole rows) → Rect; InvalidArgument otherwise. */
export function parseAddress(address: string): Rect {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  let m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]),
      c1 = colNumber(m[1]);
    const r2 = m[3] ? Number(m[4]) : r1,
      c2 = m[3] ? colNumber(m[3]) : c1;
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: COLS };
  throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: address "${address}"`);
}

const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#FIELD!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: MergeArea[] = [];
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  pageLayout: FakePageLayout = {};
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozenRows = 0;
  tabColor = "";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  /** List data validations (drop-downs): the cells, and the list's source ("a,b,c" or "=$Z$1:$Z$5"). */
  validations: { rect: Rect; source: string }[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty when missing (for writes). */
  touch(row: number, col: number): FakeCell {
    let c = this.cells.get(key(row, col));
    if (!c) {
      c = { value: null, numberFormat: "General", fill: null, font: defaultFont(), borders: {} };
      this.cells.set(key(row, col), c);
    }
    return c;
  }

  at(a1: string): FakeCell | undefined {
    const r = parseAddress(a1);
    return this.cell(r.top, r.left);
  }

  /** What Excel's `values` returns for one cell. */
  readValue(row: number, col: number): FakeValue {
    const c = this.cell(row, col);
    if (!c) return "";
    if (c.error) return c.error;
    return c.value === null ? "" : c.value;
  }

  readType(row: number, col: number): string {
    const c = this.cell(row, col);
    if (!c) return "Empty";
    if (c.error) return "Error";
    if (c.value === null || c.value === "") return "Empty";
    if (typeof c.value === "number") return "Double";
    if (typeof c.value === "boolean") return "Boolean";
    return "String";
  }

  /** Excel's `Range.values` setter for one cell. */
  writeValue(row: number, col: number, v: unknown): void {
    if (v === null || v === undefined) return; // null in a values array leaves the cell unchanged
    if (this.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    const c = this.touch(row, col);
    delete c.formula;
    delete c.error;
    if (typeof v === "number" || typeof v === "boolean") {
      c.value = v;
      return;
    }
    if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "Unsupported cell value");
    // A cell holds at most 32,767 characters (Excel's specifications and limits).
    if (v.length > MAX_CELL_CHARS) throw new FakeOfficeError("InvalidArgument", `A cell holds at most ${MAX_CELL_CHARS} characters.`);
    // Excel on the web sends text as UTF-8: half of a surrogate pair comes back as U+FFFD.
    this.writeText(c, replaceLoneSurrogates(v));
  }

  private writeText(c: FakeCell, v: string): void {
    if (v === "") {
      c.value = null; // "" empties the cell, whatever its format
      return;
    }
    if (c.numberFormat === "@") {
      c.value = v;
      return;
    }
    if (v.startsWith("'")) {
      c.value = v.slice(1);
      return;
    }
    if (/^[=+\-@]/.test(v) && v.length > 1 && !/^[+-]\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) {
      c.formula = v.startsWith("=") ? v : "=" + v;
      c.value = null;
      c.error = "#NAME?";
      return;
    }
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) {
      c.value = Number(v);
      return;
    }
    if (/^(true|false)$/i.test(v)) {
      c.value = v.toLowerCase() === "true";
      return;
    }
    if (ERROR_VALUES.has(v)) {
      c.value = null;
      c.error = v;
      return;
    }
    c.value = v;
  }

  /** A cell with a given content, for building fixtures (no Excel coercion). */
  put(row: number, col: number, v: FakeValue | { error: string }, numberFormat?: string): void {
    const c = this.touch(row, col);
    if (v !== null && typeof v === "object") {
      c.error = v.error;
      c.value = null;
    } else c.value = v;
    if (numberFormat) c.numberFormat = numberFormat;
  }

  /** Bounding box of the used cells (valuesOnly: only cells with a value), or null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== null || !!c.error || !!c.formula;
      if (valuesOnly && !hasValue) continue;
      const r = Math.floor(k / COLS),
        col = k % COLS;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom ? { top, left, bottom, right } : null;
  }

  forEachCell(rect: Rect, fn: (c: FakeCell, row: number, col: number) => void, create = false): void {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let col = rect.left; col <= rect.right; col++) {
        const c = create ? this.touch(r, col) : this.cell(r, col);
        if (c) fn(c, r, col);
      }
  }

  assertWritable(): void {
    if (this.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** When true, every sync fails as Excel does while the user is editing a cell. */
  cellEditMode = false;
  /**
   * The workbook's Normal style font. Excel measures column widths in characters of that font's widest
   * digit ("One unit of column width is equal to the width of one character in the Normal style",
   * Worksheet.standardWidth) while Range.format.columnWidth is in points; per the OOXML column-width
   * formula a column of w characters is trunc(w × maxDigitWidth) + 5 pixels, at 96 pixels per 72 points.
   * Calibri 11 (Windows' default): 7 px; Mac's Calibri 12: 8 px; Times New Roman 13: 9 px.
   */
  normalFont = { name: "Calibri", size: 11, maxDigitWidthPx: 7 };
  /** Worksheet.standardWidth of every sheet, in characters (Excel's default 8.43). */
  standardWidth = 8.43;

  /** A column of `chars` characters in points (what Range.format.columnWidth reads). */
  charsToPoints(chars: number): number {
    return (Math.trunc(chars * this.normalFont.maxDigitWidthPx) + 5) * 0.75;
  }

  /** A width in points as the characters Excel's Column Width box shows for it. */
  pointsToChars(points: number): number {
    return (points / 0.75 - 5) / this.normalFont.maxDigitWidthPx;
  }

  /**
   * The workbook's structure is protected (Review > Protect Workbook; Office.js WorkbookProtection,
   * ExcelApi 1.7): sheets cannot be added, deleted, renamed, hidden or unhidden — the API fails those with
   * AccessDenied, as Excel refuses them in its UI. Cells of unprotected sheets stay writable.
   */
  structureProtected = false;
  /**
   * Excel on the web's known quirk: Worksheet.activate() on a sheet added in the same batch is silently
   * ignored (office-js#930; office-js-helpers#30: "it is currently necessary to do a context.sync() before
   * any call to sheet.activate()").
   */
  webActivateQuirk = false;
  /**
   * The workbook uses the 1904 date system (Excel > Options > Advanced; old Mac workbooks). Cells hold
   * 1904 serials (0 = 1904-01-01), and Range.values returns them raw, as Office.js does.
   */
  date1904 = false;
  /** getMergedAreasOrNullObject returns only areas whose top-left cell is in the range (office-js#3611). */
  mergedAreasByTopLeft = false;
  /** Test hook: operations (their request JSON) this "Excel build" refuses with InvalidArgument. */
  rejectOps: ((req: Record<string, unknown>) => boolean) | null = null;
  private nextId = 1;

  /** Throws AccessDenied when the workbook's structure is protected (for API operations, not fixtures). */
  assertStructureEditable(what: string): void {
    if (this.structureProtected)
      throw new FakeOfficeError("AccessDenied", `${what}: the workbook's structure is protected (Review > Protect Workbook).`);
  }

  addSheet(name: string): FakeSheet {
    if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError("InvalidArgument", `Invalid sheet name "${name}"`);
    const s = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  find(name: string): FakeSheet | undefined {
    const k = name.toLocaleUpperCase("vi");
    return this.sheets.find((s) => s.name.toLocaleUpperCase("vi") === k);
  }

  byId(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  /**
   * Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail
   * with an InvalidOperation exception. You should first change its visibility to hidden or visible before
   * deleting it." (its reference page)
   */
  deleteSheet(s: FakeSheet): void {
    if (s.visibility === "VeryHidden")
      throw new FakeOfficeError("InvalidOperation", "A very hidden worksheet cannot be deleted: make it hidden or visible first.");
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s)
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
  }

  setVisibility(s: FakeSheet, v: FakeSheet["visibility"]): void {
    if (v !== "Visible") {
      const visible = this.sheets.filter((x) => x.visibility === "Visible" && x !== s);
      if (!visible.length) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      if (this.activeSheetId === s.id) this.activeSheetId = visible[0].id;
    }
    s.visibility = v;
  }
}
