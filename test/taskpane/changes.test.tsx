/** @jest-environment jsdom */
/**
 * The pane's section "Thay đổi từ ngày …": it appears once the workbook holds a summary snapshot; its
 * chooser compares with another one; each change is a button that selects its cell (mouse and keyboard);
 * Vietnamese and English; a damaged record is a warning in the section.
 */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { SNAPSHOTS_KEY } from "../../src/core/snapshot";
import { FakePort } from "./fake-port";
import { plSheet, testEngine } from "./fake-engine";

let mock = testEngine();
beforeEach(() => {
  mock = testEngine();
});

const rows = () => [
  ["1", "Xây dựng kế hoạch", "Chủ tịch", "Phong VHXH", "30/11/2026", ""],
  ["2", "Báo cáo", "Chủ tịch", "Phòng Văn hóa - Xã hội", "", "??"],
];

function setup(port = new FakePort([plSheet(rows())]), today = "2026-11-24") {
  const user = userEvent.setup();
  const view = render(<App port={port} today={today} engine={mock.loader} />);
  return { port, user, view };
}

async function validate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByTestId("headline");
}

/** A workbook whose summary of 24/11 is recorded, and whose lead D2 was fixed since. */
async function summarizedThenFixed() {
  const first = setup();
  await validate(first.user);
  await first.user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  await screen.findByTestId("summary-result");
  expect(first.port.records[SNAPSHOTS_KEY]).toBeDefined();
  await first.user.click(screen.getByRole("button", { name: "Sửa thành «Phòng Văn hóa - Xã hội»" }));
  await screen.findByText("Đã sửa và kiểm tra lại.");
  return first;
}

test("no snapshot yet: no section; after the summary, the section offers its snapshot (the same day is not the default)", async () => {
  const { user } = setup();
  await validate(user);
  expect(screen.queryByTestId("changes")).toBeNull();
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  const section = await screen.findByTestId("changes");
  expect(within(section).getByRole("heading", { level: 2 })).toHaveTextContent("Thay đổi");
  const chooser = within(section).getByLabelText("So với bản tổng hợp ngày");
  expect(
    within(chooser)
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Chọn một ngày để so sánh", "24/11/2026 (2 nhiệm vụ)"]);
  expect(section).toHaveTextContent("Chưa có bản tổng hợp nào trước ngày báo cáo.");
});

test("choosing the snapshot shows what changed since; a change is a button that selects its cell (mouse, keyboard)", async () => {
  const { user, port } = await summarizedThenFixed();
  const section = screen.getByTestId("changes");
  await user.selectOptions(within(section).getByLabelText("So với bản tổng hợp ngày"), "24/11/2026 (2 nhiệm vụ)");
  await waitFor(() =>
    expect(within(screen.getByTestId("changes")).getByRole("heading", { level: 2 })).toHaveTextContent("Thay đổi từ ngày 24/11/2026"),
  );
  const change = within(screen.getByTestId("changes")).getByTestId("change");
  expect(change).toHaveAttribute("data-kind", "lead_changed");
  expect(change).toHaveAttribute("data-cell", "D2");
  expect(within(screen.getByTestId("changes")).getByRole("heading", { level: 3 })).toHaveTextContent("Đổi cơ quan chủ trì (1)");
  const button = within(change).getByRole("button", {
    name: /Đổi cơ quan chủ trì: D2 — STT 1 — Xây dựng kế hoạch — chưa xác định đơn vị → Phòng Văn hóa - Xã hội\. Chọn ô D2 trang PL I/,
  });
  await user.click(button);
  expect(port.callsOf("select").at(-1)).toEqual({ m: "select", sheet: "PL I", cell: "D2" });
  const before = port.callsOf("select").length;
  button.focus();
  await user.keyboard("{Enter}");
  expect(port.callsOf("select")).toHaveLength(before + 1);
  expect(screen.getByTestId("change-counts")).toHaveTextContent("Đổi cơ quan chủ trì: 1");
});

test("a later report date compares with the latest summary before it by default; English too", async () => {
  const first = await summarizedThenFixed();
  first.view.unmount();
  const { user } = setup(first.port, "2026-11-30");
  await validate(user);
  const section = await screen.findByTestId("changes");
  await waitFor(() => expect(within(section).getByRole("heading", { level: 2 })).toHaveTextContent("Thay đổi từ ngày 24/11/2026"));
  expect(within(section).getByLabelText("So với bản tổng hợp ngày")).toHaveValue("0");
  // The deadline of row 3 was missing then and is still: no change; the lead of row 2 changed.
  expect(
    within(section)
      .getAllByTestId("change")
      .map((li) => li.getAttribute("data-kind")),
  ).toEqual(["lead_changed"]);
  await user.click(screen.getByRole("button", { name: "English" }));
  expect(within(screen.getByTestId("changes")).getByRole("heading", { level: 2 })).toHaveTextContent("Changes since 24/11/2026");
  expect(screen.getByTestId("changes")).toHaveTextContent("Lead unit changed (1)");
  expect(
    within(screen.getByTestId("changes")).getByRole("button", {
      name: /Lead unit changed: D2 — No\. 1 — Xây dựng kế hoạch — no lead unit → Phòng Văn hóa - Xã hội/,
    }),
  ).toBeInTheDocument();
});

test("the summary's sheet of changes compares with the snapshot chosen in the section", async () => {
  const { user, port } = await summarizedThenFixed();
  await user.selectOptions(within(screen.getByTestId("changes")).getByLabelText("So với bản tổng hợp ngày"), "24/11/2026 (2 nhiệm vụ)");
  await screen.findByText(/Thay đổi từ ngày 24\/11\/2026/);
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  await waitFor(() => expect(mock.buildSummary).toHaveBeenCalledTimes(2));
  const report = mock.buildSummary.mock.calls[1][0];
  expect(report.changes?.since.asOf).toBe("2026-11-24");
  expect(report.changes?.tasks.map((c) => c.kind)).toEqual(["lead_changed"]);
  expect(port.callsOf("updateRecord").length).toBe(2);
});

test("a damaged record: a warning in the section, nothing to compare, the pane keeps working", async () => {
  const port = new FakePort([plSheet(rows())]);
  port.records[SNAPSHOTS_KEY] = { v: 1, snaps: "?" };
  const { user } = setup(port);
  await validate(user);
  const section = await screen.findByTestId("changes");
  expect(section).toHaveTextContent("Dữ liệu các bản tổng hợp trước lưu trong bảng tính bị hỏng");
  expect(within(section).queryByTestId("change")).toBeNull();
  expect(screen.queryByTestId("error-bar")).toBeNull();
});
