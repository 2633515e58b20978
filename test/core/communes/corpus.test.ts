/**
 * Other communes' shapes (shapes.ts), each read by the engine: the full task list — row, STT, text,
 * lead, deadline kind and due, status — the indicators, the issues, and the hidden sheets skipped.
 */
import { analyze, analyzeSteps } from "../../../src/core/analyze";
import { defaultSettings } from "../../../src/core/settings";
import { run } from "../engine/helpers";
import { actual, expected } from "./read";
import { SHAPES } from "./shapes";

describe("other communes' shapes", () => {
  it("every shape has its own id and says what habit it stands for", () => {
    expect(new Set(SHAPES.map((s) => s.id)).size).toBe(SHAPES.length);
    for (const s of SHAPES) expect(s.habit.length).toBeGreaterThan(40);
  });

  it.each(SHAPES.map((s) => [s.id, s] as const))("%s", (_id, shape) => {
    const r = run(shape.grids(), { asOf: shape.asOf, settings: shape.settings });
    expect(actual(r)).toEqual(expected(shape));
  });

  it("read in the pane's slices (one row at a time) every shape gives the same report", () => {
    for (const shape of SHAPES) {
      const options = { asOf: shape.asOf, settings: { ...defaultSettings(), ...(shape.settings ?? {}) } };
      const steps = analyzeSteps(shape.grids(), options, 1);
      let step = steps.next();
      while (!step.done) step = steps.next();
      expect({ shape: shape.id, report: step.value }).toEqual({ shape: shape.id, report: analyze(shape.grids(), options) });
    }
  });
});
