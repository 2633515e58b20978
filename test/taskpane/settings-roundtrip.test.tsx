/** @jest-environment jsdom */
/**
 * `phuluc settings` and the pane's Cài đặt are two doors on one store (the port's loadSettings /
 * saveSettings, the `_phuluc` sheet): what the CLI writes, Cài đặt shows; what Cài đặt saves, the CLI
 * prints. On real .xlsx files, through the file adapter both doors use outside Excel.
 */
import "./dom-matchers";
import * as fs from "fs";
import * as path from "path";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { SettingsJsonSchema } from "../../src/core/document/settings-json";
import { anHoaPlan, IDENTITY_OPTIONS } from "../support/commune-plans";
import { runMain } from "../support/cli-io";
import { makeTempDir, removeTempDir, writeTempXlsx } from "../support/xlsx-builder";
import { testEngine } from "./fake-engine";

let dir: string;
beforeEach(() => {
  dir = makeTempDir("phuluc-settings-roundtrip-");
});
afterEach(() => removeTempDir(dir));

async function openSettings(port: XlsxWorkbookPort) {
  const user = userEvent.setup();
  render(<App port={port} today="2026-11-24" engine={testEngine().loader} />);
  await user.click(await screen.findByRole("button", { name: "Cài đặt" }));
  await screen.findByTestId("settings");
  return user;
}

test("written with the CLI, read in Cài đặt", async () => {
  const file = await writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" });
  const out = path.join(dir, "an-hoa-cai-dat.xlsx");
  const cli = await runMain(["settings", file, "-o", out, ...IDENTITY_OPTIONS]);
  expect(cli.code).toBe(0);
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(out), "an-hoa-cai-dat.xlsx");
  await openSettings(port);
  expect(screen.getByLabelText("Xã, phường hoặc đặc khu")).toHaveValue("phường Lê Chân");
  expect(screen.getByLabelText("Số kế hoạch (ví dụ: 45/KH-UBND)")).toHaveValue("25/KH-UBND");
  expect(screen.getByLabelText("Ngày ban hành kế hoạch (ngày/tháng/năm)")).toHaveValue("15/03/2026");
  const report = screen.getByTestId("report-settings");
  expect(within(report).getByLabelText("Họ và tên người ký")).toHaveValue("Nguyễn Văn A");
  expect(within(report).getByLabelText("Chức danh người ký (mỗi dòng một dòng in)")).toHaveValue("CHỦ TỊCH");
});

test("saved in Cài đặt, printed by the CLI", async () => {
  const file = await writeTempXlsx(anHoaPlan(), { dir, name: "an-hoa.xlsx" });
  const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(file), "an-hoa.xlsx");
  const user = await openSettings(port);
  await user.type(screen.getByLabelText("Xã, phường hoặc đặc khu"), "xã An Hòa");
  await user.type(screen.getByLabelText("Số kế hoạch (ví dụ: 45/KH-UBND)"), "46/KH-UBND");
  await user.type(screen.getByLabelText("Ngày ban hành kế hoạch (ngày/tháng/năm)"), "12/3/2026");
  await user.type(screen.getByLabelText("Kế hoạch về (trích yếu)"), "chuyển đổi số năm 2026");
  await user.type(within(screen.getByTestId("report-settings")).getByLabelText("Họ và tên người ký"), "Trần Thị B");
  await user.click(screen.getByRole("button", { name: "Lưu" }));
  await screen.findByText("Đã lưu cài đặt vào bảng tính.");

  const saved = path.join(dir, "an-hoa-luu.xlsx");
  fs.writeFileSync(saved, await port.toBuffer());
  const r = await runMain(["settings", saved, "--json"]);
  expect(r.code).toBe(0);
  const json = SettingsJsonSchema.parse(JSON.parse(r.out));
  expect(json.settings).toMatchObject({
    communeName: "xã An Hòa",
    planNumber: "46/KH-UBND",
    planDate: "2026-03-12",
    planName: "chuyển đổi số năm 2026",
    report: { signerName: "Trần Thị B" },
  });
  expect(json.identity).toMatchObject({
    commune: { kind: "xa", name: "An Hòa" },
    plan: { number: "46/KH-UBND", date: "2026-03-12", title: "chuyển đổi số năm 2026" },
  });
  const text = await runMain(["settings", saved]);
  expect(text.out).toContain("Kế hoạch: Kế hoạch số 46/KH-UBND ngày 12/3/2026 của UBND xã An Hòa về chuyển đổi số năm 2026");
});
