/** The "check" command: check the workbook; where the door keeps changes (ribbon, CLI -o), highlight the problems. */
import { OUTCOME_TEXTS } from "../../../i18n/commands";
import type { CommandRun, SinceRequest } from "../../command";
import { checkWorkbook, hasErrors } from "../../use-cases/check";
import { highlightIssues } from "../../use-cases/highlight";

export interface CheckInput {
  /** Compare with an earlier version (--since): the report then carries `changes`. */
  since?: SinceRequest;
}

export const run: CommandRun<CheckInput> = async (req, { since }) => {
  const checked = await checkWorkbook(req.port, { asOf: req.asOf, settings: req.settings }, req.deps);
  // The comparison's modules (snapshots, their schemas) are loaded only when one is asked for.
  const report = since
    ? {
        ...checked.report,
        changes: await (await import("../../use-cases/changes")).changesSince(req.port, checked.report, since, req.deps),
      }
    : checked.report;
  req.deps?.cancel?.throwIfCancelled(); // nothing written yet: a run called off now leaves the workbook as it was
  const highlighted = req.writeBack ? (await highlightIssues(req.port, report)).cells : null;
  const errors = report.issues.filter((i) => i.severity === "error").length;
  return {
    ok: !hasErrors(report),
    message: OUTCOME_TEXTS[req.lang].checked(report.tasks.length, errors, report.issues.length - errors, highlighted),
    report,
    changed: highlighted !== null,
  };
};
