/**
 * Nothing executed in the pane, and the supply chain: the task pane renders user text as text (no
 * HTML injection, eval or Function), its Content Security Policy lets scripts come only from itself
 * and Office.js, no other remote code or URL is referenced, the manifest asks for no more than
 * ReadWriteDocument, and package-lock.json pins every dependency with an integrity hash.
 * (`npm audit --omit=dev` needs the registry's advisory endpoint: run it by hand, see the report.)
 */
import * as fs from "fs";
import * as path from "path";
// semver comes with npm's own tool chain (a transitive dev dependency); only `satisfies` is used.
const semver = require("semver") as { satisfies: (version: string, range: string) => boolean };

const ROOT = path.resolve(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p);
const uiSources = [
  ...files(path.join(ROOT, "src/taskpane"), /\.(tsx?|html)$/),
  ...files(path.join(ROOT, "src/commands"), /\.(tsx?|html)$/),
];

describe("the task pane renders user text as text", () => {
  it("no dangerouslySetInnerHTML, innerHTML/outerHTML, insertAdjacentHTML, document.write, eval or new Function", () => {
    expect(uiSources.length).toBeGreaterThan(5);
    const bad =
      /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|setTimeout\(\s*["'`]|createContextualFragment/;
    const hits = uiSources.filter((f) => bad.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(hits).toEqual([]);
  });

  it("no remote URL in the product's code other than Office.js's CDN (user-facing texts and docs aside)", () => {
    const sources = files(path.join(ROOT, "src"), /\.(tsx?|html|js)$/).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
    const urls = new Set<string>();
    for (const f of sources) {
      const code = fs
        .readFileSync(f, "utf8")
        .replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, "$1")
        .replace(/<!--[\s\S]*?-->/g, "");
      for (const m of code.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>]+/g)) urls.add(`${rel(f)}: ${m[0]}`);
    }
    const foreign = [...urls].filter(
      (u) =>
        !u.split(": ")[1].startsWith(OFFICE_CDN + "/") &&
        !/^(https?|wss?):\/\/localhost\b/.test(u.split(": ")[1]) &&
        // XML namespace names (identifiers, never fetched): OOXML's, Microsoft's extensions', Strict OOXML's.
        !/^(https?):\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com\/office\/|purl\.oclc\.org\/ooxml\/|www\.w3\.org)/.test(
          u.split(": ")[1],
        ),
    );
    expect(foreign).toEqual([]);
    // The only external script tag is Office.js from its CDN.
    for (const html of uiSources.filter((f) => f.endsWith(".html"))) {
      const srcs = [...fs.readFileSync(html, "utf8").matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      for (const s of srcs) expect(s).toBe(`${OFFICE_CDN}/lib/1/hosted/office.js`);
    }
  });
});

describe("Content Security Policy", () => {
  function builtPages(): Record<string, string | undefined> {
    const config = require(path.join(ROOT, "webpack.config.js"))(undefined, { mode: "production" });
    const pages: Record<string, string | undefined> = {};
    for (const p of config.plugins) {
      const o = (p as { userOptions?: { filename?: string; csp?: string } }).userOptions;
      if (o?.filename) pages[o.filename] = o.csp;
    }
    return pages;
  }

  function directives(csp: string): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const part of csp.split(";")) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (name) m.set(name, values);
    }
    return m;
  }

  it("taskpane.html: scripts only from 'self' and Office.js, no eval or inline script, no plugins", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= htmlWebpackPlugin\.options\.csp %>"/);
    const csp = builtPages()["taskpane.html"];
    expect(csp).toBeDefined();
    const d = directives(csp!);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    for (const [name, values] of d) {
      expect(values).not.toContain("'unsafe-eval'");
      if (name !== "style-src") expect(values).not.toContain("'unsafe-inline'");
      for (const v of values) expect(v === "*" || /^https?:$/.test(v)).toBe(false);
      for (const v of values.filter((x) => /^[a-z]+:\/\//.test(x))) expect(v).toBe(OFFICE_CDN);
    }
  });

  it("commands.html (ribbon commands and their dialog) has the same script policy", () => {
    const csp = builtPages()["commands.html"];
    expect(csp).toBeDefined();
    expect(directives(csp!).get("script-src")).toEqual(["'self'", OFFICE_CDN]);
  });
});

describe("supply chain", () => {
  it("the manifest asks for ReadWriteDocument and nothing more", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const perms = [...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim());
    expect(perms).toEqual(["ReadWriteDocument"]);
    expect(xml).not.toMatch(/>\s*(ReadWriteMailbox|ReadWriteItem|ReadItem|Restricted|ReadDocument|WriteDocument)\s*</);
  });

  it("package-lock.json pins every dependency (a version in range and an integrity hash)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const root = lock.packages[""];
    for (const kind of ["dependencies", "devDependencies"] as const) {
      expect(root[kind]).toEqual(pkg[kind]);
      for (const [name, range] of Object.entries(pkg[kind] as Record<string, string>)) {
        const entry = lock.packages[`node_modules/${name}`];
        expect(entry).toBeDefined();
        expect(semver.satisfies(entry.version, range)).toBe(true);
        expect(entry.integrity).toMatch(/^sha512-/);
      }
    }
    // Every package the lock installs is pinned to one version with its hash.
    const unpinned = Object.entries(lock.packages as Record<string, { version?: string; integrity?: string; link?: boolean }>)
      .filter(([k, v]) => k !== "" && !v.link && (!v.version || !v.integrity))
      .map(([k]) => k);
    expect(unpinned).toEqual([]);
  });
});
