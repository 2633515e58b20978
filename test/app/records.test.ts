/**
 * phuluc's keyed records in the workbook (`_phuluc`), through every adapter: a record saved is read back,
 * other records and the settings are kept, undefined removes it, and the file keeps it (CLI / preview).
 */
import { defaultSettings } from "../../src/core/settings";
import type { WorkbookPort } from "../../src/core/port";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";

const plan = () =>
  new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" });

async function roundTrip(port: WorkbookPort) {
  const settings = { ...defaultSettings(), communeName: "UBND xã B" };
  await port.saveSettings(settings);
  expect(await port.loadRecord("snapshots")).toBeUndefined();
  await port.saveRecord("snapshots", [{ asOf: "2026-11-24", tasks: ["a", "b"] }]);
  await port.saveRecord("mergeUndo", { cells: 3 });
  expect(await port.loadRecord("snapshots")).toEqual([{ asOf: "2026-11-24", tasks: ["a", "b"] }]);
  expect(await port.loadRecord("mergeUndo")).toEqual({ cells: 3 });
  expect((await port.loadSettings()).settings.communeName).toBe("UBND xã B");
  await port.saveRecord("mergeUndo", undefined);
  expect(await port.loadRecord("mergeUndo")).toBeUndefined();
  expect(await port.loadRecord("snapshots")).toHaveLength(1);
}

test("Office.js adapter (fake Excel)", async () => {
  const fake = fakeWorkbook([plan()]);
  await roundTrip(new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported }));
});

test("file adapter, and the saved file keeps the records", async () => {
  const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([plan()]), "a.xlsx");
  await roundTrip(port);
  const again = await XlsxWorkbookPort.fromBytes(await port.toBuffer(), "b.xlsx");
  expect(await again.loadRecord("snapshots")).toEqual([{ asOf: "2026-11-24", tasks: ["a", "b"] }]);
  expect((await again.loadSettings()).settings.communeName).toBe("UBND xã B");
});
