/**
 * The "merge" command (phuluc merge PLAN RETURN… -o OUT): every change no conflict holds back is written
 * into the plan (the CLI writes the copy to OUT), and so is every proposal the person merging accepted
 * (--accept, --decisions); the plan's own columns never are. The outcome is not ok while anything waits for
 * a decision (exit 1). `--json` prints the account of the merge (MergeJsonSchema) instead.
 */
import { decide } from "../../core/returns/decisions";
import { mergeJson } from "../../documents/unit-copies/merge-json";
import { mergeReportText, RETURNS_TEXTS } from "../../i18n/returns";
import type { CommandRun } from "../command";
import { applyMerge, reviewReturns } from "./merge";

export const run: CommandRun = async (req) => {
  const review = await reviewReturns(req.port, req.inputs ?? [], { asOf: req.asOf, settings: req.settings }, req.deps);
  const decided = decide(review.proposal, req.decisions);
  const applied = await applyMerge(req.port, review, decided);
  return {
    ok: applied.undecided.length === 0,
    message: mergeReportText(review.proposal, applied, req.lang),
    // Built only when a door asks for it (--json): a 200,000-row return's account is large.
    get json() {
      return mergeJson(review.proposal, applied, decided.decisions, req.lang);
    },
    report: review.report,
    changed: true,
    ...(decided.unknown.length ? { notes: [RETURNS_TEXTS[req.lang].unknownIds(decided.unknown)] } : {}),
  };
};
