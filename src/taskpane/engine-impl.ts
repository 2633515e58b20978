/**
 * Everything the pane needs from the engine, in one lazily loaded chunk (the engine and zod are the pane's
 * heaviest code and are not needed to paint it): the use cases (src/app) and the engine parts they call.
 * Loaded through engine.ts; tests give the pane a stand-in of the same shape.
 */
import "../core/zod-jitless";
import { runInSlices, CANCELLED } from "./slices";
import type { StepRunner } from "../app/run-context";

export { analyzeSteps } from "../core/analyze";
export { buildSummary } from "../core/summary/build";
export { decodeLegacy } from "../core/text/legacy";
export { dueSoonByUnit } from "../core/due-soon";
export { defaultSettings } from "../core/settings";
export { checkWorkbook } from "../app/use-cases/check";
export { applyFix } from "../app/use-cases/fix";
export { writeSummarySheets } from "../app/use-cases/summarize";
export { saveSettings } from "../app/use-cases/settings";
export { changesSinceSnapshot } from "../app/use-cases/changes";
export { draftReport, writeReportSheet } from "../app/use-cases/report";

/** The pane's step runner: ~16 ms slices with the UI thread free in between (progress painted, clicks taken). */
export const runSliced: StepRunner = async (steps, options) => {
  const r = await runInSlices(steps, { onProgress: options.onProgress, cancelled: options.cancelled });
  return r === CANCELLED ? null : r;
};
