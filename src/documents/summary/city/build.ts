/** The city's workbook (phuluc consolidate): its sheets as a SummarySpec, written by the file layer. */
import { cityText } from "../../../i18n/city-documents";
import type { CityRollUp } from "../../../core/consolidate/roll-up";
import type { SkippedFile } from "../../../core/consolidate/reads";
import type { Settings } from "../../../core/settings";
import type { SummarySpec } from "../../../core/sheet-spec";
import { cityContext } from "./context";
import { buildCommunesSheet } from "./sheet-communes";
import { buildFilesSheet } from "./sheet-files";
import { buildCityIndicatorDetailSheet, buildCityIndicatorsSheet } from "./sheet-indicators";

/** Kept with the city workbook's sheets (its store), so a later run knows the workbook is a city's. */
export const CITY_MARKER = "phuluc.city.v1";

export function buildCitySummary(rollUp: CityRollUp, settings: Settings, reasonOf: (s: SkippedFile) => string): SummarySpec {
  const ctx = cityContext(rollUp, settings);
  return {
    marker: CITY_MARKER,
    sheets: [
      buildCommunesSheet(ctx, cityText.sheetCommunes),
      buildCityIndicatorsSheet(ctx, cityText.sheetIndicators),
      ...(rollUp.indicators.length ? [buildCityIndicatorDetailSheet(ctx, cityText.sheetIndicatorDetail)] : []),
      buildFilesSheet(ctx, cityText.sheetFiles, reasonOf),
    ],
  };
}
