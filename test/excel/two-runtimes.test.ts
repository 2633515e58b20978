/**
 * @jest-environment jsdom
 */
/**
 * Two runtimes, one store: the ribbon's function file and the task pane run in separate runtimes (no
 * shared runtime), each with its own port on the same workbook. Their syncs are interleaved at every
 * offset (test/fakes/lockstep.ts); whatever the order, neither loses the other's records.
 */
import { defaultSettings } from "../../src/core/settings";
import { SNAPSHOTS_KEY, decodeBook } from "../../src/core/snapshot";
import { applyMerge, mergeState, reviewReturns, undoLastMerge, type MergeReview } from "../../src/app/use-cases/merge";
import { splitWorkbook } from "../../src/app/use-cases/split";
import { writeSummarySheets } from "../../src/app/use-cases/summarize";
import { checkWorkbook } from "../../src/app/use-cases/check";
import { createCommands } from "../../src/commands/run-commands";
import { OfficeWorkbookPort, type ExcelRun } from "../../src/excel/port";
import type { FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { Lockstep } from "../fakes/lockstep";
import { AS_OF, fill, fileOf, KT, openPort, planGrids, T } from "../returns/support";
import { cliWriters } from "../../src/cli/writers";

/** What the ribbon told the user, per test (every command must succeed). */
let told: [string, string][] = [];
beforeEach(() => (told = []));
afterEach(() => expect(told.filter(([, kind]) => kind !== "ok")).toEqual([]));

const ribbonDeps = (fake: FakeExcel, run: ExcelRun) => ({
  port: () => new OfficeWorkbookPort({ run, isSetSupported: fake.isSetSupported }),
  today: () => AS_OF,
  notify: async (message: string, kind: "ok" | "error") => void told.push([message, kind]),
});

const plainPort = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });

/** The plan, highlighted once by the ribbon's Kiểm tra, and a unit's filled copy reviewed in the pane. */
async function planWithReturn(): Promise<{ fake: FakeExcel; review: MergeReview }> {
  const fake = fakeWorkbook(planGrids());
  const port = plainPort(fake);
  await createCommands(ribbonDeps(fake, fake.run)).validateWorkbook({ completed: () => undefined });
  const { files } = await splitWorkbook(port, { asOf: AS_OF }, { writers: cliWriters });
  const filled = await fill(fileOf(files, KT).bytes, [
    { task: T.wifi, status: "Đã hoàn thành", doneDate: { date: "2026-09-30" } },
    { task: T.budget, note: "Đã trình HĐND" },
  ]);
  const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(filled, "kt.xlsx", true) }], { asOf: AS_OF });
  return { fake, review };
}

const highlightsOf = async (fake: FakeExcel) => {
  const port = plainPort(fake);
  const fills: string[] = [];
  for (const s of fake.model.sheets) s.forEachCell({ top: 1, left: 1, bottom: 200, right: 20 }, (c) => c.fill && fills.push(c.fill));
  return { fills, state: await mergeState(port) };
};

/** Clearing the highlights (in a third, quiet runtime) leaves no fill on the plan: every fill phuluc made was on record. */
async function expectAllCleared(fake: FakeExcel): Promise<void> {
  await plainPort(fake).clearHighlights();
  const left: string[] = [];
  for (const name of ["PL I", "PL II", "PL III"])
    fake.model.sheet(name).forEachCell({ top: 1, left: 1, bottom: 40, right: 12 }, (c) => c.fill && left.push(`${name}:${c.fill}`));
  expect(left).toEqual([]);
}

/** Every offset at which the second runtime may start, up to `max` syncs of the first. */
const OFFSETS = Array.from({ length: 14 }, (_, k) => k);

describe("the pane merges while the ribbon clears the highlights", () => {
  test.each(OFFSETS)("the ribbon starts after %i syncs of the pane: the merge's undo record and the clearing both stay", async (lead) => {
    const { fake, review } = await planWithReturn();
    const lock = new Lockstep(["pane", "ribbon"], lead);
    const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
    const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
    await Promise.all([
      lock.as("pane", () => applyMerge(pane, review)),
      lock.as("ribbon", () => ribbon.clearHighlights({ completed: () => undefined })),
    ]);
    const { fills, state } = await highlightsOf(fake);
    expect(state.undoable).not.toBeNull(); // the pane's record survived the ribbon's write
    expect(fills.filter((f) => f === "#FFC7CE" || f === "#FFEB9C")).toEqual([]); // the ribbon's clearing survived the pane's
    expect(await plainPort(fake).loadRecord("merges")).toBeDefined();
  });
});

describe("the ribbon checks (and highlights) while the pane writes a summary", () => {
  test.each(OFFSETS)(
    "the pane starts after %i syncs of the ribbon: the snapshot, the summary's sheets and the highlights all stay",
    async (lead) => {
      const fake = fakeWorkbook(planGrids());
      const { report, settings } = await checkWorkbook(plainPort(fake), { asOf: AS_OF, settings: defaultSettings() });
      const lock = new Lockstep(["ribbon", "pane"], lead);
      const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
      const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
      await Promise.all([
        lock.as("ribbon", () => ribbon.validateWorkbook({ completed: () => undefined })),
        lock.as("pane", () => writeSummarySheets(pane, report, settings)),
      ]);
      const port = plainPort(fake);
      expect(decodeBook(await port.loadRecord(SNAPSHOTS_KEY)).book.snapshots.map((s) => s.asOf)).toEqual([AS_OF]);
      const fills: string[] = [];
      fake.model.sheet("PL I").forEachCell({ top: 1, left: 1, bottom: 40, right: 12 }, (c) => c.fill && fills.push(c.fill));
      expect(fills.length).toBeGreaterThan(0);
      // The summary's sheets are on record: a second summary replaces them instead of adding "Tổng hợp (2)".
      const before = fake.model.sheets.length;
      await writeSummarySheets(port, report, settings);
      expect(fake.model.sheets.length).toBe(before);
      expect(fake.model.sheets.some((s) => / \(2\)$/.test(s.name))).toBe(false);
      // Clearing takes off every fill phuluc made.
      await expectAllCleared(fake);
    },
  );
});

describe("the pane undoes the merge while the ribbon writes a summary", () => {
  test.each(OFFSETS)("the ribbon starts after %i syncs of the pane: the merge is marked undone and the snapshot kept", async (lead) => {
    const { fake, review } = await planWithReturn();
    await applyMerge(plainPort(fake), review);
    const lock = new Lockstep(["pane", "ribbon"], lead);
    const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
    const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
    await Promise.all([
      lock.as("pane", () => undoLastMerge(pane, defaultSettings())),
      lock.as("ribbon", () => ribbon.buildSummary({ completed: () => undefined })),
    ]);
    const port = plainPort(fake);
    const state = await mergeState(port);
    expect(state).toMatchObject({ undoable: null, merges: 1 });
    expect(decodeBook(await port.loadRecord(SNAPSHOTS_KEY)).book.snapshots.map((s) => s.asOf)).toEqual([AS_OF]);
  });
});

/** Which runtime starts first (the other starts after `lead` of its syncs). */
const ORDERS: [string, [string, string]][] = [
  ["the pane", ["pane", "ribbon"]],
  ["the ribbon", ["ribbon", "pane"]],
];

describe.each(ORDERS)(
  "the same record from both sides: the pane summarises as of another date while the ribbon summarises; %s first",
  (_f, order) => {
    test.each(OFFSETS)("the other starts after %i syncs: both snapshots are kept", async (lead) => {
      const fake = fakeWorkbook(planGrids());
      const earlier = "2026-09-30";
      const { report, settings } = await checkWorkbook(plainPort(fake), { asOf: earlier, settings: defaultSettings() });
      const lock = new Lockstep(order, lead);
      const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
      const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
      await Promise.all([
        lock.as("pane", () => writeSummarySheets(pane, report, settings)),
        lock.as("ribbon", () => ribbon.buildSummary({ completed: () => undefined })),
      ]);
      const asOfs = decodeBook(await plainPort(fake).loadRecord(SNAPSHOTS_KEY)).book.snapshots.map((s) => s.asOf);
      expect([...asOfs].sort()).toEqual([earlier, AS_OF]);
    });
  },
);

describe.each(ORDERS)(
  "a fresh workbook (no `_phuluc`): the pane saves settings while the ribbon checks and highlights; %s first",
  (_f, order) => {
    test.each(OFFSETS)("the other starts after %i syncs: one `_phuluc`, with the settings and the highlights", async (lead) => {
      const fake = fakeWorkbook(planGrids());
      const lock = new Lockstep(order, lead);
      const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
      const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
      const settings = { ...defaultSettings(), communeName: "UBND xã An Hòa" };
      await Promise.all([
        lock.as("pane", () => pane.saveSettings(settings)),
        lock.as("ribbon", () => ribbon.validateWorkbook({ completed: () => undefined })),
      ]);
      const port = plainPort(fake);
      expect((await port.loadSettings()).settings.communeName).toBe("UBND xã An Hòa");
      expect(fake.model.sheets.filter((s) => s.name === "_phuluc")).toHaveLength(1);
      // Every fill phuluc made is on record: clearing takes them all off.
      await expectAllCleared(fake);
    });
  },
);

describe("the same part from both sides: the pane highlights while the ribbon clears", () => {
  test.each(OFFSETS)("the ribbon starts after %i syncs of the pane: every fill phuluc leaves is on record", async (lead) => {
    const fake = fakeWorkbook(planGrids());
    const { report } = await checkWorkbook(plainPort(fake), { asOf: AS_OF, settings: defaultSettings() });
    const targets = report.issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell!, severity: i.severity }));
    const lock = new Lockstep(["pane", "ribbon"], lead);
    const pane = new OfficeWorkbookPort({ run: lock.run(fake, "pane"), isSetSupported: fake.isSetSupported });
    const ribbon = createCommands(ribbonDeps(fake, lock.run(fake, "ribbon")));
    await Promise.all([
      lock.as("pane", () => pane.highlight(targets)),
      lock.as("ribbon", () => ribbon.clearHighlights({ completed: () => undefined })),
    ]);
    await expectAllCleared(fake);
  });
});
