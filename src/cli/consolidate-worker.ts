/**
 * A worker thread of `phuluc consolidate`: it reads the files it is handed one at a time — one workbook in
 * memory at once — and posts back only the commune's numbers (or why the file was left out).
 */
import { parentPort, workerData } from "worker_threads";
import { readCommuneFile, type Target } from "./consolidate-file";

export interface WorkerJob {
  id: number;
  target: Target;
}

const asOf = (workerData as { asOf: string }).asOf;

parentPort?.on("message", (job: WorkerJob) => {
  void readCommuneFile(job.target, asOf).then((read) => parentPort!.postMessage({ id: job.id, read }));
});
