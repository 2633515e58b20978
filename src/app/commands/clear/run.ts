/** The "clear" command: remove phuluc's highlights, the cells' own fills restored. */
import { OUTCOME_TEXTS } from "../../../i18n/commands";
import type { CommandRun } from "../../command";
import { clearHighlights } from "../../use-cases/highlight";

export const run: CommandRun = async (req) => {
  await clearHighlights(req.port);
  return { ok: true, message: OUTCOME_TEXTS[req.lang].highlightsCleared, changed: true };
};
