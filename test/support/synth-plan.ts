/**
 * A synthetic plan report of n tasks (12–25 Vietnamese words each, seeded, so sizes are reproducible) and
 * the next meeting's version of it: what the snapshot sizes and the store at its budget are measured on.
 */
import { STATUS_CATEGORIES, type Report, type StatusCategory, type Task } from "../../src/core/report-schema";
import { addDays } from "../../src/core/dates";
import { WORDS, UNITS } from "../core/identity/plan-model";
import { zeroCounts } from "../../src/core/aggregate";

const STATUS_DONE: StatusCategory[] = ["done_on_time", "done_late"];

function synthTask(i: number, n: number, rnd: () => number): Task {
  const words: string[] = [];
  const len = 12 + Math.floor(rnd() * 14);
  for (let k = 0; k < len; k++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
  const sheet = i < n * 0.5 ? "PL I" : i < n * 0.8 ? "PL II" : "PL III";
  const due = addDays("2026-01-31", Math.floor(rnd() * 330));
  const status = STATUS_CATEGORIES[Math.floor(rnd() * STATUS_CATEGORIES.length)];
  return {
    sheet,
    row: 6 + i,
    group: `${["I", "II", "III", "IV"][Math.floor((i / n) * 16) % 4]}. Nhóm nhiệm vụ ${Math.floor((i / n) * 16)}`,
    stt: String((i % 40) + 1),
    content: `${words.join(" ")} (${i})`,
    lead: rnd() < 0.05 ? null : UNITS[Math.floor(rnd() * UNITS.length)],
    leadRaw: "",
    support: "",
    deadline: { raw: "", kind: "date", due },
    statusRaw: "",
    doneDate: STATUS_DONE.includes(status) ? addDays(due, Math.floor(rnd() * 40) - 20) : null,
    status,
  };
}

/** A seeded generator (reproducible sizes). */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function synthReport(n: number, asOf: string, seed = 1): Report {
  const rnd = seeded(seed);
  const tasks = Array.from({ length: n }, (_, i) => synthTask(i, n, rnd));
  return {
    asOf,
    planYear: 2026,
    sheets: [],
    tasks,
    issues: [],
    units: [],
    appendices: [],
    groups: [],
    total: { ...zeroCounts(), total: n },
    indicators: Array.from({ length: 12 }, (_, i) => ({
      sheet: "Chỉ tiêu",
      row: 4 + i,
      name: `Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình số ${i}`,
      unitOfMeasure: "%",
      target: 0.8,
      comparator: ">=" as const,
      actual: rnd(),
      achievement: null,
      met: rnd() < 0.5,
    })),
  };
}

/** The next meeting: some tasks done, some deadlines moved, a few rows added and deleted. */
export function evolve(report: Report, asOf: string, seed: number): Report {
  const rnd = seeded(seed);
  const tasks = report.tasks
    .filter(() => rnd() > 0.01)
    .map((t) => {
      const r = rnd();
      if (r < 0.1 && !STATUS_DONE.includes(t.status)) return { ...t, status: "done_on_time" as const, doneDate: asOf };
      if (r < 0.13) return { ...t, deadline: { ...t.deadline, due: addDays(t.deadline.due ?? asOf, 30) } };
      if (r < 0.15) return { ...t, lead: UNITS[Math.floor(rnd() * UNITS.length)] };
      return t;
    });
  for (let k = 0; k < 20; k++)
    tasks.splice(Math.floor(rnd() * tasks.length), 0, synthTask(report.tasks.length + k + seed * 100, report.tasks.length, rnd));
  return { ...report, asOf, tasks: tasks.map((t, i) => ({ ...t, row: 6 + i })) };
}
