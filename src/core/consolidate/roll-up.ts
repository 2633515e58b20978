/**
 * The city's roll-up, built as the communes' numbers arrive (in any order, one at a time) and finished once:
 * one row per commune (two files of one commune: the later as-of date wins, the other is listed), the
 * communes ranked, the city's totals, the indicators matched across communes, and every file left out
 * with its reason. Only numbers are kept; the result never depends on the order the files were read in.
 */
import { emptyTally, withRates, type TallyCounts } from "../aggregate";
import type { Counts } from "../report-schema";
import { foldKey } from "../text/fold";
import type { CommuneKind } from "../document/identity";
import { cityIndicators, type CityIndicator } from "./city-indicators";
import type { CommuneRow, FileRead, SkippedFile } from "./reads";

export interface RankedCommune extends CommuneRow {
  /** 1 = the highest completion rate (then on-time rate); equal rates share a rank; null without a rate. */
  rank: number | null;
}

/** Completion-rate bands of the city's chart (codes; their words are in i18n). */
export const RATE_BANDS = ["from_90", "from_70", "from_50", "below_50", "no_rate"] as const;
export type RateBand = (typeof RATE_BANDS)[number];

export interface CityRollUp {
  asOf: string;
  /** Files given (read or not). */
  files: number;
  communes: RankedCommune[];
  total: Counts;
  byKind: Record<CommuneKind, number>;
  bands: { band: RateBand; communes: number }[];
  indicators: CityIndicator[];
  /** Files left out, by file name. */
  skipped: SkippedFile[];
}

const EPSILON = 1e-9;

/** Two files name one commune when kind and name fold alike and their plans do not differ (number and date). */
export function communeKey(row: Pick<CommuneRow, "commune">): string {
  return `${row.commune.kind}|${foldKey(row.commune.name)}`;
}

function samePlan(a: CommuneRow, b: CommuneRow): boolean {
  const [x, y] = [a.plan, b.plan];
  if (x.number && y.number && foldKey(x.number) !== foldKey(y.number)) return false;
  return !(x.date && y.date && x.date !== y.date);
}

/** The file whose figures are later: its as-of date, then its modification time, then its name. */
function later(a: CommuneRow, b: CommuneRow): CommuneRow {
  const asOf = (a.asOf ?? "").localeCompare(b.asOf ?? "");
  if (asOf) return asOf > 0 ? a : b;
  const mod = (a.modified ?? -1) - (b.modified ?? -1);
  if (mod) return mod > 0 ? a : b;
  return a.file >= b.file ? a : b;
}

export function rateBand(rate: number | null): RateBand {
  if (rate === null) return "no_rate";
  if (rate >= 0.9 - EPSILON) return "from_90";
  if (rate >= 0.7 - EPSILON) return "from_70";
  return rate >= 0.5 - EPSILON ? "from_50" : "below_50";
}

const byRate = (a: CommuneRow, b: CommuneRow): number => {
  const [ca, cb] = [a.total.completionRate, b.total.completionRate];
  if (ca === null || cb === null) return ca === cb ? 0 : ca === null ? 1 : -1;
  if (Math.abs(ca - cb) > EPSILON) return cb - ca;
  return (b.total.onTimeRate ?? -1) - (a.total.onTimeRate ?? -1);
};

/** Ranked: highest completion rate first, then on-time rate, fewer overdue, name, file. */
export function rankCommunes(rows: readonly CommuneRow[]): RankedCommune[] {
  const sorted = [...rows].sort(
    (a, b) =>
      byRate(a, b) ||
      a.total.overdue - b.total.overdue ||
      a.commune.name.localeCompare(b.commune.name, "vi") ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((row, i) => {
    if (row.total.completionRate === null) return { ...row, rank: null };
    const prev = sorted[i - 1];
    if (!prev || Math.abs(byRate(prev, row)) > EPSILON) rank = i + 1;
    return { ...row, rank };
  });
}

function addCounts(t: TallyCounts, c: Counts): void {
  for (const k of Object.keys(t) as (keyof TallyCounts)[]) t[k] += c[k];
}

export class CityAccumulator {
  private readonly kept = new Map<string, CommuneRow[]>();
  private readonly duplicates: CommuneRow[] = [];
  private readonly skipped: SkippedFile[] = [];
  private files = 0;

  constructor(readonly asOf: string) {}

  add(read: FileRead): void {
    this.files++;
    if (read.kind === "skipped") {
      const { kind: _kind, ...skipped } = read;
      this.skipped.push(skipped);
      return;
    }
    const row = read.row;
    const key = communeKey(row);
    const list = this.kept.get(key) ?? [];
    const i = list.findIndex((k) => samePlan(k, row));
    if (i < 0) list.push(row);
    else {
      const winner = later(list[i], row);
      this.duplicates.push(winner === row ? list[i] : row);
      list[i] = winner;
    }
    this.kept.set(key, list);
  }

  /** The file each duplicate gave way to (the one kept of its commune and plan, whatever the order of arrival). */
  private duplicatesSkipped(): SkippedFile[] {
    return this.duplicates.map((d) => ({
      file: d.file,
      reason: "duplicate",
      duplicateOf: (this.kept.get(communeKey(d)) ?? []).find((k) => samePlan(k, d))?.file ?? "",
    }));
  }

  finish(): CityRollUp {
    const communes = rankCommunes([...this.kept.values()].flat());
    const tally = emptyTally();
    const byKind: Record<CommuneKind, number> = { xa: 0, phuong: 0, dac_khu: 0 };
    const bands = new Map(RATE_BANDS.map((b) => [b, 0]));
    for (const c of communes) {
      addCounts(tally, c.total);
      byKind[c.commune.kind]++;
      const band = rateBand(c.total.completionRate);
      bands.set(band, bands.get(band)! + 1);
    }
    const skipped = [...this.skipped, ...this.duplicatesSkipped()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return {
      asOf: this.asOf,
      files: this.files,
      communes,
      total: withRates(tally),
      byKind,
      bands: RATE_BANDS.map((band) => ({ band, communes: bands.get(band)! })),
      indicators: cityIndicators(communes),
      skipped,
    };
  }
}
