/** @jest-environment jsdom */
/**
 * The pane's "Tạo báo cáo (.docx)": the same use case as `phuluc report` (real docx rendering), handed to
 * the download; in Excel for Mac (no downloads from a task pane) the printable sheet "Báo cáo" is written
 * instead, said in one sentence. The report's header and signer are edited in Cài đặt and kept in the workbook.
 */
import "./dom-matchers";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import { REPORT_SHEET_MARKER } from "../../src/documents/report-doc/sheet";
import { defaultSettings } from "../../src/core/settings";
import { App } from "../../src/taskpane/App";
import { fileDeliveryFor, officePlatform, type FileDelivery } from "../../src/taskpane/file-delivery";
import { FakePort } from "./fake-port";
import { plSheet, testEngine } from "./fake-engine";

let mock = testEngine();
beforeEach(() => {
  mock = testEngine();
});

const rows = () => [
  ["1", "Xây dựng kế hoạch", "Chủ tịch", "Phòng Văn hóa - Xã hội", "30/11/2026", ""],
  ["2", "Báo cáo", "Chủ tịch", "Phòng Văn hóa - Xã hội", "", ""],
];

function setup(delivery: FileDelivery = "download") {
  const port = new FakePort([plSheet(rows())]);
  const saveFile = jest.fn();
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} delivery={delivery} saveFile={saveFile} />);
  return { port, saveFile, user };
}

test("Tạo báo cáo (.docx) before Kiểm tra checks first, then downloads the .docx drafted from that check", async () => {
  const { port, saveFile, user } = setup();
  await user.click(screen.getByRole("button", { name: "Tạo báo cáo (.docx)" }));
  await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 15000 });
  expect(port.callsOf("readSheets")).toHaveLength(1);
  const [bytes, name, type] = saveFile.mock.calls[0];
  expect(name).toBe("bao-cao-2026-11-24.docx");
  expect(type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")).normalize("NFC");
  expect(xml).toContain("BÁO CÁO");
  expect(xml).toContain("Kế hoạch có tổng số 02 nhiệm vụ");
  expect(await screen.findByTestId("notice")).toHaveTextContent("Đã tạo bao-cao-2026-11-24.docx. Hãy viết vào các chỗ đánh dấu vàng");
  // nothing was written into the workbook
  expect(port.callsOf("writeSummary")).toHaveLength(0);
}, 30000);

test("after Kiểm tra the report uses the check shown (no second read)", async () => {
  const { port, saveFile, user } = setup();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  await screen.findByTestId("headline");
  await user.click(screen.getByRole("button", { name: "Tạo báo cáo (.docx)" }));
  await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1), { timeout: 15000 });
  expect(port.callsOf("readSheets")).toHaveLength(1);
}, 30000);

test("Excel for Mac: one sentence says why, and the button writes the sheet 'Báo cáo' instead of downloading", async () => {
  const { port, saveFile, user } = setup("sheet");
  const panel = screen.getByRole("region", { name: "Báo cáo (Word)" });
  expect(panel).toHaveTextContent("Excel cho Mac không cho ngăn tác vụ tải tệp xuống, nên báo cáo được ghi vào trang «Báo cáo»");
  expect(within(panel).queryByRole("button", { name: "Tạo báo cáo (.docx)" })).not.toBeInTheDocument();
  port.summaryNames = ["Báo cáo"];
  await user.click(within(panel).getByRole("button", { name: "Ghi báo cáo vào trang «Báo cáo»" }));
  await waitFor(() => expect(port.callsOf("writeSummary")).toHaveLength(1));
  const spec = port.callsOf("writeSummary")[0].spec;
  expect(spec.marker).toBe(REPORT_SHEET_MARKER);
  expect(spec.sheets.map((s) => s.name)).toEqual(["Báo cáo"]);
  expect(spec.sheets[0].print.orientation).toBe("portrait");
  expect(saveFile).not.toHaveBeenCalled();
  expect(await screen.findByTestId("notice")).toHaveTextContent("Đã ghi báo cáo vào trang «Báo cáo»");
});

test("Cài đặt: the report's header and signer, with what prints by default, saved in the workbook", async () => {
  const port = new FakePort();
  port.settings = { settings: defaultSettings() };
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={mock.loader} />);
  await waitFor(() => expect(port.callsOf("loadSettings")).toHaveLength(1));
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  const box = await screen.findByTestId("report-settings");
  expect(within(box).getByLabelText("Chức danh người ký (mỗi dòng một dòng in)")).toHaveValue("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  expect(within(box).getByLabelText("Lưu (ví dụ: VT, VHXH)")).toHaveValue("VT, VHXH");
  await user.type(within(box).getByLabelText("Số báo cáo (để trống: điền tay khi lấy số)"), "42");
  await user.type(within(box).getByLabelText("Họ và tên người ký"), "Trần Thị Bình");
  const recipients = within(box).getByLabelText("Nơi nhận (mỗi dòng một nơi)");
  await user.clear(recipients);
  await user.type(recipients, "Sở Khoa học và Công nghệ{enter}{enter}Thường trực HĐND xã");
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await waitFor(() => expect(port.callsOf("saveSettings")).toHaveLength(1));
  // only what differs from what prints by default is stored
  expect(port.callsOf("saveSettings")[0].settings.report).toStrictEqual({
    number: "42",
    signerName: "Trần Thị Bình",
    recipients: ["Sở Khoa học và Công nghệ", "Thường trực HĐND xã"],
  });
});

describe("which hosts can download", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("Mac and iPad write the sheet; Windows, the web, the preview download", () => {
    expect(fileDeliveryFor("Mac")).toBe("sheet");
    expect(fileDeliveryFor("iOS")).toBe("sheet");
    for (const p of ["PC", "OfficeOnline", "Universal", undefined, null]) expect(fileDeliveryFor(p)).toBe("download");
  });

  test("the platform is Office.context's (or its diagnostics'); none outside Office", () => {
    expect(officePlatform()).toBeUndefined();
    (globalThis as { Office?: unknown }).Office = { context: { platform: "Mac" } };
    expect(officePlatform()).toBe("Mac");
    (globalThis as { Office?: unknown }).Office = { context: { diagnostics: { platform: "OfficeOnline" } } };
    expect(officePlatform()).toBe("OfficeOnline");
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("not ready");
      },
    };
    expect(officePlatform()).toBeUndefined();
  });
});
