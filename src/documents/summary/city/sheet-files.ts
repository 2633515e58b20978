/**
 * "Tệp và vấn đề": every file the city received — first those left out, each with its reason (not a
 * workbook, damaged, no appendix, no commune named, another file of the same commune with later figures…),
 * then those consolidated, each with what is wrong in it (errors and warnings found, damaged sheets,
 * unreadable settings) and where its as-of date comes from.
 */
import { cityText } from "../../../i18n/city-documents";
import { formatNumber } from "../../../i18n/format";
import type { RankedCommune } from "../../../core/consolidate/roll-up";
import type { SkippedFile } from "../../../core/consolidate/reads";
import { reportPrint } from "../print";
import { SheetBuilder } from "../sheet-builder";
import { TAB_COLOR } from "../styles";
import { addLegend } from "../title";
import { addCityTitleBlock, CITY_CONTENT_ROW, type CityContext } from "./context";

export const CITY_FILES_KEY = "city_files";
const COLUMNS = 6;
const COL = { no: 1, file: 2, commune: 3, asOf: 4, result: 5, note: 6 } as const;

function header(b: SheetBuilder, row: number): void {
  const h = b.style("header");
  [cityText.colNo, cityText.colFile, cityText.colCommune, cityText.colAsOf, cityText.colResult, cityText.colNote].forEach((t, i) =>
    b.set(row, i + 1, t, h),
  );
}

function skippedRow(b: SheetBuilder, row: number, no: number, s: SkippedFile, why: string): void {
  const red = { tone: "red" as const };
  b.set(row, COL.no, no, b.style("int", red));
  b.set(row, COL.file, s.file, b.style("text", red));
  b.set(row, COL.commune, null, b.style("text", red));
  b.set(row, COL.asOf, null, b.style("date", red));
  b.set(row, COL.result, cityText.notUsed, b.style("center", { ...red, bold: true }));
  b.set(row, COL.note, why, b.style("text", red));
}

function usedNote(c: RankedCommune): string {
  const notes = [c.errors + c.warnings ? cityText.fileErrors(formatNumber(c.errors), formatNumber(c.warnings)) : cityText.fileClean];
  if (c.damagedSheets.length) notes.push(cityText.fileDamagedSheets(c.damagedSheets.map((s) => `«${s}»`).join(", ")));
  if (c.settingsCorrupt) notes.push(cityText.fileSettingsCorrupt);
  if (c.asOfFrom) notes.push(`${cityText.colAsOf}: ${c.asOfFrom === "summary" ? cityText.asOfFromSummary : cityText.asOfFromFile}.`);
  return notes.join("\n");
}

function usedRow(b: SheetBuilder, row: number, no: number, c: RankedCommune): void {
  const tone = c.errors || c.damagedSheets.length ? ("amber" as const) : undefined;
  b.set(row, COL.no, no, b.style("int", { tone }));
  b.set(row, COL.file, c.file, b.style("text", { tone }));
  b.set(row, COL.commune, cityText.commune(c.commune.kind, c.commune.name), b.style("text", { tone }));
  b.set(row, COL.asOf, c.asOf ? { date: c.asOf } : cityText.asOfUnknown, b.style(c.asOf ? "date" : "center", { tone }));
  b.set(row, COL.result, cityText.used, b.style("center", { tone }));
  b.set(row, COL.note, usedNote(c), b.style("text", { tone }));
}

/** `reasonOf`: each left-out file's reason in words (the door's language is Vietnamese here: a state document). */
export function buildFilesSheet(ctx: CityContext, name: string, reasonOf: (s: SkippedFile) => string) {
  const b = new SheetBuilder(CITY_FILES_KEY, name);
  addCityTitleBlock(b, ctx, { left: [1, 3], right: [4, COLUMNS], columns: COLUMNS }, cityText.titleFiles);
  const { skipped, communes } = ctx.rollUp;
  let r = CITY_CONTENT_ROW;
  const headerRow = r;
  header(b, r++);
  b.mergeSet(r++, 1, COLUMNS, cityText.sectionSkipped(formatNumber(skipped.length)), b.style("subhead"));
  if (!skipped.length) b.mergeSet(r++, 1, COLUMNS, cityText.noneSkipped, b.style("text"));
  skipped.forEach((s, i) => skippedRow(b, r++, i + 1, s, reasonOf(s)));
  b.mergeSet(r++, 1, COLUMNS, cityText.sectionUsed(formatNumber(communes.length)), b.style("subhead"));
  const byFile = [...communes].sort((a, c) => (a.file < c.file ? -1 : a.file > c.file ? 1 : 0));
  byFile.forEach((c, i) => usedRow(b, r++, i + 1, c));
  const last = addLegend(b, r + 1, COLUMNS, [
    { fill: "red", text: cityText.legendSkipped },
    { fill: "amber", text: cityText.legendProblems },
  ]);
  return b.build({
    columns: COLUMNS,
    widthRules: [
      { min: 5, max: 7 },
      { min: 24, max: 40 },
      { min: 18, max: 26 },
      { min: 11, max: 12 },
      { min: 12, max: 16 },
      { min: 40, max: 70 },
    ],
    print: reportPrint(headerRow, last, COLUMNS),
    tabColor: TAB_COLOR,
  });
}
