/**
 * The "report" command: check (unless the door has a report), compare with the earlier version for the
 * document's section III (--since, else the latest summary snapshot before the as-of date, when there is
 * one), then draft the .docx (the outcome's output).
 */
import { formatViDate } from "../../../i18n/format";
import { OUTCOME_TEXTS } from "../../../i18n/commands";
import type { CommandOutcome, CommandOutput, CommandRun, SinceRequest } from "../../command";
import { reportOf } from "../../use-cases/check";
import { draftReport } from "../../use-cases/report";
import { writersOf } from "../../run-context";
import { changesSince, changesSinceSnapshot } from "../../use-cases/changes";

export interface ReportInput {
  /** The earlier version section III compares with (--since); default: the latest summary snapshot before the as-of date. */
  since?: SinceRequest;
}

export interface ReportOutcome extends CommandOutcome {
  /** The report document (.docx). */
  output: CommandOutput;
}

export const run: CommandRun<ReportInput, ReportOutcome> = async (req, { since }) => {
  const checked = await reportOf(req);
  const settings = checked.settings;
  let report = checked.report;
  if (!report.changes) {
    const changes = since ? await changesSince(req.port, report, since, req.deps) : (await changesSinceSnapshot(req.port, report)).changes;
    if (changes) report = { ...report, changes };
  }
  const drafted = await draftReport(report, settings, writersOf(req.deps));
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
