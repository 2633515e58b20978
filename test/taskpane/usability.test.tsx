/** @jest-environment jsdom */
/**
 * The pane as people use it, by keyboard (found by a trial at 350 px): after «Sửa thành…» the focus goes
 * to the next problem, not the page body; Escape closes Cài đặt and gives the focus back to its button;
 * the per-unit table of a narrow pane shows the key figures, each unit's name opening the rest.
 * (In Chromium at 350 and 1280 px: test/e2e/usability.e2e.test.ts.)
 */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FakePort } from "./fake-port";
import { plSheet, testEngine } from "./fake-engine";

let mock = testEngine();
beforeEach(() => {
  mock = testEngine();
});

function setup(rows: (string | null)[][]) {
  const user = userEvent.setup();
  const port = new FakePort([plSheet(rows)]);
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  return { user, port };
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByTestId("headline");
}

const focusedIssue = () => document.activeElement?.closest('[data-testid="issue"]');

test("Enter on «Sửa thành…» fixes the cell, and the focus goes to the problem that came next", async () => {
  const { user } = setup([
    ["1", "Việc một", "CT", "Phong VHXH", "30/11/2026", ""], // D2: fixable lead
    ["2", "Việc hai", "CT", "Phòng Văn hóa - Xã hội", "", ""], // E3: no deadline
  ]);
  await check(user);
  const fix = screen.getByRole("button", { name: "Sửa thành «Phòng Văn hóa - Xã hội»" });
  fix.focus();
  await user.keyboard("{Enter}");
  await screen.findByText("Đã sửa và kiểm tra lại.");
  await waitFor(() => expect(focusedIssue()).toHaveAttribute("data-cell", "E3"));
  expect(document.activeElement).not.toBe(document.body);
  expect(document.activeElement?.tagName).toBe("BUTTON"); // the problem's own button: Enter selects its cell
});

test("fixing the last problem of the list puts the focus on the one before it", async () => {
  const { user } = setup([
    ["1", "Việc một", "CT", "Phòng Văn hóa - Xã hội", "", ""], // E2: no deadline
    ["2", "Việc hai", "CT", "Phong VHXH", "30/11/2026", ""], // D3: fixable, listed last
  ]);
  await check(user);
  expect(screen.getAllByTestId("issue").map((li) => li.getAttribute("data-cell"))).toEqual(["E2", "D3"]);
  screen.getByRole("button", { name: "Sửa thành «Phòng Văn hóa - Xã hội»" }).focus();
  await user.keyboard("{Enter}");
  await screen.findByText("Đã sửa và kiểm tra lại.");
  await waitFor(() => expect(focusedIssue()).toHaveAttribute("data-cell", "E2"));
});

test("when the fix leaves no problem at all, the focus lands on the sentence that says so", async () => {
  const { user } = setup([["1", "Việc một", "CT", "Phong VHXH", "30/11/2026", ""]]);
  await check(user);
  screen.getByRole("button", { name: "Sửa thành «Phòng Văn hóa - Xã hội»" }).focus();
  await user.keyboard("{Enter}");
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("no-issues")));
});

test("Escape closes Cài đặt from any field and gives the focus back to its button", async () => {
  const { user } = setup([["1", "Việc", "CT", "Phòng Văn hóa - Xã hội", "30/11/2026", ""]]);
  const toggle = screen.getByRole("button", { name: "Cài đặt" });
  toggle.focus();
  await user.keyboard("{Enter}");
  const settings = await screen.findByTestId("settings");
  await user.click(within(settings).getByLabelText("Tên đơn vị 1"));
  await user.keyboard("{Escape}");
  await waitFor(() => expect(screen.queryByTestId("settings")).toBeNull());
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cài đặt" }));
  expect(screen.getByRole("button", { name: "Cài đặt" })).toHaveAttribute("aria-expanded", "false");
  // Escape with the settings closed does nothing.
  await user.keyboard("{Escape}");
  expect(screen.queryByTestId("settings")).toBeNull();
});

test("a narrow pane's unit table shows the key figures; Enter on a unit's name opens its other figures", async () => {
  const { user } = setup([["1", "Việc", "CT", "Phòng Văn hóa - Xã hội", "30/11/2026", ""]]);
  await check(user);
  const table = screen.getByTestId("units-table");
  expect(table).toHaveAttribute("data-layout", "compact"); // jsdom has no width: the narrow layout
  expect(
    within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent),
  ).toEqual(["Đơn vị", "Tổng", "Quá hạn chưa hoàn thành", "Sắp đến hạn (14 ngày)", "Tỷ lệ HT"]);
  const unit = within(table).getByRole("button", { name: "Phòng Văn hóa - Xã hội" });
  expect(unit).toHaveAttribute("aria-expanded", "false");
  const details = document.getElementById(unit.getAttribute("aria-controls")!)!;
  expect(details.hidden).toBe(true);
  unit.focus();
  await user.keyboard("{Enter}");
  expect(unit).toHaveAttribute("aria-expanded", "true");
  expect(details.hidden).toBe(false);
  const figures = [...details.querySelectorAll("dt")].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
  expect(figures).toEqual([
    "Hoàn thành đúng hạn: 0",
    "Đúng hạn: 0%",
    "Hoàn thành quá hạn: 0",
    "Đang thực hiện trong hạn: 1",
    "Thường xuyên / định kỳ: 0",
    "Chưa xác định hạn: 0",
  ]);
  await user.keyboard("{Enter}");
  expect(details.hidden).toBe(true);
});
