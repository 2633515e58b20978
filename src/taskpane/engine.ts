/** The engine chunk, loaded on first use (and prefetched while the browser is idle). */
export type Engine = typeof import("./engine-impl");

let pending: Promise<Engine> | null = null;

export function loadEngine(): Promise<Engine> {
  if (!pending) {
    pending = import(/* webpackChunkName: "engine", webpackPrefetch: true */ "./engine-impl");
    pending.catch(() => (pending = null));
  }
  return pending;
}
