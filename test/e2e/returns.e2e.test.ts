/**
 * The units' returns end to end in the browser preview (production build, no network): Gửi đơn vị on the
 * sample (the downloads captured), two units fill their copies (edited here with the file layer, as a
 * unit's Excel would), Gộp báo cáo đơn vị… through the file input, the proposals accepted, then the
 * numbers change in the pane and in the summary; the log sheet "Nhật ký gộp" is in the workbook.
 * Screenshots go to test/e2e/screenshots/; with PHULUC_DOCS_SCREENSHOTS=1 also to docs/screenshots/.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import type { Report } from "../../src/core/report-schema";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { fill } from "../returns/support";
import { launch, withoutFileAccess, type Session } from "./browser";
import { RELEASE } from "./release";
import { serveDir, type StaticServer } from "./static-server";

const ROOT = path.join(__dirname, "..", "..");
const SHOTS = path.join(__dirname, "screenshots");
const SAMPLE = path.join(ROOT, "assets", "sample.xlsx");
const AS_OF = "2026-10-15";
const VH = "Phòng Văn hóa - Xã hội";
const CA = "Công an xã";

let server: StaticServer;
let session: Session;
let page: Page;
let before: Report;
const pageErrors: string[] = [];
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-returns-"));

async function shot(target: Page | Locator, name: string, docsName?: string) {
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if (docsName && process.env.PHULUC_DOCS_SCREENSHOTS === "1") {
    fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
    await target.screenshot({ path: path.join(ROOT, "docs", "screenshots", `${docsName}.png`) });
  }
}

async function reportOf(file: string): Promise<Report> {
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(file), path.basename(file), { readOnly: true });
  return analyze(await port.readSheets(), { asOf: AS_OF, settings: (await port.loadSettings()).settings });
}

const AXE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** Serious or critical axe violations inside `selector`. */
async function axeViolations(selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as any).axe !== "undefined"))) await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const r = await (window as any).axe.run(document.querySelector(sel), { resultTypes: ["violations"] });
    return r.violations.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.help}`);
  }, selector);
}

/** A unit's "done on time" figure, in the table's wide layout (a cell of its row) or its narrow one (its details). */
const doneOnTimeSelector = (unit: string) =>
  `[data-testid="units-table"] tr[data-unit="${unit}"] td[data-kind="done_on_time"], [data-testid="units-table"] tr[data-unit-details="${unit}"] [data-kind="done_on_time"]`;
const doneOnTime = (unit: string) => page.locator(doneOnTimeSelector(unit));

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  before = await reportOf(SAMPLE);
  server = await serveDir(RELEASE);
  session = await launch(downloads);
  await withoutFileAccess(session.context);
  page = session.context.pages()[0] ?? (await session.context.newPage());
  page.on("pageerror", (e) => pageErrors.push(String(e)));
}, 120000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

test("split the sample, two units fill their copies, merge them back, accept: the summary counts them", async () => {
  await page.goto(`${server.url}/index.html?sample=1`);
  await page.locator('[data-testid="as-of"]').fill(AS_OF);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.locator('[data-testid="headline"]').waitFor();
  const vhBefore = Number(await doneOnTime(VH).textContent());
  const caBefore = Number(await doneOnTime(CA).textContent());
  expect([vhBefore, caBefore]).toEqual([
    before.units.find((u) => u.unit === VH)!.done_on_time,
    before.units.find((u) => u.unit === CA)!.done_on_time,
  ]);

  // Gửi đơn vị: one download per lead unit, named after it.
  const panel = page.getByRole("region", { name: "Báo cáo của các đơn vị" });
  await panel.getByRole("button", { name: "Gửi đơn vị" }).click();
  const buttons = panel.locator('[data-testid="split-download"]');
  await buttons.first().waitFor();
  const units = new Set(before.tasks.map((t) => t.lead).filter((u): u is string => !!u));
  expect(await buttons.count()).toBe(units.size);
  const saved: Record<string, string> = {};
  for (const unit of [VH, CA]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: new RegExp(`^Tải ${unit}\\.xlsx`) }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${unit}.xlsx`);
    saved[unit] = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved[unit]);
  }

  // Each unit marks one task done on 10/10/2026, before its deadline (as the unit would in Excel).
  const open = (unit: string) => before.tasks.find((t) => t.lead === unit && t.status === "in_progress" && t.deadline.due! >= AS_OF)!;
  const returns: string[] = [];
  for (const unit of [VH, CA]) {
    const task = open(unit);
    const bytes = await fill(fs.readFileSync(saved[unit]), [
      { task: task.content.slice(0, 60), status: "Đã hoàn thành", doneDate: { date: "2026-10-10" } },
    ]);
    const file = path.join(downloads, `tra-ve-${unit === VH ? "vhxh" : "cax"}.xlsx`);
    fs.writeFileSync(file, bytes);
    returns.push(file);
  }

  // Gộp báo cáo đơn vị…: both files through the file input; four proposals, all ticked, no conflict.
  await panel.locator('[data-testid="merge-input"]').setInputFiles(returns);
  const review = panel.getByRole("region", { name: "2 tệp: 4 thay đổi đề xuất, 0 xung đột" });
  await review.waitFor();
  const changes = review.locator('[data-testid="merge-change"]');
  expect(await changes.count()).toBe(4);
  for (let i = 0; i < 4; i++) expect(await changes.nth(i).getByRole("checkbox").isChecked()).toBe(true);
  const text = await review.innerText();
  expect(text).toContain("Tình trạng: «Đang thực hiện» → «Đã hoàn thành»");
  expect(text).toContain("→ «10/10/2026»");
  expect(text).toContain("Từ tra-ve-vhxh.xlsx");
  expect(text).toContain("khớp 100%");
  await review.scrollIntoViewIfNeeded();
  await shot(review, "14-merge-review", "merge-review");
  expect(await axeViolations('[data-testid="returns"]')).toEqual([]);
  // The keyboard reaches every proposal: focus is on the proposals' heading, Tab goes to the first checkbox, Space unticks it.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("2 tệp: 4 thay đổi đề xuất, 0 xung đột");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const first = changes.nth(0).getByRole("checkbox");
  expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Space");
  expect(await first.isChecked()).toBe(false);
  await review.getByRole("button", { name: "Ghi 3 thay đổi đã chọn" }).waitFor();
  await page.keyboard.press("Space");
  expect(await first.isChecked()).toBe(true);

  await review.getByRole("button", { name: "Ghi 4 thay đổi đã chọn" }).click();
  // The result beside the button, where the user is; focus goes there (the region's heading now says nothing waits).
  const result = panel.getByTestId("merge-result");
  await result.filter({ hasText: "Đã ghi 4 thay đổi vào bảng tính" }).waitFor();
  expect(await result.evaluate((el) => el === document.activeElement)).toBe(true);
  // The pane checked again: one more task done on time for each unit.
  await page.waitForFunction(
    ([vh, ca]) =>
      document.querySelector(vh[0])?.textContent === String(vh[1]) && document.querySelector(ca[0])?.textContent === String(ca[1]),
    [
      [doneOnTimeSelector(VH), vhBefore + 1],
      [doneOnTimeSelector(CA), caBefore + 1],
    ] as const,
  );

  // The log sheet, as a tab of the preview grid.
  await page.locator('[role="tab"][data-sheet-tab="Nhật ký gộp"]').click();
  const grid = page.locator('[data-testid="preview-grid"][data-sheet="Nhật ký gộp"]');
  await grid.waitFor();
  const log = await grid.innerText();
  for (const s of ["NHẬT KÝ GỘP BÁO CÁO CỦA CÁC ĐƠN VỊ", "tra-ve-vhxh.xlsx", "tra-ve-cax.xlsx", "Đã ghi"]) expect(log).toContain(s);
  await shot(grid, "15-merge-log-sheet", "merge-log-sheet");

  // Tạo bảng tổng hợp, then the downloaded workbook: the summary's numbers changed.
  await page.getByRole("button", { name: "Tạo bảng tổng hợp" }).click();
  await page.locator('[data-testid="summary-result"]').waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống .xlsx" }).click()]);
  const merged = path.join(downloads, "sau-gop.xlsx");
  await download.saveAs(merged);
  const after = await reportOf(merged);
  expect(after.total.done_on_time).toBe(before.total.done_on_time + 2);
  expect(after.total.in_progress).toBe(before.total.in_progress - 2);
  expect(after.tasks.length).toBe(before.tasks.length);
  expect(pageErrors).toEqual([]);
}, 120000);

test("at 350 px: after «Ghi» the result is beside the button and focused, what waits is listed with its buttons, the old summary says it predates the merge", async () => {
  await page.setViewportSize({ width: 350, height: 900 });
  await page.goto(`${server.url}/taskpane.html?sample=1`);
  await page.locator('[data-testid="as-of"]').fill(AS_OF);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.locator('[data-testid="headline"]').waitFor();
  // A summary made before the merge.
  await page.getByRole("button", { name: "Tạo bảng tổng hợp" }).click();
  await page.locator('[data-testid="summary-result"]').waitFor();

  const panel = page.getByRole("region", { name: "Báo cáo của các đơn vị" });
  await panel.getByRole("button", { name: "Gửi đơn vị" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: new RegExp(`^Tải ${VH}\\.xlsx`) }).click(),
  ]);
  const copy = path.join(downloads, "vh-350.xlsx");
  await download.saveAs(copy);
  // The unit's words: «Đã xong» with a date typed as text; a status nobody can read; a second file that disagrees.
  const mine = before.tasks.filter((t) => t.lead === VH && t.status === "in_progress" && t.deadline.due! >= AS_OF);
  const first = await fill(fs.readFileSync(copy), [
    { task: mine[0].content.slice(0, 60), status: "Đã xong", doneDate: "ngày 10/10/2026" },
    { task: mine[1].content.slice(0, 60), status: "Thường xuyên thực hiện" },
  ]);
  const second = await fill(fs.readFileSync(copy), [{ task: mine[0].content.slice(0, 60), status: "Tạm dừng" }]);
  const files = [path.join(downloads, "vhxh-lan-1.xlsx"), path.join(downloads, "vhxh-lan-2.xlsx")];
  fs.writeFileSync(files[0], first);
  fs.writeFileSync(files[1], second);
  await panel.locator('[data-testid="merge-input"]').setInputFiles(files);
  const review = panel.getByTestId("merge-review");
  await review.waitFor();
  const apply = review.getByTestId("merge-apply");
  await apply.click();
  const result = review.getByTestId("merge-result");
  await result.filter({ hasText: "Còn 3 mục chờ quyết định, liệt kê ở trên." }).waitFor();
  expect(await result.evaluate((el) => el === document.activeElement)).toBe(true);
  // Beside the button: just under it, in view.
  const [b, r] = [await apply.boundingBox(), await result.boundingBox()];
  expect(r!.y - (b!.y + b!.height)).toBeLessThan(40);
  expect(r!.y + r!.height).toBeLessThanOrEqual(900);
  // What waits is still there, with its checkboxes; the summary made before says so, and the pane offers to make it again.
  expect(await review.getByRole("checkbox").count()).toBe(3);
  await panel.getByTestId("stale-summaries").waitFor();
  expect(await panel.getByRole("button", { name: "Tạo lại bảng tổng hợp" }).count()).toBe(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  // What the user sees at 350 px: the window scrolled to where they pressed «Ghi».
  await panel.getByTestId("stale-summaries").scrollIntoViewIfNeeded();
  await shot(page, "16-merge-after-apply-350", "merge-after-apply-350");
  expect(await axeViolations('[data-testid="returns"]')).toEqual([]);

  // Tạo lại bảng tổng hợp: the line goes.
  await panel.getByRole("button", { name: "Tạo lại bảng tổng hợp" }).click();
  await panel.getByTestId("stale-summaries").waitFor({ state: "detached" });
  await page.setViewportSize({ width: 1280, height: 860 });
  expect(pageErrors).toEqual([]);
}, 120000);
