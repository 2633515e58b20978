/**
 * «Tổng hợp nhiều xã» on the web app's first screen (the release, served as static files): many communes'
 * files picked at once, read in the page, the city's workbook downloaded with one row per
 * commune and the files that are not workbooks listed; the folder picker is a folder input. No network.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { communeFileName, communePlan, fastXlsx, generatedCommune } from "../support/city-plans";
import { browserSuite } from "./suite";

const suite = browserSuite("city");
let page: Page;
const pageErrors: string[] = [];
const inputs = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-city-in-"));

beforeAll(async () => {
  page = suite.session.context.pages()[0] ?? (await suite.session.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
});

afterAll(() => fs.rmSync(inputs, { recursive: true, force: true }));

test("many communes' files picked at once give the city's workbook, downloaded; a file that is not a workbook is listed", async () => {
  const files = [0, 1, 2].map((i) => {
    const plan = generatedCommune(i, 20);
    const file = path.join(inputs, communeFileName(plan));
    fs.writeFileSync(file, fastXlsx(communePlan(plan)));
    return file;
  });
  const note = path.join(inputs, "ghi-chu.txt");
  fs.writeFileSync(note, "Danh sách các xã đã nộp\n");
  await page.goto(`${suite.server.url}/index.html`);
  const box = page.getByTestId("consolidate");
  await box.waitFor();
  expect(await page.getByTestId("consolidate-folder").getAttribute("webkitdirectory")).toBe("");
  expect(await page.getByTestId("consolidate-files").getAttribute("multiple")).toBe("");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("consolidate-files").setInputFiles([...files, note]),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tong-hop-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = path.join(suite.downloads, download.suggestedFilename());
  await download.saveAs(saved);
  const message = page.getByTestId("consolidate-message");
  await message.waitFor();
  expect(await message.textContent()).toMatch(/^Đã tổng hợp 3 xã, phường, đặc khu từ 4 tệp/);
  expect(await message.textContent()).toContain("ghi-chu.txt: Không phải tệp Excel (.xlsx)");
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(saved), "t.xlsx", { readOnly: true });
  const sheets = port.workbook.sheets().filter((s) => s.state === "visible");
  expect(sheets.map((s) => s.name)).toEqual(["Tổng hợp xã", "Chỉ tiêu các xã", "Chỉ tiêu từng xã", "Tệp và vấn đề"]);
  const text = port.workbook
    .readGrid(sheets[0])
    .values.flat()
    .filter((v) => typeof v === "string");
  expect(text).toEqual(expect.arrayContaining(["Đặc khu An Bình", "Tổng cộng"]));
  expect(pageErrors).toEqual([]);
  expect(suite.session.external).toEqual([]);
});
