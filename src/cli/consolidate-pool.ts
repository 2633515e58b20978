/**
 * The CLI's runner for `phuluc consolidate`: the files read across the machine's cores by worker threads,
 * each holding one workbook at a time and handing back only its numbers, which come out as an async
 * stream in the order they finish. A worker that dies (out of the memory it is allowed) or takes too long on
 * one file is replaced, and that file is left out with its reason: one file never stops the run. Without a
 * compiled worker script (the tests run the sources), or with one file, the files are read in process.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { FileRead } from "../core/consolidate/reads";
import { readCommuneFile, type Target } from "./consolidate-file";
import type { WorkerJob } from "./consolidate-worker";

export interface PoolOptions {
  asOf: string;
  /** Worker threads (default: the cores, at most MAX_WORKERS); 0 reads in process. */
  workers?: number;
  /** Longest one file may take (default FILE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The compiled worker script (default: beside this file, when it is compiled). */
  workerScript?: string | null;
  /** Called after each file (the progress bar). */
  onRead?: (done: number) => void;
}

export const MAX_WORKERS = 8;
export const FILE_TIMEOUT_MS = 120_000;
/** Heap a worker may use: a file that needs more is left out (too_large), the others go on. */
const WORKER_HEAP_MB = 384;

/** The worker script beside this module when it runs compiled (lib/src/cli), else null. */
export function defaultWorkerScript(): string | null {
  const js = path.join(__dirname, "consolidate-worker.js");
  return __filename.endsWith(".js") && fs.existsSync(js) ? js : null;
}

export function defaultWorkers(): number {
  const env = Number(process.env.PHULUC_WORKERS);
  if (Number.isInteger(env) && env >= 0) return Math.min(env, MAX_WORKERS);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}

/** Every target read, in the order they finish. */
export function readTargets(targets: readonly Target[], options: PoolOptions): AsyncIterable<FileRead> {
  const script = options.workerScript === undefined ? defaultWorkerScript() : options.workerScript;
  const workers = Math.min(options.workers ?? defaultWorkers(), targets.length);
  if (!script || workers <= 1) return inProcess(targets, options);
  return new WorkerPool(targets, options, script, workers);
}

async function* inProcess(targets: readonly Target[], options: PoolOptions): AsyncGenerator<FileRead> {
  let done = 0;
  for (const t of targets) {
    yield await readCommuneFile(t, options.asOf);
    done++;
    options.onRead?.(done);
  }
}

interface Slot {
  worker: Worker;
  job: WorkerJob | null;
  timer: NodeJS.Timeout | null;
}

class WorkerPool implements AsyncIterable<FileRead> {
  private next = 0;
  private done = 0;
  private readonly ready: FileRead[] = [];
  private wake: (() => void) | null = null;
  private readonly slots = new Set<Slot>();

  constructor(
    private readonly targets: readonly Target[],
    private readonly options: PoolOptions,
    private readonly script: string,
    private readonly size: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<FileRead> {
    for (let i = 0; i < this.size; i++) this.spawn();
    try {
      while (this.done < this.targets.length) {
        if (!this.ready.length) await new Promise<void>((r) => (this.wake = r));
        while (this.ready.length) yield this.ready.shift()!;
      }
    } finally {
      for (const s of this.slots) void s.worker.terminate();
      this.slots.clear();
    }
  }

  private spawn(): void {
    const worker = new Worker(this.script, {
      workerData: { asOf: this.options.asOf },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, job: null, timer: null };
    this.slots.add(slot);
    worker.on("message", (m: { id: number; read: FileRead }) => {
      if (slot.job?.id === m.id) this.finish(slot, m.read);
      this.feed(slot);
    });
    worker.on("error", (e) =>
      this.lost(slot, (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY" ? "too_large" : "read_failed", e),
    );
    worker.on("exit", () => this.lost(slot, "read_failed", null));
    this.feed(slot);
  }

  private feed(slot: Slot): void {
    if (this.next >= this.targets.length) {
      if (this.slots.delete(slot)) void slot.worker.terminate();
      return;
    }
    const job = { id: this.next, target: this.targets[this.next++] };
    slot.job = job;
    slot.timer = setTimeout(() => this.timedOut(slot), this.options.timeoutMs ?? FILE_TIMEOUT_MS);
    slot.worker.postMessage(job);
  }

  private finish(slot: Slot, read: FileRead): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    this.ready.push(read);
    // counted apart from the call: `onRead?.(++done)` would skip the count when there is no onRead
    this.done++;
    this.options.onRead?.(this.done);
    this.wake?.();
    this.wake = null;
  }

  private timedOut(slot: Slot): void {
    const job = slot.job;
    if (!job || !this.slots.delete(slot)) return;
    this.finish(slot, { kind: "skipped", file: job.target.file, reason: "timed_out" });
    void slot.worker.terminate();
    this.spawn();
  }

  /** The worker died: its file is left out, and another worker takes over the rest. */
  private lost(slot: Slot, reason: "too_large" | "read_failed", e: unknown): void {
    if (!this.slots.delete(slot)) return;
    const job = slot.job;
    if (job) {
      const code = e instanceof Error ? e.message.slice(0, 200) : undefined;
      this.finish(slot, { kind: "skipped", file: job.target.file, reason, ...(code && reason === "read_failed" ? { code } : {}) });
    }
    if (this.next < this.targets.length) this.spawn();
  }
}
