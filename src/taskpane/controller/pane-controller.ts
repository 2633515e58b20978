/**
 * The task pane's controller, plain TypeScript: it owns the pane's state (a store over the reducer of
 * state/pane-state.ts), the runs and their cancellation (runs.ts) and every action the pane's buttons call.
 * Every job is a use case from src/app, the same function the CLI and the ribbon run. React only
 * subscribes to it (hooks/usePane.ts); tests drive it without React.
 */
import type { CommandDef } from "../../app/commands";
import type { Fix } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { Lang, UiStrings } from "../../i18n/ui";
import type { PaneState } from "../state/pane-state";
import type { PaneHost } from "./host";
import { ReturnsActions } from "./returns-actions";
import { asOfOf, failure, PaneRuns } from "./runs";

export interface PaneControllerOptions extends PaneHost {
  /** The as-of date the pane opens with (today, ISO). */
  asOf: string;
  lang: Lang;
}

export class PaneController {
  private readonly runs: PaneRuns;
  /** The units' returns: Gửi đơn vị, Gộp báo cáo đơn vị…, undo. */
  readonly returns: ReturnsActions;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getState: () => PaneState;

  constructor({ asOf, lang, ...host }: PaneControllerOptions) {
    this.runs = new PaneRuns(host, asOf, lang);
    this.returns = new ReturnsActions(this.runs);
    this.subscribe = this.runs.store.subscribe;
    this.getState = this.runs.store.getState;
  }

  /** The page around the pane changed what it gives (a new workbook, another delivery…). */
  readonly setHost = (host: PaneHost): void => {
    this.runs.host = host;
  };

  readonly setLang = (lang: Lang): void => {
    this.runs.lang = lang;
  };

  /** Loads the workbook's settings; the returned function makes a late answer ignored (unmount). */
  readonly loadSettings = (): (() => void) => this.runs.loadSettings();

  /** Kiểm tra (see PaneRuns.check: pressed again, it starts over). */
  readonly validate = (): Promise<void> => this.runs.check();

  readonly setAsOf = (asOf: string): void => this.runs.changeAsOf(asOf);

  /** Selecting a cell (an issue's, a change's) is quick and may happen while nothing else runs: no busy state, errors still shown. */
  readonly select = async (target: { sheet: string; cell: string | null }): Promise<void> => {
    if (!target.cell) return;
    try {
      await this.runs.host.port.select(target.sheet, target.cell);
    } catch (err) {
      this.runs.dispatch({ type: "error", error: failure(err) });
    }
  };

  readonly applyFix = (fix: Fix) =>
    this.runs.exclusive("fix", async (engine, recheck) => {
      const port = this.runs.host.port;
      const { cells } = await engine.applyFix(port, fix, this.runs.state.result?.grids ?? [], engine);
      if (cells === 0) return { notice: (t) => t.fixNothing };
      await recheck();
      // Show the user the cell that changed.
      if (fix.kind === "replace") await port.select(fix.sheet, fix.cell);
      return { notice: (t) => t.fixApplied };
    });

  /**
   * Tạo bảng tổng hợp: from the report shown, or after a check when there is none yet. Its sheet of changes
   * compares with the snapshot chosen in the changes section (default: the latest before the as-of date);
   * the snapshot it records then appears in the chooser.
   */
  readonly buildSummary = () =>
    this.runs.exclusive("summary", async (engine) => {
      const runs = this.runs;
      const result = await runs.resultNow(engine);
      const choice = runs.state.changes?.choice ?? null;
      const since = choice === null ? {} : { since: choice };
      const written = await engine.writeSummarySheets(runs.host.port, result.report, await runs.settingsNow(), engine, since);
      await runs.loadChanges(engine, result.report, runs.state.run, runs.state.changes?.choice ?? null);
      // The summary is made afresh: no sheet says any more that it predates a merge.
      runs.dispatch({ type: "returns", event: { type: "summaryRebuilt" } });
      const { changes: _changes, snapshot, snapshotWarning: w, ...summary } = written;
      const notice = (t: UiStrings) =>
        [w ? t.snapshotsDamaged(w.kind === "corrupt" ? null : w.count) : "", snapshot.tooBig ? t.snapshotTooBig : ""]
          .filter(Boolean)
          .join(" ");
      return { value: summary, summary, ...(w || snapshot.tooBig ? { notice } : {}) };
    });

  /** The changes section's chooser: compare the result shown with another snapshot (null: the default). */
  readonly compareWith = (seq: number | null) =>
    this.runs.exclusive("changes", async (engine) => {
      const result = this.runs.state.result;
      if (result) await this.runs.loadChanges(engine, result.report, this.runs.state.run, seq);
      return {};
    });

  /**
   * Tạo báo cáo (.docx): from the report shown (or after a check), the .docx handed to the host's download,
   * or, where the pane cannot download (Excel for Mac), the printable sheet "Báo cáo" written into the workbook.
   */
  readonly buildReport = () =>
    this.runs.exclusive("report", async (engine) => {
      const { port, delivery, saveFile } = this.runs.host;
      const result = await this.runs.resultNow(engine);
      const settings = await this.runs.settingsNow();
      // Section III: the changes the pane shows (since the snapshot chosen there), when there are some.
      const shown = this.runs.state.changes?.changes;
      const report = shown ? { ...result.report, changes: shown } : result.report;
      if (delivery === "sheet") {
        const name = (await engine.writeReportSheet(port, report, settings)).sheetNames[0];
        return { notice: (t: UiStrings) => t.reportSheetWritten(name) };
      }
      const drafted = await engine.draftReport(report, settings);
      saveFile(drafted.bytes, drafted.fileName, drafted.mediaType);
      return { notice: (t: UiStrings) => t.reportDownloaded(drafted.fileName) };
    });

  readonly saveSettings = (settings: Settings) =>
    this.runs.exclusive("settings", async (engine, recheck) => {
      const saved = await engine.saveSettings(this.runs.host.port, settings);
      this.runs.dispatch({ type: "settingsSaved", settings: saved });
      // The results shown were computed with the old unit list: check again with the new one.
      await recheck(saved);
      return { notice: (t) => t.saved, value: true };
    });

  /** A registry command with a plain pane button (Đánh dấu, Xóa đánh dấu…): the same function as the CLI and the ribbon. */
  readonly runCommand = (def: CommandDef) =>
    this.runs.exclusive(def.id, async (engine) => {
      const runs = this.runs;
      const asOf = asOfOf(runs.state);
      const { run } = await def.load!();
      const request = {
        port: runs.host.port,
        asOf,
        lang: runs.lang,
        writeBack: true,
        report: runs.state.result?.report,
        settings: await runs.settingsNow(),
        deps: { runSteps: engine.runSliced, engine },
      };
      const outcome = await run(request, def.pane?.place === "results" ? def.pane.input() : {});
      return { notice: () => outcome.message };
    });

  readonly dismissError = (): void => this.runs.dispatch({ type: "dismissError" });

  readonly setNotice = (notice: string | null): void =>
    this.runs.dispatch({ type: "notice", notice: notice === null ? null : () => notice });
}
