/** @jest-environment jsdom */
import "./dom-matchers";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { GridView, MAX_ROWS, rowHeaderWidth } from "../../src/taskpane/preview/GridView";
import { observePort, type PortEvent } from "../../src/taskpane/preview/observed-port";
import { displayValue, serialToDate, type PreviewSheet } from "../../src/taskpane/preview/sheet-model";
import type { Grid } from "../../src/core/grid";
import { FakePort } from "./fake-port";

function sheet(name: string, values: Grid["values"], extra: Partial<Grid> = {}, fills: Record<string, string> = {}): PreviewSheet {
  const grid: Grid = { name, visibility: "visible", origin: { row: 1, col: 1 }, values, merges: [], ...extra };
  return { name, grid, fill: (r, c) => fills[`${r},${c}`] ?? null };
}

function Harness({ sheets, selected }: { sheets: PreviewSheet[]; selected: { sheet: string; cell: string } | null }) {
  const [active, setActive] = useState<string | null>(selected?.sheet ?? null);
  return <GridView sheets={sheets} activeSheet={active} selected={selected} onActivate={setActive} />;
}

const cell = (a1: string) => document.querySelector(`td[data-cell="${a1}"]`);

test("shows the active sheet with headers, merges, fills, and marks the selected cell", () => {
  const sheets = [
    sheet(
      "PL I",
      [
        ["PHỤ LỤC I", null, null],
        ["STT", "Nội dung", "Chủ trì"],
        [1, "Việc", "Phòng Kinh tế"],
      ],
      { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] },
      { "3,3": "#FFC7CE" },
    ),
    sheet("PL II", [["x"]]),
  ];
  render(<Harness sheets={sheets} selected={{ sheet: "PL I", cell: "C3" }} />);
  expect(screen.getByRole("tab", { name: "PL I" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("columnheader", { name: "C" })).toBeInTheDocument();
  expect(cell("A1")).toHaveAttribute("colspan", "3");
  expect(cell("B1")).toBeNull();
  expect(cell("C3")).toHaveAttribute("aria-selected", "true");
  expect(cell("C3")).toHaveAttribute("data-fill", "#FFC7CE");
  expect(cell("C3")).toHaveTextContent("Phòng Kinh tế");
  expect(document.querySelectorAll('td[aria-selected="true"]')).toHaveLength(1);
});

test("tabs switch the shown sheet", async () => {
  const user = userEvent.setup();
  render(<Harness sheets={[sheet("A", [["in A"]]), sheet("B", [["in B"]])]} selected={null} />);
  expect(cell("A1")).toHaveTextContent("in A");
  await user.click(screen.getByRole("tab", { name: "B" }));
  expect(cell("A1")).toHaveTextContent("in B");
});

test("a big sheet shows a window of rows around the selected cell", () => {
  const values = Array.from({ length: 1000 }, (_, i) => [`r${i + 1}`]);
  render(<Harness sheets={[sheet("Big", values)]} selected={{ sheet: "Big", cell: "A900" }} />);
  expect(document.querySelectorAll("tbody tr")).toHaveLength(MAX_ROWS);
  expect(cell("A900")).toHaveAttribute("aria-selected", "true");
  expect(cell("A1")).toBeNull();
  expect(screen.getByText(`Hiện ${MAX_ROWS}/1000 dòng.`)).toBeInTheDocument();
});

test("each sheet tab keeps its own scroll position; a sheet shown for the first time opens at its top left", async () => {
  const user = userEvent.setup();
  const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => [`${tag}${i + 1}`, "x", "y"]);
  render(
    <Harness sheets={[sheet("PL I", rows(150, "a")), sheet("Tổng hợp", rows(40, "t")), sheet("PL II", rows(90, "b"))]} selected={null} />,
  );
  const scroller = () => screen.getByTestId("grid-scroller");
  const scrollTo = (top: number, left: number) => {
    scroller().scrollTop = top;
    scroller().scrollLeft = left;
    fireEvent.scroll(scroller());
  };
  scrollTo(900, 40);
  await user.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  expect([scroller().scrollTop, scroller().scrollLeft]).toEqual([0, 0]); // not PL I's row 18
  scrollTo(120, 0);
  await user.click(screen.getByRole("tab", { name: "PL I" }));
  expect([scroller().scrollTop, scroller().scrollLeft]).toEqual([900, 40]);
  await user.click(screen.getByRole("tab", { name: "PL II" }));
  expect([scroller().scrollTop, scroller().scrollLeft]).toEqual([0, 0]);
  await user.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  expect([scroller().scrollTop, scroller().scrollLeft]).toEqual([120, 0]);
});

test("the row numbers have a fixed width, and the scroller's padding keeps a selected cell clear of them and of the letters", () => {
  render(<Harness sheets={[sheet("PL I", [["a", "b"]])]} selected={{ sheet: "PL I", cell: "B1" }} />);
  const width = rowHeaderWidth(1);
  expect(width).toBeGreaterThanOrEqual(30);
  expect(rowHeaderWidth(100000)).toBeGreaterThan(width); // six digits need more room
  const rowHeader = screen.getByRole("rowheader", { name: "1" });
  expect(rowHeader.style.width).toBe(`${width}px`);
  expect(rowHeader.style.minWidth).toBe(`${width}px`);
  expect(screen.getByTestId("grid-scroller").style.scrollPaddingLeft).toBe(`${width}px`);
  expect(screen.getByTestId("grid-scroller").style.scrollPaddingTop).toMatch(/^\d+px$/);
});

test("cells show dates, percents and error values as Excel would", () => {
  const g: Grid = {
    name: "S",
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values: [[46356, 0.855, { error: "#REF!" }, true]],
    numberFormats: [["dd/mm/yyyy", "0.0%", null, null]],
    merges: [],
  };
  expect(serialToDate(46356)).toBe("30/11/2026");
  expect(displayValue(g, 1, 1, 46356)).toBe("30/11/2026");
  expect(displayValue(g, 1, 2, 0.855)).toBe("85,5%");
  expect(displayValue(g, 1, 3, { error: "#REF!" })).toBe("#REF!");
  expect(displayValue(g, 1, 4, true)).toBe("TRUE");
});

test("the observed port reports selections and changes after the inner port did them", async () => {
  const inner = new FakePort([]);
  const events: PortEvent[] = [];
  const port = observePort(inner, (e) => events.push(e));
  await port.select("PL I", "D12");
  await port.highlight([{ sheet: "PL I", cell: "D12", severity: "error" }]);
  await port.writeCells("PL I", [{ cell: "D12", value: "x" }]);
  await port.readSheets();
  expect(events).toEqual([{ kind: "select", sheet: "PL I", cell: "D12" }, { kind: "changed" }, { kind: "changed" }]);
  expect(inner.calls.map((c) => c.m)).toEqual(["select", "highlight", "writeCells", "readSheets"]);
  // A failing write still refreshes the view (it may have half-happened) and the error reaches the pane.
  inner.failures.clearHighlights = new Error("Trang tính đang được bảo vệ.");
  await expect(port.clearHighlights()).rejects.toThrow("Trang tính đang được bảo vệ.");
  expect(events.at(-1)).toEqual({ kind: "changed" });
});
