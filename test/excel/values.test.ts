/** Text stays text through Excel's values setter; addresses and dates parse as Excel gives them. */
import fc from "fast-check";
import { parseArea, parseMergedAreas, splitAreas } from "../../src/excel/addresses";
import { utf8Length } from "../../src/core/text/utf8";
import { safeCellText } from "../../src/core/text/xml-chars";
import { dateSerial, readCell, specCell, textForUserCell } from "../../src/excel/cell-values";
import { FakeSheet } from "../fakes/fake-model";

describe("text written into cells stays the same text", () => {
  test("property: any string through textForUserCell into a General cell reads back as that text", () => {
    const s = new FakeSheet("{1}", "S");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "=1+1",
            "+84",
            "-5",
            "@x",
            "0123",
            "1e5",
            "TRUE",
            "#N/A",
            "'x",
            "\t=cmd",
            " 12",
            "1,5",
            "(1)",
            "$5",
            "30/11/2026",
          ),
        ),
        (v) => {
          s.writeValue(1, 1, textForUserCell(v));
          const c = s.cell(1, 1)!;
          const want = safeCellText(v);
          if (want === "") return c.value === null;
          return c.value === want && c.formula === undefined && !c.error;
        },
      ),
      { numRuns: 500 },
    );
  });

  test("property: any string from a spec, written with its '@' format first, reads back as that text", () => {
    const s = new FakeSheet("{1}", "S");
    fc.assert(
      fc.property(fc.string(), (v) => {
        const { value, format } = specCell(v, "0.0%");
        s.touch(1, 1).numberFormat = format;
        s.writeValue(1, 1, value);
        const c = s.cell(1, 1)!;
        return safeCellText(v) === "" ? c.value === null : c.value === safeCellText(v) && !c.formula;
      }),
      { numRuns: 300 },
    );
  });

  test("specCell: numbers and dates keep their formats; a date is its 1900-system serial", () => {
    expect(specCell(0.25, "0.0%")).toEqual({ value: 0.25, format: "0.0%" });
    expect(specCell({ date: "2026-11-30" }, undefined)).toEqual({ value: 46356, format: "dd/mm/yyyy" });
    expect(specCell({ date: "2026-02-30" }, undefined)).toEqual({ value: "2026-02-30", format: "@" });
    expect(specCell(Number.NaN, undefined).value).toBe("");
    expect(dateSerial("1900-03-01")).toBe(61);
    expect(safeCellText("x".repeat(40000)).length).toBe(32767);
  });

  test("readCell: errors by valueTypes, empty as null, text '#N/A' stays text", () => {
    expect(readCell("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(readCell("#N/A", "String")).toBe("#N/A");
    expect(readCell("", "Empty")).toBeNull();
    expect(readCell(5, "Double")).toBe(5);
  });
});

describe("addresses", () => {
  test("RangeAreas addresses split on commas outside quoted sheet names", () => {
    expect(splitAreas("'Kế hoạch, 2026'!A1:B2,'Kế hoạch, 2026'!$C$3:$D$9, Sheet1!E5")).toEqual([
      "'Kế hoạch, 2026'!A1:B2",
      "'Kế hoạch, 2026'!$C$3:$D$9",
      "Sheet1!E5",
    ]);
    expect(parseMergedAreas("'It''s, odd'!A1:C1,'It''s, odd'!B3:B5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 3, left: 2, bottom: 5, right: 2 },
    ]);
    expect(parseArea("PL!$AA$10")).toEqual({ top: 10, left: 27, bottom: 10, right: 27 });
    expect(parseArea("PL!3:3")).toBeNull();
  });

  test("utf8Length counts UTF-8 bytes like Buffer", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => utf8Length(s) === Buffer.byteLength(s, "utf8")));
    expect(utf8Length("Phòng Văn hóa – Xã hội 😀")).toBe(Buffer.byteLength("Phòng Văn hóa – Xã hội 😀"));
  });
});
