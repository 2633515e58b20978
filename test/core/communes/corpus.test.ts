/**
 * Other communes' shapes (shapes.ts), each read by the engine: the full task list — row, STT, text,
 * lead, deadline kind and due, status — the indicators, the issues, and the hidden sheets skipped.
 */
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
});
