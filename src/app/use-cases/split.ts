/**
 * Gửi đơn vị: check the plan, then make one workbook per lead unit (src/documents/unit-copies/split.ts), written
 * by the file writer the door gives (deps.writers: the pane loads it as a chunk of its own). Each task keeps the
 * identity the plan's summary snapshots give it. The plan is only read.
 */
import { lastCol } from "../../core/grid";
import type { WorkbookPort } from "../../core/port";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { identifyReport } from "../../core/snapshot";
import { splitPlan, type UnassignedTask } from "../../documents/unit-copies/split";
import { writersOf, type RunDeps } from "../run-context";
import { checkWorkbook } from "./check";
import { loadSnapshots } from "./changes";

export { XLSX_MEDIA_TYPE } from "./split-media";

export interface UnitFile {
  unit: string;
  fileName: string;
  bytes: Uint8Array;
  /** Tasks in the copy. */
  tasks: number;
}

export interface SplitResult {
  files: UnitFile[];
  /** Tasks sent to no one (no lead unit, an unknown one, or several), with their lead cells. */
  unassigned: UnassignedTask[];
  report: Report;
}

export interface SplitInput {
  asOf: string;
  settings?: Settings;
  /** A check the door already has (the pane's): its report and the grids it read. */
  checked?: { report: Report; grids: Parameters<typeof splitPlan>[0]["grids"]; settings: Settings };
  /** The plan's file name, kept in each copy's record. */
  planFile?: string;
}

export async function splitWorkbook(port: WorkbookPort, input: SplitInput, deps: RunDeps = {}): Promise<SplitResult> {
  const checked = input.checked ?? (await checkWorkbook(port, { asOf: input.asOf, settings: input.settings }, deps));
  const { report, grids, settings } = checked;
  const { book } = await loadSnapshots(port);
  const ids = identifyReport(report, book).ids;
  const appendices = new Set(report.sheets.filter((s) => s.role === "appendix").map((s) => s.name));
  const wanted = grids
    .filter((g) => appendices.has(g.name))
    .map((g) => ({ sheet: g.name, columns: Math.max(1, Math.min(lastCol(g), 200)) }));
  const columnWidths = wanted.length ? await port.readColumnWidths(wanted) : {};
  const plan = splitPlan({ report, grids, settings, ids, columnWidths, asOf: report.asOf, planFile: input.planFile });
  const writers = writersOf(deps);
  const files: UnitFile[] = [];
  for (const c of plan.copies)
    files.push({ unit: c.unit, fileName: c.fileName, bytes: await writers.unitCopy(c, settings), tasks: c.tasks });
  return { files, unassigned: plan.unassigned, report };
}
