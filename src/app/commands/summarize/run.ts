/** The "summarize" command: check (unless the door has a report), then write the summary sheets. */
import { OUTCOME_TEXTS } from "../../../i18n/commands";
import { unappliedTouchesText } from "../../../i18n/excel";
import type { CommandRun } from "../../command";
import { reportOf } from "../../use-cases/check";
import { writeSummarySheets } from "../../use-cases/summarize";

export const run: CommandRun = async (req) => {
  const { report, settings } = await reportOf(req);
  req.deps?.cancel?.throwIfCancelled(); // nothing written yet; once writing starts, the summary is finished
  const result = await writeSummarySheets(req.port, report, settings, req.deps?.engine);
  const t = OUTCOME_TEXTS[req.lang];
  const w = result.snapshotWarning;
  const message =
    (result.replaced.length ? t.summaryReplaced(result.replaced) + " " : "") +
    t.summaryDone(result.sheetNames) +
    (result.unapplied?.length ? " " + unappliedTouchesText(req.lang, result.unapplied) : "") +
    (w ? " " + t.snapshotsDamaged(w.kind === "corrupt" ? null : w.count) : "") +
    (result.snapshot.tooBig ? " " + t.snapshotTooBig : "");
  return { ok: true, message, report, changed: true };
};
