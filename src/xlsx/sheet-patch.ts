/**
 * Surgical edits of a user's worksheet XML: the style index (s) or the value of given cells, cells
 * and rows added where missing, cells phuluc added removed again. The part is read with the XML parser
 * (positions of the cells found from its events) and only those cells' text is replaced: every other
 * byte of the part stays as it was. No Node API.
 */
import { SaxesParser } from "saxes";
import { escapeAttr, XmlFormatError } from "../ooxml/xml";
import { localName } from "../ooxml/sax";
import { cellXml, formulaCellXml, type XmlCellValue } from "./sheet-xml";
import { parseRef } from "./sheet-reader";
import { cellRef } from "./text";

export interface CellState {
  exists: boolean;
  /** The s attribute (null when absent). */
  style: number | null;
  /** The cell holds a value or a formula. */
  hasValue: boolean;
  /** The row element existed before. */
  rowExists: boolean;
}

export interface CellPatch {
  /** New style index; null removes the s attribute. Undefined keeps it. */
  style?: number | null;
  /** New value (the cell's formula, if any, goes). */
  value?: XmlCellValue;
  /** With `value`: a formula written with it (`value` is what it shows). */
  formula?: string;
  /** Remove the cell element (and its row when nothing else is left in it and `removeEmptyRow`). */
  remove?: boolean;
  removeEmptyRow?: boolean;
}

/** Decides the patch of one target cell from its current state (null: leave it). */
export type Decide = (row: number, col: number, state: CellState) => CellPatch | null;

interface Splice {
  start: number;
  end: number;
  text: string;
}

interface CellSeen {
  col: number;
  start: number; // "<" of the start tag
  tagEnd: number; // after ">" of the start tag
  end: number; // after the element
  attrs: Record<string, string>;
  name: string;
  selfClosing: boolean;
  hasValue: boolean;
}

/** The attributes with s set (after r, Excel's order) or removed; every other attribute kept. */
function withStyle(attrs: Record<string, string>, style: number | null): Record<string, string> {
  const out: Record<string, string> = {};
  let placed = false;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "s") {
      if (style !== null) out.s = String(style);
      placed = true;
      continue;
    }
    out[k] = v;
    if (k === "r" && style !== null && attrs.s === undefined) {
      out.s = String(style);
      placed = true;
    }
  }
  if (!placed && style !== null) out.s = String(style);
  return out;
}

function startTag(name: string, attrs: Record<string, string>, selfClosing: boolean): string {
  let s = "<" + name;
  for (const [k, v] of Object.entries(attrs)) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (selfClosing ? "/>" : ">");
}

function valueXml(row: number, col: number, p: CellPatch, style: number | undefined, prefix: string): string {
  return p.formula !== undefined
    ? formulaCellXml(row, col, p.formula, p.value ?? null, style, prefix)
    : cellXml(row, col, p.value ?? null, style, prefix);
}

/**
 * Apply patches to the cells `targets` (row → columns) of a sheet's XML. Throws XmlFormatError. Two
 * phases: the scan (a SheetPatcher on the parser's events) collects the splices — each a range of the
 * original text and what replaces it — and the emit (applySplices) writes the part with them.
 */
export function patchSheetXml(xml: string, targets: Map<number, Set<number>>, decide: Decide): string {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const patcher = new SheetPatcher(xml, targets, decide);
  parser.on("opentag", (tag) => patcher.openTag(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing, parser.position));
  parser.on("closetag", (tag) => patcher.closeTag(tag.name, parser.position));
  try {
    parser.write(xml).close();
  } catch (cause) {
    throw new XmlFormatError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  if (!patcher.sheetDataDone) throw new XmlFormatError("no sheetData in the sheet");
  return applySplices(xml, patcher.splices);
}

/** The emit phase: the original text with each splice's range replaced by its text. */
function applySplices(xml: string, splices: Splice[]): string {
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let last = 0;
  for (const s of splices) {
    out += xml.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + xml.slice(last);
}

/**
 * The scan phase: the row and cell being read (their positions in the text), the target rows not met yet,
 * and the splices decided so far. Rows the sheet lacks are added before the first row past them (or at
 * the end of sheetData); a row's cells are decided when it closes (finishRow).
 */
class SheetPatcher {
  readonly splices: Splice[] = [];
  sheetDataDone = false;
  private readonly pendingRows: number[];
  private nextPending = 0;
  private prefix = "";
  private inSheetData = false;
  private rowNum = 0;
  private rowStart = 0;
  private rowTagEnd = 0;
  private rowSelfClosing = false;
  private rowAttrs: Record<string, string> = {};
  private rowName = "row";
  private cells: CellSeen[] = [];
  private cell: CellSeen | null = null;
  private depthInCell = 0;
  private col = 0;

  constructor(
    private readonly xml: string,
    private readonly targets: Map<number, Set<number>>,
    private readonly decide: Decide,
  ) {
    this.pendingRows = [...targets.keys()].sort((a, b) => a - b);
  }

  openTag(name: string, a: Record<string, string>, selfClosing: boolean, pos: number): void {
    const l = localName(name);
    if (this.cell) {
      this.depthInCell++;
      if (l === "v" || l === "f" || l === "is") this.cell.hasValue = true;
    } else if (this.inSheetData && l === "row") this.openRow(name, a, selfClosing, pos);
    else if (this.inSheetData && l === "c") this.openCell(name, a, selfClosing, pos);
    else if (l === "sheetData") this.openSheetData(name, selfClosing, pos);
  }

  closeTag(name: string, pos: number): void {
    const l = localName(name);
    if (this.cell) {
      if (this.depthInCell > 0) {
        this.depthInCell--;
        return;
      }
      this.cell.end = pos;
      this.cells.push(this.cell);
      this.cell = null;
    } else if (this.inSheetData && l === "row") this.finishRow(pos);
    else if (l === "sheetData" && this.inSheetData) {
      this.inSheetData = false;
      if (!this.sheetDataDone) this.insertMissingRowsBefore(Infinity, this.tagStartOf(pos));
      this.sheetDataDone = true;
    }
  }

  private tagStartOf(pos: number): number {
    return this.xml.lastIndexOf("<", pos - 1);
  }

  /** <sheetData>: the prefix its elements use; a self-closing one gets every target row, all new. */
  private openSheetData(name: string, selfClosing: boolean, pos: number): void {
    this.inSheetData = true;
    this.prefix = name.indexOf(":") < 0 ? "" : name.slice(0, name.indexOf(":") + 1);
    if (!selfClosing) return;
    const text = this.newRowsBefore(Infinity);
    if (text) this.splices.push({ start: this.tagStartOf(pos), end: pos, text: `<${name}>${text}</${name}>` });
    this.sheetDataDone = true;
  }

  /** <row>: where it starts; the target rows before it that the sheet lacks are added in front of it. */
  private openRow(name: string, a: Record<string, string>, selfClosing: boolean, pos: number): void {
    const r = Number(a.r);
    this.rowNum = Number.isInteger(r) && r > 0 ? r : this.rowNum + 1;
    this.rowStart = this.tagStartOf(pos);
    this.rowTagEnd = pos;
    this.rowSelfClosing = selfClosing;
    this.rowAttrs = { ...a };
    this.rowName = name;
    this.cells = [];
    this.col = 0;
    this.insertMissingRowsBefore(this.rowNum, this.rowStart);
    if (this.nextPending < this.pendingRows.length && this.pendingRows[this.nextPending] === this.rowNum) this.nextPending++;
  }

  /** <c>: its column (the next one when it has no reference) and where its tags are. */
  private openCell(name: string, a: Record<string, string>, selfClosing: boolean, pos: number): void {
    const p = a.r !== undefined ? parseRef(a.r) : null;
    this.col = p && p.col ? p.col : this.col + 1;
    this.cell = { col: this.col, start: this.tagStartOf(pos), tagEnd: pos, end: pos, attrs: { ...a }, name, selfClosing, hasValue: false };
    this.depthInCell = 0;
  }

  /** New cells for a row that did not exist (or for missing columns of an existing row). */
  private newCells(row: number, cols: number[], rowExists: boolean): string {
    let out = "";
    for (const c of cols) {
      const p = this.decide(row, c, { exists: false, style: null, hasValue: false, rowExists });
      if (!p || p.remove) continue;
      if (p.value !== undefined) out += valueXml(row, c, p, p.style ?? undefined, this.prefix);
      else if (p.style) out += `<${this.prefix}c r="${cellRef(row, c)}" s="${p.style}"/>`;
    }
    return out;
  }

  /** The XML of the target rows before `limit` that the sheet lacks (each taken off the pending list). */
  private newRowsBefore(limit: number): string {
    const { pendingRows, prefix } = this;
    let text = "";
    while (this.nextPending < pendingRows.length && pendingRows[this.nextPending] < limit) {
      const r = pendingRows[this.nextPending++];
      const body = this.newCells(
        r,
        [...this.targets.get(r)!].sort((x, y) => x - y),
        false,
      );
      if (body) text += `<${prefix}row r="${r}">${body}</${prefix}row>`;
    }
    return text;
  }

  private insertMissingRowsBefore(limit: number, at: number): void {
    const text = this.newRowsBefore(limit);
    if (text) this.splices.push({ start: at, end: at, text });
  }

  /** </row>: its target cells patched (or the whole row dropped), then the cells it lacks added. */
  private finishRow(rowEnd: number): void {
    const wanted = this.targets.get(this.rowNum);
    if (!wanted) return;
    const seen = new Set(this.cells.map((c) => c.col));
    const missing = [...wanted].filter((c) => !seen.has(c)).sort((a, b) => a - b);
    const { rowSplices, dropRow } = this.patchSeenCells(wanted, missing.length === 0);
    if (dropRow) {
      this.splices.push({ start: this.rowStart, end: rowEnd, text: "" });
      return;
    }
    this.splices.push(...rowSplices);
    this.addMissingCells(missing, rowEnd);
  }

  /**
   * The splices of the row's existing target cells, and whether the row goes: it does when every cell in
   * it is removed and each removal asked for the row to go.
   */
  private patchSeenCells(wanted: Set<number>, noneMissing: boolean): { rowSplices: Splice[]; dropRow: boolean } {
    const { rowNum, prefix } = this;
    const rowSplices: Splice[] = [];
    let dropRow = this.cells.length > 0 && noneMissing;
    for (const c of this.cells) {
      if (!wanted.has(c.col)) {
        dropRow = false;
        continue;
      }
      const style = c.attrs.s !== undefined ? Number(c.attrs.s) : null;
      const p = this.decide(rowNum, c.col, { exists: true, style, hasValue: c.hasValue, rowExists: true });
      if (!p?.remove || !p.removeEmptyRow) dropRow = false;
      if (!p) continue;
      if (p.remove) {
        rowSplices.push({ start: c.start, end: c.end, text: "" });
        continue;
      }
      if (p.value !== undefined) {
        const st = p.style === undefined ? style : p.style;
        const text = valueXml(rowNum, c.col, p, st ?? undefined, prefix) || `<${prefix}c r="${cellRef(rowNum, c.col)}"/>`;
        rowSplices.push({ start: c.start, end: c.end, text });
      } else if (p.style !== undefined) {
        rowSplices.push({ start: c.start, end: c.tagEnd, text: startTag(c.name, withStyle(c.attrs, p.style), c.selfClosing) });
      }
    }
    return { rowSplices, dropRow };
  }

  /** Missing cells go before the first cell to their right, else at the end of the row (opened if self-closing). */
  private addMissingCells(missing: number[], rowEnd: number): void {
    let tail = "";
    for (const m of missing) {
      const t = this.newCells(this.rowNum, [m], true);
      if (!t) continue;
      const before = this.cells.find((c) => c.col > m);
      if (before) this.splices.push({ start: before.start, end: before.start, text: t });
      else tail += t;
    }
    if (!tail) return;
    if (this.rowSelfClosing)
      this.splices.push({
        start: this.rowStart,
        end: this.rowTagEnd,
        text: startTag(this.rowName, this.rowAttrs, false) + tail + `</${this.rowName}>`,
      });
    else {
      const at = this.tagStartOf(rowEnd);
      this.splices.push({ start: at, end: at, text: tail });
    }
  }
}
