/**
 * The release as a commune serves it: built by global-setup.js with `npm run release -- --origin
 * http://localhost:PORT/`, served as plain static files. The folder and its manifest; the web app's first
 * load; the service worker: after one visit the app opens, opens the sample and checks it with the network
 * off; saving through the File System Access API (its pickers stubbed in the page: headless Chromium cannot
 * show them) and through a download; installability; the release under a sub-path.
 * With PHULUC_DOCS_SCREENSHOTS=1 the screenshots also go to docs/screenshots/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { gzipSync } from "zlib";
import type { Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import type { Report } from "../../src/core/report-schema";
import { ZipReader } from "../../src/ooxml/zip-read";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { findAll, localName, parseXml, walk } from "../manifest/xml-lite";
import { validateManifest, xsdTest } from "../support/manifest-xsd";
import { ORIGIN, PORT, RELEASE, ROOT } from "./release";
import { serveDir } from "./static-server";
import { browserSuite, SHOTS } from "./suite";

const SAMPLE = path.join(ROOT, "assets", "sample.xlsx");
const AS_OF = "2026-10-15";
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
/** The web app's first load (the page and every script it fetches before its first screen), gzip. */
const FIRST_LOAD_BUDGET = 100 * 1024;

const suite = browserSuite("webapp", { port: PORT });
let expected: Report;
const pageErrors: string[] = [];

async function shot(page: Page, name: string, docsName?: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if (docsName && process.env.PHULUC_DOCS_SCREENSHOTS === "1") {
    fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "docs", "screenshots", `${docsName}.png`) });
  }
}

async function newPage(): Promise<Page> {
  const page = await suite.session.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  return page;
}

/** Every file of a folder (relative, "/"-separated). */
function filesOf(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const gz = (file: string) => gzipSync(fs.readFileSync(path.join(RELEASE, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The first «Sửa thành…» fix the engine offers on the sample. */
const fixable = () => expected.issues.find((i) => i.fix?.kind === "replace")!;

async function checkAndFix(page: Page) {
  await page.locator('[data-testid="as-of"]').fill(AS_OF);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.locator('[data-testid="headline"]').waitFor();
  const f = fixable();
  await page
    .locator(`[data-testid="issue"][data-cell="${f.cell}"][data-code="${f.code}"]`)
    .getByRole("button", { name: `Sửa thành «${(f.fix as { value: string }).value}»` })
    .click();
  await page.getByText("Đã sửa và kiểm tra lại.").waitFor();
}

/** The fix is in a saved workbook, and the workbook is whole (it opens and reads as the sample did). */
async function expectFixedWorkbook(bytes: Uint8Array) {
  const port = await XlsxWorkbookPort.fromBytes(bytes, "saved.xlsx", { readOnly: true });
  const report = analyze(await port.readSheets(), { asOf: AS_OF, settings: (await port.loadSettings()).settings });
  const f = fixable();
  const task = report.tasks.find((t) => t.sheet === f.sheet && f.cell?.endsWith(String(t.row)));
  expect(task?.leadRaw).toBe((f.fix as { value: string }).value);
  expect(report.tasks).toHaveLength(expected.tasks.length);
  expect(report.issues).toHaveLength(expected.issues.length - 1);
}

beforeAll(async () => {
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(SAMPLE), "sample.xlsx", { readOnly: true });
  expected = analyze(await port.readSheets(), { asOf: AS_OF, settings: (await port.loadSettings()).settings });
  expect(`${suite.server.url}/`).toBe(ORIGIN);
});

describe("the release folder", () => {
  const files = filesOf(RELEASE);
  const manifest = fs.readFileSync(path.join(RELEASE, "manifest.xml"), "utf8");

  test("holds the web app, the add-in's pages, the service worker, the web-app manifest, the icons, the zip — and no source maps", () => {
    for (const f of [
      "index.html",
      "taskpane.html",
      "commands.html",
      "support.html",
      "manifest.xml",
      "sw.js",
      "manifest.webmanifest",
      "web.config",
    ])
      expect(files).toContain(f);
    for (const s of [16, 32, 64, 80, 192, 512]) expect(files).toContain(`assets/icon-${s}.png`);
    expect(files).toContain(`phuluc-${VERSION}.zip`);
    expect(files.filter((f) => f.endsWith(".map") || f.includes("seed-data"))).toEqual([]);
    // The list and sizes, for whoever publishes it.
    const lines = files.map((f) => `${f}\t${fs.statSync(path.join(RELEASE, f)).size}`);
    fs.writeFileSync(path.join(SHOTS, "release-files.txt"), lines.join("\n") + "\n");
  });

  test(`manifest.xml: every address is under ${"the origin"}, names a file of the folder, and the manifest is Version ${VERSION}.0`, () => {
    const app = parseXml(manifest).children.find((c) => localName(c) === "OfficeApp")!;
    const urls: string[] = [];
    walk(app, (n) => {
      for (const [k, v] of Object.entries(n.attrs)) if (/^(DefaultValue|Value)$/.test(k) && /^https?:/i.test(v)) urls.push(v);
    });
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(manifest).not.toMatch(/<AppDomain>/);
    for (const u of urls) {
      expect({ u, under: u.startsWith(ORIGIN) }).toEqual({ u, under: true });
      expect(files).toContain(u.slice(ORIGIN.length));
    }
    expect(findAll(app, "Version")[0].text.trim()).toBe(`${VERSION}.0`);
  });

  xsdTest("manifest.xml validates against the Office add-in XSDs", () => {
    expect(validateManifest(manifest)).toEqual({ ok: true, output: expect.stringContaining("validates") });
  });

  test("the zip holds exactly the folder's files under phuluc-<version>/, byte for byte", () => {
    const zip = ZipReader.open(fs.readFileSync(path.join(RELEASE, `phuluc-${VERSION}.zip`)));
    const top = `phuluc-${VERSION}/`;
    expect(zip.entries.map((e) => e.name).sort()).toEqual(files.filter((f) => !f.endsWith(".zip")).map((f) => top + f));
    for (const e of zip.entries)
      expect(Buffer.compare(Buffer.from(zip.read(e)), fs.readFileSync(path.join(RELEASE, e.name.slice(top.length))))).toBe(0);
  });

  test("addresses inside the pages, the service worker and the web-app manifest are relative (the release works under a sub-path)", () => {
    for (const f of ["index.html", "taskpane.html", "commands.html", "support.html"]) {
      const refs = [...fs.readFileSync(path.join(RELEASE, f), "utf8").matchAll(/\b(?:src|href)=["']?([^"' >]+)/g)].map((m) => m[1]);
      expect({
        f,
        absolute: refs.filter((r) => r.startsWith("/") || (/^https?:/.test(r) && !r.includes("appsforoffice.microsoft.com"))),
      }).toEqual({
        f,
        absolute: [],
      });
    }
    // The worker's list, read by running its script against an inert scope.
    const inert = { addEventListener: () => undefined, registration: { scope: ORIGIN } };
    const precache = vm.runInNewContext(`${fs.readFileSync(path.join(RELEASE, "sw.js"), "utf8")}\n;RELEASE`, { self: inert, URL }) as {
      files: string[];
    };
    expect(precache.files.filter((f: string) => f.startsWith("/") || f.includes(":"))).toEqual([]);
    expect(precache.files).toEqual(expect.arrayContaining(["index.html", "assets/sample.xlsx", "manifest.webmanifest"]));
    for (const f of precache.files as string[]) expect(files).toContain(f);
  });
});

describe("the web app", () => {
  let page: Page;

  test(`first load: the page and the scripts it fetches before its first screen are ≤ ${FIRST_LOAD_BUDGET / 1024} KB gzip`, async () => {
    page = await newPage();
    const fetched: string[] = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(ORIGIN).origin && /\.(html|js)$/.test(u.pathname)) fetched.push(u.pathname.slice(1));
    });
    await page.goto(`${ORIGIN}index.html`);
    await page.getByRole("button", { name: "Mở tệp mẫu" }).waitFor();
    await page.waitForLoadState("networkidle");
    const first = [...new Set(fetched)];
    const firstGz = first.reduce((n, f) => n + gz(f), 0);
    await shot(page, "webapp-first-screen");
    // Then a workbook: the workspace, the pane, the sheet view, the file layer.
    await page.getByRole("button", { name: "Mở tệp mẫu" }).click();
    await page.locator('[data-testid="preview-grid"]').waitFor();
    await page.waitForLoadState("networkidle");
    const opened = [...new Set(fetched)].filter((f) => !first.includes(f));
    const openedGz = opened.reduce((n, f) => n + gz(f), 0);
    fs.writeFileSync(
      path.join(SHOTS, "first-load.txt"),
      [
        `first load (before the first screen): ${kb(firstGz)} gzip — ${first.map((f) => `${f} ${kb(gz(f))}`).join(", ")}`,
        `then, opening a workbook: ${kb(openedGz)} gzip more — ${opened.map((f) => `${f} ${kb(gz(f))}`).join(", ")}`,
      ].join("\n") + "\n",
    );
    expect(first).toEqual(expect.arrayContaining(["index.html"]));
    expect(first.some((f) => /^app\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(firstGz).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // The sheet view and the docx writer are not part of opening the app.
    expect(first.filter((f) => /^(sheet-view|docx|results|settings|returns|workspace)\./.test(f))).toEqual([]);
    await shot(page, "webapp-1280-open", "webapp-1280-open");
  });

  test("after one visit it works with no network: reload offline, open the sample, check it", async () => {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      return (await Promise.all(keys.map(async (k) => (await (await caches.open(k)).keys()).length))).reduce((a, b) => a + b, 0);
    });
    expect(cached).toBeGreaterThan(20);
    await suite.session.context.setOffline(true);
    try {
      const served = suite.server.log.length;
      await page.reload();
      await page.getByRole("button", { name: "Mở tệp mẫu" }).click();
      await page.locator('[data-testid="as-of"]').fill(AS_OF);
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
      await page.locator('[data-testid="headline"]').waitFor();
      const appendices = expected.sheets.filter((s) => s.role === "appendix").length;
      expect(await page.locator('[data-testid="headline"]').innerText()).toContain(
        `${expected.tasks.length} nhiệm vụ trong ${appendices} phụ lục`,
      );
      await expect(page.locator('[data-testid="issue"]').count()).resolves.toBe(expected.issues.length);
      // The report (the docx writer, loaded on demand) works offline too.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tạo báo cáo (.docx)" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`bao-cao-${AS_OF}.docx`);
      expect(suite.server.log.slice(served)).toEqual([]); // nothing reached the server
    } finally {
      await suite.session.context.setOffline(false);
    }
  });

  test("it can be installed: Chromium finds no installability error (manifest, icons, service worker)", async () => {
    const cdp = await suite.session.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = await page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
    expect(manifest.name).toBe("phuluc – Kiểm tra phụ lục kế hoạch");
    await cdp.detach();
    await page.close();
  });
});

describe("saving", () => {
  test("File System Access: Lưu writes the workbook back over the opened file after a confirmation; Lưu thành bản mới writes the same bytes to a copy", async () => {
    const page = await newPage();
    // The pickers, stubbed: the opened file is the sample; what each handle is given is kept (base64).
    await page.addInitScript(() => {
      const w = window as any;
      w.__written = {};
      const toBytes = async (d: any) =>
        d instanceof Blob
          ? new Uint8Array(await d.arrayBuffer())
          : ArrayBuffer.isView(d)
            ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
            : new Uint8Array(d);
      const b64 = (u: Uint8Array) => {
        let s = "";
        for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
        return btoa(s);
      };
      const handle = (name: string, file?: File) => ({
        kind: "file",
        name,
        getFile: async () => file ?? new File([], name),
        createWritable: async () => {
          const parts: Uint8Array[] = [];
          return {
            write: async (d: any) => void parts.push(await toBytes(d)),
            close: async () => {
              const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
              let at = 0;
              for (const p of parts) {
                all.set(p, at);
                at += p.length;
              }
              w.__written[name] = b64(all);
            },
          };
        },
        queryPermission: async () => "prompt",
        requestPermission: async () => "granted",
      });
      w.showOpenFilePicker = async () => {
        const bytes = await (await fetch("assets/sample.xlsx")).arrayBuffer();
        return [handle("ke-hoach.xlsx", new File([bytes], "ke-hoach.xlsx"))];
      };
      w.showSaveFilePicker = async (o: { suggestedName: string }) => handle(o.suggestedName);
    });
    await page.goto(`${ORIGIN}index.html`);
    await page.getByRole("button", { name: "Mở tệp .xlsx…" }).click();
    await page.getByText("Tệp: ke-hoach.xlsx").waitFor();
    await checkAndFix(page);
    await page.getByText("Tệp: ke-hoach.xlsx (có thay đổi chưa lưu)").waitFor();
    await shot(page, "webapp-1280-checked", "webapp-1280-checked");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("đè lên tệp «ke-hoach.xlsx»", { exact: false }).waitFor();
    expect(await page.evaluate(() => Object.keys((window as any).__written))).toEqual([]);
    await dialog.getByRole("button", { name: "Ghi vào tệp" }).click();
    await page.getByText("Đã lưu vào tệp «ke-hoach.xlsx».").waitFor();
    await page.getByText("Tệp: ke-hoach.xlsx", { exact: true }).waitFor(); // no longer unsaved
    await shot(page, "webapp-1280-saved", "webapp-1280-saved");
    const saved = Buffer.from(await page.evaluate(() => (window as any).__written["ke-hoach.xlsx"] as string), "base64");
    await expectFixedWorkbook(saved);

    await page.getByRole("button", { name: "Lưu thành bản mới…" }).click();
    await page.getByText("Đã lưu bản mới «ke-hoach-phuluc.xlsx».", { exact: false }).waitFor();
    const copy = Buffer.from(await page.evaluate(() => (window as any).__written["ke-hoach-phuluc.xlsx"] as string), "base64");
    expect(Buffer.compare(copy, saved)).toBe(0); // the same workbook, byte for byte
    await page.close();
  });

  test("without File System Access (Firefox, Safari): Tải xuống .xlsx downloads the workbook with the fix", async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      delete (window as any).showOpenFilePicker;
      delete (window as any).showSaveFilePicker;
    });
    await page.goto(`${ORIGIN}index.html?sample=1`);
    await checkAndFix(page);
    expect(await page.getByRole("button", { name: "Lưu", exact: true }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("sample-phuluc.xlsx");
    const file = path.join(suite.downloads, download.suggestedFilename());
    await download.saveAs(file);
    await expectFixedWorkbook(fs.readFileSync(file));
    await page.close();
  });
});

test("under a sub-path (https://host/ung-dung/phuluc/) the same folder works: the app, the sample, the service worker's scope", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-subpath-"));
  fs.mkdirSync(path.join(parent, "ung-dung"));
  fs.symlinkSync(RELEASE, path.join(parent, "ung-dung", "phuluc"), "dir");
  const sub = await serveDir(parent);
  const page = await newPage();
  try {
    await page.goto(`${sub.url}/ung-dung/phuluc/`);
    await page.getByRole("button", { name: "Mở tệp mẫu" }).click();
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
    await page.locator('[data-testid="preview-grid"]').waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${sub.url}/ung-dung/phuluc/`);
    expect(sub.log.filter((r) => r.status !== 200)).toEqual([]);
    expect(sub.log.every((r) => r.path.startsWith("/ung-dung/phuluc/"))).toBe(true);
  } finally {
    await page.close();
    await sub.close();
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

test("no request left the machine, no page error", () => {
  expect(suite.session.external).toEqual([]);
  expect(pageErrors).toEqual([]);
});
