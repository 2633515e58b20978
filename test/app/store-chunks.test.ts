/**
 * The store is kept in cells of at most STORE_CHUNK characters; a cut inside a surrogate pair (an emoji in
 * a unit's alias) sends half a character into each cell, and Excel on the web — or an XML writer — turns
 * each half into U+FFFD. The cut is made on code points, so every character comes back, through both
 * adapters, wherever the cut falls.
 */
import { defaultSettings, type Settings } from "../../src/core/settings";
import type { WorkbookPort } from "../../src/core/port";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";

const plan = () =>
  new GridBuilder("PL I").title("PHỤ LỤC I").header().task({ stt: 1, content: "Việc", lead: "Công an xã", deadline: "30/11/2026" });

/** A unit whose alias is long and full of emoji: whatever the prefix, some cut at a chunk boundary falls inside a pair. */
function settingsWithEmoji(pad: number): Settings {
  const s = defaultSettings();
  return { ...s, units: [{ name: "Công an xã", aliases: ["a".repeat(pad) + "🚓".repeat(20000)] }, ...s.units.slice(1)] };
}

async function roundTrip(port: WorkbookPort, settings: Settings): Promise<Settings> {
  await port.saveSettings(settings);
  const loaded = await port.loadSettings();
  expect(loaded.warning).toBeUndefined();
  return loaded.settings;
}

describe.each([0, 1])("an alias of emoji after %i characters", (pad) => {
  test("Office.js adapter (the fake turns half a pair into U+FFFD, as Excel on the web does)", async () => {
    const fake = fakeWorkbook([plan()]);
    const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
    const settings = settingsWithEmoji(pad);
    expect(await roundTrip(port, settings)).toEqual(settings);
  });

  test("file adapter, through the saved file", async () => {
    const settings = settingsWithEmoji(pad);
    const port = await XlsxWorkbookPort.fromBytes(await buildXlsx([plan()]), "a.xlsx");
    expect(await roundTrip(port, settings)).toEqual(settings);
    const again = await XlsxWorkbookPort.fromBytes(await port.toBuffer(), "b.xlsx");
    expect((await again.loadSettings()).settings).toEqual(settings);
  });
});
