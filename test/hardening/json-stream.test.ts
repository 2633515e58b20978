/** The CLI's JSON report in pieces: byte for byte JSON.stringify(report, null, 2), never one giant write. */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { blocks, jsonPieces } from "../../src/cli/json-stream";
import { JsonReportSchema } from "../../src/core/report-schema";
import { appendixGrid } from "../fakes/fake-workbook";
import { buildXlsx, makeTempDir, removeTempDir } from "../support/xlsx-builder";
import { AS_OF, captureIO } from "./support/cli";
import { main } from "../../src/cli/main";

describe("jsonPieces", () => {
  it("equals JSON.stringify(value, null, 2) for any object of JSON values", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.constant([]), fc.constant(undefined))),
        (obj) => {
          expect([...jsonPieces(obj)].join("")).toBe(JSON.stringify(obj, null, 2));
          expect([...blocks(jsonPieces(obj), 16)].join("")).toBe(JSON.stringify(obj, null, 2));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("arrays longer than one slice (thousands of entries) give the same text", () => {
    const obj = {
      a: 1,
      tasks: Array.from({ length: 4501 }, (_v, i) => ({ i, s: "x\n" + i, n: null, d: { k: [i] } })),
      empty: [],
      z: "end",
    };
    expect([...blocks(jsonPieces(obj), 1000)].join("")).toBe(JSON.stringify(obj, null, 2));
  });

  it("phuluc check --json writes a big report in several blocks that join to the same JSON", async () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, "big.xlsx");
      fs.writeFileSync(file, await buildXlsx([appendixGrid("PL I", 4000)]));
      const io = captureIO();
      const calls: number[] = [];
      const stdout = io.stdout;
      io.stdout = (t: string) => {
        calls.push(t.length);
        stdout(t);
      };
      expect(await main(["check", file, "--as-of", AS_OF, "--json"], io)).toBeLessThanOrEqual(1);
      const report = JsonReportSchema.parse(JSON.parse(io.out));
      expect(report.tasks).toHaveLength(4000);
      expect(io.out).toBe(JSON.stringify(JSON.parse(io.out), null, 2) + "\n");
      expect(calls.length).toBeGreaterThan(2);
      expect(Math.max(...calls)).toBeLessThan(io.out.length / 2);
    } finally {
      removeTempDir(dir);
    }
  });
});
