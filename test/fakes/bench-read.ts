/**
 * Benchmark hook: a 20,000-task workbook (4 appendices × 5,000 tasks, 10 columns) in the fake Excel,
 * read through OfficeWorkbookPort.readSheets. Returns what `npm run bench` reports.
 */
import { OfficeWorkbookPort } from "../../src/excel/port";
import { appendixGrid, fakeWorkbook } from "./fake-workbook";

export interface BenchReadResult {
  /** context.sync() calls. */
  syncs: number;
  /** Largest request or response of one sync, JSON bytes (Excel on the web's limit is 5 MB). */
  largestPayloadBytes: number;
  /** Operations queued (loads, sets, method calls) over all syncs. */
  requests: number;
  /** Rows and cells handed to the core (a check that everything was read). */
  rows: number;
  cells: number;
}

export async function benchRead(tasks = 20_000, sheets = 4): Promise<BenchReadResult> {
  const per = Math.ceil(tasks / sheets);
  const grids = Array.from({ length: sheets }, (_, i) => appendixGrid(`PL ${i + 1}`, Math.min(per, tasks - i * per)));
  const fake = fakeWorkbook(grids);
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  const read = await port.readSheets();
  let rows = 0;
  let cells = 0;
  for (const g of read) {
    rows += g.values.length;
    for (const r of g.values) cells += r.length;
  }
  return { syncs: fake.stats.syncs, largestPayloadBytes: fake.stats.largestPayloadBytes, requests: fake.stats.ops, rows, cells };
}
