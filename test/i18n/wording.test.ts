/**
 * The mechanical wording rules of src/i18n/README.md, over every string table (each string and template
 * literal of src/i18n/*.ts, read with the TypeScript parser), and over the English tables as rendered (each
 * function called with counts of 1). A string added anywhere in src/i18n that breaks a rule fails here,
 * with the file, the line and the text.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const I18N = path.join(__dirname, "..", "..", "src", "i18n");

interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Every string literal of a file; a template's parts joined around "${}" (so a quote split by an expression is one text). */
function literalsOf(file: string): Literal[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Literal[] = [];
  const at = (n: ts.Node, text: string) =>
    out.push({ file: path.basename(file), line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1, text });
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) at(n, n.text);
    else if (ts.isTemplateExpression(n)) at(n, n.head.text + n.templateSpans.map((s) => "${}" + s.literal.text).join(""));
    // an import's module name is not wording
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

const FILES = fs
  .readdirSync(I18N)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.join(I18N, f));
const LITERALS = FILES.flatMap(literalsOf);

/** A letter only Vietnamese writes (a vowel with a diacritic, đ): the text is Vietnamese, or quotes it. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;
/** A command line to type: an option and its quoted value keep the shell's straight quotes. */
/** Machine syntax the user types or reads as is: a command line's value, a JSON example ({"mã": "accept"}). */
const COMMAND_VALUE = /--[a-z-]+ "[^"]*"|\{"[^{}]*\}/g;

const where = (l: Literal) => `${l.file}:${l.line} ${JSON.stringify(l.text.slice(0, 120))}`;

interface Rule {
  name: string;
  /** True when a literal breaks the rule. */
  breaks: (text: string) => boolean;
  /** What the rule must catch, and what it must let pass (the rule itself under test). */
  bad: string[];
  good: string[];
}

const OLD_TONE = /[oO][áàảãạéèẻẽẹÁÀẢÃẠÉÈẺẼẸ](?![\p{L}\p{M}])|[uU][ýỳỷỹỵÝỲỶỸỴ](?![\p{L}\p{M}])/gu;
const ISO = /\d{4}-\d{2}-\d{2}/;
const BANNED = [/sổ tính/iu, /xem tay/iu, /xin điền/iu, /chưa xong/iu, /xong đúng hạn/iu, /xong quá hạn/iu, /trễ hạn/iu];

const RULES: Rule[] = [
  {
    name: "1. one tone placement, the modern one of «Ủy ban»: hóa, hòa, xóa, hủy, tùy, thủy, khỏe (never hoá, xoá, huỷ, tuỳ)",
    // a toned a/e after o, or a toned y after u, ending the word — "quý" (qu + y) is not a cluster
    breaks: (t) => [...t.matchAll(OLD_TONE)].some((m) => m.index === 0 || !/[qQ]/.test(t[m.index - 1])),
    bad: ["Xoá đánh dấu", "Huỷ", "văn hoá", "tuỳ chọn", "khoẻ"],
    good: ["Xóa đánh dấu", "Hủy", "văn hóa", "Tùy chọn", "hoàn thành", "Quý II", "khỏe", "toán"],
  },
  {
    name: "2. «…» quote in Vietnamese text; straight quotes only around a command line's value or in a JSON example",
    breaks: (t) => VIETNAMESE.test(t) && t.replace(COMMAND_VALUE, "").includes('"'),
    bad: ['Tệp "${}" rỗng.', 'chữ "Phụ lục"'],
    good: ["Tệp «${}» rỗng.", 'ví dụ --commune "phường Lê Chân"', 'Sheet "${}" is empty.', 'tệp JSON dạng {"mã": "accept" | "reject"}'],
  },
  {
    name: "3. no ISO date in a Vietnamese sentence (dd/mm/yyyy), except as the value of a command-line option",
    breaks: (t) => VIETNAMESE.test(t) && ISO.test(t.replace(/--(?:as-of|since) \d{4}-\d{2}-\d{2}/g, "")),
    bad: ["ngày 2026-10-01", "Số liệu đến 2026-11-24."],
    good: ["ngày 01/10/2026", "ví dụ --as-of 2026-11-24"],
  },
  {
    name: "4. the words users know: «tệp Excel», «cần xem xét, xử lý», «đề nghị … cập nhật», one name per status category",
    breaks: (t) => BANNED.some((b) => b.test(t)),
    bad: ["trong sổ tính", "cần xem tay", "xin điền các cột", "Quá hạn chưa xong", "HT trễ hạn"],
    good: ["trong tệp Excel", "cần xem xét, xử lý", "đề nghị cập nhật", "Quá hạn chưa hoàn thành", "HT quá hạn"],
  },
];

describe("wording rules (src/i18n/README.md), over every string literal of src/i18n", () => {
  it("reads the string tables (a sanity check of the reader)", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
    expect(LITERALS.length).toBeGreaterThan(600);
    expect(LITERALS.some((l) => l.text.includes("Ô ${}: "))).toBe(true);
  });

  it.each(RULES.map((r) => [r.name, r] as const))("%s", (_name, rule) => {
    expect(rule.bad.filter((t) => !rule.breaks(t))).toEqual([]);
    expect(rule.good.filter((t) => rule.breaks(t))).toEqual([]);
    expect(LITERALS.filter((l) => rule.breaks(l.text)).map(where)).toEqual([]);
  });

  it("5. an English plural comes from the message, never from an appended «s»", () => {
    const appended = /\?\s*""\s*:\s*"s"|\?\s*"s"\s*:\s*""|\$\{[^}]*\}s(?![\p{L}\p{M}])/u;
    expect(
      ['`${n} error${n === 1 ? "" : "s"}`', "`${n} conflict${s}s`", "`${count} unit${n}s left`"].filter((t) => !appended.test(t)),
    ).toEqual([]);
    expect(appended.test('plural(n, "error", "errors")')).toBe(false);
    const offenders = FILES.flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((text, i) => ({ file: path.basename(f), line: i + 1, text }))
        .filter((l) => appended.test(l.text))
        .map(where),
    );
    expect(offenders).toEqual([]);
  });
});

/** English tables: each function called with counts of 1 (and words), its output searched for "1 tasks". */
describe("English plurals, as rendered", () => {
  // the modules' English tables (objects keyed by language), loaded as the doors load them
  const modules = FILES.filter((f) => !/legacy|support/.test(f)).map((f) => require(f) as Record<string, unknown>);
  const english: unknown[] = [];
  for (const m of modules)
    for (const v of Object.values(m)) if (v && typeof v === "object" && "en" in (v as object)) english.push((v as { en: unknown }).en);

  /** Every function reachable in a value, called with 1 for each argument (arrays where a list is needed). */
  function rendered(v: unknown, seen = new Set<unknown>()): string[] {
    if (typeof v === "string") return [v];
    if (!v || seen.has(v)) return [];
    seen.add(v);
    if (typeof v === "function") {
      const f = v as (...a: unknown[]) => unknown;
      for (const args of argumentsFor(f.length)) {
        try {
          return rendered(f(...args), seen);
        } catch {
          /* try the next arguments */
        }
      }
      return [];
    }
    if (typeof v === "object") return Object.values(v as object).flatMap((x) => rendered(x, seen));
    return [];
  }

  function argumentsFor(n: number): unknown[][] {
    const ones = Array.from({ length: n }, () => 1 as unknown);
    const lists = Array.from({ length: n }, () => ["x"] as unknown);
    return [ones, ...ones.map((_, i) => ones.map((a, j) => (j === i ? ["x"] : a))), lists];
  }

  const texts = english.flatMap((t) => rendered(t));
  /** Words ending in s that are not plurals. */
  const NOT_PLURAL = new Set([
    "is",
    "was",
    "has",
    "its",
    "this",
    "as",
    "yes",
    "plus",
    "does",
    "always",
    "across",
    "previous",
    "status",
    "always",
  ]);

  it("renders the English tables", () => {
    expect(texts.length).toBeGreaterThan(200);
  });

  it("no «1 tasks», «1 errors», «1 conflicts»", () => {
    const bad = texts.filter((t) =>
      [...t.matchAll(/(?<![\d.,/])1 ([a-z]+s)\b/g)].some((m) => !NOT_PLURAL.has(m[1]) && !/ss$/.test(m[1]) && !/us$/.test(m[1])),
    );
    expect(bad).toEqual([]);
  });
});
