/**
 * The task pane's state as a reducer: one activity at a time (idle, a check run, or another action), the
 * last check's result, the settings, and what to tell the user. A check run has an id; every event of a
 * run carries it, and events of a run that is no longer current (Kiểm tra pressed again, the date changed)
 * are ignored — so a stale run can never show its result. Messages are kept as functions of the strings,
 * so a language switch re-renders them without redoing any work.
 */
import type { RunProgress } from "../../app/run-context";
import type { ChangesSinceSnapshot } from "../../app/use-cases/changes";
import type { Grid } from "../../core/grid";
import type { Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import type { UiStrings } from "../../i18n/ui";
import { initialReturnsState, returnsReducer, type ReturnsEvent, type ReturnsState } from "./returns-state";

/** A text for the user, rendered in the pane's current language. */
export type Words = (t: UiStrings) => string;

/**
 * What the pane is doing. "checking": a Kiểm tra run (pressing Kiểm tra again starts over). "working":
 * any other action (a summary, a fix, settings, a registry command), which may itself check the workbook
 * again (`run` and `progress` then tell that check's progress).
 */
export type Activity = { kind: "idle" } | { kind: "checking" | "working"; what: string; run: number | null; progress: RunProgress | null };

export interface CheckResult {
  report: Report;
  grids: Grid[];
  /** Tasks due soon per unit (amber). */
  dueSoon: Record<string, number>;
}

/** What changed since a summary snapshot, for the result shown; `choice`: the snapshot the user picked (null: the default). */
export interface ChangesState extends ChangesSinceSnapshot {
  choice: number | null;
}

export interface PaneState {
  /** null until loaded from the workbook. */
  settings: Settings | null;
  settingsWarning: Words | null;
  asOf: string;
  activity: Activity;
  /** Ids of check runs: the current one (0 before any). */
  run: number;
  result: CheckResult | null;
  /** Changes of the result shown since a snapshot (null until loaded). */
  changes: ChangesState | null;
  summary: WriteSummaryResult | null;
  error: Words | null;
  notice: Words | null;
  /** The units' returns: files made for them, a merge under review, the merge that can be undone. */
  returns: ReturnsState;
}

export type PaneEvent =
  | { type: "settingsLoaded"; settings: Settings; warning: Words | null }
  | { type: "settingsSaved"; settings: Settings }
  | { type: "asOfChanged"; asOf: string }
  /** `within`: the check is part of a running action (it keeps the action's activity). */
  | { type: "checkStarted"; run: number; within?: boolean }
  | { type: "checkProgress"; run: number; progress: RunProgress }
  | { type: "checkDone"; run: number; result: CheckResult }
  /** The changes of run `run`'s result (ignored when a newer run has started). */
  | { type: "changesLoaded"; run: number; changes: ChangesState }
  /** A run ended without a result (failed or called off): back to idle if it is still the current one. */
  | { type: "checkEnded"; run: number; error: Words | null }
  | { type: "workStarted"; what: string }
  | { type: "workEnded"; error?: Words | null; notice?: Words | null; summary?: WriteSummaryResult }
  | { type: "error"; error: Words }
  | { type: "notice"; notice: Words | null }
  | { type: "dismissError" }
  | { type: "returns"; event: ReturnsEvent };

export function initialPaneState(asOf: string): PaneState {
  return {
    settings: null,
    settingsWarning: null,
    asOf,
    activity: { kind: "idle" },
    run: 0,
    result: null,
    changes: null,
    summary: null,
    error: null,
    notice: null,
    returns: initialReturnsState,
  };
}

export function paneReducer(state: PaneState, e: PaneEvent): PaneState {
  switch (e.type) {
    case "settingsLoaded":
      return { ...state, settings: e.settings, settingsWarning: e.warning };
    case "settingsSaved":
      return { ...state, settings: e.settings, settingsWarning: null };
    case "asOfChanged":
      if (e.asOf === state.asOf) return state;
      // A check under way used the old date: it is called off (the hook cancels its token).
      return { ...state, asOf: e.asOf, activity: state.activity.kind === "checking" ? { kind: "idle" } : state.activity };
    case "checkStarted":
      if (e.within && state.activity.kind === "working")
        return { ...state, run: e.run, activity: { ...state.activity, run: e.run, progress: null } };
      return { ...state, run: e.run, activity: { kind: "checking", what: "check", run: e.run, progress: null }, error: null, notice: null };
    case "checkProgress":
      if (state.activity.kind === "idle" || state.activity.run !== e.run) return state;
      return { ...state, activity: { ...state.activity, progress: e.progress } };
    case "checkDone":
      if (e.run !== state.run) return state;
      return { ...state, result: e.result, activity: state.activity.kind === "checking" ? { kind: "idle" } : state.activity };
    case "changesLoaded":
      if (e.run !== state.run) return state;
      return { ...state, changes: e.changes };
    case "checkEnded":
      if (e.run !== state.run) return state;
      return {
        ...state,
        activity: state.activity.kind === "checking" ? { kind: "idle" } : state.activity,
        error: e.error ?? state.error,
      };
    case "workStarted":
      return { ...state, activity: { kind: "working", what: e.what, run: null, progress: null }, error: null, notice: null };
    case "workEnded":
      return {
        ...state,
        activity: { kind: "idle" },
        error: e.error ?? state.error,
        notice: e.notice ?? state.notice,
        summary: e.summary ?? state.summary,
      };
    case "error":
      return { ...state, error: e.error };
    case "notice":
      return { ...state, notice: e.notice };
    case "dismissError":
      return { ...state, error: null };
    case "returns":
      return { ...state, returns: returnsReducer(state.returns, e.event) };
  }
}

/** The pane is busy: buttons other than Kiểm tra are disabled. */
export function isBusy(state: PaneState): boolean {
  return state.activity.kind !== "idle";
}
