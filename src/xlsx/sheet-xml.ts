/**
 * Sheet XML the product writes for its own sheets (the store, the summary): values as inline strings
 * — never a formula, whatever the text starts with — numbers, booleans and dates as serials; styles by
 * index; column widths, row heights, merges, frozen header, data bars (with Excel 2010's solid-bar
 * extension), print setup, footer, a drawing for the chart. No Node API.
 */
import { escapeAttr, escapeText } from "../ooxml/xml";
import { safeCellText } from "../core/text/xml-chars";
import { cellRef, encodeXstring } from "./text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

export type XmlCellValue = string | number | boolean | null;

export interface XmlCell {
  row: number;
  col: number;
  value: XmlCellValue;
  style?: number;
}

/** `<c>` for a value: strings inline (text, never a formula), numbers, booleans; null → style only. */
export function cellXml(row: number, col: number, value: XmlCellValue, style?: number, prefix = ""): string {
  const s = style ? ` s="${style}"` : "";
  const r = cellRef(row, col);
  const c = prefix + "c";
  if (typeof value === "string") {
    const text = encodeXstring(safeCellText(value));
    if (text === "") return `<${c} r="${r}"${s}/>`;
    return `<${c} r="${r}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeText(text)}</${prefix}t></${prefix}is></${c}>`;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return s ? `<${c} r="${r}"${s}/>` : "";
    return `<${c} r="${r}"${s}><${prefix}v>${value}</${prefix}v></${c}>`;
  }
  if (typeof value === "boolean") return `<${c} r="${r}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  return s ? `<${c} r="${r}"${s}/>` : "";
}

/** `<c>` for a formula with the value it showed (a merge's undo puts a formula back); `formula` without "=" or with it. */
export function formulaCellXml(row: number, col: number, formula: string, cached: XmlCellValue, style?: number, prefix = ""): string {
  const s = style ? ` s="${style}"` : "";
  const c = prefix + "c";
  const f = `<${prefix}f>${escapeText(safeCellText(formula.replace(/^=/, "")))}</${prefix}f>`;
  const head = `<${c} r="${cellRef(row, col)}"${s}`;
  if (typeof cached === "string")
    return `${head} t="str">${f}<${prefix}v>${escapeText(encodeXstring(safeCellText(cached)))}</${prefix}v></${c}>`;
  if (typeof cached === "boolean") return `${head} t="b">${f}<${prefix}v>${cached ? 1 : 0}</${prefix}v></${c}>`;
  if (typeof cached === "number" && Number.isFinite(cached)) return `${head}>${f}<${prefix}v>${cached}</${prefix}v></${c}>`;
  return `${head}>${f}</${c}>`;
}

function rowsXml(cells: XmlCell[], heights: Record<number, number> = {}): { rows: string[]; ref: string } {
  // Row by row, left to right; a cell given twice: the last one wins (a stable sort keeps their order).
  const sorted = cells.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  const heightRows = Object.keys(heights)
    .map(Number)
    .filter((r) => r > 0)
    .sort((a, b) => a - b);
  let minR = Infinity,
    maxR = 0,
    minC = Infinity,
    maxC = 0;
  // Rows are gathered into flat pieces of about 64 K characters as they come: a row kept as it was built
  // holds every cell's little string alive until the end (a 200,000-task summary: hundreds of MB).
  const out = new PieceBuffer();
  const rowOpen = (r: number, empty: boolean) => {
    const h = heights[r];
    return `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}${empty ? "/>" : ">"}`;
  };
  let hi = 0;
  for (let i = 0; i < sorted.length;) {
    const r = sorted[i].row;
    while (hi < heightRows.length && heightRows[hi] < r) out.push(rowOpen(heightRows[hi++], true));
    if (hi < heightRows.length && heightRows[hi] === r) hi++;
    let body = "";
    for (; i < sorted.length && sorted[i].row === r; i++) {
      const c = sorted[i];
      if (i + 1 < sorted.length && sorted[i + 1].row === r && sorted[i + 1].col === c.col) continue;
      body += cellXml(c.row, c.col, c.value, c.style);
      if (c.col < minC) minC = c.col;
      if (c.col > maxC) maxC = c.col;
    }
    if (r < minR) minR = r;
    if (r > maxR) maxR = r;
    out.push(body ? rowOpen(r, false) + body + "</row>" : rowOpen(r, true));
  }
  while (hi < heightRows.length) out.push(rowOpen(heightRows[hi++], true));
  const ref = maxR && maxC ? `${cellRef(minR, minC)}:${cellRef(maxR, maxC)}` : "A1";
  return { rows: out.done(), ref };
}

/** Strings gathered into flat pieces of about 64 K characters. */
class PieceBuffer {
  private readonly pieces: string[] = [];
  private buf: string[] = [];
  private size = 0;

  push(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush();
  }

  private flush(): void {
    if (this.buf.length) this.pieces.push(this.buf.join(""));
    this.buf = [];
    this.size = 0;
  }

  done(): string[] {
    this.flush();
    return this.pieces;
  }
}

/** A plain sheet of text rows from A1 (the store). */
export function simpleSheetXml(rows: string[][]): string {
  const cells: XmlCell[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => cells.push({ row: i + 1, col: j + 1, value: v })));
  const { rows: xml, ref } = rowsXml(cells);
  return `${DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${ref}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${xml.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

export interface DataBarXml {
  range: string;
  /** "RRGGBB". */
  color: string;
  min?: number;
  max?: number;
}

export interface SheetXmlSpec {
  cells: XmlCell[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  columnWidths: number[];
  rowHeights?: Record<number, number>;
  dataBars: DataBarXml[];
  freezeRows?: number;
  tabColor?: string;
  print: {
    orientation: "landscape" | "portrait";
    fitToWidth: number;
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
    footer?: string;
  };
  /** r:id of the sheet's drawing (its chart), when it has one. */
  drawingRid?: string;
  /** A number that makes the data bars' ids unique in the workbook. */
  idSeed: number;
  /** Drop-down lists (a unit's copy: Tình trạng); a value outside the list is warned about, not refused. */
  validations?: ListValidationXml[];
}

export interface ListValidationXml {
  /** A1 range ("H8:H20"). */
  sqref: string;
  list: readonly string[];
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

/** <dataValidations> for list drop-downs (the list inline in formula1, quoted). */
export function validationsXml(items: readonly ListValidationXml[]): string {
  if (!items.length) return "";
  const body = items
    .map((v) => {
      const a = [`type="list"`, `allowBlank="1"`, `showInputMessage="1"`, `showErrorMessage="1"`, `errorStyle="warning"`];
      if (v.prompt)
        a.push(`promptTitle="${escapeAttr(v.prompt.title.slice(0, 32))}"`, `prompt="${escapeAttr(v.prompt.text.slice(0, 255))}"`);
      if (v.error) a.push(`errorTitle="${escapeAttr(v.error.title.slice(0, 32))}"`, `error="${escapeAttr(v.error.text.slice(0, 255))}"`);
      a.push(`sqref="${escapeAttr(v.sqref)}"`);
      const formula = `"${v.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
      return `<dataValidation ${a.join(" ")}><formula1>${escapeText(formula)}</formula1></dataValidation>`;
    })
    .join("");
  return `<dataValidations count="${items.length}">${body}</dataValidations>`;
}

/** A deterministic GUID-shaped id (Excel pairs a data bar with its 2010 extension by it). */
function guid(seed: number, n: number): string {
  const hex = (v: number, len: number) => (v >>> 0).toString(16).toUpperCase().padStart(len, "0").slice(-len);
  return `{${hex(0x7068756c, 8)}-${hex(seed, 4)}-4${hex(n, 3)}-8${hex(seed * 31 + n, 3)}-${hex(seed, 4)}${hex(n, 8)}}`;
}

/**
 * UTF-8 bytes of text given in pieces, never joined into one string (a 75 MB sheet is not 150 MB of text
 * twice over). Empties `pieces`.
 */
export function utf8Pieces(pieces: string[]): Uint8Array {
  const enc = (utf8 ??= new TextEncoder());
  const parts: Uint8Array[] = [];
  // Each piece is let go as soon as it is encoded (the array is the caller's, and emptied).
  for (let i = 0; i < pieces.length; i++) {
    parts.push(enc.encode(pieces[i]));
    pieces[i] = "";
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let utf8: TextEncoder | null = null;

/** The summary sheet's XML as pieces: the head, one piece per row, the tail. */
export function summarySheetPieces(s: SheetXmlSpec): string[] {
  const { rows, ref } = rowsXml(s.cells, s.rowHeights);
  const parts: string[] = [DECL, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  parts.push(`<sheetPr>${s.tabColor ? `<tabColor rgb="FF${s.tabColor.toUpperCase()}"/>` : ""}<pageSetUpPr fitToPage="1"/></sheetPr>`);
  parts.push(`<dimension ref="${ref}"/>`);
  const freeze = s.freezeRows
    ? `<pane ySplit="${s.freezeRows}" topLeftCell="A${s.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${s.freezeRows + 1}" sqref="A${s.freezeRows + 1}"/>`
    : "";
  parts.push(`<sheetViews><sheetView showGridLines="0" workbookViewId="0">${freeze}</sheetView></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const cols = s.columnWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push(`<sheetData>`);
  for (const r of rows) parts.push(r);
  parts.push(`</sheetData>`);
  if (s.merges.length) {
    parts.push(
      `<mergeCells count="${s.merges.length}">${s.merges
        .map((m) => `<mergeCell ref="${cellRef(m.top, m.left)}:${cellRef(m.bottom, m.right)}"/>`)
        .join("")}</mergeCells>`,
    );
  }
  const cfvo = (v: number | undefined, kind: "min" | "max") =>
    v === undefined ? `<cfvo type="${kind}"/>` : `<cfvo type="num" val="${v}"/>`;
  s.dataBars.forEach((b, i) => {
    parts.push(
      `<conditionalFormatting sqref="${escapeAttr(b.range)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar>${cfvo(b.min, "min")}${cfvo(b.max, "max")}<color rgb="FF${b.color.toUpperCase()}"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14_NS}"><x14:id>${guid(s.idSeed, i)}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
    );
  });
  if (s.validations?.length) parts.push(validationsXml(s.validations));
  const m = s.print.margins;
  parts.push(`<printOptions horizontalCentered="1"/>`);
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
  );
  parts.push(`<pageSetup paperSize="9" orientation="${s.print.orientation}" fitToWidth="${s.print.fitToWidth}" fitToHeight="0"/>`);
  if (s.print.footer) parts.push(`<headerFooter><oddFooter>${escapeText(s.print.footer)}</oddFooter></headerFooter>`);
  if (s.drawingRid) parts.push(`<drawing r:id="${s.drawingRid}"/>`);
  if (s.dataBars.length) {
    const x14cfvo = (v: number | undefined, kind: "autoMin" | "autoMax") =>
      v === undefined ? `<x14:cfvo type="${kind}"/>` : `<x14:cfvo type="num"><xm:f>${v}</xm:f></x14:cfvo>`;
    const rules = s.dataBars
      .map(
        (b, i) =>
          `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${guid(s.idSeed, i)}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
          `${x14cfvo(b.min, "autoMin")}${x14cfvo(b.max, "autoMax")}<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
          `<xm:sqref>${escapeText(b.range)}</xm:sqref></x14:conditionalFormatting>`,
      )
      .join("");
    parts.push(
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${rules}</x14:conditionalFormattings></ext></extLst>`,
    );
  }
  parts.push(`</worksheet>`);
  return parts;
}
