/**
 * Regex look-behind ((?<=…), (?<!…)) is a syntax error in Safari before 16.4, the web view of Excel for
 * Mac on older macOS: one in any module of a bundle stops the whole bundle from parsing. The three spots
 * that had one now use plain code; these tests pin that they behave exactly as the look-behind versions
 * did (compared with them here, in Node, which has look-behind) and that no look-behind comes back into
 * the sources. The built bundles (with their node_modules code) are scanned by test/e2e/old-engine.e2e.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { normalizeTones } from "../../src/core/text/fold";
import { safeCellText } from "../../src/core/text/xml-chars";

const ROOT = path.resolve(__dirname, "../..");

/** The look-behind regexes as they were (built from strings so that this file holds no literal one). */
const OLD_UNSAFE = new RegExp(
  "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?" +
    "<![\\ud800-\\udbff])[\\udc00-\\udfff]",
  "g",
);
const OLD_TONE = new RegExp("(?" + "<![qQ])([oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![\\p{L}\\p{M}])", "gu");

function oldCellText(s: string): string {
  const cleaned = s.normalize("NFC").replace(OLD_UNSAFE, "");
  if (cleaned.length <= 32767) return cleaned;
  let cut = cleaned.slice(0, 32767);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** Strings rich in what the regexes look at: surrogates (paired and lone), controls, q/o/u and toned vowels. */
const tricky = fc
  .array(
    fc.constantFrom(
      "\ud83d",
      "\ude00",
      "\ud83d\ude00",
      "\u0001",
      "\t",
      "\n",
      "\ufffe",
      "q",
      "Q",
      "o",
      "u",
      "U",
      "á",
      "ỷ",
      "Ẻ",
      "\u0301",
      " ",
      "h",
      "x",
      "y",
    ),
    { maxLength: 24 },
  )
  .map((a) => a.join(""));

describe("no regex look-behind (older Safari / Excel for Mac)", () => {
  test("safeCellText (both writers' cell text) drops exactly what the look-behind version dropped", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: "binary" })), (s) => {
        expect(safeCellText(s)).toBe(oldCellText(s));
      }),
      { numRuns: 3000 },
    );
    expect(safeCellText("a\ud83d\ude00b\ud83dc\ude00d\ud800\ud800\udc00")).toBe("a\ud83d\ude00bcd\ud800\udc00");
  });

  test("normalizeTones moves tones exactly as the look-behind version did (never after q)", () => {
    const SECOND: Record<string, [number, string, string]> = {};
    const A = "àáảãạ",
      E = "èéẻẽẹ",
      Y = "ỳýỷỹỵ",
      O = "òóỏõọ",
      U = "ùúủũụ";
    for (let i = 0; i < 5; i++) {
      SECOND[A[i]] = [i, "a", "o"];
      SECOND[E[i]] = [i, "e", "o"];
      SECOND[Y[i]] = [i, "y", "u"];
      SECOND[A[i].toUpperCase()] = [i, "A", "o"];
      SECOND[E[i].toUpperCase()] = [i, "E", "o"];
      SECOND[Y[i].toUpperCase()] = [i, "Y", "u"];
    }
    const oldTones = (t: string) =>
      t.replace(OLD_TONE, (m: string, first: string, second: string) => {
        const info = SECOND[second];
        if (!info || first.toLowerCase() !== info[2]) return m;
        const toned = (first.toLowerCase() === "o" ? O : U)[info[0]];
        return (first === first.toLowerCase() ? toned : toned.toUpperCase()) + info[1];
      });
    fc.assert(
      fc.property(tricky, (s) => {
        const t = s.normalize("NFC");
        expect(normalizeTones(t)).toBe(oldTones(t));
      }),
      { numRuns: 3000 },
    );
    expect(normalizeTones("quý hoá Quỳ QUỲ thuỷ")).toBe("quý hóa Quỳ QUỲ thủy");
  });

  test("no source file uses a look-behind", () => {
    const offenders: string[] = [];
    let scanned = 0;
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|js|mjs)$/.test(e.name)) {
          const text = fs.readFileSync(p, "utf8");
          scanned++;
          if (/\(\?<[=!]/.test(text)) offenders.push(path.relative(ROOT, p));
        }
      }
    };
    walk(path.join(ROOT, "src"));
    expect(scanned).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
