/**
 * Gộp báo cáo đơn vị, rule by rule, on real files through the use cases every door calls: the unit's
 * edits come back into the fill-in columns only; a blank never overwrites; every kind of conflict is
 * listed with its file and cells and never applied unless chosen; the log sheet; undo as a whole.
 */
import { encodeTcvn3 } from "../core/parsers/legacy-encoder";
import { cellAt, formatAt } from "../../src/core/grid";
import { fromA1 } from "../../src/core/a1";
import {
  CONFLICT_KINDS,
  MAX_MERGES,
  MAX_MERGES_BYTES,
  MERGES_KEY,
  parseMergesRecord,
  type ConflictKind,
} from "../../src/core/returned-copies/merge-schema";
import { addMerge } from "../../src/core/returned-copies/apply";
import { CONFLICT_LABELS } from "../../src/i18n/returns";
import { undoLastMerge, mergeState } from "../../src/app/use-cases/merge";
import { defaultSettings } from "../../src/core/settings";
import { removeSheet } from "../../src/xlsx/sheet-parts";
import { findStoreSheet } from "../../src/xlsx/store";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { AS_OF, CA, fileOf, fill, fillCellsOf, KT, merge, openPort, planBytes, planGrids, reportOf, split, T, taskOf, VH } from "./support";
import { buildXlsx } from "../support/xlsx-builder";

let plan: Buffer;
let files: Awaited<ReturnType<typeof split>>;
beforeAll(async () => {
  plan = await planBytes();
  files = await split(plan);
});

const kinds = (m: { review: { proposal: { conflicts: { kind: ConflictKind }[] } } }) =>
  m.review.proposal.conflicts.map((k) => k.kind).sort();

async function cell(bytes: Uint8Array, sheet: string, a1: string) {
  const port = await openPort(bytes, "x.xlsx", true);
  const grid = (await port.readSheets()).find((g) => g.name === sheet)!;
  const { row, col } = fromA1(a1)!;
  return { value: cellAt(grid, row, col), format: formatAt(grid, row, col) };
}

test("a unit's edits come back into the fill-in columns: dates as dates, TCVN3 sheets in TCVN3, missing columns added; a blank never overwrites", async () => {
  const kt = await fill(fileOf(files, KT).bytes, [
    { task: T.wifi, status: "Đã hoàn thành", doneDate: { date: "2026-09-20" }, note: null, outcome: "Đã lắp 5 điểm wifi" },
    { task: T.standing, status: "Đang thực hiện" },
    { task: T.legacy, status: "Đã hoàn thành", doneDate: { date: "2026-10-02" }, note: "Tổ chức 2 lớp" },
  ]);
  const m = await merge(plan, [{ name: "kt.xlsx", bytes: kt }]);
  expect(m.review.proposal.conflicts).toEqual([]);
  expect(m.applied).toMatchObject({ applied: 7, unresolved: 0, logSheet: "Nhật ký gộp" });
  const after = await reportOf(m.bytes);
  const wifi = taskOf(after, T.wifi);
  // The plan's planned output stays the plan's; what the unit achieved goes into Kết quả thực hiện, added
  // right of everything PL I holds.
  expect([wifi.statusRaw, wifi.doneDate, wifi.result, wifi.status]).toEqual([
    "Đã hoàn thành",
    "2026-09-20",
    "Hệ thống mạng",
    "done_on_time",
  ]);
  expect(after.sheets.find((s) => s.name === "PL I")?.columns?.outcome).toBe("K");
  expect((await cell(m.bytes, "PL I", "K4")).value).toBe("Kết quả thực hiện");
  expect((await cell(m.bytes, "PL I", `K${wifi.row}`)).value).toBe("Đã lắp 5 điểm wifi");
  // The note was left blank in the return: the plan keeps its own.
  const { cells } = await fillCellsOf(m.bytes, T.wifi);
  expect((await cell(m.bytes, "PL I", cells.note!)).value).toBe("Chờ kinh phí");
  expect(await cell(m.bytes, "PL I", cells.doneDate!)).toEqual({ value: 46285, format: "dd/mm/yyyy" });
  // PL II had no Tình trạng column: it is added at the right of the table, and read by the check.
  expect(after.sheets.find((s) => s.name === "PL II")?.columns?.status).toBe("H");
  expect((await cell(m.bytes, "PL II", "H3")).value).toBe("Tình trạng");
  expect(taskOf(after, T.standing).statusRaw).toBe("Đang thực hiện");
  // PL III is typed in TCVN3: the unit's words are written in TCVN3 too, and read back decoded.
  const legacy = await fillCellsOf(m.bytes, T.legacy);
  expect((await cell(m.bytes, "PL III", legacy.cells.status!)).value).toBe(encodeTcvn3("Đã hoàn thành"));
  expect(taskOf(after, T.legacy).statusRaw).toBe("Đã hoàn thành");
  // Only the fill-in cells changed: every other task reads as before.
  const before = await reportOf(plan);
  for (const t of before.tasks.filter((x) => ![T.wifi, T.standing, T.legacy].includes(x.content)))
    expect(taskOf(after, t.content.slice(0, 40))).toEqual({ ...t });
});

test("an unchanged copy proposes nothing; a value the plan already has is no change", async () => {
  const same = await merge(plan, [{ name: "vh.xlsx", bytes: fileOf(files, VH).bytes }]);
  expect(same.review.proposal.changes).toEqual([]);
  expect(same.review.proposal.conflicts).toEqual([]);
  const already = await fill(fileOf(files, VH).bytes, [{ task: T.data, status: "hoàn  thành" }]);
  expect((await merge(plan, [{ name: "vh.xlsx", bytes: already }])).review.proposal.changes).toEqual([]);
});

test("two returns that disagree: both held back and listed; the same value from two files is one change", async () => {
  const a = await fill(fileOf(files, VH).bytes, [
    { task: T.plan, status: "Đã hoàn thành", doneDate: { date: "2026-10-10" } },
    { task: T.standing2, note: "Đã đăng 12 tin" },
  ]);
  const b = await fill(fileOf(files, VH).bytes, [
    { task: T.plan, status: "tạm dừng, chờ kinh phí" },
    { task: T.standing2, note: "Đã đăng 12 tin" },
  ]);
  const m = await merge(plan, [
    { name: "vh-1.xlsx", bytes: a },
    { name: "vh-2.xlsx", bytes: b },
  ]);
  const p = m.review.proposal;
  const status = p.changes.filter((c) => c.field === "status");
  // The second unit's words are written as the plan's word for that status (its own words kept beside).
  expect(status.map((c) => [c.file, c.after, c.unitValue, c.conflicts])).toEqual([
    [0, "Đã hoàn thành", undefined, ["disagree"]],
    [1, "Tạm dừng", "tạm dừng, chờ kinh phí", ["disagree"]],
  ]);
  expect(p.conflicts.filter((k) => k.kind === "disagree").map((k) => [k.file, k.others, k.returnCell?.sheet, k.planCell])).toEqual([
    [0, [1], "PL I", { sheet: "PL I", cell: status[0].cell }],
    [1, [0], "PL I", { sheet: "PL I", cell: status[0].cell }],
  ]);
  const note = p.changes.filter((c) => c.field === "note");
  expect(note.map((c) => [c.file, c.alsoIn, c.conflicts])).toEqual([[0, [1], []]]);
  // The completion date of file 0 has no rival: written.
  expect(m.applied.unresolved).toBe(2);
  expect(taskOf(await reportOf(m.bytes), T.plan).statusRaw).toBe("Đang thực hiện");

  // Choosing one of them (the pane) writes it and resolves its conflict.
  const chosen = await merge(
    plan,
    [
      { name: "vh-1.xlsx", bytes: a },
      { name: "vh-2.xlsx", bytes: b },
    ],
    (r) => {
      const ids = new Set(r.proposal.changes.filter((c) => c.conflicts.length === 0).map((c) => c.id));
      ids.add(r.proposal.changes.find((c) => c.field === "status" && c.file === 0)!.id);
      return ids;
    },
  );
  expect(taskOf(await reportOf(chosen.bytes), T.plan).statusRaw).toBe("Đã hoàn thành");
  expect(chosen.applied.unresolved).toBe(1);
});

test("the return changed the plan's own columns (text, deadline, lead): listed, and that task's values wait for a choice", async () => {
  const port = await openPort(fileOf(files, KT).bytes, "kt.xlsx");
  const wifi = await fillCellsOf(await port.toBuffer(), T.wifi);
  const row = fromA1(wifi.cells.status!)!.row;
  const budget = await fillCellsOf(await port.toBuffer(), T.budget);
  const brow = fromA1(budget.cells.status!)!.row;
  const standing = await fillCellsOf(await port.toBuffer(), T.standing);
  const srow = fromA1(standing.cells.status!)!.row;
  await port.writeBatch([
    { sheet: "PL I", cell: `B${row}`, value: T.wifi.replace("miễn phí", "không thu phí") },
    { sheet: "PL I", cell: `G${brow}`, value: "Quý II/2026" },
    { sheet: "PL II", cell: `D${srow}`, value: VH },
  ]);
  const kt = await fill(await port.toBuffer(), [
    { task: "Lắp đặt mạng nội bộ", status: "Tạm dừng" },
    { task: T.budget, note: "Đã trình" },
    { task: T.standing, status: "Đang thực hiện" },
  ]);
  const m = await merge(plan, [{ name: `${KT}.xlsx`, bytes: kt }]);
  expect(kinds(m)).toEqual(["deadline_changed", "lead_changed", "text_changed"]);
  const byKind = new Map(m.review.proposal.conflicts.map((k) => [k.kind, k]));
  expect(byKind.get("text_changed")).toMatchObject({ returnCell: { sheet: "PL I", cell: `B${row}` }, planValue: T.wifi });
  expect(byKind.get("deadline_changed")).toMatchObject({ value: "Quý II/2026", planValue: "Quý I/2026", returnCell: { cell: `G${brow}` } });
  expect(byKind.get("lead_changed")).toMatchObject({ value: VH, planValue: KT });
  // The near match is shown with its confidence; the three tasks' values are held back.
  const changes = m.review.proposal.changes;
  expect(changes.map((c) => [c.field, c.conflicts])).toEqual([
    ["status", ["text_changed"]],
    ["note", ["deadline_changed"]],
    ["status", ["lead_changed"]],
  ]);
  expect(changes[0].confidence).toBeLessThan(1);
  expect(changes[0].confidence).toBeGreaterThan(0.8);
  expect(m.applied.applied).toBe(0);
  // The plan's own columns never change.
  const after = await reportOf(m.bytes);
  expect(taskOf(after, T.wifi).content).toBe(T.wifi);
  expect(taskOf(after, T.budget).deadline.raw).toBe("Quý I/2026");
});

test("a task the unit added to its copy is not in the plan; a return of another plan is not used at all", async () => {
  const port = await openPort(fileOf(files, KT).bytes, "kt.xlsx");
  await port.writeBatch([
    { sheet: "PL I", cell: "A10", value: 4 },
    { sheet: "PL I", cell: "B10", value: "Lắp camera giám sát tại trụ sở UBND xã" },
    { sheet: "PL I", cell: "D10", value: KT },
    { sheet: "PL I", cell: "G10", value: "31/12/2026" },
    { sheet: "PL I", cell: "H10", value: "Đang thực hiện" },
  ]);
  const added = await merge(plan, [{ name: "kt.xlsx", bytes: await port.toBuffer() }]);
  expect(kinds(added)).toEqual(["not_in_plan"]);
  expect(added.review.proposal.conflicts[0]).toMatchObject({
    returnCell: { sheet: "PL I", cell: "B10" },
    value: "Lắp camera giám sát tại trụ sở UBND xã",
  });

  // Another commune's plan, split and filled: nothing of it is written.
  let n = 0;
  const other = planGrids().map((g) => ({
    ...g,
    values: g.values.map((r, i) =>
      i > 2 && typeof r[0] === "number" ? [r[0], `Xây dựng mô hình chuyển đổi số điểm số ${++n} tại thôn ${n}`, ...r.slice(2)] : r,
    ),
  }));
  const otherFiles = await split(await buildXlsx(other));
  const otherKt = await fill(fileOf(otherFiles, KT).bytes, [{ task: "điểm số 1 tại", status: "Đã hoàn thành" }]);
  const year = planGrids();
  year[0].values[1] = ["NHIỆM VỤ TRỌNG TÂM NĂM 2027"];
  const yearKt = await fill(fileOf(await split(await buildXlsx(year)), KT).bytes, [{ task: T.wifi, status: "Đã hoàn thành" }]);
  const m = await merge(plan, [
    { name: "khac.xlsx", bytes: otherKt },
    { name: "nam-2027.xlsx", bytes: yearKt },
  ]);
  expect(kinds(m)).toEqual(["other_plan", "other_plan"]);
  expect(m.review.proposal.files.map((f) => f.otherPlan)).toEqual([true, true]);
  expect(m.review.proposal.changes).toEqual([]);
  expect(m.applied.applied).toBe(0);
});

test("a copy of an older version of the plan: the tasks that changed since, and values changed since, wait; the rest applies; a value the unit did not touch never reverts the plan's newer one", async () => {
  const v2 = planGrids();
  const pl1 = v2[0];
  const rowOf = (text: string) => pl1.values.findIndex((r) => r[1] === text);
  pl1.values[rowOf(T.wifi)][6] = "Quý IV/2026"; // deadline moved since the copy was sent
  pl1.values[rowOf(T.budget)][9] = "Kế toán đã nhận"; // the focal point wrote a note since
  pl1.values[rowOf(T.wifi)][9] = "Đã có kinh phí"; // … and here, where the unit writes nothing
  const planV2 = await planBytes(v2);
  const kt = await fill(fileOf(files, KT).bytes, [
    { task: T.wifi, status: "Tạm dừng" },
    { task: T.budget, note: "Đã trình dự toán" },
    { task: T.standing, status: "Đang thực hiện" },
  ]);
  const m = await merge(planV2, [{ name: "kt.xlsx", bytes: kt }]);
  expect(m.review.proposal.files[0]).toMatchObject({ planChanged: true, otherPlan: false, unit: KT, record: "ok" });
  expect(m.review.proposal.changes.map((c) => [c.after, c.conflicts])).toEqual([
    ["Tạm dừng", ["older_version"]],
    ["Đã trình dự toán", ["older_version"]],
    ["Đang thực hiện", []],
  ]);
  expect(kinds(m)).toEqual(["older_version", "older_version"]);
  const after = await reportOf(m.bytes);
  expect(taskOf(after, T.standing).statusRaw).toBe("Đang thực hiện");
  expect(taskOf(after, T.wifi).statusRaw).toBe("Đang thực hiện");
  const { cells } = await fillCellsOf(m.bytes, T.wifi);
  expect((await cell(m.bytes, "PL I", cells.note!)).value).toBe("Đã có kinh phí");
});

test("a deadline the plan reworded to the same day since the copy was sent is no older version (as for deadline_changed)", async () => {
  const v2 = planGrids();
  const pl1 = v2[0];
  pl1.values[pl1.values.findIndex((r) => r[1] === T.data)][6] = "30/9/2026"; // was "Tháng 9/2026": the same day
  const vh = await fill(fileOf(files, VH).bytes, [{ task: T.data, note: "Đã báo cáo UBND xã" }]);
  const m = await merge(await planBytes(v2), [{ name: "vh.xlsx", bytes: vh }]);
  expect(m.review.proposal.files[0]).toMatchObject({ planChanged: true, record: "ok" });
  expect(m.review.proposal.changes.map((c) => [c.after, c.conflicts])).toEqual([["Đã báo cáo UBND xã", []]]);
  expect(m.review.proposal.conflicts).toEqual([]);
});

test("a unit edits a task it does not lead (its whole-plan copy, named after it): listed and held back; its own task applies", async () => {
  const port = await openPort(plan, `${KT}.xlsx`);
  const wifi = await fillCellsOf(plan, T.wifi);
  const data = await fillCellsOf(plan, T.data);
  await port.writeBatch([
    { sheet: "PL I", cell: wifi.cells.status!, value: "Tạm dừng" },
    { sheet: "PL I", cell: data.cells.note!, value: "Phòng Kinh tế ghi hộ" },
  ]);
  // A copy that did not come from Gửi đơn vị (no record): matched by text, the unit from its file name.
  const m = await merge(plan, [{ name: `BC ${KT} - 25.11.xlsx`, bytes: await port.toBuffer() }]);
  expect(m.review.proposal.files[0]).toMatchObject({ unit: KT, unitFrom: "file_name", record: "missing" });
  expect(m.review.proposal.changes.map((c) => [c.task.text.slice(0, 20), c.conflicts, c.confidence])).toEqual([
    [T.wifi.slice(0, 20), [], 1],
    [T.data.slice(0, 20), ["not_lead"], 1],
  ]);
  expect(kinds(m)).toEqual(["not_lead"]);
  expect(m.review.proposal.conflicts[0]).toMatchObject({
    file: 0,
    field: "note",
    value: "Phòng Kinh tế ghi hộ",
    change: m.review.proposal.changes[1].id,
  });
  expect(m.applied).toMatchObject({ applied: 1, unresolved: 1 });
});

test("a return without phuluc's record (a tool dropped the hidden sheet): matched by text, unit from its one lead", async () => {
  const wb = XlsxWorkbook.open(fileOf(files, CA).bytes, "ca.xlsx");
  removeSheet(wb, findStoreSheet(wb)!);
  const bare = await fill(wb.save(), [{ task: T.security, status: "Đã hoàn thành", doneDate: { date: "2026-10-01" } }]);
  const m = await merge(plan, [{ name: "bao-cao.xlsx", bytes: bare }]);
  expect(m.review.proposal.files[0]).toMatchObject({ unit: CA, unitFrom: "leads", record: "missing", tasks: 2, matched: 2 });
  expect(m.review.proposal.conflicts).toEqual([]);
  expect(m.applied.applied).toBe(2);
  expect(taskOf(await reportOf(m.bytes), T.security).status).toBe("done_on_time");
});

test("a plan cell merged with others is a conflict (writing there would show for other tasks)", async () => {
  const g = planGrids();
  const pl1 = g[0];
  const secRow = pl1.values.findIndex((r) => r[1] === T.security) + 1;
  pl1.merges.push({ top: secRow, left: 10, bottom: secRow + 1, right: 10 });
  const merged = await planBytes(g);
  const ca = await fill(fileOf(await split(merged), CA).bytes, [{ task: T.security, note: "Đã triển khai", status: "Tạm dừng" }]);
  const m = await merge(merged, [{ name: "ca.xlsx", bytes: ca }]);
  expect(m.review.proposal.changes.map((c) => [c.field, c.conflicts])).toEqual([
    ["status", []],
    ["note", ["cell_merged"]],
  ]);
  expect(kinds(m)).toEqual(["cell_merged"]);
});

test("every kind of conflict has a name in both languages and is one of the contract's", () => {
  expect(CONFLICT_KINDS).toEqual([
    "disagree",
    "not_lead",
    "text_changed",
    "deadline_changed",
    "lead_changed",
    "not_in_plan",
    "other_plan",
    "older_version",
    "cell_merged",
    "formula",
    "planned_output",
    "status_unknown",
    "date_invalid",
    "date_after_as_of",
    "done_without_date",
  ]);
  for (const lang of ["vi", "en"] as const) for (const k of CONFLICT_KINDS) expect(CONFLICT_LABELS[lang][k]).toMatch(/\S{3}/);
  expect(CONFLICT_LABELS.vi.formula).toBe("ô có công thức");
});

test("Nhật ký gộp lists every change applied and every conflict, with file and cells; undo puts the whole merge back", async () => {
  const kt = await fill(fileOf(files, KT).bytes, [
    { task: T.wifi, status: "Đã hoàn thành", doneDate: { date: "2026-09-20" } },
    { task: T.standing, status: "Xong" },
  ]);
  const vh = await fill(fileOf(files, VH).bytes, [{ task: T.plan, status: "Chưa thực hiện" }]);
  const vh2 = await fill(fileOf(files, VH).bytes, [{ task: T.plan, status: "Tạm dừng" }]);
  const m = await merge(plan, [
    { name: "kt.xlsx", bytes: kt },
    { name: "vh.xlsx", bytes: vh },
    { name: "vh-2.xlsx", bytes: vh2 },
  ]);
  expect(m.applied).toMatchObject({ applied: 3, unresolved: 2 });
  const grids = await m.port.readSheets();
  expect(grids.map((g) => g.name)).not.toContain("Nhật ký gộp"); // phuluc's own sheet: never read as the plan
  const log = (await reportOf(m.bytes)).sheets.map((s) => s.name);
  expect(log).not.toContain("Nhật ký gộp");
  const wbLog = XlsxWorkbook.open(m.bytes, "m.xlsx");
  const logGrid = wbLog.readGrid(wbLog.sheet("Nhật ký gộp")!);
  const rows = logGrid.values.map((r) => r.map((v) => (v === null ? "" : String(v))));
  const text = rows.map((r) => r.join(" | ")).join("\n");
  expect(text).toContain("Lần gộp ngày 15/10/2026: 3 tệp (kt.xlsx; vh.xlsx; vh-2.xlsx)");
  const lines = rows.filter((r) => /^\d+$/.test(r[0]));
  expect(lines.map((r) => [r[1], r[2], r[4].startsWith("'PL"), r[6], r[9]])).toEqual([
    ["kt.xlsx", KT, true, "Tình trạng", "Đã ghi"],
    ["kt.xlsx", KT, true, "Ngày hoàn thành", "Đã ghi"],
    ["kt.xlsx", KT, true, "Tình trạng", "Đã ghi"],
    ["vh.xlsx", VH, true, "Tình trạng", "Xung đột: các đơn vị ghi khác nhau"],
    ["vh-2.xlsx", VH, true, "Tình trạng", "Xung đột: các đơn vị ghi khác nhau"],
  ]);
  expect(lines[0][3]).toMatch(/^'PL I'!H\d+$/);

  // Undo: every cell the merge wrote gets its value (and format) back; the log keeps the merge, marked undone.
  const port = m.port;
  expect((await mergeState(port)).undoable).toMatchObject({ on: AS_OF, applied: 3 });
  const undone = await undoLastMerge(port, defaultSettings());
  expect(undone).toEqual({ undone: true, cells: 4, kept: 0 });
  const back = await reportOf(await port.toBuffer());
  const orig = await reportOf(plan);
  expect(back.tasks).toEqual(orig.tasks);
  expect(back.sheets.find((s) => s.name === "PL II")?.columns?.status).toBeUndefined();
  const { cells } = await fillCellsOf(plan, T.wifi);
  expect(await cell(await port.toBuffer(), "PL I", cells.doneDate!)).toEqual(await cell(plan, "PL I", cells.doneDate!));
  const wb2 = XlsxWorkbook.open(await port.toBuffer(), "u.xlsx");
  expect(JSON.stringify(wb2.readGrid(wb2.sheet("Nhật ký gộp")!).values)).toContain("ĐÃ HOÀN TÁC");
  expect((await mergeState(port)).undoable).toBeNull();
  expect(await undoLastMerge(port, defaultSettings())).toEqual({ undone: false, cells: 0, kept: 0 });
});

test("undo leaves a cell someone edited after the merge", async () => {
  const kt = await fill(fileOf(files, KT).bytes, [{ task: T.wifi, status: "Tạm dừng", note: "Xong" }]);
  const m = await merge(plan, [{ name: "kt.xlsx", bytes: kt }]);
  const { cells } = await fillCellsOf(m.bytes, T.wifi);
  await m.port.writeBatch([{ sheet: "PL I", cell: cells.note!, value: "Sửa tay sau khi gộp" }]);
  expect(await undoLastMerge(m.port, defaultSettings())).toEqual({ undone: true, cells: 1, kept: 1 });
  const after = await reportOf(await m.port.toBuffer());
  expect(taskOf(after, T.wifi).statusRaw).toBe("Đang thực hiện");
  expect((await cell(await m.port.toBuffer(), "PL I", cells.note!)).value).toBe("Sửa tay sau khi gộp");
});

test("the merges record stays within its bounds: the last merges' logs, undo data for the last only", () => {
  let record = parseMergesRecord(undefined).record;
  const line = ["kt.xlsx", KT, "'PL I'!H7", "'PL I'!H9", "1. " + "x".repeat(120), "Tình trạng", "a", "b", "Đã ghi"] as const;
  for (let i = 0; i < MAX_MERGES + 5; i++)
    record = addMerge(record, {
      on: AS_OF,
      files: ["kt.xlsx"],
      applied: 1,
      conflicts: 0,
      undone: false,
      log: Array.from({ length: 2000 }, () => [...line] as never),
      undo: [{ s: "PL I", c: "H9", b: "a", f: null, a: "b" }],
    }).record;
  expect(record.merges.length).toBeLessThanOrEqual(MAX_MERGES);
  expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThanOrEqual(MAX_MERGES_BYTES);
  expect(record.merges.slice(0, -1).every((m) => m.undo === null)).toBe(true);
  expect(record.merges[record.merges.length - 1].undo).not.toBeNull();
  // One merge too big for the bound alone: its log is cut (and says how much), its undo data kept.
  const huge = addMerge(parseMergesRecord(undefined).record, {
    on: AS_OF,
    files: ["a.xlsx"],
    applied: 1,
    conflicts: 0,
    undone: false,
    log: Array.from({ length: 20000 }, () => [...line] as never),
    undo: [{ s: "PL I", c: "H9", b: "a", f: null, a: "b" }],
  });
  expect(Buffer.byteLength(JSON.stringify(huge.record))).toBeLessThanOrEqual(MAX_MERGES_BYTES);
  expect(huge.entry.truncated).toBeGreaterThan(0);
  expect(huge.entry.log.length + huge.entry.truncated!).toBe(20000);
  expect(huge.entry.undo).not.toBeNull();
  // A damaged record is started afresh (never a crash).
  expect(parseMergesRecord({ v: 2, merges: "x" })).toEqual({ record: { v: 1, merges: [] }, damaged: true });
  expect(MERGES_KEY).toBe("merges");
});
