/**
 * The pane's state for the units' returns: the files made for the units (Gửi đơn vị), the merge under
 * review (what the returns propose, and which changes are ticked), and the merge that can be undone.
 */
import type { MergeReview, MergeState } from "../../app/use-cases/merge";

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

export interface ReturnsState {
  split: { files: UnitFileView[]; unassigned: number } | null;
  /** Under review: what the returns propose, the changes ticked, and the picked files that could not be read. */
  review: { review: MergeReview; accepted: ReadonlySet<string>; unreadable: readonly UnreadableFileView[] } | null;
  undoable: MergeState["undoable"];
}

export type ReturnsEvent =
  | { type: "split"; files: UnitFileView[]; unassigned: number }
  | { type: "review"; review: MergeReview; accepted: ReadonlySet<string>; unreadable?: readonly UnreadableFileView[] }
  | { type: "accept"; ids: readonly string[]; on: boolean }
  | { type: "closeReview" }
  | { type: "undoable"; undoable: MergeState["undoable"] };

export const initialReturnsState: ReturnsState = { split: null, review: null, undoable: null };

export function returnsReducer(state: ReturnsState, e: ReturnsEvent): ReturnsState {
  switch (e.type) {
    case "split":
      return { ...state, split: { files: e.files, unassigned: e.unassigned } };
    case "review":
      return { ...state, review: { review: e.review, accepted: e.accepted, unreadable: e.unreadable ?? [] } };
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
