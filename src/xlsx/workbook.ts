/**
 * An .xlsx workbook opened from bytes, for the CLI and the browser preview: the package, its workbook
 * part, shared strings and styles, read lazily; sheets read into Grids through the streaming reader;
 * edits (cell values, highlights, the store, the summary) made as part edits, so `save()` writes every
 * other part byte for byte as it was. No Node API.
 */
import type { Grid, SheetVisibility } from "../core/grid";
import { sheetNameKey } from "../core/sheet-names";
import { relTypeIs, type OpcPackage } from "../ooxml/package";
import { readErrorOf, XlsxReadError } from "./detect";
import { openPackage } from "./package-open";
import { readSharedStrings } from "./shared-strings";
import { CellBudget, MAX_WORKBOOK_CELLS } from "./limits";
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

/** The sheets of a workbook with maps by name (a workbook of 10,000 sheets looks each one up in O(1)). */
class SheetIndex {
  readonly list: WorkbookSheet[];
  readonly byName = new Map<string, WorkbookSheet>();
  readonly byKey = new Map<string, WorkbookSheet>();

  constructor(readonly infos: SheetInfo[]) {
    this.list = infos.map((s, index) => ({ name: s.name, state: s.state, kind: s.kind, part: s.part, index }));
    for (const s of this.list) {
      if (!this.byName.has(s.name)) this.byName.set(s.name, s);
      const key = sheetNameKey(s.name);
      if (!this.byKey.has(key)) this.byKey.set(key, s);
    }
  }
}

export class XlsxWorkbook {
  private wbXml: WorkbookXml | null = null;
  private strings: string[] | null = null;
  private stylesModel: Styles | null = null;
  private styleMaps = new Map<string, Map<number, Map<number, number>>>();
  /** Cells held from each sheet part read (a re-read replaces its part's count): bounded by maxCells. */
  private cellsByPart = new Map<string, number>();
  private cellsHeld = 0;
  /** Grids read so far, by sheet part (dropped when the part is edited). */
  private gridCache = new Map<string, Pick<Grid, "values" | "numberFormats" | "merges">>();

  private index: SheetIndex | null = null;

  /** Cells this workbook may hold (less for one phuluc builds other workbooks from: limits.ts). */
  maxCells = MAX_WORKBOOK_CELLS;

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
    throw readErrorOf(cause, this.fileName);
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
    return this.sheetIndex().list.slice();
  }

  /** The sheet list with its lookups by name, rebuilt when the workbook part's list changed. */
  private sheetIndex(): SheetIndex {
    const infos = this.infos();
    if (this.index?.infos !== infos) this.index = new SheetIndex(infos);
    return this.index;
  }

  /** The sheet with this name (exact, else as Excel compares names: case-insensitive). */
  sheet(name: string): WorkbookSheet | undefined {
    const ix = this.sheetIndex();
    return ix.byName.get(name) ?? ix.byKey.get(sheetNameKey(name));
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
    const before = this.cellsByPart.get(sheet.part) ?? 0;
    const budget = new CellBudget(this.maxCells - (this.cellsHeld - before));
    const { rows, merges } = readSheetRows(this.pkg, sheet.part, {
      strings: this.sharedStrings(),
      styles: this.styles(),
      date1904: this.workbookXml().date1904(),
      budget,
    });
    this.cellsByPart.set(sheet.part, budget.spent);
    this.cellsHeld += budget.spent - before;
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
  setSheetXml(part: string, xml: string | Uint8Array): void {
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
    try {
      return this.pkg.save();
    } catch (cause) {
      // A part copied as it was turned out damaged (bad CRC, encrypted, past its size): never passed on.
      throw readErrorOf(cause, this.fileName);
    }
  }
}
