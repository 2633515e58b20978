/**
 * The release's service worker (src/webapp/service-worker.js, filled in by scripts/webapp-plugins.js), run
 * here against a fake worker scope and Cache Storage: what it caches on install, which caches it keeps on
 * activate, what it answers from the cache and what it leaves to the network (the add-in's own pages).
 * The real thing in Chromium, offline: test/e2e/webapp.e2e.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

const { SW_PLACEHOLDER } = require("../../scripts/webapp-plugins");
const TEMPLATE = fs.readFileSync(path.join(__dirname, "../../src/webapp/service-worker.js"), "utf8");
const SCOPE = "https://phuluc.example.vn/ung-dung/";

/** Cache Storage in memory: cache name → (URL → body). */
class FakeCaches {
  readonly stores = new Map<string, Map<string, string>>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new Map());
    const store = this.stores.get(name)!;
    return {
      addAll: async (requests: Request[]) => {
        for (const r of requests) {
          expect(r.cache).toBe("reload"); // never the HTTP cache's copy of an old release
          store.set(r.url, `network:${r.url}`);
        }
      },
      match: async (url: string) => (store.has(url) ? new Response(store.get(url)) : undefined),
    };
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  /** Like the browser's: the first cache (in creation order) holding the URL. */
  async match(url: string) {
    for (const store of this.stores.values()) if (store.has(url)) return new Response(store.get(url));
    return undefined;
  }
}

type Listener = (event: any) => void;

function worker(release: { version: string; files: string[] }, caches = new FakeCaches()) {
  const listeners = new Map<string, Listener>();
  const self = {
    registration: { scope: SCOPE },
    location: new URL("sw.js", SCOPE),
    clients: { claim: jest.fn(async () => undefined) },
    skipWaiting: jest.fn(),
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
  };
  const network = jest.fn(async (r: Request) => new Response(`network:${r.url}`));
  const code = TEMPLATE.replace(SW_PLACEHOLDER, JSON.stringify(release));
  expect(code).not.toBe(TEMPLATE);
  vm.runInNewContext(code, { self, caches, fetch: network, Request, Response, URL, Promise, Set, console });
  const dispatch = async (type: string, init: object = {}) => {
    let waited: Promise<unknown> = Promise.resolve();
    let response: Promise<Response> | undefined;
    const event = {
      ...init,
      waitUntil: (p: Promise<unknown>) => (waited = p),
      respondWith: (p: Promise<Response>) => (response = p),
    };
    listeners.get(type)!(event);
    await waited;
    return response ? await (await response).text() : undefined;
  };
  const get = (url: string, method = "GET") => dispatch("fetch", { request: new Request(url, { method }) });
  return { self, caches, network, dispatch, get };
}

const files = ["index.html", "app.1a2b3c4d.js", "workspace.5e6f7a8b.chunk.js", "manifest.webmanifest", "assets/sample.xlsx"];

test("install fetches every file of the release into its own cache (relative to the scope, bypassing the HTTP cache)", async () => {
  const sw = worker({ version: "v2", files });
  await sw.dispatch("install");
  expect([...sw.caches.stores.keys()]).toEqual(["phuluc-v2"]);
  expect([...sw.caches.stores.get("phuluc-v2")!.keys()]).toEqual(files.map((f) => SCOPE + f));
});

test("activate keeps this release's cache and the one before it, deletes older ones and other releases' only, and takes the open pages", async () => {
  const caches = new FakeCaches();
  for (const name of ["phuluc-v0", "someone-else", "phuluc-v1", "phuluc-v2"]) await caches.open(name);
  const sw = worker({ version: "v2", files }, caches);
  await sw.dispatch("activate");
  expect([...caches.stores.keys()]).toEqual(["someone-else", "phuluc-v1", "phuluc-v2"]);
  expect(sw.self.clients.claim).toHaveBeenCalled();
});

test("the app's page and files come from this release's cache, even with a query, before an older release's copy", async () => {
  const caches = new FakeCaches();
  caches.stores.set("phuluc-v1", new Map([[SCOPE + "manifest.webmanifest", "old manifest"]]));
  const sw = worker({ version: "v2", files }, caches);
  await sw.dispatch("install");
  expect(await sw.get(SCOPE + "index.html?sample=1")).toBe(`network:${SCOPE}index.html`); // the cached copy
  expect(await sw.get(SCOPE)).toBe(`network:${SCOPE}index.html`); // the folder's address is index.html
  expect(await sw.get(SCOPE + "manifest.webmanifest")).toBe(`network:${SCOPE}manifest.webmanifest`); // not "old manifest"
  expect(sw.network).not.toHaveBeenCalled();
});

test("a hashed script of the release before (a page still open on it) is answered from its cache", async () => {
  const caches = new FakeCaches();
  caches.stores.set("phuluc-v1", new Map([[SCOPE + "results.0badcafe.chunk.js", "old chunk"]]));
  const sw = worker({ version: "v2", files }, caches);
  await sw.dispatch("install");
  expect(await sw.get(SCOPE + "results.0badcafe.chunk.js")).toBe("old chunk");
  expect(sw.network).not.toHaveBeenCalled();
  // Not cached anywhere (a first visit racing the install): the network.
  expect(await sw.get(SCOPE + "results.12345678.chunk.js")).toBe(`network:${SCOPE}results.12345678.chunk.js`);
});

test("the add-in's pages, the manifest, other paths, other sites and non-GET requests are left to the network untouched", async () => {
  const sw = worker({ version: "v2", files });
  await sw.dispatch("install");
  for (const url of [
    SCOPE + "taskpane.html",
    SCOPE + "commands.html?dialog=1",
    SCOPE + "manifest.xml",
    SCOPE + "phuluc-0.1.0.zip",
    "https://phuluc.example.vn/index.html", // outside the scope
    "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  ])
    expect({ url, answered: await sw.get(url) }).toEqual({ url, answered: undefined });
  expect(await sw.dispatch("fetch", { request: new Request(SCOPE + "index.html", { method: "POST", body: "x" }) })).toBeUndefined();
});

test("the page's «Tải lại» message makes a waiting release take over; other messages do nothing", async () => {
  const sw = worker({ version: "v2", files });
  await sw.dispatch("message", { data: "something else" });
  expect(sw.self.skipWaiting).not.toHaveBeenCalled();
  const { SKIP_WAITING } = await import("../../src/webapp/sw-register");
  await sw.dispatch("message", { data: SKIP_WAITING });
  expect(sw.self.skipWaiting).toHaveBeenCalled();
});
