/**
 * @jest-environment jsdom
 */
/**
 * Workbooks saved before the store's format 2 hold the whole store as JSON down column A (format 1). Both
 * adapters read it, and the first write migrates it — every part kept, column A left with the head only —
 * including a full store of that format at Excel on the web's limit.
 */
import { defaultSettings } from "../../src/core/settings";
import { SNAPSHOTS_KEY, decodeBook } from "../../src/core/snapshot";
import { STORE_BUDGET_BYTES } from "../../src/core/store-budget";
import { PART_KEYS, partBytes, partValue, STORE_SHEET, type Store } from "../../src/core/store";
import type { WorkbookPort } from "../../src/core/port";
import { createCommands } from "../../src/commands/run-commands";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { readStoreFile } from "../../src/xlsx/store";
import { PAYLOAD_LIMIT, type FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { FULL_SHEET, fullStore } from "../support/full-store";
import { GridBuilder } from "../support/grid-builder";
import { fakeStoreOf, legacyChunks } from "../support/store-cells";
import { buildXlsx } from "../support/xlsx-builder";
import { appendixGrid } from "../fakes/fake-workbook";

const plan = () =>
  new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" });

function oldStore(): Store {
  return {
    version: 1,
    settings: { ...defaultSettings(), communeName: "UBND xã Cũ" },
    summarySheets: [{ name: "Tổng hợp", key: "summary_main", marker: "phuluc.summary" }],
    highlights: [{ sheet: "PL I", cell: "D4", previousFill: null, appliedFill: "FFC7CE" }],
    records: { [SNAPSHOTS_KEY]: { v: 1, next: 1, cat: { sheets: [], groups: [], tasks: {} }, snaps: [] }, mergeUndo: { cells: 3 } },
  };
}

async function readsAndMigrates(port: WorkbookPort, after: () => { format: string; store: Store }) {
  expect((await port.loadSettings()).settings.communeName).toBe("UBND xã Cũ");
  expect(await port.loadRecord("mergeUndo")).toEqual({ cells: 3 });
  expect((await port.readSheets()).map((g) => g.name)).toEqual(["PL I"]); // the recorded summary is skipped
  await port.saveRecord("mergeUndo", { cells: 4 });
  const { format, store } = after();
  expect(format).toBe("v2");
  expect(store.settings?.communeName).toBe("UBND xã Cũ");
  expect(store.summarySheets).toEqual(oldStore().summarySheets);
  expect(store.highlights).toEqual(oldStore().highlights);
  expect(store.records).toEqual({ ...oldStore().records, mergeUndo: { cells: 4 } });
}

test("Office.js adapter: format 1 read, migrated by the first write, nothing lost; column A keeps the head only", async () => {
  const fake = fakeWorkbook([plan(), new GridBuilder("Tổng hợp").row(["tổng hợp cũ"])], { storeChunks: legacyChunks(oldStore()) });
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  await readsAndMigrates(port, () => fakeStoreOf(fake.model));
  expect(fake.model.sheet(STORE_SHEET).cell(2, 1)?.value ?? null).toBeNull();
  await port.clearHighlights(); // the migrated highlight is still phuluc's to clear
  expect(fakeStoreOf(fake.model).store.highlights).toEqual([]);
});

test("file adapter: format 1 read, written back in format 2, nothing lost", async () => {
  const bytes = await buildXlsx([plan(), new GridBuilder("Tổng hợp").row(["tổng hợp cũ"])], { storeChunks: legacyChunks(oldStore()) });
  const port = await XlsxWorkbookPort.fromBytes(bytes, "cu.xlsx");
  await readsAndMigrates(port, () => readStoreFile(port.workbook));
  const again = await XlsxWorkbookPort.fromBytes(await port.toBuffer(), "moi.xlsx");
  expect(readStoreFile(again.workbook).format).toBe("v2");
  expect(await again.loadRecord("mergeUndo")).toEqual({ cells: 4 });
});

describe("a full store of format 1 (4.5 MB down column A) at the web's limit", () => {
  const setup = () => {
    const grid = appendixGrid(FULL_SHEET, 5000);
    const fake = fakeWorkbook([grid], { storeChunks: legacyChunks(fullStore(grid)) });
    return fake;
  };
  const ribbon = async (fake: FakeExcel, name: string) => {
    const told: string[] = [];
    const handlers = createCommands({
      port: () => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported }),
      today: () => "2026-11-24",
      notify: async (m, k) => void told.push(`${k}: ${m}`),
    });
    await handlers[name]({ completed: () => undefined });
    return told;
  };

  test.each([["validateWorkbook"], ["buildSummary"], ["clearHighlights"]])(
    "%s works, migrates the store, and stays under 5,000,000 bytes",
    async (name) => {
      const fake = setup();
      const told = await ribbon(fake, name);
      expect(told[0]).toMatch(/^ok: /);
      expect(fake.stats.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      const { format, store } = fakeStoreOf(fake.model);
      expect(format).toBe("v2");
      const total = PART_KEYS.reduce((n, p) => n + partBytes(partValue(store, p)), 0);
      expect(total).toBeLessThanOrEqual(STORE_BUDGET_BYTES);
      const snapshots = decodeBook(store.records[SNAPSHOTS_KEY]).book.snapshots;
      if (name === "buildSummary") {
        // A new plan's snapshot (5,000 new task texts) takes room: the oldest snapshots made it.
        expect(snapshots[snapshots.length - 1].asOf).toBe("2026-11-24");
        expect(snapshots.length).toBeLessThan(24);
      } else expect(snapshots).toHaveLength(24);
    },
    300_000,
  );
});

test("a store of format 1 bigger than one response (30,000 highlights, 5.6 MB, as desktop Excel could write it) is read in pieces and migrated", async () => {
  const grid = appendixGrid(FULL_SHEET, 5000);
  const big = fullStore(grid);
  const more = big.highlights.map((h) => ({ ...h, cell: h.cell.replace(/\d+$/, (r) => String(Number(r) + 1)) }));
  const store = { ...big, highlights: [...big.highlights, ...more] };
  const chunks = legacyChunks(store);
  expect(Buffer.byteLength(JSON.stringify(chunks))).toBeGreaterThan(PAYLOAD_LIMIT);
  const fake = fakeWorkbook([grid], { storeChunks: chunks });
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  expect((await port.loadSettings()).warning).toBeUndefined();
  expect((await port.readSheets()).map((g) => g.name)).toEqual([FULL_SHEET]);
  await port.saveSettings({ ...defaultSettings(), communeName: "UBND xã Mới" });
  // Excel refused the first reads for their size (how the adapter knows to read in pieces)…
  expect(fake.stats.log.some((s) => s.responseBytes > PAYLOAD_LIMIT)).toBe(true);
  // …and once migrated, the store is read in one exchange well under the limit.
  fake.stats.reset();
  expect((await port.loadSettings()).settings.communeName).toBe("UBND xã Mới");
  await port.readSheets();
  expect(fake.stats.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  const after = fakeStoreOf(fake.model);
  expect(after.format).toBe("v2");
  expect(after.store.highlights).toHaveLength(store.highlights.length);
  expect(after.store.settings?.communeName).toBe("UBND xã Mới");
}, 300_000);
