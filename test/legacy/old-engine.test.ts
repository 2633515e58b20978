/**
 * @jest-environment jsdom
 */
/**
 * The old-engine script (src/legacy/old-engine.js, built by scripts/legacy-script.js) as Internet
 * Explorer 11 and Edge Legacy would get it: ES5 only, ASCII, its texts and function names read from the
 * sources; on such an engine it replaces the pane's "Đang tải" with the message, registers every ribbon
 * function as one that shows the message in a dialog and always completes, renders that dialog; on a
 * modern engine it does nothing. (The built pages in Chromium: test/e2e/old-engine.e2e.test.ts.)
 */
import * as acorn from "acorn";
import { COMMAND_NAMES } from "../../src/commands/names";
import { DIALOG_CLOSE, DIALOG_MAX_OPEN_MS } from "../../src/commands/dialog";
import { legacyTexts } from "../../src/i18n/legacy";

const { buildLegacyScript, legacyData } = require("../../scripts/legacy-script");
const CODE: string = buildLegacyScript();

const UA = {
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  chromiumEdge:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
  macWebKit: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

const w = window as any;

function fakeOffice() {
  return {
    onReady: jest.fn(() => Promise.resolve({ host: "Excel" })),
    actions: { associate: jest.fn() },
    context: { ui: { displayDialogAsync: jest.fn(), messageParent: jest.fn() } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
}

/** Load a page (path + query) with a user agent and run the script as the page's head would. */
function run(ua: string, page: string, office: ReturnType<typeof fakeOffice> | null = fakeOffice()) {
  window.history.replaceState(null, "", page);
  // The web app's page says what it is on <html> (src/webapp/index.html).
  if (/^\/(index\.html)?(\?|$)/.test(page)) document.documentElement.setAttribute("data-phuluc-page", "webapp");
  else document.documentElement.removeAttribute("data-phuluc-page");
  Object.defineProperty(window.navigator, "userAgent", { value: ua, configurable: true });
  document.body.innerHTML = '<div id="root"><p id="boot-message">Đang tải phuluc…</p></div>';
  delete w.phulucOldEngine;
  for (const n of COMMAND_NAMES) delete w[n];
  if (office) w.Office = office;
  else delete w.Office;
  new Function(CODE)();
  return office;
}

afterEach(() => {
  delete w.Office;
  jest.useRealTimers();
});

describe("the old-engine script", () => {
  test("is ES5 (acorn, ecmaVersion 5), ASCII only, and carries the texts and names of the sources", () => {
    expect(() => acorn.parse(CODE, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => acorn.parse("let a = () => `x`;", { ecmaVersion: 5 })).toThrow(); // the check is real
    expect(/[^\x00-\x7f]/.test(CODE)).toBe(false);
    expect(CODE).not.toMatch(/\beval\s*\(|new Function/);
    const data = legacyData();
    expect(data.texts).toEqual(legacyTexts);
    expect(data.commands).toEqual([...COMMAND_NAMES]);
    expect([data.dialogClose, data.dialogMaxOpenMs]).toEqual([DIALOG_CLOSE, DIALOG_MAX_OPEN_MS]);
  });

  test("Internet Explorer 11 (Trident) in the task pane: the Vietnamese message replaces 'Đang tải', the bundle is told to step aside", () => {
    const office = run(UA.trident, "/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0")!;
    expect(w.phulucOldEngine).toBe("trident");
    const root = document.getElementById("root")!;
    expect(root.textContent).not.toContain("Đang tải");
    expect(root.querySelector("h1")!.textContent).toBe(legacyTexts.title);
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    const ways = [...root.querySelectorAll("li")].map((li) => li.textContent);
    expect(ways).toHaveLength(3);
    expect(ways[0]).toContain("http://localhost/index.html"); // the page, to open in a modern browser
    expect(ways[0]).not.toContain("_host_Info");
    expect(ways[1]).toContain("Excel trên web");
    expect(ways[2]).toContain("Microsoft 365");
    expect(office.onReady).toHaveBeenCalled(); // Office is told the page has initialised
  });

  test("Edge Legacy (EdgeHTML) is old too; Chromium Edge, Chrome and Safari are not", () => {
    run(UA.edgeHtml, "/taskpane.html");
    expect(w.phulucOldEngine).toBe("edgehtml");
    for (const ua of [UA.chromiumEdge, UA.macWebKit]) {
      run(ua, "/taskpane.html");
      expect(w.phulucOldEngine).toBeUndefined();
      expect(document.getElementById("root")!.textContent).toBe("Đang tải phuluc…");
    }
  });

  test("a modern user agent without the features the bundles need (here WeakRef) gets the message", () => {
    const weakRef = w.WeakRef;
    delete w.WeakRef;
    try {
      run(UA.chromiumEdge, "/taskpane.html");
      expect(w.phulucOldEngine).toBe("features");
    } finally {
      w.WeakRef = weakRef;
    }
  });

  test("function file on an old engine: every ribbon function is registered (global and associate), shows the message, completes", () => {
    jest.useFakeTimers();
    const office = run(UA.trident, "/commands.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0")!;
    expect(office.actions.associate.mock.calls.map((c: unknown[]) => c[0])).toEqual([...COMMAND_NAMES]);
    for (const n of COMMAND_NAMES) expect(typeof w[n]).toBe("function");

    // Shown and closed by the user.
    const event = { completed: jest.fn() };
    w[COMMAND_NAMES[0]](event);
    const [url, options, callback] = office.context.ui.displayDialogAsync.mock.calls[0];
    const params = new URL(url).searchParams;
    expect(url.startsWith("http://localhost/commands.html?dialog=1&kind=error&legacy=1&msg=")).toBe(true);
    expect(params.get("msg")).toBe(legacyTexts.commandIntro);
    expect(url.length).toBeLessThan(1000); // Internet Explorer refuses addresses over 2,083 characters
    expect(options).toMatchObject({ displayInIframe: true });
    const handlers: Record<string, () => void> = {};
    const dialog = { close: jest.fn(), addEventHandler: (t: string, h: () => void) => (handlers[t] = h) };
    callback({ status: "succeeded", value: dialog });
    expect(event.completed).not.toHaveBeenCalled();
    handlers.dialogMessageReceived();
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);

    // The dialog cannot open: completes at once.
    const failed = { completed: jest.fn() };
    w[COMMAND_NAMES[1]](failed);
    office.context.ui.displayDialogAsync.mock.calls[1][2]({ status: "failed" });
    expect(failed.completed).toHaveBeenCalledTimes(1);

    // No answer at all: the safety timer (started first) completes it.
    const silent = { completed: jest.fn() };
    w[COMMAND_NAMES[0]](silent);
    jest.advanceTimersByTime(DIALOG_MAX_OPEN_MS);
    expect(silent.completed).toHaveBeenCalledTimes(1);
  });

  test("the dialog page on an old engine shows the message as text and closes through messageParent", () => {
    const msg = 'Không thực hiện được <img src=x onerror="alert(1)">';
    const office = run(UA.trident, `/commands.html?dialog=1&kind=error&msg=${encodeURIComponent(msg)}`)!;
    expect(document.body.textContent).toContain(msg);
    expect(document.querySelector("img")).toBeNull();
    const button = document.querySelector("button")!;
    expect(button.textContent).toBe(legacyTexts.close);
    button.click();
    expect(office.context.ui.messageParent).toHaveBeenCalledWith(DIALOG_CLOSE);
    expect(office.actions.associate).not.toHaveBeenCalled();
  });

  test("the dialog of the script's own command shows the whole message: first line, the three ways, the address", () => {
    const office = run(UA.trident, `/commands.html?dialog=1&kind=error&legacy=1&msg=${encodeURIComponent(legacyTexts.commandIntro)}`)!;
    const text = document.body.textContent!;
    expect(text).toContain(legacyTexts.commandIntro);
    expect(document.querySelectorAll("li")).toHaveLength(3);
    expect(text).toContain("http://localhost/index.html");
    document.querySelector("button")!.click();
    expect(office.context.ui.messageParent).toHaveBeenCalledWith(DIALOG_CLOSE);
  });

  test("without Office.js (the CDN blocked) an old engine still gets the message", () => {
    run(UA.trident, "/taskpane.html", null);
    expect(document.getElementById("root")!.querySelector("h1")!.textContent).toBe(legacyTexts.title);
  });

  test("the web app (index.html) in Internet Explorer says which browsers work, with its own address; a modern browser is left alone", () => {
    run(UA.trident, "/index.html?sample=1", null);
    expect(w.phulucOldEngine).toBe("trident");
    const root = document.getElementById("root")!;
    expect(root.querySelector("h1")!.textContent).toBe(legacyTexts.webAppTitle);
    expect(root.textContent).toContain("http://localhost/index.html");
    expect(root.textContent).toContain("Cốc Cốc");
    expect(root.textContent).not.toContain(legacyTexts.title); // not the Excel message
    run(UA.chromiumEdge, "/", null);
    expect(w.phulucOldEngine).toBeUndefined();
    expect(document.getElementById("root")!.textContent).toBe("Đang tải phuluc…");
  });
});
