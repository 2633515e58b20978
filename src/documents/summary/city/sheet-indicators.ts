/**
 * The indicators across the city's communes, matched from each commune's own wording:
 * - "Chỉ tiêu các xã": one row per indicator — how many communes list it, met it, missed it, have no result
 *   yet or do not list it; the city's figure (a sum, or a rate pooled from achieved counts and totals); and
 *   the wordings matched into it, so the reader sees the match;
 * - "Chỉ tiêu từng xã": under each indicator, every commune's result in its own words (missed first).
 */
import { cityText } from "../../../i18n/city-documents";
import { formatNumber, formatPercent, verdictWithSign } from "../../../i18n/format";
import type { CityFigure, CityIndicator, IndicatorResult } from "../../../core/consolidate/city-indicators";
import { reportPrint } from "../print";
import { SheetBuilder } from "../sheet-builder";
import { TAB_COLOR, type Tone } from "../styles";
import { addLegend, type LegendEntry } from "../title";
import { addCityTitleBlock, CITY_CONTENT_ROW, plainLine, type CityContext } from "./context";

export const CITY_INDICATORS_KEY = "city_indicators";
export const CITY_INDICATOR_DETAIL_KEY = "city_indicator_detail";
const TABLE_COLUMNS = 10;
const DETAIL_COLUMNS = 8;
/** Wordings listed in a row; the others are counted. */
const WORDINGS_SHOWN = 6;

const qty = (n: number) => formatNumber(n);
const MET_LEGEND: LegendEntry[] = [
  { fill: "green", text: cityText.legendMet },
  { fill: "red", text: cityText.legendNotMet },
];

/** A value of an indicator as people read it (85,5% or 1.234). */
export function indicatorValue(n: number | null, percent: boolean): string {
  if (n === null) return "—";
  return percent ? formatPercent(n) : formatNumber(n);
}

/** The city's figure in words: "1.234 (kế hoạch 900): tổng của 12 xã", "85,3% (1.234/1.447): gộp …". */
export function cityFigureText(ind: Pick<CityIndicator, "city" | "percent">): string {
  const f: CityFigure | null = ind.city;
  if (!f) return ind.percent ? cityText.cityNoCounts : cityText.cityNoData;
  if (f.kind === "sum") return cityText.citySum(qty(f.actual), f.target === null ? null : qty(f.target), qty(f.communes));
  return cityText.cityPooled(formatPercent(f.rate), qty(f.achieved), qty(f.total), qty(f.communes));
}

/** The wordings matched into the indicator: the main one with its communes, the others with how alike they are. */
export function wordingsText(ind: CityIndicator): string {
  const [main, ...others] = ind.wordings;
  const lines = [cityText.wordingMain(main.name, qty(main.communes))];
  for (const w of others.slice(0, WORDINGS_SHOWN - 1))
    lines.push(
      cityText.wordingOther(
        w.name,
        w.unitOfMeasure === main.unitOfMeasure ? "" : w.unitOfMeasure,
        qty(w.communes),
        formatPercent(w.similarity),
      ),
    );
  if (others.length > WORDINGS_SHOWN - 1) lines.push(cityText.moreWordings(qty(others.length - (WORDINGS_SHOWN - 1))));
  return lines.join("\n");
}

function tableHeader(b: SheetBuilder, row: number): void {
  const h = b.style("header");
  [
    cityText.colNo,
    cityText.colIndicator,
    cityText.colMeasure,
    cityText.colListed,
    cityText.colMet,
    cityText.colMissed,
    cityText.colNoData,
    cityText.colAbsent,
    cityText.colCity,
    cityText.colWordings,
  ].forEach((t, i) => b.set(row, i + 1, t, h));
}

function tableRow(b: SheetBuilder, row: number, no: number, ind: CityIndicator): void {
  b.set(row, 1, no, b.style("int"));
  b.set(row, 2, ind.name, b.style("text"));
  b.set(row, 3, ind.unitOfMeasure, b.style("center"));
  b.set(row, 4, ind.results.length, b.style("int"));
  b.set(row, 5, ind.met, b.style("int", { tone: ind.met ? "green" : undefined }));
  b.set(row, 6, ind.missed, b.style("int", { tone: ind.missed ? "red" : undefined }));
  b.set(row, 7, ind.noData, b.style("int"));
  b.set(row, 8, ind.absent, b.style("int"));
  b.set(row, 9, cityFigureText(ind), b.style("text"));
  b.set(row, 10, wordingsText(ind), b.style("text"));
}

export function buildCityIndicatorsSheet(ctx: CityContext, name: string) {
  const b = new SheetBuilder(CITY_INDICATORS_KEY, name);
  addCityTitleBlock(b, ctx, { left: [1, 3], right: [5, TABLE_COLUMNS], columns: TABLE_COLUMNS }, cityText.titleIndicators);
  let r = CITY_CONTENT_ROW;
  b.mergeSet(r++, 1, TABLE_COLUMNS, cityText.sectionIndicators, b.style("section"));
  const headerRow = r;
  tableHeader(b, r++);
  const inds = ctx.rollUp.indicators;
  inds.forEach((ind, i) => tableRow(b, r++, i + 1, ind));
  if (!inds.length) b.mergeSet(r++, 1, TABLE_COLUMNS, cityText.noIndicators, b.style("text"));
  const last = addLegend(b, r + 1, TABLE_COLUMNS, MET_LEGEND);
  plainLine(b, last + 1, TABLE_COLUMNS, cityText.legendMatch);
  return b.build({
    columns: TABLE_COLUMNS,
    widthRules: [
      { min: 5, max: 6 },
      { min: 30, max: 44 },
      { min: 9, max: 12 },
      { min: 9, max: 10 },
      { min: 7, max: 8 },
      { min: 8, max: 9 },
      { min: 9, max: 10 },
      { min: 11, max: 12 },
      { min: 20, max: 28 },
      { min: 30, max: 48 },
    ],
    print: reportPrint(headerRow, last + 1, TABLE_COLUMNS),
    tabColor: TAB_COLOR,
  });
}

const VERDICT_ORDER = (met: boolean | null) => (met === false ? 0 : met === null ? 1 : 2);

function verdict(r: IndicatorResult): string {
  const ind = r.indicator;
  const word = ind.met === true ? cityText.met : ind.met === false ? cityText.notMet : cityText.unknownVerdict;
  return ind.met === null || ind.target === null ? word : verdictWithSign(word, ind.comparator, indicatorValue(ind.target, ind.percent));
}

function detailRow(b: SheetBuilder, row: number, no: number, r: IndicatorResult): void {
  const ind = r.indicator;
  const tone: Tone | undefined = ind.met === true ? "green" : ind.met === false ? "red" : undefined;
  b.set(row, 1, no, b.style("int", { tone }));
  b.set(row, 2, cityText.commune(r.commune.kind, r.commune.name), b.style("text", { tone }));
  b.set(row, 3, ind.name, b.style("text", { tone }));
  b.set(row, 4, ind.unitOfMeasure, b.style("center", { tone }));
  b.set(row, 5, ind.targetRaw?.trim() || indicatorValue(ind.target, ind.percent), b.style("center", { tone }));
  b.set(row, 6, indicatorValue(ind.actual, ind.percent), b.style("center", { tone }));
  b.set(row, 7, ind.achieved !== null && ind.total !== null ? `${qty(ind.achieved)}/${qty(ind.total)}` : "", b.style("center", { tone }));
  b.set(row, 8, verdict(r), b.style("center", { tone, bold: ind.met !== null }));
}

function detailHeader(b: SheetBuilder, row: number): void {
  const h = b.style("header");
  [
    cityText.colNo,
    cityText.colCommune,
    cityText.colOwnWording,
    cityText.colMeasure,
    cityText.colTarget,
    cityText.colActual,
    cityText.colCounts,
    cityText.colVerdict,
  ].forEach((t, i) => b.set(row, i + 1, t, h));
}

export function buildCityIndicatorDetailSheet(ctx: CityContext, name: string) {
  const b = new SheetBuilder(CITY_INDICATOR_DETAIL_KEY, name);
  addCityTitleBlock(b, ctx, { left: [1, 3], right: [4, DETAIL_COLUMNS], columns: DETAIL_COLUMNS }, cityText.titleIndicators);
  let r = CITY_CONTENT_ROW;
  b.mergeSet(r++, 1, DETAIL_COLUMNS, cityText.sectionByCommune, b.style("section"));
  const headerRow = r;
  detailHeader(b, r++);
  ctx.rollUp.indicators.forEach((ind, i) => {
    b.mergeSet(r++, 1, DETAIL_COLUMNS, cityText.indicatorHeading(i + 1, ind.name, ind.unitOfMeasure), b.style("subhead"));
    const sorted = [...ind.results].sort((a, c) => VERDICT_ORDER(a.indicator.met) - VERDICT_ORDER(c.indicator.met));
    sorted.forEach((res, k) => detailRow(b, r++, k + 1, res));
  });
  if (!ctx.rollUp.indicators.length) b.mergeSet(r++, 1, DETAIL_COLUMNS, cityText.noIndicators, b.style("text"));
  const last = addLegend(b, r + 1, DETAIL_COLUMNS, MET_LEGEND);
  return b.build({
    columns: DETAIL_COLUMNS,
    widthRules: [
      { min: 5, max: 6 },
      { min: 18, max: 26 },
      { min: 36, max: 56 },
      { min: 9, max: 12 },
      { min: 12, max: 18 },
      { min: 10, max: 12 },
      { min: 10, max: 14 },
      { min: 17, max: 20 },
    ],
    print: reportPrint(headerRow, last, DETAIL_COLUMNS),
    tabColor: TAB_COLOR,
  });
}
