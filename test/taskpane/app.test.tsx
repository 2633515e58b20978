/** @jest-environment jsdom */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FakePort } from "./fake-port";
import { plSheet, testEngine } from "./fake-engine";

/** The pane's engine, its analysis a stand-in (fake-engine.ts): injected, no module mocked. */
let mock = testEngine();
const analyze = () => mock.analyze;
const buildSummary = () => mock.buildSummary;

const rows = () => [
  ["1", "Xây dựng kế hoạch", "Chủ tịch", "Phong VHXH", "30/11/2026", ""],
  ["2", "Báo cáo", "Chủ tịch", "Phòng Văn hóa - Xã hội", "", "??"],
];

function setup(port = new FakePort([plSheet(rows())])) {
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  return { port, user };
}

async function validate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByTestId("headline");
}

beforeEach(() => {
  mock = testEngine();
});

test("Kiểm tra is the first tab stop and the page is Vietnamese", async () => {
  const { user } = setup();
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(screen.getByRole("main")).toHaveAttribute("lang", "vi");
});

test("validate reads the sheets, analyses with the chosen date and shows the headline", async () => {
  const { port, user } = setup();
  const date = screen.getByLabelText("Ngày báo cáo");
  expect(date).toHaveValue("2026-11-24");
  await user.clear(date);
  await user.type(date, "2026-06-30");
  await validate(user);
  expect(port.callsOf("readSheets")).toHaveLength(1);
  expect(analyze()).toHaveBeenCalledTimes(1);
  expect(analyze().mock.calls[0][1].asOf).toBe("2026-06-30");
  const head = screen.getByTestId("headline");
  expect(head).toHaveTextContent("2 nhiệm vụ trong 1 phụ lục");
  expect(within(head).getByTestId("error-count")).toHaveTextContent("2 lỗi");
  expect(within(head).getByTestId("warning-count")).toHaveTextContent("1 cảnh báo");
  expect(head).toHaveTextContent("Tỷ lệ hoàn thành: 0%");
  // Issues grouped by sheet, each "Cell — message".
  const group = screen.getByTestId("issue-sheet");
  expect(group).toHaveAttribute("data-sheet", "PL I");
  expect(
    within(group)
      .getAllByTestId("issue")
      .map((li) => li.getAttribute("data-cell")),
  ).toEqual(["D2", "E3", "F3"]);
  // the cell once: "D2 — «Phong VHXH» …", never "D2 — Ô D2: …"
  expect(within(group).getByRole("button", { name: /D2 — «Phong VHXH» không có trong danh sách đơn vị/ })).toBeInTheDocument();
  expect(within(group).queryByRole("button", { name: /Ô D2/ })).toBeNull();
  // Unit and indicator tables with the summary colours.
  expect(screen.getByTestId("units-table")).toHaveTextContent("Phòng Văn hóa - Xã hội");
  expect(screen.getByTestId("indicators-table").querySelector('[data-met="true"]')).toHaveTextContent("Đạt");
  expect(screen.getByTestId("indicators-table").querySelector('[data-met="false"]')).toHaveTextContent("Không đạt");
  // The result is announced politely.
  expect(screen.getByRole("status")).toHaveTextContent("2 nhiệm vụ trong 1 phụ lục, 2 lỗi, 1 cảnh báo");
});

test("an invalid as-of date is refused with a message and nothing is read", async () => {
  const { port, user } = setup();
  await user.clear(screen.getByLabelText("Ngày báo cáo"));
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await screen.findByTestId("error-bar")).toHaveTextContent("Ngày báo cáo không hợp lệ");
  expect(port.callsOf("readSheets")).toHaveLength(0);
});

test("issues filter by severity and by code", async () => {
  const { user } = setup();
  await validate(user);
  const issues = () => screen.getAllByTestId("issue").map((li) => li.getAttribute("data-code"));
  await user.selectOptions(screen.getByLabelText("Mức độ"), "warning");
  expect(issues()).toEqual(["STATUS_UNKNOWN"]);
  expect(screen.getByText("Đang hiện 1/3")).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText("Mức độ"), "all");
  await user.selectOptions(screen.getByLabelText("Loại lỗi"), "DEADLINE_MISSING");
  expect(issues()).toEqual(["DEADLINE_MISSING"]);
  await user.selectOptions(screen.getByLabelText("Mức độ"), "warning");
  expect(screen.queryAllByTestId("issue")).toHaveLength(0);
});

test("clicking an issue, or Enter/Space on it, selects its cell in Excel", async () => {
  const { port, user } = setup();
  await validate(user);
  await user.click(screen.getByRole("button", { name: /E3 — / }));
  expect(port.callsOf("select").at(-1)).toEqual({ m: "select", sheet: "PL I", cell: "E3" });
  screen.getByRole("button", { name: /F3 — / }).focus();
  await user.keyboard("{Enter}");
  expect(port.callsOf("select").at(-1)).toEqual({ m: "select", sheet: "PL I", cell: "F3" });
  screen.getByRole("button", { name: /D2 — / }).focus();
  await user.keyboard(" ");
  expect(port.callsOf("select").at(-1)).toEqual({ m: "select", sheet: "PL I", cell: "D2" });
});

test("Đánh dấu highlights every issue cell, Xóa đánh dấu removes them", async () => {
  const { port, user } = setup();
  await validate(user);
  await user.click(screen.getByRole("button", { name: "Đánh dấu" }));
  await waitFor(() => expect(port.callsOf("highlight")).toHaveLength(1));
  expect(port.callsOf("highlight")[0].targets).toEqual([
    { sheet: "PL I", cell: "D2", severity: "error" },
    { sheet: "PL I", cell: "E3", severity: "error" },
    { sheet: "PL I", cell: "F3", severity: "warning" },
  ]);
  expect(await screen.findByText("Đã đánh dấu 3 ô có lỗi hoặc cảnh báo.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
  await waitFor(() => expect(port.callsOf("clearHighlights")).toHaveLength(1));
  expect(await screen.findByText("Đã xóa đánh dấu; các ô trở lại màu cũ.")).toBeInTheDocument();
});

test("a replace suggestion writes the canonical name and re-validates", async () => {
  const { port, user } = setup();
  await validate(user);
  await user.click(screen.getByRole("button", { name: "Sửa thành «Phòng Văn hóa - Xã hội»" }));
  await screen.findByText("Đã sửa và kiểm tra lại.");
  expect(port.callsOf("writeCells")).toEqual([
    { m: "writeCells", sheet: "PL I", edits: [{ cell: "D2", value: "Phòng Văn hóa - Xã hội" }] },
  ]);
  expect(port.callsOf("readSheets")).toHaveLength(2);
  expect(port.callsOf("select").at(-1)).toEqual({ m: "select", sheet: "PL I", cell: "D2" });
  expect(screen.getAllByTestId("issue").map((li) => li.getAttribute("data-cell"))).toEqual(["E3", "F3"]);
  expect(screen.getByTestId("error-count")).toHaveTextContent("1 lỗi");
});

test("decoding a legacy sheet writes the decoded text of its changed cells", async () => {
  const port = new FakePort([plSheet([["1", "Việc", "CT", "Phßng V¨n hãa - X· héi", "30/11/2026", ""]])]);
  const { user } = setup(port);
  await validate(user);
  await user.click(screen.getByRole("button", { name: "Chuyển sang Unicode" }));
  await screen.findByText("Đã sửa và kiểm tra lại.");
  expect(port.callsOf("writeCells")).toEqual([
    { m: "writeCells", sheet: "PL I", edits: [{ cell: "D2", value: "Phòng Văn hóa - X· héi" }] },
  ]);
  expect(port.callsOf("readSheets")).toHaveLength(2);
  expect(screen.queryByRole("button", { name: "Chuyển sang Unicode" })).not.toBeInTheDocument();
});

test("Tạo bảng tổng hợp writes the summary; a second press replaces it", async () => {
  const { port, user } = setup();
  await validate(user);
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  expect(await screen.findByTestId("summary-result")).toHaveTextContent("Đã tạo: Tổng hợp");
  expect(buildSummary()).toHaveBeenCalledTimes(1);
  expect(buildSummary().mock.calls[0][0].asOf).toBe("2026-11-24");
  expect(port.callsOf("writeSummary")[0].spec).toEqual({ marker: "phuluc-summary", sheets: [] });
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  expect(await screen.findByText("Đã thay bảng cũ: Tổng hợp")).toBeInTheDocument();
  expect(port.callsOf("writeSummary")).toHaveLength(2);
});

test("Tạo bảng tổng hợp before Kiểm tra validates first", async () => {
  const { port, user } = setup();
  await user.click(screen.getByRole("button", { name: "Tạo bảng tổng hợp" }));
  expect(await screen.findByTestId("summary-result")).toHaveTextContent("Đã tạo: Tổng hợp");
  expect(port.callsOf("readSheets")).toHaveLength(1);
  expect(screen.getByTestId("headline")).toBeInTheDocument();
});

test("port errors appear in a MessageBar with what to do, and can be dismissed", async () => {
  const port = new FakePort([plSheet(rows())]);
  const msg = 'Trang tính "PL I" đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.';
  port.failures.highlight = new Error(msg);
  const { user } = setup(port);
  await validate(user);
  await user.click(screen.getByRole("button", { name: "Đánh dấu" }));
  const bar = await screen.findByTestId("error-bar");
  expect(bar).toHaveTextContent("Không thực hiện được");
  expect(bar).toHaveTextContent(msg);
  expect(bar).toHaveTextContent("Làm theo hướng dẫn trên rồi bấm lại");
  expect(screen.getByRole("button", { name: "Đánh dấu" })).toBeEnabled();
  await user.click(screen.getByRole("button", { name: "Đóng thông báo" }));
  expect(screen.queryByTestId("error-bar")).not.toBeInTheDocument();
});

test("a read error (cell edit mode) leaves the pane usable", async () => {
  const port = new FakePort([plSheet(rows())]);
  port.failures.readSheets = new Error("Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc rồi bấm lại.");
  const { user } = setup(port);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Excel đang ở chế độ sửa ô");
  delete port.failures.readSheets;
  await validate(user);
  expect(screen.queryByTestId("error-bar")).not.toBeInTheDocument();
});

test("the English toggle switches the pane's language", async () => {
  const { user } = setup();
  await user.click(screen.getByRole("button", { name: "English" }));
  expect(screen.getByRole("button", { name: "Check" })).toBeInTheDocument();
  expect(screen.getByRole("main")).toHaveAttribute("lang", "en");
});
