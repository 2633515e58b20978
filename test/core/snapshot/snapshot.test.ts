/**
 * Summary snapshots: the compact columns round-trip, a book survives JSON, damaged snapshots are dropped
 * (counted, never a crash), one per as-of date, the last MAX_SNAPSHOTS kept within MAX_SNAPSHOT_BYTES —
 * and the size at 5,000 tasks (printed for the closing note).
 */
import fc from "fast-check";
import { decodeColumn, encodeColumn, unzigzag, zigzag } from "../../../src/core/snapshot-codec";
import {
  addSnapshot,
  decodeBook,
  defaultBaseline,
  emptyBook,
  identifyReport,
  MAX_SNAPSHOT_BYTES,
  MAX_SNAPSHOTS,
  storedBytes,
  type SnapshotBook,
  type StoredBook,
} from "../../../src/core/snapshot";
import type { Report } from "../../../src/core/report-schema";
import { addDays } from "../../../src/core/dates";
import { evolve, synthReport } from "../../support/synth-plan";

describe("columns", () => {
  test("round-trip any column of counts and nulls", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.nat(40), fc.nat(100000)), { nil: null }), { maxLength: 300 }), (values) => {
        expect(decodeColumn(encodeColumn(values), values.length)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  test("runs are written once", () => {
    expect(encodeColumn(Array(5000).fill(1))).toBe("12*3uw.");
    expect(encodeColumn([null, null, 0, 35])).toBe("200000110");
  });

  test("signed steps", () => {
    for (const n of [0, 1, -1, 2, -2, 1000, -1000]) expect(unzigzag(zigzag(n))).toBe(n);
  });

  test.each([["x"], ["1"], ["0"], ["1a*"], ["1a*z"], ["1!"], ["21"]])("malformed %j throws", (text) => {
    expect(() => decodeColumn(text, 1)).toThrow();
  });

  test("a wrong count throws", () => {
    expect(() => decodeColumn(encodeColumn([1, 2, 3]), 2)).toThrow();
    expect(() => decodeColumn(encodeColumn([1, 2, 3]), 4)).toThrow();
  });
});

function add(book: SnapshotBook, report: Report, maxBytes?: number) {
  return addSnapshot(book, report, identifyReport(report, book), maxBytes);
}

describe("the book of snapshots", () => {
  test("survives JSON: tasks, dates, leads, indicators as taken", () => {
    const report = synthReport(200, "2026-06-30");
    const { stored } = add(emptyBook(), report);
    const { book, damaged, corrupt } = decodeBook(JSON.parse(JSON.stringify(stored)));
    expect([damaged, corrupt]).toEqual([0, false]);
    const s = book.snapshots[0];
    expect(s.asOf).toBe("2026-06-30");
    expect(s.tasks.map((t) => [t.sheet, t.row, t.status, t.due, t.done, t.lead])).toEqual(
      report.tasks.map((t) => [t.sheet, t.row, t.status, t.deadline.due, t.doneDate, t.lead]),
    );
    expect(s.tasks.map((t) => t.id)).toEqual(report.tasks.map((_, i) => (i + 1).toString(36)));
    expect(s.indicators.map((i) => [i.name, i.actual, i.met])).toEqual(report.indicators.map((i) => [i.name, i.actual, i.met]));
    expect(book.catalog.get("1")).toMatchObject({ sheet: "PL I", stt: "1" });
  });

  test("one snapshot per as-of date (the later replaces), the last MAX_SNAPSHOTS taken kept, the default is the latest before", () => {
    let book = emptyBook();
    const base = synthReport(20, "2026-01-10");
    for (let m = 1; m <= 30; m++)
      book = add(book, { ...base, asOf: `20${26 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-10` }).book;
    expect(book.snapshots).toHaveLength(MAX_SNAPSHOTS);
    expect(book.snapshots[0].asOf).toBe("2026-07-10");
    const again = add(book, { ...base, asOf: "2026-08-10" }).book;
    expect(again.snapshots).toHaveLength(MAX_SNAPSHOTS);
    expect(again.snapshots.filter((s) => s.asOf === "2026-08-10")).toHaveLength(1);
    expect(again.snapshots[again.snapshots.length - 1].asOf).toBe("2026-08-10");
    expect(defaultBaseline(again, "2026-08-10")?.asOf).toBe("2026-07-10");
    expect(defaultBaseline(again, "2026-08-11")?.asOf).toBe("2026-08-10");
    expect(defaultBaseline(again, "2026-07-10")).toBeNull();
  });

  test("the byte bound drops the oldest first, never the new one (unless it alone is too big); the catalog keeps only ids still used", () => {
    let book = emptyBook();
    let report = synthReport(300, "2026-01-31");
    const sizes: number[] = [];
    for (let m = 0; m < 6; m++) {
      const r = add(book, report, 60_000);
      book = r.book;
      sizes.push(r.bytes);
      expect(r.bytes).toBeLessThanOrEqual(60_000);
      report = evolve(report, addDays(report.asOf, 30), m + 2);
    }
    expect(book.snapshots.length).toBeLessThan(6);
    expect(book.snapshots[book.snapshots.length - 1].asOf).toBe(addDays("2026-01-31", 150));
    const used = new Set(book.snapshots.flatMap((s) => s.tasks.map((t) => t.id)));
    expect([...book.catalog.keys()].every((id) => used.has(id))).toBe(true);
    // A snapshot bigger than the bound on its own is not recorded; the earlier ones stay as they were.
    const huge = add(book, evolve(report, addDays(report.asOf, 30), 99), 1000);
    expect(huge.tooBig).toBe(true);
    expect(huge.book).toBe(book);
    expect(decodeBook(huge.stored).book.snapshots.map((s) => s.asOf)).toEqual(book.snapshots.map((s) => s.asOf));
  });

  test("a damaged snapshot is dropped and counted; the others and the catalog stay", () => {
    let book = emptyBook();
    let report = synthReport(50, "2026-03-31");
    for (let m = 0; m < 3; m++) {
      book = add(book, report).book;
      report = evolve(report, addDays(report.asOf, 30), m + 10);
    }
    const stored = JSON.parse(JSON.stringify(add(book, report).stored)) as StoredBook;
    const snaps = stored.snaps as Record<string, unknown>[];
    snaps[1].st = "1zzzz"; // status index out of range
    snaps[2].row = "bad"; // not a column
    (snaps[3] as { n: number }).n += 1; // columns too short
    const read = decodeBook(stored);
    expect(read).toMatchObject({ damaged: 3, corrupt: false });
    expect(read.book.snapshots.map((s) => s.asOf)).toEqual(["2026-03-31"]);
    // Ids keep counting past every id the catalog knows.
    expect(read.book.next).toBeGreaterThanOrEqual(book.next);
  });

  test.each([
    ["not an object", "snapshots"],
    ["a wrong version", { v: 2, next: 1, cat: { sheets: [], groups: [], tasks: {} }, snaps: [] }],
    ["no catalog", { v: 1, next: 1, snaps: [] }],
    ["an array", [1, 2, 3]],
  ])("a record that is %s is corrupt: empty book, never a throw", (_what, raw) => {
    const read = decodeBook(raw);
    expect(read.corrupt).toBe(true);
    expect(read.book.snapshots).toEqual([]);
  });

  test("a snapshot whose task has no description (catalog entry damaged) is dropped", () => {
    const stored = JSON.parse(JSON.stringify(add(emptyBook(), synthReport(5, "2026-03-31")).stored)) as StoredBook;
    (stored.cat.tasks as Record<string, unknown>)["3"] = ["x"];
    expect(decodeBook(stored)).toMatchObject({ damaged: 1, corrupt: false });
  });
});

test("size at 5,000 tasks: one snapshot, and 24 meetings of an evolving plan, within the bound", () => {
  let report = synthReport(5000, "2026-01-31", 7);
  const t0 = Date.now();
  let r = add(emptyBook(), report);
  const first = { bytes: r.bytes, ms: Date.now() - t0 };
  let book = r.book;
  let slowest = 0;
  for (let m = 1; m < MAX_SNAPSHOTS; m++) {
    report = evolve(report, addDays(report.asOf, 14), 100 + m);
    const t = Date.now();
    r = add(book, report);
    slowest = Math.max(slowest, Date.now() - t);
    book = r.book;
  }
  expect(book.snapshots).toHaveLength(MAX_SNAPSHOTS);
  expect(r.bytes).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES);
  expect(storedBytes(r.stored)).toBe(Buffer.byteLength(JSON.stringify(r.stored)));
  expect(r.bytes).toBe(storedBytes(r.stored));
  const catalogBytes = Buffer.byteLength(JSON.stringify(r.stored.cat));
  const perSnapshot = r.stored.snaps.map((s) => Buffer.byteLength(JSON.stringify(s)));
  console.log(
    `snapshot size at 5,000 tasks: the first record ${first.bytes.toLocaleString("en")} bytes (${first.ms} ms); ` +
      `after ${MAX_SNAPSHOTS} meetings ${r.bytes.toLocaleString("en")} bytes in all (catalog of ${r.book.catalog.size} task texts ` +
      `${catalogBytes.toLocaleString("en")} bytes; per snapshot ${Math.min(...perSnapshot).toLocaleString("en")}–${Math.max(...perSnapshot).toLocaleString("en")} bytes); ` +
      `slowest add ${slowest} ms; bound ${MAX_SNAPSHOT_BYTES.toLocaleString("en")} bytes`,
  );
  // Read back as the next summary would.
  expect(decodeBook(JSON.parse(JSON.stringify(r.stored))).damaged).toBe(0);
}, 60000);
