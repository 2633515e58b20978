/** The pane's reducer: one activity at a time, and events of a run that is no longer current are ignored. */
import {
  initialPaneState,
  isBusy,
  paneReducer,
  type CheckResult,
  type PaneEvent,
  type PaneState,
} from "../../src/taskpane/state/pane-state";
import type { Report } from "../../src/core/report-schema";

const result = (n: number): CheckResult => ({ report: { tasks: new Array(n) } as Report, grids: [], dueSoon: {} });
const run = (events: PaneEvent[], from: PaneState = initialPaneState("2026-11-24")) => events.reduce(paneReducer, from);

test("a check run goes checking → idle with its result", () => {
  const s = run([{ type: "checkStarted", run: 1 }]);
  expect(s.activity).toMatchObject({ kind: "checking", run: 1 });
  expect(isBusy(s)).toBe(true);
  const done = run([{ type: "checkDone", run: 1, result: result(3) }], s);
  expect(done.activity).toEqual({ kind: "idle" });
  expect(done.result?.report.tasks).toHaveLength(3);
});

test("a stale run's progress, result and failure are ignored", () => {
  const s = run([
    { type: "checkStarted", run: 1 },
    { type: "checkStarted", run: 2 },
    { type: "checkProgress", run: 1, progress: { stage: "reading", done: 1, total: 2 } },
    { type: "checkDone", run: 1, result: result(4) },
    { type: "checkEnded", run: 1, error: () => "boom" },
  ]);
  expect(s.activity).toMatchObject({ kind: "checking", run: 2, progress: null });
  expect(s.result).toBeNull();
  expect(s.error).toBeNull();
  const done = run([{ type: "checkDone", run: 2, result: result(1) }], s);
  expect(done.result?.report.tasks).toHaveLength(1);
});

test("a new date calls the check off (back to idle); a check inside an action keeps the action's activity", () => {
  const s = run([
    { type: "checkStarted", run: 1 },
    { type: "asOfChanged", asOf: "2026-06-30" },
  ]);
  expect(s.activity).toEqual({ kind: "idle" });
  expect(s.asOf).toBe("2026-06-30");
  const w = run([
    { type: "workStarted", what: "summary" },
    { type: "checkStarted", run: 3, within: true },
    { type: "checkProgress", run: 3, progress: { stage: "analysing" } },
    { type: "checkDone", run: 3, result: result(2) },
  ]);
  expect(w.activity).toMatchObject({ kind: "working", what: "summary", run: 3, progress: { stage: "analysing" } });
  expect(w.result?.report.tasks).toHaveLength(2);
  expect(run([{ type: "workEnded", notice: () => "ok" }], w).activity).toEqual({ kind: "idle" });
});

test("the changes of a stale run are ignored; the current run's are kept", () => {
  const changes = { snapshots: [], baseline: null, changes: null, warning: null, choice: null };
  const s = run([
    { type: "checkStarted", run: 1 },
    { type: "checkStarted", run: 2 },
    { type: "changesLoaded", run: 1, changes: { ...changes, choice: 7 } },
  ]);
  expect(s.changes).toBeNull();
  expect(run([{ type: "changesLoaded", run: 2, changes }], s).changes).toEqual(changes);
});
