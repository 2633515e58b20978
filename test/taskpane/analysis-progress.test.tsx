/** @jest-environment jsdom */
/**
 * The pane analyses in slices: the progress names the sheet being read, and a run overtaken by a second
 * Kiểm tra or by a new date is called off — its result never shows. The engine is a stand-in whose run
 * can be held open (it keeps reporting the same sheet until released).
 */
import "./dom-matchers";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { AnalyzeProgress } from "../../src/core/analyze";
import type { Grid } from "../../src/core/grid";
import type { Report } from "../../src/core/report-schema";
import { FakePort } from "./fake-port";
import * as unitsTable from "../../src/taskpane/views/UnitsTable";
import { fakeAnalyze, plSheet, testEngine } from "./fake-engine";

interface MockRun {
  asOf: string;
  /** Steps taken (progress values yielded). */
  steps: number;
  hold: boolean;
  release: boolean;
  /** The pane closed the generator before it finished (called off). */
  closed: boolean;
  finished: boolean;
}
const mockRuns: MockRun[] = [];
/** Whether the next run is held open until released. */
const mockNext = { hold: false };

/** The analysis the pane gets (injected as its engine's analyzeSteps): each run recorded, and held open on demand. */
function* mockAnalyzeSteps(grids: Grid[], options: { asOf: string }): Generator<AnalyzeProgress, Report, void> {
  const run: MockRun = { asOf: options.asOf, steps: 0, hold: mockNext.hold, release: false, closed: false, finished: false };
  mockRuns.push(run);
  const sheets = grids.filter((g) => g.name.startsWith("PL"));
  try {
    for (let i = 0; i < sheets.length; i++) {
      const at: AnalyzeProgress = { phase: "sheets", done: i, total: sheets.length, sheet: sheets[i].name, rows: { done: 1, total: 4 } };
      run.steps++;
      yield at;
      while (i === 0 && run.hold && !run.release) {
        run.steps++;
        yield at;
      }
    }
    yield { phase: "aggregate", done: 1, total: 1 };
    const report = fakeAnalyze(grids, options);
    run.finished = true;
    return report;
  } finally {
    run.closed = !run.finished;
  }
}

/** Renders of the units table (part of the results views), counted by a spy that calls through. */
const mockRenders = { units: 0 };
beforeEach(() => {
  mockRenders.units = 0;
  const actual = unitsTable.UnitsTable;
  jest.spyOn(unitsTable, "UnitsTable").mockImplementation((props) => {
    mockRenders.units++;
    return actual(props);
  });
});
afterEach(() => jest.restoreAllMocks());

const twoTasks = () => [
  ["1", "Xây dựng kế hoạch", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""],
  ["2", "Báo cáo", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""],
];

function setup() {
  mockRuns.length = 0;
  mockNext.hold = true;
  const port = new FakePort([plSheet(twoTasks()), plSheet(twoTasks(), "PL II")]);
  const user = userEvent.setup();
  const { engine } = testEngine();
  const withHeldRuns = { ...engine, analyzeSteps: mockAnalyzeSteps } as typeof engine;
  render(<App port={port} today="2026-11-24" engine={() => Promise.resolve(withHeldRuns)} />);
  return { port, user };
}

afterEach(() => {
  // Let a held run end, whatever the test did.
  for (const r of mockRuns) r.release = true;
});

test("while analysing, the progress names the sheet being read and how many there are", async () => {
  const { user } = setup();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await screen.findByText("Đang phân tích trang PL I (1/2)…")).toBeInTheDocument();
  expect(screen.getByRole("status")).toHaveTextContent("Đang phân tích trang PL I (1/2)…");
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
  mockRuns[0].release = true;
  expect(await screen.findByTestId("headline")).toHaveTextContent("4 nhiệm vụ trong 2 phụ lục");
  expect(screen.getByRole("status")).not.toHaveTextContent("Đang phân tích");
  expect(mockRuns).toHaveLength(1);
  expect(mockRuns[0].finished).toBe(true);
});

test("the progress is in English when the pane is", async () => {
  const { user } = setup();
  await user.click(screen.getByRole("button", { name: "English" }));
  await user.click(screen.getByRole("button", { name: "Check" }));
  expect(await screen.findByText("Analysing sheet PL I (1/2)…")).toBeInTheDocument();
});

test("Kiểm tra pressed again while analysing calls the first run off: only the second run's result shows", async () => {
  const { port, user } = setup();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText("Đang phân tích trang PL I (1/2)…");
  // The workbook changes meanwhile: the second check reads one sheet of three tasks.
  port.grids = [plSheet([...twoTasks(), ["3", "Tổng kết", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""]])];
  mockNext.hold = false;
  const button = screen.getByRole("button", { name: "Kiểm tra" });
  expect(button).toBeEnabled();
  await user.click(button);
  expect(await screen.findByTestId("headline")).toHaveTextContent("3 nhiệm vụ trong 1 phụ lục");
  expect(port.callsOf("readSheets")).toHaveLength(2);
  expect(mockRuns).toHaveLength(2);
  // The first run was closed where it stood and never produced its report.
  expect(mockRuns[0]).toMatchObject({ closed: true, finished: false });
  expect(mockRuns[1]).toMatchObject({ closed: false, finished: true });
  expect(screen.queryByText(/4 nhiệm vụ/)).toBeNull();
});

test("changing the date while analysing calls the run off; Kiểm tra then checks with the new date", async () => {
  const { user } = setup();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText("Đang phân tích trang PL I (1/2)…");
  const date = screen.getByLabelText("Ngày báo cáo");
  await user.clear(date);
  await waitFor(() => expect(mockRuns[0].closed).toBe(true));
  await waitFor(() => expect(screen.getByRole("status")).not.toHaveTextContent("Đang phân tích"));
  expect(mockRuns[0].finished).toBe(false);
  expect(screen.queryByTestId("headline")).toBeNull();
  expect(screen.queryByTestId("error-bar")).toBeNull();

  mockNext.hold = false;
  await user.type(date, "2026-06-30");
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await screen.findByTestId("headline")).toHaveTextContent("4 nhiệm vụ trong 2 phụ lục");
  expect(mockRuns).toHaveLength(2);
  expect(mockRuns[1]).toMatchObject({ asOf: "2026-06-30", finished: true });
});

test("while another action runs (the summary), Kiểm tra stays disabled", async () => {
  const { user } = setup();
  mockNext.hold = true;
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  await screen.findByText("Đang phân tích trang PL I (1/2)…");
  expect(screen.getByRole("button", { name: "Kiểm tra" })).not.toBeEnabled();
  mockRuns[0].release = true;
  await waitFor(() => expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeEnabled());
  expect(mockRuns[0].finished).toBe(true);
});

test("the results of the last check are not re-rendered at each progress step of a new one", async () => {
  const { user } = setup();
  mockNext.hold = false;
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByTestId("headline");
  mockNext.hold = true;
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByText("Đang phân tích trang PL I (1/2)…");
  await waitFor(() => expect(mockRuns[1].steps).toBeGreaterThan(3));
  const before = mockRenders.units;
  expect(before).toBeGreaterThan(0); // the spy sees the table render (the first check drew it)
  const steps = mockRuns[1].steps;
  // Each slice of a held run ends with a progress update (the pane re-renders); the tables do not.
  await waitFor(() => expect(mockRuns[1].steps).toBeGreaterThan(steps + 5));
  expect(mockRenders.units).toBe(before);
  expect(screen.getByTestId("units-table")).toBeInTheDocument();
});
