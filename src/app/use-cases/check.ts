/** Check: read every sheet of the workbook and analyse it (the same steps from every door). */
import { analyzeSteps } from "../../core/analyze";
import type { Grid } from "../../core/grid";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { Cancelled, runAllSteps, type RunDeps } from "../run-context";
import type { CommandRequest } from "../command";

export interface CheckInput {
  /** ISO as-of date (ngày báo cáo). */
  asOf: string;
  /** Settings to use; default: the workbook's own. */
  settings?: Settings;
}

/**
 * A check of the workbook: its report, the sheets as read and the settings used. (The pane's `CheckResult`
 * is what it shows of one: the report, the grids and the units' due-soon counts.)
 */
export interface WorkbookCheck {
  report: Report;
  /** The sheets as read (kept for one-click fixes and comparisons without a second read). */
  grids: Grid[];
  settings: Settings;
  /** The workbook's stored settings were unreadable: defaults were used (a message for the user). */
  settingsWarning?: string;
}

export async function checkWorkbook(port: WorkbookPort, input: CheckInput, deps: RunDeps = {}): Promise<WorkbookCheck> {
  const cancelled = () => deps.cancel?.cancelled ?? false;
  let settings = input.settings;
  let settingsWarning: string | undefined;
  if (!settings) {
    const loaded = await port.loadSettings();
    settings = loaded.settings;
    settingsWarning = loaded.warning;
  }
  deps.cancel?.throwIfCancelled();
  deps.onProgress?.({ stage: "reading", done: 0, total: 0 });
  let grids: Grid[];
  try {
    // A run called off stops reading at the next sheet (the ribbon's, when its time is nearly up).
    grids = await port.readSheets((p) => {
      deps.cancel?.throwIfCancelled();
      deps.onProgress?.({ stage: "reading", ...p });
    });
  } catch (err) {
    if (cancelled()) throw new Cancelled();
    throw err;
  }
  deps.cancel?.throwIfCancelled();
  deps.onProgress?.({ stage: "analysing" });
  const run = deps.runSteps ?? runAllSteps;
  const steps = (deps.engine?.analyzeSteps ?? analyzeSteps)(grids, { asOf: input.asOf, settings });
  const report = await run(steps, {
    onProgress: (step) => cancelled() || deps.onProgress?.({ stage: "analysing", step }),
    cancelled,
  });
  if (report === null || cancelled()) throw new Cancelled();
  return { report, grids, settings, settingsWarning };
}

/** 1 when the report has errors (the CLI's exit code), else 0. */
export function hasErrors(report: Report): boolean {
  return report.issues.some((i) => i.severity === "error");
}

/** The report (and settings) a command works from: the door's when it has one (the pane), else a fresh check. */
export async function reportOf(req: CommandRequest): Promise<{ report: Report; settings: Settings }> {
  if (req.report && req.settings) return { report: req.report, settings: req.settings };
  const checked = await checkWorkbook(req.port, { asOf: req.asOf, settings: req.settings }, req.deps);
  return { report: checked.report, settings: checked.settings };
}
