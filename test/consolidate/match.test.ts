/**
 * Indicators across communes (src/core/consolidate/match.ts): the same indicator worded each commune's way
 * is one, by the words of its name and its unit of measure, and the match is kept to be shown; indicators
 * that only look alike stay apart; the grouping never depends on the order the communes came in.
 */
import fc from "fast-check";
import { matchIndicators, nameWords, overlap, type IndicatorInput } from "../../src/core/consolidate/match";
import { INDICATOR_WORDINGS as W } from "../support/city-plans";

const pct = (name: string): IndicatorInput => ({ name, unitOfMeasure: "%", percent: true });
const count = (name: string, unitOfMeasure: string): IndicatorInput => ({ name, unitOfMeasure, percent: false });

/** The names of each group's wordings, main first. */
function groupsOf(communes: IndicatorInput[][]): string[][] {
  return matchIndicators(communes).groups.map((g) => g.wordings.map((w) => w.name));
}

describe("a name's words", () => {
  it("are folded, abbreviations written out, joining and place words dropped", () => {
    expect(nameWords("Tỷ lệ hồ sơ TTHC giải quyết trực tuyến toàn trình")).toEqual(
      nameWords("Tỉ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình trên địa bàn xã"),
    );
    expect(nameWords("1. Số lượng sáng kiến năm 2026")).toEqual(["so", "sang", "kien"]);
    expect(nameWords("a) Tỷ lệ CĐS")).toEqual(["ty", "le", "chuyen", "doi", "so"]);
  });

  it("overlap is 1 for the same terms, 0 for none, symmetric", () => {
    const w = (terms: string[]) => ({ weights: new Map(terms.map((t) => [t, 1])) });
    expect(overlap(w(["a", "b"]), w(["a", "b"]))).toBe(1);
    expect(overlap(w(["a"]), w(["b"]))).toBe(0);
    expect(overlap(w(["a", "b", "c"]), w(["a", "d"]))).toBeCloseTo(overlap(w(["a", "d"]), w(["a", "b", "c"])));
  });
});

describe("matching across communes", () => {
  it("matches the same indicator worded three ways, the match shown with each wording's communes and likeness", () => {
    const communes = [[pct(W.online[0])], [pct(W.online[1])], [pct(W.online[2])], [pct(W.online[0])]];
    const m = matchIndicators(communes);
    expect(m.groups).toHaveLength(1);
    const g = m.groups[0];
    expect(g.name).toBe(W.online[0]);
    expect(g.wordings[0]).toEqual({ name: W.online[0], unitOfMeasure: "%", communes: 2, similarity: 1 });
    expect(g.wordings.slice(1).map((w) => [w.name, w.communes, w.similarity])).toEqual(
      expect.arrayContaining([
        [W.online[1], 1, 1],
        [W.online[2], 1, 1],
      ]),
    );
    expect(m.groupOf).toEqual([[0], [0], [0], [0]]);
  });

  it("matches a wording with a word more («sáng kiến, giải pháp») and one said at more length («sử dụng chữ ký số cá nhân»)", () => {
    const communes = [
      [count(W.initiatives[0], "sáng kiến"), pct(W.signatures[0])],
      [count(W.initiatives[1], "Sáng kiến"), pct(W.signatures[1])],
      [count(W.initiatives[1], "sáng kiến"), pct(W.signatures[0])],
    ];
    const groups = matchIndicators(communes).groups;
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(g.wordings).toHaveLength(2);
    for (const g of groups) expect(g.wordings[1].similarity).toBeGreaterThanOrEqual(0.6);
    expect(groups.map((g) => g.wordings[1].similarity).every((s) => s < 1)).toBe(true);
  });

  it("keeps apart the same words with another unit of measure (người / lượt)", () => {
    const groups = groupsOf([[count(W.trained[0], "người")], [count("Số người dân được tập huấn kỹ năng số", "lượt")]]);
    expect(groups).toHaveLength(2);
  });

  it("keeps apart a rate and a count, and names whose numbers differ", () => {
    expect(groupsOf([[pct("Tỷ lệ hộ nghèo")], [count("Tỷ lệ hộ nghèo", "hộ")]])).toHaveLength(2);
    expect(groupsOf([[pct("Tỷ lệ trường đạt chuẩn mức độ 1")], [pct("Tỷ lệ trường đạt chuẩn mức độ 2")]])).toHaveLength(2);
  });

  it("keeps apart opposites («toàn trình» / «một phần») even when no commune lists both", () => {
    expect(groupsOf([[pct(W.online[0])], [pct(W.partly[0])]])).toHaveLength(2);
  });

  it("keeps apart two wordings one commune lists as two indicators of its own", () => {
    const a = pct("Tỷ lệ thôn có wifi công cộng miễn phí");
    const b = pct("Tỷ lệ thôn có wifi công cộng");
    expect(groupsOf([[a], [b]])).toHaveLength(1);
    expect(groupsOf([[a], [b], [a, b]])).toHaveLength(2);
  });

  it("an empty unit matches a written one; a rate's unit may be written any way", () => {
    expect(groupsOf([[count("Số sáng kiến được công nhận", "")], [count("Số sáng kiến được công nhận", "sáng kiến")]])).toHaveLength(1);
    expect(
      groupsOf([[pct("Tỷ lệ hộ dùng nước sạch")], [{ name: "Tỷ lệ hộ dùng nước sạch", unitOfMeasure: "Tỷ lệ %", percent: true }]]),
    ).toHaveLength(1);
  });

  it("an indicator without a name belongs to no group", () => {
    const m = matchIndicators([[pct(""), pct("Tỷ lệ hộ dùng nước sạch")]]);
    expect(m.groupOf).toEqual([[-1, 0]]);
  });

  it("the grouping does not depend on the order the communes came in (property)", () => {
    const pool = [...W.online, ...W.partly].map(pct).concat(
      [...W.initiatives].map((n) => count(n, "sáng kiến")),
      W.signatures.map(pct),
    );
    const commune = fc
      .uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 5 })
      .map((ix) => ix.map((i) => pool[i]));
    fc.assert(
      fc.property(fc.array(commune, { minLength: 1, maxLength: 12 }), fc.integer(), (communes, seed) => {
        const shuffled = communes
          .map((c, i) => ({ c, k: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.c);
        const norm = (gs: string[][]) => gs.map((g) => [...g].sort().join("|")).sort();
        expect(norm(groupsOf(shuffled))).toEqual(norm(groupsOf(communes)));
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on any name or unit, and gives every named indicator a group (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.record({ name: fc.string(), unitOfMeasure: fc.string(), percent: fc.boolean() }), { maxLength: 4 }), {
          maxLength: 6,
        }),
        (communes) => {
          const m = matchIndicators(communes);
          communes.forEach((list, i) => list.forEach((ind, j) => expect(m.groupOf[i][j] >= 0).toBe(nameWords(ind.name).length > 0)));
          const listed = m.groups.reduce((n, g) => n + g.wordings.length, 0);
          expect(listed).toBeLessThanOrEqual(communes.flat().length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
