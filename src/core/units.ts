/** Matching lead/support unit text against the workbook's unit list. */
import type { UnitDef } from "./settings";
import { foldKey, nfc } from "./text/fold";
import { editDistance, exactUnitKey, isGenericUnitText, looseUnitKey, maxEdits, tokenOverlap } from "./unit-keys";

export type LeadMatch =
  | { kind: "unit"; unit: string }
  | { kind: "missing" }
  | { kind: "generic" }
  | { kind: "multiple"; units: string[] }
  | { kind: "unknown"; suggestion?: string };

interface LooseEntry {
  unit: string;
  key: string;
  tokens: ReadonlySet<string>;
}

/** Strong separators between units: line breaks, ";", ",", "+", bullets. */
const STRONG_SPLIT = /\s*(?:[\r\n;,+•]|\s\/\s)\s*/;
/** Weak separators: "và", "&" (also inside unit names: "Văn phòng HĐND và UBND xã"). */
const WEAK_SPLIT = /\s+và\s+|\s*&\s*/iu;
const BULLET = /^[-\u2013\u2014*•.]+\s*/;

/** Most pieces a cell is split into before we give up on splitting (pathological input). */
const MAX_PIECES = 40;
/** Token-overlap (Jaccard) needed for a near miss. */
const MIN_OVERLAP = 0.6;
const CACHE_LIMIT = 20_000;

const MISSING: LeadMatch = Object.freeze({ kind: "missing" });
const GENERIC: LeadMatch = Object.freeze({ kind: "generic" });
const UNKNOWN: LeadMatch = Object.freeze({ kind: "unknown" });

type Piece = { kind: "unit"; unit: string } | { kind: "generic" } | { kind: "other"; text: string };

/**
 * Build a matcher for one unit list (precomputes keys; call once per analysis).
 * Rules (domain.md): NFC, case-insensitive, dashes and "&"/"và" unified, spaces collapsed, trailing "xã"
 * optional, VP = Văn phòng, TT = Trung tâm, VH-XH = Văn hóa - Xã hội; near misses → unknown + suggestion;
 * generic phrases ("Các đơn vị liên quan") → generic; several units in one cell → multiple.
 *
 * Details:
 * - Exact matching keeps diacritics: "Phong Van hoa - Xa hoi" and "Phòng Văn hóa Xã hội" (no dash) are
 *   near misses (unknown with the canonical name as suggestion), not matches.
 * - The whole cell is tried first, then it is split on line breaks, ";", ",", "+", then on "và"/"&"
 *   (joining neighbours again where they form a unit: "Phòng Kinh tế và Văn phòng HĐND và UBND xã").
 * - Generic pieces beside exactly one unit are ignored ("Phòng Kinh tế và các đơn vị liên quan" → unit).
 * - multiple.units lists the recognised canonical names first, then the text of unrecognised pieces.
 * - "UBND xã" alone is the commune itself, not a unit of the list: unknown (no suggestion unless listed).
 * Results are cached per raw string and frozen: do not mutate them.
 */
export function createUnitMatcher(units: UnitDef[]): (raw: string) => LeadMatch {
  const matcher = new UnitMatcher(units);
  return function matchUnit(raw: string): LeadMatch {
    return matcher.match(raw);
  };
}

/**
 * One unit list's keys (exact, and loose for near misses) and the caches of one analysis. The phases of a
 * match: the whole cell (classify), the pieces it splits into (strong separators, then weakPieces), what
 * the pieces say together (verdict), and a suggestion for a near miss (suggest).
 */
class UnitMatcher {
  private readonly exact = new Map<string, string>();
  private readonly loose: LooseEntry[] = [];
  private readonly looseExact = new Map<string, string>();
  private readonly cache = new Map<string, LeadMatch>();
  /** exact keys of texts seen while matching one cell (the whole text is keyed by several steps) */
  private readonly keyCache = new Map<string, string>();

  constructor(units: UnitDef[]) {
    for (const def of units) {
      const name = nfc(def.name ?? "").trim();
      if (name === "") continue;
      for (const text of [name, ...(def.aliases ?? [])]) this.addKey(name, String(text));
    }
  }

  /** The result for one cell's text (cached per raw string, frozen). */
  match(raw: string): LeadMatch {
    if (typeof raw !== "string") return MISSING;
    const hit = this.cache.get(raw);
    if (hit) return hit;
    const result = this.matchUncached(raw);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(raw, result);
    return result;
  }

  /** A unit's name or alias: its exact key (first one wins) and its loose key for near misses. */
  private addKey(name: string, text: string): void {
    const key = exactUnitKey(nfc(text));
    if (key === "") return;
    if (!this.exact.has(key)) this.exact.set(key, name);
    const lk = looseUnitKey(key);
    if (lk !== "" && !this.looseExact.has(lk)) {
      this.looseExact.set(lk, name);
      this.loose.push({ unit: name, key: lk, tokens: new Set(lk.split(" ")) });
    }
  }

  private keyOf(text: string): string {
    let k = this.keyCache.get(text);
    if (k === undefined) {
      k = exactUnitKey(text);
      if (this.keyCache.size >= 256) this.keyCache.clear();
      this.keyCache.set(text, k);
    }
    return k;
  }

  private matchExact(text: string): string | undefined {
    const key = this.keyOf(text);
    return key === "" ? undefined : this.exact.get(key);
  }

  /** The unit a near miss most likely means: same loose key, else fewest edits, else most shared words. */
  private suggest(text: string): string | undefined {
    const lk = looseUnitKey(this.keyOf(text));
    if (lk === "") return undefined;
    return this.looseExact.get(lk) ?? this.nearestByEdits(lk) ?? this.nearestByWords(lk);
  }

  private nearestByEdits(lk: string): string | undefined {
    const maxDist = maxEdits(lk);
    let best: string | undefined;
    let bestDist = maxDist + 1;
    for (const e of this.loose) {
      const d = editDistance(lk, e.key, maxDist);
      if (d < bestDist) {
        bestDist = d;
        best = e.unit;
      }
    }
    return best;
  }

  private nearestByWords(lk: string): string | undefined {
    const tokens = new Set(lk.split(" "));
    let best: string | undefined;
    let bestScore = MIN_OVERLAP - 1e-9;
    for (const e of this.loose) {
      const score = tokenOverlap(tokens, e.tokens);
      if (score > bestScore) {
        bestScore = score;
        best = e.unit;
      }
    }
    return best;
  }

  private classify(text: string): Piece | null {
    const t = text.replace(BULLET, "").trim();
    if (t === "") return null;
    const unit = this.matchExact(t);
    if (unit) return { kind: "unit", unit };
    if (isGenericUnitText(foldKey(t))) return { kind: "generic" };
    return { kind: "other", text: t };
  }

  /** Split one strong piece on "và"/"&", greedily re-joining the longest runs that name a unit. */
  private weakPieces(text: string): Piece[] {
    const whole = this.classify(text);
    if (!whole) return [];
    if (whole.kind !== "other") return [whole];
    const parts = text.split(WEAK_SPLIT).filter((p) => p.trim() !== "");
    if (parts.length < 2 || parts.length > MAX_PIECES) return [whole];
    const out: Piece[] = [];
    for (let i = 0; i < parts.length;) {
      const run = this.longestUnitRun(parts, i);
      if (run) {
        out.push({ kind: "unit", unit: run.unit });
        i = run.end;
        continue;
      }
      const p = this.classify(parts[i]);
      if (p) out.push(p);
      i++;
    }
    // Nothing recognised after splitting: keep the text whole (one unknown, not several).
    if (!out.some((p) => p.kind === "unit")) return [whole];
    return out;
  }

  /** The longest run of two or more parts from `i` that, joined with "và", names a unit. */
  private longestUnitRun(parts: string[], i: number): { unit: string; end: number } | null {
    for (let j = parts.length; j > i + 1; j--) {
      const unit = this.matchExact(parts.slice(i, j).join(" và "));
      if (unit) return { unit, end: j };
    }
    return null;
  }

  private matchUncached(raw: string): LeadMatch {
    const text = nfc(raw).trim();
    if (text === "") return MISSING;
    const whole = this.classify(text);
    if (!whole) return MISSING;
    if (whole.kind === "unit") return Object.freeze({ kind: "unit", unit: whole.unit });
    if (whole.kind === "generic") return GENERIC;
    const strong = text.split(STRONG_SPLIT);
    const pieces: Piece[] = [];
    if (strong.length <= MAX_PIECES) for (const s of strong) pieces.push(...this.weakPieces(s));
    return this.verdict(text, pieces);
  }

  /** What the pieces of a cell say together: one unit, several, generic, or unknown (with a suggestion). */
  private verdict(text: string, pieces: Piece[]): LeadMatch {
    const found: string[] = [];
    const others: string[] = [];
    let generic = 0;
    for (const p of pieces) {
      if (p.kind === "unit") {
        if (!found.includes(p.unit)) found.push(p.unit);
      } else if (p.kind === "generic") generic++;
      else others.push(p.text);
    }
    if (found.length === 1 && others.length === 0) return Object.freeze({ kind: "unit", unit: found[0] });
    if (found.length >= 1) return Object.freeze({ kind: "multiple", units: Object.freeze([...found, ...others]) as string[] });
    if (generic > 0 && others.length === 0) return GENERIC;
    const suggestion = this.suggest(text) ?? (others.length === 1 ? this.suggest(others[0]) : undefined);
    return suggestion ? Object.freeze({ kind: "unknown", suggestion }) : UNKNOWN;
  }
}
