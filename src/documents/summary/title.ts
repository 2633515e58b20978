/** The administrative title block at the top of every summary sheet (rows 1–8). */
import { summaryText } from "../../i18n/summary";
import { agencyOf, placeOf, planReference } from "../../i18n/document";
import type { Report } from "../../core/report-schema";
import type { Settings, UnitDef } from "../../core/settings";
import { formatViDate } from "../../i18n/format";
import type { DocumentIdentity } from "../../core/document/identity";
import { dateLine } from "./format";
import type { SheetBuilder } from "./sheet-builder";

export interface SummaryContext {
  report: Report;
  settings: Settings;
  asOf: string;
  /** Whose document it is: the commune and the plan every title names. */
  identity: DocumentIdentity;
  /** The unit list the analysis used (the settings', or the default list of the commune's kind). */
  units: UnitDef[];
}

/** First row after the title block. */
export const CONTENT_ROW = 9;
/** The row of "(Số liệu tính đến ngày …)" (column A): a merge marks it on the summaries it makes out of date. */
export const AS_OF_ROW = 7;

/** The plan as a summary's title names it: "Kế hoạch số 15/KH-UBND ngày 20/02/2026 của UBND xã Chí Minh". */
export function planLine(identity: DocumentIdentity): string {
  return planReference(identity, "short");
}

/**
 * Left: the issuing body ("UBND XÃ AN HÒA"); right: the national name, motto and the place/date
 * line; then the sheet's title, the plan's name and the as-of date, centred across the table.
 */
export function addTitleBlock(
  b: SheetBuilder,
  ctx: SummaryContext,
  spans: { left: [number, number]; right: [number, number]; columns: number },
  title: string,
): void {
  const [l1, l2] = spans.left;
  const [r1, r2] = spans.right;
  const commune = ctx.identity.commune;
  b.mergeSet(1, l1, l2, agencyOf(commune, "short").toLocaleUpperCase("vi"), b.style("commune"));
  b.mergeSet(1, r1, r2, summaryText.nationalName, b.style("nation"));
  b.mergeSet(2, r1, r2, summaryText.nationalMotto, b.style("motto"));
  b.mergeSet(3, r1, r2, dateLine(placeOf(commune), ctx.asOf), b.style("dateLine"));
  b.mergeSet(5, 1, spans.columns, title, b.style("title"));
  b.mergeSet(6, 1, spans.columns, planLine(ctx.identity), b.style("plan"));
  b.mergeSet(AS_OF_ROW, 1, spans.columns, summaryText.asOfLine(formatViDate(ctx.asOf)), b.style("asOf"));
  b.fixedHeights[4] = 8;
  b.fixedHeights[8] = 8;
}

export interface LegendEntry {
  /** Fill of the swatch cell. */
  fill: "red" | "green" | "amber" | { rgb: string };
  text: string;
}

/** "Chú thích:" and one row per colour, starting at `row`; returns the last row used. */
export function addLegend(b: SheetBuilder, row: number, columns: number, entries: LegendEntry[]): number {
  b.mergeSet(row, 1, Math.min(columns, 3), summaryText.legendTitle, b.style("legendTitle"));
  let r = row;
  for (const e of entries) {
    r++;
    if (typeof e.fill === "string") b.set(r, 1, null, b.style("swatch", { tone: e.fill }));
    else {
      const key = `swatch.${e.fill.rgb}`;
      if (!b.styles[key]) b.styles[key] = { ...b.styles[b.style("swatch")], fill: e.fill.rgb };
      b.set(r, 1, null, key);
    }
    b.mergeSet(r, 2, columns, e.text, b.style("legendText"));
  }
  return r;
}
