/**
 * The pane's controller without React (src/taskpane/controller): the runs and their cancellation, one
 * busy state, one exclusive action at a time, errors as words of the message bar (never a rejection),
 * and the units' returns' actions with the host's file handling — on the in-memory port and the test
 * engine (its analysis a stand-in, held open on demand).
 */
import type { AnalyzeProgress } from "../../src/core/analyze";
import type { Grid } from "../../src/core/grid";
import type { Report } from "../../src/core/report-schema";
import { defaultSettings } from "../../src/core/settings";
import { UI } from "../../src/i18n/ui";
import { PaneController } from "../../src/taskpane/controller/pane-controller";
import type { Engine } from "../../src/taskpane/engine";
import type { PaneState } from "../../src/taskpane/state/pane-state";
import { AS_OF, planGrids } from "../returns/support";
import { fakeAnalyze, plSheet, testEngine } from "./fake-engine";
import { FakePort } from "./fake-port";

const vi = UI.vi;
const rows = () => [
  ["1", "Xây dựng kế hoạch", "Chủ tịch", "Phong VHXH", "30/11/2026", ""],
  ["2", "Báo cáo", "Chủ tịch", "Phòng Văn hóa - Xã hội", "", "??"],
];

/** An analysis that, while `held.on`, keeps yielding on its first sheet; `runs` records each run's end. */
function heldEngine(base: Engine) {
  const held = { on: false };
  const runs: { asOf: string; finished: boolean; closed: boolean }[] = [];
  function* analyzeSteps(grids: Grid[], options: { asOf: string }): Generator<AnalyzeProgress, Report, void> {
    const run = { asOf: options.asOf, finished: false, closed: false };
    runs.push(run);
    try {
      while (held.on) yield { phase: "sheets", done: 0, total: 1, sheet: grids[0]?.name, rows: { done: 0, total: 1 } };
      const report = fakeAnalyze(grids, options);
      run.finished = true;
      return report;
    } finally {
      run.closed = !run.finished;
    }
  }
  return { engine: { ...base, analyzeSteps } as Engine, held, runs };
}

function setup(
  options: { port?: FakePort; engine?: Engine; delivery?: "download" | "sheet"; openWorkbook?: (b: Uint8Array) => Promise<void> } = {},
) {
  const port = options.port ?? new FakePort([plSheet(rows())]);
  const engine = options.engine ?? testEngine().engine;
  const saveFile = jest.fn();
  const pane = new PaneController({
    port,
    loadEngine: () => Promise.resolve(engine),
    delivery: options.delivery ?? "download",
    saveFile,
    openWorkbook: options.openWorkbook,
    asOf: "2026-11-24",
    lang: "vi",
  });
  return { pane, port, saveFile };
}

/** Resolves when the controller's state satisfies `test` (checked at each change). */
function until(pane: PaneController, test: (s: PaneState) => boolean): Promise<PaneState> {
  return new Promise((resolve) => {
    if (test(pane.getState())) return resolve(pane.getState());
    const stop = pane.subscribe(() => {
      if (!test(pane.getState())) return;
      stop();
      resolve(pane.getState());
    });
  });
}

/** A Kiểm tra whose analysis is held open, once it is analysing (`held.held.on = false` lets it end). */
async function heldCheck() {
  const held = heldEngine(testEngine().engine);
  const { pane, port } = setup({ engine: held.engine });
  held.held.on = true;
  const first = pane.validate();
  await until(pane, (s) => s.activity.kind === "checking" && s.activity.progress?.stage === "analysing");
  return { pane, port, held, first };
}

test("Kiểm tra checks the workbook: busy at once, then idle with the result; subscribers are told of each change", async () => {
  const { pane, port } = setup();
  const seen: PaneState[] = [];
  pane.subscribe(() => seen.push(pane.getState()));
  const done = pane.validate();
  expect(pane.getState().activity).toMatchObject({ kind: "checking" }); // before any await
  await done;
  const s = pane.getState();
  expect(s.activity).toEqual({ kind: "idle" });
  expect(s.result?.report.tasks).toHaveLength(2);
  expect(s.result?.report.issues.map((i) => i.code)).toEqual(["LEAD_UNKNOWN", "DEADLINE_MISSING", "STATUS_UNKNOWN"]);
  expect(port.callsOf("readSheets")).toHaveLength(1);
  expect(seen.length).toBeGreaterThan(1);
  expect(new Set(seen).size).toBe(seen.length); // a new state object for each change
});

test("an invalid date is refused with its sentence and nothing is read", async () => {
  const { pane, port } = setup();
  pane.setAsOf("");
  await pane.validate();
  expect(pane.getState().error?.(vi)).toBe(vi.asOfInvalid);
  expect(pane.getState().activity).toEqual({ kind: "idle" });
  expect(port.callsOf("readSheets")).toHaveLength(0);
});

test("Kiểm tra pressed again calls the first run off: only the second run's result is kept", async () => {
  const { pane, port, held, first } = await heldCheck();
  port.grids = [plSheet([rows()[1]])];
  held.held.on = false;
  await Promise.all([first, pane.validate()]);
  expect(held.runs).toEqual([
    { asOf: "2026-11-24", finished: false, closed: true },
    { asOf: "2026-11-24", finished: true, closed: false },
  ]);
  expect(pane.getState().result?.report.tasks).toHaveLength(1);
  expect(pane.getState().activity).toEqual({ kind: "idle" });
  expect(pane.getState().error).toBeNull();
});

test("a new date calls the run off at once; an action pressed meanwhile starts once the old run has stopped", async () => {
  const { pane, port, held, first } = await heldCheck();
  pane.setAsOf("2026-06-30");
  expect(pane.getState().activity).toEqual({ kind: "idle" }); // one busy state: not busy any more
  held.held.on = false;
  const summary = pane.buildSummary();
  expect(pane.getState().activity).toMatchObject({ kind: "working", what: "summary" });
  await Promise.all([first, summary]);
  expect(held.runs.map((r) => [r.asOf, r.finished])).toEqual([
    ["2026-11-24", false],
    ["2026-06-30", true],
  ]);
  expect(port.callsOf("writeSummary")).toHaveLength(1);
  expect(pane.getState().result?.report.asOf).toBe("2026-06-30");
  expect(pane.getState().error).toBeNull();
});

test("one action at a time: a second press while one runs does nothing, and Kiểm tra does nothing", async () => {
  const { pane, port } = setup();
  const first = pane.buildSummary();
  const second = pane.buildSummary();
  const check = pane.validate();
  await expect(second).resolves.toBeUndefined();
  await check;
  await first;
  expect(port.callsOf("writeSummary")).toHaveLength(1);
  expect(port.callsOf("readSheets")).toHaveLength(1); // the summary's own check only
  expect(pane.getState().summary?.sheetNames).toEqual(["Tổng hợp"]);
});

test("an action's failure is the message bar's words, never a rejection; the pane is usable after", async () => {
  const { pane, port } = setup();
  await pane.validate();
  port.failures.writeCells = new Error("Trang tính đang được bảo vệ.");
  const fix = pane.getState().result!.report.issues.find((i) => i.fix)!.fix!;
  await expect(pane.applyFix(fix)).resolves.toBeUndefined();
  expect(pane.getState().error?.(vi)).toBe("Trang tính đang được bảo vệ.");
  expect(pane.getState().activity).toEqual({ kind: "idle" });
  delete port.failures.writeCells;
  pane.dismissError();
  await pane.applyFix(fix);
  expect(pane.getState().notice?.(vi)).toBe(vi.fixApplied);
  expect(port.callsOf("readSheets")).toHaveLength(2); // checked again after the fix
});

test("settings: loaded into the state; a late answer after the pane went away is ignored; saving checks again", async () => {
  const port = new FakePort([plSheet(rows())]);
  port.settings = { settings: { ...defaultSettings(), planYear: 2027 } };
  const gone = setup({ port });
  gone.pane.loadSettings()();
  await Promise.resolve();
  expect(gone.pane.getState().settings).toBeNull();
  const { pane } = setup({ port });
  pane.loadSettings();
  const loaded = await until(pane, (s) => s.settings !== null);
  expect(loaded.settings?.planYear).toBe(2027);
  await pane.validate();
  await expect(pane.saveSettings({ ...loaded.settings!, planYear: 2028 })).resolves.toBe(true);
  expect(port.callsOf("saveSettings")).toHaveLength(1);
  expect(port.callsOf("readSheets")).toHaveLength(2);
  expect(pane.getState().notice?.(vi)).toBe(vi.saved);
});

test("Tạo báo cáo: the .docx handed to the host's download, or the sheet written where it cannot download", async () => {
  const download = setup();
  await download.pane.buildReport();
  expect(download.saveFile).toHaveBeenCalledTimes(1);
  expect(download.saveFile.mock.calls[0][1]).toBe("bao-cao-2026-11-24.docx");
  const sheet = setup({ delivery: "sheet" });
  await sheet.pane.buildReport();
  expect(sheet.saveFile).not.toHaveBeenCalled();
  expect(sheet.port.callsOf("writeSummary")).toHaveLength(1);
}, 30000);

describe("the units' returns", () => {
  const real = jest.requireActual("../../src/taskpane/engine-impl") as Engine;
  function returnsSetup(openWorkbook?: (b: Uint8Array) => Promise<void>) {
    const port = new FakePort(planGrids());
    const made = setup({ port, engine: real, openWorkbook });
    made.pane.setAsOf(AS_OF);
    return made;
  }

  test("Gửi đơn vị makes the copies; each is downloaded, all in one .zip, or opened in Excel", async () => {
    const opened: Uint8Array[] = [];
    const { pane, saveFile } = returnsSetup(async (bytes) => void opened.push(bytes));
    await pane.returns.split();
    const files = pane.getState().returns.split!.files;
    expect(files.length).toBeGreaterThan(1);
    pane.returns.download(files[0]);
    expect(saveFile).toHaveBeenLastCalledWith(files[0].bytes, files[0].fileName, expect.stringContaining("spreadsheetml"));
    await pane.returns.downloadAll(files);
    expect(saveFile).toHaveBeenLastCalledWith(expect.any(Uint8Array), expect.stringMatching(/\.zip$/), "application/zip");
    await pane.returns.open(files[1]);
    expect(opened).toEqual([files[1].bytes]);
    expect(pane.getState().notice?.(vi)).toContain(files[1].fileName);
  }, 30000);

  test("files the browser cannot read are told; files that are not workbooks make the message bar say why", async () => {
    const { pane } = returnsSetup();
    await pane.returns.pickFiles([{ name: "a.xlsx", arrayBuffer: () => Promise.reject(new Error("NotReadableError")) }]);
    expect(pane.getState().notice?.(vi)).toBe("NotReadableError");
    await pane.returns.pickFiles([
      { name: "b.xlsx", arrayBuffer: async () => new TextEncoder().encode("not a zip").buffer as ArrayBuffer },
    ]);
    expect(pane.getState().error?.(vi)).toMatch(/^Tệp «b\.xlsx» là tệp văn bản/);
    expect(pane.getState().returns.review).toBeNull();
    expect(pane.getState().activity).toEqual({ kind: "idle" });
  }, 30000);

  test("undo with no merge recorded says there is nothing to undo; the merge state loads quietly", async () => {
    const { pane } = returnsSetup();
    await pane.returns.loadMergeState();
    expect(pane.getState().returns.undoable).toBeNull();
    await pane.returns.undo();
    expect(pane.getState().error).toBeNull();
    expect(pane.getState().notice?.(vi)).toBeTruthy();
  }, 30000);
});
