/** Xóa đánh dấu: `phuluc clear FILE -o OUT`, the ribbon's button, the pane's button in the results. */
import type { CommandDef, NoInput } from "../../command";

export const clear = {
  id: "clear",
  cli: { name: "clear", options: ["lang", "out"], out: "required", prints: "message" },
  ribbon: { functionName: "clearHighlights", input: () => ({}) },
  pane: { place: "results", input: () => ({}) },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<NoInput>;
