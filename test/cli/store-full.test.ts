/**
 * The CLI keeps the store within the same budget as the add-in (src/core/store-budget.ts): a file whose
 * store is full loses its oldest snapshots to a new summary; a store that cannot fit even so (settings of
 * megabytes) gets one line and exit 2, the input untouched and nothing written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultSettings } from "../../src/core/settings";
import { decodeBook, SNAPSHOTS_KEY } from "../../src/core/snapshot";
import { STORE_BUDGET_BYTES } from "../../src/core/store-budget";
import { emptyStore, PART_KEYS, partBytes, partValue } from "../../src/core/store";
import { readStoreFile } from "../../src/xlsx/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { appendixGrid } from "../fakes/fake-workbook";
import { runMain } from "../support/cli-io";
import { FULL, FULL_SHEET, fullStore } from "../support/full-store";
import { buildXlsx, makeTempDir, removeTempDir } from "../support/xlsx-builder";

let dir = "";
beforeEach(() => (dir = makeTempDir("phuluc-store-full-")));
afterEach(() => removeTempDir(dir));

test("summarize on a full store: the summary is written, the oldest snapshots make room, the store stays within budget", async () => {
  const grid = appendixGrid(FULL_SHEET, FULL.tasks);
  const input = path.join(dir, "ke-hoach.xlsx");
  fs.writeFileSync(input, await buildXlsx([grid], { store: fullStore(grid) }));
  const out = path.join(dir, "tong-hop.xlsx");
  const r = await runMain(["summarize", input, "-o", out, "--as-of", "2026-11-24"]);
  expect(r.code).toBe(0);
  const { store } = readStoreFile(XlsxWorkbook.open(fs.readFileSync(out), "tong-hop.xlsx"));
  expect(PART_KEYS.reduce((n, p) => n + partBytes(partValue(store, p)), 0)).toBeLessThanOrEqual(STORE_BUDGET_BYTES);
  const snapshots = decodeBook(store.records[SNAPSHOTS_KEY]).book.snapshots;
  expect(snapshots[snapshots.length - 1].asOf).toBe("2026-11-24");
  expect(snapshots.length).toBeLessThan(FULL.snapshots);
  expect(store.records.merges).toEqual(fullStore(grid).records.merges); // the merges' logs are not touched while snapshots can go
}, 120_000);

test("a store that cannot fit (settings of 3.3 MB, a hand-made store): one line, exit 2, nothing written", async () => {
  const grid = appendixGrid(FULL_SHEET, 20);
  const units = Array.from({ length: 1000 }, (_, i) => ({
    name: `Đơn vị số ${i} của xã An Hòa`,
    aliases: [`Tên cũ số ${i} `.repeat(300)],
  }));
  const settings = { ...defaultSettings(), units };
  expect(partBytes(settings)).toBeGreaterThan(STORE_BUDGET_BYTES);
  const input = path.join(dir, "ke-hoach.xlsx");
  const bytes = await buildXlsx([grid], { store: { ...emptyStore(), settings } });
  fs.writeFileSync(input, bytes);
  const out = path.join(dir, "tong-hop.xlsx");
  const r = await runMain(["summarize", input, "-o", out, "--as-of", "2026-11-24"]);
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toContain("_phuluc của tệp đã đầy");
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readFileSync(input).equals(bytes)).toBe(true);
}, 120_000);
