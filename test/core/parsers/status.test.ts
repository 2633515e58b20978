import fc from "fast-check";
import type { Deadline } from "../../../src/core/report-schema";
import { DEADLINE_KINDS, STATUS_CATEGORIES } from "../../../src/core/report-schema";
import { categorize, parseStatus } from "../../../src/core/status";

const nfd = (s: string) => s.normalize("NFD");

describe("parseStatus: done", () => {
  it.each([
    "Đã hoàn thành",
    "Hoàn thành",
    "Xong",
    "Đã xong",
    "100%",
    "100 %",
    "HOÀN THÀNH",
    "hoàn thành.",
    "Hoàn tất",
    "Đã hoàn thành ngày 15/6/2026",
    "Hoàn thành đúng hạn",
    "Hoàn thành trước hạn",
    "Hoàn thành 100%",
    "Da hoan thanh",
    "1",
    "100",
    "Đã hoàn thành (15/6/2026)",
    "Hoàn thành 15/6",
    // domain.md's example of a unit's own words the merge writes as "Đã hoàn thành"
    "xong rồi",
    "Đã xong rồi",
    "Hoàn thành rồi",
  ])("%s → done", (s) => {
    expect(parseStatus(s)).toBe("done");
    expect(parseStatus(nfd(s))).toBe("done");
  });
  it("a number cell: 1 (100% formatted as percent) is done, TRUE is done", () => {
    expect(parseStatus(1)).toBe("done");
    expect(parseStatus(100)).toBe("done");
    expect(parseStatus(true)).toBe("done");
  });
});

describe("parseStatus: done late (domain: the done words with «(chậm)», «quá hạn», «trễ hạn»)", () => {
  it.each([
    "Hoàn thành chậm",
    "Đã hoàn thành (chậm)",
    "Hoàn thành (chậm)",
    "Hoàn thành quá hạn",
    "Đã hoàn thành trễ hạn",
    "Xong (trễ hạn)",
    "Đã hoàn thành ngày 15/6/2026 (chậm)",
    "100% (chậm)",
    "HOÀN THÀNH (CHẬM)",
  ])("%s → done_late", (s) => {
    expect(parseStatus(s)).toBe("done_late");
    expect(parseStatus(nfd(s))).toBe("done_late");
  });
  it("'chậm nhất' is 'at the latest', not late", () => {
    expect(parseStatus("Hoàn thành chậm nhất ngày 30/11")).toBe("done");
  });
});

describe("parseStatus: paused (not done, no warning)", () => {
  it.each(["Tạm dừng", "Tạm hoãn", "tạm ngừng", "Tạm dừng (chờ kinh phí)", "Dừng thực hiện"])("%s → paused", (s) => {
    expect(parseStatus(s)).toBe("paused");
    expect(parseStatus(nfd(s))).toBe("paused");
  });
});

describe("parseStatus: in progress", () => {
  it.each(["Đang thực hiện", "Đang triển khai", "đang thực hiện (80%)", "ĐANG TRIỂN KHAI", "50%", "0,5", "Đang làm", "đang làm (chậm)"])(
    "%s → in_progress",
    (s) => {
      expect(parseStatus(s)).toBe("in_progress");
      expect(parseStatus(nfd(s))).toBe("in_progress");
    },
  );
  it("a fraction cell between 0 and 1 is in progress", () => {
    expect(parseStatus(0.8)).toBe("in_progress");
  });
});

describe("parseStatus: not started", () => {
  it.each(["Chưa thực hiện", "Chưa triển khai", "", "   ", "Chưa hoàn thành", "0%", "chưa bắt đầu"])("%j → not_started", (s) => {
    expect(parseStatus(s)).toBe("not_started");
    expect(parseStatus(nfd(s))).toBe("not_started");
  });
  it("an empty cell, 0, FALSE are not started", () => {
    expect(parseStatus(null)).toBe("not_started");
    expect(parseStatus(0)).toBe("not_started");
    expect(parseStatus(false)).toBe("not_started");
  });
});

describe("parseStatus: unknown", () => {
  it.each(["Hoàn thành một phần", "Hoàn thành 50%", "???", "x", "Không thực hiện", "150%", "2026", "ok", "Quá hạn"])(
    "%s → unknown",
    (s) => {
      expect(parseStatus(s)).toBe("unknown");
    },
  );
  it("an error value is unknown", () => {
    expect(parseStatus({ error: "#N/A" })).toBe("unknown");
  });
  it("never throws on arbitrary text (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.double(), fc.constant(null)), (s) => {
        expect(["done", "done_late", "in_progress", "paused", "not_started", "unknown"]).toContain(parseStatus(s));
      }),
    );
  });
});

const dl = (kind: Deadline["kind"], due: string | null): Deadline => ({ raw: "x", kind, due });
const asOf = "2026-11-24";

describe("categorize: the six categories", () => {
  it("done, completed on or before due → done_on_time", () => {
    expect(categorize({ status: "done", doneDate: "2026-06-30", deadline: dl("month", "2026-06-30"), asOf })).toBe("done_on_time");
    expect(categorize({ status: "done", doneDate: "2026-06-01", deadline: dl("month", "2026-06-30"), asOf })).toBe("done_on_time");
  });
  it("done without a completion date or without a due date → done_on_time", () => {
    expect(categorize({ status: "done", doneDate: null, deadline: dl("date", "2026-01-01"), asOf })).toBe("done_on_time");
    expect(categorize({ status: "done", doneDate: "2026-12-01", deadline: dl("missing", null), asOf })).toBe("done_on_time");
    expect(categorize({ status: "done", doneDate: "2026-12-01", deadline: dl("invalid", null), asOf })).toBe("done_on_time");
  });
  it("done after the due date → done_late", () => {
    expect(categorize({ status: "done", doneDate: "2026-07-01", deadline: dl("month", "2026-06-30"), asOf })).toBe("done_late");
  });
  it("a status that says late is done_late, whatever the dates", () => {
    expect(categorize({ status: "done_late", doneDate: null, deadline: dl("month", "2026-06-30"), asOf })).toBe("done_late");
    expect(categorize({ status: "done_late", doneDate: "2026-06-01", deadline: dl("month", "2026-06-30"), asOf })).toBe("done_late");
    expect(categorize({ status: "done_late", doneDate: null, deadline: dl("missing", null), asOf })).toBe("done_late");
  });
  it("an on-request deadline ('Khi có yêu cầu') counts like recurring", () => {
    for (const status of ["done", "in_progress", "paused", "not_started"] as const) {
      expect(categorize({ status, doneDate: null, deadline: dl("on_request", null), asOf })).toBe("recurring");
    }
  });
  it.each(["in_progress", "paused", "not_started", "unknown"] as const)(
    "%s, due ≥ as-of → in_progress; due < as-of → overdue",
    (status) => {
      expect(categorize({ status, doneDate: null, deadline: dl("date", "2026-11-30"), asOf })).toBe("in_progress");
      expect(categorize({ status, doneDate: null, deadline: dl("date", asOf), asOf })).toBe("in_progress");
      expect(categorize({ status, doneDate: null, deadline: dl("date", "2026-11-23"), asOf })).toBe("overdue");
    },
  );
  it("not done with a missing or invalid deadline → undetermined", () => {
    expect(categorize({ status: "unknown", doneDate: null, deadline: dl("missing", null), asOf })).toBe("undetermined");
    expect(categorize({ status: "in_progress", doneDate: null, deadline: dl("invalid", null), asOf })).toBe("undetermined");
  });
  it("a recurring deadline is recurring whatever the status", () => {
    for (const status of ["done", "in_progress", "not_started", "unknown"] as const) {
      expect(categorize({ status, doneDate: "2026-01-01", deadline: dl("recurring", null), asOf })).toBe("recurring");
    }
  });
  it("always one of the six categories (property)", () => {
    const kinds = DEADLINE_KINDS;
    const iso = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.constantFrom("done", "done_late", "in_progress", "paused", "not_started", "unknown" as const),
        fc.option(iso, { nil: null }),
        fc.constantFrom(...kinds),
        iso,
        iso,
        (status, doneDate, kind, due, asOfDate) => {
          const hasDue = !["recurring", "on_request", "missing", "invalid"].includes(kind);
          const c = categorize({ status, doneDate, deadline: dl(kind, hasDue ? due : null), asOf: asOfDate });
          expect(STATUS_CATEGORIES).toContain(c);
          const likeRecurring = kind === "recurring" || kind === "on_request";
          if (likeRecurring) expect(c).toBe("recurring");
          if (status === "done" && !likeRecurring) expect(["done_on_time", "done_late"]).toContain(c);
          if (status === "done_late" && !likeRecurring) expect(c).toBe("done_late");
          if ((status === "paused" || status === "not_started") && !likeRecurring)
            expect(["in_progress", "overdue", "undetermined"]).toContain(c);
        },
      ),
    );
  });
});
