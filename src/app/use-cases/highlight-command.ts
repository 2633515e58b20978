/** The "highlight" command: highlight the problem cells of the report at hand (checking first without one). */
import { OUTCOME_TEXTS } from "../../i18n/commands";
import type { CommandRun } from "../command";
import { checkWorkbook } from "./check";
import { highlightIssues } from "./highlight";

export const run: CommandRun = async (req) => {
  const report = req.report ?? (await checkWorkbook(req.port, { asOf: req.asOf, settings: req.settings }, req.deps)).report;
  const { cells } = await highlightIssues(req.port, report);
  return { ok: true, message: OUTCOME_TEXTS[req.lang].highlighted(cells), report, changed: true };
};
