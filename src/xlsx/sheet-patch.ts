/**
 * Surgical edits of a user's worksheet XML: the style index (s) or the value of given cells, cells
 * and rows added where missing, cells phuluc added removed again. The part is read with the XML parser
 * (positions of the cells found from its events) and only those cells' text is replaced: every other
 * byte of the part stays as it was. No Node API.
 */
import { SaxesParser } from "saxes";
import { escapeAttr, XmlFormatError } from "../ooxml/xml";
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

/** Apply patches to the cells `targets` (row → columns) of a sheet's XML. Throws XmlFormatError. */
export function patchSheetXml(xml: string, targets: Map<number, Set<number>>, decide: Decide): string {
  const splices: Splice[] = [];
  const parser = new SaxesParser({ xmlns: false, position: true });
  const pendingRows = [...targets.keys()].sort((a, b) => a - b);
  let nextPending = 0;
  let prefix = "";
  let inSheetData = false;
  let sheetDataDone = false;
  let rowNum = 0;
  let rowStart = 0;
  let rowTagEnd = 0;
  let rowSelfClosing = false;
  let rowAttrs: Record<string, string> = {};
  let rowName = "row";
  let cells: CellSeen[] = [];
  let cell: CellSeen | null = null;
  let depthInCell = 0;
  let col = 0;

  const local = (n: string) => (n.indexOf(":") < 0 ? n : n.slice(n.indexOf(":") + 1));
  const tagStartOf = (pos: number) => xml.lastIndexOf("<", pos - 1);

  /** New cells for a row that did not exist (or for missing columns of an existing row). */
  const newCells = (row: number, cols: number[], rowExists: boolean): string => {
    let out = "";
    for (const c of cols) {
      const p = decide(row, c, { exists: false, style: null, hasValue: false, rowExists });
      if (!p || p.remove) continue;
      if (p.value !== undefined) out += valueXml(row, c, p, p.style ?? undefined, prefix);
      else if (p.style) out += `<${prefix}c r="${cellRef(row, c)}" s="${p.style}"/>`;
    }
    return out;
  };

  const insertMissingRowsBefore = (limit: number, at: number) => {
    let text = "";
    while (nextPending < pendingRows.length && pendingRows[nextPending] < limit) {
      const r = pendingRows[nextPending++];
      const body = newCells(
        r,
        [...targets.get(r)!].sort((a, b) => a - b),
        false,
      );
      if (body) text += `<${prefix}row r="${r}">${body}</${prefix}row>`;
    }
    if (text) splices.push({ start: at, end: at, text });
  };

  const finishRow = (rowEnd: number) => {
    const wanted = targets.get(rowNum);
    if (!wanted) return;
    const seen = new Set(cells.map((c) => c.col));
    const missing = [...wanted].filter((c) => !seen.has(c)).sort((a, b) => a - b);
    const rowSplices: Splice[] = [];
    // The row goes when every cell in it is removed and each removal asked for the row to go.
    let dropRow = cells.length > 0 && missing.length === 0;
    for (const c of cells) {
      if (!wanted.has(c.col)) {
        dropRow = false;
        continue;
      }
      const style = c.attrs.s !== undefined ? Number(c.attrs.s) : null;
      const p = decide(rowNum, c.col, { exists: true, style, hasValue: c.hasValue, rowExists: true });
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
    if (dropRow) {
      splices.push({ start: rowStart, end: rowEnd, text: "" });
      return;
    }
    splices.push(...rowSplices);
    // Missing cells go before the first cell to their right, else at the end of the row.
    let tail = "";
    for (const m of missing) {
      const t = newCells(rowNum, [m], true);
      if (!t) continue;
      const before = cells.find((c) => c.col > m);
      if (before) splices.push({ start: before.start, end: before.start, text: t });
      else tail += t;
    }
    if (tail) {
      if (rowSelfClosing)
        splices.push({ start: rowStart, end: rowTagEnd, text: startTag(rowName, rowAttrs, false) + tail + `</${rowName}>` });
      else {
        const at = tagStartOf(rowEnd);
        splices.push({ start: at, end: at, text: tail });
      }
    }
  };

  parser.on("opentag", (tag) => {
    const l = local(tag.name);
    const pos = parser.position;
    if (cell) {
      depthInCell++;
      if (l === "v" || l === "f" || l === "is") cell.hasValue = true;
      return;
    }
    const a = tag.attributes as Record<string, string>;
    if (inSheetData && l === "row") {
      const r = Number(a.r);
      rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
      rowStart = tagStartOf(pos);
      rowTagEnd = pos;
      rowSelfClosing = tag.isSelfClosing;
      rowAttrs = { ...a };
      rowName = tag.name;
      cells = [];
      col = 0;
      insertMissingRowsBefore(rowNum, rowStart);
      if (nextPending < pendingRows.length && pendingRows[nextPending] === rowNum) nextPending++;
      return;
    }
    if (inSheetData && l === "c") {
      const p = a.r !== undefined ? parseRef(a.r) : null;
      col = p && p.col ? p.col : col + 1;
      cell = {
        col,
        start: tagStartOf(pos),
        tagEnd: pos,
        end: pos,
        attrs: { ...a },
        name: tag.name,
        selfClosing: tag.isSelfClosing,
        hasValue: false,
      };
      depthInCell = 0;
      return;
    }
    if (l === "sheetData") {
      inSheetData = true;
      prefix = tag.name.indexOf(":") < 0 ? "" : tag.name.slice(0, tag.name.indexOf(":") + 1);
      if (tag.isSelfClosing) {
        // <sheetData/>: every target row is new.
        let text = "";
        while (nextPending < pendingRows.length) {
          const r = pendingRows[nextPending++];
          const body = newCells(
            r,
            [...targets.get(r)!].sort((x, y) => x - y),
            false,
          );
          if (body) text += `<${prefix}row r="${r}">${body}</${prefix}row>`;
        }
        if (text) splices.push({ start: tagStartOf(pos), end: pos, text: `<${tag.name}>${text}</${tag.name}>` });
        sheetDataDone = true;
      }
    }
  });
  parser.on("closetag", (tag) => {
    const l = local(tag.name);
    const pos = parser.position;
    if (cell) {
      if (depthInCell > 0) {
        depthInCell--;
        return;
      }
      cell.end = pos;
      cells.push(cell);
      cell = null;
      return;
    }
    if (inSheetData && l === "row") {
      finishRow(pos);
      return;
    }
    if (l === "sheetData" && inSheetData) {
      inSheetData = false;
      if (!sheetDataDone) insertMissingRowsBefore(Infinity, tagStartOf(pos));
      sheetDataDone = true;
    }
  });
  try {
    parser.write(xml).close();
  } catch (cause) {
    throw new XmlFormatError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  if (!sheetDataDone) throw new XmlFormatError("no sheetData in the sheet");
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let last = 0;
  for (const s of splices) {
    out += xml.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + xml.slice(last);
}
