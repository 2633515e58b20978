/**
 * Read anything valid, write without rewriting — on real workbooks from every writer on this machine
 * (test/xlsx/corpus/build.ts): each one is checked (the same appendix must give the same tasks and
 * issues), summarised, and the copy compared with the original part by part (every part byte for byte,
 * compressed bytes included, except the index parts that must name the new sheets and phuluc's own
 * parts), its XML parts checked well-formed by xmllint, and the copy opened by LibreOffice (rendered to
 * PDF). The highlights of the pane's preview are undone to the byte. The writers × features table is
 * printed at the end.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { ReportSchema } from "../../src/core/report-schema";
import { defaultSettings } from "../../src/core/settings";
import { STORE_SHEET } from "../../src/core/store";
import { summaryText } from "../../src/i18n/summary";
import { OpcPackage, relsPartOf } from "../../src/ooxml/package";
import { ZipReader } from "../../src/ooxml/zip-read";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { summarizeXlsxBytes } from "../../src/cli/summarize-bytes";
import { AS_OF, runMain } from "../hardening/support/cli";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { buildCorpus, canOpenpyxl, canSoffice, EXPECTED_TASKS, has, type CorpusFile } from "./corpus/build";
import { FEATURES, featuresOf, type Feature } from "./corpus/features";

const tools = canOpenpyxl() && canSoffice() && has("xmllint") && has("pdftotext", ["-v"]);
if (!tools) {
  if (process.env.CI) throw new Error("corpus: python3-openpyxl, soffice, xmllint and pdftotext are needed");
  console.warn("corpus.test.ts skipped: python3-openpyxl, soffice, xmllint or pdftotext missing");
}
const corpusTest = tools ? test : test.skip;

interface Row {
  file: CorpusFile;
  features: Set<Feature>;
  check?: string;
  summary?: string;
  identical?: string;
  xml?: string;
  render?: string;
  highlights?: string;
}

let dir: string;
let files: CorpusFile[] = [];
const rows = new Map<string, Row>();
const outputs = new Map<string, string>();

beforeAll(async () => {
  dir = makeTempDir("phuluc-corpus-");
  if (tools) files = await buildCorpus(dir, (s) => console.warn(s));
  for (const f of files) rows.set(f.name, { file: f, features: featuresOf(fs.readFileSync(f.file)) });
}, 300000);

afterAll(() => {
  if (rows.size) console.log(table());
  if (dir) removeTempDir(dir);
});

function table(): string {
  const cols = ["check", "summary", "identical", "xml", "render", "highlights"] as const;
  const lines = [`writers × features (✓ = in the file; results per file: ok / FAIL / - not run)`, ""];
  const head = ["file".padEnd(26), "writer".padEnd(11), ...cols.map((c) => c.padEnd(10))].join(" ");
  lines.push(head);
  for (const r of rows.values())
    lines.push([r.file.name.padEnd(26), r.file.writer.padEnd(11), ...cols.map((c) => (r[c] ?? "-").padEnd(10))].join(" "));
  lines.push("");
  lines.push(
    "feature".padEnd(22) +
      [...rows.values()]
        .map((r) =>
          r.file.name
            .replace(/\.xls[xm]$/, "")
            .slice(0, 12)
            .padEnd(13),
        )
        .join(""),
  );
  for (const f of FEATURES) lines.push(f.padEnd(22) + [...rows.values()].map((r) => (r.features.has(f) ? "✓" : "·").padEnd(13)).join(""));
  return lines.join("\n");
}

const mark = (name: string, key: keyof Omit<Row, "file" | "features">, fn: () => void) => {
  const row = rows.get(name)!;
  try {
    fn();
    row[key] = "ok";
  } catch (e) {
    row[key] = "FAIL";
    throw e;
  }
};

/** Index parts the writer may change (they must name the new sheets) — the workbook part found through the package. */
function indexParts(pkg: OpcPackage): Set<string> {
  const wb = pkg.rels("").find((r) => r.type.endsWith("/officeDocument"))?.part ?? "xl/workbook.xml";
  const styles = pkg.rels(wb).find((r) => r.type.endsWith("/styles"))?.part;
  return new Set(["[Content_Types].xml", wb, relsPartOf(wb), "docProps/app.xml", ...(styles ? [styles] : [])].map((p) => p.toLowerCase()));
}

/** The parts of phuluc's own sheets in `bytes` (the store and the summaries), with what hangs off them. */
function productParts(bytes: Uint8Array, sheetNames: string[]): Set<string> {
  const wb = XlsxWorkbook.open(bytes, "out.xlsx");
  const pkg = wb.pkg;
  const out = new Set<string>();
  const visit = (part: string) => {
    if (out.has(part.toLowerCase())) return;
    out.add(part.toLowerCase());
    if (pkg.has(relsPartOf(part))) {
      out.add(relsPartOf(part).toLowerCase());
      for (const r of pkg.rels(part)) if (r.part) visit(r.part);
    }
  };
  for (const name of [STORE_SHEET, ...sheetNames]) {
    const part = wb.sheet(name)?.part;
    if (part) visit(part);
  }
  return out;
}

const CASES = [
  "openpyxl.xlsx",
  "openpyxl-1904.xlsx",
  "exceljs.xlsx",
  "crafted-excel.xlsx",
  "crafted-macro.xlsm",
  "crafted-google.xlsx",
  "crafted-odd.xlsx",
  "libreoffice.xlsx",
  "libreoffice-resaved.xlsx",
];

describe("the corpus: every writer's workbooks", () => {
  corpusTest("every workbook was built", () => {
    expect(files.map((f) => f.name).sort()).toEqual([...CASES].sort());
  });

  corpusTest.each(CASES)("%s: check reads the appendix (same tasks and issues as every other writer's)", async (name) => {
    const f = rows.get(name)!.file;
    await (async () => {
      const r = await runMain(["check", f.file, "--as-of", AS_OF, "--json"]);
      mark(name, "check", () => {
        expect(r.err).toBe("");
        expect([0, 1]).toContain(r.code);
        const report = ReportSchema.parse(JSON.parse(r.out));
        expect(report.tasks.filter((t) => t.sheet === "PL I").map((t) => t.content)).toEqual(EXPECTED_TASKS);
        const at = (cell: string) => report.issues.filter((i) => i.sheet === "PL I" && i.cell === cell).map((i) => i.code);
        expect(at("D8")).toEqual(["LEAD_UNKNOWN"]);
        expect(at("G8")).toEqual(["DEADLINE_INVALID"]);
        const first = report.tasks.find((t) => t.content === EXPECTED_TASKS[0])!;
        expect(first.deadline.due).toBe("2026-06-30");
        expect(first.doneDate).toBe("2026-06-20");
      });
    })();
  });

  corpusTest.each(CASES)("%s: summarize changes only the index parts and phuluc's own parts (raw bytes kept)", async (name) => {
    const f = rows.get(name)!.file;
    const input = fs.readFileSync(f.file);
    const r = await summarizeXlsxBytes(input, { asOf: AS_OF, fileName: name });
    mark(name, "summary", () => {
      // the main sheet and the deadlines; the indicators' sheet only for a plan with an indicator table
      expect(r.result.sheetNames.length).toBe(r.report.indicators.length ? 3 : 2);
      expect(r.report.tasks.length).toBeGreaterThanOrEqual(3);
    });
    const out = path.join(dir, "out-" + name.replace(/\.xlsm$/, ".xlsx"));
    fs.writeFileSync(out, r.bytes);
    outputs.set(name, out);
    mark(name, "identical", () => {
      const before = OpcPackage.open(input);
      const after = OpcPackage.open(r.bytes);
      const allowed = indexParts(before);
      const own = productParts(r.bytes, r.result.sheetNames);
      const zin = ZipReader.open(input);
      const zout = ZipReader.open(r.bytes);
      const names = (p: OpcPackage) => new Set(p.partNames().map((n) => n.toLowerCase()));
      const inNames = names(before);
      const outNames = names(after);
      for (const n of inNames) expect({ part: n, kept: outNames.has(n) }).toEqual({ part: n, kept: true });
      for (const n of outNames) if (!inNames.has(n)) expect({ part: n, own: own.has(n) }).toEqual({ part: n, own: true });
      let same = 0;
      for (const e of zin.entries) {
        const n = e.name.toLowerCase();
        if (e.name.endsWith("/") || allowed.has(n) || own.has(n)) continue;
        const o = zout.entry(e.name)!;
        expect({ part: e.name, bytes: Buffer.from(zout.read(o)).equals(Buffer.from(zin.read(e))) }).toEqual({ part: e.name, bytes: true });
        expect({ part: e.name, raw: Buffer.from(zout.raw(o)).equals(Buffer.from(zin.raw(e))) }).toEqual({ part: e.name, raw: true });
        same++;
      }
      expect(same).toBeGreaterThanOrEqual(3);
    });
  });

  corpusTest("the copies' changed and new XML parts are well-formed (xmllint)", () => {
    const xmlDir = path.join(dir, "xml");
    fs.mkdirSync(xmlDir, { recursive: true });
    const owners: [string, string][] = [];
    for (const [name, out] of outputs) {
      const z = ZipReader.open(fs.readFileSync(out));
      const zin = ZipReader.open(fs.readFileSync(rows.get(name)!.file.file));
      z.entries.forEach((e, i) => {
        if (!/\.(xml|rels)$/i.test(e.name)) return;
        const orig = zin.entry(e.name);
        if (orig && Buffer.from(zin.raw(orig)).equals(Buffer.from(z.raw(e)))) return;
        const f = path.join(xmlDir, `${owners.length}-${i}.xml`);
        fs.writeFileSync(f, z.read(e));
        owners.push([f, name]);
      });
    }
    const r = spawnSync("xmllint", ["--noout", ...owners.map(([f]) => f)], { encoding: "utf8" });
    const bad = new Set(owners.filter(([f]) => r.stderr.includes(f)).map(([, n]) => n));
    for (const name of outputs.keys()) rows.get(name)!.xml = bad.has(name) ? "FAIL" : "ok";
    expect(r.stderr).toBe("");
    expect(owners.length).toBeGreaterThan(outputs.size * 5);
  });

  corpusTest(
    "LibreOffice opens every copy and prints the summary (rendered to PDF)",
    () => {
      const pdfDir = path.join(dir, "pdf");
      const r = spawnSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          pdfDir,
          ...outputs.values(),
        ],
        { encoding: "utf8", timeout: 300000 },
      );
      expect(r.error).toBeUndefined();
      const failures: string[] = [];
      for (const [name, out] of outputs) {
        const pdf = path.join(pdfDir, path.basename(out).replace(/\.xlsx$/, ".pdf"));
        const ok =
          fs.existsSync(pdf) &&
          spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
            .stdout.replace(/\s+/g, "")
            .includes(summaryText.titleMain.replace(/\s+/g, ""));
        rows.get(name)!.render = ok ? "ok" : "FAIL";
        if (!ok) failures.push(name);
      }
      expect(failures).toEqual([]);
    },
    320000,
  );

  corpusTest.each(CASES)("%s: the preview's highlight → clear gives the user's sheet back byte for byte", async (name) => {
    const input = fs.readFileSync(rows.get(name)!.file.file);
    const port = await XlsxWorkbookPort.fromBytes(input, name);
    const report = analyze(await port.readSheets(), { asOf: AS_OF, settings: defaultSettings() });
    const targets = report.issues.filter((i) => i.cell).map((i) => ({ sheet: i.sheet, cell: i.cell!, severity: i.severity }));
    const sheetPart = port.workbook.sheet("PL I")!.part!;
    await port.highlight(targets);
    const lit = OpcPackage.open(await port.toBuffer()).text(sheetPart);
    await port.clearHighlights();
    const cleared = OpcPackage.open(await port.toBuffer()).bytes(sheetPart)!;
    mark(name, "highlights", () => {
      expect(targets.length).toBeGreaterThanOrEqual(2);
      expect(lit).not.toBe(OpcPackage.open(input).text(sheetPart));
      expect(Buffer.from(cleared).equals(Buffer.from(OpcPackage.open(input).bytes(sheetPart)!))).toBe(true);
    });
  });
});
