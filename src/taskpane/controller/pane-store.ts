/**
 * The pane's state outside React: the reducer's state (state/pane-state.ts), changed only by its events,
 * and who listens to it (React's useSyncExternalStore, tests). The state is current as soon as an event is
 * dispatched, so an action reads it across awaits without refs.
 */
import { initialPaneState, paneReducer, type PaneEvent, type PaneState } from "../state/pane-state";

export class PaneStore {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();

  constructor(asOf: string) {
    this.state = initialPaneState(asOf);
  }

  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly dispatch = (event: PaneEvent): void => {
    const next = paneReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  };
}
