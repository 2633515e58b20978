/**
 * The pane's actions for the units' returns (Báo cáo của các đơn vị): Gửi đơn vị and its files handed out,
 * Gộp báo cáo đơn vị… (review, tick, write), undo of the last merge — each an exclusive action over the use
 * cases src/app/use-cases/split.ts and merge.ts, their state in state/returns-state.ts.
 */
import { XLSX_MEDIA_TYPE } from "../../app/use-cases/split-media";
import { RETURNS_UI } from "../../i18n/returns";
import type { UiStrings } from "../../i18n/ui";
import type { Engine } from "../engine";
import type { ReturnsEvent, UnitFileView } from "../state/returns-state";
import { failure, type PaneRuns } from "./runs";

/** A file the user picked (a File in the browser). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const words = (err: unknown) => () => (err instanceof Error ? err.message : String(err));

export class ReturnsActions {
  constructor(private readonly runs: PaneRuns) {}

  private tell(event: ReturnsEvent): void {
    this.runs.dispatch({ type: "returns", event });
  }

  /** The result shown with its settings, as the split and merge use cases take it. */
  private async checked(engine: Engine) {
    const result = await this.runs.resultNow(engine);
    const settings = await this.runs.settingsNow();
    return { asOf: result.report.asOf, checked: { report: result.report, grids: result.grids, settings } };
  }

  /** Whether the workbook holds a merge that can be undone, into the state. */
  private async showUndoable(engine: Engine): Promise<void> {
    const state = await engine.mergeState(this.runs.host.port);
    this.tell({ type: "undoable", undoable: state.undoable });
  }

  /** Gửi đơn vị: one file per lead unit, from the result shown (or after a check); the panel hands them out. */
  readonly split = () =>
    this.runs.exclusive("split", async (engine) => {
      const { port, fileName } = this.runs.host;
      const input = { ...(await this.checked(engine)), planFile: fileName };
      const split = await engine.splitWorkbook(port, input, { runSteps: engine.runSliced, engine });
      this.tell({ type: "split", files: split.files, unassigned: split.unassigned });
      return { notice: (t: UiStrings) => RETURNS_UI[t.lang].splitFiles(split.files.length, split.unassigned.length) };
    });

  /** Gộp báo cáo đơn vị…: read the files picked, then review them; a file the browser cannot read is told. */
  readonly pickFiles = async (files: readonly PickedFile[]): Promise<void> => {
    let read: { name: string; bytes: ArrayBuffer }[];
    try {
      read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
    } catch (err) {
      this.runs.dispatch({ type: "notice", notice: words(err) });
      return;
    }
    await this.review(read);
  };

  /** Read the returned files and propose their changes (nothing is written yet). */
  readonly review = (files: readonly { name: string; bytes: ArrayBuffer }[]) =>
    this.runs.exclusive("merge", async (engine) => {
      const checked = await this.checked(engine);
      const { inputs, unreadable } = await engine.openReturnFiles(files);
      // No file could be read: say why for each, nothing to review.
      if (!inputs.length) throw new Error(unreadable.map((u) => u.message).join(" "));
      const review = await engine.reviewReturns(this.runs.host.port, inputs, checked, { runSteps: engine.runSliced, engine });
      this.tell({ type: "review", review, accepted: engine.defaultAccepted(review.proposal), unreadable });
      return review.proposal.changes.length ? {} : { notice: (t: UiStrings) => RETURNS_UI[t.lang].noChanges };
    });

  readonly accept = (ids: readonly string[], on: boolean): void => this.tell({ type: "accept", ids, on });

  readonly closeReview = (): void => this.tell({ type: "closeReview" });

  /** Whether the workbook holds a merge that can be undone (the panel asks when it appears). */
  readonly loadMergeState = async (): Promise<void> => {
    try {
      await this.showUndoable(await this.runs.host.loadEngine());
    } catch {
      /* not knowing only hides the undo button */
    }
  };

  /**
   * Write the ticked changes into the workbook (one batch), log them, check again. The review stays with
   * what is still undecided (a later «Ghi» goes on with the same merge); the result is shown beside the
   * button (the panel), not in the message bar at the top.
   */
  readonly apply = () =>
    this.runs.exclusive("mergeApply", async (engine, recheck) => {
      const current = this.runs.state.returns.review;
      if (!current) return {};
      const applied = await engine.applyMerge(this.runs.host.port, current.review, current.accepted, current.applied ?? undefined);
      this.tell({ type: "applied", applied });
      await recheck();
      await this.showUndoable(engine);
      return {};
    });

  /** Undo the last merge as a whole (the cells edited since are left). */
  readonly undo = () =>
    this.runs.exclusive("mergeUndo", async (engine, recheck) => {
      const undone = await engine.undoLastMerge(this.runs.host.port, await this.runs.settingsNow());
      await recheck();
      await this.showUndoable(engine);
      return {
        notice: (t: UiStrings) => (undone.undone ? RETURNS_UI[t.lang].undone(undone.cells, undone.kept) : RETURNS_UI[t.lang].nothingToUndo),
      };
    });

  /** One unit's copy, downloaded. */
  readonly download = (file: UnitFileView): void => this.runs.host.saveFile(file.bytes, file.fileName, XLSX_MEDIA_TYPE);

  /** Every unit's copy in one .zip; a failure is shown. */
  readonly downloadAll = async (files: readonly UnitFileView[]): Promise<void> => {
    try {
      const zip = await (await this.runs.host.loadEngine()).zipFiles(files);
      this.runs.host.saveFile(zip, RETURNS_UI[this.runs.lang].zipName, "application/zip");
    } catch (err) {
      this.runs.dispatch({ type: "error", error: failure(err) });
    }
  };

  /** A unit's copy opened in a new Excel window (Excel for Mac); what happened is told. */
  readonly open = async (file: UnitFileView): Promise<void> => {
    const openWorkbook = this.runs.host.openWorkbook;
    if (!openWorkbook) return;
    try {
      await openWorkbook(file.bytes);
      this.runs.dispatch({ type: "notice", notice: (t) => RETURNS_UI[t.lang].opened(file.fileName) });
    } catch (err) {
      this.runs.dispatch({ type: "notice", notice: words(err) });
    }
  };
}
