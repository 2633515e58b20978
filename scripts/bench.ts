/**
 * Benchmarks (`npm run bench`): prints figures, asserts nothing. Sections are registered with
 * registerBench(name, fn) and run in order; add yours at the bottom (or pass section names as
 * arguments to run only those: `node --expose-gc lib/scripts/bench.js engine`).
 *
 * Targets: engine ≥ 200,000 rows/s on grids; `phuluc check` ≤ 0.6 × a plain ExcelJS full read of the same
 * file at 20,000 and 100,000 tasks, peak RSS ≤ 300 MB at 100,000 tasks; `phuluc summarize` ≤ 1.0 × a plain
 * ExcelJS read + write (all measured as child processes, so all pay Node's start-up). Merging 100 units'
 * returns into a 5,000-task plan: time and peak memory (no target set; figures for the notes). A unit's
 * return of 200,000 rows: the merge itself ≤ 3 s and ≤ 500 MB (issue 21). `phuluc
 * consolidate` of 3,321 generated communes of ~150 tasks ≤ 60 s, peak memory ≤ 1 GB (all threads); and a
 * folder of 10,000 files, half of them not workbooks, within the same bounds.
 *
 * Compiled on its own (tsconfig.bench.json → .bench/): it uses test data builders, which never go into
 * lib/ (what ships for the CLI). `npm run bench` builds both.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyze, analyzeSteps } from "../src/core/analyze";
import type { CellValue, Grid, MergeArea } from "../src/core/grid";
import { defaultSettings } from "../src/core/settings";
import "../src/xlsx/read-file"; // as in the CLI: Node's zlib inflates the parts
import { summarizeXlsxBytes } from "../src/cli/summarize-bytes";
import { benchRead } from "../test/fakes/bench-read";
import { TRACKING_HEADER } from "../test/support/grid-builder";
import { gzipSync } from "node:zlib";
import { nextTask, runInSlices, SLICE_MS } from "../src/taskpane/slices";
import type { CellWrite } from "../src/core/port";
import { fillCells, readTaskTables } from "../src/core/returned-copies/task-tables";
import { splitWorkbook } from "../src/app/use-cases/split";
import { applyMerge, reviewReturns } from "../src/app/use-cases/merge";
import { proposeMerge } from "../src/core/returned-copies/merge";
import { returnsSheetText } from "../src/i18n/returns";
import { parseUnitCopyRecord, UNIT_COPY_KEY } from "../src/core/returned-copies/copy-record";
import { checkWorkbook } from "../src/app/use-cases/check";
import { XlsxWorkbookPort } from "../src/xlsx/port";
import { buildXlsx } from "../test/support/xlsx-builder";
import { appendixGrid } from "../test/fakes/fake-workbook";
import { FULL, FULL_SHEET, fullStore } from "../test/support/full-store";
import { HIGHLIGHT_FILL } from "../src/excel/highlight";
import { readStoreFile } from "../src/xlsx/store";
import { PART_KEYS, partBytes, partValue } from "../src/core/store";
import { communeFileName, communePlan, fastXlsx, generatedCommune } from "../test/support/city-plans";
import { cliWriters } from "../src/cli/writers";

type BenchFn = (ctx: BenchContext) => Promise<void> | void;
interface BenchContext {
  tmp: string;
  root: string;
  log: (line: string) => void;
}

const benches: { name: string; fn: BenchFn }[] = [];

/** Add a section to the benchmark. */
export function registerBench(name: string, fn: BenchFn): void {
  benches.push({ name, fn });
}

// ---------------------------------------------------------------------------------------------------
// Data: appendix sheets shaped like the real ones (title, header, groups, tasks, tracking columns).

// The header of a tracked appendix (the seed plan's columns + Tình trạng, Ngày hoàn thành, Ghi chú).
const HEADER = TRACKING_HEADER;
const UNITS = [
  "Phòng Văn hóa - Xã hội",
  "Phòng VH-XH",
  "Văn phòng HĐND và UBND xã",
  "Phòng Kinh tế",
  "Công an xã",
  "Trung tâm Phục vụ hành chính công",
  "TT DVSNC",
  "Phong Van hoa - Xa hoi",
];
const DEADLINES = [
  "Tháng 6/2026",
  "Quý II/2026",
  "30/11/2026",
  "Thường xuyên",
  "Năm 2026",
  "6 tháng đầu năm 2026",
  "Hàng quý",
  "Tháng 12/2026",
];
const STATUSES = ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "", "Hoàn thành"];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const TASKS_PER_GROUP = 50;
const SERIAL_2026_06_20 = 46193;

interface SheetData {
  name: string;
  rows: CellValue[][];
  formats: (string | null)[][];
  merges: MergeArea[];
}

/** One appendix sheet with `tasks` tasks (deterministic). */
export function appendixSheet(index: number, tasks: number): SheetData {
  const rows: CellValue[][] = [[`PHỤ LỤC ${ROMAN[index % 10]}`], ["NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026"], [], HEADER];
  const formats: (string | null)[][] = rows.map(() => []);
  const merges: MergeArea[] = [];
  let g = 0;
  for (let t = 0; t < tasks; t++) {
    if (t % TASKS_PER_GROUP === 0) {
      rows.push([ROMAN[g % 10] + (g >= 10 ? String(g) : ""), `Nhóm nhiệm vụ số ${g + 1} về chuyển đổi số và khoa học, công nghệ`]);
      formats.push([]);
      merges.push({ top: rows.length, left: 2, bottom: rows.length, right: HEADER.length });
      g++;
    }
    const k = t + index * 7;
    const status = STATUSES[k % STATUSES.length];
    const done = status.includes("oàn thành");
    rows.push([
      (t % TASKS_PER_GROUP) + 1,
      `Triển khai nhiệm vụ số ${t + 1}: rà soát, cập nhật cơ sở dữ liệu và báo cáo kết quả thực hiện`,
      "Chủ tịch UBND xã",
      UNITS[k % UNITS.length],
      "Các đơn vị liên quan",
      "Báo cáo",
      DEADLINES[k % DEADLINES.length],
      status,
      done ? SERIAL_2026_06_20 + (k % 200) : null,
      k % 9 === 0 ? "Ghi chú của đơn vị" : null,
    ]);
    formats.push(done ? [null, null, null, null, null, null, null, null, "dd/mm/yyyy"] : []);
  }
  return { name: `PL ${ROMAN[index % 10]}`, rows, formats, merges };
}

function toGrid(s: SheetData): Grid {
  return { name: s.name, visibility: "visible", origin: { row: 1, col: 1 }, values: s.rows, numberFormats: s.formats, merges: s.merges };
}

/** Write the sheets with ExcelJS's streaming writer (shared strings, as Excel saves). */
export async function writeWorkbook(file: string, sheets: SheetData[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    // The streaming writer needs a merge before its rows are committed (all merges here are one row high).
    const mergesByRow = new Map<number, MergeArea[]>();
    for (const m of s.merges) mergesByRow.set(m.top, [...(mergesByRow.get(m.top) ?? []), m]);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = row.getCell(j + 1);
        const fmt = s.formats[i]?.[j];
        cell.value = typeof v === "object" ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
        if (fmt) cell.numFmt = fmt;
      });
      for (const m of mergesByRow.get(i + 1) ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}

// ---------------------------------------------------------------------------------------------------
// Measurement helpers.

const gc = (globalThis as { gc?: () => void }).gc;

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0) + " MB";
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/**
 * Run fn, sampling memory every 20 ms; returns ms and the high-water marks. No forced GC before a timed
 * run: a full GC right before makes the engine's allocation-heavy run ~2× slower (measured), which is
 * not what a user sees.
 */
async function measure<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T; rss: number; heap: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > rss) rss = m.rss;
    if (m.heapUsed > heap) heap = m.heapUsed;
  }, 20);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  return { ms, result, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed) };
}

/**
 * A preload file that makes a child process write its peak RSS (bytes) to $PHULUC_MAXRSS_OUT on exit:
 * VmHWM from /proc/self/status (the peak of the process's own memory). Not getrusage's maxRSS: Linux
 * carries that over from the parent through fork and exec, so a child of a 500 MB process reads 500 MB.
 */
function maxRssHook(tmp: string): string {
  const hook = path.join(tmp, "maxrss-hook.js");
  fs.writeFileSync(hook, MAX_RSS_HOOK);
  return hook;
}

const MAX_RSS_HOOK =
  "process.on('exit',()=>{try{const fs=require('fs');let kb=process.resourceUsage().maxRSS;" +
  "try{const m=/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status','utf8'));if(m)kb=Number(m[1])}catch{}" +
  "const c=process.cpuUsage();fs.writeFileSync(process.env.PHULUC_MAXRSS_OUT,kb*1024+' '+(c.user+c.system)/1000)}catch{}});\n";

interface ChildRun {
  ms: number;
  /** The child's own CPU time (user + system, all its threads): steadier than wall time on a shared machine. */
  cpuMs: number;
  code: number | null;
  maxRss: number;
  stdoutBytes: number;
  stderr: string;
}

/**
 * Run a child with its stdout going to a file, as `phuluc check --json > report.json` does: a pipe to
 * this process would let a slow reader make the child buffer its output (and count that as its memory).
 */
function runChild(args: string[], tmp: string, cwd: string, into: "file" | "pipe" = "file"): ChildRun {
  const id = process.hrtime.bigint();
  const out = path.join(tmp, `rss-${id}.txt`);
  const stdoutFile = path.join(tmp, `stdout-${id}.txt`);
  const fd = fs.openSync(stdoutFile, "w");
  const t0 = performance.now();
  // "pipe": the child's stdout is a pipe read by `cat` (as in `phuluc check --json | jq`), not a file.
  const node = [process.execPath, "-r", maxRssHook(tmp), ...args];
  const r =
    into === "pipe"
      ? spawnSync("/bin/sh", ["-c", `"$@" | cat`, "sh", ...node], {
          cwd,
          env: { ...process.env, PHULUC_MAXRSS_OUT: out },
          stdio: ["ignore", fd, "pipe"],
          maxBuffer: 64 * 1024 * 1024,
          encoding: "buffer",
        })
      : spawnSync(node[0], node.slice(1), {
          cwd,
          env: { ...process.env, PHULUC_MAXRSS_OUT: out },
          stdio: ["ignore", fd, "pipe"],
          maxBuffer: 64 * 1024 * 1024,
          encoding: "buffer",
        });
  const ms = performance.now() - t0;
  fs.closeSync(fd);
  const [maxRss, cpuMs] = fs.existsSync(out) ? fs.readFileSync(out, "utf8").split(" ").map(Number) : [NaN, NaN];
  const stdoutBytes = fs.statSync(stdoutFile).size;
  fs.rmSync(stdoutFile, { force: true });
  return { ms, cpuMs, code: r.status, maxRss, stdoutBytes, stderr: r.stderr?.toString("utf8") ?? "" };
}

/** Best (minimum) time of the runs, wall and CPU; the highest peak RSS. */
function bestOf(all: ChildRun[]): ChildRun {
  const best = all.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, cpuMs: Math.min(...all.map((r) => r.cpuMs)), maxRss: Math.max(...all.map((r) => r.maxRss)) };
}

// ---------------------------------------------------------------------------------------------------
// Sections.

function engineBench(tasks: number, sheets: number): BenchFn {
  return async ({ log }) => {
    const per = Math.ceil(tasks / sheets);
    gc?.();
    const grids = Array.from({ length: sheets }, (_, i) => toGrid(appendixSheet(i, per)));
    const rows = grids.reduce((n, g) => n + g.values.length, 0);
    const options = { asOf: "2026-11-24", settings: defaultSettings() };
    // The first run is what a CLI call pays (cold JIT); the best of the later runs is the steady state.
    const cold = await measure(() => analyze(grids, options));
    let best = Infinity;
    let mem = { rss: cold.rss, heap: cold.heap };
    const taskCount = cold.result.tasks.length;
    for (let i = 0; i < 7; i++) {
      const m = await measure(() => analyze(grids, options));
      if (m.ms < best) best = m.ms;
      mem = { rss: Math.max(mem.rss, m.rss), heap: Math.max(mem.heap, m.heap) };
    }
    log(`${fmt(taskCount)} tasks, ${fmt(rows)} rows in ${sheets} sheets`);
    log(`steady state: ${best.toFixed(0)} ms → ${fmt((rows / best) * 1000)} rows/s (target ≥ 200,000)`);
    log(`first (cold) run: ${cold.ms.toFixed(0)} ms → ${fmt((rows / cold.ms) * 1000)} rows/s`);
    log(`peak RSS ${mb(mem.rss)}, peak heapUsed ${mb(mem.heap)}`);
  };
}

function cliBench(tasks: number, sheets: number, runs: number): BenchFn {
  return async ({ tmp, root, log }) => {
    const per = Math.ceil(tasks / sheets);
    const file = path.join(tmp, `bench-${tasks}.xlsx`);
    gc?.();
    const w = await measure(() =>
      writeWorkbook(
        file,
        Array.from({ length: sheets }, (_, i) => appendixSheet(i, per)),
      ),
    );
    log(
      `workbook: ${fmt(tasks)} tasks in ${sheets} sheets, ${mb(fs.statSync(file).size)} on disk (written in ${(w.ms / 1000).toFixed(1)} s)`,
    );

    const plainScript = path.join(tmp, "plain-read.js");
    fs.writeFileSync(
      plainScript,
      `const E=require(${JSON.stringify(require.resolve("exceljs"))});const wb=new E.Workbook();` +
        `wb.xlsx.readFile(process.argv[2]).then(()=>{let n=0;wb.eachSheet(ws=>{n+=ws.rowCount});process.stdout.write(String(n))});\n`,
    );
    const bin = path.join(root, "bin", "phuluc.js");
    // Interleaved, best of `runs` each: a busy machine slows all alike.
    const plainRuns: ChildRun[] = [];
    const checkRuns: ChildRun[] = [];
    const jsonRuns: ChildRun[] = [];
    const pipeRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      plainRuns.push(runChild([plainScript, file], tmp, root));
      checkRuns.push(runChild([bin, "check", file, "--as-of", "2026-11-24"], tmp, root));
      jsonRuns.push(runChild([bin, "check", file, "--json", "--as-of", "2026-11-24"], tmp, root));
      pipeRuns.push(runChild([bin, "check", file, "--json", "--as-of", "2026-11-24"], tmp, root, "pipe"));
    }
    const plain = bestOf(plainRuns);
    const check = bestOf(checkRuns);
    const json = bestOf(jsonRuns);
    const piped = bestOf(pipeRuns);
    for (const [what, r] of [
      ["check", check],
      ["check --json", json],
      ["check --json | cat", piped],
    ] as const)
      if (r.code !== 0 && r.code !== 1) log(`phuluc ${what} failed (exit ${r.code}): ${r.stderr.trim()}`);
    log(`plain ExcelJS full read (child): ${fmt(plain.ms)} ms, max RSS ${mb(plain.maxRss)}`);
    log(`phuluc check (child, text report): ${fmt(check.ms)} ms, max RSS ${mb(check.maxRss)}, exit ${check.code}`);
    log(`phuluc check --json (child): ${fmt(json.ms)} ms, max RSS ${mb(json.maxRss)}, exit ${json.code}, ${mb(json.stdoutBytes)} JSON`);
    log(`phuluc check --json | cat (child, into a pipe): ${fmt(piped.ms)} ms, max RSS ${mb(piped.maxRss)}, exit ${piped.code}`);
    log(`ratio check / plain read: ${(check.ms / plain.ms).toFixed(2)}× (target ≤ 0.6×); with --json ${(json.ms / plain.ms).toFixed(2)}×`);
    log(
      `CPU time (best): plain read ${fmt(plain.cpuMs)} ms, check ${fmt(check.cpuMs)} ms (${(check.cpuMs / plain.cpuMs).toFixed(2)}×), ` +
        `check --json ${fmt(json.cpuMs)} ms (${(json.cpuMs / plain.cpuMs).toFixed(2)}×)`,
    );
    if (tasks >= 100000)
      log(
        `peak RSS of check: ${mb(Math.max(check.maxRss, json.maxRss, piped.maxRss))} (target ≤ 300 MB at 100,000 tasks, to a file and into a pipe)`,
      );
  };
}

/** `phuluc summarize` as a child process, against a plain ExcelJS read + write of the same file. */
function summarizeBench(tasks: number, sheets: number, runs: number): BenchFn {
  return async ({ tmp, root, log }) => {
    const per = Math.ceil(tasks / sheets);
    const file = path.join(tmp, `bench-sum-${tasks}.xlsx`);
    await writeWorkbook(
      file,
      Array.from({ length: sheets }, (_, i) => appendixSheet(i, per)),
    );
    const plainScript = path.join(tmp, "plain-read-write.js");
    fs.writeFileSync(
      plainScript,
      `const E=require(${JSON.stringify(require.resolve("exceljs"))});const wb=new E.Workbook();` +
        `wb.xlsx.readFile(process.argv[2]).then(()=>wb.xlsx.writeFile(process.argv[3]));\n`,
    );
    const bin = path.join(root, "bin", "phuluc.js");
    const plainRuns: ChildRun[] = [];
    const sumRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      plainRuns.push(runChild([plainScript, file, path.join(tmp, `plain-out-${i}.xlsx`)], tmp, root));
      sumRuns.push(runChild([bin, "summarize", file, "-o", path.join(tmp, `sum-out-${i}.xlsx`), "--as-of", "2026-11-24"], tmp, root));
    }
    const plain = bestOf(plainRuns);
    const sum = bestOf(sumRuns);
    if (sum.code !== 0) log(`phuluc summarize failed (exit ${sum.code}): ${sum.stderr.trim()}`);
    log(`${fmt(tasks)} tasks in ${sheets} sheets`);
    log(`plain ExcelJS read + write (child): ${fmt(plain.ms)} ms, max RSS ${mb(plain.maxRss)}`);
    log(`phuluc summarize (child): ${fmt(sum.ms)} ms, max RSS ${mb(sum.maxRss)}, exit ${sum.code}`);
    log(`ratio summarize / plain read+write: ${(sum.ms / plain.ms).toFixed(2)}× (target ≤ 1.0×)`);
    const phases = (await summarizeXlsxBytes(fs.readFileSync(file), { asOf: "2026-11-24" })).timings;
    log(
      `in-process phases (ms): ${Object.entries(phases)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(", ")}`,
    );
  };
}

/** Reading through the Office.js adapter on the fake Excel: syncs and the largest payload. */
function officeReadBench(tasks: number, sheets: number): BenchFn {
  return async ({ log }) => {
    const r = await benchRead(tasks, sheets);
    log(`${fmt(tasks)} tasks in ${sheets} sheets through OfficeWorkbookPort.readSheets (fake Excel)`);
    log(
      `context.sync() calls: ${r.syncs}; queued operations: ${r.requests}; largest payload: ${(r.largestPayloadBytes / 1024 / 1024).toFixed(2)} MB (Excel on the web limit: 5 MB)`,
    );
    log(`read back: ${fmt(r.rows)} rows, ${fmt(r.cells)} cells`);
  };
}

/** Task pane bundle: gzip sizes of the production build (run `npm run build` first). */
const bundleBench: BenchFn = ({ root, log }) => {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(dist)) {
    log("no dist/ — run `npm run build` first to measure the bundle");
    return;
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = new Set([...html.matchAll(/src=["']?([^"' >]+\.js)/g)].map((m) => path.basename(m[1])));
  let initialGz = 0;
  for (const f of fs
    .readdirSync(dist)
    .filter((n) => n.endsWith(".js"))
    .sort()) {
    const buf = fs.readFileSync(path.join(dist, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    if (initial.has(f)) initialGz += gz;
    log(`${f}: ${(buf.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzip${initial.has(f) ? " (loaded first)" : ""}`);
  }
  log(`task pane first load: ${(initialGz / 1024).toFixed(0)} KB gzip (goal ≤ 200 KB)`);
  // The web app (index.html): the page and the scripts it names, before its first screen.
  const appHtml = path.join(dist, "index.html");
  if (fs.existsSync(appHtml)) {
    const page = fs.readFileSync(appHtml);
    const scripts = [...page.toString("utf8").matchAll(/src=["']?([^"' >]+\.js)/g)].map((m) => path.join(dist, path.basename(m[1])));
    const gz = [page, ...scripts.map((f) => fs.readFileSync(f))].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    log(`web app first load (index.html and its scripts): ${(gz / 1024).toFixed(1)} KB gzip (budget ≤ 120 KB, goal ≤ 100 KB)`);
  }
  // The report's .docx chunks (loaded on Tạo báo cáo): the renderer's chunk and the docx library's
  // vendors chunk, found by the Word media type they carry.
  const docxFiles = fs
    .readdirSync(dist)
    .filter((n) => n.endsWith(".js") && !initial.has(n))
    .filter((n) => fs.readFileSync(path.join(dist, n), "utf8").includes("officedocument.wordprocessingml.document"));
  const docxGz = docxFiles.reduce((sum, n) => sum + gzipSync(fs.readFileSync(path.join(dist, n)), { level: 9 }).length, 0);
  if (docxFiles.length) log(`report .docx chunks (${docxFiles.join(" + ")}), loaded on Tạo báo cáo: ${(docxGz / 1024).toFixed(0)} KB gzip`);
};

registerBench("engine", engineBench(20000, 4));
registerBench("engine-100k", engineBench(100000, 5));
registerBench("cli-20k", cliBench(20000, 4, 5));
registerBench("cli-100k", cliBench(100000, 5, 2));
registerBench("summarize-20k", summarizeBench(20000, 4, 3));
registerBench("summarize-100k", summarizeBench(100000, 5, 1));
registerBench("office-read-20k", officeReadBench(20000, 4));
registerBench("bundle", bundleBench);

/**
 * The task pane's analysis: before, one synchronous analyze call (the UI thread blocked throughout);
 * now analyzeSteps driven by the pane's runInSlices (SLICE_MS of work, then a new task). Prints the
 * longest synchronous slice and the number of slices, cold (first run, as a pane's first check) and warm.
 */
function paneSlicesBench(tasks: number, sheets: number): BenchFn {
  return async ({ log }) => {
    const per = Math.ceil(tasks / sheets);
    const grids = Array.from({ length: sheets }, (_, i) => toGrid(appendixSheet(i, per)));
    const options = { asOf: "2026-11-24", settings: defaultSettings() };
    const sliced = async () => {
      const slices: number[] = [];
      let start = performance.now();
      const t0 = start;
      const pause = () => {
        slices.push(performance.now() - start);
        return nextTask().then(() => void (start = performance.now()));
      };
      await runInSlices(analyzeSteps(grids, options), { pause, onProgress: () => undefined });
      slices.push(performance.now() - start);
      return { longest: Math.max(...slices), count: slices.length, wall: performance.now() - t0 };
    };
    const cold = await sliced();
    const whole = (await measure(() => analyze(grids, options))).ms;
    let warm = cold;
    for (let i = 0; i < 5; i++) {
      const r = await sliced();
      if (r.longest < warm.longest || warm === cold) warm = r;
    }
    log(`${fmt(tasks)} tasks in ${sheets} sheets, slice budget ${SLICE_MS} ms`);
    log(`before — one synchronous analyze call: ${whole.toFixed(0)} ms`);
    log(`sliced, first run: longest slice ${cold.longest.toFixed(1)} ms, ${cold.count} slices, ${cold.wall.toFixed(0)} ms in all`);
    log(
      `sliced, best of 5 later runs: longest slice ${warm.longest.toFixed(1)} ms, ${warm.count} slices, ${warm.wall.toFixed(0)} ms in all`,
    );
  };
}
registerBench("pane-slices", paneSlicesBench(100000, 5));

/**
 * Gộp báo cáo đơn vị at scale: a plan of `tasks` tasks led by `units` units is split (one copy per unit),
 * every copy gets its unit's edits (half its tasks marked done with a date, a result on every fourth), and
 * all the returns are merged back — in process (phases) and as `phuluc split` / `phuluc merge` children.
 */
function mergeBench(tasks: number, units: number, sheets: number, runs: number): BenchFn {
  return async ({ tmp, root, log }) => {
    const asOf = "2026-11-24";
    const settings = defaultSettings();
    const names = settings.units.map((u) => u.name);
    for (let i = 1; names.length < units; i++) names.push(`Tổ dân phố số ${i}`);
    settings.units = names.map((name) => ({ name, aliases: [] }));
    const per = Math.ceil(tasks / sheets);
    const grids = Array.from({ length: sheets }, (_, s) => {
      const sheet = appendixSheet(s, per);
      let k = 0;
      for (const row of sheet.rows) if (typeof row[0] === "number" && row.length === HEADER.length) row[3] = names[(s * per + k++) % units];
      return toGrid(sheet);
    });
    const plan = path.join(tmp, "merge-plan.xlsx");
    fs.writeFileSync(plan, await buildXlsx(grids, { store: { version: 1, settings, summarySheets: [], highlights: [], records: {} } }));
    log(`plan: ${fmt(tasks)} tasks in ${sheets} sheets, ${units} lead units, ${fmt(fs.statSync(plan).size / 1024)} KB on disk`);

    gc?.();
    const split = await measure(async () =>
      splitWorkbook(
        await XlsxWorkbookPort.fromBytes(fs.readFileSync(plan), "merge-plan.xlsx", { readOnly: true }),
        {
          asOf,
          planFile: "merge-plan.xlsx",
        },
        { writers: cliWriters },
      ),
    );
    const copies = split.result.files;
    log(`split in process: ${fmt(split.ms)} ms → ${copies.length} copies, ${fmt(copies.reduce((n, f) => n + f.tasks, 0))} tasks sent`);

    // Each unit fills its copy (through the file layer, as a person would in Excel).
    const returns: string[] = [];
    let edits = 0;
    const dir = path.join(tmp, "merge-returns");
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, copy] of copies.entries()) {
      const port = await XlsxWorkbookPort.fromBytes(copy.bytes, copy.fileName);
      const cGrids = await port.readSheets();
      const report = analyze(cGrids, { asOf, settings });
      const tables = readTaskTables(report, cGrids);
      const writes: CellWrite[] = [];
      report.tasks.forEach((t, k) => {
        if (k % 2) return;
        const cells = fillCells(tables.get(t.sheet)!, t.row);
        if (cells.status) writes.push({ sheet: t.sheet, cell: cells.status.cell, value: "Đã hoàn thành" });
        if (cells.doneDate)
          writes.push({ sheet: t.sheet, cell: cells.doneDate.cell, value: { date: "2026-11-20" }, numberFormat: "dd/mm/yyyy" });
        if (cells.outcome && k % 4 === 0)
          writes.push({ sheet: t.sheet, cell: cells.outcome.cell, value: `Đã báo cáo kết quả (${copy.unit})` });
      });
      edits += writes.length;
      await port.writeBatch(writes);
      const file = path.join(dir, `${String(i + 1).padStart(3, "0")}.xlsx`);
      fs.writeFileSync(file, await port.toBuffer());
      returns.push(file);
    }
    log(`returns: ${returns.length} files, ${fmt(edits)} cells edited by the units (some to the value the plan already has: no change)`);

    gc?.();
    const inProcess = await measure(async () => {
      const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(plan), "merge-plan.xlsx");
      const t0 = performance.now();
      const inputs = [];
      for (const f of returns)
        inputs.push({
          label: path.basename(f),
          port: await XlsxWorkbookPort.fromBytes(fs.readFileSync(f), path.basename(f), { readOnly: true }),
        });
      const review = await reviewReturns(port, inputs, { asOf });
      const t1 = performance.now();
      const applied = await applyMerge(port, review);
      const t2 = performance.now();
      const bytes = await port.toBuffer();
      const t3 = performance.now();
      return { review: t1 - t0, apply: t2 - t1, write: t3 - t2, proposal: review.proposal, applied, size: bytes.byteLength };
    });
    const r = inProcess.result;
    log(
      `merge in process: ${fmt(inProcess.ms)} ms (read + match + propose ${fmt(r.review)}, apply ${fmt(r.apply)}, package ${fmt(r.write)}), ` +
        `peak RSS ${mb(inProcess.rss)}, peak heapUsed ${mb(inProcess.heap)}`,
    );
    log(
      `proposed ${fmt(r.proposal.changes.length)} changes, ${fmt(r.proposal.conflicts.length)} conflicts; applied ${fmt(r.applied.applied)} (${fmt(r.applied.cells)} cells)`,
    );

    const bin = path.join(root, "bin", "phuluc.js");
    const splitRuns: ChildRun[] = [];
    const mergeRuns: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      splitRuns.push(runChild([bin, "split", plan, "-o", path.join(tmp, `split-out-${i}`), "--as-of", asOf], tmp, root));
      mergeRuns.push(runChild([bin, "merge", plan, ...returns, "-o", path.join(tmp, `merge-out-${i}.xlsx`), "--as-of", asOf], tmp, root));
    }
    const sc = bestOf(splitRuns);
    const mc = bestOf(mergeRuns);
    if (sc.code !== 0) log(`phuluc split failed (exit ${sc.code}): ${sc.stderr.trim()}`);
    if (mc.code !== 0) log(`phuluc merge exit ${mc.code}: ${mc.stderr.trim().slice(0, 300)}`);
    log(`phuluc split (child): ${fmt(sc.ms)} ms, max RSS ${mb(sc.maxRss)}, exit ${sc.code}`);
    log(`phuluc merge, ${returns.length} returns (child): ${fmt(mc.ms)} ms, max RSS ${mb(mc.maxRss)}, exit ${mc.code}`);
  };
}
registerBench("merge", mergeBench(5000, 100, 5, 2));

/**
 * The full store of issue 26, as a file to open in Excel (docs/first-run-in-excel.md, the store at scale):
 * a 5,000-task plan whose `_phuluc` holds 24 summaries' snapshots, one 4,000-cell merge and 15,000
 * highlights (made by the file adapter, so their fills are on the cells). Written to .bench/full-store.xlsx.
 */
registerBench("full-store", async ({ root, log }) => {
  const grid = appendixGrid(FULL_SHEET, FULL.tasks);
  const store = fullStore(grid);
  const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([grid], { store: { ...store, highlights: [] } }), "full-store.xlsx");
  await port.highlight(
    store.highlights.map((h) => ({ sheet: h.sheet, cell: h.cell, severity: h.appliedFill === HIGHLIGHT_FILL.error ? "error" : "warning" })),
  );
  const out = path.join(root, ".bench", "full-store.xlsx");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await port.toBuffer());
  const { store: written } = readStoreFile(port.workbook);
  const sizes = PART_KEYS.map((p) => `${p} ${partBytes(partValue(written, p)).toLocaleString("en")}`).join(", ");
  log(`${path.relative(root, out)}: ${FULL.tasks.toLocaleString("en")} tasks; the store's parts in bytes: ${sizes}`);
});
/** CPU milliseconds (user + system, all threads) since `from`. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
/** Heap in use after a full collection (the live data), in MB. */
const liveHeap = () => {
  gc?.();
  return mb(process.memoryUsage().heapUsed);
};

/** A 5,000-task plan led by one unit, and that unit's return with `rows` rows: its tasks filled in its own words, the rest rows it added. */
async function bigReturnFiles(tmp: string, rows: number): Promise<{ plan: string; ret: string; typed: number }> {
  const asOf = "2026-11-24";
  const settings = defaultSettings();
  const unit = "Phòng Văn hóa - Xã hội";
  const sheet = appendixSheet(0, 5000);
  for (const row of sheet.rows) if (typeof row[0] === "number" && row.length === HEADER.length) row[3] = unit;
  const plan = path.join(tmp, "big-plan.xlsx");
  fs.writeFileSync(
    plan,
    await buildXlsx([toGrid(sheet)], { store: { version: 1, settings, summarySheets: [], highlights: [], records: {} } }),
  );
  const split = await splitWorkbook(
    await XlsxWorkbookPort.fromBytes(fs.readFileSync(plan), "big-plan.xlsx", { readOnly: true }),
    {
      asOf,
      planFile: "big-plan.xlsx",
    },
    { writers: cliWriters },
  );
  const port = await XlsxWorkbookPort.fromBytes(split.files[0].bytes, split.files[0].fileName);
  const cGrids = await port.readSheets();
  const report = analyze(cGrids, { asOf, settings });
  const tables = readTaskTables(report, cGrids);
  const writes: CellWrite[] = [];
  const words = ["Đã xong", "đang làm, đạt khoảng 70%", "Hoàn thành 100%", "xong rồi"];
  report.tasks.forEach((t, k) => {
    const cells = fillCells(tables.get(t.sheet)!, t.row);
    if (cells.status) writes.push({ sheet: t.sheet, cell: cells.status.cell, value: words[k % words.length] });
    if (cells.doneDate && k % 2 === 0) writes.push({ sheet: t.sheet, cell: cells.doneDate.cell, value: `${(k % 28) + 1}/10/2026` });
  });
  const g = cGrids[0];
  let r = g.origin.row + g.values.length - 1;
  for (let i = report.tasks.length; i < rows; i++) {
    r++;
    const at = (col: string, value: string | number) => writes.push({ sheet: g.name, cell: `${col}${r}`, value });
    at("A", i + 1);
    at("B", `Nhiệm vụ đơn vị tự thêm số ${i + 1}: thống kê hồ sơ, số liệu của đơn vị`);
    at("D", unit);
    at("G", "31/12/2026");
    at("H", "Đang thực hiện");
  }
  await port.writeBatch(writes);
  const ret = path.join(tmp, "big-return.xlsx");
  fs.writeFileSync(ret, await port.toBuffer());
  return { plan, ret, typed: writes.length };
}

/**
 * A unit's return of `rows` rows (issue 21's case: the copy of a 5,000-task plan, its tasks filled in the
 * unit's own words, 195,000 rows added by the unit — each a task not in the plan, each a line of the log):
 * the merge itself (matching, proposing, deciding, writing, the record, the log sheet) timed apart from the
 * reading of the two files, in process, and `phuluc merge` as a child (time, peak RSS, what it wrote).
 */
function bigReturnBench(rows: number): BenchFn {
  return async ({ tmp, root, log }) => {
    const asOf = "2026-11-24";
    const { plan, ret, typed } = await bigReturnFiles(tmp, rows);
    log(
      `plan: 5,000 tasks (${fmt(fs.statSync(plan).size / 1024)} KB); one unit's return of ${fmt(rows)} rows, ${fmt(typed)} cells typed (${fmt(fs.statSync(ret).size / 1024)} KB)`,
    );
    const heap0 = liveHeap();
    let c = process.cpuUsage();
    let t = performance.now();
    const planPort = await XlsxWorkbookPort.fromBytes(fs.readFileSync(plan), "big-plan.xlsx");
    const retPort = await XlsxWorkbookPort.fromBytes(fs.readFileSync(ret), "big-return.xlsx", { readOnly: true });
    const p = await checkWorkbook(planPort, { asOf });
    const r = await checkWorkbook(retPort, { asOf, settings: p.settings });
    const record = parseUnitCopyRecord(await retPort.loadRecord(UNIT_COPY_KEY)).record;
    log(
      `reading and checking the two files: ${fmt(performance.now() - t)} ms (${fmt(cpuMs(c))} ms CPU); live heap ${heap0} → ${liveHeap()}`,
    );
    c = process.cpuUsage();
    t = performance.now();
    const proposal = proposeMerge({
      plan: { report: p.report, grids: p.grids },
      returns: [{ label: "big-return.xlsx", report: r.report, grids: r.grids, record }],
      settings: p.settings,
      columnLabels: returnsSheetText.columnLabels,
      asOf,
    });
    const propose = { ms: performance.now() - t, cpu: cpuMs(c) };
    c = process.cpuUsage();
    t = performance.now();
    const applied = await applyMerge(planPort, { proposal, report: p.report, settings: p.settings });
    const apply = { ms: performance.now() - t, cpu: cpuMs(c) };
    log(
      `the merge itself: ${fmt(propose.ms + apply.ms)} ms (${fmt(propose.cpu + apply.cpu)} ms CPU) — propose ${fmt(propose.ms)} ms, ` +
        `write + record + log sheet ${fmt(apply.ms)} ms; live heap after ${liveHeap()}`,
    );
    log(
      `proposed ${fmt(proposal.changes.length)} changes, ${fmt(proposal.conflicts.length)} conflicts; written ${fmt(applied.applied)}; ` +
        `waiting ${fmt(applied.undecided.length)}; package ${fmt((await planPort.toBuffer()).byteLength / 1024)} KB`,
    );
    const bin = path.join(root, "bin", "phuluc.js");
    const out = path.join(tmp, "big-merged.xlsx");
    const child = runChild([bin, "merge", plan, ret, "-o", out, "--as-of", asOf], tmp, root);
    log(
      `phuluc merge (child): ${fmt(child.ms)} ms, max RSS ${mb(child.maxRss)}, exit ${child.code}, wrote ${fs.existsSync(out) ? fmt(fs.statSync(out).size / 1024) : "—"} KB, ` +
        `printed ${fmt(child.stdoutBytes / 1024)} KB`,
    );
    if (child.code !== 0 && child.code !== 1) log(`phuluc merge failed: ${child.stderr.trim().slice(0, 300)}`);
    const check = runChild([bin, "check", ret, "--as-of", asOf], tmp, root);
    log(`for comparison, phuluc check of the return alone (child): ${fmt(check.ms)} ms, max RSS ${mb(check.maxRss)}`);
  };
}
registerBench("merge-200k", bigReturnBench(200000));

/**
 * phuluc consolidate at the country's scale: `communes` generated communes' workbooks of about `tasks` tasks
 * each (and `junk` files that are not workbooks) in a temporary folder, consolidated by the CLI as a child
 * process (worker threads across the cores; its peak RSS counts every thread). Targets: 3,321 communes of
 * ~150 tasks in ≤ 60 s, peak memory ≤ 1 GB.
 */
function consolidateBench(communes: number, tasks: number, junk: number): BenchFn {
  return async ({ tmp, root, log }) => {
    const dir = path.join(tmp, `communes-${communes}-${junk}`);
    fs.mkdirSync(dir, { recursive: true });
    const t0 = performance.now();
    let bytes = 0;
    for (let i = 0; i < communes; i++) {
      const plan = generatedCommune(i, tasks);
      const data = fastXlsx(communePlan(plan));
      bytes += data.length;
      fs.writeFileSync(path.join(dir, `${String(i + 1).padStart(4, "0")}-${communeFileName(plan)}`), data);
    }
    for (let j = 0; j < junk; j++) fs.writeFileSync(path.join(dir, `khac-${j}${[".txt", ".pdf", ".docx", ".xlsx"][j % 4]}`), junkFile(j));
    log(
      `${fmt(communes)} communes × ${tasks} tasks (${mb(bytes)} of workbooks)` +
        (junk ? ` + ${fmt(junk)} files that are not workbooks` : "") +
        `, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const out = path.join(tmp, `tong-hop-${communes}.xlsx`);
    const bin = path.join(root, "bin", "phuluc.js");
    const cpuOut = path.join(tmp, `cpu-${communes}.txt`);
    const cpuHook = path.join(tmp, "cpu-hook.js");
    fs.writeFileSync(
      cpuHook,
      "process.on('exit',()=>{const u=process.resourceUsage();require('fs').writeFileSync(process.env.PHULUC_CPU_OUT,String(u.userCPUTime+u.systemCPUTime))});\n",
    );
    process.env.PHULUC_CPU_OUT = cpuOut;
    const r = runChild(["-r", cpuHook, bin, "consolidate", dir, "-o", out, "--as-of", "2026-11-24", "--json"], tmp, root);
    delete process.env.PHULUC_CPU_OUT;
    const cpu = Number(fs.readFileSync(cpuOut, "utf8")) / 1e6;
    const secs = r.ms / 1000;
    log(
      `phuluc consolidate (child, ${os.availableParallelism?.() ?? os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}): ` +
        `${secs.toFixed(1)} s, ${cpu.toFixed(1)} s of CPU (all threads), exit ${r.code}, max RSS ${mb(r.maxRss)} (all threads)`,
    );
    log(
      `${fmt(communes / secs)} communes/s; ${fmt((communes + junk) / secs)} files/s; JSON ${mb(r.stdoutBytes)}, workbook ${mb(fs.statSync(out).size)}`,
    );
    log(`targets: ≤ 60 s (${secs <= 60 ? "met" : "MISSED"}), peak memory ≤ 1 GB (${r.maxRss <= 1024 ** 3 ? "met" : "MISSED"})`);
    if (r.code !== 0 && r.code !== 1) log(`failed: ${r.stderr.trim().slice(0, 300)}`);
  };
}

/** A file that is not a workbook: text, a PDF's head, a Word document's zip, an empty file, a cut-off workbook. */
function junkFile(j: number): Uint8Array {
  switch (j % 5) {
    case 0:
      return Buffer.from(`Ghi chú số ${j}: danh sách xã đã nộp báo cáo.\n`.repeat(20));
    case 1:
      return Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 7)]);
    case 2:
      return Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from("word/document.xml"), ...Buffer.alloc(400)]);
    case 3:
      return new Uint8Array(0);
    default:
      return fastXlsx(communePlan(generatedCommune(j, 5))).subarray(0, 300);
  }
}

registerBench("consolidate", consolidateBench(3321, 150, 0));
registerBench("consolidate-10k", consolidateBench(5000, 150, 5000));

// ---------------------------------------------------------------------------------------------------

export async function runBenches(only: string[] = []): Promise<void> {
  // PHULUC_BENCH_ROOT: measure another checkout's built CLI with this bench (a before/after comparison).
  const root =
    process.env.PHULUC_BENCH_ROOT ?? path.resolve(__dirname, fs.existsSync(path.join(__dirname, "..", "package.json")) ? ".." : "../..");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  process.stdout.write(
    `phuluc bench — Node ${process.version}, ${os.cpus().length} CPU, ${mb(os.totalmem())} RAM${gc ? "" : " (run with --expose-gc for steadier memory figures)"}\n`,
  );
  try {
    for (const b of benches) {
      if (only.length && !only.includes(b.name)) continue;
      process.stdout.write(`\n[${b.name}]\n`);
      try {
        await b.fn({ tmp, root, log: (l) => process.stdout.write("  " + l + "\n") });
      } catch (e) {
        process.stdout.write(`  failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) void runBenches(process.argv.slice(2));
