/** The "summarize" command: check (unless the door has a report), then write the summary sheets. */
import { OUTCOME_TEXTS } from "../../i18n/commands";
import { unappliedTouchesText } from "../../i18n/excel";
import type { CommandRun } from "../command";
import { checkWorkbook } from "./check";
import { writeSummarySheets } from "./summarize";

export const run: CommandRun = async (req) => {
  let report = req.report;
  let settings = req.settings;
  if (!report || !settings) {
    const checked = await checkWorkbook(req.port, { asOf: req.asOf, settings }, req.deps);
    report = checked.report;
    settings = checked.settings;
  }
  const result = await writeSummarySheets(req.port, report, settings, req.deps?.engine);
  const t = OUTCOME_TEXTS[req.lang];
  const message =
    (result.replaced.length ? t.summaryReplaced(result.replaced) + " " : "") +
    t.summaryDone(result.sheetNames) +
    (result.unapplied?.length ? " " + unappliedTouchesText(req.lang, result.unapplied) : "");
  return { ok: true, message, report, changed: true };
};
