/** @jest-environment jsdom */
/**
 * The task pane's entry (src/taskpane/index.tsx) against a slow Office.js: inside Office it keeps
 * "Đang tải" (with a longer note after the timeout) and opens in Excel mode when Office.onReady reports
 * Excel; in a plain browser the preview starts after the timeout and gives way to Excel mode if Excel
 * reports late. The old-engine script's flag stops it altogether.
 */
import "./dom-matchers";
import { excelTexts } from "../../src/i18n/excel";

(globalThis as any).IS_REACT_ACT_ENVIRONMENT = true;
/** React's act from the same (isolated) module registry as the entry's React. */
let act: (cb: () => Promise<void>) => Promise<void>;

jest.mock("../../src/taskpane/App", () => ({ App: () => <div data-testid="excel-app">Excel</div> }));
jest.mock("../../src/webapp/WebApp", () => ({ WebApp: () => <div data-testid="preview">Web app</div> }));
jest.mock("../../src/excel/port", () => ({ OfficeWorkbookPort: class {} }));

const g = globalThis as any;
let ready: (info: { host: string | null }) => void;

function page(search: string) {
  window.history.replaceState(null, "", `/taskpane.html${search}`);
  document.body.innerHTML = '<div id="root"><p id="boot-message">Đang tải phuluc…</p></div>';
  g.Office = { HostType: { Excel: "Excel" }, onReady: () => new Promise((r) => (ready = r)) };
}

/** Let `ms` pass, and the lazy imports and React's render that follow, inside act. */
async function pass(ms = 0) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < 10; i++) await jest.advanceTimersByTimeAsync(10);
  });
}

async function boot() {
  jest.isolateModules(() => {
    act = require("react").act;
    require("../../src/taskpane/index");
  });
  await pass();
}

async function officeReports(host: string) {
  await act(async () => ready({ host }));
  await pass();
}

const root = () => document.getElementById("root")!;

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  delete g.Office;
  delete g.phulucOldEngine;
  sessionStorage.clear();
});

test("inside Office (_host_Info) a slow start keeps loading, then opens in Excel mode — the preview never shows", async () => {
  page("?_host_Info=Excel$Win32$16.01$vi-VN$$$$0");
  await boot();
  await pass(30000);
  expect(root()).toHaveTextContent(excelTexts.stillLoading);
  expect(document.querySelector('[data-testid="preview"]')).toBeNull();
  await officeReports("Excel");
  expect(document.querySelector('[data-testid="excel-app"]')).not.toBeNull();
});

test("a plain browser gets the preview after the timeout, and Excel mode if Office reports Excel after all", async () => {
  page("?sample=1");
  await boot();
  await pass(10000);
  expect(document.querySelector('[data-testid="preview"]')).not.toBeNull();
  await officeReports("Excel");
  expect(document.querySelector('[data-testid="excel-app"]')).not.toBeNull();
  expect(document.querySelector('[data-testid="preview"]')).toBeNull();
});

test("after the old-engine script has taken over, the bundle does nothing", async () => {
  page("?_host_Info=Excel$Win32$16.01$vi-VN$$$$0");
  g.phulucOldEngine = true;
  root().textContent = "message of the old-engine script";
  await boot();
  await officeReports("Excel");
  await pass(20000);
  expect(root().textContent).toBe("message of the old-engine script");
});
