/**
 * Each indicator across the city, once matched (match.ts): which communes met it, missed it, list it with
 * no result yet, or do not list it; and the city's own figure where one can honestly be made —
 * - a count (sáng kiến, hồ sơ, người…): the sum of the communes' results (and of their targets, when every
 *   one of those communes sets an "at least" target);
 * - a rate: pooled from the communes that give their achieved count and total (Σ đạt / Σ tổng số), never an
 *   average of percentages. A rate no commune gives counts for has no city figure.
 */
import { matchIndicators, type IndicatorGroup } from "./match";
import type { CommuneIndicator, CommuneRow } from "./reads";

export interface IndicatorResult {
  /** The commune's file (the commune's row in the roll-up). */
  file: string;
  commune: CommuneRow["commune"];
  indicator: CommuneIndicator;
}

export type CityFigure =
  | { kind: "sum"; actual: number; target: number | null; communes: number }
  | { kind: "pooled"; achieved: number; total: number; rate: number; communes: number };

export interface CityIndicator extends IndicatorGroup {
  /** One per commune that lists it (its first row of this indicator), in the communes' order. */
  results: IndicatorResult[];
  met: number;
  missed: number;
  /** Listed, but no result yet (no actual, or no target to judge it by). */
  noData: number;
  /** Communes whose plan does not list it. */
  absent: number;
  city: CityFigure | null;
}

function sumOf(results: readonly IndicatorResult[]): CityFigure | null {
  const given = results.filter((r) => r.indicator.actual !== null);
  if (!given.length) return null;
  const actual = given.reduce((s, r) => s + r.indicator.actual!, 0);
  const targeted = given.every((r) => r.indicator.target !== null && (r.indicator.comparator === ">=" || r.indicator.comparator === ">"));
  const target = targeted ? given.reduce((s, r) => s + r.indicator.target!, 0) : null;
  return { kind: "sum", actual, target, communes: given.length };
}

function pooledOf(results: readonly IndicatorResult[]): CityFigure | null {
  const counted = results.filter((r) => r.indicator.achieved !== null && r.indicator.total !== null);
  if (!counted.length) return null;
  const achieved = counted.reduce((s, r) => s + r.indicator.achieved!, 0);
  const total = counted.reduce((s, r) => s + r.indicator.total!, 0);
  return total > 0 ? { kind: "pooled", achieved, total, rate: achieved / total, communes: counted.length } : null;
}

/** The city's indicators, in the matching's order (the most listed first). `communes`: in the roll-up's order. */
export function cityIndicators(communes: readonly CommuneRow[]): CityIndicator[] {
  const matching = matchIndicators(communes.map((c) => c.indicators));
  const results: IndicatorResult[][] = matching.groups.map(() => []);
  const seen = matching.groups.map(() => new Set<number>());
  communes.forEach((c, i) =>
    matching.groupOf[i].forEach((g, j) => {
      if (g < 0 || seen[g].has(i)) return;
      seen[g].add(i);
      results[g].push({ file: c.file, commune: c.commune, indicator: c.indicators[j] });
    }),
  );
  const indicators = matching.groups.map((group, g) => {
    const list = results[g];
    const met = list.filter((r) => r.indicator.met === true).length;
    const missed = list.filter((r) => r.indicator.met === false).length;
    return {
      ...group,
      results: list,
      met,
      missed,
      noData: list.length - met - missed,
      absent: communes.length - list.length,
      city: group.percent ? pooledOf(list) : sumOf(list),
    };
  });
  return indicators.sort((a, b) => b.results.length - a.results.length || a.name.localeCompare(b.name, "vi"));
}
