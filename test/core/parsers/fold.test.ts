import fc from "fast-check";
import { cellText, foldKey, nfc, normalizeTones, softKey } from "../../../src/core/text/fold";

const nfd = (s: string) => s.normalize("NFD");

describe("nfc", () => {
  it("composes NFD input (macOS / web copies)", () => {
    const s = "Phòng Văn hóa - Xã hội";
    expect(nfd(s)).not.toBe(s);
    expect(nfc(nfd(s))).toBe(s);
  });
  it("turns non-breaking and odd spaces into plain spaces", () => {
    expect(nfc("Công\u00A0an\u2009xã\u202F1\u3000x")).toBe("Công an xã 1 x");
  });
  it("drops zero-width characters", () => {
    expect(nfc("Công\u200B an\uFEFF xã\u200D")).toBe("Công an xã");
  });
  it("keeps the soft hyphen (TCVN3 'ư' must stay decodable); keys ignore it", () => {
    expect(nfc("Ng\u00ADêi")).toBe("Ng\u00ADêi");
    expect(foldKey("Kinh\u00ADtế")).toBe("kinhte");
    expect(softKey("Kinh\u00AD tế")).toBe("kinh tế");
  });
  it("keeps line breaks and tabs", () => {
    expect(nfc("Phòng Kinh tế\nCông an xã\tx")).toBe("Phòng Kinh tế\nCông an xã\tx");
  });
  it("returns ASCII unchanged", () => {
    expect(nfc("Plain text 123")).toBe("Plain text 123");
  });
});

describe("normalizeTones", () => {
  it.each([
    ["hoá", "hóa"],
    ["Văn hoá", "Văn hóa"],
    ["thuỷ", "thủy"],
    ["Uỷ ban", "Ủy ban"],
    ["uỷ", "ủy"],
    ["khoẻ", "khỏe"],
    ["hoà", "hòa"],
    ["xoá", "xóa"],
    ["hoả", "hỏa"],
    ["hoã", "hõa"],
    ["hoạ", "họa"],
    ["loè", "lòe"],
    ["toé", "tóe"],
    ["khoẻ mạnh", "khỏe mạnh"],
    ["thuở", "thuở"],
    ["tuỳ", "tùy"],
    ["huỵch", "huỵch"],
    ["HOÁ", "HÓA"],
    ["THUỶ", "THỦY"],
    ["Hoá", "Hóa"],
    ["hoá-xã", "hóa-xã"],
  ])("%s → %s", (input, out) => {
    expect(normalizeTones(input)).toBe(out);
    expect(normalizeTones(nfd(input))).toBe(out);
  });
  it.each([
    "hoàn thành",
    "kế hoạch",
    "quý II",
    "Quý",
    "quỳ",
    "quỹ",
    "khuỷu tay",
    "toán",
    "hoặc",
    "xuyên",
    "thuyền",
    "ủy",
    "hóa",
    "khỏe",
    "hoa",
    "Huy",
  ])("leaves %s alone", (s) => {
    expect(normalizeTones(s)).toBe(s);
  });
});

describe("foldKey", () => {
  it.each([
    ["Thời gian  HOÀN THÀNH:", "thoi gian hoan thanh"],
    ["Phòng Văn hóa - Xã hội", "phong van hoa xa hoi"],
    ["Phòng Văn hoá – Xã hội", "phong van hoa xa hoi"],
    ["Phòng VH-XH", "phong vh xh"],
    ["Đơn vị chủ trì", "don vi chu tri"],
    ["ĐVT", "dvt"],
    ["Kết quả/Sản phẩm", "ket qua san pham"],
    ["  STT  ", "stt"],
    ["Ưu tiên, ưu đãi!", "uu tien uu dai"],
    ["Số\u00A0TT", "so tt"],
    ["HĐND&UBND", "hdnd ubnd"],
    ["", ""],
  ])("%j → %j", (input, out) => {
    expect(foldKey(input)).toBe(out);
    expect(foldKey(nfd(input))).toBe(out);
  });
  it("treats zero-width characters as nothing", () => {
    expect(foldKey("Công\u200Ban")).toBe("congan");
  });
  it.each(["ẞ", "Å", "⅐", "ᴭ", "ﯪ", "ǅ", "İ", "ß"])("folds %s the same way twice", (s) => {
    const k = foldKey(s);
    expect(k).not.toBe("");
    expect(foldKey(k)).toBe(k);
  });
  it("is idempotent (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const k = foldKey(s);
        expect(foldKey(k)).toBe(k);
      }),
    );
  });
  it("never has leading, trailing or double spaces (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const k = foldKey(s);
        expect(k).toBe(k.trim());
        expect(k.includes("  ")).toBe(false);
      }),
    );
  });
  it("ignores case and NFC/NFD (property on Vietnamese words)", () => {
    const word = fc.constantFrom(
      "Phòng",
      "Văn",
      "hóa",
      "Xã",
      "hội",
      "Kinh",
      "tế",
      "Công",
      "an",
      "Đơn",
      "vị",
      "Ủy",
      "ban",
      "thủy",
      "khỏe",
      "Người",
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        const s = ws.join(" ");
        expect(foldKey(s.toUpperCase())).toBe(foldKey(s));
        expect(foldKey(nfd(s))).toBe(foldKey(s));
      }),
    );
  });
});

describe("softKey", () => {
  it("keeps diacritics, unifies dashes, tones and spaces", () => {
    expect(softKey("Phòng Văn hoá – Xã  hội")).toBe("phòng văn hóa-xã hội");
    expect(softKey("Phòng Văn hóa-Xã hội")).toBe("phòng văn hóa-xã hội");
    expect(softKey(nfd("PHÒNG VĂN HÓA — XÃ HỘI "))).toBe("phòng văn hóa-xã hội");
  });
  it("distinguishes words that differ only by diacritics", () => {
    expect(softKey("Xã")).not.toBe(softKey("Xa"));
  });
});

describe("cellText", () => {
  it("trims and composes strings", () => {
    expect(cellText("  " + nfd("Công an xã") + "\u00A0")).toBe("Công an xã");
  });
  it("writes numbers as Excel shows them in General", () => {
    expect(cellText(2026)).toBe("2026");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1.5)).toBe("1.5");
    expect(cellText(-3)).toBe("-3");
  });
  it("writes booleans, and nothing for empty and error cells", () => {
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(null)).toBe("");
    expect(cellText({ error: "#REF!" })).toBe("");
  });
});
