/**
 * An .xlsx workbook opened from bytes, for the CLI and the browser preview: the package, its workbook
 * part, shared strings and styles, read lazily; sheets read into Grids through the streaming reader;
 * edits (cell values, highlights, the store, the summary) made as part edits, so `save()` writes every
 * other part byte for byte as it was. No Node API.
 */
import type { Grid, SheetVisibility } from "../core/grid";
import { sheetNameKey } from "../core/summary/names";
import { relTypeIs, type OpcPackage } from "../ooxml/package";
import { XlsxReadError } from "./detect";
import { openPackage } from "./package-open";
import { readSharedStrings } from "./shared-strings";
import { readSheetRows, readSheetStyles } from "./sheet-reader";
import { sparseToDense } from "./sparse";
import { Styles } from "./styles";
import { WorkbookXml, type SheetInfo, type SheetKind } from "./workbook-xml";

export interface WorkbookSheet {
  name: string;
  state: SheetVisibility;
  kind: SheetKind;
  /** Part name of the sheet's XML (null: the workbook names a sheet whose part is missing). */
  part: string | null;
  /** Position in the workbook's sheet list. */
  index: number;
}

export class XlsxWorkbook {
  private wbXml: WorkbookXml | null = null;
  private strings: string[] | null = null;
  private stylesModel: Styles | null = null;
  private styleMaps = new Map<string, Map<number, Map<number, number>>>();
  /** Grids read so far, by sheet part (dropped when the part is edited). */
  private gridCache = new Map<string, Pick<Grid, "values" | "numberFormats" | "merges">>();

  /** Keep grids once read (a workbook that is read again after edits: the pane's port). */
  keepGrids = false;

  private constructor(
    readonly fileName: string,
    readonly pkg: OpcPackage,
    readonly workbookPart: string,
    readonly macroEnabled: boolean,
  ) {}

  /** Open bytes; throws XlsxReadError (Vietnamese message naming the file, the reason as `cause`). */
  static open(data: Uint8Array | ArrayBuffer, fileName = "tệp"): XlsxWorkbook {
    const { pkg, workbookPart, macroEnabled } = openPackage(data, fileName);
    const wb = new XlsxWorkbook(fileName, pkg, workbookPart, macroEnabled);
    wb.workbookXml(); // a workbook part that is not XML: the file is damaged
    return wb;
  }

  private fail(cause: unknown): never {
    throw new XlsxReadError("corrupt", this.fileName, { cause });
  }

  /** The workbook part, parsed (throws XlsxReadError when damaged). */
  workbookXml(): WorkbookXml {
    if (!this.wbXml) {
      try {
        this.wbXml = WorkbookXml.read(this.pkg, this.workbookPart);
      } catch (cause) {
        this.fail(cause);
      }
    }
    return this.wbXml;
  }

  sharedStrings(): string[] {
    if (!this.strings) {
      try {
        const rel = this.pkg.rels(this.workbookPart).find((r) => relTypeIs(r.type, "sharedStrings") && r.part && this.pkg.has(r.part));
        this.strings = readSharedStrings(this.pkg, rel?.part ?? null);
      } catch (cause) {
        this.fail(cause);
      }
    }
    return this.strings;
  }

  styles(): Styles {
    if (!this.stylesModel) {
      try {
        this.stylesModel = Styles.read(this.pkg, this.workbookPart);
      } catch (cause) {
        this.fail(cause);
      }
    }
    return this.stylesModel;
  }

  private infos(): SheetInfo[] {
    try {
      return this.workbookXml().sheets();
    } catch (cause) {
      if (cause instanceof XlsxReadError) throw cause;
      this.fail(cause);
    }
  }

  sheets(): WorkbookSheet[] {
    return this.infos().map((s, index) => ({ name: s.name, state: s.state, kind: s.kind, part: s.part, index }));
  }

  /** The sheet with this name (exact, else as Excel compares names: case-insensitive). */
  sheet(name: string): WorkbookSheet | undefined {
    const all = this.sheets();
    return all.find((s) => s.name === name) ?? all.find((s) => sheetNameKey(s.name) === sheetNameKey(name));
  }

  /**
   * A worksheet as a Grid. Throws the parser's error (XmlFormatError / ZipFormatError) when its part
   * is damaged — the caller decides whether that skips the sheet or refuses the file.
   */
  readGrid(sheet: WorkbookSheet): Grid {
    const base = { name: sheet.name, visibility: sheet.state, origin: { row: 1, col: 1 } };
    if (!sheet.part || sheet.kind !== "worksheet") return { ...base, values: [], numberFormats: [], merges: [] };
    const cached = this.gridCache.get(sheet.part);
    if (cached) return { ...base, ...cached };
    const { rows, merges } = readSheetRows(this.pkg, sheet.part, {
      strings: this.sharedStrings(),
      styles: this.styles(),
      date1904: this.workbookXml().date1904(),
    });
    const dense = sparseToDense(rows);
    const content = { values: dense.values, numberFormats: dense.numberFormats, merges };
    if (this.keepGrids) this.gridCache.set(sheet.part, content);
    return { ...base, ...content };
  }

  /** Cell style indexes of a sheet (cached until the sheet is edited). */
  cellStyles(sheet: WorkbookSheet): Map<number, Map<number, number>> {
    if (!sheet.part) return new Map();
    let m = this.styleMaps.get(sheet.part);
    if (!m) {
      m = readSheetStyles(this.pkg, sheet.part);
      this.styleMaps.set(sheet.part, m);
    }
    return m;
  }

  /** Replace a sheet's XML (an edit of the user's sheet, or the product's own). */
  setSheetXml(part: string, xml: string): void {
    this.pkg.set(part, xml);
    this.styleMaps.delete(part);
    this.gridCache.delete(part);
  }

  /** Forget cached views of parts (after the workbook part was edited). */
  invalidate(): void {
    this.styleMaps.clear();
  }

  /** The package as .xlsx bytes: only edited parts are new, every other part is copied as it was. */
  save(): Uint8Array {
    this.stylesModel?.save();
    return this.pkg.save();
  }
}
