/** Gửi đơn vị (the units' copies): `phuluc split PLAN -o DIR`, the pane's (its own view). */
import type { CommandDef } from "../../command";
import type { SplitInput, SplitOutcome } from "./run";

export const split = {
  id: "split",
  cli: {
    name: "split",
    options: ["asOf", "lang", "out"],
    out: "required",
    output: "directory",
    prints: "message",
    input: (_args, door) => ({ planFile: door.fileName }),
    made: (outcome) => outcome.outputs,
  },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<SplitInput, SplitOutcome>;
