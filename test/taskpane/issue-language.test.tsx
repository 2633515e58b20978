/**
 * @jest-environment jsdom
 *
 * The issue list follows the pane's language: the real engine emits issues as data, the pane renders
 * their messages, so toggling the language after a check only re-renders — no workbook read, no second
 * analysis — and keeps the issue filters.
 */
import "./dom-matchers";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { Grid } from "../../src/core/grid";
import type { ReadProgress } from "../../src/core/port";
import { GridBuilder } from "../support/grid-builder";
import { FakePort } from "./fake-port";
import type { Engine } from "../../src/taskpane/engine";

/** The real engine, its analysis counted. */
function countingEngine() {
  const real = jest.requireActual("../../src/taskpane/engine-impl") as Engine;
  const analyzeSteps = jest.fn(real.analyzeSteps);
  const engine = { ...real, analyzeSteps } as Engine;
  return { analyzeSteps, loader: () => Promise.resolve(engine) };
}

// the pane shows the cell beside the message, so the message does not name it again ("D4 — «Phong…»")
const VI_LEAD = "«Phong Van hoa - Xa hoi» không có trong danh sách đơn vị. Có phải là «Phòng Văn hóa - Xã hội»?";
const EN_LEAD = "«Phong Van hoa - Xa hoi» is not in the list of units. Did you mean «Phòng Văn hóa - Xã hội»?";
const VI_STATUS = /^không hiểu tình trạng «Sắp xong rồi»/;
const EN_STATUS = /^the status «Sắp xong rồi» is not understood/;

function plan(): Grid {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .header()
    .task({ stt: 1, content: "Tổ chức tuyên truyền", lead: "Phong Van hoa - Xa hoi", deadline: "30/11/2026" })
    .task({ stt: 2, content: "Rà soát thủ tục", lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "Sắp xong rồi" })
    .build();
}

/** The message part of each shown issue ("D4 — message"), in list order. */
function shownMessages(): string[] {
  return screen.getAllByTestId("issue").map((li) => li.textContent!.replace(/^.*? — /, "").replace(/(Sửa thành|Change to) «.*»$/, ""));
}

async function check(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId("validate"));
  await screen.findByTestId("headline");
}

test("toggling English after a check shows the issues in English without reading or analysing again", async () => {
  const port = new FakePort([plan()]);
  const user = userEvent.setup();
  const { analyzeSteps, loader } = countingEngine();
  render(<App port={port} today="2026-07-15" engine={loader} />);
  await check(user);
  expect(shownMessages()).toEqual([VI_LEAD, expect.stringMatching(VI_STATUS)]);
  expect(port.callsOf("readSheets")).toHaveLength(1);

  // Only the errors: the filter survives the language switch.
  await user.selectOptions(screen.getByTestId("filter-severity"), "error");
  expect(shownMessages()).toEqual([VI_LEAD]);

  await user.click(screen.getByRole("button", { name: "English" }));
  await waitFor(() => expect(shownMessages()).toEqual([EN_LEAD]));
  expect(screen.getByTestId("filter-severity")).toHaveValue("error");
  expect(within(screen.getByTestId("issue")).getByTestId("fix")).toHaveTextContent("Change to «Phòng Văn hóa - Xã hội»");
  await user.selectOptions(screen.getByTestId("filter-severity"), "all");
  expect(shownMessages()).toEqual([EN_LEAD, expect.stringMatching(EN_STATUS)]);
  expect(screen.getByTestId("headline")).toHaveTextContent("1 error");

  // And back: Vietnamese again, still from the grids read by the one check.
  await user.click(screen.getByRole("button", { name: "Tiếng Việt" }));
  await waitFor(() => expect(shownMessages()).toEqual([VI_LEAD, expect.stringMatching(VI_STATUS)]));
  expect(port.callsOf("readSheets")).toHaveLength(1);
  expect(analyzeSteps).toHaveBeenCalledTimes(1);
});

test("a check started in Vietnamese and toggled to English while reading ends with English issues", async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  class SlowPort extends FakePort {
    override async readSheets(onProgress?: (p: ReadProgress) => void): Promise<Grid[]> {
      const grids = await super.readSheets(onProgress);
      await gate;
      return grids;
    }
  }
  const port = new SlowPort([plan()]);
  const user = userEvent.setup();
  render(<App port={port} today="2026-07-15" />);
  await user.click(screen.getByTestId("validate"));
  await user.click(screen.getByRole("button", { name: "English" }));
  await act(async () => release());
  await screen.findByTestId("headline");
  await waitFor(() => expect(shownMessages()).toEqual([EN_LEAD, expect.stringMatching(EN_STATUS)]));
  expect(port.callsOf("readSheets")).toHaveLength(1);
});

test("the Vietnamese pane shows Vietnamese issues (the default), with one read per check", async () => {
  const port = new FakePort([plan()]);
  const user = userEvent.setup();
  render(<App port={port} today="2026-07-15" />);
  await check(user);
  await check(user);
  expect(shownMessages()).toEqual([VI_LEAD, expect.stringMatching(VI_STATUS)]);
  expect(port.callsOf("readSheets")).toHaveLength(2);
});
