/**
 * The comparison on two real versions of a plan (the engine reads both): each kind of change, its cell,
 * the stable order, the counts per unit; the same result from a snapshot and from the other file itself.
 */
import { analyze } from "../../../src/core/analyze";
import { changesBetween, computeChanges, countChanges } from "../../../src/core/changes";
import { ChangesSchema, type TaskChange } from "../../../src/core/changes-schema";
import { ReportSchema, type Report } from "../../../src/core/report-schema";
import { defaultSettings } from "../../../src/core/settings";
import { addSnapshot, decodeBook, emptyBook, identifyReport } from "../../../src/core/snapshot";
import { AFTER_AS_OF, BEFORE_AS_OF, planAfter, planBefore, TEXTS } from "../../support/plan-versions";

const settings = defaultSettings();
const before = (): Report => analyze(planBefore(), { asOf: BEFORE_AS_OF, settings });
const after = (): Report => analyze(planAfter(), { asOf: AFTER_AS_OF, settings });

/** The book after the summary of 30/06, as read back from the workbook. */
function bookAfterFirstSummary() {
  const r = before();
  return decodeBook(JSON.parse(JSON.stringify(addSnapshot(emptyBook(), r, identifyReport(r, emptyBook())).stored))).book;
}

const brief = (c: TaskChange) => [c.kind, c.cell, c.content, c.before, c.after];

test("every kind of change, at the cell that shows it, in kind → sheet → row order", () => {
  const book = bookAfterFirstSummary();
  const now = after();
  const changes = computeChanges({
    report: now,
    ids: identifyReport(now, book).ids,
    baseline: book.snapshots[0],
    catalog: book.catalog,
    since: { source: "snapshot", asOf: BEFORE_AS_OF, label: "30/06/2026" },
  });
  expect(ChangesSchema.parse(changes)).toEqual(changes);
  expect(changes.tasks.map(brief)).toEqual([
    ["done_on_time", "H7", TEXTS.doneOnTime, "in_progress", "done_on_time"],
    ["done_late", "H8", TEXTS.doneLate, "in_progress", "done_late"],
    ["overdue", "H6", TEXTS.overdueSoon, "in_progress", "overdue"],
    ["deadline_moved", "G9", TEXTS.moved, "2026-09-30", "2026-12-31"],
    ["lead_changed", "D11", TEXTS.leadChanged, "Phòng Kinh tế", "Công an xã"],
    ["added", "B5", TEXTS.added, null, "in_progress"],
    ["removed", null, TEXTS.removed, "in_progress", null],
  ]);
  // Where a removed task was, with its last lead; the others where they are now.
  const removed = changes.tasks.find((c) => c.kind === "removed")!;
  expect(removed).toMatchObject({ sheet: "PL I", row: 11, stt: "2", lead: "Phòng Văn hóa - Xã hội" });
  expect(changes.tasks.find((c) => c.kind === "lead_changed")).toMatchObject({ row: 11, stt: "1", lead: "Công an xã" });
  // The typo fixed and the untouched task are not changes; ids are the snapshot's.
  expect(changes.tasks.some((c) => c.content === TEXTS.typoAfter || c.content === TEXTS.unchanged)).toBe(false);
  const ids = new Map(book.snapshots[0].tasks.map((t) => [t.row, t.id]));
  expect(changes.tasks.find((c) => c.kind === "done_on_time")!.id).toBe(ids.get(6));
  expect(changes.indicators).toEqual([
    {
      sheet: "Chỉ tiêu",
      row: 3,
      cell: "G3",
      name: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình",
      actualBefore: 0.78,
      actualAfter: 0.85,
      metBefore: false,
      metAfter: true,
    },
  ]);
  expect(changes.byUnit).toEqual([
    { unit: "Phòng Văn hóa - Xã hội", done_on_time: 0, done_late: 1, overdue: 0, deadline_moved: 0, lead_changed: 0, added: 0, removed: 1 },
    { unit: "Phòng Kinh tế", done_on_time: 0, done_late: 0, overdue: 1, deadline_moved: 1, lead_changed: 0, added: 1, removed: 0 },
    { unit: "Công an xã", done_on_time: 0, done_late: 0, overdue: 0, deadline_moved: 0, lead_changed: 1, added: 0, removed: 0 },
    {
      unit: "Trung tâm Phục vụ hành chính công",
      done_on_time: 1,
      done_late: 0,
      overdue: 0,
      deadline_moved: 0,
      lead_changed: 0,
      added: 0,
      removed: 0,
    },
  ]);
  expect(changes.total).toEqual({ done_on_time: 1, done_late: 1, overdue: 1, deadline_moved: 1, lead_changed: 1, added: 1, removed: 1 });
});

test("another version of the file gives the same changes as its snapshot (its own ids)", () => {
  const book = bookAfterFirstSummary();
  const now = after();
  const since = { source: "file" as const, asOf: BEFORE_AS_OF, label: "ke-hoach-cu.xlsx" };
  const fromSnapshot = computeChanges({
    report: now,
    ids: identifyReport(now, book).ids,
    baseline: book.snapshots[0],
    catalog: book.catalog,
    since,
  });
  const fromFile = changesBetween(before(), now, since);
  expect(fromFile).toEqual(fromSnapshot);
  // Deterministic.
  expect(changesBetween(before(), after(), since)).toEqual(fromFile);
  // The report carries them under its contract.
  expect(() => ReportSchema.parse({ ...now, changes: fromFile })).not.toThrow();
});

test("a version compared with itself has no changes", () => {
  const r = after();
  const c = changesBetween(r, after(), { source: "file", asOf: AFTER_AS_OF, label: "x" });
  expect(c.tasks).toEqual([]);
  expect(c.indicators).toEqual([]);
  expect(c.byUnit).toEqual([]);
  expect(Object.values(c.total).every((n) => n === 0)).toBe(true);
});

test("a task done before and reopened past its deadline is newly overdue; a done task stays no change when only its date moves", () => {
  const r1 = after();
  const reopened: Report = {
    ...r1,
    asOf: "2026-12-01",
    tasks: r1.tasks.map((t) =>
      t.content === TEXTS.doneOnTime ? { ...t, status: "overdue" as const, statusRaw: "Đang thực hiện", doneDate: null } : t,
    ),
  };
  const c = changesBetween(r1, reopened, { source: "file", asOf: r1.asOf, label: "x" });
  expect(c.tasks.map((t) => [t.kind, t.content])).toEqual([["overdue", TEXTS.doneOnTime]]);
  const late: Report = { ...r1, tasks: r1.tasks.map((t) => (t.content === TEXTS.doneOnTime ? { ...t, status: "done_late" as const } : t)) };
  expect(changesBetween(r1, late, { source: "file", asOf: r1.asOf, label: "x" }).tasks).toEqual([]);
});

test("counts: units in the given order, others as they come, the unassigned last", () => {
  const change = (lead: string | null, kind: TaskChange["kind"]): TaskChange => ({
    kind,
    id: "1",
    sheet: "PL I",
    row: 5,
    cell: null,
    stt: "1",
    content: "x",
    lead,
    before: null,
    after: null,
  });
  const { byUnit, total } = countChanges(
    [change(null, "added"), change("Z", "removed"), change("B", "overdue"), change("A", "added"), change("B", "added")],
    ["A", "B"],
  );
  expect(byUnit.map((u) => [u.unit, u.added, u.removed, u.overdue])).toEqual([
    ["A", 1, 0, 0],
    ["B", 1, 0, 1],
    ["Z", 0, 1, 0],
    ["(Chưa xác định đơn vị)", 1, 0, 0],
  ]);
  expect(total.added).toBe(3);
});
