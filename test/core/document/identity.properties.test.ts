/**
 * Properties of the identity reading: any text in the rows above a table never makes it throw; a plan
 * reference written the administrative way reads back as written; a commune as the documents word it
 * reads back as the same commune.
 */
import fc from "fast-check";
import { readSheetHead } from "../../../src/core/document/sheet-head";
import { parseCommune, readPlanReference, type Commune } from "../../../src/core/document/plan-ref";
import { communeWords, planReference, referenceDate } from "../../../src/i18n/document";
import { makeIso } from "../../../src/core/dates";

const syllable = fc.constantFrom("An", "Hòa", "Lê", "Chân", "Tiên", "Lãng", "Đông", "Hải", "Cô", "Tô", "Bình", "Minh", "Thủy", "Nguyên");
const name = fc.array(syllable, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
const commune: fc.Arbitrary<Commune> = fc.record({ kind: fc.constantFrom("xa" as const, "phuong" as const, "dac_khu" as const), name });
const date = fc
  .record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => makeIso(y, m, d)!);

describe("identity reading, properties", () => {
  it("never throws on any text above a table, and gives what it found as data", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 200 }), { maxLength: 6 }), { maxLength: 25 }), (rows) => {
        const head = readSheetHead(rows.map((cells, i) => ({ row: i + 1, cells: cells.map((text, c) => ({ col: c + 1, text })) })));
        expect(Array.isArray(head.communes) && Array.isArray(head.titleLines)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a commune as the documents name it reads back as the same commune", () => {
    fc.assert(
      fc.property(commune, (c) => {
        expect(parseCommune(communeWords(c))).toEqual(c);
        expect(parseCommune(`UBND ${communeWords(c)}`.toLocaleUpperCase("vi"))).toEqual(c);
      }),
    );
  });

  it("a plan reference as the documents write it reads back: number, date, commune, subject", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), date, commune, fc.constantFrom(null, "chuyển đổi số năm 2026"), (n, iso, c, title) => {
        const text = planReference({ commune: c, plan: { number: `${n}/KH-UBND`, date: iso, title } }, "full");
        expect(readPlanReference(text)).toEqual({ number: `${n}/KH-UBND`, date: iso, dateInvalid: false, title, commune: c });
        expect(text).toContain(`ngày ${referenceDate(iso)}`);
      }),
    );
  });
});
