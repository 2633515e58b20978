/**
 * What a use case gets besides its port and its input: how to drive the engine's steps (the pane runs
 * them in slices, the CLI and the ribbon in one go), progress, and one cancellation token per run.
 */
import type { AnalyzeProgress, analyzeSteps } from "../core/analyze";
import type { buildSummary } from "../documents/summary/build";
import type { decodeLegacy } from "../core/text/legacy";
import type { ReadProgress } from "../core/port";
import type { Settings } from "../core/settings";
import type { ReportDoc } from "../documents/report-doc/spec";
import type { UnitCopy } from "../documents/unit-copies/split";

/** A run was called off (a newer Kiểm tra, a new date): its result is never shown. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/**
 * One per run: the door cancels it, the use case checks it between steps. `expired` cancels it by itself
 * (the ribbon's: once its runtime's time is nearly up).
 */
export class CancelToken {
  private done = false;
  constructor(private readonly expired?: () => boolean) {}
  get cancelled(): boolean {
    return this.done || (this.expired?.() ?? false);
  }
  cancel(): void {
    this.done = true;
  }
  /** Throws Cancelled once the token is cancelled. */
  throwIfCancelled(): void {
    if (this.cancelled) throw new Cancelled();
  }
}

/** Where a run stands: reading the workbook (sheets read of total), then analysing it (the engine's step). */
export type RunProgress = ({ stage: "reading" } & ReadProgress) | { stage: "analysing"; step?: AnalyzeProgress };

/** Drives a step generator to its end; the pane's runs in ~16 ms slices. Returns null when cancelled. */
export type StepRunner = <P, R>(
  steps: Generator<P, R, void>,
  options: { onProgress?: (p: P) => void; cancelled: () => boolean },
) => Promise<R | null>;

/** The default runner: all steps at once (CLI, ribbon). */
export const runAllSteps: StepRunner = async (steps, options) => {
  for (;;) {
    if (options.cancelled()) {
      steps.return(undefined as never);
      return null;
    }
    const s = steps.next();
    if (s.done) return s.value;
  }
};

/** The engine's entry points a use case calls; a door may swap them (tests give the pane a stand-in). */
export interface EngineParts {
  analyzeSteps: typeof analyzeSteps;
  buildSummary: typeof buildSummary;
  decodeLegacy: typeof decodeLegacy;
}

/**
 * The writers of the files a use case makes, given by the door: app loads no adapter itself. The CLI
 * imports them; the pane, the web app and the ribbon load each as a chunk of its own on first use.
 */
export interface FileWriters {
  /** A unit's copy as an .xlsx file. */
  unitCopy(copy: UnitCopy, settings: Settings): Promise<Uint8Array>;
  /** The report document as a .docx file, with its media type. */
  reportDocx(doc: ReportDoc): Promise<{ bytes: Uint8Array; mediaType: string }>;
}

export interface RunDeps {
  runSteps?: StepRunner;
  onProgress?: (p: RunProgress) => void;
  cancel?: CancelToken;
  /** Defaults: the real engine. */
  engine?: Partial<EngineParts>;
  /** Needed by the use cases that make files (split, report); every door gives them. */
  writers?: FileWriters;
}

/** The door's file writers (a use case that makes a file cannot run without them). */
export function writersOf(deps: RunDeps | undefined): FileWriters {
  if (!deps?.writers) throw new Error("No file writers: the door gives them in deps.writers.");
  return deps.writers;
}
