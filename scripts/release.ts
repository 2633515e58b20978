/**
 * `npm run release -- --origin https://host/path/`: the folder a commune's or province's web server
 * serves, and a zip of it.
 *   release/                   index.html (the web app), taskpane.html, commands.html, support.html, the
 *                              scripts (content-hashed names), sw.js, manifest.webmanifest, assets/, and
 *                              manifest.xml for that origin (every address under it);
 *                              web.config, so IIS serves it right as copied (media types, cache headers);
 *   release/phuluc-<version>.zip  the same files under a folder phuluc-<version>/.
 * The origin must be https (http only for localhost, to try a release on one's own machine). A bad
 * origin is one line on stderr and exit 2, before anything is built. The folder is built beside
 * release/ and swapped in whole: an old release is never mixed with the new one, and a failed build
 * leaves the old one as it was. See docs/deploy.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { manifestVersion, renderManifest } from "./manifest";
import { useDeflateRaw, writeZip } from "../src/ooxml/zip-write";

const ROOT = path.resolve(__dirname, fs.existsSync(path.resolve(__dirname, "../package.json")) ? ".." : "../..");

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A bad --origin (or missing one): the one line to print, exit 2. */
export class OriginError extends Error {}

/**
 * The release's base address from --origin: an absolute https address (http for localhost), no user,
 * query or fragment; a missing final "/" is added ("https://host/app" serves from /app/).
 */
export function parseOrigin(input: string | undefined): string {
  const example = "ví dụ: --origin https://phuluc.xa-chiminh.gov.vn/";
  if (!input) throw new OriginError(`Thiếu --origin: địa chỉ https nơi máy chủ phục vụ thư mục release/ (${example}).`);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OriginError(`--origin "${input}" không phải là một địa chỉ web (${example}).`);
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local))
    throw new OriginError(`--origin "${input}" phải là địa chỉ https (Excel chỉ nạp phần bổ trợ qua https; http chỉ dùng cho localhost).`);
  if (url.username || url.password || url.search || url.hash || input.includes("?") || input.includes("#"))
    throw new OriginError(`--origin "${input}" chỉ gồm máy chủ và đường dẫn, không có tên đăng nhập, "?" hay "#".`);
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${url.host}${pathname}`;
}

/** The files of a folder, relative, "/"-separated, sorted. */
export function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Files never kept by a browser's HTTP cache (always checked with the server): the pages, the worker, the manifests. */
export const NO_CACHE = ["index.html", "taskpane.html", "commands.html", "support.html", "sw.js", "manifest.webmanifest", "manifest.xml"];

/**
 * IIS's settings for the release folder (web.config beside index.html): the media types IIS lacks or gets
 * wrong, content-hashed scripts cached for a year, the pages, the worker, the manifests and the zip never
 * cached, assets/ for a day; index.html for the folder's address. Other servers: docs/deploy.md.
 */
export function iisConfig(zipName: string): string {
  const types: [string, string][] = [
    [".js", "text/javascript; charset=utf-8"],
    [".webmanifest", "application/manifest+json"],
    [".xml", "application/xml"],
    [".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [".zip", "application/zip"],
  ];
  const cache = (file: string, rule: string) =>
    `  <location path="${file}">\n    <system.webServer>\n      <staticContent>\n        ${rule}\n      </staticContent>\n    </system.webServer>\n  </location>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- phuluc on IIS (written by npm run release; see docs/deploy.md). -->`,
    `<configuration>`,
    `  <system.webServer>`,
    `    <defaultDocument enabled="true">`,
    `      <files>`,
    `        <clear />`,
    `        <add value="index.html" />`,
    `      </files>`,
    `    </defaultDocument>`,
    `    <staticContent>`,
    ...types.flatMap(([ext, type]) => [
      `      <remove fileExtension="${ext}" />`,
      `      <mimeMap fileExtension="${ext}" mimeType="${type}" />`,
    ]),
    `      <!-- Scripts have their content's hash in their names: a year, never asked again. -->`,
    `      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />`,
    `    </staticContent>`,
    `  </system.webServer>`,
    ...[...NO_CACHE, zipName].map((f) => cache(f, `<clientCache cacheControlMode="DisableCache" />`)),
    cache("assets", `<clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="1.00:00:00" />`),
    `</configuration>`,
    ``,
  ].join("\n");
}

/** DOS date and time of a moment (zip entries carry the build's time: servers derive Last-Modified and ETag from it). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/** The zip of a release folder: every file under "phuluc-<version>/". */
export function zipRelease(dir: string, top: string, when = new Date()): Uint8Array {
  useDeflateRaw((data) => deflateRawSync(data, { level: 9 }));
  const stamp = dosDateTime(when);
  return writeZip(
    listFiles(dir).map((f) => ({ kind: "new" as const, name: `${top}/${f}`, data: fs.readFileSync(path.join(dir, f)), ...stamp })),
  );
}

/**
 * Puts `staged` in the place of `target` whole: the old folder is moved aside first and removed after,
 * so `target` is at every moment either the old release or the new one, never a mix.
 */
export function replaceFolder(staged: string, target: string): void {
  const aside = `${target}.old-${process.pid}`;
  const had = fs.existsSync(target);
  if (had) fs.renameSync(target, aside);
  try {
    fs.renameSync(staged, target);
  } catch (err) {
    if (had) fs.renameSync(aside, target);
    throw err;
  }
  if (had) fs.rmSync(aside, { recursive: true, force: true });
}

/** Builds the web part (webpack, production, no source maps) into `dir`. */
function build(dir: string): Promise<void> {
  const webpack = require(path.join(ROOT, "node_modules", "webpack")) as typeof import("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => import("webpack").Configuration;
  const config = makeConfig({ release: true, outDir: dir }, { mode: "production" });
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** A release's manifest.xml for `base` (its notice names the command; an XML comment may not hold "--"). */
export function releaseManifest(base: string): string {
  return renderManifest(base, `Release for ${base}, made by npm run release with that origin.`);
}

export interface ReleaseResult {
  dir: string;
  zip: string;
  files: { file: string; bytes: number }[];
}

/** Builds the release for `base` into `<root>/release` (replaced whole). */
export async function makeRelease(base: string, root = ROOT): Promise<ReleaseResult> {
  const target = path.join(root, "release");
  const staged = `${target}.new-${process.pid}`;
  fs.rmSync(staged, { recursive: true, force: true });
  try {
    await build(staged);
    fs.writeFileSync(path.join(staged, "manifest.xml"), releaseManifest(base));
    const version = manifestVersion().replace(/\.0$/, "");
    const zipName = `phuluc-${version}.zip`;
    fs.writeFileSync(path.join(staged, "web.config"), iisConfig(zipName));
    const zip = zipRelease(staged, `phuluc-${version}`);
    fs.writeFileSync(path.join(staged, zipName), zip);
    replaceFolder(staged, target);
    const files = listFiles(target).map((file) => ({ file, bytes: fs.statSync(path.join(target, file)).size }));
    return { dir: target, zip: path.join(target, zipName), files };
  } finally {
    fs.rmSync(staged, { recursive: true, force: true });
  }
}

function originArg(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === "--origin" || a.startsWith("--origin="));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice("--origin=".length) : argv[i + 1];
}

async function main(argv: readonly string[]): Promise<number> {
  let base: string;
  try {
    base = parseOrigin(originArg(argv));
  } catch (err) {
    if (!(err instanceof OriginError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  process.stdout.write(`phuluc ${manifestVersion()}: đang dựng bản phát hành cho ${base}…\n`);
  const r = await makeRelease(base);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(
    [
      `Đã ghi ${path.relative(process.cwd(), r.dir) || "."}/ (${r.files.length} tệp) và ${path.relative(process.cwd(), r.zip)}:`,
      ...r.files.map((f) => `  ${f.file}  ${kb(f.bytes)}`),
      `Chép cả thư mục lên ${base} (hoặc giải nén tệp .zip ở đó); cấu hình máy chủ và cách cài cho người dùng: docs/deploy.md.`,
      "",
    ].join("\n"),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`Không dựng được bản phát hành: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
