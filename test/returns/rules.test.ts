/**
 * The rules of a merge a clerk can trust, one by one, on plans built in code: the words a status becomes
 * (the plan's drop-down's), dates typed as text, what needs a person; a column added right of everything
 * the table holds; the log capped and counted; summaries made before a merge say so until made again;
 * copies' file names never collide; tasks sent to no one named with their cells.
 */
import * as fs from "fs";
import * as path from "path";
import { applyMerge, reviewReturns } from "../../src/app/use-cases/merge";
import { fromA1 } from "../../src/core/a1";
import { cellAt, type Grid } from "../../src/core/grid";
import { LOG_LINE_CAP } from "../../src/documents/unit-copies/log-lines";
import { UNIT_COPY_KEY } from "../../src/core/returned-copies/copy-record";
import { decide } from "../../src/core/returned-copies/decisions";
import { normalizeFill, statusWords } from "../../src/core/returned-copies/normalize";
import { copyFileName, uniqueFileNames } from "../../src/documents/unit-copies/split";
import { defaultSettings } from "../../src/core/settings";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { runMain } from "../support/cli-io";
import { GridBuilder, STD_HEADER } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { FakePort } from "../taskpane/fake-port";
import ExcelJS from "exceljs";
import { shiftFormula } from "../../src/xlsx/cell-details";
import {
  AS_OF,
  fileOf,
  fill,
  fillCellsOf,
  KT,
  merge,
  openPort,
  planBytes,
  planFileEachTest,
  reportOf,
  split,
  T,
  taskOf,
  VH,
} from "./support";

const ctx = (choices?: string[]) => ({ words: statusWords(choices), planYear: 2026, asOf: AS_OF });

describe("a unit's words in the plan's words", () => {
  test.each([
    ["Đã xong", "Đã hoàn thành"],
    ["xong rồi", "Đã hoàn thành"],
    ["Hoàn thành 100%", "Đã hoàn thành"],
    ["đang làm, đạt khoảng 70%", "Đang thực hiện"],
    ["60%", "Đang thực hiện"],
    ["Hoàn thành trễ hạn", "Hoàn thành (chậm)"],
    ["tạm hoãn", "Tạm dừng"],
    ["chưa làm", "Chưa thực hiện"],
  ])("«%s» → «%s»", (typed, word) => {
    expect(normalizeFill("status", { kind: "text", text: typed }, ctx())).toMatchObject({ value: { kind: "text", text: word }, flags: [] });
  });

  test("the plan's drop-down words win (the first word of each status); a status nobody can read is flagged, kept as typed", () => {
    const words = ["Chưa triển khai", "Đang triển khai", "Hoàn thành", "Đang làm", "Tạm dừng"];
    expect(statusWords(words)).toMatchObject({
      not_started: "Chưa triển khai",
      in_progress: "Đang triển khai",
      done: "Hoàn thành",
      paused: "Tạm dừng",
    });
    // A status the drop-down has no word for keeps the copies' word.
    expect(statusWords(words).done_late).toBe("Hoàn thành (chậm)");
    expect(normalizeFill("status", { kind: "text", text: "Đã xong" }, ctx(words)).value).toEqual({ kind: "text", text: "Hoàn thành" });
    expect(normalizeFill("status", { kind: "text", text: "Thường xuyên thực hiện" }, ctx(words))).toEqual({
      value: { kind: "text", text: "Thường xuyên thực hiện" },
      flags: ["status_unknown"],
      status: "unknown",
    });
  });

  test("a completion date typed as text is a date; one that does not exist, or no date, or after the as-of date is flagged", () => {
    const date = (text: string) => normalizeFill("doneDate", { kind: "text", text }, ctx());
    expect(date("ngày 20/9/2026")).toEqual({ value: { kind: "date", iso: "2026-09-20" }, flags: [] });
    expect(date("20/9")).toEqual({ value: { kind: "date", iso: "2026-09-20" }, flags: [] });
    expect(date("30/02/2026").flags).toEqual(["date_invalid"]);
    expect(date("đã xong").flags).toEqual(["date_invalid"]);
    expect(date("Tháng 9/2026").flags).toEqual(["date_invalid"]);
    expect(date("05/12/2026")).toEqual({ value: { kind: "date", iso: "2026-12-05" }, flags: ["date_after_as_of"] });
    expect(normalizeFill("doneDate", { kind: "date", iso: AS_OF }, ctx()).flags).toEqual([]);
    // Notes and results are the unit's words as typed.
    expect(normalizeFill("note", { kind: "text", text: "đang làm" }, ctx()).value).toEqual({ kind: "text", text: "đang làm" });
  });
});

/** A plan whose office keeps its own notes in an unlabelled column H, some rows only. */
function notesPlan(): Grid[] {
  const g = new GridBuilder("PL1 - Trọng tâm")
    .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
    .header(STD_HEADER)
    .group("I", "Hạ tầng số")
    .task({ stt: 1, content: T.wifi, head: "Chủ tịch UBND xã", lead: KT, result: "Hệ thống mạng", deadline: "Quý III/2026" })
    .task({ stt: 2, content: T.budget, head: "Chủ tịch UBND xã", lead: KT, result: "Dự toán", deadline: "Quý IV/2026" })
    .build();
  const row = g.values.findIndex((r) => r[1] === T.budget);
  g.values[row][7] = "Văn phòng: đã nhắc ngày 05/10";
  return [g];
}

test("a column the merge adds goes right of everything the table holds (the office's notes in H stay), headed by its name", async () => {
  const grids = notesPlan();
  const plan = await buildXlsx(grids, {
    store: { version: 1, settings: defaultSettings(), summarySheets: [], highlights: [], records: {} },
  });
  const [copy] = await split(plan);
  const ret = await fill(copy.bytes, [{ task: T.wifi, note: "Đã lắp 5 điểm", status: "Tạm dừng" }]);
  const port = await openPort(plan);
  const review = await reviewReturns(port, [{ label: "kt.xlsx", port: await openPort(ret, "kt.xlsx", true) }], { asOf: AS_OF });
  expect(review.proposal.newColumns.map((n) => [n.field, n.headerCell, n.headerStyle])).toEqual([
    ["status", "I3", [{ cell: "I3", from: "G3" }]],
    ["note", "J3", [{ cell: "J3", from: "G3" }]],
  ]);
  await applyMerge(port, review);
  const g = (await port.readSheets())[0];
  const at = (a1: string) => cellAt(g, fromA1(a1)!.row, fromA1(a1)!.col);
  const budgetRow = g.values.findIndex((r) => r[1] === T.budget) + 1;
  expect([at("I3"), at("J3"), at(`H${budgetRow}`)]).toEqual(["Tình trạng", "Ghi chú", "Văn phòng: đã nhắc ngày 05/10"]);
});

test("the log lists changes up to its cap and counts the rest; a return of thousands of rows is merged", async () => {
  const plan = await planBytes();
  const copy = fileOf(await split(plan), KT);
  const port = await openPort(copy.bytes, "kt.xlsx", true);
  const grids = await port.readSheets();
  const record = await port.loadRecord(UNIT_COPY_KEY);
  // The unit pastes LOG_LINE_CAP + 500 rows of its own under its tasks: each a task not in the plan.
  const g = grids.find((x) => x.name === "PL II")!;
  const extra = LOG_LINE_CAP + 500;
  for (let i = 0; i < extra; i++)
    g.values.push([
      i + 10,
      `Việc đơn vị tự thêm số ${i + 1}: thống kê, báo cáo số liệu`,
      null,
      KT,
      null,
      null,
      "31/12/2026",
      "Đang thực hiện",
    ]);
  const ret = new FakePort(grids);
  ret.records[UNIT_COPY_KEY] = record;
  const planPort = await openPort(plan);
  const review = await reviewReturns(planPort, [{ label: "kt.xlsx", port: ret }], { asOf: AS_OF });
  expect(review.proposal.conflicts.filter((k) => k.kind === "not_in_plan")).toHaveLength(extra);
  const applied = await applyMerge(planPort, review);
  expect(applied.undecided).toHaveLength(extra);
  const wb = XlsxWorkbook.open(await planPort.toBuffer(), "p.xlsx");
  const log = wb.readGrid(wb.sheet("Nhật ký gộp")!);
  const numbered = log.values.filter((r) => typeof r[0] === "number");
  expect(numbered).toHaveLength(LOG_LINE_CAP);
  expect(JSON.stringify(log.values)).toContain(`… và ${extra - LOG_LINE_CAP} dòng nữa (không liệt kê`);
  const merges = (await planPort.loadRecord("merges")) as { merges: { log: unknown[]; truncated?: number }[] };
  expect(merges.merges[0].log.length + (merges.merges[0].truncated ?? 0)).toBe(extra);
  // Decided at once with "all": nothing waits.
  expect(decide(review.proposal, { all: "reject" }).undecided.size).toBe(0);
});

describe("copies' names and the tasks sent to no one", () => {
  test("two units whose names differ only after 120 characters get two files; names compare as file systems do", () => {
    const long =
      "Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia của xã";
    const a = `${long} - Tổ 1`;
    const b = `${long} - Tổ 2`;
    expect(copyFileName(a)).toBe(copyFileName(b));
    const names = uniqueFileNames([a, b, "Phòng Kinh tế", "PHÒNG KINH TẾ"]);
    expect(new Set(names.map((n) => n.toLocaleLowerCase("vi"))).size).toBe(4);
    expect(names[1]).toMatch(/ \(2\)\.xlsx$/);
    expect(Array.from(names[1]).length).toBeLessThanOrEqual(125);
    // Never half a character: a name cut inside a pair of UTF-16 units keeps whole code points.
    expect(copyFileName("𝓐".repeat(130))).toBe("𝓐".repeat(120) + ".xlsx");
  });

  const { dir, planFile } = planFileEachTest("phuluc-split-names-");
  test("split writes as many files as it says, and names each task it sends to no one, with its cell", async () => {
    const long =
      "Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia của xã";
    const settings = defaultSettings();
    settings.units.push({ name: `${long} - Tổ 1`, aliases: [] }, { name: `${long} - Tổ 2`, aliases: [] });
    const g = new GridBuilder("PL I")
      .title("PHỤ LỤC I", "NHIỆM VỤ NĂM 2026")
      .header()
      .task({ stt: 1, content: T.wifi, lead: KT, deadline: "Quý III/2026" })
      .task({ stt: 2, content: T.budget, lead: `${long} - Tổ 1`, deadline: "Quý IV/2026" })
      .task({ stt: 3, content: T.data, lead: `${long} - Tổ 2`, deadline: "Quý IV/2026" })
      .task({ stt: 4, content: T.plan, lead: VH, deadline: "30/11/2026" })
      .task({ stt: 5, content: T.noLead, lead: "", deadline: "30/11/2026" })
      .task({ stt: 6, content: T.drill, lead: "Ban quản lý dự án xã", deadline: "30/11/2026" })
      .build();
    fs.writeFileSync(planFile(), await buildXlsx([g], { store: { version: 1, settings, summarySheets: [], highlights: [], records: {} } }));
    const out = path.join(dir(), "gui");
    const r = await runMain(["split", planFile(), "-o", out, "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out)).toHaveLength(4);
    expect(r.out).toContain("Đã tạo 4 tệp gửi các đơn vị (4 nhiệm vụ).");
    expect(r.out).toContain(`Đã ghi 4 tệp vào thư mục ${out}.`);
    expect(r.out).toContain("2 nhiệm vụ chưa xác định được một cơ quan chủ trì nên chưa gửi ai");
    expect(r.out).toMatch(/• 'PL I'!D\d+ — 5\. Rà soát danh mục dữ liệu dùng chung của xã \(Cơ quan chủ trì: trống\)/);
    expect(r.out).toMatch(/• 'PL I'!D\d+ — 6\. Tổ chức diễn tập .* \(Cơ quan chủ trì: «Ban quản lý dự án xã»\)/);
  });
});

describe("summaries made before a merge", () => {
  const { dir, planFile } = planFileEachTest("phuluc-stale-");
  test("say so on their as-of line («… — chưa gồm lần gộp ngày …»); making the summary again clears it", async () => {
    const summarized = path.join(dir(), "tong-hop.xlsx");
    expect((await runMain(["summarize", planFile(), "-o", summarized, "--as-of", "2026-10-01"])).code).toBe(0);
    const gui = path.join(dir(), "gui");
    expect((await runMain(["split", summarized, "-o", gui, "--as-of", AS_OF])).code).toBe(0);
    const ret = path.join(dir(), "kt.xlsx");
    fs.writeFileSync(ret, await fill(fs.readFileSync(path.join(gui, `${KT}.xlsx`)), [{ task: T.standing, status: "Đang thực hiện" }]));
    const merged = path.join(dir(), "da-gop.xlsx");
    const m = await runMain(["merge", summarized, ret, "-o", merged, "--as-of", AS_OF]);
    expect(m.code).toBe(0);
    expect(m.out).toContain("Các trang tổng hợp lập trước lần gộp này (Tổng hợp");
    const asOfLine = (file: string, sheet: string) => {
      const wb = XlsxWorkbook.open(fs.readFileSync(file), "x.xlsx");
      return wb.readGrid(wb.sheet(sheet)!).values[6][0];
    };
    expect(asOfLine(summarized, "Tổng hợp")).toBe("(Số liệu tính đến ngày 01/10/2026)");
    expect(asOfLine(merged, "Tổng hợp")).toBe("(Số liệu tính đến ngày 01/10/2026 — chưa gồm lần gộp ngày 15/10/2026)");
    expect(asOfLine(merged, "Tổng hợp - Quá hạn")).toBe("(Số liệu tính đến ngày 01/10/2026 — chưa gồm lần gộp ngày 15/10/2026)");
    // The merge log is no summary: left as it is.
    const again = path.join(dir(), "tong-hop-lai.xlsx");
    expect((await runMain(["summarize", merged, "-o", again, "--as-of", AS_OF])).code).toBe(0);
    expect(asOfLine(again, "Tổng hợp")).toBe("(Số liệu tính đến ngày 15/10/2026)");
  });
});

test("a copy made before Kết quả thực hiện was the unit's column (its record without `fill`): the planned output as sent is the third value", async () => {
  const plan = await planBytes();
  const port = await openPort(fileOf(await split(plan), KT).bytes, "kt.xlsx");
  const record = (await port.loadRecord(UNIT_COPY_KEY)) as { fill?: unknown; tasks: { values: string[]; result?: string }[] };
  delete record.fill;
  for (const t of record.tasks) {
    t.values[2] = t.result === undefined ? "" : `t:${t.result}`;
    delete t.result;
  }
  await port.saveRecord(UNIT_COPY_KEY, record);
  const old = await port.toBuffer();
  const { cells } = await fillCellsOf(old, T.wifi);
  expect(cells.outcome).toBeDefined();
  // The unit of an old copy wrote its result where it used to: into Kết quả.
  const at = await locateResult(old, T.wifi);
  const edited = await openPort(old, "kt.xlsx");
  await edited.writeBatch([{ sheet: at.sheet, cell: at.cell, value: "Đã lắp 5 điểm wifi" }]);
  const m = await merge(plan, [{ name: "kt.xlsx", bytes: await edited.toBuffer() }]);
  expect(m.review.proposal.changes.map((c) => [c.field, c.after, c.conflicts])).toEqual([
    ["outcome", "Đã lắp 5 điểm wifi", ["planned_output"]],
  ]);
  expect(taskOf(await reportOf(m.bytes), T.wifi).result).toBe("Hệ thống mạng");
});

async function locateResult(bytes: Uint8Array, text: string): Promise<{ sheet: string; cell: string }> {
  const report = await reportOf(bytes);
  const t = taskOf(report, text);
  return { sheet: t.sheet, cell: `${report.sheets.find((s) => s.name === t.sheet)!.columns!.result}${t.row}` };
}

describe("a file's formulas and drop-downs (the xlsx adapter)", () => {
  test("a shared formula's cells get the master's formula moved to them, as Excel shows it", () => {
    expect(shiftFormula('IF(G6="","",G6&" A1")', 1, 0)).toBe('IF(G7="","",G7&" A1")');
    expect(shiftFormula("SUM($A$1:A6)+'PL 2'!B3+LOG10(C6)+PL1!D6", 2, 1)).toBe("SUM($A$1:B8)+'PL 2'!C5+LOG10(D8)+PL1!E8");
    expect(shiftFormula("$H6*H$6", 3, 2)).toBe("$H9*J$6");
  });

  test("read back from a workbook ExcelJS wrote (shared formulas), and a drop-down whose words are in another sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL I");
    const list = wb.addWorksheet("Danh mục");
    ["Chưa làm", "Đang làm", "Xong"].forEach((w, i) => (list.getCell(i + 1, 1).value = w));
    ws.getCell("H6").value = { formula: 'IF(G6="","","Đang làm")', result: "Đang làm", shareType: "shared", ref: "H6:H8" } as never;
    ws.getCell("H7").value = { sharedFormula: "H6", result: "Đang làm" } as never;
    ws.getCell("H8").value = { sharedFormula: "H6", result: "" } as never;
    ws.getCell("J6").value = "không có công thức";
    const validations = (ws as unknown as { dataValidations: { add: (range: string, v: object) => void } }).dataValidations;
    validations.add("H6:H20", { type: "list", allowBlank: true, formulae: ["'Danh mục'!$A$1:$A$3"] });
    validations.add("J6:J20", { type: "list", allowBlank: true, formulae: ['"Có,Không"'] });
    const port = await openPort(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "x.xlsx", true);
    const cells = ["H6", "H7", "H8", "J6", "K6"].map((cell) => ({ sheet: "PL I", cell }));
    expect(await port.readFormulas(cells)).toEqual([
      { sheet: "PL I", cell: "H6", formula: '=IF(G6="","","Đang làm")' },
      { sheet: "PL I", cell: "H7", formula: '=IF(G7="","","Đang làm")' },
      { sheet: "PL I", cell: "H8", formula: '=IF(G8="","","Đang làm")' },
    ]);
    expect(await port.readLists(cells)).toEqual([
      { sheet: "PL I", cell: "H6", list: ["Chưa làm", "Đang làm", "Xong"] },
      { sheet: "PL I", cell: "H7", list: ["Chưa làm", "Đang làm", "Xong"] },
      { sheet: "PL I", cell: "H8", list: ["Chưa làm", "Đang làm", "Xong"] },
      { sheet: "PL I", cell: "J6", list: ["Có", "Không"] },
    ]);
  });
});
