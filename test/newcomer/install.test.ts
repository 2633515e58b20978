/**
 * The newcomer's `npm install` is quiet: every package the lock installs accepts the lowest Node that
 * package.json's "engines" allows (no EBADENGINE warning on Node 20), and every package with an install
 * script has been reviewed in package.json's "allowScripts" (npm 11 warns about the others).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const semver = require("semver") as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean }>;
};

/** The package's name from its lock key ("node_modules/a/node_modules/@b/c" → "@b/c"). */
const nameOf = (key: string) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);

test("every locked package accepts the lowest Node that package.json allows", () => {
  const floor = semver.minVersion(pkg.engines.node)!.version;
  expect(semver.satisfies(floor, ">=20 <21")).toBe(true);
  const refused = Object.entries(lock.packages)
    .filter(([key, p]) => key && p.engines && !Array.isArray(p.engines) && p.engines.node)
    .filter(([, p]) => !semver.satisfies(floor, (p.engines as { node: string }).node))
    .map(([key, p]) => `${nameOf(key)}@${p.version} wants node ${(p.engines as { node: string }).node}`);
  expect(refused).toEqual([]);
});

test("every package with an install script is approved or denied in allowScripts", () => {
  const reviewed = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@[^@]*$/, "$1")));
  const unreviewed = Object.entries(lock.packages)
    .filter(([key, p]) => key && p.hasInstallScript)
    .map(([key]) => nameOf(key))
    .filter((name) => !reviewed.has(name));
  expect(unreviewed).toEqual([]);
});
