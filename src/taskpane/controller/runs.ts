/**
 * The pane's runs, outside React: a Kiểm tra run has one CancelToken — pressing Kiểm tra again or changing
 * the date cancels it (it stops at its next pause, its events are ignored), and the new run starts once
 * the old one has stopped. Other actions are exclusive (one at a time, not while a check runs); their
 * errors become the message bar, never an unhandled rejection. The one busy state is the store's
 * `activity`: it changes before the first await, so two clicks can never both start.
 */
import { CancelToken, Cancelled } from "../../app/run-context";
import { parseUserDate } from "../../core/dates";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import type { Lang, UiStrings } from "../../i18n/ui";
import type { Engine } from "../engine";
import { errorMessage } from "../errors";
import { isBusy, type CheckResult, type PaneState, type Words } from "../state/pane-state";
import type { PaneHost } from "./host";
import { PaneStore } from "./pane-store";

/** A Kiểm tra run: its id (its events carry it), its token, and its end (it never rejects). */
interface CheckRun {
  id: number;
  token: CancelToken;
  done: Promise<void>;
}

/** What an exclusive action gives back: what to tell the user, its value, a summary written. */
export interface ActionOutcome<T> {
  notice?: Words;
  value?: T;
  summary?: WriteSummaryResult;
}

/** An exclusive action's body: the engine, and `recheck` to check again after a change it wrote. */
export type ActionBody<T> = (engine: Engine, recheck: (settings?: Settings) => Promise<void>) => Promise<ActionOutcome<T>>;

/** The as-of date field does not hold a real date. */
class AsOfInvalid extends Error {}

/** An error as the message bar words it. */
export const failure =
  (err: unknown): Words =>
  (t: UiStrings) =>
    err instanceof AsOfInvalid ? t.asOfInvalid : errorMessage(err, t);

/** The as-of date the state holds, as ISO; AsOfInvalid when it is not a date. */
export function asOfOf(state: PaneState): string {
  const asOf = parseUserDate(state.asOf);
  if (!asOf) throw new AsOfInvalid();
  return asOf;
}

export class PaneRuns {
  readonly store: PaneStore;
  host: PaneHost;
  /** The pane's language (what a registry command words its message in). */
  lang: Lang;
  /** The latest Kiểm tra run (null when none is under way, even stopping). */
  private current: CheckRun | null = null;
  /** The last run id handed out. */
  private lastRun = 0;

  constructor(host: PaneHost, asOf: string, lang: Lang) {
    this.host = host;
    this.lang = lang;
    this.store = new PaneStore(asOf);
    this.dispatch = this.store.dispatch;
  }

  get state(): PaneState {
    return this.store.getState();
  }

  readonly dispatch: PaneStore["dispatch"];

  /** Loads the workbook's settings into the state; the returned function makes a late answer ignored. */
  loadSettings(): () => void {
    let stop = false;
    this.host.port.loadSettings().then(
      (loaded) => {
        if (stop) return;
        const w = loaded.warning;
        const warning: Words | null = w ? (t) => (w === "settings_corrupt" ? t.settingsCorrupt : w) : null;
        this.dispatch({ type: "settingsLoaded", settings: loaded.settings, warning });
      },
      (err) => !stop && this.dispatch({ type: "error", error: failure(err) }),
    );
    return () => {
      stop = true;
    };
  }

  /** The settings in the state, or read from the workbook when not loaded yet. */
  async settingsNow(): Promise<Settings> {
    const s = this.state.settings;
    if (s) return s;
    const loaded = await this.host.port.loadSettings();
    this.dispatch({ type: "settingsLoaded", settings: loaded.settings, warning: null });
    return loaded.settings;
  }

  /**
   * What changed since a snapshot, for a result: the one the user chose (`choice`, a seq) or, when none
   * or it is gone, the default (the latest before the as-of date). A failure here is shown, never fatal.
   */
  async loadChanges(engine: Engine, report: Report, run: number, choice: number | null): Promise<void> {
    const port = this.host.port;
    try {
      let view = await engine.changesSinceSnapshot(port, report, choice === null ? {} : { seq: choice });
      let chosen = choice;
      if (choice !== null && !view.baseline) {
        view = await engine.changesSinceSnapshot(port, report, {});
        chosen = null;
      }
      this.dispatch({ type: "changesLoaded", run, changes: { ...view, choice: chosen } });
    } catch (err) {
      this.dispatch({ type: "error", error: failure(err) });
    }
  }

  /** One check of the workbook for run `run` (its start already dispatched); throws Cancelled when called off. */
  private async checkOnce(engine: Engine, token: CancelToken, run: number, settings?: Settings): Promise<CheckResult> {
    const asOf = asOfOf(this.state);
    const out = await engine.checkWorkbook(
      this.host.port,
      { asOf, settings: settings ?? (await this.settingsNow()) },
      {
        runSteps: engine.runSliced,
        cancel: token,
        onProgress: (progress) => this.dispatch({ type: "checkProgress", run, progress }),
        engine,
      },
    );
    token.throwIfCancelled();
    const result = { report: out.report, grids: out.grids, dueSoon: engine.dueSoonByUnit(out.report) };
    this.dispatch({ type: "checkDone", run, result });
    await this.loadChanges(engine, out.report, run, this.state.changes?.choice ?? null);
    return result;
  }

  /** A check inside an exclusive action (it keeps the action's activity and cannot be called off). */
  async checkWithin(engine: Engine, settings?: Settings): Promise<CheckResult> {
    const run = ++this.lastRun;
    this.dispatch({ type: "checkStarted", run, within: true });
    return this.checkOnce(engine, new CancelToken(), run, settings);
  }

  /** The result shown, or a fresh check when there is none yet (inside an exclusive action). */
  async resultNow(engine: Engine): Promise<CheckResult> {
    return this.state.result ?? (await this.checkWithin(engine));
  }

  /**
   * Kiểm tra. Pressed while an earlier Kiểm tra runs, it cancels that run and starts over once it has
   * stopped. While another action runs it does nothing.
   */
  async check(): Promise<void> {
    if (this.state.activity.kind === "working") return;
    const previous = this.current;
    previous?.token.cancel();
    const id = ++this.lastRun;
    const token = new CancelToken();
    this.dispatch({ type: "checkStarted", run: id });
    this.host.onCheckStart?.();
    const done = this.runCheck(id, token, previous);
    this.current = { id, token, done };
    await done;
  }

  /** Run `id`'s work: after the previous run has stopped, unless this one was called off meanwhile. */
  private async runCheck(id: number, token: CancelToken, previous: CheckRun | null): Promise<void> {
    if (previous) await previous.done;
    try {
      token.throwIfCancelled();
      const engine = await this.host.loadEngine();
      token.throwIfCancelled();
      await this.checkOnce(engine, token, id);
    } catch (err) {
      this.dispatch({ type: "checkEnded", run: id, error: err instanceof Cancelled ? null : failure(err) });
    } finally {
      if (this.current?.id === id) this.current = null;
    }
  }

  /** A new date makes a check under way stale: it is called off (Kiểm tra checks with the new date). */
  changeAsOf(asOf: string): void {
    if (asOf !== this.state.asOf) this.current?.token.cancel();
    this.dispatch({ type: "asOfChanged", asOf });
  }

  /**
   * Run one exclusive action (not while a check or another action runs). `recheck`, after a change written
   * to the workbook: the results shown are checked again (with new settings when they changed).
   */
  async exclusive<T>(what: string, body: ActionBody<T>): Promise<T | undefined> {
    if (isBusy(this.state)) return undefined;
    this.dispatch({ type: "workStarted", what });
    try {
      // A check called off by a new date may still be stopping: the action starts once it has.
      await this.current?.done;
      const engine = await this.host.loadEngine();
      const recheck = async (settings?: Settings) => {
        if (this.state.result) await this.checkWithin(engine, settings);
      };
      const out = await body(engine, recheck);
      this.dispatch({ type: "workEnded", notice: out.notice ?? null, summary: out.summary });
      return out.value;
    } catch (err) {
      this.dispatch({ type: "workEnded", error: err instanceof Cancelled ? null : failure(err) });
      return undefined;
    }
  }
}
