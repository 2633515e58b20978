/** @jest-environment jsdom */
/**
 * Excel before ExcelApi 1.13 reads no merged areas: after a check the pane says so in one warning
 * sentence — only when the port reports it (OfficeWorkbookPort.features), never before a check, never
 * for ports without feature information (the browser preview). The bar holds nothing focusable, so the
 * keyboard path through the pane is unchanged.
 */
import "./dom-matchers";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { UI } from "../../src/i18n/ui";
import { App } from "../../src/taskpane/App";
import { mergedAreasUnsupported } from "../../src/taskpane/features";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";
import { plSheet, testEngine } from "./fake-engine";
import { FakePort } from "./fake-port";

/** The pane's engine, its analysis a stand-in (injected, no module mocked). */
let mock = testEngine();
beforeEach(() => {
  mock = testEngine();
});

const rows = () => [["1", "Xây dựng kế hoạch", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""]];

class FeaturePort extends FakePort {
  constructor(readonly features: { mergedAreas: boolean }) {
    super([plSheet(rows())]);
  }
}

async function checkWithKeyboard(user: ReturnType<typeof userEvent.setup>) {
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kiểm tra" }));
  await user.keyboard("{Enter}");
  await screen.findByTestId("headline");
}

test("after a check on an Excel without merged areas: one warning bar, nothing focusable in it", async () => {
  const user = userEvent.setup();
  render(<App port={new FeaturePort({ mergedAreas: false })} today="2026-11-24" engine={mock.loader} />);
  expect(screen.queryByTestId("merged-areas-warning")).toBeNull(); // not before a check
  await checkWithKeyboard(user);
  const bar = screen.getByTestId("merged-areas-warning");
  expect(bar).toHaveTextContent(UI.vi.noMergedAreas);
  expect(bar.textContent).toBe(UI.vi.noMergedAreas); // one sentence: no title, no actions
  expect(bar.querySelector("button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])")).toBeNull();
  // Keyboard: focus stays on the button that ran the check, and Tab goes on to the toolbar.
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kiểm tra" }));
  await user.tab();
  expect(document.activeElement).toBe(screen.getByLabelText("Ngày báo cáo"));
});

test("the warning follows the pane's language and hides while the settings are open", async () => {
  const user = userEvent.setup();
  render(<App port={new FeaturePort({ mergedAreas: false })} today="2026-11-24" engine={mock.loader} />);
  await checkWithKeyboard(user);
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  expect(screen.queryByTestId("merged-areas-warning")).toBeNull();
  await user.click(screen.getByRole("button", { name: UI.vi.closeSettings }));
  await user.click(screen.getByRole("button", { name: UI.vi.language }));
  expect(screen.getByTestId("merged-areas-warning")).toHaveTextContent(UI.en.noMergedAreas);
});

test("no warning when merged areas are supported, or when the port says nothing (preview)", async () => {
  for (const port of [new FeaturePort({ mergedAreas: true }), new FakePort([plSheet(rows())])]) {
    const user = userEvent.setup();
    const { unmount } = render(<App port={port} today="2026-11-24" engine={mock.loader} />);
    await checkWithKeyboard(user);
    expect(screen.queryByTestId("merged-areas-warning")).toBeNull();
    unmount();
  }
});

test("the real OfficeWorkbookPort on ExcelApi 1.12 reports it; on 1.13 it does not; a failing check never throws", () => {
  const port = (v: string) => {
    const fake = fakeWorkbook([new GridBuilder("PL I").row(["x"])], { apiVersion: v });
    return new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  };
  expect(mergedAreasUnsupported(port("1.12"))).toBe(true);
  expect(mergedAreasUnsupported(port("1.13"))).toBe(false);
  const broken = new OfficeWorkbookPort({
    isSetSupported: () => {
      throw new Error("no Office");
    },
  });
  expect(mergedAreasUnsupported(broken)).toBe(false);
});

test("end to end with the fake Excel 1.12: the pane checks through OfficeWorkbookPort and shows the warning", async () => {
  const fake = fakeWorkbook([plSheet(rows())], { apiVersion: "1.12" });
  const user = userEvent.setup();
  render(
    <App port={new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported })} today="2026-11-24" engine={mock.loader} />,
  );
  await checkWithKeyboard(user);
  expect(screen.getByTestId("merged-areas-warning")).toHaveTextContent(UI.vi.noMergedAreas);
});
