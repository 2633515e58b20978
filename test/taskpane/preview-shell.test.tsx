/** @jest-environment jsdom */
import "./dom-matchers";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PreviewShell, type OpenedWorkbook, type WorkbookOpener } from "../../src/taskpane/preview/PreviewShell";
import { FakePort } from "./fake-port";
import { plSheet } from "./fake-engine";

function opened(name: string): OpenedWorkbook {
  const port = new FakePort([plSheet([["1", "Việc", "CT", "Phòng Kinh tế", "30/11/2026", ""]])]);
  return {
    fileName: name,
    port,
    sheets: () => port.grids.map((grid) => ({ name: grid.name, grid, fill: () => null })),
    toBlob: async () => new Blob(["x"]),
  };
}

test("?sample=1 opens the bundled sample: the pane and the grid appear", async () => {
  const fetchMock = jest.fn(async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) }));
  (globalThis as any).fetch = fetchMock;
  const open = jest.fn<ReturnType<WorkbookOpener>, Parameters<WorkbookOpener>>(async (_b, name) => opened(name));
  render(<PreviewShell today="2026-11-24" open={open} autoSample sampleUrl="assets/sample.xlsx" />);
  await screen.findByRole("button", { name: "Kiểm tra" });
  expect(fetchMock).toHaveBeenCalledWith("assets/sample.xlsx");
  expect(open.mock.calls[0][1]).toBe("sample.xlsx");
  expect(screen.getByRole("tab", { name: "PL I" })).toHaveAttribute("aria-selected", "true");
  expect(document.querySelector('td[data-cell="D2"]')).toHaveTextContent("Phòng Kinh tế");
  expect(screen.getByRole("button", { name: "Tải xuống .xlsx" })).toBeInTheDocument();
});

test("a file the adapter cannot open gives a Vietnamese message and the page stays usable", async () => {
  const user = userEvent.setup();
  const open: WorkbookOpener = async (_b, name) => {
    throw new Error(`Tệp «${name}» không phải là tệp Excel .xlsx.`);
  };
  render(<PreviewShell today="2026-11-24" open={open} autoSample={false} />);
  const input = screen.getByTestId("file-input") as HTMLInputElement;
  const file = new File(["not a workbook"], "hong.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(4) });
  await user.upload(input, file);
  await waitFor(() => expect(screen.getByText(/Không mở được tệp: Tệp «hong.xlsx» không phải là tệp Excel .xlsx./)).toBeInTheDocument());
  expect(screen.getByRole("button", { name: "Mở tệp mẫu" })).toBeEnabled();
});
