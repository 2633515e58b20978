/**
 * One end-to-end suite's browser and server: the release (or another folder) served as static files, a
 * fresh headless Chromium with no way out, a downloads folder — set up before the suite's tests, closed
 * and removed after. The fields are filled in by the time the tests run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { launch, type Session } from "./browser";
import { RELEASE } from "./release";
import { serveDir, type StaticServer } from "./static-server";

export const SHOTS = path.join(__dirname, "screenshots");

export interface Suite {
  server: StaticServer;
  session: Session;
  downloads: string;
}

/** Registers the suite's beforeAll/afterAll; `port`: serve at http://localhost:port (the release's origin). */
export function browserSuite(tag: string, options: { dir?: string; port?: number } = {}): Suite {
  const suite = { downloads: fs.mkdtempSync(path.join(os.tmpdir(), `phuluc-e2e-${tag}-`)) } as Suite;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    suite.server = await serveDir(options.dir ?? RELEASE, options.port ?? 0);
    suite.session = await launch(suite.downloads);
  }, 120000);
  afterAll(async () => {
    await suite.session?.close();
    await suite.server?.close();
    fs.rmSync(suite.downloads, { recursive: true, force: true });
  });
  return suite;
}
