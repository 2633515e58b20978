/** Tạo bảng tổng hợp: `phuluc summarize FILE -o OUT`, the ribbon's button, the pane's (its own view). */
import type { CommandDef, NoInput } from "../../command";

export const summarize = {
  id: "summarize",
  cli: { name: "summarize", options: ["asOf", "lang", "out"], out: "required", prints: "message" },
  ribbon: { functionName: "buildSummary", input: () => ({}) },
  pane: { place: "custom" },
  load: () => import(/* webpackChunkName: "engine" */ "./run"),
} as const satisfies CommandDef<NoInput>;
