/** The "highlight" command: highlight the problem cells of the report at hand (checking first without one). */
import { OUTCOME_TEXTS } from "../../../i18n/commands";
import type { CommandRun } from "../../command";
import { reportOf } from "../../use-cases/check";
import { highlightIssues } from "../../use-cases/highlight";

export const run: CommandRun = async (req) => {
  const { report } = await reportOf(req);
  const { cells } = await highlightIssues(req.port, report);
  return { ok: true, message: OUTCOME_TEXTS[req.lang].highlighted(cells), report, changed: true };
};
