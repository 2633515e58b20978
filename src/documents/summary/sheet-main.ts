/**
 * "Tổng hợp": counts by category and rates per lead unit, per appendix and per group — one column
 * layout for the three tables, so the repeated header row reads right on every printed page.
 */
import { summaryText } from "../../i18n/summary";
import { STATUS_CATEGORIES, UNASSIGNED_UNIT, type Counts, type Report } from "../../core/report-schema";
import { zeroCounts } from "../../core/aggregate";
import { columnLetter, rangeA1 } from "../../core/a1";
import { SheetBuilder } from "./sheet-builder";
import { categoryTone, DATA_BAR_COLOR, TAB_COLOR } from "./styles";
import { addLegend, addTitleBlock, CONTENT_ROW, type SummaryContext } from "./title";
import { reportPrint } from "./print";

export const MAIN_KEY = "summary_main";
export const MAIN_COLUMNS = 11;
/** Column of each figure (1-based): TT, name, the six categories, total, the two rates. */
export const MAIN_COL = {
  no: 1,
  name: 2,
  firstCategory: 3,
  total: 9,
  completionRate: 10,
  onTimeRate: 11,
} as const;

/** Every unit of the settings (in their order), then other units the report counted, then the unassigned. */
export function unitRows(ctx: SummaryContext): { unit: string; counts: Counts }[] {
  const byName = new Map(ctx.report.units.map((u) => [u.unit, u]));
  const names: string[] = [];
  for (const u of ctx.units) if (!names.includes(u.name) && u.name !== UNASSIGNED_UNIT) names.push(u.name);
  for (const u of ctx.report.units) if (!names.includes(u.unit) && u.unit !== UNASSIGNED_UNIT) names.push(u.unit);
  names.push(UNASSIGNED_UNIT);
  return names.map((unit) => ({ unit, counts: byName.get(unit) ?? zeroCounts() }));
}

function header(b: SheetBuilder, row: number, nameTitle: string): void {
  const h = b.style("header");
  b.set(row, MAIN_COL.no, summaryText.colNo, h);
  b.set(row, MAIN_COL.name, nameTitle, h);
  STATUS_CATEGORIES.forEach((cat, i) => b.set(row, MAIN_COL.firstCategory + i, summaryText.categories[cat], h));
  b.set(row, MAIN_COL.total, summaryText.colTotal, h);
  b.set(row, MAIN_COL.completionRate, summaryText.colCompletionRate, h);
  b.set(row, MAIN_COL.onTimeRate, summaryText.colOnTimeRate, h);
}

function countsRow(b: SheetBuilder, row: number, no: string | number | null, name: string, c: Counts, bold = false): void {
  b.set(row, MAIN_COL.no, no, b.style("center", { bold }));
  b.set(row, MAIN_COL.name, name, b.style("text", { bold }));
  STATUS_CATEGORIES.forEach((cat, i) => {
    b.set(row, MAIN_COL.firstCategory + i, c[cat], b.style("int", { bold, tone: categoryTone(cat, c[cat]) }));
  });
  b.set(row, MAIN_COL.total, c.total, b.style("int", { bold }));
  b.set(row, MAIN_COL.completionRate, c.completionRate, b.style("pct", { bold }));
  b.set(row, MAIN_COL.onTimeRate, c.onTimeRate, b.style("pct", { bold }));
}

/** "I. Tăng cường …" → TT "I" and the name; a group without its own numeral keeps a running number. */
export function splitGroupNumber(text: string): { no: string | null; name: string } {
  const m = /^((?:[IVXLC]+|[A-Z]))\s*[.):\-–]\s*(\S.*)$/su.exec(text);
  return m ? { no: m[1], name: m[2] } : { no: null, name: text };
}

function section(b: SheetBuilder, row: number, text: string): void {
  b.mergeSet(row, 1, MAIN_COLUMNS, text, b.style("section"));
}

function dataBar(b: SheetBuilder, first: number, last: number): void {
  if (last < first) return;
  const col = columnLetter(MAIN_COL.completionRate);
  b.visuals.push({ kind: "dataBar", range: `${col}${first}:${col}${last}`, color: DATA_BAR_COLOR, min: 0, max: 1 });
}

export interface MainLayout {
  unitsHeaderRow: number;
  firstUnitRow: number;
  unitsTotalRow: number;
  appendixHeaderRow: number;
  appendixTotalRow: number;
  groupsHeaderRow: number;
}

/**
 * A table of counts (I. per lead unit, II. per appendix): its section line, header, one row per entry with a
 * data bar over them, then the total; returns the next row and where the table sits.
 */
function countsTable(
  b: SheetBuilder,
  row: number,
  titles: { section: string; column: string },
  entries: { name: string; counts: Counts }[],
  total: Counts,
) {
  let r = row;
  section(b, r++, titles.section);
  const headerRow = r;
  header(b, r++, titles.column);
  const firstRow = r;
  entries.forEach((e, i) => countsRow(b, r++, i + 1, e.name, e.counts));
  const lastRow = r - 1;
  dataBar(b, firstRow, lastRow);
  const totalRow = r;
  countsRow(b, r++, null, summaryText.totalRow, total, true);
  return { next: r, headerRow, firstRow, lastRow, totalRow };
}

/** An appendix as the table names it: its sheet, and its title when it says more. */
function appendixName(a: Pick<Report["appendices"][number], "sheet" | "title">): string {
  const title = a.title?.trim();
  return title && title !== a.sheet ? `${a.sheet}: ${title}` : a.sheet;
}

/** III. The counts per group, under a heading per appendix; returns the next row and the table's header row. */
function groupTable(b: SheetBuilder, row: number, report: Report) {
  let r = row;
  section(b, r++, summaryText.sectionGroups);
  const headerRow = r;
  header(b, r++, summaryText.colGroup);
  const sheets: string[] = report.appendices.map((a) => a.sheet);
  for (const g of report.groups) if (!sheets.includes(g.sheet)) sheets.push(g.sheet);
  for (const sheet of sheets) {
    const groups = report.groups.filter((g) => g.sheet === sheet);
    if (!groups.length) continue;
    const appendix = report.appendices.find((a) => a.sheet === sheet) ?? { sheet };
    b.mergeSet(r++, 1, MAIN_COLUMNS, appendixName(appendix), b.style("subhead"));
    const first = r;
    groups.forEach((g, i) => {
      const { no, name } = splitGroupNumber(g.group?.trim() || summaryText.noGroup);
      countsRow(b, r++, no ?? i + 1, name, g);
    });
    dataBar(b, first, r - 1);
  }
  return { next: r, headerRow };
}

/**
 * A chart for Office.js (the .xlsx writer cannot draw one): units by category, beside the table so it
 * never pushes the printed tables onto another page.
 */
function unitChart(b: SheetBuilder, units: { headerRow: number; firstRow: number; lastRow: number }): void {
  if (units.lastRow < units.firstRow) return;
  b.visuals.push({
    kind: "chart",
    type: "barStacked",
    title: summaryText.chartUnits,
    dataRange: rangeA1(units.headerRow, MAIN_COL.name, units.lastRow, MAIN_COL.firstCategory + STATUS_CATEGORIES.length - 1),
    seriesBy: "columns",
    from: `${columnLetter(MAIN_COLUMNS + 2)}${units.headerRow}`,
    to: `${columnLetter(MAIN_COLUMNS + 10)}${units.headerRow + 22}`,
  });
}

const MAIN_WIDTHS = [
  { min: 5, max: 6 },
  { min: 24, max: 42 },
  ...STATUS_CATEGORIES.map(() => ({ min: 10, max: 13 })),
  { min: 9, max: 12 },
  { min: 10, max: 12 },
  { min: 10, max: 12 },
];

export function buildMainSheet(ctx: SummaryContext, name: string): { sheet: ReturnType<SheetBuilder["build"]>; layout: MainLayout } {
  const b = new SheetBuilder(MAIN_KEY, name);
  const { report } = ctx;
  addTitleBlock(b, ctx, { left: [1, 3], right: [5, MAIN_COLUMNS], columns: MAIN_COLUMNS }, summaryText.titleMain);
  const unitEntries = unitRows(ctx).map((u) => ({ name: u.unit, counts: u.counts }));
  const units = countsTable(b, CONTENT_ROW, { section: summaryText.sectionUnits, column: summaryText.colUnit }, unitEntries, report.total);
  const appendixEntries = report.appendices.map((a) => ({ name: appendixName(a), counts: a }));
  const appendixTitles = { section: summaryText.sectionAppendices, column: summaryText.colAppendix };
  const appendices = countsTable(b, units.next + 1, appendixTitles, appendixEntries, report.total);
  const groups = groupTable(b, appendices.next + 1, report);
  let r = groups.next;
  // A plan without an indicator table: one line here instead of an empty page of its own.
  if (!report.indicators.length) {
    r++;
    b.mergeSet(r++, 1, MAIN_COLUMNS, summaryText.noIndicators, b.style("text"));
  }
  const last = addLegend(b, r + 1, MAIN_COLUMNS, [
    { fill: "red", text: summaryText.legendOverdueCount },
    { fill: "green", text: summaryText.legendOnTimeCount },
    { fill: { rgb: DATA_BAR_COLOR }, text: summaryText.legendBar },
  ]);
  unitChart(b, units);
  const sheet = b.build({
    columns: MAIN_COLUMNS,
    widthRules: MAIN_WIDTHS,
    print: reportPrint(units.headerRow, last, MAIN_COLUMNS),
    tabColor: TAB_COLOR,
  });
  const layout: MainLayout = {
    unitsHeaderRow: units.headerRow,
    firstUnitRow: units.firstRow,
    unitsTotalRow: units.totalRow,
    appendixHeaderRow: appendices.headerRow,
    appendixTotalRow: appendices.totalRow,
    groupsHeaderRow: groups.headerRow,
  };
  return { sheet, layout };
}
