import fc from "fast-check";
import {
  addDays,
  daysBetween,
  isDateFormat,
  isoToSerial,
  lastDayOfMonth,
  makeIso,
  parseDateText,
  serialToIso,
} from "../../../src/core/dates";
import { formatViDate } from "../../../src/i18n/format";

describe("serialToIso (Excel 1900 system)", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [46022, "2025-12-31"],
    [46356, "2026-11-30"],
    [46356.75, "2026-11-30"],
    [2958465, "9999-12-31"],
  ])("%d → %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });
  it("serial 60 is Excel's fake 29/02/1900: no real day", () => {
    expect(serialToIso(60)).toBeNull();
  });
  it.each([0, -1, 2958466, NaN, Infinity])("%d is out of range", (n) => {
    expect(serialToIso(n)).toBeNull();
  });
  it("round-trips with isoToSerial (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60),
        (n) => {
          const iso = serialToIso(n);
          expect(iso).not.toBeNull();
          expect(isoToSerial(iso as string)).toBe(n);
        },
      ),
    );
  });
  it("isoToSerial rejects invalid dates", () => {
    expect(isoToSerial("2026-02-30")).toBeNaN();
    expect(isoToSerial("1899-12-31")).toBeNaN();
    expect(isoToSerial("hello")).toBeNaN();
    expect(isoToSerial("1900-03-01")).toBe(61);
  });
});

describe("isDateFormat", () => {
  it.each([
    "dd/mm/yyyy",
    "d/m/yyyy",
    "mm-dd-yy",
    "yyyy-mm-dd",
    "[$-42A]dd/mm/yyyy",
    "dd/mm/yyyy;@",
    "mmm-yy",
    "mmmm yyyy",
    "[$-F800]dddd, mmmm dd, yyyy",
    "m/d/yy h:mm",
  ])("%s is a date", (f) => expect(isDateFormat(f)).toBe(true));
  it.each([
    null,
    undefined,
    "",
    "General",
    "0",
    "0.00",
    "#,##0",
    "0%",
    "@",
    "h:mm",
    "mm:ss",
    "[h]:mm:ss",
    '"Ngày" 0',
    '0" ngày"',
    "[Red]0.00",
    "_(* #,##0_)",
  ])("%s is not a date", (f) => expect(isDateFormat(f)).toBe(false));
});

describe("makeIso / lastDayOfMonth", () => {
  it("builds valid dates only", () => {
    expect(makeIso(2026, 11, 30)).toBe("2026-11-30");
    expect(makeIso(2026, 2, 30)).toBeNull();
    expect(makeIso(2024, 2, 29)).toBe("2024-02-29");
    expect(makeIso(2026, 2, 29)).toBeNull();
    expect(makeIso(2026, 13, 1)).toBeNull();
    expect(makeIso(2026, 0, 1)).toBeNull();
    expect(makeIso(2026, 1, 0)).toBeNull();
    expect(makeIso(2026.5, 1, 1)).toBeNull();
  });
  it("gives the last day of any month", () => {
    expect(lastDayOfMonth(2026, 2)).toBe("2026-02-28");
    expect(lastDayOfMonth(2028, 2)).toBe("2028-02-29");
    expect(lastDayOfMonth(1900, 2)).toBe("1900-02-28");
    expect(lastDayOfMonth(2000, 2)).toBe("2000-02-29");
    expect(lastDayOfMonth(2026, 6)).toBe("2026-06-30");
    expect(lastDayOfMonth(2026, 12)).toBe("2026-12-31");
    expect(() => lastDayOfMonth(2026, 13)).toThrow(RangeError);
  });
});

describe("daysBetween / addDays", () => {
  it("counts whole days", () => {
    expect(daysBetween("2026-11-24", "2026-11-30")).toBe(6);
    expect(daysBetween("2026-11-30", "2026-11-24")).toBe(-6);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
  });
  it("adds days across months and years", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
  it("addDays and daysBetween agree, and match Date (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2900000 }).filter((n) => n !== 60),
        fc.integer({ min: -5000, max: 5000 }),
        (n, k) => {
          const a = serialToIso(n) as string;
          const b = addDays(a, k);
          expect(daysBetween(a, b)).toBe(k);
          const viaDate = new Date(Date.parse(a + "T00:00:00Z") + k * 86400000).toISOString().slice(0, 10);
          if (+viaDate.slice(0, 4) >= 1000 && +viaDate.slice(0, 4) <= 9999) expect(b).toBe(viaDate);
        },
      ),
    );
  });
});

describe("parseDateText / formatViDate", () => {
  it.each([
    ["30/11/2026", "2026-11-30"],
    ["1/6/2026", "2026-06-01"],
    ["01-06-2026", "2026-06-01"],
    ["15.6.2026", "2026-06-15"],
    ["2026-11-30", "2026-11-30"],
    ["2026/11/30", "2026-11-30"],
    [" 30 / 11 / 2026 ", "2026-11-30"],
    ["29/02/2028", "2028-02-29"],
  ])("%s → %s", (s, iso) => expect(parseDateText(s)).toBe(iso));
  it.each(["30/02/2026", "31/04/2026", "32/1/2026", "30/11", "30/11/26", "30/11-2026", "Tháng 6/2026", "", "2026", "2026-13-01"])(
    "%s is not a date",
    (s) => expect(parseDateText(s)).toBeNull(),
  );
  it("formats ISO as dd/mm/yyyy", () => {
    expect(formatViDate("2026-11-30")).toBe("30/11/2026");
    expect(formatViDate("2026-06-01")).toBe("01/06/2026");
  });
});
