/**
 * The pane's actions over its state (state/pane-state.ts), on an injected WorkbookPort and engine. Every
 * job is a use case from src/app, the same function the CLI and the ribbon run. A Kiểm tra run has one
 * CancelToken: pressing Kiểm tra again or changing the date cancels it (it stops at its next pause, its
 * events are ignored), and the new run starts once the old one has stopped. Other actions are exclusive;
 * their errors become the message bar, never an unhandled rejection.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { CommandDef } from "../../app/commands";
import { CancelToken, Cancelled } from "../../app/run-context";
import { parseUserDate } from "../../core/dates";
import type { Fix, Report } from "../../core/report-schema";
import type { WorkbookPort } from "../../core/port";
import type { Settings } from "../../core/settings";
import type { Lang, UiStrings } from "../../i18n/ui";
import type { Engine, EngineLoader } from "../engine";
import type { FileDelivery, SaveFile } from "../file-delivery";
import { errorMessage } from "../errors";
import { initialPaneState, paneReducer, type CheckResult, type PaneState, type Words } from "../state/pane-state";
import { useReturnsActions, type Exclusive } from "./useReturnsActions";

export type { PaneState } from "../state/pane-state";

interface Run {
  id: number;
  token: CancelToken;
  done: Promise<unknown>;
}

/** The as-of date field does not hold a real date. */
class AsOfInvalid extends Error {}

const failure =
  (err: unknown): Words =>
  (t: UiStrings) =>
    err instanceof AsOfInvalid ? t.asOfInvalid : errorMessage(err, t);

function asOfOf(state: PaneState): string {
  const asOf = parseUserDate(state.asOf);
  if (!asOf) throw new AsOfInvalid();
  return asOf;
}

export function usePane(port: WorkbookPort, loadEngine: EngineLoader, initialAsOf: string, lang: Lang = "vi") {
  const [state, dispatch] = useReducer(paneReducer, initialAsOf, initialPaneState);
  /** The latest state, for actions that run across awaits. */
  const live = useRef<PaneState>(state);
  live.current = state;
  const langRef = useRef(lang);
  langRef.current = lang;
  /** The current check run (null when none), and the last run id handed out. */
  const current = useRef<Run | null>(null);
  const lastRun = useRef(0);
  /** An exclusive action is under way (set before its first await, so two clicks cannot both start). */
  const working = useRef(false);

  useEffect(() => {
    let stop = false;
    port.loadSettings().then(
      (loaded) => {
        if (stop) return;
        const w = loaded.warning;
        const warning: Words | null = w ? (t) => (w === "settings_corrupt" ? t.settingsCorrupt : w) : null;
        dispatch({ type: "settingsLoaded", settings: loaded.settings, warning });
      },
      (err) => !stop && dispatch({ type: "error", error: failure(err) }),
    );
    return () => {
      stop = true;
    };
  }, [port]);

  const settingsNow = useCallback(async (): Promise<Settings> => {
    const s = live.current.settings;
    if (s) return s;
    const loaded = await port.loadSettings();
    dispatch({ type: "settingsLoaded", settings: loaded.settings, warning: null });
    return loaded.settings;
  }, [port]);

  /**
   * What changed since a snapshot, for a result: the one the user chose (`choice`, a seq) or, when none
   * or it is gone, the default (the latest before the as-of date). A failure here is shown, never fatal.
   */
  const loadChanges = useCallback(
    async (engine: Engine, report: Report, run: number, choice: number | null): Promise<void> => {
      try {
        let view = await engine.changesSinceSnapshot(port, report, choice === null ? {} : { seq: choice });
        let chosen = choice;
        if (choice !== null && !view.baseline) {
          view = await engine.changesSinceSnapshot(port, report, {});
          chosen = null;
        }
        dispatch({ type: "changesLoaded", run, changes: { ...view, choice: chosen } });
      } catch (err) {
        dispatch({ type: "error", error: failure(err) });
      }
    },
    [port],
  );

  /** One check of the workbook under a new run id; throws Cancelled when called off. */
  const checkOnce = useCallback(
    async (engine: Engine, token: CancelToken, run: number, within: boolean, settings?: Settings): Promise<CheckResult> => {
      dispatch({ type: "checkStarted", run, within });
      const asOf = asOfOf(live.current);
      const out = await engine.checkWorkbook(
        port,
        { asOf, settings: settings ?? (await settingsNow()) },
        {
          runSteps: engine.runSliced,
          cancel: token,
          onProgress: (progress) => dispatch({ type: "checkProgress", run, progress }),
          engine,
        },
      );
      token.throwIfCancelled();
      const result = { report: out.report, grids: out.grids, dueSoon: engine.dueSoonByUnit(out.report) };
      dispatch({ type: "checkDone", run, result });
      await loadChanges(engine, out.report, run, live.current.changes?.choice ?? null);
      return result;
    },
    [port, settingsNow, loadChanges],
  );

  /**
   * Kiểm tra. Pressed while an earlier Kiểm tra runs, it cancels that run and starts over once it has
   * stopped. While another action runs it does nothing.
   */
  const validate = useCallback(async (): Promise<void> => {
    if (working.current) return;
    const previous = current.current;
    previous?.token.cancel();
    const id = ++lastRun.current;
    const token = new CancelToken();
    const done = (async () => {
      if (previous) await previous.done.catch(() => undefined);
      if (token.cancelled) return;
      try {
        const engine = await loadEngine();
        token.throwIfCancelled();
        await checkOnce(engine, token, id, false);
      } catch (err) {
        dispatch({ type: "checkEnded", run: id, error: err instanceof Cancelled ? null : failure(err) });
      } finally {
        if (current.current?.id === id) current.current = null;
      }
    })();
    current.current = { id, token, done };
    await done;
  }, [loadEngine, checkOnce]);

  /** A new date makes a check under way stale: it is called off (Kiểm tra checks with the new date). */
  const setAsOf = useCallback((asOf: string) => {
    if (asOf !== live.current.asOf) current.current?.token.cancel();
    dispatch({ type: "asOfChanged", asOf });
  }, []);

  /**
   * Run one exclusive action (not while a check or another action runs). `recheck`, after a change written
   * to the workbook: the results shown are checked again (with new settings when they changed).
   */
  const exclusive = useCallback<Exclusive>(
    async (what, fn) => {
      if (working.current || current.current) return undefined;
      working.current = true;
      dispatch({ type: "workStarted", what });
      try {
        const engine = await loadEngine();
        const recheck = async (settings?: Settings) => {
          if (live.current.result) await checkOnce(engine, new CancelToken(), ++lastRun.current, true, settings);
        };
        const out = await fn(engine, recheck);
        dispatch({ type: "workEnded", notice: out.notice ?? null, summary: out.summary });
        return out.value;
      } catch (err) {
        dispatch({ type: "workEnded", error: err instanceof Cancelled ? null : failure(err) });
        return undefined;
      } finally {
        working.current = false;
      }
    },
    [loadEngine, checkOnce],
  );

  /** The result shown, or a fresh check when there is none yet (inside an exclusive action). */
  const resultNow = useCallback(
    async (engine: Engine): Promise<CheckResult> =>
      live.current.result ?? (await checkOnce(engine, new CancelToken(), ++lastRun.current, true)),
    [checkOnce],
  );

  const returns = useReturnsActions({ port, live, dispatch, loadEngine, exclusive, resultNow, settingsNow });

  /** Selecting a cell (an issue's, a change's) is quick and may happen while nothing else runs: no busy state, errors still shown. */
  const select = useCallback(
    async (target: { sheet: string; cell: string | null }) => {
      if (!target.cell) return;
      try {
        await port.select(target.sheet, target.cell);
      } catch (err) {
        dispatch({ type: "error", error: failure(err) });
      }
    },
    [port],
  );

  const applyFix = useCallback(
    (fix: Fix) =>
      exclusive("fix", async (engine, recheck) => {
        const { cells } = await engine.applyFix(port, fix, live.current.result?.grids ?? [], engine);
        if (cells === 0) return { notice: (t) => t.fixNothing };
        await recheck();
        // Show the user the cell that changed.
        if (fix.kind === "replace") await port.select(fix.sheet, fix.cell);
        return { notice: (t) => t.fixApplied };
      }),
    [exclusive, port],
  );

  /**
   * Tạo bảng tổng hợp: from the report shown, or after a check when there is none yet. Its sheet of changes
   * compares with the snapshot chosen in the changes section (default: the latest before the as-of date);
   * the snapshot it records then appears in the chooser.
   */
  const buildSummary = useCallback(
    () =>
      exclusive("summary", async (engine) => {
        const result = await resultNow(engine);
        const choice = live.current.changes?.choice ?? null;
        const written = await engine.writeSummarySheets(
          port,
          result.report,
          await settingsNow(),
          engine,
          choice === null ? {} : { since: choice },
        );
        await loadChanges(engine, result.report, live.current.run, live.current.changes?.choice ?? null);
        // The summary is made afresh: no sheet says any more that it predates a merge.
        dispatch({ type: "returns", event: { type: "summaryRebuilt" } });
        const { changes: _changes, snapshot, snapshotWarning: w, ...summary } = written;
        const notice = (t: UiStrings) =>
          [w ? t.snapshotsDamaged(w.kind === "corrupt" ? null : w.count) : "", snapshot.tooBig ? t.snapshotTooBig : ""]
            .filter(Boolean)
            .join(" ");
        return { value: summary, summary, ...(w || snapshot.tooBig ? { notice } : {}) };
      }),
    [exclusive, resultNow, port, settingsNow, loadChanges],
  );

  /** The changes section's chooser: compare the result shown with another snapshot (null: the default). */
  const compareWith = useCallback(
    (seq: number | null) =>
      exclusive("changes", async (engine) => {
        const result = live.current.result;
        if (result) await loadChanges(engine, result.report, live.current.run, seq);
        return {};
      }),
    [exclusive, loadChanges],
  );

  /**
   * Tạo báo cáo (.docx): from the report shown (or after a check), the .docx handed to `save` (a download),
   * or, where the pane cannot download (Excel for Mac), the printable sheet "Báo cáo" written into the workbook.
   */
  const buildReport = useCallback(
    (delivery: FileDelivery, save: SaveFile) =>
      exclusive("report", async (engine) => {
        const result = await resultNow(engine);
        const settings = await settingsNow();
        // Section III: the changes the pane shows (since the snapshot chosen there), when there are some.
        const shown = live.current.changes?.changes;
        const report = shown ? { ...result.report, changes: shown } : result.report;
        if (delivery === "sheet") {
          const written = await engine.writeReportSheet(port, report, settings);
          const name = written.sheetNames[0];
          return { notice: (t: UiStrings) => t.reportSheetWritten(name) };
        }
        const drafted = await engine.draftReport(report, settings);
        save(drafted.bytes, drafted.fileName, drafted.mediaType);
        return { notice: (t: UiStrings) => t.reportDownloaded(drafted.fileName) };
      }),
    [exclusive, resultNow, port, settingsNow],
  );

  const saveSettings = useCallback(
    (settings: Settings) =>
      exclusive("settings", async (engine, recheck) => {
        const saved = await engine.saveSettings(port, settings);
        dispatch({ type: "settingsSaved", settings: saved });
        // The results shown were computed with the old unit list: check again with the new one.
        await recheck(saved);
        return { notice: (t) => t.saved, value: true };
      }),
    [exclusive, port],
  );

  /** A registry command with a plain pane button (Đánh dấu, Xóa đánh dấu…): the same function as the CLI and the ribbon. */
  const runCommand = useCallback(
    (def: CommandDef) =>
      exclusive(def.id, async (engine) => {
        const asOf = asOfOf(live.current);
        const { run } = await def.load!();
        const request = {
          port,
          asOf,
          lang: langRef.current,
          writeBack: true,
          report: live.current.result?.report,
          settings: await settingsNow(),
          deps: { runSteps: engine.runSliced, engine },
        };
        const outcome = await run(request, def.pane?.place === "results" ? def.pane.input() : {});
        return { notice: () => outcome.message };
      }),
    [exclusive, port, settingsNow],
  );

  const dismissError = useCallback(() => dispatch({ type: "dismissError" }), []);
  const setNotice = useCallback((notice: string | null) => dispatch({ type: "notice", notice: notice === null ? null : () => notice }), []);

  return useMemo(
    () => ({
      state,
      validate,
      setAsOf,
      select,
      applyFix,
      buildSummary,
      buildReport,
      compareWith,
      saveSettings,
      runCommand,
      dismissError,
      setNotice,
      ...returns,
    }),
    [
      state,
      validate,
      setAsOf,
      select,
      applyFix,
      buildSummary,
      buildReport,
      compareWith,
      saveSettings,
      runCommand,
      dismissError,
      setNotice,
      returns,
    ],
  );
}

export type PaneApi = ReturnType<typeof usePane>;
