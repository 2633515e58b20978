/**
 * The pane's actions for the units' returns (Báo cáo của các đơn vị): Gửi đơn vị, Gộp báo cáo đơn vị…
 * (review, tick, write), undo of the last merge — each an exclusive action of usePane over the use cases
 * src/app/use-cases/split.ts and merge.ts, their state in state/returns-state.ts.
 */
import { useCallback, useMemo, type Dispatch, type MutableRefObject } from "react";
import type { WorkbookPort } from "../../core/port";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import type { UiStrings } from "../../i18n/ui";
import { RETURNS_UI } from "../../i18n/returns";
import type { Engine, EngineLoader } from "../engine";
import type { CheckResult, PaneEvent, PaneState, Words } from "../state/pane-state";

/** usePane's way of running one action at a time (busy state, errors to the message bar). */
export type Exclusive = <T>(
  what: string,
  fn: (
    engine: Engine,
    recheck: (settings?: Settings) => Promise<void>,
  ) => Promise<{ notice?: Words; value?: T; summary?: WriteSummaryResult }>,
) => Promise<T | undefined>;

export interface PaneCore {
  port: WorkbookPort;
  live: MutableRefObject<PaneState>;
  dispatch: Dispatch<PaneEvent>;
  loadEngine: EngineLoader;
  exclusive: Exclusive;
  /** The result shown, or a fresh check. */
  resultNow: (engine: Engine) => Promise<CheckResult>;
  settingsNow: () => Promise<Settings>;
}

export function useReturnsActions({ port, live, dispatch, loadEngine, exclusive, resultNow, settingsNow }: PaneCore) {
  /** Whether the workbook holds a merge that can be undone, into the state. */
  const showUndoable = useCallback(
    async (engine: Engine) => {
      const state = await engine.mergeState(port);
      dispatch({ type: "returns", event: { type: "undoable", undoable: state.undoable } });
    },
    [port, dispatch],
  );

  /** Gửi đơn vị: one file per lead unit, from the result shown (or after a check); the panel hands them out. */
  const splitToUnits = useCallback(
    (planFile?: string) =>
      exclusive("split", async (engine) => {
        const result = await resultNow(engine);
        const settings = await settingsNow();
        const split = await engine.splitWorkbook(
          port,
          { asOf: result.report.asOf, checked: { report: result.report, grids: result.grids, settings }, planFile },
          { runSteps: engine.runSliced, engine },
        );
        dispatch({ type: "returns", event: { type: "split", files: split.files, unassigned: split.unassigned } });
        return { notice: (t: UiStrings) => RETURNS_UI[t.lang].splitFiles(split.files.length, split.unassigned.length) };
      }),
    [exclusive, resultNow, port, settingsNow, dispatch],
  );

  /** Gộp báo cáo đơn vị…: read the picked files and propose their changes (nothing is written yet). */
  const reviewReturnFiles = useCallback(
    (files: readonly { name: string; bytes: ArrayBuffer }[]) =>
      exclusive("merge", async (engine) => {
        const result = await resultNow(engine);
        const settings = await settingsNow();
        const { inputs, unreadable } = await engine.openReturnFiles(files);
        // No file could be read: say why for each, nothing to review.
        if (!inputs.length) throw new Error(unreadable.map((u) => u.message).join(" "));
        const review = await engine.reviewReturns(
          port,
          inputs,
          { asOf: result.report.asOf, checked: { report: result.report, grids: result.grids, settings } },
          { runSteps: engine.runSliced, engine },
        );
        dispatch({ type: "returns", event: { type: "review", review, accepted: engine.defaultAccepted(review.proposal), unreadable } });
        return review.proposal.changes.length ? {} : { notice: (t: UiStrings) => RETURNS_UI[t.lang].noChanges };
      }),
    [exclusive, resultNow, port, settingsNow, dispatch],
  );

  const acceptChanges = useCallback(
    (ids: readonly string[], on: boolean) => dispatch({ type: "returns", event: { type: "accept", ids, on } }),
    [dispatch],
  );
  const closeReview = useCallback(() => dispatch({ type: "returns", event: { type: "closeReview" } }), [dispatch]);

  /** Whether the workbook holds a merge that can be undone (the panel asks when it appears). */
  const loadMergeState = useCallback(async () => {
    try {
      await showUndoable(await loadEngine());
    } catch {
      /* not knowing only hides the undo button */
    }
  }, [loadEngine, showUndoable]);

  /**
   * Write the ticked changes into the workbook (one batch), log them, check again. The review stays with
   * what is still undecided (a later «Ghi» goes on with the same merge); the result is shown beside the
   * button (the panel), not in the message bar at the top.
   */
  const applyReview = useCallback(
    () =>
      exclusive("mergeApply", async (engine, recheck) => {
        const current = live.current.returns.review;
        if (!current) return {};
        const applied = await engine.applyMerge(port, current.review, current.accepted, current.applied ?? undefined);
        dispatch({ type: "returns", event: { type: "applied", applied } });
        await recheck();
        await showUndoable(engine);
        return {};
      }),
    [exclusive, port, showUndoable, live, dispatch],
  );

  /** Undo the last merge as a whole (the cells edited since are left). */
  const undoMerge = useCallback(
    () =>
      exclusive("mergeUndo", async (engine, recheck) => {
        const undone = await engine.undoLastMerge(port, await settingsNow());
        await recheck();
        await showUndoable(engine);
        return {
          notice: (t: UiStrings) =>
            undone.undone ? RETURNS_UI[t.lang].undone(undone.cells, undone.kept) : RETURNS_UI[t.lang].nothingToUndo,
        };
      }),
    [exclusive, port, settingsNow, showUndoable],
  );

  return useMemo(
    () => ({ splitToUnits, reviewReturnFiles, acceptChanges, closeReview, loadMergeState, applyReview, undoMerge }),
    [splitToUnits, reviewReturnFiles, acceptChanges, closeReview, loadMergeState, applyReview, undoMerge],
  );
}
