/** Kiểm tra: `phuluc check FILE`, the ribbon's Kiểm tra button, the pane's Kiểm tra (its own view). */
import type { CommandDef } from "../../command";
import type { CheckInput } from "./run";

export const check = {
  id: "check",
  cli: {
    name: "check",
    options: ["asOf", "since", "json", "lang", "out"],
    out: "optional",
    prints: "report",
    input: async (args, door) => (await import(/* webpackIgnore: true */ "../since")).sinceInput(args, door),
  },
  ribbon: { functionName: "validateWorkbook", input: () => ({}) },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<CheckInput>;
