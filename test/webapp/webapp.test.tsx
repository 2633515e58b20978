/** @jest-environment jsdom */
/**
 * The web app (src/webapp) in jsdom: opening a workbook (picker with a handle, file input, drop, the
 * sample), saving (Lưu over the opened file after a confirmation, Lưu thành bản mới, or a download where
 * the browser cannot write files), unsaved changes, the language of its own buttons. The file layer is a
 * stand-in (an in-memory port); the real one in Chromium: test/e2e/webapp.e2e.test.ts.
 */
import "../taskpane/dom-matchers";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { WebApp } from "../../src/webapp/WebApp";
import type { OpenedWorkbook, WorkbookOpener } from "../../src/webapp/opened";
import type { FileHandle } from "../../src/webapp/file-access";
import { FakePort } from "../taskpane/fake-port";
import { plSheet } from "../taskpane/fake-engine";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The bytes the stand-in workbook saves as (a real one: the package with phuluc's changes). */
const SAVED = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);

function workbook(name: string): OpenedWorkbook & { port: FakePort } {
  const port = new FakePort([plSheet([["1", "Việc", "CT", "Phòng Kinh tế", "30/11/2026", ""]])]);
  return {
    fileName: name,
    port,
    sheets: () => port.grids.map((grid) => ({ name: grid.name, grid, fill: () => null })),
    toBlob: async () => new Blob([SAVED], { type: XLSX }),
  };
}

/** A file handle as Chrome gives one: its file, and what was written to it. */
function handle(name: string, permission: PermissionState = "granted") {
  const written: Uint8Array[] = [];
  const h: FileHandle & { written: Uint8Array[] } = {
    kind: "file",
    name,
    written,
    getFile: async () => new File([new Uint8Array([1, 2, 3])], name, { type: XLSX }),
    createWritable: async () => {
      const parts: Uint8Array[] = [];
      return {
        write: async (data) => void parts.push(new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : (data as ArrayBuffer))),
        close: async () => void written.push(...parts),
      };
    },
    queryPermission: async () => "prompt",
    requestPermission: async () => permission,
  };
  return h;
}

/**
 * The confirmation dialog. Found by its test id, its role checked: in jsdom, Fluent's focus manager
 * (tabster) marks elements aria-hidden on timers that real browsers run differently, so role queries on a
 * dialog are unreliable here; the dialog's accessibility is checked in Chromium (test/e2e/webapp,
 * test/e2e/usability).
 */
async function dialog(): Promise<HTMLElement> {
  const d = await screen.findByTestId("confirm-dialog");
  expect(d).toHaveAttribute("role", "dialog");
  expect(d).toHaveAttribute("aria-modal", "true");
  return d;
}
const noDialog = () => waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
/** A button of the dialog, by its words. */
const answer = (d: HTMLElement, name: string) => within(d).getByRole("button", { name, hidden: true });

const w = window as any;
let opener: jest.Mock<ReturnType<WorkbookOpener>, Parameters<WorkbookOpener>>;

beforeEach(() => {
  opener = jest.fn(async (_bytes, name) => workbook(name));
  localStorage.clear();
});
afterEach(() => {
  delete w.showOpenFilePicker;
  delete w.showSaveFilePicker;
});

async function openWithPicker(user: ReturnType<typeof userEvent.setup>, h: ReturnType<typeof handle>) {
  w.showOpenFilePicker = jest.fn(async () => [h]);
  await user.click(screen.getByRole("button", { name: "Mở tệp .xlsx…" }));
  await screen.findByRole("button", { name: "Kiểm tra" });
}

test("the first screen offers the picker and the sample; ?sample=1 opens the sample with the pane and the sheet view", async () => {
  const fetchMock = jest.fn(async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) }));
  (globalThis as any).fetch = fetchMock;
  render(<WebApp today="2026-11-24" open={opener} autoSample fileAccess={false} />);
  await screen.findByRole("button", { name: "Kiểm tra" });
  expect(fetchMock).toHaveBeenCalledWith("assets/sample.xlsx");
  expect(opener.mock.calls[0][1]).toBe("sample.xlsx");
  expect(await screen.findByRole("tab", { name: "PL I" })).toHaveAttribute("aria-selected", "true");
  expect(document.querySelector('td[data-cell="D2"]')).toHaveTextContent("Phòng Kinh tế");
  expect(screen.getByTestId("file-name")).toHaveTextContent("Tệp: sample.xlsx");
  // No File System Access: one way to save, the download.
  expect(screen.getByRole("button", { name: "Tải xuống .xlsx" })).toBeEnabled();
  expect(screen.queryByRole("button", { name: "Lưu" })).toBeNull();
});

test("a file the file layer cannot open gives one Vietnamese sentence and the page stays usable; a non-workbook is refused", async () => {
  // (applyAccept off: the user chose "All files" in the dialog.)
  const user = userEvent.setup({ applyAccept: false });
  opener.mockImplementation(async (_b, name) => {
    throw new Error(`Tệp «${name}» không phải là tệp Excel .xlsx.`);
  });
  render(<WebApp today="2026-11-24" open={opener} fileAccess={false} />);
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  await user.upload(input, new File(["not a workbook"], "hong.xlsx", { type: XLSX }));
  expect(await screen.findByRole("alert")).toHaveTextContent("Không mở được tệp: Tệp «hong.xlsx» không phải là tệp Excel .xlsx.");
  await user.upload(input, new File(["x"], "ghi-chu.docx"));
  await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("«ghi-chu.docx» không phải tệp Excel .xlsx hay .xlsm."));
  expect(opener).toHaveBeenCalledTimes(1); // the .docx never reached the file layer
  expect(screen.getByRole("button", { name: "Mở tệp mẫu" })).toBeEnabled();
});

test("with File System Access: Lưu asks first, then writes the workbook's bytes over the opened file", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  const file = handle("ke-hoach.xlsx");
  await openWithPicker(user, file);
  expect(opener.mock.calls[0][1]).toBe("ke-hoach.xlsx");
  expect(screen.queryByRole("button", { name: "Tải xuống .xlsx" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  const d = await dialog();
  expect(d).toHaveTextContent("Ghi vào tệp đã mở?");
  expect(d).toHaveTextContent("đè lên tệp «ke-hoach.xlsx»");
  expect(file.written).toEqual([]); // nothing before the answer
  await user.click(answer(d, "Ghi vào tệp"));
  await screen.findByText("Đã lưu vào tệp «ke-hoach.xlsx».");
  expect(file.written).toEqual([SAVED]);
});

test("Escape (or Hủy) closes the confirmation without writing", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  const file = handle("ke-hoach.xlsx");
  await openWithPicker(user, file);
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await dialog();
  await user.keyboard("{Escape}");
  await noDialog();
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await user.click(answer(await dialog(), "Hủy"));
  await noDialog();
  expect(file.written).toEqual([]);
});

test("write access refused: nothing written, and the way out is said", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  const file = handle("ke-hoach.xlsx", "denied");
  await openWithPicker(user, file);
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await user.click(answer(await dialog(), "Ghi vào tệp"));
  await screen.findByText("Trình duyệt không cho ghi vào tệp này. Hãy dùng «Lưu thành bản mới…».");
  expect(file.written).toEqual([]);
});

test("Lưu thành bản mới writes a copy under the name the user picks, and Lưu then writes to that copy", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  const original = handle("ke-hoach.xlsm");
  await openWithPicker(user, original);
  const copy = handle("ke-hoach-phuluc.xlsm");
  w.showSaveFilePicker = jest.fn(async () => copy);
  await user.click(screen.getByRole("button", { name: "Lưu thành bản mới…" }));
  await screen.findByText("Đã lưu bản mới «ke-hoach-phuluc.xlsm». Từ giờ «Lưu» ghi vào tệp này.");
  // The name offered keeps the extension (a macro workbook stays .xlsm).
  expect(w.showSaveFilePicker.mock.calls[0][0].suggestedName).toBe("ke-hoach-phuluc.xlsm");
  expect(copy.written).toEqual([SAVED]);
  expect(screen.getByTestId("file-name")).toHaveTextContent("Tệp: ke-hoach-phuluc.xlsm");
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await user.click(answer(await dialog(), "Ghi vào tệp"));
  await screen.findByText("Đã lưu vào tệp «ke-hoach-phuluc.xlsm».");
  expect(copy.written).toEqual([SAVED, SAVED]);
  expect(original.written).toEqual([]);
});

test("a picker closed without choosing is not an error", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  w.showOpenFilePicker = jest.fn(async () => {
    throw Object.assign(new Error("The user aborted a request."), { name: "AbortError" });
  });
  await user.click(screen.getByRole("button", { name: "Mở tệp .xlsx…" }));
  await waitFor(() => expect(w.showOpenFilePicker).toHaveBeenCalled());
  expect(screen.queryByRole("alert")).toBeNull();
  expect(opener).not.toHaveBeenCalled();
});

test("without File System Access the workbook is downloaded under a new name", async () => {
  const user = userEvent.setup();
  const saveFile = jest.fn();
  render(<WebApp today="2026-11-24" open={opener} fileAccess={false} workspace={{ saveFile }} />);
  await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["x"], "ke-hoach.xlsx", { type: XLSX }));
  await user.click(await screen.findByRole("button", { name: "Tải xuống .xlsx" }));
  await screen.findByText("Đã tải xuống «ke-hoach-phuluc.xlsx».");
  expect(saveFile).toHaveBeenCalledWith(SAVED, "ke-hoach-phuluc.xlsx", XLSX);
});

test("a workbook dropped on the window opens (with its handle where the browser gives one)", async () => {
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  const file = new File(["x"], "tha-vao.xlsx", { type: XLSX });
  const h = handle("tha-vao.xlsx");
  const dataTransfer = {
    types: ["Files"],
    files: [file],
    items: [{ kind: "file", getAsFile: () => file, getAsFileSystemHandle: async () => h }],
  };
  fireEvent(window, Object.assign(new Event("dragenter", { bubbles: true }), { dataTransfer }));
  expect(document.querySelector(".phl-drop")).toHaveTextContent("Thả tệp để mở");
  await act(async () => void window.dispatchEvent(Object.assign(new Event("drop", { cancelable: true }), { dataTransfer })));
  await screen.findByRole("button", { name: "Kiểm tra" });
  expect(opener.mock.calls[0][1]).toBe("tha-vao.xlsx");
  expect(document.querySelector(".phl-drop")).toBeNull();
  expect(screen.getByRole("button", { name: "Lưu" })).toBeEnabled(); // the handle came with the drop
});

test("a change marks the file unsaved; opening another file then asks first, and Hủy keeps the work", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess={false} />);
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  await user.upload(input, new File(["x"], "ke-hoach.xlsx", { type: XLSX }));
  await user.click(await screen.findByRole("button", { name: "Cài đặt" }));
  await user.click(await screen.findByRole("button", { name: "Lưu" })); // the settings' Lưu writes into the workbook
  await waitFor(() => expect(screen.getByTestId("file-name")).toHaveTextContent("Tệp: ke-hoach.xlsx (có thay đổi chưa lưu)"));
  const leave = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(leave);
  expect(leave.defaultPrevented).toBe(true); // the browser asks before the page is left
  await user.click(screen.getByRole("button", { name: "Mở tệp mẫu" }));
  const d = await dialog();
  expect(d).toHaveTextContent("Tệp «ke-hoach.xlsx» có thay đổi chưa lưu.");
  await user.click(answer(d, "Hủy"));
  await noDialog();
  expect(opener).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId("file-name")).toHaveTextContent("(có thay đổi chưa lưu)");
});

test("in English the web app's own buttons are English, and so is the pane", async () => {
  const user = userEvent.setup();
  render(<WebApp today="2026-11-24" open={opener} fileAccess />);
  await user.click(screen.getByRole("button", { name: "English" }));
  expect(screen.getByRole("button", { name: "Open .xlsx file…" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Open sample" })).toBeInTheDocument();
  w.showOpenFilePicker = jest.fn(async () => [handle("plan.xlsx")]);
  await user.click(screen.getByRole("button", { name: "Open .xlsx file…" }));
  await screen.findByRole("button", { name: "Check" });
  for (const name of ["Open .xlsx file…", "Open sample", "Save", "Save as new file…", "Tiếng Việt"])
    expect(screen.getByRole("button", { name })).toBeInTheDocument();
  expect(screen.getByTestId("file-name")).toHaveTextContent("File: plan.xlsx");
  expect(screen.getByRole("tab", { name: "PL I" }).closest("[role=tablist]")).toHaveAttribute("aria-label", "Sheets");
  expect(document.documentElement).toHaveAttribute("lang", "en");
  // The pane has no language toggle of its own inside the web app (one toggle for the whole page).
  expect(screen.getAllByRole("button", { name: "Tiếng Việt" })).toHaveLength(1);
  await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
  expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeInTheDocument();
});
