/**
 * Running the built CLI (bin/phuluc.js) on hostile files as a child process, with what it cost: wall
 * time and peak RSS (read by a preload hook from the child's own resource usage), and the table the
 * issue's closing note asks for (class, case, outcome, time, RSS).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
/** The CLI under test; PHULUC_HOSTILE_BIN runs the corpus against another build (a "before" table). */
const BIN = process.env.PHULUC_HOSTILE_BIN ?? path.join(ROOT, "bin", "phuluc.js");

/** The bounds the issue sets for any input (CLI, 2 cores). */
export const LIMIT_MS = 30_000;
export const LIMIT_RSS_MB = 1024;

export interface Outcome {
  code: number | null;
  out: string;
  err: string;
  /** Wall time, and the child's own CPU time (user + system: what it costs, however busy the machine is). */
  ms: number;
  cpuMs: number;
  rssMb: number;
}

let hookDir: string | null = null;
/** Preload scripts by name, written once per run into a temporary folder. */
export function preload(name: string, source: string): string {
  hookDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-hostile-hooks-"));
  const p = path.join(hookDir, name);
  if (!fs.existsSync(p)) fs.writeFileSync(p, source);
  return p;
}

/**
 * Peak RSS (kB) written at exit: VmHWM from /proc/self/status, the process's own peak. getrusage's
 * maxRSS is not used: Linux carries it over from the parent (this test worker) through fork and exec.
 */
const RSS_HOOK =
  "process.on('exit',()=>{try{const fs=require('fs');let kb=process.resourceUsage().maxRSS;" +
  "try{const m=/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status','utf8'));if(m)kb=Number(m[1])}catch{}" +
  "const c=process.cpuUsage();fs.writeFileSync(process.env.PHULUC_RSS_OUT,kb+' '+(c.user+c.system)/1000)}catch{}});\n";

export interface RunOptions {
  /** More preload scripts (e.g. a disk that fills up). */
  require?: string[];
  env?: Record<string, string>;
  /** A shell pipeline after phuluc's stdout (e.g. "head -c 100"): stdout is then what the pipeline printed. */
  pipeTo?: string;
}

/** `phuluc ARGS` as a child process; stdout and stderr as text, the time and peak RSS it took. */
export function runCli(args: string[], options: RunOptions = {}): Outcome {
  const rssFile = path.join(os.tmpdir(), `phuluc-rss-${process.pid}-${process.hrtime.bigint()}.txt`);
  const node = [process.execPath, "-r", preload("rss.js", RSS_HOOK), ...(options.require ?? []).flatMap((r) => ["-r", r]), BIN, ...args];
  const env = { ...process.env, ...options.env, PHULUC_RSS_OUT: rssFile };
  const t0 = performance.now();
  const r = options.pipeTo
    ? spawnSync("/bin/bash", ["-c", `"$@" | ${options.pipeTo}; exit \${PIPESTATUS[0]}`, "bash", ...node], {
        cwd: ROOT,
        env,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(node[0], node.slice(1), { cwd: ROOT, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  let rssMb = NaN;
  let cpuMs = NaN;
  try {
    const [kb, cpu] = fs.readFileSync(rssFile, "utf8").split(" ").map(Number);
    rssMb = kb / 1024;
    cpuMs = cpu;
    fs.rmSync(rssFile, { force: true });
  } catch {
    /* the child died before its exit hook */
  }
  return { code: r.status, out: r.stdout ?? "", err: r.stderr ?? "", ms, cpuMs, rssMb };
}

/**
 * What every hostile run must hold: inside the bounds, and stderr in plain lines (no stack, never the
 * "unexpected" line). Time is the child's CPU time: on a machine shared with other work the wall clock
 * measures the others too (the table shows both).
 */
export function expectBounded(o: Outcome): void {
  expect(o.cpuMs).toBeLessThanOrEqual(LIMIT_MS);
  expect(o.rssMb).toBeLessThanOrEqual(LIMIT_RSS_MB);
  expect(o.code === 0 || o.code === 1 || o.code === 2).toBe(true);
  for (const line of o.err.split("\n").filter(Boolean)) {
    expect(line).toMatch(/^(phuluc|Cảnh báo): /);
    expect(line).not.toMatch(/Lỗi không mong muốn|Unexpected error|\bat .+:\d+:\d+|Error:/);
  }
}

/** A one-line refusal: exit 2, exactly one line on stderr, matching `words`. */
export function expectRefused(o: Outcome, words: RegExp): void {
  expectBounded(o);
  expect({ code: o.code, err: o.err }).toEqual({ code: 2, err: expect.stringMatching(words) });
  expect(o.err.trim().split("\n")).toHaveLength(1);
}

export interface TableRow {
  group: string;
  name: string;
  outcome: string;
  ms: number;
  cpuMs: number;
  rssMb: number;
}

const table: TableRow[] = [];

/** Record a run for the corpus table. */
export function record(group: string, name: string, o: Outcome, outcome?: string): void {
  const said =
    o.err
      .trim()
      .split("\n")[0]
      ?.replace(/^phuluc: /, "") ?? "";
  const outcomeText = outcome ?? `exit ${o.code}${said ? ` — ${said.replace(/"[^"]*\/([^"/]+)"/g, '"$1"').slice(0, 90)}` : ""}`;
  table.push({ group, name, outcome: outcomeText, ms: o.ms, cpuMs: o.cpuMs, rssMb: o.rssMb });
}

/** The table as Markdown (printed after the suite, and written to the system's temporary folder). */
export function tableMarkdown(): string {
  const lines = ["| class | case | outcome | CPU time | wall time | peak RSS |", "|---|---|---|---|---|---|"];
  for (const r of table) {
    const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    lines.push(`| ${r.group} | ${r.name} | ${r.outcome.replace(/\|/g, "/")} | ${sec(r.cpuMs)} | ${sec(r.ms)} | ${r.rssMb.toFixed(0)} MB |`);
  }
  return lines.join("\n");
}

export function flushTable(): void {
  if (!table.length) return;
  const file = path.join(os.tmpdir(), "phuluc-hostile-corpus.md");
  fs.writeFileSync(file, tableMarkdown() + "\n");
  if (process.env.PHULUC_HOSTILE_TABLE) process.stdout.write(`\n${tableMarkdown()}\n(${file})\n`);
}
