/**
 * Everything the pane needs from the engine, in one lazily loaded chunk (the engine and zod are the pane's
 * heaviest code and are not needed to paint it): the use cases (src/app) and the engine parts they call.
 * Loaded through engine.ts; tests give the pane a stand-in of the same shape.
 */
import "../core/zod-jitless";
import { runInSlices, CANCELLED } from "./slices";
import type { RunDeps, StepRunner } from "../app/run-context";
import type { InputWorkbook } from "../app/command";
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { WorkbookPort } from "../core/port";
import { draftReport as draftReportWith } from "../app/use-cases/report";
import { splitWorkbook as splitWorkbookWith, type SplitInput } from "../app/use-cases/split";
import { lazyWriters } from "./writers";

export { analyzeSteps } from "../core/analyze";
export { buildSummary } from "../documents/summary/build";
export { decodeLegacy } from "../core/text/legacy";
export { dueSoonByUnit } from "../core/due-soon";
export { defaultSettings } from "../core/settings";
export { checkWorkbook } from "../app/use-cases/check";
export { applyFix } from "../app/use-cases/fix";
export { writeSummarySheets } from "../app/use-cases/summarize";
export { saveSettings } from "../app/use-cases/settings";
export { changesSinceSnapshot } from "../app/use-cases/changes";
export { writeReportSheet } from "../app/use-cases/report";

/** The report document as a .docx, written by the pane's lazily loaded writer. */
export const draftReport = (report: Report, settings: Settings) => draftReportWith(report, settings, lazyWriters);

/** The pane's step runner: ~16 ms slices with the UI thread free in between (progress painted, clicks taken). */
export const runSliced: StepRunner = async (steps, options) => {
  const r = await runInSlices(steps, { onProgress: options.onProgress, cancelled: options.cancelled });
  return r === CANCELLED ? null : r;
};

/** The units' copies, written by the pane's lazily loaded .xlsx writer. */
export const splitWorkbook = (port: WorkbookPort, input: SplitInput, deps: RunDeps = {}) =>
  splitWorkbookWith(port, input, { ...deps, writers: lazyWriters });
export { reviewReturns, applyMerge, undoLastMerge, mergeState } from "../app/use-cases/merge";
export { defaultAccepted } from "../core/returned-copies/apply";

/** A picked file the pane could not open as a workbook, with the sentence that says why. */
export interface UnreadableFile {
  name: string;
  message: string;
}

/**
 * The units' returns the user picked, opened read-only with the file layer (its own chunk: Excel users
 * load it only here). A file that is not a workbook is set aside with its reason; the others are merged.
 */
export async function openReturnFiles(
  files: readonly { name: string; bytes: ArrayBuffer }[],
): Promise<{ inputs: InputWorkbook[]; unreadable: UnreadableFile[] }> {
  const { XlsxWorkbookPort } = await import(/* webpackChunkName: "xlsx-reader" */ "../xlsx/port");
  const inputs: InputWorkbook[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const f of files) {
    try {
      inputs.push({ label: f.name, port: await XlsxWorkbookPort.fromBytes(f.bytes, f.name, { readOnly: true }) });
    } catch (err) {
      unreadable.push({ name: f.name, message: err instanceof Error && err.message ? err.message : String(err) });
    }
  }
  return { inputs, unreadable };
}

/** Several files in one .zip (the units' copies, downloaded at once). */
export async function zipFiles(files: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { writeZip } = await import(/* webpackChunkName: "xlsx-writer" */ "../ooxml/zip-write");
  return writeZip(files.map((f) => ({ kind: "new" as const, name: f.fileName, data: f.bytes })));
}
