/**
 * The whole summarize pipeline on bytes (no file system): read the workbook, analyse, build the
 * summary, write it into the workbook as the product's own parts, save. Used by `phuluc summarize`,
 * the benchmark (time `summarizeXlsxBytes`) and tests.
 */
import { analyze as coreAnalyze } from "../core/analyze";
import type { Grid } from "../core/grid";
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import { buildSummary } from "../core/summary/build";
import type { SummarySpec, WriteSummaryResult } from "../core/summary/spec";
import { readXlsxBytes } from "./read";
import { settingsFromStore } from "./settings";
import { writeSummary } from "./write-summary";

export type AnalyzeFn = (grids: Grid[], options: { asOf: string; settings: Settings }) => Report;

export interface SummarizeBytesOptions {
  asOf: string;
  /** Name shown in error messages. */
  fileName?: string;
  /** The engine (injectable for tests). */
  analyze?: AnalyzeFn;
}

export interface SummarizeBytesResult {
  bytes: Uint8Array;
  report: Report;
  spec: SummarySpec;
  result: WriteSummaryResult;
  settingsWarning?: string;
  /** Milliseconds per phase (read, analyze, build, write, save), for the benchmark. */
  timings: Record<"read" | "analyze" | "build" | "write" | "save", number>;
}

/** Throws XlsxReadError when the bytes are not a workbook (or a sheet is damaged); errors of the engine propagate. */
export async function summarizeXlsxBytes(data: Uint8Array | ArrayBuffer, options: SummarizeBytesOptions): Promise<SummarizeBytesResult> {
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  let t = now();
  const lap = () => {
    const n = now();
    const d = n - t;
    t = n;
    return Math.round(d * 10) / 10;
  };
  const { workbook, grids, store, storeCorrupt } = await readXlsxBytes(data, options.fileName);
  const { settings, warning } = settingsFromStore(store, storeCorrupt);
  const read = lap();
  const report = (options.analyze ?? coreAnalyze)(grids, { asOf: options.asOf, settings });
  const analyzeMs = lap();
  const spec = buildSummary(report, settings);
  const build = lap();
  const result = writeSummary(workbook, spec);
  const write = lap();
  const bytes = workbook.save();
  const save = lap();
  return { bytes, report, spec, result, settingsWarning: warning, timings: { read, analyze: analyzeMs, build, write, save } };
}
