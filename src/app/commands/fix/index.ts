/** Sửa nhanh (one-click fixes): the pane's own, in its issues list (src/app/use-cases/fix.ts, through the pane's engine). */
import type { CommandDef } from "../../command";

export const fix = { id: "fix", pane: { place: "custom" } } as const satisfies CommandDef;
