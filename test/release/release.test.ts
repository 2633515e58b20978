/**
 * `npm run release` (scripts/release.ts) without building: the --origin it accepts and refuses (one line,
 * exit 2, nothing built), the folder swapped in whole, the zip mirroring the folder, the web-app manifest.
 * The built release itself (served as static files, in Chromium, offline): test/e2e/webapp.e2e.test.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { iisConfig, listFiles, NO_CACHE, parseOrigin, OriginError, replaceFolder, zipRelease } from "../../scripts/release";
import { findAll, parseXml } from "../manifest/xml-lite";
import { ZipReader } from "../../src/ooxml/zip-read";
import { WEBAPP_TEXTS } from "../../src/i18n/webapp";

const ROOT = path.resolve(__dirname, "../..");
const { webManifest, APP_ICONS } = require("../../scripts/webapp-plugins");

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-release-"));
}

function write(dir: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
}

describe("--origin", () => {
  test.each([
    ["https://phuluc.xa-chiminh.gov.vn/", "https://phuluc.xa-chiminh.gov.vn/"],
    ["https://phuluc.xa-chiminh.gov.vn", "https://phuluc.xa-chiminh.gov.vn/"],
    ["https://stttt.haiphong.gov.vn/ung-dung/phuluc", "https://stttt.haiphong.gov.vn/ung-dung/phuluc/"],
    ["https://HOST.example.vn:8443/a/b/", "https://host.example.vn:8443/a/b/"],
    ["http://localhost:8080/", "http://localhost:8080/"],
    ["http://127.0.0.1:3000/thu/", "http://127.0.0.1:3000/thu/"],
  ])("%s is served from %s", (input, base) => {
    expect(parseOrigin(input)).toBe(base);
  });

  test.each([
    [undefined, /Thiếu --origin/],
    ["phuluc.xa-chiminh.gov.vn", /không phải là một địa chỉ web/],
    ["http://phuluc.xa-chiminh.gov.vn/", /phải là địa chỉ https/],
    ["ftp://phuluc.xa-chiminh.gov.vn/", /phải là địa chỉ https/],
    ["file:///var/www/", /phải là địa chỉ https/],
    ["https://phuluc.xa-chiminh.gov.vn/?v=2", /không có tên đăng nhập, "\?" hay "#"/],
    ["https://phuluc.xa-chiminh.gov.vn/#a", /không có tên đăng nhập/],
    ["https://admin:secret@phuluc.xa-chiminh.gov.vn/", /không có tên đăng nhập/],
  ])("%s is refused with one sentence", (input, why) => {
    let err: unknown;
    try {
      parseOrigin(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OriginError);
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).not.toContain("\n");
  });

  test("the command refuses a bad origin in one line on stderr, exit 2, before building anything", () => {
    const script = path.join(ROOT, "lib", "scripts", "release.js");
    for (const args of [["--origin", "not a url"], ["--origin", "http://phuluc.xa-chiminh.gov.vn/"], []]) {
      const before = fs.readdirSync(ROOT).filter((f) => f.startsWith("release"));
      const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8" });
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(fs.readdirSync(ROOT).filter((f) => f.startsWith("release"))).toEqual(before);
    }
  });
});

describe("the release folder", () => {
  test("a new release replaces the old folder whole: no file of the old one is left, nothing is left aside", () => {
    const dir = tmp();
    const target = path.join(dir, "release");
    write(target, { "index.html": "old", "app.00000001.js": "old", "assets/old.png": "x" });
    const staged = path.join(dir, "release.new-1");
    write(staged, { "index.html": "new", "app.00000002.js": "new", "assets/icon-32.png": "y" });
    replaceFolder(staged, target);
    expect(listFiles(target)).toEqual(["app.00000002.js", "assets/icon-32.png", "index.html"]);
    expect(fs.readFileSync(path.join(target, "index.html"), "utf8")).toBe("new");
    expect(fs.readdirSync(dir)).toEqual(["release"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the first release just takes its place; a failed swap leaves the old release as it was", () => {
    const dir = tmp();
    const target = path.join(dir, "release");
    write(path.join(dir, "staged"), { "index.html": "first" });
    replaceFolder(path.join(dir, "staged"), target);
    expect(listFiles(target)).toEqual(["index.html"]);
    expect(() => replaceFolder(path.join(dir, "missing"), target)).toThrow();
    expect(fs.readFileSync(path.join(target, "index.html"), "utf8")).toBe("first");
    expect(fs.readdirSync(dir)).toEqual(["release"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the zip holds every file of the folder under phuluc-<version>/, byte for byte, dated when it was made", () => {
    const dir = tmp();
    write(dir, { "index.html": "<!doctype html>", "assets/icon-32.png": "png", "sw.js": "// sw" });
    const when = new Date(2026, 10, 24, 9, 30, 10);
    const zip = ZipReader.open(zipRelease(dir, "phuluc-9.9.9", when));
    const names = zip.entries.map((e) => e.name);
    expect(names.sort()).toEqual(["phuluc-9.9.9/assets/icon-32.png", "phuluc-9.9.9/index.html", "phuluc-9.9.9/sw.js"]);
    for (const e of zip.entries) {
      expect(Buffer.from(zip.read(e)).toString()).toBe(fs.readFileSync(path.join(dir, e.name.slice("phuluc-9.9.9/".length)), "utf8"));
      // Servers derive Last-Modified and ETag from a file's date: never one fixed date for every release.
      expect(e.date).toBe(((2026 - 1980) << 9) | (11 << 5) | 24);
      expect(e.time).toBe((9 << 11) | (30 << 5) | 5);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("web.config (IIS)", () => {
  const doc = parseXml(iisConfig("phuluc-1.2.3.zip"));

  test("never caches the pages, the worker, the manifests and the zip; assets for a day; hashed scripts a year", () => {
    const rules = Object.fromEntries(
      findAll(doc, "location").map((l) => [l.attrs.path, findAll(l, "clientCache")[0].attrs.cacheControlMode]),
    );
    for (const f of [...NO_CACHE, "phuluc-1.2.3.zip"]) expect({ f, mode: rules[f] }).toEqual({ f, mode: "DisableCache" });
    expect(NO_CACHE).toEqual(expect.arrayContaining(["index.html", "sw.js", "taskpane.html", "manifest.xml"]));
    expect(rules.assets).toBe("UseMaxAge");
    const site = findAll(doc, "staticContent")[0];
    expect(findAll(site, "clientCache")[0].attrs).toMatchObject({
      cacheControlMaxAge: "365.00:00:00",
      cacheControlCustom: "public, immutable",
    });
  });

  test("sets the media types (each removed first: IIS refuses a duplicate) and index.html for the folder", () => {
    const site = findAll(doc, "staticContent")[0];
    const types = Object.fromEntries(findAll(site, "mimeMap").map((m) => [m.attrs.fileExtension, m.attrs.mimeType]));
    expect(types[".webmanifest"]).toBe("application/manifest+json");
    expect(types[".js"]).toMatch(/^text\/javascript/);
    expect(findAll(site, "remove").map((r) => r.attrs.fileExtension)).toEqual(Object.keys(types));
    expect(findAll(doc, "add").map((a) => a.attrs.value)).toEqual(["index.html"]);
  });
});

describe("the web-app manifest (manifest.webmanifest)", () => {
  const m = webManifest();

  test("names the app in Vietnamese and opens index.html of its own folder, standalone", () => {
    expect(m.name).toBe(WEBAPP_TEXTS.vi.appName);
    expect(m.short_name).toBe("phuluc");
    expect(m.lang).toBe("vi");
    expect([m.start_url, m.scope, m.id, m.display]).toEqual(["./index.html", "./", "./index.html", "standalone"]);
  });

  test("every address in it is relative (the release works under any sub-path)", () => {
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/"\/|https?:/);
  });

  test("has 192 and 512 px icons, which exist with those sizes, and opens .xlsx files when installed", () => {
    expect(APP_ICONS).toEqual([192, 512]);
    for (const icon of m.icons) {
      const png = fs.readFileSync(path.join(ROOT, icon.src));
      const size = Number(icon.sizes.split("x")[0]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(m.file_handlers[0].accept["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]).toEqual([".xlsx"]);
  });
});

test("the Pages workflow publishes the release made for the repository's Pages address", () => {
  const yml = fs.readFileSync(path.join(ROOT, ".github/workflows/pages.yml"), "utf8");
  expect(yml).toContain('npm run release -- --origin "${{ steps.pages.outputs.base_url }}/"');
  expect(yml).toMatch(/upload-pages-artifact@v\d+\s+with:\s+path: release/);
  expect(yml).toContain("actions/deploy-pages@");
});
