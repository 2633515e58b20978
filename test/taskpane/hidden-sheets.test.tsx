/** @jest-environment jsdom */
/**
 * Hidden appendix sheets in the pane: the headline lists the ones the check skipped (an info line, not an
 * issue), and Cài đặt → «Đọc cả trang ẩn» is saved in the workbook and passed to the next check.
 */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { Grid } from "../../src/core/grid";
import { fakeAnalyze, plSheet, testEngine } from "./fake-engine";
import { FakePort } from "./fake-port";

let mock = testEngine();
beforeEach(() => {
  mock = testEngine();
});

const rows = [["1", "Xây dựng kế hoạch", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""]];

test("the headline lists the hidden sheets the check skipped, and nothing when there are none", async () => {
  mock.analyze.mockImplementation((grids: Grid[], options: { asOf: string }) => ({
    ...fakeAnalyze(grids, options),
    skippedSheets: [
      { name: "PL I (cũ)", role: "appendix", visibility: "hidden" },
      { name: "PL II nháp", role: "appendix", visibility: "veryHidden" },
    ],
  }));
  const user = userEvent.setup();
  render(<App port={new FakePort([plSheet(rows)])} today="2026-11-24" engine={mock.loader} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  const head = await screen.findByTestId("headline");
  expect(within(head).getByTestId("skipped-sheets")).toHaveTextContent(
    "Bỏ qua trang ẩn (không đọc, không tính): PL I (cũ), PL II nháp. Muốn đọc: Cài đặt → «Đọc cả trang ẩn».",
  );
  // an info line, not an issue: the counts are the analysis' own
  expect(within(head).getByTestId("warning-count")).toHaveTextContent("0 cảnh báo");

  mock.analyze.mockImplementation((grids: Grid[], options: { asOf: string }) => ({ ...fakeAnalyze(grids, options), skippedSheets: [] }));
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await waitFor(() => expect(mock.analyze).toHaveBeenCalledTimes(2));
  await waitFor(() => expect(screen.queryByTestId("skipped-sheets")).not.toBeInTheDocument());
});

test("«Đọc cả trang ẩn» is off by default, saved in the workbook when ticked, and the next check reads hidden sheets", async () => {
  const port = new FakePort([plSheet(rows)]);
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  await waitFor(() => expect(port.callsOf("loadSettings")).toHaveLength(1));
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  const box = await screen.findByRole("checkbox", { name: "Đọc cả trang ẩn" });
  expect((box as HTMLInputElement).checked).toBe(false);
  expect(screen.getByText(/thường là bản nháp hoặc bản sao cũ/)).toBeInTheDocument();
  await user.click(box);
  expect((box as HTMLInputElement).checked).toBe(true);
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await waitFor(() => expect(port.callsOf("saveSettings")).toHaveLength(1));
  expect(port.callsOf("saveSettings")[0].settings.includeHiddenSheets).toBe(true);

  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await waitFor(() => expect(mock.analyze).toHaveBeenCalledTimes(1));
  expect(mock.analyze.mock.calls[0][1]).toMatchObject({ settings: { includeHiddenSheets: true } });
});
