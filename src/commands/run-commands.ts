/**
 * What the ribbon buttons do — the same steps as the task pane: read → analyze → highlight, or
 * read → analyze → buildSummary → writeSummary. Dependencies are injected so tests run it on the fake
 * Excel. `event.completed()` is always called exactly once, after the user has seen the result.
 */
import type { AnalyzeOptions } from "../core/analyze";
import type { Grid } from "../core/grid";
import type { HighlightTarget, WorkbookPort } from "../core/port";
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { SummarySpec } from "../core/summary/spec";
import { excelTexts, toUserMessage } from "../i18n/excel";
import type { CommandName } from "./names";

export interface CommandDeps {
  port: () => WorkbookPort;
  analyze: (grids: Grid[], options: AnalyzeOptions) => Report;
  buildSummary: (report: Report, settings: Settings) => SummarySpec;
  /** Today's date (ISO), in the user's time zone: the as-of date of a ribbon check. */
  today: () => string;
  /** Show the result to the user; resolves when it has been seen (or could not be shown). */
  notify: (message: string, kind: "ok" | "error") => Promise<void>;
}

export interface CommandEvent {
  completed: (options?: { allowEvent?: boolean }) => void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export function highlightTargets(report: Report): HighlightTarget[] {
  return report.issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell!, severity: i.severity }));
}

async function analyzeWorkbook(port: WorkbookPort, deps: CommandDeps): Promise<{ report: Report; settings: Settings }> {
  const { settings } = await port.loadSettings();
  const grids = await port.readSheets();
  return { report: deps.analyze(grids, { asOf: deps.today(), settings }), settings };
}

export function createCommands(deps: CommandDeps): Record<CommandName, CommandHandler> {
  const wrap =
    (work: (port: WorkbookPort) => Promise<string>): CommandHandler =>
    async (event) => {
      let done = false;
      const complete = () => {
        if (done) return;
        done = true;
        try {
          event.completed();
        } catch {
          /* the host may already have closed the command */
        }
      };
      try {
        let message: string;
        let kind: "ok" | "error" = "ok";
        try {
          message = await work(deps.port());
        } catch (err) {
          message = excelTexts.commandFailed(toUserMessage(err));
          kind = "error";
        }
        try {
          await deps.notify(message, kind);
        } catch {
          /* nothing more we can show */
        }
      } finally {
        complete();
      }
    };

  return {
    validateWorkbook: wrap(async (port) => {
      const { report } = await analyzeWorkbook(port, deps);
      await port.highlight(highlightTargets(report));
      const errors = report.issues.filter((i) => i.severity === "error").length;
      return excelTexts.commandValidated(report.tasks.length, errors, report.issues.length - errors);
    }),
    buildSummary: wrap(async (port) => {
      const { report, settings } = await analyzeWorkbook(port, deps);
      const result = await port.writeSummary(deps.buildSummary(report, settings));
      return excelTexts.commandSummaryDone(result.sheetNames, result.unapplied);
    }),
  };
}
