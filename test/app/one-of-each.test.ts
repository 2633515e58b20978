/** The rules written once and used by every door: the highlight plan, "due soon", the date module. */
import fc from "fast-check";
import { planHighlights } from "../../src/core/highlight-plan";
import { DUE_SOON_DAYS, dueSoonByUnit, dueSoonDays } from "../../src/core/due-soon";
import { daysBetween, isIsoDate, parseUserDate, todayIso } from "../../src/core/dates";
import { UNASSIGNED_UNIT, type Report, type Task } from "../../src/core/report-schema";

describe("planHighlights: one highlight per cell, an error wins", () => {
  test("duplicates fold into one; the error wins in either order; whole-sheet issues are left out", () => {
    const plan = planHighlights([
      { sheet: "PL I", cell: "D5", severity: "warning" },
      { sheet: "PL I", cell: "D5", severity: "error" },
      { sheet: "PL I", cell: "E5", severity: "error" },
      { sheet: "PL I", cell: "E5", severity: "warning" },
      { sheet: "PL II", cell: "D5", severity: "warning" },
      { sheet: "PL I", cell: null, severity: "error" },
    ]);
    expect(plan).toEqual([
      { sheet: "PL I", cell: "D5", severity: "error" },
      { sheet: "PL I", cell: "E5", severity: "error" },
      { sheet: "PL II", cell: "D5", severity: "warning" },
    ]);
  });

  test("property: every issue cell is planned exactly once, as an error iff some issue there is an error", () => {
    const issue = fc.record({
      sheet: fc.constantFrom("A", "B"),
      cell: fc.option(fc.constantFrom("A1", "B2", "C3"), { nil: null }),
      severity: fc.constantFrom("error" as const, "warning" as const),
    });
    fc.assert(
      fc.property(fc.array(issue, { maxLength: 30 }), (issues) => {
        const plan = planHighlights(issues);
        const keys = plan.map((p) => `${p.sheet}!${p.cell}`);
        expect(new Set(keys).size).toBe(keys.length);
        const cells = new Set(issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`));
        expect(new Set(keys)).toEqual(cells);
        for (const p of plan) {
          const here = issues.filter((i) => i.sheet === p.sheet && i.cell === p.cell);
          expect(p.severity).toBe(here.some((i) => i.severity === "error") ? "error" : "warning");
        }
      }),
    );
  });
});

describe("due soon", () => {
  const task = (status: Task["status"], due: string | null, lead: string | null = "Công an xã"): Task => ({
    sheet: "PL I",
    row: 5,
    group: null,
    stt: "1",
    content: "x",
    lead,
    leadRaw: lead ?? "",
    support: "",
    deadline: { raw: due ?? "", kind: due ? "date" : "missing", due },
    statusRaw: "",
    doneDate: null,
    status,
  });

  test("in time and due within 14 days of the as-of date, that day included", () => {
    expect(DUE_SOON_DAYS).toBe(14);
    expect(dueSoonDays(task("in_progress", "2026-11-24"), "2026-11-24")).toBe(0);
    expect(dueSoonDays(task("in_progress", "2026-12-08"), "2026-11-24")).toBe(14);
    expect(dueSoonDays(task("in_progress", "2026-12-09"), "2026-11-24")).toBeNull();
    expect(dueSoonDays(task("overdue", "2026-11-20"), "2026-11-24")).toBeNull();
    expect(dueSoonDays(task("done_on_time", "2026-11-30"), "2026-11-24")).toBeNull();
    expect(dueSoonDays(task("in_progress", null), "2026-11-24")).toBeNull();
  });

  test("counted per unit, unassigned tasks under the unassigned unit", () => {
    const report = {
      asOf: "2026-11-24",
      tasks: [task("in_progress", "2026-11-30"), task("in_progress", "2026-12-01"), task("in_progress", "2026-11-25", null)],
    } as Report;
    expect(dueSoonByUnit(report)).toEqual({ "Công an xã": 2, [UNASSIGNED_UNIT]: 1 });
  });
});

describe("the date module", () => {
  test("today in local time, days between, real dates only, what users type", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(daysBetween("2026-11-24", "2026-12-08")).toBe(14);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(parseUserDate(" 30/11/2026 ")).toBe("2026-11-30");
    expect(parseUserDate("2026-11-30")).toBe("2026-11-30");
    expect(parseUserDate("31/11/2026")).toBeNull();
  });
});
