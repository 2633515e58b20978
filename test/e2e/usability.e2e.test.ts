/**
 * The web app and its pane as people use them, with the keyboard alone (Tab, Enter, Escape, PageDown), at
 * 350 px (a task pane's width, a phone) and at 1280 px (an office screen): after Enter on «Sửa thành…» the
 * focus is on the next problem; Escape closes Cài đặt and a dialog; the per-unit table fits (key figures,
 * details on demand); a selected cell in the sheet view is not covered by the row numbers; each sheet tab
 * keeps its own scroll position; in English the web app's own buttons are English.
 * With PHULUC_DOCS_SCREENSHOTS=1 the 350 px pane also goes to docs/screenshots/pane-350.png.
 */
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT } from "./release";
import { browserSuite, SHOTS } from "./suite";

const suite = browserSuite("keys");
const pageErrors: string[] = [];

/** What the focused element says (its label, else its text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute("aria-label") || el?.textContent || "").trim();
  });

/**
 * Presses Tab until the focused element matches (its text equal to `text`, or starting with `prefix`, or
 * the CSS `selector`); fails after `max` presses. The keyboard's way to reach a control.
 */
async function tabTo(page: Page, want: { text?: string; prefix?: string; selector?: string }, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate((w) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
      const text = (el.textContent || "").trim();
      if (w.selector && !el.matches(w.selector)) return false;
      if (w.text !== undefined && text !== w.text) return false;
      if (w.prefix !== undefined && !text.startsWith(w.prefix)) return false;
      return true;
    }, want);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(want)}`);
}

for (const width of [350, 1280]) {
  describe(`at ${width} px, with the keyboard alone`, () => {
    let page: Page;

    beforeAll(async () => {
      page = await suite.session.context.newPage();
      page.on("pageerror", (e) => pageErrors.push(String(e)));
      await page.setViewportSize({ width, height: 860 });
      // A browser that saves by download: the same keys everywhere (the File System Access path: webapp.e2e).
      await page.addInitScript(() => {
        delete (window as any).showOpenFilePicker;
        delete (window as any).showSaveFilePicker;
      });
      await page.goto(`${suite.server.url}/index.html?sample=1`);
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
      await page.locator("body").focus();
      await tabTo(page, { text: "Kiểm tra" });
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="headline"]').waitFor();
    });

    afterAll(async () => {
      await page?.close();
    });

    test("Enter on «Sửa thành…»: the cell is fixed and the focus is on the next problem, not the page", async () => {
      await page.locator("body").focus();
      await tabTo(page, { prefix: "Sửa thành «", selector: '[data-testid="fix"]' });
      const { self, next } = await page.evaluate(() => {
        const row = document.activeElement!.closest<HTMLElement>("[data-issue-key]")!;
        const rows = [...document.querySelectorAll<HTMLElement>("[data-issue-key]")];
        const i = rows.indexOf(row);
        return { self: row.dataset.issueKey!, next: (rows[i + 1] ?? rows[i - 1]).dataset.issueKey! };
      });
      await page.keyboard.press("Enter");
      await page.getByText("Đã sửa và kiểm tra lại.").waitFor();
      await page.waitForFunction((key) => document.activeElement?.closest<HTMLElement>("[data-issue-key]")?.dataset.issueKey === key, next);
      expect(await page.locator(`[data-issue-key="${self}"]`).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
    });

    test("the per-unit table fits the pane: key figures, and Enter on a unit's name shows its other figures", async () => {
      const table = page.locator('[data-testid="units-table"]');
      expect(await table.getAttribute("data-layout")).toBe("compact");
      const overflow = await table.evaluate((t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator("body").focus();
      await tabTo(page, { selector: '[data-testid="units-table"] button[aria-expanded]' });
      const unit = await page.evaluate(() => document.activeElement!.closest("tr")!.getAttribute("data-unit")!);
      const details = page.locator(`tr[data-unit-details="${unit}"]`);
      expect(await details.isVisible()).toBe(false);
      await page.keyboard.press("Enter");
      await details.waitFor();
      expect(await details.locator("dt").count()).toBe(6);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe("true");
      if (width === 350) {
        await page.locator('[data-testid="units-table"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SHOTS, "pane-350-units.png") });
      }
    });

    test("Escape closes Cài đặt and gives the focus back to its button", async () => {
      await page.locator("body").focus();
      await tabTo(page, { text: "Cài đặt" });
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="settings"]').waitFor();
      await tabTo(page, { selector: '[data-testid="settings"] input' });
      await page.keyboard.press("Escape");
      await page.locator('[data-testid="settings"]').waitFor({ state: "detached" });
      expect(await focused(page)).toBe("Cài đặt");
      await page.locator('[data-testid="headline"]').waitFor();
    });

    test("Escape closes a dialog (opening another file over unsaved changes) and nothing is lost", async () => {
      await page.getByText("(có thay đổi chưa lưu)", { exact: false }).waitFor(); // the fix above
      await page.locator("body").focus();
      await tabTo(page, { text: "Mở tệp mẫu" });
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain("có thay đổi chưa lưu");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      // The focus comes back to the button that asked (Fluent restores it just after the dialog closes).
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Mở tệp mẫu", undefined, { timeout: 5000 });
      expect(await page.getByTestId("file-name").innerText()).toContain("(có thay đổi chưa lưu)");
    });

    test("a cell selected from the pane shows clear of the sheet view's row numbers and column letters", async () => {
      // The problems' cells beyond column A, the rightmost first: selecting it scrolls the sheet view right;
      // then the leftmost, which the view scrolls back to — where the sticky row numbers would cover it.
      const cells = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="issue"][data-cell]')]
          .filter((li) => /^[B-Z]\d/.test(li.dataset.cell!) && li.querySelector("button"))
          .map((li) => li.dataset.cell!),
      );
      const byColumn = [...cells].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
      for (const cell of [byColumn.at(-1)!, byColumn[0]]) {
        await page.locator("body").focus();
        await tabTo(page, { selector: `[data-testid="issue"][data-cell="${cell}"] button:not([data-testid="fix"])` });
        await page.keyboard.press("Enter");
        const td = page.locator(`[data-testid="preview-grid"] td[data-cell="${cell}"][aria-selected="true"]`);
        await td.waitFor();
        await page.waitForTimeout(300); // the scroll into view
        const boxes = await td.evaluate((el) => {
          const row = el.closest("tr")!.querySelector("th")!.getBoundingClientRect();
          const head = el.closest("table")!.querySelector("thead th")!.getBoundingClientRect();
          const c = el.getBoundingClientRect();
          return { cellLeft: c.left, cellTop: c.top, rowHeaderRight: row.right, letterBottom: head.bottom };
        });
        expect({ cell, clearOfRowNumbers: boxes.cellLeft >= boxes.rowHeaderRight - 1 }).toEqual({ cell, clearOfRowNumbers: true });
        expect({ cell, clearOfLetters: boxes.cellTop >= boxes.letterBottom - 1 }).toEqual({ cell, clearOfLetters: true });
      }
      if (width === 350) await page.screenshot({ path: path.join(SHOTS, "grid-350-selected.png") });
    });

    test("each sheet tab keeps its own scroll position (the summary opens at its top, not at the row left on another sheet)", async () => {
      await page.locator("body").focus();
      await tabTo(page, { text: "Tạo bảng tổng hợp" });
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="summary-result"]').waitFor();
      const scroller = page.locator('[data-testid="grid-scroller"]');
      await page.locator("body").focus();
      await tabTo(page, { selector: '[role="tab"][data-sheet-tab="PL I"]' });
      await page.keyboard.press("Enter");
      await tabTo(page, { selector: '[data-testid="grid-scroller"]' });
      for (let i = 0; i < 3; i++) await page.keyboard.press("PageDown");
      await page.waitForTimeout(200);
      const plI = await scroller.evaluate((el) => el.scrollTop);
      expect(plI).toBeGreaterThan(100);
      await page.keyboard.down("Shift");
      await tabTo(page, { selector: '[role="tab"][data-sheet-tab="Tổng hợp"]' });
      await page.keyboard.up("Shift");
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="preview-grid"][data-sheet="Tổng hợp"]').waitFor();
      expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
      await page.keyboard.down("Shift");
      await tabTo(page, { selector: '[role="tab"][data-sheet-tab="PL I"]' });
      await page.keyboard.up("Shift");
      await page.keyboard.press("Enter");
      await page.locator('[data-testid="preview-grid"][data-sheet="PL I"]').waitFor();
      expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - plI)).toBeLessThanOrEqual(1);
    });

    test("in English the web app's own buttons are English, the pane's too; and back", async () => {
      await page.locator("body").focus();
      await tabTo(page, { text: "English" });
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Check", exact: true }).waitFor();
      for (const name of ["Open .xlsx file…", "Open sample", "Download .xlsx", "Tiếng Việt", "Settings", "Build summary sheets"])
        expect({ name, n: await page.getByRole("button", { name, exact: true }).count() }).toEqual({ name, n: 1 });
      expect(await page.getByTestId("file-name").innerText()).toMatch(/^File: sample\.xlsx/);
      expect(await focused(page)).toBe("Tiếng Việt"); // the focus stays on the toggle
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor();
      if (width === 350) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SHOTS, "pane-350.png") });
        if (process.env.PHULUC_DOCS_SCREENSHOTS === "1")
          await page.screenshot({ path: path.join(ROOT, "docs", "screenshots", "pane-350.png") });
      }
    });
  });
}

test("no page error, no request left the machine", () => {
  expect(pageErrors).toEqual([]);
  expect(suite.session.external).toEqual([]);
});
