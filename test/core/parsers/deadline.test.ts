import fc from "fast-check";
import { daysBetween, isoToSerial } from "../../../src/core/dates";
import { parseDeadline, yearFromTitle } from "../../../src/core/deadline";
import { DEADLINE_KINDS, DeadlineSchema } from "../../../src/core/report-schema";
import type { DeadlineContext } from "../../../src/core/deadline";

const ctx: DeadlineContext = { planYear: 2026 };
const nfd = (s: string) => s.normalize("NFD");
const parse = (v: Parameters<typeof parseDeadline>[0], c = ctx) => parseDeadline(v, c);
const expectKind = (text: string, kind: string, due: string | null) => {
  for (const t of [text, nfd(text), text.toUpperCase(), `  ${text}  `]) {
    const d = parse(t);
    expect({ text: t, kind: d.kind, due: d.due }).toEqual({ text: t, kind, due });
  }
};

describe("deadline: date", () => {
  it.each([
    ["30/11/2026", "2026-11-30"],
    ["Trước ngày 30/11/2026", "2026-11-30"],
    ["trước 30/11", "2026-11-30"],
    ["Trước 30/11", "2026-11-30"],
    ["Chậm nhất ngày 15/6/2026", "2026-06-15"],
    ["Chậm nhất 15/6/2026", "2026-06-15"],
    ["Hoàn thành trước ngày 31/12/2026", "2026-12-31"],
    ["2026-11-30", "2026-11-30"],
    ["30-11-2026", "2026-11-30"],
    ["30.11.2026", "2026-11-30"],
    ["30 / 11 / 2026", "2026-11-30"],
    ["Ngày 30 tháng 11 năm 2026", "2026-11-30"],
    ["ngày 15/6", "2026-06-15"],
    ["Trước ngày 30/11/2026.", "2026-11-30"],
    ["Trước ngày 30/11/2026 (báo cáo năm)", "2026-11-30"],
    ["30/11/26", "2026-11-30"],
    ["Hết ngày 30/11/2026", "2026-11-30"],
  ])("%s → %s", (text, due) => expectKind(text, "date", due));

  it("reads an Excel date (date number format) and shows it as dd/mm/yyyy", () => {
    expect(parse(46356, { planYear: 2026, numberFormat: "dd/mm/yyyy" })).toEqual({ raw: "30/11/2026", kind: "date", due: "2026-11-30" });
    expect(parse(46356, { planYear: 2026, numberFormat: "m/d/yyyy" })).toEqual({ raw: "30/11/2026", kind: "date", due: "2026-11-30" });
    expect(parse(46356.5, { planYear: 2026, numberFormat: "dd/mm/yyyy hh:mm" })).toEqual({
      raw: "30/11/2026",
      kind: "date",
      due: "2026-11-30",
    });
  });
  it("reads a serial in the plausible range without a date format (format lost) as a date", () => {
    expect(parse(46356)).toEqual({ raw: "30/11/2026", kind: "date", due: "2026-11-30" });
    expect(parse(46356, { planYear: 2026, numberFormat: "General" })).toEqual({ raw: "30/11/2026", kind: "date", due: "2026-11-30" });
    expect(parse(isoToSerial("1990-01-01"))).toMatchObject({ kind: "date", due: "1990-01-01" });
    expect(parse(isoToSerial("2100-12-31"))).toMatchObject({ kind: "date", due: "2100-12-31" });
  });
  it("an Excel date shown as month or year means the month or the year", () => {
    expect(parse(isoToSerial("2026-06-01"), { planYear: 2026, numberFormat: "mm/yyyy" })).toEqual({
      raw: "06/2026",
      kind: "month",
      due: "2026-06-30",
    });
    expect(parse(isoToSerial("2026-06-01"), { planYear: 2026, numberFormat: "yyyy" })).toEqual({
      raw: "2026",
      kind: "year",
      due: "2026-12-31",
    });
  });
  it("a date format on a number outside Excel's range is invalid", () => {
    expect(parse(-5, { planYear: 2026, numberFormat: "dd/mm/yyyy" })).toMatchObject({ kind: "invalid", due: null });
    expect(parse(60, { planYear: 2026, numberFormat: "dd/mm/yyyy" })).toMatchObject({ kind: "invalid", due: null });
  });
});

describe("deadline: month", () => {
  it.each([
    ["Tháng 6/2026", "2026-06-30"],
    ["T6/2026", "2026-06-30"],
    ["T 6/2026", "2026-06-30"],
    ["06/2026", "2026-06-30"],
    ["6/2026", "2026-06-30"],
    ["tháng 6 năm 2026", "2026-06-30"],
    ["Tháng 06 năm 2026", "2026-06-30"],
    ["Tháng 6", "2026-06-30"],
    ["Trong tháng 9/2026", "2026-09-30"],
    ["Tháng 2/2026", "2026-02-28"],
    ["Tháng 2/2028", "2028-02-29"],
    ["Tháng 12/2026", "2026-12-31"],
    ["Tháng 6-2026", "2026-06-30"],
    ["Cuối tháng 6/2026", "2026-06-30"],
    ["Hết tháng 6", "2026-06-30"],
  ])("%s → %s", (text, due) => expectKind(text, "month", due));
  it("a month without a year takes the plan year", () => {
    expect(parse("Tháng 6", { planYear: 2027 })).toMatchObject({ kind: "month", due: "2027-06-30" });
  });
});

describe("deadline: quarter", () => {
  it.each([
    ["Quý II/2026", "2026-06-30"],
    ["Quý 2/2026", "2026-06-30"],
    ["Q2/2026", "2026-06-30"],
    ["Quý I/2026", "2026-03-31"],
    ["Quý III năm 2026", "2026-09-30"],
    ["Quý IV", "2026-12-31"],
    ["Trong quý IV/2026", "2026-12-31"],
    ["Cuối quý II/2026", "2026-06-30"],
    ["Quý 4 năm 2026", "2026-12-31"],
  ])("%s → %s", (text, due) => expectKind(text, "quarter", due));
});

describe("deadline: half year", () => {
  it.each([
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["6 tháng đầu năm", "2026-06-30"],
    ["6 tháng cuối năm", "2026-12-31"],
    ["6 tháng cuối năm 2026", "2026-12-31"],
    ["Sáu tháng đầu năm 2026", "2026-06-30"],
    ["06 tháng đầu năm 2026", "2026-06-30"],
    ["Nửa đầu năm 2026", "2026-06-30"],
    ["6 tháng năm 2026", "2026-06-30"],
  ])("%s → %s", (text, due) => expectKind(text, "half", due));
});

describe("deadline: year", () => {
  it.each([
    ["Năm 2026", "2026-12-31"],
    ["Trong năm 2026", "2026-12-31"],
    ["2026", "2026-12-31"],
    ["Cả năm 2026", "2026-12-31"],
    ["Cuối năm 2026", "2026-12-31"],
    ["Trong năm", "2026-12-31"],
  ])("%s → %s", (text, due) => expectKind(text, "year", due));
  it("a number that is a year", () => {
    expect(parse(2026)).toEqual({ raw: "2026", kind: "year", due: "2026-12-31" });
    expect(parse(2030, { planYear: 2026, numberFormat: "0" })).toEqual({ raw: "2030", kind: "year", due: "2030-12-31" });
  });
});

describe("deadline: range (due = end of the range)", () => {
  it.each([
    ["2026-2030", "2030-12-31"],
    ["2026 - 2030", "2030-12-31"],
    ["Giai đoạn 2026 - 2030", "2030-12-31"],
    ["Giai đoạn 2026–2030", "2030-12-31"],
    ["Tháng 3-6/2026", "2026-06-30"],
    ["Tháng 3 - 6/2026", "2026-06-30"],
    ["Tháng 3-6", "2026-06-30"],
    ["Từ tháng 3 đến tháng 6/2026", "2026-06-30"],
    ["Tháng 3 đến tháng 6/2026", "2026-06-30"],
    ["Quý I-II/2026", "2026-06-30"],
    ["Quý I - Quý II/2026", "2026-06-30"],
    ["Quý IV/2026 - Quý I/2027", "2027-03-31"],
    ["Năm 2026-2027", "2027-12-31"],
    ["Từ năm 2026 đến năm 2030", "2030-12-31"],
    ["01/6/2026 - 30/6/2026", "2026-06-30"],
    ["Từ ngày 01/6/2026 đến ngày 30/6/2026", "2026-06-30"],
    ["Từ 1-15/6/2026", "2026-06-15"],
  ])("%s → %s", (text, due) => expectKind(text, "range", due));
  it("a range that ends before it starts is invalid", () => {
    expectKind("2030-2026", "invalid", null);
    expectKind("Tháng 6-3/2026", "invalid", null);
  });
});

describe("deadline: recurring (no due date)", () => {
  it.each([
    "Thường xuyên",
    "Hàng năm",
    "Hằng năm",
    "Hàng quý",
    "Hàng tháng",
    "Hằng tuần",
    "Định kỳ",
    "Định kỳ 6 tháng",
    "Tháng 12 hàng năm",
    "Thường xuyên, liên tục",
    "Hằng năm, trước 30/11",
    "6 tháng/lần",
    "02 lần/năm",
  ])("%s → recurring", (text) => expectKind(text, "recurring", null));
});

describe("deadline: on request (no due date, counted like recurring)", () => {
  it.each([
    "Khi có yêu cầu",
    "Theo yêu cầu",
    "Theo chỉ đạo",
    "Theo chỉ đạo của UBND xã",
    "Khi có chỉ đạo",
    "Khi có văn bản chỉ đạo",
    "Theo yêu cầu của cấp trên",
    "Khi phát sinh",
    "Khi cần thiết",
  ])("%s → on_request", (text) => expectKind(text, "on_request", null));
  it("recurring wording wins over on-request wording", () => {
    expectKind("Định kỳ hoặc khi có yêu cầu", "recurring", null);
  });
  it("'Theo kế hoạch' is not on request (it says nothing readable)", () => {
    expectKind("Theo kế hoạch", "invalid", null);
  });
});

describe("deadline: a list of periods is due at the end of the last one", () => {
  it.each([
    ["Quý I, II/2026", "quarter", "2026-06-30"],
    ["Quý I, II, III/2026", "quarter", "2026-09-30"],
    ["Quý II và Quý IV/2026", "quarter", "2026-12-31"],
    ["Quý I; Quý III năm 2026", "quarter", "2026-09-30"],
    ["Tháng 3, 6, 9/2026", "month", "2026-09-30"],
    ["Tháng 6 và tháng 12/2026", "month", "2026-12-31"],
    ["Tháng 3, 6", "month", "2026-06-30"],
    ["30/6, 31/12/2026", "date", "2026-12-31"],
    ["Quý III, I/2026", "quarter", "2026-09-30"],
  ])("%s → %s due %s", (text, kind, due) => expectKind(text, kind, due));
  it.each(["Quý I, V/2026", "Tháng 3, 13/2026", "Quý I, tháng 6/2026"])("%s (an impossible or mixed item) → invalid", (text) =>
    expectKind(text, "invalid", null),
  );
});

describe("deadline: missing", () => {
  it.each([null, "", "   ", "\u00A0", "\n"])("%j → missing", (v) => {
    expect(parse(v)).toEqual({ raw: "", kind: "missing", due: null });
  });
});

describe("deadline: invalid", () => {
  it.each([
    "Tháng 13/2026",
    "30/02/2026",
    "sớm",
    "Quý V",
    "Quý V/2026",
    "32/1/2026",
    "Tháng 0/2026",
    "Càng sớm càng tốt",
    "abc",
    "Tháng 6/3026",
    "T13",
    "00/2026",
  ])("%s → invalid", (text) => expectKind(text, "invalid", null));
  it.each([6, 0, -1, 2.5, 300000, 1899, NaN])("number %d → invalid", (n) => {
    expect(parse(n)).toMatchObject({ kind: "invalid", due: null });
  });
  it("an error value or a boolean is invalid, not a crash", () => {
    expect(parse({ error: "#REF!" })).toEqual({ raw: "#REF!", kind: "invalid", due: null });
    expect(parse(true)).toEqual({ raw: "TRUE", kind: "invalid", due: null });
  });
});

describe("deadline: raw is the cell as displayed", () => {
  it("keeps the text trimmed and NFC", () => {
    expect(parse(nfd("  Tháng 6/2026 "))).toEqual({ raw: "Tháng 6/2026", kind: "month", due: "2026-06-30" });
  });
});

describe("yearFromTitle", () => {
  it.each([
    ["NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026", 2026],
    ["Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 … năm 2026", 2026],
    [nfd("NHIỆM VỤ THỰC HIỆN NĂM 2027"), 2027],
    ["GIAI ĐOẠN 2026-2030", 2026],
    ["Kèm theo Kế hoạch số /KH-UBND ngày tháng năm 2026 của UBND xã Chí Minh", 2026],
    ["Chí Minh, ngày 25 tháng 12 năm 2025 — Kế hoạch chuyển đổi số năm 2026", 2026],
  ])("%s → %d", (t, y) => expect(yearFromTitle(t)).toBe(y));
  it("the date a plan was signed is not its year", () => {
    expect(yearFromTitle("Chí Minh, ngày 25 tháng 12 năm 2025")).toBeNull();
    expect(yearFromTitle(nfd("Hải Phòng, ngày 05 tháng 01 năm 2026"))).toBeNull();
  });
  it.each(["PHỤ LỤC I", "", "ngày 22/12/2024", "Số 12345"])("%s → null", (t) => expect(yearFromTitle(t)).toBeNull());
});

describe("deadline: properties", () => {
  const cellValue = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.double(),
    fc.integer({ min: -100000, max: 3000000 }),
    fc.boolean(),
    fc.constant(null),
    fc.record({ error: fc.constantFrom("#REF!", "#N/A", "#VALUE!") }),
  );
  const format = fc.option(fc.constantFrom("General", "dd/mm/yyyy", "mm/yyyy", "0", "0%", "yyyy", "h:mm", '"x"dd'), { nil: null });
  it("never throws; kind is a known kind; due is a real ISO date or null; the schema holds", () => {
    fc.assert(
      fc.property(cellValue, format, fc.integer({ min: 1900, max: 2200 }), (v, numberFormat, planYear) => {
        const d = parseDeadline(v, { planYear, numberFormat });
        expect(DEADLINE_KINDS).toContain(d.kind);
        expect(DeadlineSchema.safeParse(d).success).toBe(true);
        if (d.due !== null) {
          expect(isNaN(isoToSerial(d.due))).toBe(false);
        }
        if (["recurring", "missing", "invalid"].includes(d.kind)) expect(d.due).toBeNull();
        else expect(d.due).not.toBeNull();
      }),
    );
  });
  it("dd/mm/yyyy text always reads as that date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 32874, max: 73415 }), (serial) => {
        const iso = parseDeadline(serial, { planYear: 2026, numberFormat: "dd/mm/yyyy" });
        expect(parse(iso.raw)).toEqual(iso);
      }),
    );
  });
  it("Tháng m/yyyy ends on the month's last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2200 }), (m, y) => {
        const d = parse(`Tháng ${m}/${y}`);
        expect(d.kind).toBe("month");
        const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
        expect(daysBetween(d.due as string, next)).toBe(1);
      }),
    );
  });
});
