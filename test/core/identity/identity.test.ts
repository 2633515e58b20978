/** The identity rule case by case (docs/identity.md): what keeps a task's id, what gives a new one. */
import fc from "fast-check";
import {
  boundedEditDistance,
  groupKey,
  identify,
  idOf,
  matchEntry,
  matchTasks,
  NEAR_THRESHOLD,
  TEXT_CAP,
  textSimilarity,
  type IdentityTask,
} from "../../../src/core/identity";

const task = (content: string, p: Partial<IdentityTask> = {}): IdentityTask => ({
  sheet: "PL I",
  group: "I. Nhiệm vụ trọng tâm",
  stt: "1",
  content,
  lead: "Phòng Văn hóa - Xã hội",
  due: "2026-06-30",
  ...p,
});

const A = "Xây dựng kế hoạch chuyển đổi số năm 2026 của xã";
const B = "Tổ chức hội nghị tuyên truyền về đổi mới sáng tạo cho doanh nghiệp";
const C = "Hoàn thành kết nối, chia sẻ dữ liệu dân cư với dịch vụ công trực tuyến";

/** The ids the `after` list takes when `before` has ids 1, 2, 3… */
function idsAfter(before: IdentityTask[], after: IdentityTask[]): string[] {
  const known = before.map((t, i) => ({ id: idOf(i + 1), entry: matchEntry(t) }));
  return identify(after.map(matchEntry), known, [], before.length + 1).ids;
}

describe("a task keeps its id", () => {
  test("when rows are inserted or deleted above it and it is renumbered", () => {
    const before = [task(A, { stt: "1" }), task(B, { stt: "2" }), task(C, { stt: "3" })];
    const after = [task("Một nhiệm vụ hoàn toàn mới được thêm vào đầu bảng", { stt: "1" }), task(B, { stt: "2" }), task(C, { stt: "3" })];
    expect(idsAfter(before, after)).toEqual(["4", "2", "3"]);
  });

  test("when the rows are re-sorted", () => {
    const before = [task(A), task(B), task(C)];
    expect(idsAfter(before, [task(C), task(A), task(B)])).toEqual(["3", "1", "2"]);
  });

  test("when a typo is fixed (letters, diacritics, case, spaces, old tone placement)", () => {
    const before = [task("Xây dựng kế hoạch chuyển đổi số năm 2026 của xẫ"), task(B), task("Tăng cường ứng dụng khoa hoc cong nghệ")];
    const after = [task(A), task(B.replace("doanh nghiệp", "doanh  nghiệp")), task("Tăng cường ứng dụng khoa học công nghệ")];
    expect(idsAfter(before, after)).toEqual(["1", "2", "3"]);
    const hoa = [task("Phát triển văn hoá, thể thao")];
    expect(idsAfter(hoa, [task("PHÁT TRIỂN VĂN HÓA, THỂ THAO")])).toEqual(["1"]);
  });

  test("when its lead changes, its group is renumbered (II → III) or renamed, or it moves to another appendix", () => {
    const before = [task(A, { group: "II. Hạ tầng số" }), task(B), task(C)];
    const after = [
      task(A, { group: "III. Hạ tầng số", lead: "Công an xã" }),
      task(B, { group: "I. Nhiệm vụ chính" }),
      task(C, { sheet: "Phụ lục II" }),
    ];
    const known = before.map((t, i) => ({ id: idOf(i + 1), entry: matchEntry(t) }));
    const m = matchTasks(
      known.map((k) => k.entry),
      after.map(matchEntry),
    );
    expect(m.pairs.map((p) => [p.before, p.after, p.tier, p.confidence])).toEqual([
      [0, 0, "same_place", 1],
      [1, 1, "same_sheet", 0.98],
      [2, 2, "moved", 0.95],
    ]);
  });

  test("a long text edited after the first TEXT_CAP characters: still the same task, but no longer an exact match", () => {
    const long = "Triển khai thực hiện có hiệu quả các nhiệm vụ, giải pháp ".repeat(4) + "theo Kế hoạch số 15/KH-UBND";
    expect(Array.from(long).length).toBeGreaterThan(TEXT_CAP);
    const edited = long.replace("15/KH-UBND", "16/KH-UBND");
    const m = matchTasks([matchEntry(task(long))], [matchEntry(task(edited))]);
    expect(m.pairs).toHaveLength(1);
    expect(m.pairs[0].tier).toBe("near_group");
    expect(m.pairs[0].confidence).toBeLessThan(1);
    expect(matchEntry(task(long)).exact).not.toBe(matchEntry(task(edited)).exact);
  });
});

describe("never two tasks with one id", () => {
  test("copies of one text are told apart by lead, due date and STT, then by order", () => {
    const before = [
      task("Báo cáo kết quả thực hiện", { lead: "Phòng Kinh tế", due: "2026-06-30", stt: "1" }),
      task("Báo cáo kết quả thực hiện", { lead: "Công an xã", due: "2026-12-31", stt: "2" }),
    ];
    // Re-sorted, and the first one's deadline moved: the lead still tells them apart.
    const after = [
      task("Báo cáo kết quả thực hiện", { lead: "Công an xã", due: "2026-12-31", stt: "1" }),
      task("Báo cáo kết quả thực hiện", { lead: "Phòng Kinh tế", due: "2026-09-30", stt: "2" }),
    ];
    expect(idsAfter(before, after)).toEqual(["2", "1"]);
    // One copy deleted: the one left keeps its own id; a copy added gets a new one.
    expect(idsAfter(before, [before[1]])).toEqual(["2"]);
    expect(idsAfter(before, [...before, task("Báo cáo kết quả thực hiện", { lead: null, due: null, stt: "3" })])).toEqual(["1", "2", "3"]);
  });

  test("a different task with a similar short text is not taken for the old one when both exist", () => {
    const before = [task("Báo cáo quý I"), task("Báo cáo quý II")];
    expect(idsAfter(before, [task("Báo cáo quý II"), task("Báo cáo quý I")])).toEqual(["2", "1"]);
  });

  test("texts below the threshold are different tasks: removed and added, new id", () => {
    const before = [task(A)];
    const after = [task("Kiểm tra, giám sát việc thực hiện kế hoạch của các đơn vị")];
    expect(textSimilarity(matchEntry(before[0]).text, matchEntry(after[0]).text)).toBeLessThan(NEAR_THRESHOLD);
    expect(idsAfter(before, after)).toEqual(["2"]);
  });

  test("new ids are never one an earlier or older version used", () => {
    const previous = [{ id: "a", entry: matchEntry(task(A)) }];
    const older = [{ id: "k", entry: matchEntry(task(B)) }];
    const r = identify([matchEntry(task(C)), matchEntry(task(B))], previous, older, 3);
    expect(r.ids).toEqual(["l", "k"]);
    expect(r.next).toBe(parseInt("m", 36));
  });

  test("near matches need the same appendix", () => {
    const m = matchTasks([matchEntry(task(A))], [matchEntry(task(A.replace("xã", "xa ."), { sheet: "PL II" }))]);
    // Folded, the two texts are equal: an exact match found anywhere.
    expect(m.pairs[0]?.tier).toBe("moved");
    const typo = matchTasks([matchEntry(task(A))], [matchEntry(task(A.replace("kế hoạch", "kế hoach x"), { sheet: "PL II" }))]);
    expect(typo.pairs).toEqual([]);
    expect(typo.unmatchedBefore).toEqual([0]);
    expect(typo.unmatchedAfter).toEqual([0]);
  });
});

describe("the pieces", () => {
  test("group keys drop the numeral", () => {
    expect(groupKey("II. Hạ tầng số")).toBe(groupKey("III - Hạ tầng số"));
    expect(groupKey("B) Hạ tầng số")).toBe("ha tang so");
    expect(groupKey(null)).toBe("");
    expect(groupKey("IV")).toBe("");
  });

  test("bounded edit distance equals the plain one when within the bound (random strings)", () => {
    const plain = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      return d[a.length][b.length];
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."abcd "), maxLength: 14 }),
        fc.string({ unit: fc.constantFrom(..."abcd "), maxLength: 14 }),
        fc.nat(8),
        (a, b, max) => {
          const d = plain(a, b);
          expect(boundedEditDistance(a, b, max)).toBe(d <= max ? d : Infinity);
        },
      ),
      { numRuns: 400 },
    );
    expect(boundedEditDistance("abcd", "abdc", 1)).toBe(1);
  });

  test("matching is deterministic and one to one", () => {
    const list = [task(A), task(B), task(C), task(A, { stt: "9" })];
    const a = matchTasks(list.map(matchEntry), [...list].reverse().map(matchEntry));
    const b = matchTasks(list.map(matchEntry), [...list].reverse().map(matchEntry));
    expect(a).toEqual(b);
    expect(new Set(a.pairs.map((p) => p.before)).size).toBe(4);
    expect(new Set(a.pairs.map((p) => p.after)).size).toBe(4);
  });
});
