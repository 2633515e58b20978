/// <reference types="office-js" />
/**
 * Which Excel JavaScript API requirement set each feature of the adapter needs. manifest.xml declares
 * REQUIRED_EXCEL_API (the lowest set the adapter cannot work without); everything above it is
 * feature-detected with Office.context.requirements.isSetSupported and degrades when missing.
 */

/** Declared in manifest.xml <Requirements>. getItemOrNullObject and getUsedRangeOrNullObject need 1.4. */
export const REQUIRED_EXCEL_API = "1.4";

export const FEATURE_SETS = {
  /** conditionalFormats.add(dataBar) on summary sheets; otherwise no data bars. */
  conditionalFormats: "1.6",
  /** application.suspendApiCalculationUntilNextSync(); otherwise calculation is left on. */
  suspendCalculation: "1.6",
  /** freezePanes.freezeRows and Worksheet.tabColor; otherwise not set. */
  freezeAndTabColor: "1.7",
  /** Worksheet.standardWidth (column widths in the Normal font's characters); otherwise Excel's default 8.43. */
  standardWidth: "1.7",
  /** Worksheet.pageLayout (A4, orientation, fit to width, print titles, margins, print area). */
  pageLayout: "1.9",
  /** RangeFill.pattern: tells "no fill" from a white fill when recording a highlight. */
  fillPattern: "1.9",
  /** Range.copyFrom(…, formats): a column a merge adds is headed like its neighbour; otherwise its header is plain. */
  copyFormats: "1.9",
  /** Range.dataValidation: the merge writes a status in the words of the plan's drop-down; otherwise in the copies' words. */
  dataValidation: "1.8",
  /** Range.getMergedAreasOrNullObject(); before 1.13 merged areas are not read (none). */
  mergedAreas: "1.13",
} as const;

export type Feature = keyof typeof FEATURE_SETS;

/** isSetSupported("ExcelApi", version) as Office.js has it; injectable for tests. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function officeIsSetSupported(): IsSetSupported {
  return (name, minVersion) => {
    try {
      return Office.context.requirements.isSetSupported(name, minVersion);
    } catch {
      return false;
    }
  };
}

export function featureSupport(isSetSupported: IsSetSupported): Record<Feature, boolean> {
  const out = {} as Record<Feature, boolean>;
  for (const [k, v] of Object.entries(FEATURE_SETS)) out[k as Feature] = isSetSupported("ExcelApi", v);
  return out;
}
