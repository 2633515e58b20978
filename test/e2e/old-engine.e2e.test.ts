/**
 * Office 2016/2019 open add-ins in Internet Explorer 11 (Trident) or Edge Legacy (EdgeHTML), which cannot
 * run phuluc's bundles. The built pages, in headless Chromium told it is one of those (its user agent, or
 * an engine without the features the bundles need): the old-engine script shows the Vietnamese message,
 * the bundles step aside without an error, the ribbon functions are registered and complete. A modern
 * engine still gets the pane. The bundles themselves: no regex look-behind (older Safari, so older Excel
 * for Mac, cannot parse one), and no syntax newer than the old-engine script tests for.
 */
import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";
import type { Page } from "playwright-core";
import { COMMAND_NAMES } from "../../src/commands/names";
import { legacyTexts } from "../../src/i18n/legacy";
import { RELEASE as DIST } from "./release";
import { browserSuite, SHOTS } from "./suite";

const { BUNDLE_ECMA_VERSION } = require("../../scripts/legacy-script");

const UA = {
  trident: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
};

const suite = browserSuite("old");

/** A page whose engine claims `ua` (and runs `setup` first); page errors and CSP violations are kept. */
async function open(url: string, ua: string | null, setup?: () => void): Promise<{ page: Page; errors: string[] }> {
  const page = await suite.session.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on(
    "console",
    (m) => m.type() === "error" && !/telemetry|appsforoffice|Failed to load resource/i.test(m.text()) && errors.push(m.text()),
  );
  if (ua) await page.addInitScript((value) => Object.defineProperty(navigator, "userAgent", { get: () => value }), ua);
  if (setup) await page.addInitScript(setup);
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      ((window as any).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(`${suite.server.url}/${url}`);
  return { page, errors };
}

async function cspViolations(page: Page): Promise<string[]> {
  const all = (await page.evaluate(() => (window as any).__csp ?? [])) as string[];
  return all.filter((v) => !/^frame-src https:\/\/telemetryservice/.test(v)); // Office.js's telemetry frame, blocked on purpose
}

describe("an Office whose web view is too old (Office 2016/2019)", () => {
  for (const [name, ua] of Object.entries(UA)) {
    test(`${name}: the task pane says in Vietnamese what works instead; the bundle does not run`, async () => {
      // (Without Office's _host_Info: office.js would then look for its host and its vi-VN strings. The
      // script does not depend on it; test/legacy runs it with one.)
      const { page, errors } = await open("taskpane.html", ua);
      await page.getByRole("heading", { name: legacyTexts.title }).waitFor();
      const text = await page.locator("#root").innerText();
      expect(text).not.toContain("Đang tải");
      expect(text).toContain("Excel trên web");
      expect(text).toContain(`${suite.server.url}/index.html`); // the web app, at the same address
      expect(await page.evaluate(() => (window as any).phulucOldEngine)).toBe(name === "trident" ? "trident" : "edgehtml");
      await page.waitForTimeout(1500); // time for the bundle to have done anything it would do
      expect(await page.getByRole("button", { name: "Kiểm tra", exact: true }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Mở tệp mẫu" }).count()).toBe(0);
      expect(errors).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `old-engine-${name}.png`) });
      await page.close();
    });
  }

  test("the web app (index.html) in Internet Explorer says which browsers work, at this address; its bundle does not run", async () => {
    const { page, errors } = await open("index.html", UA.trident);
    await page.getByRole("heading", { name: legacyTexts.webAppTitle }).waitFor();
    expect(await page.locator("#root").innerText()).toContain(`${suite.server.url}/index.html`);
    await page.waitForTimeout(1000);
    expect(await page.getByRole("button", { name: "Mở tệp mẫu" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "old-engine-webapp.png") });
    await page.close();
  });

  test("the ribbon functions are registered by the old-engine script and always complete", async () => {
    const { page, errors } = await open("commands.html", UA.trident);
    const result = await page.evaluate(
      async (names) => {
        const w = window as any;
        const out: Record<string, string> = {};
        for (const n of names) {
          if (typeof w[n] !== "function") {
            out[n] = "missing";
            continue;
          }
          // Outside Office the dialog cannot open: the function must still complete its event.
          out[n] = await new Promise<string>((resolve) => {
            w[n]({ completed: () => resolve("completed") });
            setTimeout(() => resolve("not completed"), 3000);
          });
        }
        return { out, flag: w.phulucOldEngine };
      },
      [...COMMAND_NAMES],
    );
    expect(result.flag).toBe("trident");
    expect(result.out).toEqual(Object.fromEntries(COMMAND_NAMES.map((n) => [n, "completed"])));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the commands' dialog renders in the old engine, as text, with a close button", async () => {
    const msg = "Không thực hiện được <b>lệnh</b>";
    const { page, errors } = await open(`commands.html?dialog=1&kind=error&msg=${encodeURIComponent(msg)}`, UA.trident);
    await page.getByRole("button", { name: legacyTexts.close }).waitFor();
    expect(await page.locator("body").innerText()).toContain(msg);
    expect(await page.locator("b").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a modern user agent on an engine without the features the bundles need gets the message too", async () => {
    const { page, errors } = await open(`taskpane.html`, null, () => {
      delete (window as any).WeakRef;
    });
    await page.getByRole("heading", { name: legacyTexts.title }).waitFor();
    expect(await page.evaluate(() => (window as any).phulucOldEngine)).toBe("features");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a modern engine still gets the pane (the old-engine script stays out of the way)", async () => {
    const { page, errors } = await open(`taskpane.html?sample=1`, null);
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
    expect(await page.evaluate(() => (window as any).phulucOldEngine)).toBeUndefined();
    expect(await page.getByRole("heading", { name: legacyTexts.title }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the built scripts", () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const legacy = files.filter((f) => /^legacy\.[0-9a-f]{8}\.js$/.test(f));

  test("the old-engine script is ES5 and each page loads it after office.js, before its bundle (a module script)", () => {
    expect(legacy).toHaveLength(1);
    expect(() => acorn.parse(fs.readFileSync(path.join(DIST, legacy[0]), "utf8"), { ecmaVersion: 5 })).not.toThrow();
    for (const page of ["taskpane.html", "commands.html"]) {
      const tags = fs.readFileSync(path.join(DIST, page), "utf8").match(/<script[^>]*>/g) ?? [];
      expect(tags.length).toBe(3);
      expect(tags[0]).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(tags[1]).toBe(`<script src=${legacy[0]}>`);
      expect(tags[2]).toMatch(/^<script type=module src=(taskpane|commands)\.[0-9a-f]{8}\.js>$/);
    }
    // The web app: no Office.js at all, the old-engine script, then its bundle.
    const tags = fs.readFileSync(path.join(DIST, "index.html"), "utf8").match(/<script[^>]*>/g) ?? [];
    expect(tags).toEqual([`<script src=${legacy[0]}>`, expect.stringMatching(/^<script type=module src=app\.[0-9a-f]{8}\.js>$/)]);
  });

  test("the support page (the manifest's SupportUrl) is built, Vietnamese, without any script, and links to the web app beside it", () => {
    const html = fs.readFileSync(path.join(DIST, "support.html"), "utf8");
    expect(html).toContain("phuluc – Hỗ trợ");
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<a href=index\.html>Mở ứng dụng web phuluc<\/a>/);
  });

  test(`the bundles (with their node_modules code): no regex look-behind, no syntax newer than ES${BUNDLE_ECMA_VERSION}`, () => {
    const bundles = files.filter((f) => !legacy.includes(f));
    expect(bundles.length).toBeGreaterThan(3);
    const found: string[] = [];
    for (const f of bundles) {
      const src = fs.readFileSync(path.join(DIST, f), "utf8");
      // Every regex literal, as acorn tokenises it (and parsing at this ecmaVersion fails on newer syntax).
      acorn.parse(src, {
        ecmaVersion: BUNDLE_ECMA_VERSION,
        onToken: (t) => {
          const pattern = (t as unknown as { value?: { pattern?: string } }).value?.pattern;
          if (t.type === acorn.tokTypes.regexp && pattern && /\(\?<[=!]/.test(pattern)) found.push(`${f}: /${pattern}/`);
        },
      });
      // RegExp built from strings ("(?<=" in a string literal) is caught by this plain scan.
      if (/\(\?<[=!]/.test(src)) found.push(`${f}: text "(?<=" or "(?<!"`);
    }
    expect(found).toEqual([]);
  });
});
