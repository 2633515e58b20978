/**
 * @jest-environment jsdom
 */
/**
 * A function command's runtime is shut down five minutes after the click that started it, finished or not.
 * Ribbon commands time themselves from the click: the result dialog closes itself (and the command
 * completes) before that limit, whatever the work took; and work slow enough to come near it — a big
 * workbook on the web — is handed off to the pane before anything is written, never cut off mid-write.
 */
import { SNAPSHOTS_KEY } from "../../src/core/snapshot";
import { STORE_SHEET } from "../../src/core/store";
import { createCommands } from "../../src/commands/run-commands";
import { DIALOG_MAX_OPEN_MS, officeDialogNotify } from "../../src/commands/dialog";
import { OfficeWorkbookPort, type ExcelRun } from "../../src/excel/port";
import { excelTexts } from "../../src/i18n/excel";
import { FakeRequestContext, type FakeExcel } from "../fakes/fake-excel";
import { appendixGrid, fakeWorkbook } from "../fakes/fake-workbook";

/** The runtime's limit, counted from the click (Office's function-command runtime). */
const LIMIT_MS = 5 * 60_000;

/** A clock that each sync moves on by `msPerSync` (a slow Excel on the web). */
function slowExcel(fake: FakeExcel, msPerSync: number) {
  const clock = { now: 1_000_000 };
  const run: ExcelRun = async (fn) => {
    const ctx = new FakeRequestContext(fake.model, fake.stats, fake.apiVersion);
    const sync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      clock.now += msPerSync;
      await sync();
    };
    const result = await fn(ctx as unknown as Excel.RequestContext);
    if (ctx.pending) await ctx.sync();
    return result;
  };
  return { clock, run };
}

function ribbon(fake: FakeExcel, msPerSync: number) {
  const { clock, run } = slowExcel(fake, msPerSync);
  const told: { message: string; kind: string; closeBy?: number; at: number }[] = [];
  const clicked = clock.now;
  const commands = createCommands({
    port: () => new OfficeWorkbookPort({ run, isSetSupported: fake.isSetSupported }),
    today: () => "2026-11-24",
    now: () => clock.now,
    notify: async (message, kind, closeBy) => void told.push({ message, kind, closeBy, at: clock.now }),
  });
  return { commands, told, clock, clicked };
}

const summarySheets = (fake: FakeExcel) => fake.model.sheets.map((s) => s.name).filter((n) => n !== "PL I" && n !== STORE_SHEET);

test("a quick command: the dialog may stay open until shortly before the limit counted from the click, never past it", async () => {
  const fake = fakeWorkbook([appendixGrid("PL I", 50)]);
  const { commands, told, clicked } = ribbon(fake, 1000);
  const completed = jest.fn();
  await commands.buildSummary({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(told[0].kind).toBe("ok");
  expect(told[0].closeBy).toBeDefined();
  expect(told[0].closeBy!).toBeLessThanOrEqual(clicked + LIMIT_MS - 15_000);
  expect(told[0].closeBy!).toBeGreaterThan(told[0].at + DIALOG_MAX_OPEN_MS / 2);
});

test("a summary whose reading takes minutes (slow Excel on the web) is handed off to the pane before anything is written", async () => {
  const fake = fakeWorkbook([appendixGrid("PL I", 50)]);
  const { commands, told, clicked } = ribbon(fake, 50_000); // every exchange with Excel takes 50 seconds
  const completed = jest.fn();
  await commands.buildSummary({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(summarySheets(fake)).toEqual([]);
  expect(fake.model.find(STORE_SHEET)).toBeUndefined();
  expect(told[0].message).toBe(excelTexts.handOff("Tạo bảng tổng hợp"));
  expect(told[0].at).toBeLessThan(clicked + LIMIT_MS);
  expect(told[0].closeBy!).toBeLessThanOrEqual(clicked + LIMIT_MS - 15_000);
});

test("Kiểm tra on the ribbon: the same hand-off (no highlight half made), and a quick one highlights as before", async () => {
  const slow = fakeWorkbook([appendixGrid("PL I", 50)]);
  const s = ribbon(slow, 50_000);
  await s.commands.validateWorkbook({ completed: jest.fn() });
  expect(s.told[0].message).toBe(excelTexts.handOff("Kiểm tra"));
  expect(slow.model.find(STORE_SHEET)).toBeUndefined();
  const quick = fakeWorkbook([appendixGrid("PL I", 50)]);
  const q = ribbon(quick, 1000);
  await q.commands.validateWorkbook({ completed: jest.fn() });
  expect(q.told[0].kind).toBe("ok");
});

test("a summary already written is never cut short: its snapshot is recorded even when the time is up", async () => {
  const fake = fakeWorkbook([appendixGrid("PL I", 50)]);
  const { commands, told } = ribbon(fake, 9_000);
  await commands.buildSummary({ completed: jest.fn() });
  expect(told[0].kind).toBe("ok");
  expect(summarySheets(fake).length).toBeGreaterThan(0);
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  expect(await port.loadRecord(SNAPSHOTS_KEY)).toBeDefined();
});

describe("the result dialog closes itself by the time it is given", () => {
  const setOffice = (displayDialogAsync: jest.Mock) =>
    ((globalThis as any).Office = {
      context: { ui: { displayDialogAsync } },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    });

  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as any).Office;
  });

  test("30 seconds left before the limit: closed after 30 seconds, not after two minutes", async () => {
    jest.useFakeTimers();
    const close = jest.fn();
    const displayDialogAsync = jest.fn((_url, _opts, cb) => cb({ status: "succeeded", value: { close, addEventHandler: jest.fn() } }));
    setOffice(displayDialogAsync);
    let done = false;
    const start = Date.now();
    const shown = officeDialogNotify(() => "https://localhost:3000/commands.html")("Đã tạo", "ok", start + 30_000).then(
      () => (done = true),
    );
    await jest.advanceTimersByTimeAsync(29_000);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1_500);
    await shown;
    expect(done).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
  });

  test("no time left: not opened at all, the command completes at once", async () => {
    const displayDialogAsync = jest.fn();
    setOffice(displayDialogAsync);
    await officeDialogNotify(() => "https://localhost:3000/commands.html")("Đã tạo", "ok", Date.now() - 1);
    expect(displayDialogAsync).not.toHaveBeenCalled();
  });
});
