/**
 * "Tổng hợp": counts by category and rates per lead unit, per appendix and per group — one column
 * layout for the three tables, so the repeated header row reads right on every printed page.
 */
import { summaryText } from "../../i18n/summary";
import { STATUS_CATEGORIES, UNASSIGNED_UNIT, type Counts } from "../../core/report-schema";
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

export function buildMainSheet(ctx: SummaryContext, name: string): { sheet: ReturnType<SheetBuilder["build"]>; layout: MainLayout } {
  const b = new SheetBuilder(MAIN_KEY, name);
  const { report } = ctx;
  addTitleBlock(b, ctx, { left: [1, 3], right: [5, MAIN_COLUMNS], columns: MAIN_COLUMNS }, summaryText.titleMain);

  // I. Units
  let r = CONTENT_ROW;
  section(b, r++, summaryText.sectionUnits);
  const unitsHeaderRow = r;
  header(b, r++, summaryText.colUnit);
  const firstUnitRow = r;
  unitRows(ctx).forEach((u, i) => countsRow(b, r++, i + 1, u.unit, u.counts));
  const lastUnitRow = r - 1;
  const unitsTotalRow = r;
  countsRow(b, r++, null, summaryText.totalRow, report.total, true);
  dataBar(b, firstUnitRow, lastUnitRow);

  // II. Appendices
  r++;
  section(b, r++, summaryText.sectionAppendices);
  const appendixHeaderRow = r;
  header(b, r++, summaryText.colAppendix);
  const firstAppendixRow = r;
  report.appendices.forEach((a, i) => {
    const title = a.title?.trim();
    countsRow(b, r++, i + 1, title && title !== a.sheet ? `${a.sheet}: ${title}` : a.sheet, a);
  });
  dataBar(b, firstAppendixRow, r - 1);
  const appendixTotalRow = r;
  countsRow(b, r++, null, summaryText.totalRow, report.total, true);

  // III. Groups, under their appendix
  r++;
  section(b, r++, summaryText.sectionGroups);
  const groupsHeaderRow = r;
  header(b, r++, summaryText.colGroup);
  const sheets: string[] = report.appendices.map((a) => a.sheet);
  for (const g of report.groups) if (!sheets.includes(g.sheet)) sheets.push(g.sheet);
  for (const sheet of sheets) {
    const groups = report.groups.filter((g) => g.sheet === sheet);
    if (!groups.length) continue;
    const appendix = report.appendices.find((a) => a.sheet === sheet);
    const title = appendix?.title?.trim();
    b.mergeSet(r++, 1, MAIN_COLUMNS, title && title !== sheet ? `${sheet}: ${title}` : sheet, b.style("subhead"));
    const first = r;
    groups.forEach((g, i) => {
      const { no, name } = splitGroupNumber(g.group?.trim() || summaryText.noGroup);
      countsRow(b, r++, no ?? i + 1, name, g);
    });
    dataBar(b, first, r - 1);
  }

  // A plan without an indicator table: one line here instead of an empty page of its own.
  if (!report.indicators.length) {
    r++;
    b.mergeSet(r++, 1, MAIN_COLUMNS, summaryText.noIndicators, b.style("text"));
  }

  // Legend
  r++;
  const last = addLegend(b, r, MAIN_COLUMNS, [
    { fill: "red", text: summaryText.legendOverdueCount },
    { fill: "green", text: summaryText.legendOnTimeCount },
    { fill: { rgb: DATA_BAR_COLOR }, text: summaryText.legendBar },
  ]);

  // A chart for Office.js (the .xlsx writer cannot draw one): units by category, beside the table so
  // it never pushes the printed tables onto another page.
  if (lastUnitRow >= firstUnitRow) {
    b.visuals.push({
      kind: "chart",
      type: "barStacked",
      title: summaryText.chartUnits,
      dataRange: rangeA1(unitsHeaderRow, MAIN_COL.name, lastUnitRow, MAIN_COL.firstCategory + STATUS_CATEGORIES.length - 1),
      seriesBy: "columns",
      from: `${columnLetter(MAIN_COLUMNS + 2)}${unitsHeaderRow}`,
      to: `${columnLetter(MAIN_COLUMNS + 10)}${unitsHeaderRow + 22}`,
    });
  }

  const sheet = b.build({
    columns: MAIN_COLUMNS,
    widthRules: [
      { min: 5, max: 6 },
      { min: 24, max: 42 },
      ...STATUS_CATEGORIES.map(() => ({ min: 10, max: 13 })),
      { min: 9, max: 12 },
      { min: 10, max: 12 },
      { min: 10, max: 12 },
    ],
    print: reportPrint(unitsHeaderRow, last, MAIN_COLUMNS),
    tabColor: TAB_COLOR,
  });
  return { sheet, layout: { unitsHeaderRow, firstUnitRow, unitsTotalRow, appendixHeaderRow, appendixTotalRow, groupsHeaderRow } };
}
