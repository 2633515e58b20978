/** Settings in `_phuluc`, select, writeCells (text stays text) through the Office.js adapter. */
import { defaultSettings } from "../../src/core/settings";
import { emptyStore, STORE_SHEET } from "../../src/core/store";
import { fakeStoreOf, legacyChunks } from "../support/store-cells";
import { excelTexts } from "../../src/i18n/excel";
import { OfficeWorkbookPort } from "../../src/excel/port";
import type { FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { readStore as readStoreFromFile } from "../../src/xlsx/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const portOf = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
const sheets = () => [new GridBuilder("PL I").row(["STT", "Nội dung"]).row([1, "Việc"]), new GridBuilder("Ẩn").row(["x"]).hidden()];

describe("settings in the very hidden _phuluc sheet", () => {
  test("no store → defaults, no warning", async () => {
    expect(await portOf(fakeWorkbook(sheets())).loadSettings()).toEqual({ settings: defaultSettings() });
  });

  test("save then load round-trips; the sheet is very hidden; highlights and summary records are kept", async () => {
    const store = { ...emptyStore(), summarySheets: [{ name: "Tổng hợp", key: "k", marker: "m" }] };
    const fake = fakeWorkbook(sheets(), { store });
    const port = portOf(fake);
    const s = {
      ...defaultSettings(),
      communeName: "UBND xã Chí Minh",
      planYear: 2026,
      units: [{ name: "Phòng Kinh tế", aliases: ["PKT", "=cmd"] }],
    };
    await port.saveSettings(s);
    expect(await port.loadSettings()).toEqual({ settings: s });
    const ws = fake.model.sheet(STORE_SHEET);
    expect(ws.visibility).toBe("VeryHidden");
    expect(fakeStoreOf(fake.model)).toMatchObject({ format: "v2", store: { settings: s, summarySheets: store.summarySheets } });
  });

  test.each([
    ["format 2, as phuluc writes it now", (big: ReturnType<typeof emptyStore>) => ({ store: big })],
    ["format 1, as earlier versions wrote it", (big: ReturnType<typeof emptyStore>) => ({ storeChunks: legacyChunks(big) })],
  ])("a store written by the file adapter (the CLI) is read by the add-in, %s: same sheet, same cells", async (_f, cells) => {
    const s = { ...defaultSettings(), communeName: "Xã từ CLI", summarySheetName: "TH" };
    const big = {
      ...emptyStore(),
      settings: { ...s, units: Array.from({ length: 900 }, (_, i) => ({ name: `Đơn vị số ${i} của xã`, aliases: ["viết tắt " + i] })) },
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(30000); // more than one cell
    const wb = XlsxWorkbook.open(await buildXlsx(sheets(), cells(big)), "a.xlsx");
    expect(readStoreFromFile(wb).store).toEqual(big);
    const fake = fakeWorkbook(sheets(), cells(big));
    expect((await portOf(fake).loadSettings()).settings).toEqual(big.settings);
  });

  test("corrupt store → defaults and the Vietnamese warning, never a crash; saving repairs it", async () => {
    for (const bad of [
      ["{not json"],
      [JSON.stringify({ version: 1, settings: { version: 1, units: "nope" } })],
      [JSON.stringify({ version: 9 })],
    ]) {
      const fake = fakeWorkbook(sheets(), { storeChunks: bad });
      const port = portOf(fake);
      expect(await port.loadSettings()).toEqual({ settings: defaultSettings(), warning: excelTexts.settingsCorrupt });
      await port.saveSettings(defaultSettings());
      expect(await port.loadSettings()).toEqual({ settings: defaultSettings() });
    }
  });

  test("Excel refusing to answer (cell-edit mode) → defaults with a warning that says what to do", async () => {
    const fake = fakeWorkbook(sheets());
    fake.model.cellEditMode = true;
    const r = await portOf(fake).loadSettings();
    expect(r.settings).toEqual(defaultSettings());
    expect(r.warning).toContain("Excel đang ở chế độ sửa ô");
  });
});

describe("select and writeCells", () => {
  test("select activates the sheet and selects the cell", async () => {
    const fake = fakeWorkbook([...sheets(), new GridBuilder("PL II").row(["y"])]);
    await portOf(fake).select("PL II", "B7");
    expect(fake.model.activeSheetId).toBe(fake.model.sheet("PL II").id);
    expect(fake.model.selection).toEqual({ sheet: "PL II", address: "B7" });
    await expect(portOf(fake).select("Không có", "A1")).rejects.toThrow(/Không tìm thấy trang tính/);
  });

  test("writeCells writes text as text (quote prefix), leaves the cell's format alone, and plain text plain", async () => {
    const fake = fakeWorkbook(sheets());
    const ws = fake.model.sheet("PL I");
    ws.put(5, 3, null, "dd/mm/yyyy");
    const values = ["=SUM(A1:A9)", "+84 912", "-x", "@x", "0123", "TRUE", "30/11/2026", "Phòng Kinh tế", "\t=cmd"];
    await portOf(fake).writeCells(
      "PL I",
      values.map((v, i) => ({ cell: `B${i + 1}`, value: v })).concat([{ cell: "C5", value: "Quý IV" }]),
    );
    expect(values.map((_, i) => ws.cell(i + 1, 2)?.value)).toEqual(values);
    expect(values.map((_, i) => ws.cell(i + 1, 2)?.formula)).toEqual(values.map(() => undefined));
    expect(ws.cell(5, 3)?.numberFormat).toBe("dd/mm/yyyy");
    expect(ws.cell(5, 3)?.value).toBe("Quý IV");
  });

  test("writeCells on a protected sheet → the Vietnamese protection message, nothing written", async () => {
    const fake = fakeWorkbook(sheets());
    fake.model.sheet("PL I").protected = true;
    await expect(portOf(fake).writeCells("PL I", [{ cell: "A1", value: "x" }])).rejects.toThrow(/được bảo vệ/);
    expect(fake.model.sheet("PL I").cell(1, 1)?.value).toBe("STT");
  });
});
