/**
 * Other communes' shapes (shapes.ts), each read by the engine: the full task list — row, STT, text,
 * lead, deadline kind and due, status — the indicators, the issues, and the hidden sheets skipped.
 */
import type { Report } from "../../../src/core/report-schema";
import { run } from "../engine/helpers";
import { SHAPES, type IndicatorRow, type Shape, type TaskRow } from "./shapes";

export function taskRows(r: Pick<Report, "tasks">): TaskRow[] {
  return r.tasks.map((t) => [t.row, t.stt, t.content, t.lead, t.deadline.kind, t.deadline.due, t.status]);
}

export function indicatorRows(r: Pick<Report, "indicators">): IndicatorRow[] {
  return r.indicators.map((i) => [i.row, i.name, i.target === null ? null : +i.target.toFixed(6), i.comparator, i.actual, i.met]);
}

export function issueRows(r: Pick<Report, "issues">): [string, string, string | null][] {
  return r.issues.map((i) => [i.code, i.sheet, i.cell]);
}

/** What a shape must read, in the form the tests compare. */
export function expected(s: Shape) {
  return { tasks: s.tasks, indicators: s.indicators ?? [], issues: s.issues, skipped: s.skipped ?? [] };
}

export function actual(r: Pick<Report, "tasks" | "indicators" | "issues" | "skippedSheets">) {
  return { tasks: taskRows(r), indicators: indicatorRows(r), issues: issueRows(r), skipped: (r.skippedSheets ?? []).map((s) => s.name) };
}

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
