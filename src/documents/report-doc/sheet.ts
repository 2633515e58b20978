/**
 * ReportDoc → the printable sheet "Báo cáo" (a SummarySpec both adapters write): the way to get the report
 * where the task pane cannot download a file (Excel for Mac). The same words as the .docx, laid out on a
 * grid of narrow columns as wide as the A4 text width: paragraphs merged across it, each table column
 * spanning a share of it. Times New Roman, A4 portrait with the form's margins; row heights estimated
 * from the text, since Excel does not fit the height of merged cells.
 */
import { rangeA1 } from "../../core/a1";
import type { CellStyle, SpecCell, SpecMerge, SummarySheetSpec, SummarySpec } from "../../core/sheet-spec";
import { BODY, FONT, HEADER_COLUMNS_MM, FOOT_COLUMNS_MM, MARGINS_MM, PT_PER_MM, SIZES, TEXT_WIDTH_MM } from "./form";
import type { DocBlock, DocTable, ReportDoc } from "./spec";
import { wrappedLines } from "./text-width";

/** Recognises (and replaces) phuluc's own report sheet; apart from the summary's marker. */
export const REPORT_SHEET_MARKER = "phuluc.report.v1";
export const REPORT_SHEET_KEY = "report_document";
export const REPORT_SHEET_NAME = "Báo cáo";

/** The grid: this many equal columns across the text width. */
export const GRID_COLUMNS = 24;
const COLUMN_MM = TEXT_WIDTH_MM / GRID_COLUMNS;
/** Excel column width (characters of the default font) for a column `mm` wide: ~7 px a character + 5 px padding at 96 dpi. */
const widthChars = (mm: number) => Math.round((((mm / 25.4) * 96 - 5) / 7) * 100) / 100;
const MM_PER_INCH = 25.4;
const YELLOW = "FFFF00";

type Look = { size: number; bold?: boolean; italic?: boolean; underline?: boolean; align: "left" | "center" | "right" | "justify" };

class Sheet {
  readonly styles: Record<string, CellStyle> = {};
  readonly cells: SpecCell[] = [];
  readonly merges: SpecMerge[] = [];
  readonly heights: Record<number, number> = {};
  row = 1;

  style(look: Look & { border?: boolean; fill?: string }): string {
    const key = JSON.stringify(look);
    if (!this.styles[key]) {
      this.styles[key] = {
        font: { name: FONT, size: look.size, bold: look.bold, italic: look.italic, underline: look.underline, color: "000000" },
        align: { horizontal: look.align === "justify" ? "left" : look.align, vertical: look.border ? "middle" : "top", wrap: true },
        ...(look.border ? { border: true } : {}),
        ...(look.fill ? { fill: look.fill } : {}),
      };
    }
    return key;
  }

  /** Text merged over columns [left, right] of `row` (and the row's height grown to fit it). */
  put(row: number, left: number, right: number, text: string, look: Look & { border?: boolean; fill?: string }): void {
    const style = this.style(look);
    this.cells.push({ row, col: left, value: text, style });
    for (let c = left + 1; c <= right; c++) this.cells.push({ row, col: c, value: null, style });
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
    const widthPt = (right - left + 1) * COLUMN_MM * PT_PER_MM - 6;
    const lines = text ? wrappedLines(text, look.size, widthPt, look.bold) : 1;
    const h = Math.ceil(lines * look.size * 1.25 + 3);
    this.heights[row] = Math.max(this.heights[row] ?? 0, h);
  }

  /** A paragraph across the whole width. */
  paragraph(text: string, look: Look & { fill?: string }, spaceAfter = true): void {
    // Excel has no first-line indent: the paragraph starts with spaces of about its width.
    const indent = look.align === "justify" ? "        " : "";
    this.put(this.row, 1, GRID_COLUMNS, indent + text, look);
    this.row++;
    if (spaceAfter) this.gap(BODY.spaceAfterPt);
  }

  gap(pt: number): void {
    this.heights[this.row] = pt;
    this.row++;
  }

  /** Which grid columns each table column spans (proportional, at least one each). */
  static spans(t: DocTable): [number, number][] {
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    const out: [number, number][] = [];
    let used = 0;
    let acc = 0;
    t.columns.forEach((c, i) => {
      acc += c.width;
      const left = t.columns.length - i - 1;
      let end = Math.round((acc / total) * GRID_COLUMNS);
      end = Math.max(end, used + 1);
      end = Math.min(end, GRID_COLUMNS - left);
      out.push([used + 1, end]);
      used = end;
    });
    return out;
  }

  table(t: DocTable): void {
    const spans = Sheet.spans(t);
    const head = t.head.length;
    const covered = new Set<string>();
    t.head.forEach((cells, r) => {
      let col = 0;
      for (const c of cells) {
        while (covered.has(`${r}:${col}`)) col++;
        const cs = c.colSpan ?? 1;
        const rs = c.rowSpan ?? 1;
        for (let rr = r; rr < r + rs; rr++) for (let cc = col; cc < col + cs; cc++) covered.add(`${rr}:${cc}`);
        const top = this.row + r;
        const left = spans[col][0];
        const right = spans[col + cs - 1][1];
        const style = { size: SIZES.tableHead, bold: true, align: "center" as const, border: true };
        this.put(top, left, right, c.text, style);
        if (rs > 1) {
          const bottom = top + rs - 1;
          const m = this.merges.find((x) => x.top === top && x.left === left);
          if (m) m.bottom = bottom;
          else this.merges.push({ top, left, bottom, right });
          for (let rr = top + 1; rr <= bottom; rr++)
            for (let cc = left; cc <= right; cc++) this.cells.push({ row: rr, col: cc, value: null, style: this.style(style) });
        }
        col += cs;
      }
    });
    this.row += head;
    for (const row of t.rows) {
      if (row.kind === "group")
        this.put(this.row, 1, GRID_COLUMNS, row.text, { size: SIZES.table, bold: true, italic: true, align: "left", border: true });
      else
        row.cells.forEach((text, i) => {
          const bold = row.kind === "total";
          this.put(this.row, spans[i][0], spans[i][1], text, {
            size: SIZES.table,
            bold,
            align: bold && i === 1 ? "center" : t.columns[i].align,
            border: true,
          });
        });
      this.row++;
    }
    this.gap(BODY.spaceAfterPt);
  }

  block(b: DocBlock): void {
    const body = SIZES.body;
    switch (b.kind) {
      case "heading":
        return this.paragraph(b.text, { size: body, bold: true, italic: b.level === 3, align: "justify" });
      case "paragraph":
        return this.paragraph(b.runs.map((r) => r.text).join(""), { size: body, align: "justify" });
      case "placeholder":
        return this.paragraph(b.text, { size: SIZES.placeholder, italic: true, align: "justify", fill: YELLOW });
      case "note":
        return this.paragraph(b.text, { size: SIZES.table, italic: true, align: "justify" });
      case "table":
        return this.table(b.table);
    }
  }
}

const gridColumnAt = (mm: number) => Math.max(1, Math.min(GRID_COLUMNS - 1, Math.round(mm / COLUMN_MM)));

/** Two columns of lines side by side from the current row, split at grid column `split`; the row moves below both. */
function sideBySide(s: Sheet, split: number, left: [string, Look][], right: [string, Look][]): void {
  const top = s.row;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i]) s.put(top + i, 1, split, left[i][0], left[i][1]);
    if (right[i]) s.put(top + i, split + 1, GRID_COLUMNS, right[i][0], right[i][1]);
  }
  s.row = top + Math.max(left.length, right.length);
}

/** The heading: the agency and the number at the left, the national name, motto and place-date at the right. */
function headingRows(s: Sheet, h: ReportDoc["header"]): void {
  const left: [string, Look][] = [
    ...(h.parentAgency ? [[h.parentAgency, { size: SIZES.parentAgency, align: "center" }] as [string, Look]] : []),
    ...h.issuingAgency.map((l): [string, Look] => [l, { size: SIZES.issuingAgency, bold: true, align: "center" }]),
    [h.number, { size: SIZES.number, align: "center" }],
  ];
  const right: [string, Look][] = [
    [h.nationalName, { size: SIZES.nationalName, bold: true, align: "center" }],
    [h.motto, { size: SIZES.motto, bold: true, underline: true, align: "center" }],
    [h.placeDate, { size: SIZES.placeDate, italic: true, align: "center" }],
  ];
  sideBySide(s, gridColumnAt(HEADER_COLUMNS_MM.left), left, right);
}

/** The foot: the recipients at the left, the signer's title, room to sign and name at the right. */
function footRows(s: Sheet, doc: ReportDoc): void {
  const sig = doc.signature;
  const left: [string, Look][] = [
    [doc.recipients.title, { size: SIZES.recipientsTitle, bold: true, italic: true, align: "left" }],
    ...doc.recipients.lines.map((l): [string, Look] => [l, { size: SIZES.recipients, align: "left" }]),
  ];
  const right: [string, Look][] = [
    ...sig.titleLines.map((l): [string, Look] => [l, { size: SIZES.signature, bold: true, align: "center" }]),
    ...[0, 1, 2].map((): [string, Look] => ["", { size: SIZES.signature, align: "center" }]),
    sig.name
      ? [sig.name, { size: SIZES.signerName, bold: true, align: "center" }]
      : [sig.namePlaceholder, { size: SIZES.signerName, italic: true, align: "center" }],
  ];
  sideBySide(s, gridColumnAt(FOOT_COLUMNS_MM.left), left, right);
}

/** The signer's name placeholder, filled like the others (a yellow mark). */
function markNamePlaceholder(s: Sheet, sig: ReportDoc["signature"]): void {
  if (sig.name) return;
  const cell = s.cells.find((c) => c.value === sig.namePlaceholder);
  if (!cell) return;
  const key = `${cell.style}+fill`;
  s.styles[key] = { ...s.styles[cell.style!], fill: YELLOW };
  cell.style = key;
}

/** A4 portrait, one page wide, the form's margins, printed down to `lastRow`. */
function reportPrintSetup(lastRow: number): SummarySheetSpec["print"] {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 100) / 100;
  return {
    paper: "A4",
    orientation: "portrait",
    fitToWidth: 1,
    margins: {
      top: inch(MARGINS_MM.top),
      bottom: inch(MARGINS_MM.bottom),
      left: inch(MARGINS_MM.left),
      right: inch(MARGINS_MM.right),
      header: inch(10),
      footer: inch(10),
    },
    printArea: rangeA1(1, 1, lastRow, GRID_COLUMNS),
  };
}

export function buildReportSheet(doc: ReportDoc, name = REPORT_SHEET_NAME): SummarySpec {
  const s = new Sheet();
  headingRows(s, doc.header);
  s.gap(12);
  s.paragraph(doc.title, { size: SIZES.title, bold: true, align: "center" }, false);
  for (const line of doc.subject) s.paragraph(line, { size: SIZES.subject, bold: true, align: "center" }, false);
  s.gap(12);
  for (const b of doc.body) s.block(b);
  s.gap(6);
  footRows(s, doc);
  const lastRow = s.row - 1;
  markNamePlaceholder(s, doc.signature);
  const sheet: SummarySheetSpec = {
    key: REPORT_SHEET_KEY,
    name,
    styles: s.styles,
    cells: s.cells.sort((a, b) => a.row - b.row || a.col - b.col),
    merges: s.merges,
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => widthChars(COLUMN_MM)),
    rowHeights: s.heights,
    visuals: [],
    print: reportPrintSetup(lastRow),
  };
  return { marker: REPORT_SHEET_MARKER, sheets: [sheet] };
}
