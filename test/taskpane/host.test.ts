import { detectHost, officeSignals, watchHost, type Host } from "../../src/taskpane/host";
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

test("Office's signs on the page: _host_Info in the URL, office.js's session copy, window.name, the Windows bridge", () => {
  expect(officeSignals({ search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0" })).toBe(true);
  expect(officeSignals({ search: "?x=1&_host_info=excel|web|16.00|vi-vn" })).toBe(true);
  expect(officeSignals({ hash: "#_host_Info=Excel$Mac$16.00$vi-VN$$$$0" })).toBe(true);
  expect(officeSignals({ sessionStorage: { getItem: (k) => (k === "hostInfoValue" ? "Excel$Win32$16.01$vi-VN" : null) } })).toBe(true);
  expect(officeSignals({ name: JSON.stringify({ hostInfo: "Excel|Web|16.00|vi-VN|x|isDialog" }) })).toBe(true);
  expect(officeSignals({ external: { GetHostInfo: () => "Excel$Win32$16.01" } })).toBe(true);
  // A plain browser: the preview's own query, an unrelated window.name, storage that throws.
  expect(officeSignals({ search: "?sample=1", name: "preview", external: {} })).toBe(false);
  expect(
    officeSignals({
      sessionStorage: {
        getItem: () => {
          throw new Error("blocked");
        },
      },
      name: "{not json",
    }),
  ).toBe(false);
});

test("a slow Excel start (signs of Office, onReady after the timeout): still loading, then Excel — never the preview", async () => {
  jest.useFakeTimers();
  let ready!: (info: { host: string }) => void;
  fakeOffice(() => new Promise((r) => (ready = r)));
  const seen: Host[] = [];
  const slow = jest.fn();
  watchHost((h) => seen.push(h), { timeoutMs: 10000, insideOffice: true, onSlow: slow });
  await jest.advanceTimersByTimeAsync(60000);
  expect(seen).toEqual([]);
  expect(slow).toHaveBeenCalledTimes(1);
  ready({ host: "Excel" });
  await jest.advanceTimersByTimeAsync(0);
  expect(seen).toEqual(["excel"]);
});

test("the URL's _host_Info alone is enough to keep waiting (detectHost stays pending past the timeout)", async () => {
  jest.useFakeTimers();
  const g2 = globalThis as any;
  g2.window = { location: { search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0", hash: "" }, name: "" };
  try {
    fakeOffice(() => new Promise(() => undefined));
    let settled = false;
    void detectHost(10000).then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(30000);
    expect(settled).toBe(false);
  } finally {
    delete g2.window;
  }
});

test("a preview started after the timeout switches to Excel when onReady reports Excel late", async () => {
  jest.useFakeTimers();
  let ready!: (info: { host: string }) => void;
  fakeOffice(() => new Promise((r) => (ready = r)));
  const seen: Host[] = [];
  watchHost((h) => seen.push(h), { timeoutMs: 10000, insideOffice: false });
  await jest.advanceTimersByTimeAsync(10000);
  expect(seen).toEqual(["browser"]);
  ready({ host: "Excel" });
  await jest.advanceTimersByTimeAsync(0);
  expect(seen).toEqual(["browser", "excel"]);
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
