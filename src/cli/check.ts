/** `phuluc check FILE [--as-of YYYY-MM-DD] [--json]`: read, analyse, print. Exit 0 / 1 (errors). */
import { analyze } from "../core/analyze";
import type { Report } from "../core/report-schema";
import { cliTexts } from "../i18n/cli";
import { xlsxTexts } from "../i18n/xlsx";
import type { ParsedArgs } from "./args";
import type { CliIO } from "./io";
import { blocks, jsonPieces } from "./json-stream";
import { loadWorkbookFile } from "./load";
import { renderTextReport } from "./text-report";

export function exitCodeFor(report: Report): number {
  return report.issues.some((i) => i.severity === "error") ? 1 : 0;
}

export async function checkCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  // Only the grids and settings are kept: the ExcelJS workbook can be collected before the analysis.
  const { grids, settings, settingsWarning, skippedSheets } = await loadWorkbookFile(args.file, { readOnly: true });
  if (settingsWarning) io.stderr(cliTexts.settingsWarning(settingsWarning) + "\n");
  // A damaged sheet is skipped (the others are checked), said on stderr, and the check is not clean.
  for (const sheet of skippedSheets) io.stderr("phuluc: " + xlsxTexts.sheetSkipped(sheet) + "\n");
  const report = analyze(grids, { asOf: args.asOf, settings });
  if (args.json) {
    // In blocks: the text of a 100,000-task report is never built as one string.
    for (const block of blocks(jsonPieces(report as unknown as Record<string, unknown>))) io.stdout(block);
    io.stdout("\n");
  } else io.stdout(renderTextReport(report, { file: args.file }));
  return skippedSheets.length ? Math.max(1, exitCodeFor(report)) : exitCodeFor(report);
}
