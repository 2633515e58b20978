/**
 * Gửi đơn vị: one workbook per lead unit, read back by an independent reader (ExcelJS) and by phuluc's
 * own check — the unit's tasks only, with the plan's titles, headers, widths and groups; the fill-in
 * columns marked (added when the plan has none); the Tình trạng drop-down; the identities recorded.
 */
import ExcelJS from "exceljs";
import { parseStatus } from "../../src/core/status";
import { STATUS_CHOICES } from "../../src/core/returned-copies/fields";
import { parseUnitCopyRecord, UNIT_COPY_KEY } from "../../src/core/returned-copies/copy-record";
import { copyFileName, FILL_CELL_RGB, FILL_HEADER_RGB } from "../../src/documents/unit-copies/split";
import { fingerprintOf } from "../../src/core/returned-copies/merge";
import { AS_OF, CA, fileOf, KT, openPort, planBytes, reportOf, split, T, VH } from "./support";
import { TRACKING_HEADER } from "../support/grid-builder";

let plan: Buffer;
let files: Awaited<ReturnType<typeof split>>;
beforeAll(async () => {
  plan = await planBytes();
  files = await split(plan);
});

async function excelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

test("one file per lead unit, named after the unit with its Vietnamese letters; tasks without one lead go to no one", () => {
  expect(files.map((f) => f.fileName)).toEqual([`${VH}.xlsx`, `${KT}.xlsx`, `${CA}.xlsx`]);
  expect(files.map((f) => f.tasks)).toEqual([3, 4, 2]);
  expect(copyFileName("Văn phòng HĐND/UBND: xã?")).toBe("Văn phòng HĐND-UBND- xã-.xlsx");
});

test("a copy holds exactly the unit's tasks as the plan has them, and checks cleanly", async () => {
  const planReport = await reportOf(plan);
  for (const f of files) {
    const report = await reportOf(f.bytes);
    const mine = planReport.tasks.filter((t) => t.lead === f.unit);
    expect(report.tasks.map((t) => [t.content, t.lead, t.deadline.raw, t.deadline.due, t.statusRaw, t.doneDate])).toEqual(
      mine.map((t) => [t.content, t.lead, t.deadline.raw, t.deadline.due, t.statusRaw, t.doneDate]),
    );
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.planYear).toBe(planReport.planYear);
  }
  // The continuation row is joined to its task; the lead merged down is written into each row.
  const ca = await reportOf(fileOf(files, CA).bytes);
  expect(ca.tasks.map((t) => t.content)).toEqual([T.security, T.drill]);
  const vh = await reportOf(fileOf(files, VH).bytes);
  expect(vh.tasks[0].content).toBe(`${T.data} và báo cáo kết quả về UBND xã`);
});

test("titles, headers, groups, widths, the marked fill-in columns, the drop-down, print setup (read by ExcelJS)", async () => {
  const wb = await excelJs(fileOf(files, KT).bytes);
  expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
    ["PL I", "visible"],
    ["PL II", "visible"],
    ["PL III", "visible"],
    ["_phuluc", "veryHidden"],
  ]);
  const ws = wb.getWorksheet("PL I")!;
  expect(ws.getCell("A1").value).toBe("PHỤ LỤC I");
  expect(ws.getCell("A2").value).toBe("NHIỆM VỤ TRỌNG TÂM NĂM 2026");
  expect(String(ws.getCell("A4").value)).toContain(`Gửi ${KT}`);
  // The plan's columns, then Kết quả thực hiện (what the unit achieved), which the plan has not.
  expect(ws.getRow(5).values).toEqual([undefined, ...TRACKING_HEADER, "Kết quả thực hiện"]);
  // Both groups hold a task of the unit: each group row comes before its tasks.
  expect([6, 7, 8, 9].map((r) => ws.getCell(r, 1).value)).toEqual(["I", 1, "II", 3]);
  expect(ws.getCell("B7").value).toBe(T.wifi);
  expect(ws.getCell("B9").value).toBe(T.budget);
  expect(ws.getColumn(2).width).toBe(52);
  expect(ws.getColumn(10).width).toBe(26);
  // Fill-in columns (Tình trạng, Ngày hoàn thành, Ghi chú, Kết quả thực hiện): amber headers, light cells; the
  // others are not marked — the planned output (Kết quả, F) is the plan's.
  const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  for (const col of ["H", "I", "J", "K"]) expect(fillOf(ws.getCell(`${col}5`))).toBe("FF" + FILL_HEADER_RGB);
  for (const col of ["H", "I", "J", "K"]) expect(fillOf(ws.getCell(`${col}7`))).toBe("FF" + FILL_CELL_RGB);
  expect(ws.getCell("F7").value).toBe("Hệ thống mạng");
  for (const col of ["A", "B", "D", "E", "F", "G"]) {
    expect(fillOf(ws.getCell(`${col}5`))).not.toBe("FF" + FILL_HEADER_RGB);
    expect(fillOf(ws.getCell(`${col}7`))).not.toBe("FF" + FILL_CELL_RGB);
  }
  expect(ws.getCell("I9").numFmt).toBe("dd/mm/yyyy");
  // The drop-down on Tình trạng, with the statuses the engine reads.
  const dv = (ws as any).dataValidations.model as Record<string, ExcelJS.DataValidation>;
  const rule = Object.entries(dv).find(([, v]) => v.type === "list");
  expect(rule?.[1].formulae).toEqual([`"${STATUS_CHOICES.join(",")}"`]);
  expect(rule?.[0]).toMatch(/^H7(:H9)?$|H7:H9/);
  expect(STATUS_CHOICES.map((s) => parseStatus(s))).toEqual(["not_started", "in_progress", "done", "done_late", "paused"]);
  // Printed like the plan: A4 landscape, fit to width, the header on every page; frozen under the header.
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.printTitlesRow).toBe("5:5");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
});

test("a plan sheet without the fill-in columns gets them in the copy, at the right, marked", async () => {
  const wb = await excelJs(fileOf(files, KT).bytes);
  const ws = wb.getWorksheet("PL II")!;
  const header = ws.getRow(4).values as unknown[];
  expect(header.slice(8)).toEqual(["Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện", "Ghi chú"]);
  expect(header.slice(6, 8)).toEqual(["Kết quả", "Thời gian hoàn thành"]);
  const report = await reportOf(fileOf(files, KT).bytes);
  expect(report.sheets.find((s) => s.name === "PL II")?.columns).toMatchObject({
    status: "H",
    doneDate: "I",
    outcome: "J",
    note: "K",
    result: "F",
  });
});

test("a TCVN3 sheet is sent decoded to Unicode (readable in any font)", async () => {
  const wb = await excelJs(fileOf(files, KT).bytes);
  const ws = wb.getWorksheet("PL III")!;
  expect(ws.getCell("A1").value).toBe("PHỤ LỤC III");
  const report = await reportOf(fileOf(files, KT).bytes);
  expect(report.sheets.find((s) => s.name === "PL III")?.encoding).toBe("unicode");
  expect(report.tasks.find((t) => t.sheet === "PL III")?.content).toBe(T.legacy);
});

test("the copy's record: the unit, the day, the plan's stamp, each task's identity and values as sent", async () => {
  const port = await openPort(fileOf(files, KT).bytes, "kt.xlsx", true);
  const { record, damaged } = parseUnitCopyRecord(await port.loadRecord(UNIT_COPY_KEY));
  expect(damaged).toBe(false);
  const planReport = await reportOf(plan);
  expect(record).toMatchObject({ v: 1, unit: KT, sentOn: AS_OF, plan: { year: 2026, tasks: planReport.tasks.length, file: "plan.xlsx" } });
  expect(record!.plan.fingerprint).toBe(fingerprintOf(planReport.tasks));
  expect(record!.tasks.map((t) => [t.sheet, t.text, t.lead, t.copySheet])).toEqual([
    ["PL I", T.wifi, KT, "PL I"],
    ["PL I", T.budget, KT, "PL I"],
    ["PL II", T.standing, KT, "PL II"],
    ["PL III", T.legacy, KT, "PL III"],
  ]);
  // The values of the unit's columns as sent (Kết quả thực hiện empty); the planned output beside them.
  expect(record!.fill).toEqual(["status", "doneDate", "outcome", "note"]);
  expect(record!.tasks[0].values).toEqual(["t:Đang thực hiện", "", "", "t:Chờ kinh phí"]);
  expect(record!.tasks[0].result).toBe("Hệ thống mạng");
  expect(record!.tasks[1].values[1]).toBe("d:2026-03-25");
  // Identities are the plan's (distinct), the rows those of the copy.
  expect(new Set(record!.tasks.map((t) => t.id)).size).toBe(4);
  expect(record!.tasks.map((t) => t.copyRow)).toEqual([7, 9, 6, 5]);
  // The copy keeps the plan's settings (its unit list), so the return reads the same.
  expect((await port.loadSettings()).settings.units.length).toBeGreaterThan(3);
});

test("the plan is only read", async () => {
  const before = Buffer.from(plan);
  await split(plan);
  expect(Buffer.compare(before, plan)).toBe(0);
});
