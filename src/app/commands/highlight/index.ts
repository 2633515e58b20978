/** Đánh dấu: the pane's button in the results (the CLI's `check -o` highlights too). */
import type { CommandDef, NoInput } from "../../command";

export const highlight = {
  id: "highlight",
  pane: { place: "results", input: () => ({}) },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<NoInput>;
