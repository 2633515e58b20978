/**
 * Fuzzing the two ways in: the zip's bytes and the sheets' XML. Whatever the bytes, the CLI ends with a
 * result or one line (exit 2), never «Lỗi không mong muốn»; whatever the XML, the reader gives rows inside
 * Excel's grid or says the sheet is damaged. Runs in bounded time in CI (a fixed number of runs, each
 * under a time limit).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import "../../src/xlsx/read-file";
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "../../src/core/grid";
import { XlsxReadError } from "../../src/xlsx/detect";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { runMain } from "../support/cli-io";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { healthyPlan, sheetXml, SHEET1 } from "./corpus";
import { repack } from "./zip-craft";

let dir: string;
let plan: Buffer;
beforeAll(async () => {
  dir = makeTempDir("phuluc-fuzz-");
  plan = await healthyPlan();
});
afterAll(() => removeTempDir(dir));

/** One line on stderr per problem, none of them the "unexpected" one. */
function expectPlainLines(err: string): void {
  for (const line of err.split("\n").filter(Boolean)) expect(line).not.toMatch(/Lỗi không mong muốn|\n\s+at /);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  // The central directory and the end records (the last bytes): sizes, offsets, counts, names, flags.
  fc.record({ kind: fc.constant("flipEnd" as const), at: fc.nat({ max: 4095 }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant("copy" as const), from: fc.nat(), to: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, ms: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of ms) {
    if (m.kind === "flip") b[m.at % b.length] = m.byte;
    else if (m.kind === "flipEnd") b[Math.max(0, b.length - 1 - m.at)] = m.byte;
    else if (m.kind === "cut") b = b.subarray(0, m.at % b.length);
    else if (m.kind === "insert") b = Buffer.concat([b.subarray(0, m.at % b.length), Buffer.from(m.bytes), b.subarray(m.at % b.length)]);
    else {
      const from = m.from % b.length;
      const piece = Buffer.from(b.subarray(from, from + m.length));
      piece.copy(b, m.to % b.length);
    }
    if (!b.length) break;
  }
  return b;
}

const seen = new Map<number, number>();
afterAll(() => {
  if (process.env.PHULUC_HOSTILE_TABLE) process.stdout.write(`zip fuzz exit codes: ${JSON.stringify([...seen])}\n`);
});

it("zip bytes: any damage gives a result or one plain line, never a crash", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (ms) => {
      const file = path.join(dir, `z${n++}.xlsx`);
      fs.writeFileSync(file, mutate(plan, ms));
      const r = await runMain(["check", file, "--as-of", "2026-11-24", "--json"]);
      seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
      expect([0, 1, 2]).toContain(r.code);
      expectPlainLines(r.err);
      if (r.code !== 2) expect(() => JSON.parse(r.out)).not.toThrow();
      fs.rmSync(file);
    }),
    { numRuns: 150, interruptAfterTimeLimit: 60_000 },
  );
});

/** XML made of the pieces that matter to a tokenizer and to a grid reader. */
const xmlPiece = fc.oneof(
  fc.constantFrom("<row>", "</row>", "<c>", "</c>", "<v>", "</v>", "<is><t>", "</t></is>", "<row/>", "<c/>", "<!-- x -->", "<![CDATA[<]]>"),
  fc.constantFrom("&amp;", "&#1;", "&#xFFFE;", "&#65;", "&bogus;", "&", "<", ">", '"', "'", "_x001B_", "\u0001", "\uFFFE", "\ud800"),
  fc.tuple(fc.constantFrom("row r", "c r", "c t", "c s", "mergeCell ref"), fc.string({ maxLength: 12 })).map(([a, v]) => `<${a}="${v}"/>`),
  fc
    .tuple(fc.integer({ min: -5, max: 2_000_000_000 }), fc.stringMatching(/^[A-Z]{1,8}$/))
    .map(([r, col]) => `<row r="${r}"><c r="${col}${r}"><v>${r}</v></c></row>`),
  fc.string({ maxLength: 8 }),
);

it("sheet XML: rows inside Excel's grid, or the sheet is named damaged — never another error", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(xmlPiece, { maxLength: 40 }), async (pieces) => {
      const bytes = repack(plan, { [SHEET1]: { name: SHEET1, data: sheetXml(pieces.join("")) } });
      const port = await XlsxWorkbookPort.fromBytes(bytes, "fuzz.xlsx", { readOnly: true });
      let grids;
      try {
        grids = await port.readSheets();
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxReadError);
        return;
      }
      for (const g of grids) {
        expect(g.values.length).toBeLessThanOrEqual(EXCEL_MAX_ROWS);
        for (const row of g.values) expect(row.length).toBeLessThanOrEqual(EXCEL_MAX_COLS);
        for (const m of g.merges) expect(m.bottom).toBeLessThanOrEqual(Math.max(g.values.length, 1));
      }
      expect(grids.length + port.skippedSheets.length).toBe(2);
    }),
    { numRuns: 300, interruptAfterTimeLimit: 60_000 },
  );
});
