/**
 * What every sheet of the city's workbook is built from (phuluc consolidate): the roll-up, the city's
 * settings and identity; and its title block — the issuing body (under its parent) on the left, the
 * national name, motto and the place and date on the right, then the sheet's title, the city's plan (or how
 * many communes' plans it sums up) and the as-of date, in the summary sheets' style.
 */
import { cityText } from "../../../i18n/city-documents";
import { formatNumber, formatViDate } from "../../../i18n/format";
import { summaryText } from "../../../i18n/summary";
import type { CityRollUp } from "../../../core/consolidate/roll-up";
import { cityIdentityOf, cityPlanReference, type CityIdentity } from "../../report-doc/city-header";
import type { Settings } from "../../../core/settings";
import { dateLine } from "../format";
import type { SheetBuilder } from "../sheet-builder";
import type { CellStyle } from "../../../core/sheet-spec";

export interface CityContext {
  rollUp: CityRollUp;
  settings: Settings;
  city: CityIdentity;
}

export function cityContext(rollUp: CityRollUp, settings: Settings): CityContext {
  return { rollUp, settings, city: cityIdentityOf(settings) };
}

/** First row after the title block. */
export const CITY_CONTENT_ROW = 9;

/** A style of the builder's derived from a base one (a parent body not bold, a plain line without borders). */
export function derivedStyle(b: SheetBuilder, key: string, from: string, change: (s: CellStyle) => CellStyle): string {
  if (!b.styles[key]) b.styles[key] = change({ ...b.styles[from] });
  return key;
}

/** A line of text across the table, without borders (the overall figures). */
export function plainLine(b: SheetBuilder, row: number, columns: number, text: string): void {
  const style = derivedStyle(b, "city.line", b.style("legendText"), (s) => ({
    ...s,
    font: { ...s.font, italic: false },
    align: { ...s.align, wrap: true },
  }));
  b.mergeSet(row, 1, columns, text, style);
}

export function addCityTitleBlock(
  b: SheetBuilder,
  ctx: CityContext,
  spans: { left: [number, number]; right: [number, number]; columns: number },
  title: string,
): void {
  const [l1, l2] = spans.left;
  const [r1, r2] = spans.right;
  const { city, rollUp } = ctx;
  const lines = [...(city.parent ? [city.parent] : []), ...city.issuer];
  const shown = lines.length > 3 ? [lines[0], lines[1], lines.slice(2).join(" ")] : lines;
  // a long body's name wraps within the block rather than run past it
  const bold = derivedStyle(b, "city.issuer", b.style("commune"), (s) => ({ ...s, align: { ...s.align, wrap: true } }));
  const regular = derivedStyle(b, "city.parent", bold, (s) => ({ ...s, font: { ...s.font, bold: false } }));
  shown.forEach((text, i) => b.mergeSet(1 + i, l1, l2, text, city.parent && i === 0 ? regular : bold));
  b.mergeSet(1, r1, r2, summaryText.nationalName, b.style("nation"));
  b.mergeSet(2, r1, r2, summaryText.nationalMotto, b.style("motto"));
  b.mergeSet(3, r1, r2, dateLine(city.place, rollUp.asOf), b.style("dateLine"));
  b.mergeSet(5, 1, spans.columns, title, b.style("title"));
  const subtitle = cityPlanReference(city) ?? cityText.fromCommunes(formatNumber(rollUp.communes.length));
  b.mergeSet(6, 1, spans.columns, subtitle, b.style("plan"));
  b.mergeSet(7, 1, spans.columns, summaryText.asOfLine(formatViDate(rollUp.asOf)), b.style("asOf"));
  b.fixedHeights[4] = 8;
  b.fixedHeights[8] = 8;
}
