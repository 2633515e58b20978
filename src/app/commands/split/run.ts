/** The "split" command (phuluc split PLAN -o DIR): one workbook per lead unit, as the outcome's files. */
import { RETURNS_TEXTS } from "../../../i18n/returns";
import type { CommandOutcome, CommandOutput, CommandRun } from "../../command";
import { splitWorkbook, XLSX_MEDIA_TYPE } from "../../use-cases/split";

export interface SplitInput {
  /** The plan's file name, kept in each copy's record. */
  planFile?: string;
}

export interface SplitOutcome extends CommandOutcome {
  /** The units' copies, one workbook per lead unit. */
  outputs: CommandOutput[];
}

export const run: CommandRun<SplitInput, SplitOutcome> = async (req, { planFile }) => {
  const result = await splitWorkbook(req.port, { asOf: req.asOf, settings: req.settings, planFile }, req.deps);
  const tasks = result.files.reduce((n, f) => n + f.tasks, 0);
  return {
    ok: true,
    message: RETURNS_TEXTS[req.lang].splitDone(result.files.length, tasks, result.unassigned),
    report: result.report,
    changed: false,
    outputs: result.files.map((f) => ({ bytes: f.bytes, fileName: f.fileName, mediaType: XLSX_MEDIA_TYPE })),
  };
};
