/**
 * The same indicator across communes, worded each commune's way ("Tỷ lệ hồ sơ TTHC giải quyết trực tuyến
 * toàn trình" / "Tỉ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình trên địa bàn xã"): matched by
 * the words of their names and by their unit of measure, and the match kept to be shown.
 *
 * - A name becomes weighted terms: its words folded (no diacritics), a few abbreviations written out (TTHC,
 *   DVC, CĐS…), words that only join others dropped ("của", "được", "trên địa bàn xã"), and the pairs of
 *   neighbouring words (so "toàn trình" weighs as a phrase). A term many communes use ("tỷ lệ", "số") weighs
 *   little, a rarer one more (inverse document frequency over the communes).
 * - Two wordings are one indicator when their weighted Dice overlap (twice the shared weight over both
 *   weights) reaches MATCH_THRESHOLD, their units agree (both percentages, or the same unit, or one unit
 *   left empty), the numbers in their names agree, neither says the opposite of the other ("toàn trình" /
 *   "một phần", "trực tuyến" / "trực tiếp"), and no commune lists both as two indicators of its own: a plan
 *   that names both proves they are two.
 * - Wordings are taken most used first, each joining the group whose main wording (its most used one) it
 *   is closest to, else starting a group of its own. The order never depends on the order files were read.
 */
import { foldKey } from "../text/fold";

/** Overlap from which two wordings are the same indicator. */
export const MATCH_THRESHOLD = 0.6;

export interface IndicatorInput {
  name: string;
  unitOfMeasure: string;
  percent: boolean;
}

export interface WordingMatch {
  name: string;
  unitOfMeasure: string;
  /** Communes whose plan uses this wording. */
  communes: number;
  /** Its overlap with the group's main wording (1: the same words). */
  similarity: number;
}

export interface IndicatorGroup {
  /** The main wording (the one most communes use) names the group. */
  name: string;
  unitOfMeasure: string;
  percent: boolean;
  /** The main wording first, then the others, most used first. */
  wordings: WordingMatch[];
}

export interface IndicatorMatching {
  groups: IndicatorGroup[];
  /** groupOf[i][j]: the group of commune i's indicator j; -1 for an indicator without a name. */
  groupOf: number[][];
}

/** Written-out forms of abbreviations, and one word for two that mean the same here (folded text). */
const REWRITES: readonly [RegExp, string][] = [
  [/\bti le\b/g, "ty le"],
  [/\btthc\b/g, "thu tuc hanh chinh"],
  [/\bdvctt\b/g, "dich vu cong truc tuyen"],
  [/\bdvc\b/g, "dich vu cong"],
  [/\bcds\b/g, "chuyen doi so"],
  [/\bkhcn\b/g, "khoa hoc cong nghe"],
  [/\bkh cn\b/g, "khoa hoc cong nghe"],
  [/\bcntt\b/g, "cong nghe thong tin"],
  [/\bcsdl\b/g, "co so du lieu"],
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bxu ly\b/g, "giai quyet"],
  [/\bso luong\b/g, "so"],
];

/** Qualifiers that make two indicators different whatever else they share (folded; either side of a pair). */
const OPPOSITES: readonly [string, string][] = [
  ["toan_trinh", "mot_phan"],
  ["truc_tuyen", "truc_tiep"],
  ["nam", "nu"],
  ["tang", "giam"],
  ["thanh_thi", "nong_thon"],
];

/** Words that only join others, and the place words every commune adds ("trên địa bàn xã"). */
const STOP_WORDS = new Set([
  "cua",
  "va",
  "cac",
  "nhung",
  "duoc",
  "tren",
  "dia",
  "ban",
  "tai",
  "trong",
  "voi",
  "cho",
  "la",
  "nam",
  "xa",
  "phuong",
]);
const YEAR = /^(19|20)\d\d$/;
const NUMBERING = /^\s*(?:[IVXLCivxlc]+|\d+(?:\.\d+)*|[a-zđA-ZĐ])\s*[.):–-]\s+/u;

interface Wording {
  name: string;
  unitOfMeasure: string;
  percent: boolean;
  /** Unit key: "%" for percentages, else the folded unit ("" when none is written). */
  unit: string;
  words: string[];
  /** Words dropped and abbreviations written out (readName). */
  extra: number;
  numbers: string;
  communes: Set<number>;
  weights: Map<string, number>;
}

/** A name's words as compared: folded, rewritten, without joining words and years. */
export function nameWords(name: string): string[] {
  return readName(name).words;
}

/**
 * The words, and how far the name is from its plain form: words dropped (joining and place words, years)
 * plus abbreviations written out. Among wordings used by as many communes, the plainest names the group.
 */
function readName(name: string): { words: string[]; extra: number } {
  let key = foldKey(name.replace(NUMBERING, ""));
  let extra = 0;
  for (const [re, to] of REWRITES)
    key = key.replace(re, () => {
      extra++;
      return to;
    });
  const all = key.split(" ").filter(Boolean);
  const words = all.filter((w) => !STOP_WORDS.has(w) && !YEAR.test(w));
  return { words, extra: extra + all.length - words.length };
}

/** The words and the pairs of neighbouring words of a name. */
function termsOf(words: readonly string[]): string[] {
  const terms = [...words];
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]}_${words[i]}`);
  return [...new Set(terms)];
}

function unitKey(ind: IndicatorInput): string {
  return ind.percent ? "%" : nameWords(ind.unitOfMeasure).join(" ");
}

/** Distinct wordings (by name as written and unit), each with the communes that use it. */
function collectWordings(communes: readonly (readonly IndicatorInput[])[]): { wordings: Wording[]; keyOf: (string | null)[][] } {
  const byKey = new Map<string, Wording>();
  const keyOf = communes.map((list, c) =>
    list.map((ind) => {
      const { words, extra } = readName(ind.name);
      if (!words.length) return null;
      const unit = unitKey(ind);
      const name = ind.name.normalize("NFC").replace(/\s+/g, " ").trim();
      const key = `${name}|${unit}`;
      let w = byKey.get(key);
      if (!w) {
        const numbers = words.filter((x) => /^\d/.test(x)).join(" ");
        w = {
          name,
          extra,
          unitOfMeasure: ind.unitOfMeasure.trim(),
          percent: ind.percent,
          unit,
          words,
          numbers,
          communes: new Set(),
          weights: new Map(),
        };
        byKey.set(key, w);
      }
      w.communes.add(c);
      return key;
    }),
  );
  return { wordings: [...byKey.values()], keyOf };
}

/** Added to both counts of a term's inverse frequency, so a handful of communes does not swing the weights. */
const SMOOTHING = 5;

/** Each term's weight: log(1 + communes / communes using it), smoothed, over every commune's indicator names. */
function weigh(wordings: Wording[], communeCount: number): void {
  const users = new Map<string, Set<number>>();
  for (const w of wordings)
    for (const t of termsOf(w.words)) {
      let s = users.get(t);
      if (!s) users.set(t, (s = new Set()));
      for (const c of w.communes) s.add(c);
    }
  for (const w of wordings)
    for (const t of termsOf(w.words)) w.weights.set(t, Math.log(1 + (communeCount + SMOOTHING) / (users.get(t)!.size + SMOOTHING)));
}

/** Weighted Dice overlap: twice the weight of the terms both have over the weight of all the terms of each. */
export function overlap(a: { weights: Map<string, number> }, b: { weights: Map<string, number> }): number {
  let shared = 0;
  let all = 0;
  for (const [t, w] of a.weights) {
    all += w;
    const o = b.weights.get(t);
    if (o !== undefined) shared += Math.min(w, o);
  }
  for (const w of b.weights.values()) all += w;
  return all > 0 ? (2 * shared) / all : 0;
}

/** One says what the other says the opposite of ("toàn trình" / "một phần"). */
function opposed(a: Wording, b: Wording): boolean {
  return OPPOSITES.some(([x, y]) => (a.weights.has(x) && b.weights.has(y)) || (a.weights.has(y) && b.weights.has(x)));
}

interface Group {
  main: Wording;
  /** The unit its wordings write ("" while none writes one). */
  unit: string;
  members: { wording: Wording; similarity: number }[];
  communes: Set<number>;
}

/** A commune lists this wording and a member of the group as two indicators of its own. */
function listedApart(w: Wording, g: Group): boolean {
  const [small, big] = w.communes.size < g.communes.size ? [w.communes, g.communes] : [g.communes, w.communes];
  for (const c of small) if (big.has(c)) return true;
  return false;
}

function bestGroup(w: Wording, groups: Group[], candidates: Iterable<number>): { group: number; similarity: number } | null {
  let best: { group: number; similarity: number } | null = null;
  for (const i of candidates) {
    const g = groups[i];
    const unitsAgree = w.percent === g.main.percent && (w.percent || w.unit === "" || g.unit === "" || w.unit === g.unit);
    if (!unitsAgree || w.numbers !== g.main.numbers || opposed(w, g.main) || listedApart(w, g)) continue;
    const s = overlap(w, g.main);
    if (s >= MATCH_THRESHOLD && (!best || s > best.similarity)) best = { group: i, similarity: s };
  }
  return best;
}

/** Most used first; then by name, so the grouping never depends on the order the files came in. */
function byUse(a: Wording, b: Wording): number {
  return b.communes.size - a.communes.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
}

function groupWordings(wordings: Wording[]): Group[] {
  const groups: Group[] = [];
  const byTerm = new Map<string, number[]>();
  for (const w of [...wordings].sort(byUse)) {
    const candidates = new Set<number>();
    for (const t of w.weights.keys()) for (const g of byTerm.get(t) ?? []) candidates.add(g);
    const best = bestGroup(w, groups, candidates);
    if (best) {
      const g = groups[best.group];
      g.members.push({ wording: w, similarity: best.similarity });
      if (!g.unit) g.unit = w.unit;
      for (const c of w.communes) g.communes.add(c);
      continue;
    }
    const index = groups.push({ main: w, unit: w.unit, members: [{ wording: w, similarity: 1 }], communes: new Set(w.communes) }) - 1;
    for (const t of w.weights.keys()) {
      const list = byTerm.get(t);
      if (list) list.push(index);
      else byTerm.set(t, [index]);
    }
  }
  return groups;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The group as shown: its main wording is the one most communes use (among equals, the one most like the
 * others), the others follow, most used first, each with its overlap with the main one.
 */
function shown(g: Group): IndicatorGroup {
  const members = g.members.map((m) => m.wording);
  const likeness = (w: Wording) => members.reduce((sum, o) => sum + (o === w ? 0 : o.communes.size * overlap(w, o)), 0);
  const main = members.reduce((best, w) => {
    const d = w.communes.size - best.communes.size;
    if (d) return d > 0 ? w : best;
    const l = likeness(w) - likeness(best);
    return l > 1e-9 || (Math.abs(l) <= 1e-9 && w.extra < best.extra) ? w : best;
  });
  const others = members
    .filter((w) => w !== main)
    .map((w) => ({ w, similarity: overlap(w, main) }))
    .sort((a, b) => b.w.communes.size - a.w.communes.size || b.similarity - a.similarity);
  const entry = (w: Wording, similarity: number): WordingMatch => ({
    name: w.name,
    unitOfMeasure: w.unitOfMeasure,
    communes: w.communes.size,
    similarity: round2(similarity),
  });
  return {
    name: main.name,
    unitOfMeasure: main.unitOfMeasure,
    percent: main.percent,
    wordings: [entry(main, 1), ...others.map((o) => entry(o.w, o.similarity))],
  };
}

export function matchIndicators(communes: readonly (readonly IndicatorInput[])[]): IndicatorMatching {
  const { wordings, keyOf } = collectWordings(communes);
  weigh(wordings, communes.length);
  const groups = groupWordings(wordings);
  const groupOfWording = new Map<Wording, number>();
  groups.forEach((g, i) => g.members.forEach((m) => groupOfWording.set(m.wording, i)));
  const wordingByKey = new Map(wordings.map((w) => [`${w.name}|${w.unit}`, w]));
  return {
    groups: groups.map(shown),
    groupOf: keyOf.map((list) => list.map((k) => (k === null ? -1 : groupOfWording.get(wordingByKey.get(k)!)!))),
  };
}
