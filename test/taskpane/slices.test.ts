/** runInSlices: steps run until the time budget is spent, then a pause; a called-off run stops and closes. */
import { CANCELLED, runInSlices } from "../../src/taskpane/slices";

/** n steps yielding 1…n, then "end"; records whether it was closed early. */
function counter(n: number, log: { closed: boolean; ran: number }) {
  return (function* () {
    try {
      for (let i = 1; i <= n; i++) {
        log.ran = i;
        yield i;
      }
      return "end";
    } finally {
      log.closed = log.ran < n;
    }
  })();
}

/** A clock that moves `per` ms each time it is read. */
const ticking = (per: number) => {
  let t = 0;
  return () => (t += per);
};

test("each slice runs steps until the budget is spent, reports its last progress, then pauses", async () => {
  const log = { closed: false, ran: 0 };
  const progress: number[] = [];
  let pauses = 0;
  // The clock moves 5 ms per read: 5, 10, 15 ms after a slice's start are within a 16 ms budget, 20 ms
  // is not — 4 steps a slice.
  const result = await runInSlices(counter(10, log), {
    budgetMs: 16,
    now: ticking(5),
    onProgress: (p) => progress.push(p),
    pause: async () => {
      pauses++;
    },
  });
  expect(result).toBe("end");
  expect(progress).toEqual([4, 8]);
  expect(pauses).toBe(2);
  expect(log.closed).toBe(false);
});

test("a run called off between slices stops there, closes the generator and gives CANCELLED", async () => {
  const log = { closed: false, ran: 0 };
  let stop = false;
  const result = await runInSlices(counter(100, log), {
    budgetMs: 1,
    now: ticking(1),
    cancelled: () => stop,
    onProgress: (p) => {
      if (p === 4) stop = true;
    },
    pause: async () => undefined,
  });
  expect(result).toBe(CANCELLED);
  expect(log.ran).toBe(4);
  expect(log.closed).toBe(true);
});

test("with the default pause (a new task) a long run still completes", async () => {
  const log = { closed: false, ran: 0 };
  const progress: number[] = [];
  expect(await runInSlices(counter(50, log), { budgetMs: 0, onProgress: (p) => progress.push(p) })).toBe("end");
  expect(progress).toHaveLength(50);
});
