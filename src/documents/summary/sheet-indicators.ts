/** "… - Chỉ tiêu": each indicator with its target, actual, achievement and met / not met. */
import { summaryText } from "../../i18n/summary";
import { verdictWithSign } from "../../i18n/format";
import { isPercentIndicator } from "../../core/indicator-values";
import { SheetBuilder } from "./sheet-builder";
import { TAB_COLOR } from "./styles";
import { addLegend, addTitleBlock, CONTENT_ROW, type SummaryContext } from "./title";
import { reportPrint } from "./print";

export const INDICATORS_KEY = "summary_indicators";
export const INDICATOR_COLUMNS = 7;
export const INDICATOR_COL = { no: 1, name: 2, measure: 3, target: 4, actual: 5, achievement: 6, verdict: 7 } as const;

/** A percent indicator shows its target and actual as percentages (they are fractions in the report). */
export { isPercentIndicator };

function formatPlain(n: number, percent: boolean): string {
  const v = percent ? n * 100 : n;
  const s = (Math.round(v * 100) / 100).toString().replace(".", ",");
  return percent ? `${s}%` : s;
}

export function buildIndicatorsSheet(ctx: SummaryContext, name: string) {
  const b = new SheetBuilder(INDICATORS_KEY, name);
  addTitleBlock(b, ctx, { left: [1, 2], right: [3, INDICATOR_COLUMNS], columns: INDICATOR_COLUMNS }, summaryText.titleIndicators);
  let r = CONTENT_ROW;
  const headerRow = r;
  const h = b.style("header");
  [
    summaryText.colNo,
    summaryText.colIndicator,
    summaryText.colMeasure,
    summaryText.colTarget,
    summaryText.colActual,
    summaryText.colAchievement,
    summaryText.colVerdict,
  ].forEach((t, i) => b.set(r, i + 1, t, h));
  r++;

  const inds = ctx.report.indicators;
  const sheets = [...new Set(inds.map((i) => i.sheet))];
  if (!inds.length) b.mergeSet(r++, 1, INDICATOR_COLUMNS, summaryText.noIndicators, b.style("text"));
  for (const sheet of sheets) {
    if (sheets.length > 1) b.mergeSet(r++, 1, INDICATOR_COLUMNS, sheet, b.style("subhead"));
    inds
      .filter((i) => i.sheet === sheet)
      .forEach((ind, i) => {
        const tone = ind.met === true ? "green" : ind.met === false ? "red" : undefined;
        const pct = isPercentIndicator(ind);
        b.set(r, INDICATOR_COL.no, i + 1, b.style("int", { tone }));
        b.set(r, INDICATOR_COL.name, ind.name, b.style("text", { tone }));
        b.set(r, INDICATOR_COL.measure, ind.unitOfMeasure, b.style("center", { tone }));
        const raw = ind.targetRaw?.trim();
        if (raw) b.set(r, INDICATOR_COL.target, raw, b.style("center", { tone }));
        else if (ind.target === null) b.set(r, INDICATOR_COL.target, null, b.style("center", { tone }));
        else if (ind.comparator === "<=")
          b.set(r, INDICATOR_COL.target, `${summaryText.atMost} ${formatPlain(ind.target, pct)}`, b.style("center", { tone }));
        else b.set(r, INDICATOR_COL.target, ind.target, b.style(pct ? "pct" : "num", { tone }));
        b.set(r, INDICATOR_COL.actual, ind.actual, b.style(pct ? "pct" : "num", { tone }));
        b.set(r, INDICATOR_COL.achievement, ind.achievement, b.style("pct", { tone }));
        // the verdict with the comparison applied ("Không đạt (> 90%)": "Trên 90%" is strict)
        const word = ind.met === true ? summaryText.met : ind.met === false ? summaryText.notMet : summaryText.unknownVerdict;
        const verdict =
          ind.met === null ? word : verdictWithSign(word, ind.comparator, ind.target === null ? null : formatPlain(ind.target, pct));
        b.set(r, INDICATOR_COL.verdict, verdict, b.style("center", { tone, bold: ind.met !== null }));
        r++;
      });
  }

  r++;
  const last = addLegend(b, r, INDICATOR_COLUMNS, [
    { fill: "green", text: summaryText.legendMet },
    { fill: "red", text: summaryText.legendNotMet },
  ]);

  return b.build({
    columns: INDICATOR_COLUMNS,
    widthRules: [
      { min: 5, max: 6 },
      { min: 36, max: 60 },
      { min: 10, max: 16 },
      { min: 14, max: 24 },
      { min: 11, max: 14 },
      { min: 10, max: 12 },
      { min: 13, max: 18 },
    ],
    print: reportPrint(headerRow, last, INDICATOR_COLUMNS),
    tabColor: TAB_COLOR,
  });
}
