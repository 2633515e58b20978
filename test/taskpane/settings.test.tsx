/** @jest-environment jsdom */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { DEFAULT_UNITS, defaultSettings } from "../../src/core/settings";
import { FakePort } from "./fake-port";
import { testEngine } from "./fake-engine";
import { GridBuilder, STD_HEADER } from "../support/grid-builder";

/** The pane's engine, its analysis a stand-in (injected, no module mocked). */
let mock = testEngine();

beforeEach(() => {
  mock = testEngine();
});

async function openSettings(port: FakePort) {
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  await waitFor(() => expect(port.callsOf("loadSettings")).toHaveLength(1));
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  await screen.findByTestId("settings");
  return user;
}

test("settings show the workbook's list, edit names, aliases, year, the commune and the plan, and save them", async () => {
  const port = new FakePort();
  port.settings = { settings: { ...defaultSettings(), communeName: "UBND xã A", units: [{ name: "Công an xã", aliases: [] }] } };
  const user = await openSettings(port);
  const commune = screen.getByLabelText("Xã, phường hoặc đặc khu");
  expect(commune).toHaveValue("UBND xã A");
  expect(screen.getAllByTestId("unit-row")).toHaveLength(1);

  await user.clear(commune);
  await user.type(commune, "phường Lê Chân");
  await user.type(screen.getByLabelText("Năm kế hoạch (để trống: lấy từ tiêu đề phụ lục)"), "2026");
  await user.type(screen.getByLabelText("Số kế hoạch (ví dụ: 45/KH-UBND)"), "25/KH-UBND");
  await user.type(screen.getByLabelText("Ngày ban hành kế hoạch (ngày/tháng/năm)"), "15/3/2026");
  await user.type(screen.getByLabelText("Kế hoạch về (trích yếu)"), "chuyển đổi số năm 2026");
  await user.click(screen.getByRole("button", { name: "Thêm đơn vị" }));
  await user.type(screen.getByLabelText("Tên đơn vị 2"), "Phòng Kinh tế");
  await user.type(screen.getByLabelText(/Cách viết khác của đơn vị 2/), "Phòng KT; P. Kinh tế");
  await user.click(screen.getByRole("button", { name: "Lưu" }));

  await waitFor(() => expect(port.callsOf("saveSettings")).toHaveLength(1));
  const saved = port.callsOf("saveSettings")[0].settings;
  expect(saved).toMatchObject({
    communeName: "phường Lê Chân",
    planYear: 2026,
    planNumber: "25/KH-UBND",
    planDate: "2026-03-15",
    planName: "chuyển đổi số năm 2026",
  });
  expect(saved.units).toEqual([
    { name: "Công an xã", aliases: [] },
    { name: "Phòng Kinh tế", aliases: ["Phòng KT", "P. Kinh tế"] },
  ]);
  expect(await screen.findByText("Đã lưu cài đặt vào bảng tính.")).toBeInTheDocument();
});

test("a commune without its kind, or a plan date that does not exist, is not saved", async () => {
  const port = new FakePort();
  const user = await openSettings(port);
  await user.type(screen.getByLabelText("Xã, phường hoặc đặc khu"), "Lê Chân");
  await user.type(screen.getByLabelText("Ngày ban hành kế hoạch (ngày/tháng/năm)"), "31/2/2026");
  expect(screen.getByText(/Hãy ghi cả loại và tên/)).toBeInTheDocument();
  expect(screen.getByText(/Ngày ban hành phải là một ngày có thật/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  expect(port.callsOf("saveSettings")).toHaveLength(0);
});

test("removing a unit and restoring defaults", async () => {
  const port = new FakePort();
  const user = await openSettings(port);
  expect(screen.getAllByTestId("unit-row")).toHaveLength(DEFAULT_UNITS.length);
  await user.click(screen.getByRole("button", { name: "Xóa đơn vị Công an xã" }));
  expect(screen.getAllByTestId("unit-row")).toHaveLength(DEFAULT_UNITS.length - 1);
  expect(screen.queryByDisplayValue("Công an xã")).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
  expect(screen.getAllByTestId("unit-row")).toHaveLength(DEFAULT_UNITS.length);
  expect(screen.getByDisplayValue("Công an xã")).toBeInTheDocument();
  expect(screen.getByText(/Đã khôi phục danh sách mặc định/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await waitFor(() => expect(port.callsOf("saveSettings")).toHaveLength(1));
  expect(port.callsOf("saveSettings")[0].settings).toEqual(defaultSettings());
});

test("an invalid plan year or an empty unit name is not saved", async () => {
  const port = new FakePort();
  const user = await openSettings(port);
  await user.type(screen.getByLabelText("Năm kế hoạch (để trống: lấy từ tiêu đề phụ lục)"), "20x6");
  expect(screen.getByText("Năm kế hoạch phải là số từ 1900 đến 2200, hoặc để trống.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await user.clear(screen.getByLabelText("Năm kế hoạch (để trống: lấy từ tiêu đề phụ lục)"));
  await user.clear(screen.getByLabelText("Tên đơn vị 1"));
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  expect(within(screen.getAllByTestId("unit-row")[0]).getByText("Tên đơn vị không được để trống.")).toBeInTheDocument();
  expect(port.callsOf("saveSettings")).toHaveLength(0);
});

test("a settings-load warning is shown", async () => {
  const port = new FakePort();
  port.settings = { settings: defaultSettings(), warning: "settings_corrupt" };
  await openSettings(port);
  expect(screen.getByTestId("settings-warning")).toHaveTextContent("Cài đặt lưu trong bảng tính bị hỏng");
});

test("a save error from the port is shown", async () => {
  const port = new FakePort();
  port.failures.saveSettings = new Error("Bảng tính đang được bảo vệ cấu trúc. Hãy bỏ bảo vệ rồi lưu lại.");
  const user = await openSettings(port);
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Bảng tính đang được bảo vệ cấu trúc");
});

test("saving settings after a check checks again with the new unit list", async () => {
  const port = new FakePort([]);
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await waitFor(() => expect(port.callsOf("readSheets")).toHaveLength(1));
  await screen.findByTestId("headline");
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  await user.click(screen.getByRole("button", { name: "Xóa đơn vị Công an xã" }));
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await screen.findByText("Đã lưu cài đặt vào bảng tính.");
  expect(port.callsOf("readSheets")).toHaveLength(2);
  const calls = mock.analyze.mock.calls as unknown as [unknown, { settings: { units: { name: string }[] } }][];
  expect(calls).toHaveLength(2);
  expect(calls[1][1].settings.units.map((u: { name: string }) => u.name)).not.toContain("Công an xã");
  expect(calls[0][1].settings.units.map((u: { name: string }) => u.name)).toContain("Công an xã");
});

test("most leads match no unit: the pane says so; Cài đặt opens with the list the plan proposes, saved only on Lưu", async () => {
  const b = new GridBuilder("PL I").title("PHỤ LỤC I").header(STD_HEADER);
  ["Ban Chỉ huy Quân sự xã", "Ban Chỉ huy quân sự xã", "Hội Nông dân xã", "Hội Nông dân xã", "Đoàn Thanh niên"].forEach((lead, i) =>
    b.task({ stt: i + 1, content: `Việc ${i + 1}`, lead, deadline: "30/11/2026" }),
  );
  const port = new FakePort([b.build()]);
  const real = jest.requireActual("../../src/taskpane/engine-impl");
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={() => Promise.resolve(real)} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  const notice = await screen.findByTestId("units-proposal");
  expect(notice).toHaveTextContent("5/5 nhiệm vụ ghi cơ quan chủ trì không có trong danh sách đơn vị.");
  await user.click(within(notice).getByRole("button", { name: "Xem danh sách đề xuất" }));
  expect(await screen.findByTestId("units-proposed")).toHaveTextContent("Danh sách chưa được lưu");
  expect(screen.getAllByTestId("unit-row")).toHaveLength(3);
  expect(screen.getByDisplayValue("Ban Chỉ huy Quân sự xã")).toBeInTheDocument();
  // never adopted by itself
  expect(port.callsOf("saveSettings")).toHaveLength(0);
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await waitFor(() => expect(port.callsOf("saveSettings")).toHaveLength(1));
  expect(port.callsOf("saveSettings")[0].settings.units.map((u) => u.name)).toEqual([
    "Ban Chỉ huy Quân sự xã",
    "Hội Nông dân xã",
    "Đoàn Thanh niên",
  ]);
});
