/**
 * A tiny stand-in for the engine's analysis, injected into the pane (`<App engine={…}>`) in its component
 * tests so they test the pane (not the engine): the pane's own use cases run, on this analysis. Rules, on sheet "PL I" (header in row 1, lead in column D, deadline in E):
 * - a lead "Phong VHXH" → LEAD_UNKNOWN error with a replace fix to "Phòng Văn hóa - Xã hội";
 * - an empty deadline → DEADLINE_MISSING error;  - a lead starting "Phßng" → TEXT_LEGACY_ENCODING (decode_sheet);
 * - status "??" in F → STATUS_UNKNOWN warning.
 */
import type { Grid } from "../../src/core/grid";
import type { Counts, Issue, Report, Task } from "../../src/core/report-schema";
import { toA1 } from "../../src/core/a1";
import type { AnalyzeProgress } from "../../src/core/analyze";
import type { SummarySpec } from "../../src/core/sheet-spec";
import { zeroCounts } from "../../src/core/aggregate";
import type { Engine, EngineLoader } from "../../src/taskpane/engine";

const zero = (): Counts => zeroCounts();

export function fakeAnalyze(grids: Grid[], options: { asOf: string }): Report {
  const issues: Issue[] = [];
  const tasks: Task[] = [];
  const sheets: Report["sheets"] = [];
  for (const g of grids) {
    if (!/^PL/.test(g.name)) continue;
    let legacy = false;
    g.values.forEach((row, i) => {
      if (i === 0) return;
      const r = g.origin.row + i;
      const lead = String(row[3] ?? "");
      const deadline = String(row[4] ?? "");
      if (lead.startsWith("Phßng")) legacy = true;
      if (lead === "Phong VHXH")
        issues.push({
          code: "LEAD_UNKNOWN",
          severity: "error",
          sheet: g.name,
          cell: toA1(r, 4),
          params: { raw: lead, suggestion: "Phòng Văn hóa - Xã hội", example: "Phòng Văn hóa - Xã hội" },
          suggestion: "Phòng Văn hóa - Xã hội",
          fix: { kind: "replace", sheet: g.name, cell: toA1(r, 4), value: "Phòng Văn hóa - Xã hội" },
        });
      if (deadline === "")
        issues.push({
          code: "DEADLINE_MISSING",
          severity: "error",
          sheet: g.name,
          cell: toA1(r, 5),
          params: { year: 2026 },
        });
      if (row[5] === "??")
        issues.push({
          code: "STATUS_UNKNOWN",
          severity: "warning",
          sheet: g.name,
          cell: toA1(r, 6),
          params: { raw: "??" },
        });
      tasks.push({
        sheet: g.name,
        row: r,
        group: null,
        stt: String(row[0] ?? ""),
        content: String(row[1] ?? ""),
        lead: lead === "Phòng Văn hóa - Xã hội" ? lead : null,
        leadRaw: lead,
        support: "",
        deadline: { raw: deadline, kind: deadline ? "date" : "missing", due: deadline ? "2026-12-01" : null },
        statusRaw: "",
        doneDate: null,
        status: deadline ? "in_progress" : "undetermined",
      });
    });
    if (legacy)
      issues.push({
        code: "TEXT_LEGACY_ENCODING",
        severity: "warning",
        sheet: g.name,
        cell: null,
        params: { encoding: "tcvn3" },
        fix: { kind: "decode_sheet", sheet: g.name, encoding: "tcvn3" },
      });
    sheets.push({
      name: g.name,
      role: "appendix",
      title: g.name,
      headerRow: 1,
      taskCount: tasks.length,
      encoding: legacy ? "tcvn3" : "unicode",
      columns: { stt: "A", content: "B", head: "C", lead: "D", deadline: "E", status: "F" },
    });
  }
  const total = {
    ...zero(),
    total: tasks.length,
    in_progress: tasks.filter((t) => t.status === "in_progress").length,
    undetermined: tasks.filter((t) => t.status === "undetermined").length,
    completionRate: tasks.length ? 0 : null,
    onTimeRate: tasks.length ? 0 : null,
  };
  return {
    asOf: options.asOf,
    planYear: 2026,
    sheets,
    tasks,
    issues,
    units: tasks.length ? [{ unit: "Phòng Văn hóa - Xã hội", ...total, overdue: 1 }] : [],
    appendices: [],
    groups: [],
    total,
    indicators: [
      {
        sheet: "CT",
        row: 3,
        name: "Hồ sơ trực tuyến",
        unitOfMeasure: "%",
        targetRaw: "Tối thiểu 80%",
        target: 0.8,
        comparator: ">=",
        actual: 0.85,
        achievement: 1.0625,
        met: true,
      },
      {
        sheet: "CT",
        row: 4,
        name: "Sáng kiến",
        unitOfMeasure: "sáng kiến",
        target: 2,
        comparator: ">=",
        actual: 1,
        achievement: 0.5,
        met: false,
      },
    ],
  };
}

/**
 * analyzeSteps stand-in: one step per "PL" sheet (as the engine reports a sheet being read), then the
 * report of `finish` (the test's analyze mock, so its calls can be asserted as before).
 */
export function* fakeAnalyzeSteps(
  grids: Grid[],
  options: { asOf: string },
  finish: (grids: Grid[], options: { asOf: string }) => Report = fakeAnalyze,
): Generator<AnalyzeProgress, Report, void> {
  const sheets = grids.filter((g) => /^PL/.test(g.name));
  for (let i = 0; i < sheets.length; i++)
    yield { phase: "sheets", done: i, total: sheets.length, sheet: sheets[i].name, rows: { done: 0, total: sheets[i].values.length } };
  return finish(grids, options);
}

/** Decoder stand-in: TCVN3 "Phßng" → "Phòng", "V¨n hãa" → "Văn hóa". */
export function fakeDecode(s: string): string {
  return s.replace("Phßng", "Phòng").replace("V¨n hãa", "Văn hóa");
}

/** A grid builder for the tests' "PL I" sheet: rows of [stt, content, head, lead, deadline, status]. */
export function plSheet(rows: (string | null)[][], name = "PL I"): Grid {
  return {
    name,
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values: [["STT", "Nội dung", "Người đứng đầu", "Chủ trì", "Thời hạn", "Tình trạng"], ...rows],
    merges: [],
  };
}

/** The pane's engine with this stand-in analysis (its calls recorded), a summary builder and a decoder. */
export function testEngine() {
  const real = jest.requireActual("../../src/taskpane/engine-impl") as Engine;
  const analyze = jest.fn((grids: Grid[], options: { asOf: string }) => fakeAnalyze(grids, options));
  const analyzeSteps = jest.fn((grids: Grid[], options: { asOf: string }) => fakeAnalyzeSteps(grids, options, analyze));
  const buildSummary = jest.fn((_report: Report, _settings: unknown): SummarySpec => ({ marker: "phuluc-summary", sheets: [] }));
  const decodeLegacy = jest.fn((s: string) => fakeDecode(s));
  const engine = { ...real, analyzeSteps, buildSummary, decodeLegacy } as unknown as Engine;
  const loader: EngineLoader = () => Promise.resolve(engine);
  return { engine, loader, analyze, analyzeSteps, buildSummary, decodeLegacy };
}
