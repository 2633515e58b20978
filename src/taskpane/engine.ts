/** The engine chunk, loaded on first use (and prefetched while the browser is idle). */
export type Engine = typeof import("./engine-impl");

/** How the pane gets its engine: the real chunk by default; tests inject a stand-in. */
export type EngineLoader = () => Promise<Engine>;

let pending: Promise<Engine> | null = null;

export const loadEngine: EngineLoader = () => {
  if (!pending) {
    pending = import(/* webpackChunkName: "engine", webpackPrefetch: true */ "./engine-impl");
    pending.catch(() => (pending = null));
  }
  return pending;
};
