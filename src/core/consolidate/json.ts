/**
 * The JSON of `phuluc consolidate … --json` (a public contract, validated in the tests): the city's as-of
 * date, the files counted, the city's totals, one entry per commune (ranked), the indicators matched across
 * communes (with the wordings matched and each commune's result), and every file left out with its reason.
 * Keys camelCase, enum values snake_case, rates as fractions, dates ISO. The words (each skipped file's
 * message) come from the door, in the run's language.
 */
import { z } from "zod";
import { CountsSchema } from "../report-schema";
import { COMMUNE_KINDS, PlanIdentitySchema } from "../document/identity";
import { RATE_BANDS, type CityRollUp, type RankedCommune } from "./roll-up";
import type { CityIndicator, IndicatorResult } from "./city-indicators";
import { SKIP_REASONS, type SkippedFile } from "./reads";
import type { Lang } from "../lang";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

const CommuneJsonSchema = z.object({
  rank: z.number().int().positive().nullable(),
  /** The commune's name, without its kind ("An Hòa"). */
  commune: z.string().min(1),
  kind: z.enum(COMMUNE_KINDS),
  file: z.string(),
  plan: PlanIdentitySchema,
  asOf: isoDate.nullable(),
  asOfFrom: z.enum(["summary", "file"]).nullable(),
  total: CountsSchema,
  errors: count,
  warnings: count,
  damagedSheets: z.array(z.string()),
  settingsCorrupt: z.boolean(),
});

const ResultJsonSchema = z.object({
  file: z.string(),
  commune: z.string(),
  kind: z.enum(COMMUNE_KINDS),
  /** The indicator as this commune words it. */
  name: z.string(),
  unitOfMeasure: z.string(),
  targetRaw: z.string().optional(),
  target: z.number().nullable(),
  comparator: z.enum([">=", "<=", ">", "<"]),
  actual: z.number().nullable(),
  achieved: z.number().nullable(),
  total: z.number().nullable(),
  met: z.boolean().nullable(),
});

const CityFigureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sum"), actual: z.number(), target: z.number().nullable(), communes: count }),
  z.object({ kind: z.literal("pooled"), achieved: z.number(), total: z.number(), rate: z.number().nonnegative(), communes: count }),
]);

const IndicatorJsonSchema = z.object({
  name: z.string(),
  unitOfMeasure: z.string(),
  measure: z.enum(["percent", "count"]),
  /** The wordings matched into this indicator, the main one first: how many communes use each, how close it is. */
  wordings: z.array(z.object({ name: z.string(), unitOfMeasure: z.string(), communes: count, similarity: z.number().min(0).max(1) })),
  communes: count,
  met: count,
  missed: count,
  noData: count,
  absent: count,
  city: CityFigureSchema.nullable(),
  results: z.array(ResultJsonSchema),
});

const SkippedJsonSchema = z.object({
  file: z.string(),
  reason: z.enum(SKIP_REASONS),
  message: z.string().min(1),
  code: z.string().optional(),
  duplicateOf: z.string().optional(),
});

export const ConsolidateJsonSchema = z.object({
  version: z.literal(1),
  lang: z.enum(["vi", "en"]),
  asOf: isoDate,
  files: z.object({ total: count, read: count, skipped: count }),
  total: CountsSchema.extend({ communes: count }),
  bands: z.array(z.object({ band: z.enum(RATE_BANDS), communes: count })),
  communes: z.array(CommuneJsonSchema),
  indicators: z.array(IndicatorJsonSchema),
  skipped: z.array(SkippedJsonSchema),
});
export type ConsolidateJson = z.infer<typeof ConsolidateJsonSchema>;

function communeJson(c: RankedCommune): z.infer<typeof CommuneJsonSchema> {
  return {
    rank: c.rank,
    commune: c.commune.name,
    kind: c.commune.kind,
    file: c.file,
    plan: c.plan,
    asOf: c.asOf,
    asOfFrom: c.asOfFrom,
    total: c.total,
    errors: c.errors,
    warnings: c.warnings,
    damagedSheets: c.damagedSheets,
    settingsCorrupt: c.settingsCorrupt,
  };
}

function resultJson(r: IndicatorResult): z.infer<typeof ResultJsonSchema> {
  const { percent: _percent, ...ind } = r.indicator;
  return { file: r.file, commune: r.commune.name, kind: r.commune.kind, ...ind };
}

function indicatorJson(ind: CityIndicator): z.infer<typeof IndicatorJsonSchema> {
  return {
    name: ind.name,
    unitOfMeasure: ind.unitOfMeasure,
    measure: ind.percent ? "percent" : "count",
    wordings: ind.wordings,
    communes: ind.results.length,
    met: ind.met,
    missed: ind.missed,
    noData: ind.noData,
    absent: ind.absent,
    city: ind.city,
    results: ind.results.map(resultJson),
  };
}

/** The roll-up as its JSON contract; `messageOf` words each skipped file's reason in `lang`. */
export function consolidateJson(rollUp: CityRollUp, lang: Lang, messageOf: (s: SkippedFile) => string): ConsolidateJson {
  return {
    version: 1,
    lang,
    asOf: rollUp.asOf,
    files: { total: rollUp.files, read: rollUp.communes.length, skipped: rollUp.skipped.length },
    total: { ...rollUp.total, communes: rollUp.communes.length },
    bands: rollUp.bands,
    communes: rollUp.communes.map(communeJson),
    indicators: rollUp.indicators.map(indicatorJson),
    skipped: rollUp.skipped.map((s) => ({ ...s, message: messageOf(s) })),
  };
}
