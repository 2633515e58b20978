import fc from "fast-check";
import { DEFAULT_UNITS } from "../../../src/core/settings";
import { createUnitMatcher, type LeadMatch } from "../../../src/core/units";
import { editDistance } from "../../../src/core/unit-keys";

const match = createUnitMatcher(DEFAULT_UNITS);
const VHXH = "Phòng Văn hóa - Xã hội";
const VP = "Văn phòng HĐND và UBND xã";
const KT = "Phòng Kinh tế";
const CA = "Công an xã";
const PVHCC = "Trung tâm Phục vụ hành chính công";
const DVSNC = "Trung tâm Dịch vụ sự nghiệp công";
const nfd = (s: string) => s.normalize("NFD");
const unit = (u: string): LeadMatch => ({ kind: "unit", unit: u });

describe("units: every canonical name and alias of the default list matches", () => {
  const rows = DEFAULT_UNITS.flatMap((u) => [u.name, ...u.aliases].map((t) => [t, u.name] as const));
  it.each(rows)("%s → %s", (text, name) => {
    expect(match(text)).toEqual(unit(name));
    expect(match(text.toUpperCase())).toEqual(unit(name));
    expect(match(text.toLowerCase())).toEqual(unit(name));
    expect(match(nfd(text))).toEqual(unit(name));
    expect(match(`  ${text}\u00A0 `)).toEqual(unit(name));
  });
});

describe("units: spelling variants of domain.md", () => {
  it.each([
    ["Phòng Văn hoá - Xã hội", VHXH],
    ["Phòng Văn hóa – Xã hội", VHXH],
    ["Phòng Văn hóa — Xã hội", VHXH],
    ["Phòng Văn hóa-Xã hội", VHXH],
    ["Phòng  Văn hóa -   Xã hội", VHXH],
    ["Phòng VH - XH", VHXH],
    ["Phòng Văn hóa - Xã hội xã", VHXH],
    ["P. VH-XH", VHXH],
    ["Văn phòng HĐND & UBND xã", VP],
    ["VP HĐND và UBND xã", VP],
    ["VP HĐND&UBND", VP],
    ["Văn phòng HĐND và UBND", VP],
    ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", VP],
    ["Văn phòng HĐND và UBND xã", VP],
    ["Phòng Kinh tế xã", KT],
    ["PHÒNG KINH TẾ", KT],
    ["Công an", CA],
    ["Công an xã.", CA],
    ["Trung tâm Phục vụ hành chính công xã", PVHCC],
    ["TT PVHCC", PVHCC],
    ["TTPVHCC", PVHCC],
    ["Trung tâm PVHCC", PVHCC],
    ["TT Phục vụ hành chính công", PVHCC],
    ["TT DVSNC", DVSNC],
    ["TTDVSNC", DVSNC],
    ["Trung tâm Dịch vụ sự nghiệp công xã", DVSNC],
  ])("%s → %s", (text, name) => {
    expect(match(text)).toEqual(unit(name));
    expect(match(nfd(text))).toEqual(unit(name));
  });
});

describe("units: missing", () => {
  it.each(["", "   ", "\n", "\u00A0", "\u200B"])("%j → missing", (s) => {
    expect(match(s)).toEqual({ kind: "missing" });
  });
});

describe("units: generic phrases", () => {
  it.each([
    "Các đơn vị liên quan",
    "Các cơ quan, đơn vị",
    "Các cơ quan, đơn vị liên quan",
    "Các phòng, ban",
    "Các ngành",
    "các đơn vị có liên quan",
    "Các phòng chuyên môn",
    "Tất cả các đơn vị",
    "Đơn vị liên quan",
    "CÁC ĐƠN VỊ LIÊN QUAN",
  ])("%s → generic", (s) => {
    expect(match(s)).toEqual({ kind: "generic" });
    expect(match(nfd(s))).toEqual({ kind: "generic" });
  });
  it("a unit beside a generic phrase is that unit", () => {
    expect(match("Phòng Kinh tế và các đơn vị liên quan")).toEqual(unit(KT));
    expect(match("Công an xã; các cơ quan, đơn vị liên quan")).toEqual(unit(CA));
  });
});

describe("units: several units in one cell", () => {
  it.each([
    ["Phòng Kinh tế; Công an xã", [KT, CA]],
    ["Phòng Kinh tế, Công an xã", [KT, CA]],
    ["Phòng Kinh tế và Công an xã", [KT, CA]],
    ["Phòng Kinh tế & Công an xã", [KT, CA]],
    ["Phòng Kinh tế\nCông an xã", [KT, CA]],
    ["- Phòng Kinh tế\n- Công an xã", [KT, CA]],
    ["Phòng Kinh tế + Công an xã", [KT, CA]],
    ["Phòng Văn hóa - Xã hội, Văn phòng HĐND và UBND xã", [VHXH, VP]],
    ["Phòng Kinh tế và Văn phòng HĐND và UBND xã", [KT, VP]],
    ["Văn phòng HĐND và UBND xã và Công an xã", [VP, CA]],
    ["Phòng Kinh tế, Phòng Văn hóa - Xã hội, Công an xã", [KT, VHXH, CA]],
  ])("%j → multiple", (s, units) => {
    expect(match(s)).toEqual({ kind: "multiple", units });
  });
  it("the same unit twice is one unit", () => {
    expect(match("Phòng Kinh tế; Phòng Kinh tế xã")).toEqual(unit(KT));
  });
  it("an unrecognised piece beside a unit is listed after the recognised ones", () => {
    expect(match("Trạm Y tế xã, Phòng Kinh tế")).toEqual({ kind: "multiple", units: [KT, "Trạm Y tế xã"] });
  });
  it("'Văn phòng HĐND và UBND xã' contains 'và' but is one unit", () => {
    expect(match("Văn phòng HĐND và UBND xã")).toEqual(unit(VP));
  });
});

describe("units: near misses carry the canonical name", () => {
  it.each([
    ["Phong Van hoa - Xa hoi", VHXH],
    ["Phòng Văn hóa Xã hội", VHXH],
    ["Phòng Văn hoá xã hội", VHXH],
    ["Phòng Văn hóa - Xã hộii", VHXH],
    ["Phòng Văn hóa", VHXH],
    ["Cong an xa", CA],
    ["Công an xả", CA],
    ["Cônh an xã", CA],
    ["Phòng Kinh tê", KT],
    ["Phong kinh te", KT],
    ["Phòng Kinh tết", KT],
    ["Van phong HDND va UBND xa", VP],
    ["Văn phòng UBND xã", VP],
    ["Trung tâm phục vụ hành chánh công", PVHCC],
    ["Trung tam Dich vu su nghiep cong", DVSNC],
  ])("%s → unknown, suggest %s", (s, name) => {
    expect(match(s)).toEqual({ kind: "unknown", suggestion: name });
    expect(match(nfd(s))).toEqual({ kind: "unknown", suggestion: name });
  });
});

describe("units: unrelated text is unknown without suggestion", () => {
  it.each([
    "Trạm Y tế xã",
    "Phòng Tư pháp",
    "UBND xã",
    "Ủy ban nhân dân xã",
    "Chủ tịch UBND xã",
    "Hội Nông dân",
    "Ban Chỉ huy Quân sự xã",
    "abc",
    "123",
    "Trung tâm Y tế",
  ])("%s → unknown", (s) => {
    expect(match(s)).toEqual({ kind: "unknown" });
  });
});

describe("units: a workbook's own list", () => {
  it("matches the workbook's names and aliases, not the defaults", () => {
    const m = createUnitMatcher([
      { name: "Trạm Y tế", aliases: ["TYT"] },
      { name: "Ban Chỉ huy Quân sự xã", aliases: ["BCH Quân sự"] },
    ]);
    expect(m("Trạm Y tế xã")).toEqual(unit("Trạm Y tế"));
    expect(m("tyt")).toEqual(unit("Trạm Y tế"));
    expect(m("BCH Quân sự xã")).toEqual(unit("Ban Chỉ huy Quân sự xã"));
    expect(m("Ban Chỉ huy Quân sự")).toEqual(unit("Ban Chỉ huy Quân sự xã"));
    expect(m("Công an xã")).toEqual({ kind: "unknown" });
  });
  it("an empty list never throws and knows no unit", () => {
    const m = createUnitMatcher([]);
    expect(m("Công an xã")).toEqual({ kind: "unknown" });
    expect(m("")).toEqual({ kind: "missing" });
    expect(m("Các đơn vị liên quan")).toEqual({ kind: "generic" });
  });
  it("ignores blank names and aliases", () => {
    const m = createUnitMatcher([
      { name: " ", aliases: [] },
      { name: "Công an xã", aliases: ["", "  "] },
    ]);
    expect(m("Công an")).toEqual(unit("Công an xã"));
  });
});

describe("units: caching", () => {
  it("returns the same (frozen) result for the same raw text", () => {
    const a = match("Phòng Kinh tế, Công an xã");
    expect(match("Phòng Kinh tế, Công an xã")).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe("units: properties", () => {
  it("never throws and returns a valid kind on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        const r = match(s);
        expect(["unit", "missing", "generic", "multiple", "unknown"]).toContain(r.kind);
        if (r.kind === "unit") expect(DEFAULT_UNITS.map((u) => u.name)).toContain(r.unit);
        if (r.kind === "unknown" && r.suggestion) expect(DEFAULT_UNITS.map((u) => u.name)).toContain(r.suggestion);
      }),
    );
  });
  it("a canonical name with random case, NFD and spacing always matches", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_UNITS.map((u) => u.name)),
        fc.boolean(),
        fc.boolean(),
        fc.nat(3),
        (name, upper, decomposed, pad) => {
          let s = upper ? name.toUpperCase() : name;
          if (decomposed) s = nfd(s);
          s = " ".repeat(pad) + s.replace(/ /g, " ".repeat(pad + 1)) + " ".repeat(pad);
          expect(match(s)).toEqual(unit(name));
        },
      ),
    );
  });
  it("edit distance is bounded and symmetric", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const d = editDistance(a, b, 50);
        expect(d).toBe(editDistance(b, a, 50));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
