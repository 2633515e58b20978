/** `phuluc settings FILE [--json] [-o OUT …]` and the pane's Cài đặt (its own view): the workbook's settings. */
import type { CommandDef } from "../../command";
import type { SettingsInput, SettingsOutcome } from "./run";
import { settingsEditOf } from "./edit";

export const settings = {
  id: "settings",
  // the same store Cài đặt writes (the port's loadSettings / saveSettings)
  cli: {
    name: "settings",
    options: ["json", "lang", "out", "commune", "plan", "signer", "signerTitle", "unitsFromPlan"],
    out: "optional",
    prints: "message",
    input: (args, door) => ({ edit: settingsEditOf(args), file: door.fileName }),
    json: (outcome) => outcome.json,
  },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<SettingsInput, SettingsOutcome>;
