/**
 * The pane's state for the units' returns: the files made for the units (Gửi đơn vị), the merge under
 * review (what the returns propose, and which changes are ticked), and the merge that can be undone.
 */
import type { MergeApplied, MergeReview, MergeState } from "../../app/use-cases/merge";
import type { UnassignedView } from "../../i18n/returns";

export interface UnitFileView {
  unit: string;
  fileName: string;
  bytes: Uint8Array;
  tasks: number;
}

export interface UnreadableFileView {
  name: string;
  /** Why, in one sentence (the file layer's, Vietnamese). */
  message: string;
}

export interface ReviewState {
  review: MergeReview;
  /** The changes ticked. */
  accepted: ReadonlySet<string>;
  /** The picked files that could not be read. */
  unreadable: readonly UnreadableFileView[];
  /** What «Ghi» wrote so far (null before the first time): what is still undecided stays listed. */
  applied: MergeApplied | null;
}

export interface ReturnsState {
  split: { files: UnitFileView[]; unassigned: readonly UnassignedView[] } | null;
  /** Under review: what the returns propose, the changes ticked, what was written so far. */
  review: ReviewState | null;
  undoable: MergeState["undoable"];
  /** Summary sheets made before the last merge (they say so, until the summary is made again). */
  stale: readonly string[];
}

export type ReturnsEvent =
  | { type: "split"; files: UnitFileView[]; unassigned: readonly UnassignedView[] }
  | { type: "review"; review: MergeReview; accepted: ReadonlySet<string>; unreadable?: readonly UnreadableFileView[] }
  | { type: "accept"; ids: readonly string[]; on: boolean }
  | { type: "applied"; applied: MergeApplied }
  | { type: "closeReview" }
  | { type: "summaryRebuilt" }
  | { type: "undoable"; undoable: MergeState["undoable"] };

export const initialReturnsState: ReturnsState = { split: null, review: null, undoable: null, stale: [] };

export function returnsReducer(state: ReturnsState, e: ReturnsEvent): ReturnsState {
  switch (e.type) {
    case "split":
      return { ...state, split: { files: e.files, unassigned: e.unassigned } };
    case "review":
      return { ...state, review: { review: e.review, accepted: e.accepted, unreadable: e.unreadable ?? [], applied: null } };
    case "applied":
      if (!state.review) return state;
      return {
        ...state,
        review: { ...state.review, applied: e.applied },
        stale: e.applied.staleSummaries.length ? e.applied.staleSummaries : state.stale,
      };
    case "summaryRebuilt":
      return { ...state, stale: [] };
    case "accept": {
      if (!state.review) return state;
      const accepted = new Set(state.review.accepted);
      for (const id of e.ids) {
        if (e.on) accepted.add(id);
        else accepted.delete(id);
      }
      return { ...state, review: { ...state.review, accepted } };
    }
    case "closeReview":
      return { ...state, review: null };
    case "undoable":
      return { ...state, undoable: e.undoable };
  }
}
