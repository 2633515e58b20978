/**
 * Running a step generator (the engine's analyzeSteps) without freezing the pane: steps run until about
 * SLICE_MS of work is done, then the browser gets a turn (to paint the progress, take clicks) before the
 * next slice. A run can be called off between slices.
 */

/** Work per slice: about one frame, so the pane repaints between slices. */
export const SLICE_MS = 16;

/** What runInSlices gives back when the run was called off. */
export const CANCELLED: unique symbol = Symbol("cancelled");

export interface SliceOptions<P> {
  /** The last progress of each slice, just before the pause. */
  onProgress?: (p: P) => void;
  /** Asked before each slice: true stops the run (the generator is closed) and CANCELLED is returned. */
  cancelled?: () => boolean;
  budgetMs?: number;
  /** Clock (ms); performance.now by default. */
  now?: () => number;
  /** The turn given to the browser between slices; nextTask by default. */
  pause?: () => Promise<void>;
}

/**
 * A new macrotask, so the browser may render and handle input first. A MessageChannel message: not
 * clamped to 4 ms like nested setTimeout(0), and not slowed to 1 s when the pane is in the background.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const clock = () => performance.now();

/** Drive `steps` to its end in slices of about `budgetMs`; its return value, or CANCELLED. */
export async function runInSlices<P, R>(steps: Generator<P, R, void>, options: SliceOptions<P> = {}): Promise<R | typeof CANCELLED> {
  const budget = options.budgetMs ?? SLICE_MS;
  const now = options.now ?? clock;
  const pause = options.pause ?? nextTask;
  let finished = false;
  try {
    for (;;) {
      if (options.cancelled?.()) return CANCELLED;
      const start = now();
      let step = steps.next();
      while (!step.done && now() - start < budget) step = steps.next();
      if (step.done) {
        finished = true;
        return step.value;
      }
      options.onProgress?.(step.value);
      await pause();
    }
  } finally {
    // Called off (or a step threw): close the generator so it runs its own cleanup, if any.
    if (!finished) steps.return(undefined as never);
  }
}
