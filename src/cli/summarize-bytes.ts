/**
 * `phuluc summarize` on bytes (no file system): open the workbook, run the same use cases as every door
 * (check, then write the summary sheets), save. For the benchmark (per-phase timings) and the tests that
 * look at the copy's bytes. The phases are timed at the use cases' seams: the read ends when the analysis
 * starts; the build is the summary builder's call; the write is the rest of the summary use case.
 */
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { Grid } from "../core/grid";
import type { SummarySpec, WriteSummaryResult } from "../core/sheet-spec";
import { buildSummary } from "../documents/summary/build";
import { analyzeSteps } from "../core/analyze";
import { checkWorkbook } from "../app/use-cases/check";
import { writeSummarySheets } from "../app/use-cases/summarize";
import { XlsxWorkbookPort } from "../xlsx/port";

export type AnalyzeFn = (grids: Grid[], options: { asOf: string; settings: Settings }) => Report;

export interface SummarizeBytesOptions {
  asOf: string;
  /** Name shown in error messages. */
  fileName?: string;
  /** The analysis (injectable for tests). */
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
  const marks: number[] = [now()];
  const mark = () => marks.push(now());
  const port = await XlsxWorkbookPort.fromBytes(data, options.fileName);
  const inject = options.analyze;
  const steps: typeof analyzeSteps = inject
    ? function* (grids, o) {
        yield { phase: "prepare", done: 0, total: 1 };
        return inject(grids, o);
      }
    : analyzeSteps;
  const checked = await checkWorkbook(
    port,
    { asOf: options.asOf },
    { engine: { analyzeSteps: steps }, onProgress: (p) => p.stage === "analysing" && !p.step && mark() },
  );
  mark(); // analysed
  let spec: SummarySpec | null = null;
  const build: typeof buildSummary = (report, settings) => {
    spec = buildSummary(report, settings);
    mark(); // built
    return spec;
  };
  const result = await writeSummarySheets(port, checked.report, checked.settings, { buildSummary: build });
  mark(); // written
  const bytes = await port.toBuffer();
  mark(); // saved
  const lap = (i: number) => Math.round((marks[i + 1] - marks[i]) * 10) / 10;
  return {
    bytes,
    report: checked.report,
    spec: spec!,
    result,
    settingsWarning: checked.settingsWarning,
    timings: { read: lap(0), analyze: lap(1), build: lap(2), write: lap(3), save: lap(4) },
  };
}
