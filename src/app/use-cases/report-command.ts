/** The "report" command: check (unless the door has a report), then draft the .docx (the outcome's output). */
import { formatViDate } from "../../core/dates";
import { OUTCOME_TEXTS } from "../../i18n/commands";
import type { CommandRun } from "../command";
import { checkWorkbook } from "./check";
import { draftReport } from "./report";

export const run: CommandRun = async (req) => {
  let report = req.report;
  let settings = req.settings;
  if (!report || !settings) {
    const checked = await checkWorkbook(req.port, { asOf: req.asOf, settings }, req.deps);
    report = checked.report;
    settings = checked.settings;
  }
  const drafted = await draftReport(report, settings);
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const message = OUTCOME_TEXTS[req.lang].reportDrafted(report.tasks.length, formatViDate(report.asOf), errors);
  return {
    ok: true,
    message,
    report,
    changed: false,
    output: { bytes: drafted.bytes, fileName: drafted.fileName, mediaType: drafted.mediaType },
  };
};
