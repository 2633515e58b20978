/**
 * "Tổng hợp xã": the city's overall figures, the communes by completion-rate band with a chart, then one row
 * per commune ranked by its completion rate — its counts by category, rates, the errors found in its file,
 * the date its figures stand at and its file — under the city's totals, on A4 landscape.
 */
import { cityText } from "../../../i18n/city-documents";
import { formatNumber, formatPercent } from "../../../i18n/format";
import { columnLetter, rangeA1 } from "../../../core/a1";
import type { RankedCommune } from "../../../core/consolidate/roll-up";
import { STATUS_CATEGORIES, type Counts } from "../../../core/report-schema";
import { reportPrint } from "../print";
import { SheetBuilder } from "../sheet-builder";
import { categoryTone, DATA_BAR_COLOR, TAB_COLOR } from "../styles";
import { addLegend } from "../title";
import { addCityTitleBlock, CITY_CONTENT_ROW, plainLine, type CityContext } from "./context";

export const CITY_COMMUNES_KEY = "city_communes";
export const COMMUNE_COLUMNS = 15;
export const COMMUNE_COL = {
  rank: 1,
  commune: 2,
  plan: 3,
  total: 4,
  firstCategory: 5,
  completion: 11,
  onTime: 12,
  errors: 13,
  asOf: 14,
  file: 15,
} as const;
/** Rows the chart of the bands takes beside their table. */
const CHART_ROWS = 15;

const qty = (n: number) => formatNumber(n);

function overall(b: SheetBuilder, ctx: CityContext, row: number): number {
  const { rollUp } = ctx;
  const t = rollUp.total;
  const k = rollUp.byKind;
  plainLine(b, row++, COMMUNE_COLUMNS, cityText.overallCommunes(qty(rollUp.communes.length), qty(k.xa), qty(k.phuong), qty(k.dac_khu)));
  plainLine(
    b,
    row++,
    COMMUNE_COLUMNS,
    cityText.overallTasks(qty(t.total), formatPercent(t.completionRate), formatPercent(t.onTimeRate), qty(t.overdue)),
  );
  plainLine(b, row++, COMMUNE_COLUMNS, cityText.overallFiles(qty(rollUp.files), qty(rollUp.skipped.length)));
  return row;
}

/** The bands' table (label, communes) and a column chart of it beside the table; returns the next free row. */
function bands(b: SheetBuilder, ctx: CityContext, top: number): number {
  const h = b.style("header");
  b.set(top, COMMUNE_COL.commune, cityText.bandsHead[0], h);
  b.set(top, COMMUNE_COL.plan, cityText.bandsHead[1], h);
  ctx.rollUp.bands.forEach((band, i) => {
    b.set(top + 1 + i, COMMUNE_COL.commune, cityText.bands[band.band], b.style("text"));
    b.set(top + 1 + i, COMMUNE_COL.plan, band.communes, b.style("int"));
  });
  const last = top + ctx.rollUp.bands.length;
  b.visuals.push({
    kind: "chart",
    type: "columnClustered",
    title: cityText.chartBands,
    dataRange: rangeA1(top, COMMUNE_COL.commune, last, COMMUNE_COL.plan),
    seriesBy: "columns",
    from: `${columnLetter(COMMUNE_COL.total + 1)}${top}`,
    to: `${columnLetter(COMMUNE_COLUMNS + 1)}${top + CHART_ROWS}`,
  });
  return top + CHART_ROWS + 1;
}

function header(b: SheetBuilder, row: number): void {
  const h = b.style("header");
  b.set(row, COMMUNE_COL.rank, cityText.colRank, h);
  b.set(row, COMMUNE_COL.commune, cityText.colCommune, h);
  b.set(row, COMMUNE_COL.plan, cityText.colPlan, h);
  b.set(row, COMMUNE_COL.total, cityText.colTotal, h);
  STATUS_CATEGORIES.forEach((cat, i) => b.set(row, COMMUNE_COL.firstCategory + i, cityText.categories[cat], h));
  b.set(row, COMMUNE_COL.completion, cityText.colCompletionRate, h);
  b.set(row, COMMUNE_COL.onTime, cityText.colOnTimeRate, h);
  b.set(row, COMMUNE_COL.errors, cityText.colErrors, h);
  b.set(row, COMMUNE_COL.asOf, cityText.colAsOf, h);
  b.set(row, COMMUNE_COL.file, cityText.colFile, h);
}

function counts(b: SheetBuilder, row: number, c: Counts, bold: boolean): void {
  b.set(row, COMMUNE_COL.total, c.total, b.style("int", { bold }));
  STATUS_CATEGORIES.forEach((cat, i) => {
    b.set(row, COMMUNE_COL.firstCategory + i, c[cat], b.style("int", { bold, tone: categoryTone(cat, c[cat]) }));
  });
  b.set(row, COMMUNE_COL.completion, c.completionRate, b.style("pct", { bold }));
  b.set(row, COMMUNE_COL.onTime, c.onTimeRate, b.style("pct", { bold }));
}

function communeRow(b: SheetBuilder, row: number, c: RankedCommune): void {
  b.set(row, COMMUNE_COL.rank, c.rank, b.style("int"));
  b.set(row, COMMUNE_COL.commune, cityText.commune(c.commune.kind, c.commune.name), b.style("text"));
  b.set(row, COMMUNE_COL.plan, c.plan.number ?? "", b.style("center"));
  counts(b, row, c.total, false);
  b.set(row, COMMUNE_COL.errors, c.errors, b.style("int", { tone: c.errors > 0 ? "amber" : undefined }));
  b.set(row, COMMUNE_COL.asOf, c.asOf ? { date: c.asOf } : null, b.style("date"));
  b.set(row, COMMUNE_COL.file, c.file, b.style("text"));
}

function totalRow(b: SheetBuilder, row: number, ctx: CityContext): void {
  const bold = b.style("text", { bold: true });
  b.set(row, COMMUNE_COL.rank, null, b.style("int", { bold: true }));
  b.set(row, COMMUNE_COL.commune, cityText.totalRow, bold);
  b.set(row, COMMUNE_COL.plan, null, bold);
  counts(b, row, ctx.rollUp.total, true);
  b.set(
    row,
    COMMUNE_COL.errors,
    ctx.rollUp.communes.reduce((n, c) => n + c.errors, 0),
    b.style("int", { bold: true }),
  );
  b.set(row, COMMUNE_COL.asOf, null, bold);
  b.set(row, COMMUNE_COL.file, null, bold);
}

function ranking(b: SheetBuilder, ctx: CityContext, top: number): { headerRow: number; next: number } {
  let r = top;
  b.mergeSet(r++, 1, COMMUNE_COLUMNS, cityText.sectionRanking, b.style("section"));
  const headerRow = r;
  header(b, r++);
  totalRow(b, r++, ctx);
  const first = r;
  for (const c of ctx.rollUp.communes) communeRow(b, r++, c);
  if (!ctx.rollUp.communes.length) b.mergeSet(r++, 1, COMMUNE_COLUMNS, cityText.noCommunes, b.style("text"));
  else {
    const col = columnLetter(COMMUNE_COL.completion);
    b.visuals.push({ kind: "dataBar", range: `${col}${first}:${col}${r - 1}`, color: DATA_BAR_COLOR, min: 0, max: 1 });
  }
  return { headerRow, next: r };
}

export function buildCommunesSheet(ctx: CityContext, name: string) {
  const b = new SheetBuilder(CITY_COMMUNES_KEY, name);
  addCityTitleBlock(b, ctx, { left: [1, 4], right: [7, COMMUNE_COLUMNS], columns: COMMUNE_COLUMNS }, cityText.titleCommunes);
  let r = CITY_CONTENT_ROW;
  b.mergeSet(r++, 1, COMMUNE_COLUMNS, cityText.sectionOverall, b.style("section"));
  r = overall(b, ctx, r) + 1;
  r = bands(b, ctx, r);
  const { headerRow, next } = ranking(b, ctx, r + 1);
  const last = addLegend(b, next + 1, COMMUNE_COLUMNS, [
    { fill: "red", text: cityText.legendOverdue },
    { fill: "green", text: cityText.legendOnTime },
    { fill: "amber", text: cityText.legendErrors },
    { fill: { rgb: DATA_BAR_COLOR }, text: cityText.legendBar },
  ]);
  plainLine(b, last + 1, COMMUNE_COLUMNS, cityText.legendRank);
  return b.build({
    columns: COMMUNE_COLUMNS,
    widthRules: [
      { min: 6, max: 8 },
      { min: 20, max: 28 },
      { min: 12, max: 16 },
      { min: 9, max: 10 },
      ...STATUS_CATEGORIES.map(() => ({ min: 10, max: 12 })),
      { min: 10, max: 11 },
      { min: 10, max: 11 },
      { min: 8, max: 9 },
      { min: 11, max: 12 },
      { min: 14, max: 26 },
    ],
    print: reportPrint(headerRow, last + 1, COMMUNE_COLUMNS),
    tabColor: TAB_COLOR,
  });
}
