/**
 * The "merge" command (phuluc merge PLAN RETURN… -o OUT): every change no conflict holds back is written
 * into the plan (the CLI writes the copy to OUT), the conflicts are listed, and the outcome is not ok
 * while any conflict remains (exit 1). `--json` prints the account of the merge (MergeJsonSchema) instead.
 */
import { mergeJson } from "../../core/returns/merge-json";
import { mergeReportText } from "../../i18n/returns";
import type { CommandRun } from "../command";
import { applyMerge, reviewReturns } from "./merge";

export const run: CommandRun = async (req) => {
  const review = await reviewReturns(req.port, req.inputs ?? [], { asOf: req.asOf, settings: req.settings }, req.deps);
  const applied = await applyMerge(req.port, review);
  return {
    ok: applied.unresolved === 0,
    message: mergeReportText(review.proposal, applied, req.lang),
    json: mergeJson(review.proposal, applied, req.lang),
    report: review.report,
    changed: true,
  };
};
