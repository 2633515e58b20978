/** Nhận lại (the units' returned copies merged into the plan): `phuluc merge PLAN RETURN… -o OUT`, the pane's (its own view). */
import type { CommandDef } from "../../command";
import type { MergeInput, MergeOutcome } from "./run";

export const merge = {
  id: "merge",
  cli: {
    name: "merge",
    inputs: "many",
    options: ["asOf", "accept", "decisions", "json", "lang", "out"],
    out: "required",
    prints: "message",
    input: async (args, door) => ({
      returns: await door.openInputs(args.files),
      decisions: await (await import(/* webpackIgnore: true */ "./decisions-file")).decisionsOf(args, door),
    }),
    json: (outcome) => outcome.json,
  },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<MergeInput, MergeOutcome>;
