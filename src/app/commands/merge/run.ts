/**
 * The "merge" command (phuluc merge PLAN RETURN… -o OUT): every change no conflict holds back is written
 * into the plan (the CLI writes the copy to OUT), and so is every proposal the person merging accepted
 * (--accept, --decisions); the plan's own columns never are. The outcome is not ok while anything waits for
 * a decision (exit 1). `--json` prints the account of the merge (MergeJsonSchema) instead.
 */
import { decide, type DecisionInput } from "../../../core/returned-copies/decisions";
import { mergeJson, type MergeJson } from "../../../documents/unit-copies/merge-json";
import { mergeReportText, RETURNS_TEXTS } from "../../../i18n/returns";
import type { CommandOutcome, CommandRun, InputWorkbook } from "../../command";
import { applyMerge, reviewReturns } from "../../use-cases/merge";

export interface MergeInput {
  /** The units' returned copies, each with its file name. Only read. */
  returns: InputWorkbook[];
  /** What the person merging decided (--accept, --decisions); absent: only the changes no conflict holds back are written. */
  decisions?: DecisionInput;
}

export interface MergeOutcome extends CommandOutcome {
  /** The account of the merge (--json: MergeJsonSchema), built when read. */
  readonly json: MergeJson;
}

export const run: CommandRun<MergeInput, MergeOutcome> = async (req, { returns, decisions }) => {
  const review = await reviewReturns(req.port, returns, { asOf: req.asOf, settings: req.settings }, req.deps);
  const decided = decide(review.proposal, decisions);
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
