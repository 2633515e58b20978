/**
 * The use cases of the reporting cycle's "compare" step: every summary records its snapshot (whatever the
 * door: the pane's fake port, the file adapter, the Office.js adapter on the fake Excel) and, from the
 * second one on, writes the sheet of changes; changes since a snapshot (default or chosen); a damaged
 * record is a warning, never a crash, and is replaced by a sound one.
 */
import { analyze } from "../../src/core/analyze";
import { checkWorkbook } from "../../src/app/use-cases/check";
import { changesSince, changesSinceSnapshot, loadSnapshots, SnapshotNotFound } from "../../src/app/use-cases/changes";
import { writeSummarySheets } from "../../src/app/use-cases/summarize";
import { run as summarizeCommand } from "../../src/app/commands/summarize/run";
import { run as checkCommand } from "../../src/app/commands/check/run";
import { defaultSettings } from "../../src/core/settings";
import { SNAPSHOTS_KEY } from "../../src/core/snapshot";
import { CHANGES_KEY } from "../../src/documents/summary/sheet-changes";
import { OfficeWorkbookPort } from "../../src/excel/port";
import { XlsxWorkbookPort } from "../../src/xlsx/port";
import { OUTCOME_TEXTS } from "../../src/i18n/commands";
import { FakePort } from "../taskpane/fake-port";
import { fakeWorkbook } from "../fakes/fake-workbook";
import { buildXlsx } from "../support/xlsx-builder";
import { AFTER_AS_OF, BEFORE_AS_OF, planAfter, planBefore } from "../support/plan-versions";

const settings = defaultSettings();

async function summarize(port: FakePort | XlsxWorkbookPort, asOf: string) {
  const { report } = await checkWorkbook(port, { asOf, settings });
  return writeSummarySheets(port, report, settings);
}

test("the first summary records a snapshot and has no sheet of changes; the next one compares with it", async () => {
  const port = new FakePort(planBefore());
  const first = await summarize(port, BEFORE_AS_OF);
  expect(first.changes).toBeUndefined();
  expect(port.callsOf("writeSummary")[0].spec.sheets.map((s) => s.key)).not.toContain(CHANGES_KEY);
  expect(first.snapshot).toMatchObject({ asOf: BEFORE_AS_OF, kept: 1 });
  expect(first.snapshot.bytes).toBeGreaterThan(100);
  expect(port.records[SNAPSHOTS_KEY]).toBeDefined();

  port.grids = planAfter();
  const second = await summarize(port, AFTER_AS_OF);
  expect(second.changes?.since).toEqual({ source: "snapshot", asOf: BEFORE_AS_OF, label: "30/06/2026" });
  expect(second.changes?.tasks.map((c) => c.kind)).toEqual([
    "done_on_time",
    "done_late",
    "overdue",
    "deadline_moved",
    "lead_changed",
    "added",
    "removed",
  ]);
  const spec = port.callsOf("writeSummary")[1].spec;
  expect(spec.sheets.map((s) => s.key)).toContain(CHANGES_KEY);
  expect(second.snapshot.kept).toBe(2);
  // The snapshot records the report, not the changes attached to it.
  const { book } = await loadSnapshots(port);
  expect(book.snapshots.map((s) => s.asOf)).toEqual([BEFORE_AS_OF, AFTER_AS_OF]);
});

test("the same as-of date again replaces its snapshot and still compares with the earlier date", async () => {
  const port = new FakePort(planBefore());
  await summarize(port, BEFORE_AS_OF);
  port.grids = planAfter();
  await summarize(port, AFTER_AS_OF);
  const again = await summarize(port, AFTER_AS_OF);
  expect(again.changes?.since.asOf).toBe(BEFORE_AS_OF);
  expect(again.snapshot.kept).toBe(2);
});

test("changes since a snapshot: the default (latest before the as-of date), by seq, by date; none before → null", async () => {
  const port = new FakePort(planBefore());
  await summarize(port, BEFORE_AS_OF);
  port.grids = planAfter();
  const { report } = await checkWorkbook(port, { asOf: AFTER_AS_OF, settings });
  const view = await changesSinceSnapshot(port, report);
  expect(view.snapshots).toEqual([{ seq: 0, asOf: BEFORE_AS_OF, tasks: 8 }]);
  expect(view.baseline?.asOf).toBe(BEFORE_AS_OF);
  expect(view.changes?.total.added).toBe(1);
  expect((await changesSinceSnapshot(port, report, { seq: 0 })).changes).toEqual(view.changes);
  expect((await changesSinceSnapshot(port, report, { seq: 7 })).changes).toBeNull();
  const early = analyze(planAfter(), { asOf: "2026-06-01", settings });
  expect((await changesSinceSnapshot(port, early)).baseline).toBeNull();
  await expect(changesSince(port, report, { kind: "snapshot", asOf: "2026-05-31" })).rejects.toEqual(
    new SnapshotNotFound("2026-05-31", [BEFORE_AS_OF]),
  );
});

test("a damaged record: a warning, no comparison, the summary still written and a sound record stored", async () => {
  const port = new FakePort(planAfter());
  port.records[SNAPSHOTS_KEY] = { v: 1, next: "x" };
  const result = await summarize(port, AFTER_AS_OF);
  expect(result.snapshotWarning).toEqual({ kind: "corrupt" });
  expect(result.changes).toBeUndefined();
  expect((await loadSnapshots(port)).warning).toBeNull();
  // The command says so in its message.
  port.records[SNAPSHOTS_KEY] = "garbage";
  const outcome = await summarizeCommand({ port, asOf: AFTER_AS_OF, lang: "vi", writeBack: true, settings }, {});
  expect(outcome.message).toContain(OUTCOME_TEXTS.vi.snapshotsDamaged(null));
});

test("check --since (the check command): the report carries the changes", async () => {
  const port = new FakePort(planBefore());
  await summarize(port, BEFORE_AS_OF);
  port.grids = planAfter();
  const outcome = await checkCommand(
    {
      port,
      asOf: AFTER_AS_OF,
      lang: "vi",
      writeBack: false,
      settings,
    },
    { since: { kind: "snapshot", asOf: BEFORE_AS_OF } },
  );
  expect(outcome.report?.changes?.total).toMatchObject({ done_on_time: 1, removed: 1 });
  const other = new FakePort(planBefore());
  const fromFile = await checkCommand(
    {
      port,
      asOf: AFTER_AS_OF,
      lang: "vi",
      writeBack: false,
      settings,
    },
    { since: { kind: "file", port: other, label: "cu.xlsx" } },
  );
  // No snapshot in the other "file": its as-of date is the report's, so only edits count (no newly overdue).
  expect(fromFile.report?.changes?.since).toEqual({ source: "file", asOf: AFTER_AS_OF, label: "cu.xlsx" });
  expect(fromFile.report?.changes?.total).toMatchObject({ done_on_time: 1, done_late: 1, overdue: 0, added: 1, removed: 1 });
  expect(other.callsOf("writeSummary")).toEqual([]);
  expect(other.callsOf("saveRecord")).toEqual([]);
  expect(other.callsOf("updateRecord")).toEqual([]);
});

test("the file adapter keeps the snapshots in the saved file", async () => {
  const port = await XlsxWorkbookPort.fromBytes(await buildXlsx(planBefore()), "ke-hoach.xlsx");
  await summarize(port, BEFORE_AS_OF);
  const reopened = await XlsxWorkbookPort.fromBytes(await port.toBuffer(), "ke-hoach.xlsx");
  const { book, warning } = await loadSnapshots(reopened);
  expect(warning).toBeNull();
  expect(book.snapshots.map((s) => [s.asOf, s.tasks.length])).toEqual([[BEFORE_AS_OF, 8]]);
});

test("the Office.js adapter (fake Excel): the ribbon's summary records its snapshot, the second writes the changes sheet", async () => {
  const fake = fakeWorkbook(planBefore());
  const port = new OfficeWorkbookPort({ run: fake.run, isSetSupported: fake.isSetSupported });
  await summarizeCommand({ port, asOf: BEFORE_AS_OF, lang: "vi", writeBack: true, settings }, {});
  expect((await loadSnapshots(port)).book.snapshots).toHaveLength(1);
  const outcome = await summarizeCommand({ port, asOf: "2026-07-31", lang: "vi", writeBack: true, settings }, {});
  expect(outcome.message).toContain("Tổng hợp - Thay đổi");
  expect((await loadSnapshots(port)).book.snapshots.map((s) => s.asOf)).toEqual([BEFORE_AS_OF, "2026-07-31"]);
});
