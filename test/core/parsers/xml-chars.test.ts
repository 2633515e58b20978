/** The one rule for characters XML cannot hold, and the JSON nesting check in front of JSON.parse. */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { jsonNestingWithin } from "../../../src/core/text/json-depth";
import { xmlSafe, xmlSafeDeep } from "../../../src/core/text/xml-chars";
import { escapeAttr, escapeText } from "../../../src/ooxml/xml";

const wellFormed = (xml: string) => {
  try {
    new SaxesParser().write(xml).close();
    return true;
  } catch {
    return false;
  }
};

describe("xmlSafe", () => {
  it("drops U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates; keeps tab, LF, CR, pairs", () => {
    expect(xmlSafe("a\u0000\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffffb")).toBe("ab");
    expect(xmlSafe("\t\n\r")).toBe("\t\n\r");
    expect(xmlSafe("x\ud800y\udc00z")).toBe("xyz");
    expect(xmlSafe("emoji 😀 ok")).toBe("emoji 😀 ok");
    const s = "Phòng Kinh tế";
    expect(xmlSafe(s)).toBe(s);
  });

  it("whatever the text, the writers' escapes give well-formed XML (text and attribute)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(wellFormed(`<a b="${escapeAttr(s)}">${escapeText(s)}</a>`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("xmlSafeDeep cleans every string of a document model", () => {
    expect(xmlSafeDeep({ a: ["x\ufffe", { b: "\u0001y" }], n: 3, z: null })).toEqual({ a: ["x", { b: "y" }], n: 3, z: null });
  });
});

describe("jsonNestingWithin", () => {
  it("counts brackets outside strings", () => {
    expect(jsonNestingWithin('{"a":[[1]]}', 3)).toBe(true);
    expect(jsonNestingWithin('{"a":[[1]]}', 2)).toBe(false);
    expect(jsonNestingWithin('{"a":"[[[[[[\\"[["}', 1)).toBe(true);
    expect(jsonNestingWithin("[".repeat(200_000) + "]".repeat(200_000), 100)).toBe(false);
  });
});
