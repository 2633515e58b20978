/**
 * The summary's native chart as DrawingML parts, like the one the Office.js adapter adds with
 * `charts.add` (src/excel/summary-ops.ts): a drawing anchored between two cells and a bar/column chart
 * whose series read the summary's own cells (with cached values, so a reader that does not recalculate
 * still draws it). No Node API.
 */
import type { SpecChart } from "../core/sheet-spec";
import { escapeAttr, escapeText } from "../ooxml/xml";
import { parseRange, parseRef } from "./sheet-reader";
import { quoteSheetName } from "./workbook-xml";
import { columnLetters } from "./text";

export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Series colours (Office's palette order; green first for "done on time", red fourth for "overdue"). */
const PALETTE = ["70AD47", "FFC000", "5B9BD5", "FF0000", "A5A5A5", "7F7F7F", "4472C4", "ED7D31"];

/** One drawing holding the charts of a sheet; `chartRids[i]` is the drawing's relationship to chart i. */
export function drawingXml(charts: SpecChart[], chartRids: string[]): string {
  const anchors = charts.map((c, i) => {
    const from = parseRef(c.from) ?? { row: 1, col: 1 };
    const to = parseRef(c.to) ?? { row: from.row + 20, col: from.col + 8 };
    const pos = (tag: string, p: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${p.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${pos("from", from)}${pos("to", to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(c.title || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${chartRids[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}

type Lookup = (row: number, col: number) => string | number | boolean | null;

const absRef = (sheet: string, r1: number, c1: number, r2: number, c2: number) =>
  `${quoteSheetName(sheet)}!$${columnLetters(c1)}$${r1}` + (r1 === r2 && c1 === c2 ? "" : `:$${columnLetters(c2)}$${r2}`);

function strCache(values: (string | number | boolean | null)[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (string | number | boolean | null)[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part for `chart`, its data on sheet `sheetName`; `at` gives the cell values written there. */
export function chartXml(chart: SpecChart, sheetName: string, at: Lookup): string {
  const range = parseRange(chart.dataRange);
  const series: string[] = [];
  if (range) {
    const byColumns = chart.seriesBy !== "rows";
    const catCells: { row: number; col: number }[] = [];
    const serStarts: { row: number; col: number }[] = [];
    if (byColumns) {
      for (let r = range.top + 1; r <= range.bottom; r++) catCells.push({ row: r, col: range.left });
      for (let c = range.left + 1; c <= range.right; c++) serStarts.push({ row: range.top, col: c });
    } else {
      for (let c = range.left + 1; c <= range.right; c++) catCells.push({ row: range.top, col: c });
      for (let r = range.top + 1; r <= range.bottom; r++) serStarts.push({ row: r, col: range.left });
    }
    const first = catCells[0];
    const last = catCells[catCells.length - 1];
    const catRef = first ? absRef(sheetName, first.row, first.col, last.row, last.col) : "";
    const cats = catCells.map((p) => at(p.row, p.col));
    serStarts.forEach((s, i) => {
      const valCells = catCells.map((p) => (byColumns ? { row: p.row, col: s.col } : { row: s.row, col: p.col }));
      const v0 = valCells[0];
      const v1 = valCells[valCells.length - 1];
      const color = PALETTE[i % PALETTE.length];
      series.push(
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
          `<c:tx><c:strRef><c:f>${escapeText(absRef(sheetName, s.row, s.col, s.row, s.col))}</c:f>${strCache([at(s.row, s.col)])}</c:strRef></c:tx>` +
          `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
          (v0
            ? `<c:cat><c:strRef><c:f>${escapeText(catRef)}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
              `<c:val><c:numRef><c:f>${escapeText(absRef(sheetName, v0.row, v0.col, v1.row, v1.col))}</c:f>${numCache(valCells.map((p) => at(p.row, p.col)))}</c:numRef></c:val>`
            : "") +
          `</c:ser>`,
      );
    });
  }
  const bar = chart.type.startsWith("bar");
  const stacked = chart.type.endsWith("Stacked");
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : `<c:autoTitleDeleted val="1"/>`;
  return (
    `${DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>${title}` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
    series.join("") +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
