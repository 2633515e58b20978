/**
 * @jest-environment jsdom
 */
/** Ribbon commands: the same steps as the pane, on the fake Excel, with the real engine and summary. */
import { STORE_SHEET } from "../../src/core/store";
import { fakeStoreOf } from "../support/store-cells";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { DIALOG_CLOSE, DIALOG_MAX_OPEN_MS, dialogUrl, officeDialogNotify, renderDialog } from "../../src/commands/dialog";
import { createCommands, type CommandDeps } from "../../src/commands/run-commands";
import { COMMAND_NAMES } from "../../src/commands/names";
import { excelTexts } from "../../src/i18n/excel";
import { OUTCOME_TEXTS } from "../../src/i18n/commands";
import type { FakeExcel } from "../fakes/fake-excel";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { GridBuilder } from "../support/grid-builder";

function plan() {
  return new GridBuilder("PL I")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .header()
    .group("I", "Chuyển đổi số")
    .task({ stt: 1, content: "Số hóa hồ sơ", lead: "Phòng Văn hóa - Xã hội", deadline: "30/11/2026", status: "Đang thực hiện" })
    .task({ stt: 2, content: "Lập kế hoạch", lead: "", deadline: "Quý IV/2026" });
}

function setup(fake: FakeExcel) {
  const notes: [string, string][] = [];
  const deps: CommandDeps = {
    port: () => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported }),
    today: () => "2026-11-24",
    notify: async (m, k) => void notes.push([m, k]),
  };
  return { notes, commands: createCommands(deps) };
}

const event = () => ({ completed: jest.fn() });

describe("ribbon commands", () => {
  test("validateWorkbook: reads, analyses, highlights issue cells, tells the result in Vietnamese, completes", async () => {
    const fake = fakeWorkbook([plan()]);
    const { notes, commands } = setup(fake);
    const ev = event();
    await commands.validateWorkbook(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(notes).toHaveLength(1);
    expect(notes[0][1]).toBe("ok");
    expect(notes[0][0]).toBe(OUTCOME_TEXTS.vi.checked(2, 1, 0, 1)); // the missing lead of task 2
    expect(notes[0][0]).toMatch(/^Đã kiểm tra 2 nhiệm vụ: 1 lỗi, 0 cảnh báo/);
    const store = fakeStoreOf(fake.model).store;
    expect(store.highlights).toHaveLength(1);
    const lead = store.highlights.find((h) => h.cell === "D6");
    expect(lead).toMatchObject({ sheet: "PL I", previousFill: null, appliedFill: "FFC7CE" });
    expect(fake.model.sheet("PL I").at("D6")?.fill).toBe("#FFC7CE");
  });

  test("buildSummary: writes the summary sheets and names them in the message", async () => {
    const fake = fakeWorkbook([plan()]);
    const { notes, commands } = setup(fake);
    const ev = event();
    await commands.buildSummary(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    const names = fake.model.sheets.map((s) => s.name).filter((n) => n !== "PL I" && n !== STORE_SHEET);
    expect(names.length).toBeGreaterThan(0);
    expect(notes).toEqual([[OUTCOME_TEXTS.vi.summaryDone(names), "ok"]]);
  });

  test("clearHighlights: after a check, takes phuluc's fills off and tells so", async () => {
    const fake = fakeWorkbook([plan()]);
    const { notes, commands } = setup(fake);
    await commands.validateWorkbook(event());
    expect(fake.model.sheet("PL I").at("D6")?.fill).toBe("#FFC7CE");
    const ev = event();
    await commands.clearHighlights(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(notes[1]).toEqual([OUTCOME_TEXTS.vi.highlightsCleared, "ok"]);
    expect(fake.model.sheet("PL I").at("D6")?.fill ?? null).toBeNull();
    expect(fakeStoreOf(fake.model).store.highlights).toEqual([]);
  });

  test("buildSummary: a finishing touch Excel refuses is named in the message", async () => {
    const fake = fakeWorkbook([plan()]);
    fake.model.rejectOps = (req) => req.set === "pageLayout.zoom";
    const { notes, commands } = setup(fake);
    await commands.buildSummary(event());
    expect(notes[0][1]).toBe("ok");
    expect(notes[0][0]).toMatch(/^Đã tạo bảng tổng hợp: .*\. Excel này không nhận: co vừa một trang theo chiều ngang \(Tổng hợp/);
  });

  test("an Excel error still completes the event, with a Vietnamese error message", async () => {
    const fake = fakeWorkbook([plan()]);
    fake.model.cellEditMode = true;
    const { notes, commands } = setup(fake);
    for (const name of COMMAND_NAMES) {
      const ev = event();
      await commands[name](ev);
      expect(ev.completed).toHaveBeenCalledTimes(1);
    }
    expect(notes.map((n) => n[1])).toEqual(COMMAND_NAMES.map(() => "error"));
    expect(notes[0][0]).toBe(excelTexts.commandFailed(excelTexts.cellEditMode));
  });

  test("even if showing the message fails, the event completes", async () => {
    const fake = fakeWorkbook([plan()]);
    const commands = createCommands({
      ...setup(fake),
      port: () => new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported }),
      today: () => "2026-11-24",
      notify: () => Promise.reject(new Error("12007")),
    });
    const ev = event();
    await commands.validateWorkbook(ev);
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });
});

describe("result dialog", () => {
  test("the safety timer runs from the call, so a dialog whose callback never comes still lets the command complete", async () => {
    jest.useFakeTimers();
    const displayDialogAsync = jest.fn(); // an Office that never calls back (a blocked or stuck dialog)
    (globalThis as any).Office = {
      context: { ui: { displayDialogAsync } },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    };
    try {
      let done = false;
      const shown = officeDialogNotify(() => "https://localhost:3000/commands.html")("Đã kiểm tra", "ok").then(() => (done = true));
      expect(displayDialogAsync).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(DIALOG_MAX_OPEN_MS);
      await shown;
      expect(done).toBe(true);
      // A callback that arrives after all closes the dialog it opened at once.
      const close = jest.fn();
      displayDialogAsync.mock.calls[0][2]({ status: "succeeded", value: { close, addEventHandler: jest.fn() } });
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
      delete (globalThis as any).Office;
    }
  });

  test("the URL carries the message; the page shows it as text (never HTML) and closes through messageParent", () => {
    const msg = 'Đã tạo bảng tổng hợp: "<img src=x onerror=alert(1)>" & more';
    const url = dialogUrl("https://localhost:3000/commands.html?_host_Info=Excel#x", msg, "ok");
    expect(url.startsWith("https://localhost:3000/commands.html?dialog=1&kind=ok&msg=")).toBe(true);
    const params = new URL(url).searchParams;
    const close = jest.fn();
    renderDialog(document, params, close);
    expect(document.getElementById("message")!.textContent).toBe(msg);
    expect(document.querySelector("img")).toBeNull();
    const button = document.querySelector("button")!;
    expect(button.textContent).toBe("Đóng");
    button.click();
    expect(close).toHaveBeenCalledTimes(1);
    expect(DIALOG_CLOSE).toBe("phuluc:close");
    // Escape closes it as well (keyboard users need not Tab to the button).
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(close).toHaveBeenCalledTimes(2);
  });

  test("commands.ts registers both functions with Office.actions.associate and as globals", () => {
    const associate = jest.fn();
    (globalThis as any).Office = { actions: { associate }, onReady: jest.fn(), context: {} };
    jest.isolateModules(() => {
      require("../../src/commands/commands");
    });
    expect(associate.mock.calls.map((c) => c[0])).toEqual([...COMMAND_NAMES]);
    for (const n of COMMAND_NAMES) expect(typeof (globalThis as any)[n]).toBe("function");
    delete (globalThis as any).Office;
  });
});
