import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { decodeLegacy, detectCellEncoding, detectEncoding, readCellEncoding } from "../../../src/core/text/legacy";
import { encodeTcvn3, encodeVni } from "./legacy-encoder";

const LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
const LETTERS_67 = [...LOWER].filter((c) => c.charCodeAt(0) > 0x7f);

/** The seed plans' real Vietnamese lines (Unicode), as the repository keeps them in assets/seed-data. */
const SEED_DIR = path.resolve(__dirname, "../../../assets/seed-data");
function stringsOf(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === "object") return Object.values(v).flatMap(stringsOf);
  return [];
}
const seedLines: string[] = fs
  .readdirSync(SEED_DIR)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => stringsOf(JSON.parse(fs.readFileSync(path.join(SEED_DIR, f), "utf8"))))
  .flatMap((l) => l.split(/\r?\n|\t/))
  .map((l) => l.trim())
  .filter((l) => l.length > 0);
/** Phrases with the letters and tone placements that matter most. */
const PHRASES = [
  "Phòng Văn hóa - Xã hội",
  "Văn phòng HĐND và UBND xã",
  "Người đứng đầu chịu trách nhiệm",
  "Hoàn thành và đưa vào khai thác hiệu quả các cơ sở dữ liệu quốc gia",
  "Thời gian hoàn thành",
  "Các đơn vị liên quan",
  "Ủy ban nhân dân xã Chí Minh",
  "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026",
  "Tổ chức thực hiện",
  "Chuyển đổi số, đổi mới sáng tạo",
  "Hoá đơn điện tử; khoẻ mạnh; thuỷ lợi; xoá nhà tạm",
  "Xuân, quân, thuê, yêu, uyên, toán, hoàn, quý, quà",
];
const allLines = [...PHRASES, ...seedLines];

describe("legacy tables: all 67 lower-case letters (and their capitals) are covered", () => {
  it("has 67 letters with diacritics", () => {
    expect(LETTERS_67).toHaveLength(67);
  });
  it("TCVN3 encodes every lower-case letter as one Latin-1 character and decodes it back", () => {
    for (const l of LETTERS_67) {
      const code = encodeTcvn3(l);
      expect(code).toHaveLength(1);
      expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xff);
      expect(decodeLegacy(code, "tcvn3")).toBe(l);
    }
  });
  it("TCVN3 codes are all distinct", () => {
    const codes = LETTERS_67.map(encodeTcvn3);
    expect(new Set(codes).size).toBe(67);
  });
  it("TCVN3 has the seven upper-case letters Ă Â Ê Ô Ơ Ư Đ", () => {
    expect(decodeLegacy("¡¢£¤¥¦§", "tcvn3")).toBe("ĂÂÊÔƠƯĐ");
  });
  it("TCVN3 matches the reference codes (ABC/.VnTime table)", () => {
    const ref =
      "µ¸¶·¹" +
      "¨»¾¼½Æ" +
      "©ÇÊÈÉË" +
      "®" +
      "ÌÐÎÏÑ" +
      "ªÒÕÓÔÖ" +
      "×ÝØÜÞ" +
      "ßãáâä" +
      "«åèæçé" +
      "¬êíëìî" +
      "ïóñòô" +
      "\u00ADõøö÷ù" +
      "úýûüþ";
    const uni =
      "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "đ" + "èéẻẽẹ" + "êềếểễệ" + "ìíỉĩị" + "òóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "ùúủũụ" + "ưừứửữự" + "ỳýỷỹỵ";
    expect(decodeLegacy(ref, "tcvn3")).toBe(uni);
  });
  it("VNI encodes all 134 letters (both cases) and decodes them back", () => {
    for (const l of LETTERS_67) {
      for (const x of [l, l.toUpperCase()]) {
        const code = encodeVni(x);
        expect(code).not.toBe(x === "í" || x === "ì" || x === "Í" || x === "Ì" ? "" : x);
        expect(decodeLegacy(code, "vni")).toBe(x);
      }
    }
  });
  it("VNI matches the reference sequences (VNI Windows table)", () => {
    const ref = [
      ["aø aù aû aõ aï", "à á ả ã ạ"],
      ["aâ aà aá aå aã aä", "â ầ ấ ẩ ẫ ậ"],
      ["aê aè aé aú aü aë", "ă ằ ắ ẳ ẵ ặ"],
      ["eø eù eû eõ eï", "è é ẻ ẽ ẹ"],
      ["eâ eà eá eå eã eä", "ê ề ế ể ễ ệ"],
      ["ì í æ ó ò", "ì í ỉ ĩ ị"],
      ["oø où oû oõ oï", "ò ó ỏ õ ọ"],
      ["oâ oà oá oå oã oä", "ô ồ ố ổ ỗ ộ"],
      ["ô ôø ôù ôû ôõ ôï", "ơ ờ ớ ở ỡ ợ"],
      ["uø uù uû uõ uï", "ù ú ủ ũ ụ"],
      ["ö öø öù öû öõ öï", "ư ừ ứ ử ữ ự"],
      ["yø yù yû yõ î", "ỳ ý ỷ ỹ ỵ"],
      ["ñ Ñ", "đ Đ"],
      ["AØ AÙ AÛ AÕ AÏ AÂ AÀ AÁ AÅ AÃ AÄ AÊ AÈ AÉ AÚ AÜ AË", "À Á Ả Ã Ạ Â Ầ Ấ Ẩ Ẫ Ậ Ă Ằ Ắ Ẳ Ẵ Ặ"],
      ["Ô ÔØ ÔÙ Ö ÖÙ ÖÏ Ì Í Æ Ó Ò YØ YÙ YÛ YÕ Î", "Ơ Ờ Ớ Ư Ứ Ự Ì Í Ỉ Ĩ Ị Ỳ Ý Ỷ Ỹ Ỵ"],
    ];
    for (const [vni, uni] of ref) expect(decodeLegacy(vni, "vni")).toBe(uni);
  });
});

describe("legacy: decoding real examples", () => {
  it.each([
    ["Phßng V¨n hãa - X· héi", "Phòng Văn hóa - Xã hội"],
    ["Ng\u00ADêi", "Người"],
    ["B¶o Th¾ng", "Bảo Thắng"],
    ["M\u00ADêng Kh\u00AD¬ng", "Mường Khương"],
    ["C«ng an x·", "Công an xã"],
    ["Tæ chøc thùc hiÖn", "Tổ chức thực hiện"],
    ["Thêi gian hoµn thµnh", "Thời gian hoàn thành"],
    ["§¬n vÞ chñ tr×", "Đơn vị chủ trì"],
    ["PHßNG V¡N HãA - X· HéI", "PHÒNG VĂN HÓA - XÃ HỘI"],
    ["NHIÖM Vô TRäNG T¢M N¡M 2026", "NHIỆM VỤ TRỌNG TÂM NĂM 2026"],
    ["Hµ Néi", "Hà Nội"],
  ])("TCVN3 %s → %s", (legacy, uni) => {
    expect(decodeLegacy(legacy, "tcvn3")).toBe(uni);
  });
  it.each([
    ["Tieáng Vieät", "Tiếng Việt"],
    ["Xin chaøo caùc baïn", "Xin chào các bạn"],
    ["Phoøng Vaên hoùa - Xaõ hoäi", "Phòng Văn hóa - Xã hội"],
    ["Ngöôøi ñöùng ñaàu chòu traùch nhieäm", "Người đứng đầu chịu trách nhiệm"],
    ["Coâng an xaõ", "Công an xã"],
    ["TIEÁNG VIEÄT", "TIẾNG VIỆT"],
    ["Ñôn vò chuû trì", "Đơn vị chủ trì"],
    ["UÛy ban nhaân daân", "Ủy ban nhân dân"],
  ])("VNI %s → %s", (legacy, uni) => {
    expect(decodeLegacy(legacy, "vni")).toBe(uni);
  });
  it("leaves text unchanged for unicode, and ASCII unchanged for any encoding", () => {
    expect(decodeLegacy("Phòng Văn hóa", "unicode")).toBe("Phòng Văn hóa");
    expect(decodeLegacy("STT 1.2 (abc)", "tcvn3")).toBe("STT 1.2 (abc)");
    expect(decodeLegacy("STT 1.2 (abc)", "vni")).toBe("STT 1.2 (abc)");
  });
});

describe("legacy: detection", () => {
  it.each([
    [["Phßng V¨n hãa - X· héi"], "tcvn3"],
    [["Ng\u00ADêi ®øng ®Çu chÞu tr¸ch nhiÖm", "C¬ quan chñ tr×"], "tcvn3"],
    [["Tæ chøc thùc hiÖn", "Thêi gian hoµn thµnh"], "tcvn3"],
    [["Tieáng Vieät"], "vni"],
    [["Phoøng Vaên hoùa - Xaõ hoäi", "Coâng an xaõ"], "vni"],
    [["Thôøi gian hoaøn thaønh"], "vni"],
  ] as const)("%j → %s", (samples, enc) => {
    expect(detectEncoding([...samples])).toBe(enc);
  });
  it("empty input or no text is unicode", () => {
    expect(detectEncoding([])).toBe("unicode");
    expect(detectEncoding(["", "1", "2026"])).toBe("unicode");
  });
  it("plain English is never legacy (even with ©, ×, ·, soft hyphens, accented names)", () => {
    expect(
      detectEncoding([
        "Report © 2026",
        "3×4 grid · total",
        "hyphen\u00ADation ex\u00ADam\u00ADple",
        "Zoë Müller, naïve café",
        "STT",
        "Deadline",
      ]),
    ).toBe("unicode");
  });
  it("every line of the seed plans (and common phrases), alone or together, is unicode", () => {
    expect(seedLines.length).toBeGreaterThan(100);
    for (const line of allLines) expect({ line, enc: detectEncoding([line]) }).toEqual({ line, enc: "unicode" });
    expect(detectEncoding(allLines)).toBe("unicode");
    expect(detectEncoding(allLines.map((l) => l.normalize("NFD")))).toBe("unicode");
    expect(detectEncoding(allLines.map((l) => l.toUpperCase()))).toBe("unicode");
  });
  it("the seed plans encoded in TCVN3 or VNI are detected as such, and decode back", () => {
    const tcvn = allLines.map(encodeTcvn3);
    const vni = allLines.map(encodeVni);
    expect(detectEncoding(tcvn)).toBe("tcvn3");
    expect(detectEncoding(vni)).toBe("vni");
    for (let i = 0; i < allLines.length; i++) {
      expect(decodeLegacy(vni[i], "vni")).toBe(allLines[i].normalize("NFC"));
      // TCVN3 has no upper-case toned letters: case is restored only for all-caps text
      expect(decodeLegacy(tcvn[i], "tcvn3").toLowerCase()).toBe(allLines[i].normalize("NFC").toLowerCase());
    }
  });
  it("a line with several Vietnamese letters, encoded, is detected on its own", () => {
    let checked = 0;
    for (const line of allLines) {
      const letters = [...line].filter((c) => c.charCodeAt(0) > 0x7f && /\p{L}/u.test(c)).length;
      if (letters < 6) continue;
      checked++;
      expect({ line, enc: detectEncoding([encodeTcvn3(line)]) }).toEqual({ line, enc: "tcvn3" });
      expect({ line, enc: detectEncoding([encodeVni(line)]) }).toEqual({ line, enc: "vni" });
    }
    expect(checked).toBeGreaterThan(10);
  });
  it("a sheet that is mostly Unicode with one legacy cell stays unicode", () => {
    expect(detectEncoding([...PHRASES, "Phßng V¨n hãa - X· héi"])).toBe("unicode");
  });
  it("a sheet that is mostly legacy with one Unicode cell is legacy", () => {
    expect(detectEncoding([...PHRASES.map(encodeTcvn3), "Phòng Văn hóa - Xã hội"])).toBe("tcvn3");
    expect(detectEncoding([...PHRASES.map(encodeVni), "Phòng Văn hóa - Xã hội"])).toBe("vni");
  });
});

/** Western names and words with Latin-1 letters: never TCVN3/VNI, even one cell alone. */
const WESTERN = [
  "Zoë Müller, naïve café",
  "Straße",
  "Ångström",
  "São Paulo",
  "Crème brûlée",
  "Señor Ñandú",
  "Björk Guðmundsdóttir",
  "façade, déjà vu, rôle",
  "Report © 2026 · 3×4",
  "hyphen\u00ADation",
  "Jürgen Köhler",
  "Æsop, Øresund, Œuvre",
];

describe("legacy: one cell in a Unicode sheet (detectCellEncoding)", () => {
  it.each([
    ["C«ng an x·", "tcvn3"],
    ["Phßng Kinh tÕ", "tcvn3"],
    ["UBND x·", "tcvn3"],
    ["Ng\u00ADêi ®øng ®Çu", "tcvn3"],
    ["Th¸ng 9/2026", "tcvn3"],
    // Every letter here is also a Unicode letter: the capital inside a lower-case word gives TCVN3 away.
    ["Chê kinh phÝ", "tcvn3"],
    ["Kinh tÕ", "tcvn3"],
    ["Coâng an xaõ", "vni"],
    ["Tieáp nhaän hoà sô", "vni"],
  ] as const)("%j → %s", (cell, enc) => {
    expect(detectCellEncoding(cell)).toBe(enc);
  });
  it("plain ASCII, Western names and every seed line (NFC, NFD, capitals) are unicode", () => {
    for (const s of ["", "STT", "30/11/2026", "Phong Van hoa - Xa hoi", "UBND xa", ...WESTERN])
      expect({ s, e: detectCellEncoding(s) }).toEqual({ s, e: "unicode" });
    for (const line of allLines)
      for (const form of [line, line.normalize("NFD"), line.toUpperCase()])
        expect({ form, e: detectCellEncoding(form) }).toEqual({ form, e: "unicode" });
  });
  /** A cell that TCVN3 reads as valid syllables too: VNI "Cơ quan chủ trì" is TCVN3 "Cụ quan chuỷ trỡ". The sheet decides. */
  const AMBIGUOUS = new Set(["Cô quan chuû trì"]);
  it("a seed line encoded in TCVN3 or VNI is detected alone, and decodes back, when it holds a code no Unicode Vietnamese uses", () => {
    // Latin-1 characters that are not Vietnamese letters in Unicode: text holding one cannot be Unicode Vietnamese.
    // Or a Latin-1 capital right after a lower-case letter ("phÝ"), which no Unicode word has.
    const foreign = /[^\x00-\x7fàáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]|[a-zß-ÿ][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]/;
    let checked = 0;
    for (const line of allLines) {
      for (const [enc, encoded] of [
        ["tcvn3", encodeTcvn3(line)],
        ["vni", encodeVni(line)],
      ] as const) {
        if (!foreign.test(encoded)) continue;
        checked++;
        if (AMBIGUOUS.has(encoded)) {
          expect(readCellEncoding(encoded)).toEqual({ encoding: "tcvn3", ambiguous: true });
          expect(readCellEncoding(encoded, enc)).toEqual({ encoding: enc, ambiguous: true });
          continue;
        }
        expect({ line, e: readCellEncoding(encoded) }).toEqual({ line, e: { encoding: enc, ambiguous: false } });
        if (enc === "vni") expect(decodeLegacy(encoded, enc)).toBe(line.normalize("NFC"));
        else expect(decodeLegacy(encoded, enc).toLowerCase()).toBe(line.normalize("NFC").toLowerCase());
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

/**
 * Real Vietnamese syllables: an onset, a vowel nucleus with its tone on the vowel that carries it, a coda.
 * Random strings of letters ("aù") are not syllables, and some of them are exactly VNI's spelling of one
 * ("aù" is VNI for «á»): text no Vietnamese writer types cannot show that Unicode is never taken for legacy.
 */
const ONSETS = [
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
];
/** Nuclei, with the index of the vowel that takes the tone when a coda follows / when none does. */
const NUCLEI: [string, number, number][] = [
  ["a", 0, 0],
  ["ă", 0, 0],
  ["â", 0, 0],
  ["e", 0, 0],
  ["ê", 0, 0],
  ["i", 0, 0],
  ["o", 0, 0],
  ["ô", 0, 0],
  ["ơ", 0, 0],
  ["u", 0, 0],
  ["ư", 0, 0],
  ["y", 0, 0],
  ["ai", 0, 0],
  ["ao", 0, 0],
  ["au", 0, 0],
  ["ay", 0, 0],
  ["âu", 0, 0],
  ["ây", 0, 0],
  ["eo", 0, 0],
  ["êu", 0, 0],
  ["ia", 0, 0],
  ["iê", 1, 1],
  ["iu", 0, 0],
  ["oa", 1, 1],
  ["oă", 1, 1],
  ["oe", 1, 1],
  ["oi", 0, 0],
  ["ôi", 0, 0],
  ["ơi", 0, 0],
  ["ua", 0, 0],
  ["uâ", 1, 1],
  ["uê", 1, 1],
  ["ui", 0, 0],
  ["uô", 1, 1],
  ["uy", 1, 1],
  ["ưa", 0, 0],
  ["ưi", 0, 0],
  ["ươ", 1, 1],
  ["ưu", 0, 0],
  ["yê", 1, 1],
  ["uyê", 2, 2],
  ["oai", 1, 1],
  ["uôi", 1, 1],
  ["ươi", 1, 1],
  ["ươu", 1, 1],
  ["iêu", 1, 1],
  ["yêu", 1, 1],
];
const CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
/** «qu» already holds the glide u, and «gi» the i: neither is followed by another. */
const fits = (onset: string, nucleus: string) => !(onset === "qu" && /^[uưo]/.test(nucleus)) && !(onset === "gi" && /^[iy]/.test(nucleus));
const syllable = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...NUCLEI), fc.constantFrom(...CODAS), fc.constantFrom(...TONES))
  .filter(([onset, [nucleus]]) => fits(onset, nucleus))
  .map(([onset, [nucleus, withCoda, withoutCoda], coda, tone]) => {
    const vowels = [...nucleus];
    const at = coda ? withCoda : withoutCoda;
    vowels[at] = (vowels[at] + tone).normalize("NFC");
    return onset + vowels.join("") + coda;
  });

describe("legacy: properties", () => {
  const vietWord = syllable;
  const vietText = fc.array(vietWord, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "));
  const realWord = fc.constantFrom(...allLines.flatMap((l) => l.split(/\s+/)).filter((w) => w.length > 0));

  it("decodeLegacy never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("unicode", "tcvn3", "vni" as const), (s, enc) => {
        expect(typeof decodeLegacy(s, enc)).toBe("string");
      }),
    );
  });
  it("detectEncoding never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" })), (ss) => {
        expect(["unicode", "tcvn3", "vni"]).toContain(detectEncoding(ss));
      }),
    );
  });
  it("VNI round-trips random Vietnamese text in any case", () => {
    fc.assert(
      fc.property(vietText, fc.constantFrom("lower", "upper", "title"), (t, mode) => {
        const s =
          mode === "upper" ? t.toUpperCase() : mode === "title" ? t.replace(/(^|\s)(\S)/gu, (_m, sp, c) => sp + c.toUpperCase()) : t;
        expect(decodeLegacy(encodeVni(s), "vni")).toBe(s);
      }),
    );
  });
  it("TCVN3 round-trips random lower-case and all-caps Vietnamese text", () => {
    fc.assert(
      fc.property(vietText, fc.boolean(), (t, upper) => {
        const s = upper ? t.toUpperCase() : t;
        const hasTwoAsciiCaps = (s.match(/[A-Z]/g) ?? []).length >= 2;
        const decoded = decodeLegacy(encodeTcvn3(s), "tcvn3");
        if (!upper || hasTwoAsciiCaps) expect(decoded).toBe(s);
        else expect(decoded.toLowerCase()).toBe(s.toLowerCase());
      }),
    );
  });
  it("random real Unicode Vietnamese words are never detected as legacy", () => {
    fc.assert(
      fc.property(fc.array(realWord, { minLength: 1, maxLength: 30 }), (ws) => {
        expect(detectEncoding(ws)).toBe("unicode");
        expect(detectEncoding([ws.join(" ")])).toBe("unicode");
      }),
      { numRuns: 300 },
    );
  });
  it("one cell of random real Unicode words, or of random syllables, or of ASCII, is never legacy", () => {
    fc.assert(
      fc.property(fc.array(realWord, { minLength: 1, maxLength: 12 }), (ws) => {
        expect(detectCellEncoding(ws.join(" "))).toBe("unicode");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(vietText, fc.boolean(), (t, upper) => {
        expect(detectCellEncoding(upper ? t.toUpperCase() : t)).toBe("unicode");
        expect(detectCellEncoding(t.normalize("NFD"))).toBe("unicode");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (s) => {
        expect(detectCellEncoding(s)).toBe("unicode");
      }),
    );
  });
  it("random syllables of Unicode Vietnamese letters are never detected as legacy", () => {
    fc.assert(
      fc.property(fc.array(vietText, { minLength: 1, maxLength: 5 }), (ts) => {
        expect(detectEncoding(ts)).toBe("unicode");
      }),
    );
  });
});
