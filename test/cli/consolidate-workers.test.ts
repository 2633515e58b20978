/**
 * `phuluc consolidate` across worker threads (the compiled CLI: `npm run build:cli`, which `npm test` runs
 * first; built here when missing): the same result as reading in process, whatever thread read which file;
 * a worker that takes too long on a file, or dies, is replaced and that file is listed — the run never hangs
 * and never stops on one file.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ConsolidateJsonSchema } from "../../src/core/consolidate/json";
import { parseArgs } from "../../src/cli/args";
import { runConsolidate } from "../../src/cli/consolidate";
import { readTargets } from "../../src/cli/consolidate-pool";
import { findFiles } from "../../src/cli/consolidate-walk";
import { captureIO } from "../support/cli-io";
import { communeFileName, communePlan, fastXlsx, generatedCommune } from "../support/city-plans";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "phuluc.js");
const WORKER = path.join(ROOT, "lib", "src", "cli", "consolidate-worker.js");
const AS_OF = "2026-11-24";

let dir: string;
let communes: string;
beforeAll(() => {
  if (!fs.existsSync(WORKER)) {
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
    } catch {
      /* type errors elsewhere still emit JavaScript */
    }
  }
  dir = makeTempDir("phuluc-workers-");
  communes = path.join(dir, "cac-xa");
  fs.mkdirSync(communes);
  for (let i = 0; i < 24; i++) {
    const plan = generatedCommune(i, 30);
    fs.writeFileSync(path.join(communes, communeFileName(plan)), fastXlsx(communePlan(plan)));
    fs.writeFileSync(path.join(communes, `khac-${i}.txt`), `tệp ghi chú ${i}\n`);
  }
}, 120000);
afterAll(() => removeTempDir(dir));

function bin(workers: number, out: string) {
  const r = spawnSync(process.execPath, [BIN, "consolidate", communes, "-o", out, "--as-of", AS_OF, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120000,
    env: { ...process.env, PHULUC_WORKERS: String(workers) },
  });
  return { code: r.status, json: ConsolidateJsonSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

test("two worker threads give exactly what one thread in process gives; the files that are not workbooks are listed", () => {
  const threads = bin(2, path.join(dir, "a.xlsx"));
  const single = bin(0, path.join(dir, "b.xlsx"));
  expect([threads.code, single.code]).toEqual([1, 1]);
  expect(threads.json).toEqual(single.json);
  expect(threads.json.files).toEqual({ total: 48, read: 24, skipped: 24 });
  expect(new Set(threads.json.skipped.map((s) => s.reason))).toEqual(new Set(["not_workbook"]));
  expect(threads.stderr).not.toContain("\r");
}, 120000);

test("a worker that takes too long on a file is stopped and replaced; the files are listed as timed out", async () => {
  const io = captureIO();
  const args = parseArgs(["consolidate", communes, "-o", path.join(dir, "c.xlsx"), "--as-of", AS_OF, "--json"]);
  expect(await runConsolidate(args, io, { workers: 2, workerScript: WORKER, timeoutMs: 1 })).toBe(1);
  const json = ConsolidateJsonSchema.parse(JSON.parse(io.out));
  expect(json.files.total).toBe(48);
  expect(json.skipped.filter((s) => s.reason === "timed_out").length).toBeGreaterThan(20);
  expect(json.skipped.find((s) => s.reason === "timed_out")!.message).toMatch(/quá lâu/);
}, 120000);

test("a worker that dies is replaced and its file listed; the run ends", async () => {
  const dying = path.join(dir, "dying-worker.js");
  fs.writeFileSync(dying, "process.exit(3);\n");
  const io = captureIO();
  const args = parseArgs(["consolidate", communes, "-o", path.join(dir, "d.xlsx"), "--as-of", AS_OF]);
  expect(await runConsolidate(args, io, { workers: 2, workerScript: dying })).toBe(1);
  expect(io.out).toContain("Có 48 tệp không tổng hợp được");
  expect(io.out).toMatch(/Lỗi không mong muốn khi đọc tệp/);
}, 120000);

test("the worker threads' stream ends once every file is read, with or without a progress callback", async () => {
  const found = findFiles([communes], []);
  for (const onRead of [undefined, () => undefined]) {
    let n = 0;
    for await (const read of readTargets(found.targets, { asOf: AS_OF, workers: 2, workerScript: WORKER, ...(onRead ? { onRead } : {}) }))
      n += read ? 1 : 0;
    expect(n).toBe(found.targets.length);
  }
}, 120000);
