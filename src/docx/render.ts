/**
 * ReportDoc → .docx bytes, with the `docx` package: the thin layer that knows Word's model. Every size,
 * margin and font comes from src/documents/report-doc/form.ts; every word from the ReportDoc. The task pane
 * loads this module (and docx) in a chunk of its own, only when a report is made.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from "docx";
import {
  BODY,
  FONT,
  FOOT_COLUMNS_MM,
  HEADER_COLUMNS_MM,
  HEADER_DISTANCE_MM,
  MARGINS_MM,
  PAGE,
  PT_PER_MM,
  SHORT_LINE_SHARE,
  SIZES,
  TABLE_CELL_PADDING_MM,
  TEXT_WIDTH_MM,
} from "../documents/report-doc/form";
import type { DocBlock, DocTable, ReportDoc } from "../documents/report-doc/spec";
import { textWidthPt } from "../documents/report-doc/text-width";
import { xmlSafeDeep } from "../core/text/xml-chars";

/** Twentieths of a point, Word's unit. */
const twips = (mm: number) => Math.round(mm * PT_PER_MM * 20);
const ptTwips = (pt: number) => Math.round(pt * 20);
/** Word's font sizes are in half-points. */
const half = (pt: number) => pt * 2;

const LANG = { value: "vi-VN" };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const CELL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  highlight?: boolean;
}

/**
 * A run of text. Font, colour, language and the paragraph style's size come from the styles (written
 * once), so a run carries only what differs: a long table stays a small document that packs fast.
 */
function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    ...(s.size !== undefined ? { size: half(s.size) } : {}),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.highlight ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

/** Paragraph styles (ids) of the body and of table cells. */
const BODY_STYLE = "PhulucBody";
const CELL_STYLE = "PhulucCell";
const HEAD_STYLE = "PhulucCellHead";

/** A centred line of header text (no indent, no spacing). */
function centred(text: string, s: RunStyle, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: ptTwips(spacing.before ?? 0), after: ptTwips(spacing.after ?? 0), line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, s)],
  });
}

/**
 * A horizontal line `lengthPt` long, centred in a box `boxMm` wide: an empty tiny paragraph whose top
 * border runs between its indents (how Word templates draw the lines under the header text).
 */
function ruleLine(lengthPt: number, boxMm: number, afterPt = 0): Paragraph {
  const box = boxMm * PT_PER_MM;
  const side = Math.max(0, (box - Math.min(lengthPt, box)) / 2);
  return new Paragraph({
    indent: { left: ptTwips(side), right: ptTwips(side) },
    spacing: { before: ptTwips(5), after: ptTwips(afterPt), line: 40, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
    children: [run("", { size: 1 })],
  });
}

function noBorderCell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: twips(widthMm), type: WidthType.DXA },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: { left: twips(TABLE_CELL_PADDING_MM), right: twips(TABLE_CELL_PADDING_MM), top: 0, bottom: 0 },
    children,
  });
}

/** Width available inside a cell `mm` wide. */
const innerMm = (mm: number) => mm - 2 * TABLE_CELL_PADDING_MM;

function twoColumns(leftMm: number, rightMm: number, left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: twips(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [twips(leftMm), twips(rightMm)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [noBorderCell(leftMm, left), noBorderCell(rightMm, right)] })],
  });
}

/** The two-column header: agency and number on the left; the nation, the motto and the place and date on the right. */
function header(doc: ReportDoc): Table {
  const h = doc.header;
  const leftBox = innerMm(HEADER_COLUMNS_MM.left);
  const rightBox = innerMm(HEADER_COLUMNS_MM.right);
  const left: Paragraph[] = [];
  if (h.parentAgency) left.push(centred(h.parentAgency, { size: SIZES.parentAgency }));
  for (const line of h.issuingAgency) left.push(centred(line, { size: SIZES.issuingAgency, bold: true }));
  const agencyWidth = Math.max(...h.issuingAgency.map((l) => textWidthPt(l, SIZES.issuingAgency, true)));
  left.push(ruleLine(agencyWidth * SHORT_LINE_SHARE, leftBox, 6));
  left.push(centred(h.number, { size: SIZES.number }));
  const right = [
    centred(h.nationalName, { size: SIZES.nationalName, bold: true }),
    centred(h.motto, { size: SIZES.motto, bold: true }),
    ruleLine(textWidthPt(h.motto, SIZES.motto, true), rightBox, 6),
    centred(h.placeDate, { size: SIZES.placeDate, italic: true }),
  ];
  return twoColumns(HEADER_COLUMNS_MM.left, HEADER_COLUMNS_MM.right, left, right);
}

const bodySpacing = () => ({
  before: 0,
  after: ptTwips(BODY.spaceAfterPt),
  line: Math.round(240 * BODY.lineSpacing),
  lineRule: LineRuleType.AUTO,
});

function bodyParagraph(children: ParagraphChild[], keepNext = false): Paragraph {
  return new Paragraph({ style: BODY_STYLE, ...(keepNext ? { keepNext } : {}), children });
}

function cellParagraph(text: string, s: RunStyle, align: "left" | "center" | "right", style = CELL_STYLE): Paragraph {
  const alignment = align === "center" ? AlignmentType.CENTER : align === "right" ? AlignmentType.RIGHT : undefined;
  return new Paragraph({ style, ...(alignment ? { alignment } : {}), children: [run(text, s)] });
}

function table(t: DocTable): Table {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => twips((c.width / total) * TEXT_WIDTH_MM));
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((s, w) => s + w, 0);
  const rows: TableRow[] = [];
  // The header rows: a cell covered by a row span above is skipped in the row below.
  const covered = new Set<string>();
  t.head.forEach((cells, r) => {
    let col = 0;
    const out: TableCell[] = [];
    for (const c of cells) {
      while (covered.has(`${r}:${col}`)) col++;
      const colSpan = c.colSpan ?? 1;
      const rowSpan = c.rowSpan ?? 1;
      for (let rr = r + 1; rr < r + rowSpan; rr++) for (let cc = col; cc < col + colSpan; cc++) covered.add(`${rr}:${cc}`);
      out.push(
        new TableCell({
          columnSpan: colSpan > 1 ? colSpan : undefined,
          rowSpan: rowSpan > 1 ? rowSpan : undefined,
          width: { size: spanWidth(col, colSpan), type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(c.text, {}, "center", HEAD_STYLE)],
        }),
      );
      col += colSpan;
    }
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: out }));
  });
  for (const row of t.rows) {
    if (row.kind === "group") {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: t.columns.length,
              width: { size: spanWidth(0, t.columns.length), type: WidthType.DXA },
              children: [cellParagraph(row.text, { bold: true, italic: true }, "left")],
            }),
          ],
        }),
      );
      continue;
    }
    const bold = row.kind === "total";
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.cells.map(
          (text, i) =>
            new TableCell({
              width: { size: widths[i], type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              children: [cellParagraph(text, { bold }, bold && i === 1 ? "center" : t.columns[i].align)],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: CELL_BORDERS,
    margins: { left: twips(TABLE_CELL_PADDING_MM), right: twips(TABLE_CELL_PADDING_MM), top: ptTwips(1), bottom: ptTwips(1) },
    rows,
  });
}

/** Space after a table, before the next paragraph. */
const gap = () => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run("", { size: 6 })] });

function block(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [bodyParagraph([run(b.text, { bold: true, italic: b.level === 3 })], true)];
    case "paragraph":
      return [bodyParagraph(b.runs.map((r) => run(r.text, { bold: r.bold, italic: r.italic })))];
    case "placeholder":
      return [bodyParagraph([run(b.text, { size: SIZES.placeholder, italic: true, highlight: true })])];
    case "note":
      return [bodyParagraph([run(b.text, { size: SIZES.table, italic: true })])];
    case "table":
      return [table(b.table), gap()];
  }
}

/** "Nơi nhận:" on the left, the signature block on the right, at the same height. */
function foot(doc: ReportDoc): Table {
  const left = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run(doc.recipients.title, { size: SIZES.recipientsTitle, bold: true, italic: true })],
    }),
    ...doc.recipients.lines.map((l) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(l, { size: SIZES.recipients })] })),
  ];
  const sig = doc.signature;
  const right = [
    ...sig.titleLines.map((l) => centred(l, { size: SIZES.signature, bold: true })),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => centred("", { size: SIZES.signature })),
    sig.name
      ? centred(sig.name, { size: SIZES.signerName, bold: true })
      : centred(sig.namePlaceholder, { size: SIZES.signerName, italic: true, highlight: true }),
  ];
  return twoColumns(FOOT_COLUMNS_MM.left, FOOT_COLUMNS_MM.right, left, right);
}

export function toDocument(input: ReportDoc): Document {
  // Text from the workbook (a commune name with U+FFFE, a task read from `_xFFFE_`) never breaks document.xml.
  const doc = xmlSafeDeep(input);
  const subjectWidth = Math.min(
    innerMm(TEXT_WIDTH_MM) * PT_PER_MM,
    Math.max(...doc.subject.map((l) => textWidthPt(l, SIZES.subject, true))),
  );
  const children: (Paragraph | Table)[] = [
    header(doc),
    centred(doc.title, { size: SIZES.title, bold: true }, { before: 18 }),
    ...doc.subject.map((l) => centred(l, { size: SIZES.subject, bold: true })),
    ruleLine(subjectWidth * SHORT_LINE_SHARE, TEXT_WIDTH_MM, 12),
    ...doc.body.flatMap(block),
    gap(),
    foot(doc),
  ];
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(SIZES.pageNumber), language: LANG })],
  });
  return new Document({
    creator: "phuluc",
    title: doc.title,
    subject: doc.subject.join(" "),
    styles: {
      default: { document: { run: { font: FONT, size: half(SIZES.body), color: "000000", language: LANG } } },
      paragraphStyles: [
        {
          id: BODY_STYLE,
          name: "phuluc body",
          basedOn: "Normal",
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: twips(BODY.firstLineIndentMm) }, spacing: bodySpacing() },
          run: { size: half(SIZES.body) },
        },
        {
          id: CELL_STYLE,
          name: "phuluc table cell",
          basedOn: "Normal",
          paragraph: { spacing: { before: ptTwips(1), after: ptTwips(1), line: 240, lineRule: LineRuleType.AUTO } },
          run: { size: half(SIZES.table) },
        },
        {
          id: HEAD_STYLE,
          name: "phuluc table head",
          basedOn: CELL_STYLE,
          paragraph: { alignment: AlignmentType.CENTER },
          run: { size: half(SIZES.tableHead), bold: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: twips(MARGINS_MM.top),
              bottom: twips(MARGINS_MM.bottom),
              left: twips(MARGINS_MM.left),
              right: twips(MARGINS_MM.right),
              header: twips(HEADER_DISTANCE_MM),
              footer: twips(HEADER_DISTANCE_MM),
            },
          },
        },
        // Page numbers centred at the top; none on the first page (its own, empty, header).
        headers: { default: new Header({ children: [pageNumber] }), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The .docx file's bytes. */
export async function renderReportDocx(doc: ReportDoc): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(toDocument(doc)));
}
