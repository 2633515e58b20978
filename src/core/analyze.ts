/** The engine's entry point: grids → report. (Owner: engine.) */
import type { Grid } from "./grid";
import type { Report } from "./report-schema";
import type { Settings } from "./settings";

export interface AnalyzeOptions {
  /** ISO as-of date (ngày báo cáo). The core never reads a clock. */
  asOf: string;
  settings: Settings;
}

/** Read every appendix and indicator sheet; never throws on any grid content. */
export function analyze(grids: Grid[], options: AnalyzeOptions): Report {
  throw new Error("not implemented");
}
