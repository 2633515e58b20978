/**
 * Headless Debian Chromium with no way out: Office.js from the CDN is answered from node_modules,
 * anything else that is not this machine (127.0.0.1, localhost) is aborted and recorded (the test fails on it).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.PHULUC_CHROMIUM ?? "/usr/bin/chromium";
const OFFICE_DIST = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_HOST = "appsforoffice.microsoft.com";

export interface Session {
  context: BrowserContext;
  /** Requests that tried to leave the machine (other than Office.js, which is served locally). */
  external: string[];
  /** Office.js files served from node_modules. */
  officeServed: string[];
  close(): Promise<void>;
}

export async function launch(downloadsPath: string, viewport = { width: 1280, height: 860 }): Promise<Session> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-profile-"));
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  // A fresh profile (--user-data-dir) every run.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    downloadsPath,
    acceptDownloads: true,
    viewport,
    locale: "vi-VN",
  });
  const external: string[] = [];
  const officeServed: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]") return route.continue();
    if (url.protocol === "https:" && url.hostname === OFFICE_HOST) {
      const name = path.basename(url.pathname);
      const file = path.join(OFFICE_DIST, name);
      if (/^[\w.-]+\.js$/.test(name) && fs.existsSync(file)) {
        officeServed.push(url.pathname);
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file, "utf8") });
      }
      officeServed.push(`${url.pathname} (aborted)`);
      return route.abort();
    }
    external.push(url.href);
    return route.abort();
  });
  return {
    context,
    external,
    officeServed,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Pages opened after this behave like a browser without the File System Access API (Firefox, Safari):
 * the web app saves by download. (Headless Chromium has the API but cannot show its pickers.)
 */
export async function withoutFileAccess(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (window as any).showOpenFilePicker;
    delete (window as any).showSaveFilePicker;
    delete (window as any).showDirectoryPicker;
  });
}
