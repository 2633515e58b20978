/** Tạo báo cáo (the report document, .docx): `phuluc report FILE -o OUT.docx`, the pane's (its own view). */
import type { CommandDef } from "../../command";
import type { ReportInput, ReportOutcome } from "./run";

export const report = {
  id: "report",
  cli: {
    name: "report",
    options: ["asOf", "since", "lang", "out"],
    out: "required",
    output: "document",
    prints: "message",
    input: async (args, door) => (await import(/* webpackIgnore: true */ "../since")).sinceInput(args, door),
    made: (outcome) => [outcome.output],
  },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<ReportInput, ReportOutcome>;
