/** @jest-environment jsdom */
/**
 * The pane's 'Báo cáo của các đơn vị': Gửi đơn vị hands out one file per unit (a download each, a .zip of
 * all, or in Excel for Mac each opened in a new window); Gộp báo cáo đơn vị… reads the picked files in the
 * pane, lists the proposed changes (task, field, old → new, file, match) with conflicts unticked, writes
 * exactly the ticked ones in one batch, then the log sheet; undo gives the cells back. The real engine
 * runs (the merge needs the real analysis) on the in-memory port; the returns are real .xlsx bytes.
 */
import "./dom-matchers";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import JSZip from "jszip";
import type { Grid } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import type { Engine, EngineLoader } from "../../src/taskpane/engine";
import { App } from "../../src/taskpane/App";
import type { FileDelivery } from "../../src/taskpane/file-delivery";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { AS_OF, fileOf, fill, KT, openPort, planBytes, planGrids, split, T, VH } from "../returns/support";
import { FakePort } from "./fake-port";
import { SUMMARY_MARKER } from "../../src/documents/summary/build";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const engine = jest.requireActual("../../src/taskpane/engine-impl") as Engine;
const loader: EngineLoader = () => Promise.resolve(engine);

type Copies = Awaited<ReturnType<typeof split>>;
let copies: Copies;
beforeAll(async () => {
  copies = await split(await planBytes());
});

async function setup(options: { delivery?: FileDelivery; openWorkbook?: (bytes: Uint8Array) => Promise<void> } = {}) {
  const port = new FakePort(planGrids());
  port.settings = { settings: defaultSettings() };
  port.summaryNames = ["Nhật ký gộp"];
  const saveFile = jest.fn();
  const user = userEvent.setup();
  render(
    <App
      port={port}
      today={AS_OF}
      engine={loader}
      delivery={options.delivery ?? "download"}
      saveFile={saveFile}
      openWorkbook={options.openWorkbook}
      fileName="ke-hoach.xlsx"
    />,
  );
  // The pane loads the workbook's settings and the last merge's record as it opens: let those land
  // (inside act) before the test acts, as a user would see them.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const panel = screen.getByRole("region", { name: "Báo cáo của các đơn vị" });
  return { port, saveFile, user, panel };
}

const fileOfBytes = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name, { type: XLSX_TYPE });

function cellValue(grids: Grid[], sheet: string, a1: string) {
  const g = grids.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].charCodeAt(0) - 64;
  return g.values[Number(m[2]) - g.origin.row]?.[col - g.origin.col] ?? null;
}

describe("Gửi đơn vị", () => {
  test("one download per unit named after it, and a .zip of all; nothing written into the workbook", async () => {
    const { port, saveFile, user, panel } = await setup();
    await user.click(within(panel).getByRole("button", { name: "Gửi đơn vị" }));
    const list = await within(panel).findByTestId("split-files");
    expect(list).toHaveTextContent(`${copies.length} tệp, mỗi đơn vị một tệp.`);
    const buttons = within(list).getAllByTestId("split-download");
    expect(buttons).toHaveLength(copies.length);
    const vh = copies.find((c) => c.unit === VH)!;
    const vhButton = within(list).getByRole("button", { name: `Tải ${vh.fileName} (${vh.tasks} nhiệm vụ)` });
    expect(vh.fileName).toMatch(/Văn hóa/);
    await user.click(vhButton);
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [bytes, name, type] = saveFile.mock.calls[0];
    expect([name, type]).toEqual([vh.fileName, XLSX_TYPE]);
    // The bytes are a workbook with the unit's tasks only.
    const text = JSON.stringify(await (await openPort(bytes, name, true)).readSheets()).normalize("NFC");
    expect(text).toContain(T.plan);
    expect(text).not.toContain(T.wifi);

    await user.click(within(list).getByRole("button", { name: "Tải tất cả (.zip)" }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    const [zipBytes, zipName, zipType] = saveFile.mock.calls[1];
    expect([zipName, zipType]).toEqual(["gui-don-vi.zip", "application/zip"]);
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).sort()).toEqual(copies.map((c) => c.fileName).sort());
    expect(port.callsOf("writeBatch")).toHaveLength(0);
    expect(port.callsOf("writeSummary")).toHaveLength(0);
  });

  test("Excel for Mac: no download; each unit's file opens in a new Excel window, said in one sentence", async () => {
    const openWorkbook = jest.fn(() => Promise.resolve());
    const { saveFile, user, panel } = await setup({ delivery: "sheet", openWorkbook });
    await user.click(within(panel).getByRole("button", { name: "Gửi đơn vị" }));
    const list = await within(panel).findByTestId("split-files");
    expect(list).toHaveTextContent("Excel cho Mac không cho tải tệp từ phuluc");
    expect(within(list).queryByRole("button", { name: /^Tải/ })).not.toBeInTheDocument();
    const kt = copies.find((c) => c.unit === KT)!;
    await user.click(within(list).getByRole("button", { name: `Mở ${kt.fileName} trong Excel (${kt.tasks} nhiệm vụ)` }));
    expect(openWorkbook).toHaveBeenCalledTimes(1);
    expect(
      Buffer.from((openWorkbook.mock.calls[0] as unknown as [Uint8Array])[0])
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect(await screen.findByTestId("notice")).toHaveTextContent(`Đã mở ${kt.fileName} trong cửa sổ mới`);
    // Excel for Mac opens it behind the current window (office-js#6943): the notice says where to look.
    expect(screen.getByTestId("notice")).toHaveTextContent("có thể nằm phía sau cửa sổ này");
    expect(screen.getByTestId("notice")).toHaveTextContent("menu Cửa sổ");
    expect(saveFile).not.toHaveBeenCalled();
  });

  test("an Excel that cannot open a new workbook says what to do instead", async () => {
    const { user, panel } = await setup({ delivery: "sheet" });
    await user.click(within(panel).getByRole("button", { name: "Gửi đơn vị" }));
    const list = await within(panel).findByTestId("split-files");
    expect(list).toHaveTextContent("Excel này không tạo được sổ làm việc mới từ phuluc");
    // No download or open button; only the tasks sent to no one, each a button to its lead cell.
    expect(within(list).queryAllByRole("button", { name: /^(Tải|Mở)/ })).toHaveLength(0);
    expect(within(list).getByRole("button", { name: /^Đến ô 'PL I'!D\d+: 4\. Rà soát danh mục/ })).toBeInTheDocument();
  });
});

describe("Gộp báo cáo đơn vị…", () => {
  async function returns() {
    const vh = await fill(fileOf(copies, VH).bytes, [
      { task: T.plan, status: "Đã hoàn thành", doneDate: { date: "2026-10-10" }, note: "Đã trình UBND xã" },
    ]);
    const kt = await fill(fileOf(copies, KT).bytes, [{ task: T.wifi, note: "Đã lắp xong 3 điểm" }]);
    // A second return of the same unit that disagrees on the plan's status.
    const vhOld = await fill(fileOf(copies, VH).bytes, [{ task: T.plan, status: "Tạm dừng" }]);
    return [fileOfBytes(vh, "vh.xlsx"), fileOfBytes(kt, "kt.xlsx"), fileOfBytes(vhOld, "vh-lan-2.xlsx")];
  }

  test("lists the proposals (task, field, old → new, file, match), conflicts unticked; the keyboard ticks; apply writes exactly the ticked cells in one batch, then 'Nhật ký gộp'; undo gives them back", async () => {
    const { port, user, panel } = await setup();
    const before = port.grids.map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
    const input = within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)");
    await user.upload(input, await returns());
    const review = await within(panel).findByRole("region", { name: /3 tệp: \d+ thay đổi đề xuất, \d+ xung đột/ }, { timeout: 15000 });
    // Focus moved to the proposals' heading.
    expect(document.activeElement).toBe(within(review).getByRole("heading", { level: 3 }));
    expect(within(review).getByRole("list", { name: "Các tệp đã chọn" })).toHaveTextContent(`vh.xlsx — ${VH}`);

    const boxes = within(review).getAllByRole("checkbox");
    const named = (re: RegExp) => boxes.filter((b) => re.test(b.getAttribute("aria-label") ?? accessibleName(b)));
    // The note of the plan's task: from vh.xlsx, ticked, named by its cell, field, old → new and task.
    const [note] = named(/Ghi chú: «trống» → «Đã trình UBND xã»/);
    expect(checked(note)).toBe(true);
    expect(accessibleName(note)).toContain(T.plan);
    expect(description(note)).toMatch(/^Từ vh\.xlsx \('PL I'!J\d+\) · khớp 100%/);
    // The two returns disagree on the status: both proposals held back (unticked), the conflict said.
    const statuses = named(/Tình trạng: «Đang thực hiện» → «(Đã hoàn thành|Tạm dừng)»/);
    expect(statuses).toHaveLength(2);
    for (const s of statuses) {
      expect(checked(s)).toBe(false);
      expect(description(s)).toContain("Xung đột: các đơn vị ghi khác nhau. Chỉ ghi khi bạn chọn.");
    }
    const [wifiNote] = named(/Ghi chú: «Chờ kinh phí» → «Đã lắp xong 3 điểm»/);
    expect(checked(wifiNote)).toBe(true);
    expect(description(wifiNote)).toContain("Từ kt.xlsx");

    // Keyboard: Tab to the status vh.xlsx gave and tick it with Space; untick the KT note the same way.
    const done = statuses.find((s) => /Đã hoàn thành/.test(accessibleName(s)))!;
    await tabTo(user, done);
    await user.keyboard(" ");
    expect(checked(done)).toBe(true);
    await tabTo(user, wifiNote);
    await user.keyboard(" ");
    expect(checked(wifiNote)).toBe(false);

    const ticked = within(review).getAllByRole("checkbox").filter(checked).length;
    const apply = within(review).getByRole("button", { name: `Ghi ${ticked} thay đổi đã chọn` });
    await user.click(apply);
    await waitFor(() => expect(port.callsOf("writeSummary")).toHaveLength(1), { timeout: 15000 });

    const batches = port.callsOf("writeBatch");
    expect(batches).toHaveLength(1);
    const writes = batches[0].writes;
    expect(writes).toHaveLength(ticked);
    const at = (w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell}`;
    const planRow = before[0].values.findIndex((r) => r[1] === T.plan) + before[0].origin.row;
    const wifiRow = before[0].values.findIndex((r) => r[1] === T.wifi) + before[0].origin.row;
    expect(writes.map((w) => [at(w), w.value]).sort()).toEqual(
      [
        [`PL I!H${planRow}`, "Đã hoàn thành"],
        [`PL I!I${planRow}`, { date: "2026-10-10" }],
        [`PL I!J${planRow}`, "Đã trình UBND xã"],
      ].sort(),
    );
    expect(writes.some((w) => w.cell === `J${wifiRow}`)).toBe(false);
    // The log sheet comes after the values, through the summary path.
    const order = port.calls.map((c) => c.m).filter((m) => m === "writeBatch" || m === "writeSummary");
    expect(order).toEqual(["writeBatch", "writeSummary"]);
    const spec = port.callsOf("writeSummary")[0].spec;
    expect(spec.sheets.map((s) => s.name)).toEqual(["Nhật ký gộp"]);
    const logText = JSON.stringify(spec.sheets[0]);
    for (const s of ["vh.xlsx", "kt.xlsx", "vh-lan-2.xlsx", "Đã trình UBND xã", "Không ghi (người gộp bỏ chọn)"])
      expect(logText).toContain(s);
    // The result is said beside the button, where the user is, and focus goes there; nothing is left to decide.
    const result = await within(review).findByTestId("merge-result");
    expect(result).toHaveTextContent(`Đã ghi ${ticked} thay đổi vào bảng tính`);
    expect(result).toHaveTextContent("Không còn mục nào chờ quyết định.");
    await waitFor(() => expect(document.activeElement).toBe(result));
    expect(screen.queryByTestId("notice")).not.toBeInTheDocument();
    expect(cellValue(port.grids, "PL I", `H${planRow}`)).toBe("Đã hoàn thành");

    // Undo: one more batch puts every written cell back.
    const undo = await within(panel).findByRole("button", { name: `Hoàn tác lần gộp ngày 15/10/2026 (${ticked} thay đổi)` });
    await user.click(undo);
    await waitFor(() => expect(port.callsOf("writeBatch")).toHaveLength(2), { timeout: 15000 });
    expect(await screen.findByText(`Đã hoàn tác lần gộp: ${ticked} ô trở lại giá trị cũ.`)).toBeInTheDocument();
    for (const w of writes) expect(cellValue(port.grids, w.sheet, w.cell)).toEqual(cellValue(before, w.sheet, w.cell));
    await waitFor(() => expect(within(panel).queryByTestId("merge-undo")).not.toBeInTheDocument());
  }, 60000);

  test("while the changes are written, and while a merge is undone, the progress says so", async () => {
    const { port, user, panel } = await setup();
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), (await returns()).slice(0, 1));
    const review = await within(panel).findByTestId("merge-review", {}, { timeout: 15000 });
    // Hold the batch write until the progress has been seen.
    let release = () => {};
    const write = port.writeBatch.bind(port);
    port.writeBatch = async (w) => {
      await new Promise<void>((r) => (release = r));
      return write(w);
    };
    await user.click(within(review).getByRole("button", { name: /^Ghi \d+ thay đổi đã chọn$/ }));
    await waitFor(() => expect(screen.getByTestId("progress")).toHaveTextContent("Đang ghi các thay đổi đã chọn vào bảng tính…"));
    release();
    const undo = await within(panel).findByTestId("merge-undo", {}, { timeout: 15000 });
    await user.click(undo);
    await waitFor(() => expect(screen.getByTestId("progress")).toHaveTextContent("Đang hoàn tác lần gộp…"));
    release();
    expect(await screen.findByText(/^Đã hoàn tác lần gộp: \d+ ô trở lại giá trị cũ\.$/, {}, { timeout: 15000 })).toBeInTheDocument();
  });

  test("what is still undecided stays listed after «Ghi»; a second «Ghi» goes on with the same merge; summaries made before say so until made again", async () => {
    const { port, user, panel } = await setup();
    port.productSheetList = [{ name: "Tổng hợp", key: "main", marker: SUMMARY_MARKER }];
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), await returns());
    const review = await within(panel).findByTestId("merge-review", {}, { timeout: 15000 });
    const ticked = within(review).getAllByRole("checkbox").filter(checked).length;
    await user.click(within(review).getByRole("button", { name: `Ghi ${ticked} thay đổi đã chọn` }));
    const result = await within(review).findByTestId("merge-result", {}, { timeout: 15000 });
    expect(result).toHaveTextContent(`Đã ghi ${ticked} thay đổi vào bảng tính`);
    expect(result).toHaveTextContent("Còn 2 mục chờ quyết định, liệt kê ở trên.");
    await waitFor(() => expect(document.activeElement).toBe(result));
    // The two statuses the units disagree on are still there, with their checkboxes and the button.
    expect(within(review).getByRole("heading", { level: 3 })).toHaveTextContent("Còn 2 mục chờ quyết định");
    const left = within(review).getAllByRole("checkbox");
    expect(left).toHaveLength(2);
    expect(left.every((b) => !checked(b))).toBe(true);
    // The summary made before the merge now says so; the pane offers to make it again.
    const stale = within(panel).getByTestId("stale-summaries");
    expect(stale).toHaveTextContent("Bảng tổng hợp (Tổng hợp) lập trước lần gộp này");
    expect(
      port
        .callsOf("writeBatch")
        .flatMap((b) => b.writes)
        .find((w) => w.sheet === "Tổng hợp"),
    ).toMatchObject({
      cell: "A7",
      value: expect.stringMatching(/^\(Số liệu .*chưa gồm lần gộp ngày 15\/10\/2026\)$/),
    });

    // Choose one of the two: one more cell, the same merge (one record entry, its undo covering both steps).
    await user.click(left.find((b) => /Đã hoàn thành/.test(accessibleName(b)))!);
    await user.click(within(review).getByRole("button", { name: "Ghi 1 thay đổi đã chọn" }));
    await waitFor(
      () => expect(within(review).getByTestId("merge-result")).toHaveTextContent("Đã ghi 1 thay đổi vào bảng tính (cả lần gộp này:"),
      {
        timeout: 15000,
      },
    );
    expect(within(review).getByTestId("merge-result")).toHaveTextContent("Không còn mục nào chờ quyết định.");
    expect(within(review).queryAllByRole("checkbox")).toHaveLength(0);
    const record = port.records.merges as { merges: { applied: number; undo: unknown[] }[] };
    expect(record.merges).toHaveLength(1);
    expect(record.merges[0].applied).toBe(ticked + 1);
    expect(record.merges[0].undo).toHaveLength(ticked + 1);

    // Tạo lại bảng tổng hợp: the summary is written afresh, the line goes.
    await user.click(within(panel).getByRole("button", { name: "Tạo lại bảng tổng hợp" }));
    await waitFor(() => expect(within(panel).queryByTestId("stale-summaries")).not.toBeInTheDocument(), { timeout: 15000 });
    expect(port.callsOf("writeSummary").some((c) => c.spec.marker === SUMMARY_MARKER)).toBe(true);
  }, 60000);

  test("Hủy closes the proposals without writing anything", async () => {
    const { port, user, panel } = await setup();
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), (await returns()).slice(0, 1));
    const review = await within(panel).findByTestId("merge-review", {}, { timeout: 15000 });
    await user.click(within(review).getByRole("button", { name: "Hủy" }));
    expect(within(panel).queryByTestId("merge-review")).not.toBeInTheDocument();
    expect(port.callsOf("writeBatch")).toHaveLength(0);
    expect(port.callsOf("saveRecord")).toHaveLength(0);
    expect(port.callsOf("updateRecord")).toHaveLength(0);
  });

  test("a file that is not a workbook is named with the reason in Vietnamese; the other file is still merged", async () => {
    const { port, user, panel } = await setup();
    const [vh] = await returns();
    const notes = new File(["Báo cáo tháng 10: đã xong"], "ghi-chu.xlsx", { type: XLSX_TYPE });
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), [notes, vh]);
    const review = await within(panel).findByTestId("merge-review", {}, { timeout: 15000 });
    const bad = within(review).getByTestId("merge-unreadable");
    expect(bad).toHaveTextContent("1 tệp không đọc được — bỏ qua, các tệp khác vẫn được gộp:");
    expect(within(bad).getByRole("listitem")).toHaveTextContent(
      "Tệp «ghi-chu.xlsx» là tệp văn bản (ví dụ CSV) chứ không phải sổ làm việc Excel, dù tên có đuôi .xlsx.",
    );
    expect(within(review).getAllByRole("checkbox").length).toBeGreaterThan(0);
    await user.click(within(review).getByRole("button", { name: /^Ghi \d+ thay đổi đã chọn$/ }));
    await waitFor(() => expect(port.callsOf("writeBatch")).toHaveLength(1), { timeout: 15000 });
  });

  test("only unreadable files: an error in Vietnamese, nothing proposed; the panel still works afterwards", async () => {
    const { port, user, panel } = await setup();
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), [
      new File([new Uint8Array([0, 1, 2, 3])], "hong.xlsx", { type: XLSX_TYPE }),
    ]);
    const alert = await screen.findByRole("alert", {}, { timeout: 15000 });
    expect(alert).toHaveTextContent("Tệp «hong.xlsx» không phải sổ làm việc Excel (.xlsx).");
    expect(within(panel).queryByTestId("merge-review")).not.toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Gửi đơn vị" }));
    expect(await within(panel).findByTestId("split-files")).toBeInTheDocument();
    expect(port.callsOf("writeBatch")).toHaveLength(0);
  });

  test("a return of another plan is flagged and nothing of it is proposed", async () => {
    const other = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026 CỦA XÃ KHÁC")
      .header()
      .group("I", "Văn hóa")
      .task({
        stt: 1,
        content: "Tổ chức liên hoan văn nghệ quần chúng mừng Xuân",
        lead: VH,
        deadline: "Quý I/2026",
        status: "Đang thực hiện",
      })
      .task({ stt: 2, content: "Kiểm kê di tích lịch sử cấp xã", lead: VH, deadline: "Quý II/2026", status: "Đang thực hiện" })
      .task({
        stt: 3,
        content: "Phát động phong trào đọc sách trong trường học",
        lead: VH,
        deadline: "Quý III/2026",
        status: "Đang thực hiện",
      })
      .build();
    const otherBytes = await buildXlsx([other], {
      store: { version: 1, settings: defaultSettings(), summarySheets: [], highlights: [], records: {} },
    });
    const [otherCopy] = await split(otherBytes);
    const filled = await fill(otherCopy.bytes, [{ task: "Kiểm kê di tích", status: "Đã hoàn thành" }]);
    const { port, user, panel } = await setup();
    await user.upload(within(panel).getByLabelText("Chọn các tệp đơn vị gửi về (.xlsx)"), [fileOfBytes(filled, "xa-khac.xlsx")]);
    const review = await within(panel).findByTestId("merge-review", {}, { timeout: 15000 });
    expect(within(review).getByRole("list", { name: "Các tệp đã chọn" })).toHaveTextContent("xa-khac.xlsx");
    expect(review).toHaveTextContent("tệp của kế hoạch khác: không dùng");
    expect(within(review).queryAllByRole("checkbox")).toHaveLength(0);
    const conflicts = within(review).getByRole("list", { name: /Xung đột khác/ });
    expect(conflicts).toHaveTextContent("tệp của kế hoạch khác — xa-khac.xlsx");
    expect(port.callsOf("writeBatch")).toHaveLength(0);
  });
});

const checked = (el: HTMLElement) => (el as HTMLInputElement).checked;

/** The accessible name of a checkbox: its <label>'s text. */
function accessibleName(el: HTMLElement): string {
  const id = el.id;
  const label = id ? document.querySelector(`label[for="${id}"]`) : el.closest("label");
  return (label?.textContent ?? "").replace(/\s+/g, " ").trim();
}

function description(el: HTMLElement): string {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((i) => document.getElementById(i)?.textContent ?? "").join(" ");
}

/** Press Tab until `el` has focus (at most 200 times). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, el: HTMLElement) {
  for (let i = 0; i < 200 && document.activeElement !== el; i++) await user.tab();
  expect(document.activeElement).toBe(el);
}
