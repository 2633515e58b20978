/**
 * The production build in preview mode, end to end: open the sample, check, select, highlight, fix,
 * build and download the summary, read it back with ExcelJS; axe accessibility; no network.
 * Screenshots of each step go to test/e2e/screenshots/ (git-ignored).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { analyze } from "../../src/core/analyze";
import type { JsonReport } from "../../src/core/report-schema";
import { withMessages } from "../../src/i18n/issues";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { changesSinceSnapshot } from "../../src/app/use-cases/changes";
import { launch, withoutFileAccess, type Session } from "./browser";
import { RELEASE } from "./release";
import { serveDir, type StaticServer } from "./static-server";

const ROOT = path.join(__dirname, "..", "..");
const SHOTS = path.join(__dirname, "screenshots");
const SAMPLE = path.join(ROOT, "assets", "sample.xlsx");
const AS_OF = "2026-10-15";
const AXE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

let server: StaticServer;
let session: Session;
let page: Page;
/** The engine's report on the sample, each issue with the Vietnamese message the pane shows. */
let expected: JsonReport;
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-e2e-dl-"));

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => typeof (window as any).axe !== "undefined");
  if (!has) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target })),
    }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function unnamedButtons(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, [role="button"], [role="tab"]')]
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .filter((b) => !(b.getAttribute("aria-label") || b.textContent || "").trim() && !b.getAttribute("aria-labelledby"))
      .map((b) => b.outerHTML.slice(0, 120)),
  );
}

const issueRows = () => page.locator('[data-testid="issue"]');

beforeAll(async () => {
  // release/ is built by test/e2e/global-setup.js.
  fs.mkdirSync(SHOTS, { recursive: true });
  // What the engine says about the sample (same adapter, same settings, same date) in Node.
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(SAMPLE), "sample.xlsx");
  const report = analyze(await port.readSheets(), { asOf: AS_OF, settings: (await port.loadSettings()).settings });
  expected = { ...report, lang: "vi", issues: withMessages(report.issues) };

  server = await serveDir(RELEASE);
  session = await launch(downloads);
  await withoutFileAccess(session.context);
  page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      ((window as any).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
}, 300000);

afterAll(async () => {
  if (page) cspViolations.push(...((await page.evaluate(() => (window as any).__csp ?? []).catch(() => [])) as string[]));
  await session?.close();
  await server?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

test("the web app opens the sample, with no Office.js and nothing leaving the machine", async () => {
  await page.goto(`${server.url}/index.html?sample=1`);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
  await page.locator('[data-testid="preview-grid"]').waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("vi");
  expect(session.officeServed).toEqual([]); // the web app is not an add-in page: it never asks for Office.js
  // The tab order: the bar (open, sample, download, language), then the pane, whose first stop is Kiểm tra.
  await page.locator("body").focus();
  const stops: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    stops.push((await page.evaluate(() => document.activeElement?.textContent)) ?? "");
  }
  expect(stops).toEqual(["Mở tệp .xlsx…", "Mở tệp mẫu", "Tải xuống .xlsx", "English", "Kiểm tra"]);
  await shot("01-sample-opened");
  expect(await axeViolations()).toEqual([]);
  expect(await unnamedButtons()).toEqual([]);
});

test("Kiểm tra shows the engine's issues and headline for the chosen date", async () => {
  await page.locator('[data-testid="as-of"]').fill(AS_OF);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.locator('[data-testid="headline"]').waitFor();
  const errors = expected.issues.filter((i) => i.severity === "error").length;
  const warnings = expected.issues.length - errors;
  expect(expected.issues.length).toBeGreaterThan(5);
  await expect(issueRows().count()).resolves.toBe(expected.issues.length);
  const appendices = expected.sheets.filter((s) => s.role === "appendix").length;
  expect(await page.locator('[data-testid="headline"]').innerText()).toContain(
    `${expected.tasks.length} nhiệm vụ trong ${appendices} phụ lục`,
  );
  expect(await page.locator('[data-testid="error-count"]').innerText()).toBe(`${errors} lỗi`);
  expect(await page.locator('[data-testid="warning-count"]').innerText()).toBe(`${warnings} cảnh báo`);
  const missing = expected.issues.find((i) => i.code === "DEADLINE_MISSING")!;
  const row = page.locator(`[data-testid="issue"][data-code="DEADLINE_MISSING"][data-cell="${missing.cell}"]`);
  // the cell once, then the message without its own "Ô G16:" (the JSON message keeps it)
  expect(await row.innerText()).toContain(`${missing.cell} — ${missing.message.replace(`Ô ${missing.cell}: `, "")}`);
  expect(await row.innerText()).not.toContain(`Ô ${missing.cell}:`);
  await shot("02-validated");
  await page.locator('[data-testid="units-table"]').scrollIntoViewIfNeeded();
  await shot("03-units-table");
  expect(await axeViolations()).toEqual([]);
  expect(await unnamedButtons()).toEqual([]);
});

test("clicking an issue selects its cell in the grid (switching the tab)", async () => {
  const target = expected.issues.find((i) => i.cell && i.sheet !== expected.sheets[0].name) ?? expected.issues.find((i) => i.cell)!;
  await page
    .locator(`[data-testid="issue"][data-cell="${target.cell}"]`)
    .filter({ hasText: target.message })
    .getByRole("button")
    .first()
    .click();
  const cell = page.locator(`[data-testid="preview-grid"][data-sheet="${target.sheet}"] td[data-cell="${target.cell}"]`);
  await cell.waitFor();
  expect(await cell.getAttribute("aria-selected")).toBe("true");
  expect(await page.locator(`[role="tab"][data-sheet-tab="${target.sheet}"]`).getAttribute("aria-selected")).toBe("true");
  expect(await page.locator('td[aria-selected="true"]').count()).toBe(1);
  await shot("04-issue-selected");
});

test("Đánh dấu fills the issue cells, Xóa đánh dấu removes exactly those fills", async () => {
  const first = expected.issues.find((i) => i.cell && i.sheet === "PL I")!;
  await page.locator('[role="tab"][data-sheet-tab="PL I"]').click();
  const cell = page.locator(`[data-testid="preview-grid"][data-sheet="PL I"] td[data-cell="${first.cell}"]`);
  const before = await cell.getAttribute("data-fill");
  await page.getByRole("button", { name: "Đánh dấu", exact: true }).click();
  await page.getByText(/Đã đánh dấu \d+ ô/).waitFor();
  await expect(cell.getAttribute("data-fill")).resolves.not.toBe(before);
  expect(await cell.getAttribute("data-fill")).toMatch(/^#[0-9A-F]{6}$/);
  await cell.scrollIntoViewIfNeeded();
  await shot("05-highlighted");
  await page.getByRole("button", { name: "Xóa đánh dấu", exact: true }).click();
  await page.getByText("Đã xóa đánh dấu; các ô trở lại màu cũ.").waitFor();
  expect(await cell.getAttribute("data-fill")).toBe(before);
});

test("a suggestion fixes the cell and re-validates", async () => {
  const fixable = expected.issues.find((i) => i.fix?.kind === "replace")!;
  expect(fixable).toBeDefined();
  const value = (fixable.fix as { value: string }).value;
  await page
    .locator(`[data-testid="issue"][data-cell="${fixable.cell}"][data-code="${fixable.code}"]`)
    .getByRole("button", { name: `Sửa thành «${value}»` })
    .click();
  await page.getByText("Đã sửa và kiểm tra lại.").waitFor();
  await expect(issueRows().count()).resolves.toBe(expected.issues.length - 1);
  expect(await page.locator(`[data-testid="issue"][data-cell="${fixable.cell}"][data-code="${fixable.code}"]`).count()).toBe(0);
  // The fixed cell is selected and shows the new text.
  const fixed = page.locator(`[data-testid="preview-grid"][data-sheet="${fixable.sheet}"] td[data-cell="${fixable.cell}"]`);
  expect(await fixed.getAttribute("aria-selected")).toBe("true");
  expect(await fixed.innerText()).toBe(value);
  await shot("06-fixed");
});

test("decoding a TCVN3 sheet rewrites its text in Unicode", async () => {
  const legacy = expected.issues.find((i) => i.fix?.kind === "decode_sheet");
  expect(legacy).toBeDefined();
  const sheet = legacy!.sheet;
  await page
    .locator(`[data-testid="issue"][data-code="TEXT_LEGACY_ENCODING"]`)
    .getByRole("button", { name: "Chuyển sang Unicode", exact: true })
    .click();
  await page.getByText("Đã sửa và kiểm tra lại.").waitFor();
  expect(await page.locator('[data-testid="issue"][data-code="TEXT_LEGACY_ENCODING"]').count()).toBe(0);
  await page.locator(`[role="tab"][data-sheet-tab="${sheet}"]`).click();
  const title = await page.locator(`[data-testid="preview-grid"][data-sheet="${sheet}"] td[data-cell="A1"]`).innerText();
  expect(title).toMatch(/^PHỤ LỤC/);
  await shot("07-decoded");
});

test("Tạo bảng tổng hợp writes the summary; the download holds it with the numbers", async () => {
  await page.getByRole("button", { name: "Tạo bảng tổng hợp" }).click();
  const result = page.locator('[data-testid="summary-result"]');
  await result.waitFor();
  const created = (await result.innerText())
    .split("\n")[0]
    .replace(/^Đã tạo: /, "")
    .split(", ");
  expect(created.length).toBeGreaterThan(0);
  // The summary sheets appear as tabs in the preview grid.
  await page.locator(`[role="tab"][data-sheet-tab="${created[0]}"]`).click();
  await shot("08-summary-built");
  // Second press replaces them.
  await page.getByRole("button", { name: "Tạo bảng tổng hợp" }).click();
  await page.getByText(/Đã thay bảng cũ:/).waitFor();
  expect(await page.locator('[role="tab"]').count()).toBe(await page.locator('[role="tab"]').count());

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống .xlsx" }).click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(created[0]);
  expect(ws).toBeDefined();
  const numbers: number[] = [];
  ws!.eachRow((row) => row.eachCell((c) => typeof c.value === "number" && numbers.push(c.value)));
  // The plan's task total is in the unit table's total row.
  expect(numbers).toContain(expected.tasks.length);
  // The fix is in the downloaded workbook too.
  const fixable = expected.issues.find((i) => i.fix?.kind === "replace")!;
  expect(wb.getWorksheet(fixable.sheet)!.getCell(fixable.cell!).value).toBe((fixable.fix as { value: string }).value);
});

test("Tạo báo cáo (.docx) downloads the report drafted from the sample's numbers", async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tạo báo cáo (.docx)" }).click()]);
  expect(download.suggestedFilename()).toBe(`bao-cao-${AS_OF}.docx`);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const xml = (await (await JSZip.loadAsync(fs.readFileSync(file))).file("word/document.xml")!.async("string")).normalize("NFC");
  const total = expected.total.total;
  for (const s of [
    "BÁO CÁO",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ngày 15 tháng 10 năm 2026",
    "(số liệu tính đến ngày 15/10/2026)",
    `Kế hoạch có tổng số ${total < 10 ? `0${total}` : total} nhiệm vụ`,
    "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN",
    "Nơi nhận:",
  ])
    expect(xml).toContain(s);
  await page.getByTestId("notice").filter({ hasText: download.suggestedFilename() }).waitFor();
  await page.locator("#report-title").scrollIntoViewIfNeeded();
  await shot("08b-report-downloaded");
  expect(await axeViolations()).toEqual([]);
});

test("changes since the summary: the workbook edited as in Excel, opened again, checked later — the changes shown, one clicked", async () => {
  // The workbook as it is now (it holds the snapshot the summary recorded at AS_OF).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải xuống .xlsx" }).click()]);
  const saved = path.join(downloads, "sau-tong-hop.xlsx");
  await download.saveAs(saved);
  // Staff edit it: one task done, one deadline moved (gia hạn).
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(saved), "sau-tong-hop.xlsx");
  const settings = (await port.loadSettings()).settings;
  const now = analyze(await port.readSheets(), { asOf: AS_OF, settings });
  const cols = now.sheets.find((s) => s.name === "PL I")!.columns!;
  const open = now.tasks.filter((t) => t.sheet === "PL I" && t.status === "in_progress");
  const done = open.find((t) => t.deadline.due! >= "2026-11-30")!;
  const moved = open.find((t) => t.deadline.due === "2026-10-31")!;
  await port.writeCells("PL I", [
    { cell: `${cols.status}${done.row}`, value: "Đã hoàn thành" },
    { cell: `${cols.doneDate}${done.row}`, value: "20/10/2026" },
    { cell: `${cols.deadline}${moved.row}`, value: "Tháng 12/2026" },
  ]);
  const edited = path.join(downloads, "ke-hoach-da-sua.xlsx");
  fs.writeFileSync(edited, await port.toBuffer());
  // What the engine says, in Node, a month later.
  const LATER = "2026-11-20";
  const reread = await XlsxWorkbookPort.fromBytes(fs.readFileSync(edited), "ke-hoach-da-sua.xlsx");
  const later = analyze(await reread.readSheets(), { asOf: LATER, settings });
  const want = (await changesSinceSnapshot(reread, later)).changes!;
  expect(want.since.asOf).toBe(AS_OF);
  expect(want.tasks.map((c) => c.kind)).toEqual(expect.arrayContaining(["done_on_time", "deadline_moved", "overdue"]));

  // Open it in the preview, check with the later date.
  await page.locator('[data-testid="file-input"]').setInputFiles(edited);
  await page.getByText("Tệp: ke-hoach-da-sua.xlsx").waitFor();
  await page.locator('[data-testid="as-of"]').fill(LATER);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  const section = page.locator('[data-testid="changes"]');
  await section.getByRole("heading", { name: "Thay đổi từ ngày 15/10/2026" }).waitFor();
  await expect(section.locator('[data-testid="change"]').count()).resolves.toBe(want.tasks.length);
  const doneCell = `${cols.status}${done.row}`;
  const doneRow = section.locator(`[data-testid="change"][data-kind="done_on_time"][data-cell="${doneCell}"]`);
  expect(await doneRow.innerText()).toContain(done.content.slice(0, 30));
  expect(
    await section.locator(`[data-testid="change"][data-kind="deadline_moved"][data-cell="${cols.deadline}${moved.row}"]`).innerText(),
  ).toContain("→ 31/12/2026");
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(SHOTS, "12-changes.png") });
  if (process.env.PHULUC_DOCS_SCREENSHOTS === "1") {
    fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
    await section.screenshot({ path: path.join(ROOT, "docs", "screenshots", "changes-pane.png") });
  }
  expect(await axeViolations()).toEqual([]);
  expect(await unnamedButtons()).toEqual([]);

  // Click the change: the grid selects its cell. Keyboard: Tab to the next one and Enter.
  await doneRow.getByRole("button").click();
  const cell = page.locator(`[data-testid="preview-grid"][data-sheet="PL I"] td[data-cell="${doneCell}"]`);
  await cell.waitFor();
  expect(await cell.getAttribute("aria-selected")).toBe("true");
  expect(await cell.innerText()).toBe("Đã hoàn thành");
  await doneRow.getByRole("button").focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const next = want.tasks[want.tasks.findIndex((c) => c.kind === "done_on_time" && c.cell === doneCell) + 1];
  if (next?.cell) {
    const nextCell = page.locator(`[data-testid="preview-grid"][data-sheet="${next.sheet}"] td[data-cell="${next.cell}"]`);
    await nextCell.waitFor();
    expect(await nextCell.getAttribute("aria-selected")).toBe("true");
  }
  await shot("13-change-selected");
});

test("the pane fits a 320 px wide task pane without horizontal overflow", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.locator('[data-testid="headline"]').scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]') as HTMLElement;
    return { pane: pane.scrollWidth - pane.clientWidth, doc: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  expect(overflow).toEqual({ pane: 0, doc: 0 });
  await shot("09-narrow-320");
  await page.locator('[data-testid="units-table"]').scrollIntoViewIfNeeded();
  await shot("10-narrow-320-table");
  expect(await axeViolations()).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 860 });
});

test("the settings panel is accessible and shows the workbook's unit list", async () => {
  await page.getByRole("button", { name: "Cài đặt" }).click();
  await page.locator('[data-testid="settings"]').waitFor();
  expect(await page.locator('[data-testid="unit-row"]').count()).toBeGreaterThan(3);
  expect(await page.getByLabel("Tên đơn vị 1").inputValue()).toBe("Phòng Văn hóa - Xã hội");
  await shot("11-settings");
  expect(await axeViolations()).toEqual([]);
  expect(await unnamedButtons()).toEqual([]);
  await page.getByRole("button", { name: "Đóng cài đặt" }).click();
  await page.locator('[data-testid="headline"]').waitFor();
});

test("taskpane.html opened in a browser with Office.js blocked (no internet) starts the web app", async () => {
  const other = await session.context.newPage();
  await other.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  const errors: string[] = [];
  other.on("pageerror", (e) => errors.push(String(e)));
  await other.goto(`${server.url}/taskpane.html`);
  await other.getByRole("button", { name: "Mở tệp mẫu" }).click();
  await other.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
  expect(await other.locator('[role="tab"]').count()).toBeGreaterThan(1);
  expect(errors).toEqual([]);
  await other.close();
});

test("no request left the machine, no CSP violation, no page error", async () => {
  const csp = (await page.evaluate(() => (window as any).__csp ?? [])) as string[];
  expect(session.external).toEqual([]);
  // Office.js, in a plain browser, tries to open its telemetry frame: the page's CSP blocks it (wanted).
  const OFFICE_TELEMETRY = /^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/;
  expect(csp.filter((v) => !OFFICE_TELEMETRY.test(v))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
