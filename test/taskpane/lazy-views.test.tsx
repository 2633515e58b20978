/** @jest-environment jsdom */
/**
 * The pane's deferred views (src/taskpane/views/lazy.ts) on first use, before their chunks are loaded
 * (test/support/jest-after-env.ts leaves them unloaded for this file only): the pane paints without them,
 * each appears once its code has come, and a chunk that cannot load says so in its place.
 */
import "./dom-matchers";
import { useEffect } from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { lazyView } from "../../src/taskpane/lazy-view";
import { FakePort } from "./fake-port";
import { plSheet, testEngine } from "./fake-engine";

test("the pane paints its toolbar at once; the returns, the results and the settings come when their code has loaded", async () => {
  const user = userEvent.setup();
  const mock = testEngine();
  render(<App port={new FakePort([plSheet([["1", "Việc", "CT", "Phong VHXH", "", ""]])])} today="2026-11-24" engine={mock.loader} />);
  expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Tạo bảng tổng hợp" })).toBeInTheDocument();
  expect(await screen.findByRole("region", { name: "Báo cáo của các đơn vị" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await screen.findByTestId("headline")).toHaveTextContent("1 nhiệm vụ trong 1 phụ lục");
  expect(screen.getAllByTestId("issue")).toHaveLength(2);
  await user.click(screen.getByRole("button", { name: "Cài đặt" }));
  expect(await screen.findByTestId("settings")).toBeInTheDocument();
});

test("a view whose chunk cannot load says so where it would be, and the rest of the pane stays", async () => {
  const Broken = lazyView<{ text: string }>(() => Promise.reject(new Error("Loading chunk 42 failed")));
  // React reports an error its boundary caught on the console (in development): expected here, kept quiet.
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  render(
    <div>
      <p>trước</p>
      <Broken text="x" />
    </div>,
  );
  expect(await screen.findByRole("alert")).toHaveTextContent("Không tải được phuluc (Loading chunk 42 failed).");
  expect(screen.getByText("trước")).toBeInTheDocument();
  expect(logged.mock.calls.flat().map(String).join(" ")).toContain("Loading chunk 42 failed");
  logged.mockRestore();
  await expect(Broken.preload()).rejects.toThrow("Loading chunk 42 failed"); // asked again: tried again
});

test("a loaded view renders at once, with its props", async () => {
  const Shown = lazyView<{ text: string }>(async () => ({ text }: { text: string }) => <p>{text}</p>);
  await Shown.preload();
  render(<Shown text="ngay" />);
  expect(screen.getByText("ngay")).toBeInTheDocument(); // no await: already there
});

test("a view shown before its code came is mounted once: rendering again after it loaded keeps it", async () => {
  let mounts = 0;
  function Counted({ text }: { text: string }) {
    useEffect(() => void mounts++, []);
    return <p>{text}</p>;
  }
  const Late = lazyView<{ text: string }>(async () => Counted);
  const { rerender } = render(<Late text="một" />);
  expect(await screen.findByText("một")).toBeInTheDocument();
  rerender(<Late text="hai" />);
  expect(screen.getByText("hai")).toBeInTheDocument();
  expect(mounts).toBe(1);
});
