/**
 * The manifests — manifest.xml (development, https://localhost:3000) and manifest.prod.xml (production,
 * the published origin) — are exactly what scripts/manifest.ts writes from its one template; each
 * validates against Microsoft's XSDs offline (xmllint), every resid resolves to a resource of the right
 * kind, no duplicate ids, every URL is a file the build produces on that manifest's origin, the ribbon's
 * functions are the ones commands.ts registers, and office-addin-manifest reads it offline.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { DEV_BASE, DEV_MANIFEST, manifestVersion, renderDevManifest, renderManifest } from "../../scripts/manifest";
import { releaseManifest } from "../../scripts/release";
import { findAll, localName, parseXml, walk, type XmlNode } from "./xml-lite";
import { validateManifest, xsdTest } from "../support/manifest-xsd";

const ROOT = path.resolve(__dirname, "../..");
/** Pages the webpack build emits; assets/ is copied to the build's assets/. */
const BUILT_PAGES = ["taskpane.html", "commands.html", "support.html"];

/** The manifests under test: the committed development one, and a release's for a host and for a sub-path. */
const CASES = [
  { name: "manifest.xml (development)", base: DEV_BASE, text: fs.readFileSync(DEV_MANIFEST, "utf8") },
  ...["https://phuluc.xa-chiminh.gov.vn/", "https://stttt.haiphong.gov.vn/ung-dung/phuluc/"].map((base) => ({
    name: `a release for ${base}`,
    base,
    text: releaseManifest(base),
  })),
];

describe("one source for every manifest", () => {
  test("the committed manifest.xml is exactly what scripts/manifest.ts writes (npm run manifest)", () => {
    expect(path.relative(ROOT, DEV_MANIFEST)).toBe("manifest.xml");
    expect(fs.readFileSync(DEV_MANIFEST, "utf8") === renderDevManifest()).toBe(true);
  });

  test("Version is package.json's version; manifests for two addresses differ only in the address (and the notice)", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(manifestVersion()).toBe(`${version}.0`);
    const [dev, host, sub] = CASES;
    const plain = (c: (typeof CASES)[number]) =>
      c.text
        .split(c.base)
        .join("BASE/")
        .replace(/<!--\n {2}GENERATED[^\n]*/, "");
    expect(plain(host)).toBe(plain(dev));
    expect(plain(sub)).toBe(plain(dev));
    expect(host.text).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(host.text).not.toMatch(/Value="http:/); // (the XML namespaces are http: names, not addresses)
  });

  test("every manifest is well-formed XML even without the XSDs: no comment holds a double hyphen", () => {
    for (const c of CASES) {
      const comments = [...c.text.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]);
      expect(comments.length).toBeGreaterThan(0);
      expect({ name: c.name, bad: comments.filter((x) => x.includes("--") || x.endsWith("-")) }).toEqual({ name: c.name, bad: [] });
    }
  });

  test("a base address that does not end in / is refused", () => {
    expect(() => renderManifest("https://phuluc.example.org", "x")).toThrow(/end in "\/"/);
    expect(() => renderManifest("https://phuluc.example.org/app?x=1/", "x")).toThrow();
  });
});

for (const { name, base: BASE, text } of CASES) {
  const doc = parseXml(text);
  const app = doc.children.find((c) => localName(c) === "OfficeApp")!;
  const resources = (kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): XmlNode[] => findAll(app, kind).flatMap((c) => c.children);

  describe(name, () => {
    xsdTest("validates against the Office add-in XSDs (xmllint, offline)", () => {
      const r = validateManifest(text);
      expect(r.output).toContain("validates");
      expect(r.ok).toBe(true);
    });

    xsdTest("the XSD check is real: a manifest without <Id> is rejected", () => {
      expect(validateManifest(text.replace(/<Id>[^<]*<\/Id>/, "")).ok).toBe(false);
    });

    test("is a task pane add-in for Excel with a GUID Id, a 4-part version and ReadWriteDocument", () => {
      expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
      const id = findAll(app, "Id")[0].text.trim();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      expect(findAll(app, "Version")[0].text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(findAll(app, "Permissions")[0].text.trim()).toBe("ReadWriteDocument");
      expect(findAll(app, "DefaultLocale")[0].text.trim()).toBe("vi-VN");
      const hosts = findAll(app, "Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"]);
      expect(new Set(hosts)).toEqual(new Set(["Workbook"]));
    });

    test("requires the ExcelApi set the adapter needs without feature detection (1.4)", () => {
      const sets = findAll(app, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
      expect(sets).toEqual([["ExcelApi", "1.4"]]);
      const { REQUIRED_EXCEL_API } = require("../../src/excel/requirements");
      expect(REQUIRED_EXCEL_API).toBe("1.4");
    });

    test("every resid resolves to a resource in the right collection", () => {
      const ids = {
        Images: new Set(resources("Images").map((r) => r.attrs.id)),
        Urls: new Set(resources("Urls").map((r) => r.attrs.id)),
        ShortStrings: new Set(resources("ShortStrings").map((r) => r.attrs.id)),
        LongStrings: new Set(resources("LongStrings").map((r) => r.attrs.id)),
      };
      const refs: { el: string; resid: string }[] = [];
      walk(app, (n) => {
        if (n.attrs.resid !== undefined) refs.push({ el: localName(n), resid: n.attrs.resid });
      });
      expect(refs.length).toBeGreaterThan(10);
      const want: Record<string, keyof typeof ids> = {
        Image: "Images",
        SourceLocation: "Urls",
        FunctionFile: "Urls",
        LearnMoreUrl: "Urls",
        Label: "ShortStrings",
        Title: "ShortStrings",
        Description: "LongStrings",
      };
      for (const r of refs) {
        const coll = want[r.el];
        expect({ ...r, coll }).toEqual({ ...r, coll: expect.any(String) });
        expect({ ...r, found: ids[coll].has(r.resid) }).toEqual({ ...r, found: true });
      }
    });

    test("resource ids are unique across all collections", () => {
      const all = [...resources("Images"), ...resources("Urls"), ...resources("ShortStrings"), ...resources("LongStrings")].map(
        (r) => r.attrs.id,
      );
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
    });

    test(`every URL is ${BASE}<a file the build produces>; the support page is support.html`, () => {
      const urls: string[] = [];
      walk(app, (n) => {
        const l = localName(n);
        if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"].includes(l) && n.attrs.DefaultValue)
          urls.push(n.attrs.DefaultValue);
        if (l === "Override" && n.attrs.Value?.startsWith("http")) urls.push(n.attrs.Value);
      });
      expect(urls.length).toBeGreaterThanOrEqual(8);
      for (const u of urls) {
        expect({ u, under: u.startsWith(BASE) }).toEqual({ u, under: true });
        const file = u.slice(BASE.length);
        if (file.startsWith("assets/")) {
          expect(file).toMatch(/^assets\/icon-\d+\.png$/);
          expect({ file, exists: fs.existsSync(path.join(ROOT, file)) }).toEqual({ file, exists: true });
        } else {
          expect(BUILT_PAGES).toContain(file);
        }
      }
      // No AppDomain: the pages need no other domain (listing the SourceLocation's own domain is useless).
      expect(findAll(app, "AppDomain")).toEqual([]);
      expect(fs.existsSync(path.join(ROOT, "src/commands/commands.html"))).toBe(true);
      expect(findAll(app, "SupportUrl")[0].attrs.DefaultValue).toBe(`${BASE}support.html`);
      expect(findAll(app, "Version")[0].text.trim()).toBe(manifestVersion());
    });

    test("ribbon icons come in 16, 32 and 80 px and the files have those sizes", () => {
      for (const img of resources("Images")) {
        const size = Number(/icon-(\d+)\.png$/.exec(img.attrs.DefaultValue)![1]);
        const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
      const sizes = findAll(app, "Group")[0]
        .children.find((c) => localName(c) === "Icon")!
        .children.map((c) => c.attrs.size);
      expect(sizes).toEqual(["16", "32", "80"]);
    });

    test("the Home tab group opens the pane, then one button per ribbon command of the registry, labelled by its strings", () => {
      const { ribbonCommands } = require("../../src/app/commands");
      const { COMMAND_STRINGS } = require("../../src/i18n/commands");
      const ribbon = ribbonCommands() as { id: string; ribbon: { functionName: string } }[];
      expect(ribbon.map((c) => c.ribbon.functionName)).toEqual(["validateWorkbook", "buildSummary", "clearHighlights"]);
      const tab = findAll(app, "OfficeTab")[0];
      expect(tab.attrs.id).toBe("TabHome");
      const controls = findAll(tab, "Control");
      const actions = controls.map((c) => findAll(c, "Action")[0].attrs["xsi:type"]);
      expect(actions).toEqual(["ShowTaskpane", ...ribbon.map(() => "ExecuteFunction")]);
      const fns = findAll(tab, "FunctionName").map((f) => f.text.trim());
      expect(fns).toEqual(ribbon.map((c) => c.ribbon.functionName));
      const { COMMAND_NAMES } = require("../../src/commands/names");
      expect([...COMMAND_NAMES]).toEqual(fns);
      const labels = controls.map((c) => findAll(c, "Label")[0].attrs.resid);
      const short = new Map(resources("ShortStrings").map((s) => [s.attrs.id, s]));
      expect(labels.map((l) => short.get(l)!.attrs.DefaultValue)).toEqual([
        "Mở phuluc",
        ...ribbon.map((c) => COMMAND_STRINGS.vi[c.id].label),
      ]);
      const english = (l: string) => short.get(l)!.children.find((c) => localName(c) === "Override")!.attrs.Value;
      expect(labels.slice(1).map(english)).toEqual(ribbon.map((c) => COMMAND_STRINGS.en[c.id].label));
      for (const c of controls) expect(findAll(c, "Supertip")).toHaveLength(1);
    });

    test("Vietnamese by default, with an en-US override for every user-visible string", () => {
      const strings = [
        ...resources("ShortStrings"),
        ...resources("LongStrings"),
        ...findAll(app, "DisplayName"),
        ...findAll(app, "Description").filter((d) => !d.attrs.resid),
      ];
      expect(strings.length).toBeGreaterThan(8);
      for (const s of strings) {
        const locales = s.children.filter((c) => localName(c) === "Override").map((c) => c.attrs.Locale);
        expect({ id: s.attrs.id ?? s.name, locales }).toEqual({ id: s.attrs.id ?? s.name, locales: ["en-US"] });
      }
      for (const s of resources("ShortStrings")) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
      for (const s of resources("LongStrings")) expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    });

    test("office-addin-manifest info reads it and makes no network call", () => {
      const cli = path.join(ROOT, "node_modules/office-addin-manifest/cli.js");
      const bin = fs.existsSync(cli) ? cli : path.join(ROOT, "node_modules/.bin/office-addin-manifest");
      const guard = path.join(__dirname, "no-network.js");
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-manifest-")), "manifest.xml");
      fs.writeFileSync(file, text);
      const r = spawnSync(process.execPath, ["-r", guard, bin, "info", file], { encoding: "utf8", cwd: ROOT });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      expect(r.stderr).not.toContain("NETWORK BLOCKED");
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("5b0e6c1f-8a34-4d2e-9f6b-1c7a2d9e4f30");
    });
  });
}

describe("icons", () => {
  test("the committed PNGs are exactly what scripts/make-icons.ts generates", () => {
    const { ICON_SIZES, renderIcon } = require("../../scripts/make-icons");
    for (const s of ICON_SIZES as number[]) {
      const committed = fs.readFileSync(path.join(ROOT, "assets", `icon-${s}.png`));
      expect(Buffer.compare(renderIcon(s), committed)).toBe(0);
    }
  });
});
