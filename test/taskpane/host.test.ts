import { detectHost } from "../../src/taskpane/host";
import { isIsoDate, parseUserDate, todayIso } from "../../src/core/dates";

const g = globalThis as any;
afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
});

function fakeOffice(onReady: () => Promise<{ host: string | null }>) {
  g.Office = { HostType: { Excel: "Excel" }, onReady };
}

test("inside Excel (Office.js ready with the Excel host) the pane runs on Excel", async () => {
  fakeOffice(async () => ({ host: "Excel" }));
  await expect(detectHost()).resolves.toBe("excel");
});

test("a plain browser: no Office.js, Office.js without a host, another host, or a failing onReady", async () => {
  await expect(detectHost()).resolves.toBe("browser");
  fakeOffice(async () => ({ host: null }));
  await expect(detectHost()).resolves.toBe("browser");
  fakeOffice(async () => ({ host: "Word" }));
  await expect(detectHost()).resolves.toBe("browser");
  fakeOffice(() => Promise.reject(new Error("blocked")));
  await expect(detectHost()).resolves.toBe("browser");
});

test("an Office.js that never becomes ready falls back to the preview after the timeout", async () => {
  jest.useFakeTimers();
  fakeOffice(() => new Promise(() => undefined));
  const host = detectHost(5000);
  jest.advanceTimersByTime(5000);
  await expect(host).resolves.toBe("browser");
});

test("today is the local calendar date; ISO dates are checked for existence", () => {
  expect(todayIso(new Date(2026, 10, 24, 23, 59))).toBe("2026-11-24");
  expect(todayIso(new Date(2026, 0, 5, 0, 1))).toBe("2026-01-05");
  expect(isIsoDate("2026-02-28")).toBe(true);
  expect(isIsoDate("2026-02-30")).toBe(false);
  expect(isIsoDate("30/11/2026")).toBe(false);
  expect(isIsoDate("")).toBe(false);
});

test("a typed Vietnamese date (dd/mm/yyyy) is accepted where the browser has no date picker", () => {
  expect(parseUserDate("2026-11-30")).toBe("2026-11-30");
  expect(parseUserDate(" 30/11/2026 ")).toBe("2026-11-30");
  expect(parseUserDate("5.1.2026")).toBe("2026-01-05");
  expect(parseUserDate("31/11/2026")).toBeNull();
  expect(parseUserDate("11/2026")).toBeNull();
});
