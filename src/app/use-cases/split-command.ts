/** The "split" command (phuluc split PLAN -o DIR): one workbook per lead unit, as the outcome's files. */
import { RETURNS_TEXTS } from "../../i18n/returns";
import type { CommandRun } from "../command";
import { splitWorkbook, XLSX_MEDIA_TYPE } from "./split";

export const run: CommandRun = async (req) => {
  const result = await splitWorkbook(req.port, { asOf: req.asOf, settings: req.settings, planFile: req.label }, req.deps);
  const tasks = result.files.reduce((n, f) => n + f.tasks, 0);
  return {
    ok: true,
    message: RETURNS_TEXTS[req.lang].splitDone(result.files.length, tasks, result.unassigned),

    report: result.report,
    changed: false,
    outputs: result.files.map((f) => ({ bytes: f.bytes, fileName: f.fileName, mediaType: XLSX_MEDIA_TYPE })),
  };
};
