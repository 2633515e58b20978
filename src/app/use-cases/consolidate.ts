/**
 * Tổng hợp nhiều xã (`phuluc consolidate DIR|FILES… -o TONG-HOP.xlsx`, and the web app's many files or
 * dropped folder): the communes' numbers, as the door's runner reads them one file at a time, are rolled up
 * as they arrive (src/core/consolidate) — only numbers are kept — then the city's workbook is written and,
 * when asked, its report drafted. The files themselves never reach this function: the runner reads them
 * (readCommune), and the writers come through deps.
 */
import { consolidateJson, type ConsolidateJson } from "../../core/consolidate/json";
import type { FileRead, SkippedFile } from "../../core/consolidate/reads";
import { CityAccumulator, type CityRollUp } from "../../core/consolidate/roll-up";
import { formatViDate } from "../../i18n/format";
import { buildCityReportDoc } from "../../documents/report-doc/city";
import type { Settings } from "../../core/settings";
import { buildCitySummary } from "../../documents/summary/city/build";
import type { SummarySpec } from "../../core/sheet-spec";
import { CONSOLIDATE_TEXTS, skippedText } from "../../i18n/consolidate";
import type { CommandOutcome, CommandOutput, Lang } from "../command";
import { XLSX_MEDIA_TYPE } from "./split-media";
import type { FileWriters } from "../run-context";

export interface ConsolidateDeps {
  /** Writes the city's workbook (the file layer: src/xlsx/city-workbook.ts), its settings kept in it. */
  writeWorkbook: (spec: SummarySpec, settings: Settings) => Uint8Array;
  /** Renders the report (the door's .docx writer), when one is asked for. */
  renderReport?: FileWriters["reportDocx"];
}

export interface ConsolidateRequest {
  asOf: string;
  lang: Lang;
  /** The city's settings: its issuing body and parent, signer, number, plan (flags over an earlier city workbook's). */
  settings: Settings;
  /** Also draft the city's report. */
  report: boolean;
  /** Each file's reading, in any order: the door's runner (worker threads in the CLI, one by one in a browser). */
  reads: AsyncIterable<FileRead>;
  deps: ConsolidateDeps;
}

export interface ConsolidateOutcome extends CommandOutcome {
  /** The city's workbook. */
  output: CommandOutput;
  /** The city's report, when asked for. */
  document?: CommandOutput;
  json: ConsolidateJson;
  rollUp: CityRollUp;
}

export type ConsolidateRun = (req: ConsolidateRequest) => Promise<ConsolidateOutcome>;

/** Left-out files named in the message (all of them are in the workbook and the JSON). */
const SKIPPED_IN_MESSAGE = 30;

/** Every file read into the roll-up, one at a time, as the runner hands them. */
export async function rollUpReads(asOf: string, reads: AsyncIterable<FileRead>): Promise<CityRollUp> {
  const acc = new CityAccumulator(asOf);
  for await (const read of reads) acc.add(read);
  return acc.finish();
}

function message(rollUp: CityRollUp, lang: Lang): string {
  const t = CONSOLIDATE_TEXTS[lang];
  const lines = [
    t.done({
      communes: rollUp.communes.length,
      files: rollUp.files,
      skipped: rollUp.skipped.length,
      tasks: rollUp.total.total,
      completionRate: rollUp.total.completionRate,
      overdue: rollUp.total.overdue,
      indicators: rollUp.indicators.length,
      asOfText: formatViDate(rollUp.asOf),
    }),
  ];
  for (const s of rollUp.skipped.slice(0, SKIPPED_IN_MESSAGE)) lines.push(t.skippedLine(s.file, skippedText(s, lang)));
  if (rollUp.skipped.length > SKIPPED_IN_MESSAGE) lines.push(t.moreSkipped(rollUp.skipped.length - SKIPPED_IN_MESSAGE));
  for (const c of rollUp.communes) if (c.damagedSheets.length) lines.push(t.damagedLine(c.file, c.damagedSheets));
  return lines.join("\n");
}

/** The documents are Vietnamese state documents: their reasons are worded in Vietnamese. */
const reasonVi = (s: SkippedFile) => skippedText(s, "vi");

export const run: ConsolidateRun = async (req) => {
  const rollUp = await rollUpReads(req.asOf, req.reads);
  const bytes = req.deps.writeWorkbook(buildCitySummary(rollUp, req.settings, reasonVi), req.settings);
  const output = { bytes, fileName: `tong-hop-${rollUp.asOf}.xlsx`, mediaType: XLSX_MEDIA_TYPE };
  let document: CommandOutput | undefined;
  if (req.report && req.deps.renderReport) {
    const doc = buildCityReportDoc(rollUp, req.settings, reasonVi);
    document = { ...(await req.deps.renderReport(doc)), fileName: doc.fileName };
  }
  const partial = rollUp.communes.some((c) => c.damagedSheets.length > 0);
  return {
    ok: rollUp.skipped.length === 0 && !partial,
    message: message(rollUp, req.lang),
    changed: false,
    output,
    ...(document ? { document } : {}),
    json: consolidateJson(rollUp, req.lang, (s) => skippedText(s, req.lang)),
    rollUp,
  };
};
