/** Matching lead/support unit text against the workbook's unit list. */
import type { UnitDef } from "./settings";
import { foldKey, nfc } from "./text/fold";
import { editDistance, exactUnitKey, isGenericUnitText, looseUnitKey, tokenOverlap } from "./unit-keys";

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
  const exact = new Map<string, string>();
  const loose: LooseEntry[] = [];
  const looseExact = new Map<string, string>();
  for (const def of units) {
    const name = nfc(def.name ?? "").trim();
    if (name === "") continue;
    for (const text of [name, ...(def.aliases ?? [])]) {
      const key = exactUnitKey(nfc(String(text)));
      if (key === "") continue;
      if (!exact.has(key)) exact.set(key, name);
      const lk = looseUnitKey(key);
      if (lk !== "" && !looseExact.has(lk)) {
        looseExact.set(lk, name);
        loose.push({ unit: name, key: lk, tokens: new Set(lk.split(" ")) });
      }
    }
  }

  const cache = new Map<string, LeadMatch>();
  /** exact keys of texts seen while matching one cell (the whole text is keyed by several steps) */
  const keyCache = new Map<string, string>();

  function keyOf(text: string): string {
    let k = keyCache.get(text);
    if (k === undefined) {
      k = exactUnitKey(text);
      if (keyCache.size >= 256) keyCache.clear();
      keyCache.set(text, k);
    }
    return k;
  }

  function matchExact(text: string): string | undefined {
    const key = keyOf(text);
    return key === "" ? undefined : exact.get(key);
  }

  function suggest(text: string): string | undefined {
    const lk = looseUnitKey(keyOf(text));
    if (lk === "") return undefined;
    const direct = looseExact.get(lk);
    if (direct) return direct;
    const maxDist = lk.length <= 8 ? 1 : lk.length <= 16 ? 2 : 3;
    let best: string | undefined;
    let bestDist = maxDist + 1;
    for (const e of loose) {
      const d = editDistance(lk, e.key, maxDist);
      if (d < bestDist) {
        bestDist = d;
        best = e.unit;
      }
    }
    if (best) return best;
    const tokens = new Set(lk.split(" "));
    let bestScore = MIN_OVERLAP - 1e-9;
    for (const e of loose) {
      const score = tokenOverlap(tokens, e.tokens);
      if (score > bestScore) {
        bestScore = score;
        best = e.unit;
      }
    }
    return best;
  }

  function classify(text: string): Piece | null {
    const t = text.replace(BULLET, "").trim();
    if (t === "") return null;
    const unit = matchExact(t);
    if (unit) return { kind: "unit", unit };
    if (isGenericUnitText(foldKey(t))) return { kind: "generic" };
    return { kind: "other", text: t };
  }

  /** Split one strong piece on "và"/"&", greedily re-joining the longest runs that name a unit. */
  function weakPieces(text: string): Piece[] {
    const whole = classify(text);
    if (!whole) return [];
    if (whole.kind !== "other") return [whole];
    const parts = text.split(WEAK_SPLIT).filter((p) => p.trim() !== "");
    if (parts.length < 2 || parts.length > MAX_PIECES) return [whole];
    const out: Piece[] = [];
    for (let i = 0; i < parts.length;) {
      let taken = false;
      for (let j = parts.length; j > i + 1; j--) {
        const unit = matchExact(parts.slice(i, j).join(" và "));
        if (unit) {
          out.push({ kind: "unit", unit });
          i = j;
          taken = true;
          break;
        }
      }
      if (taken) continue;
      const p = classify(parts[i]);
      if (p) out.push(p);
      i++;
    }
    // Nothing recognised after splitting: keep the text whole (one unknown, not several).
    if (!out.some((p) => p.kind === "unit")) return [whole];
    return out;
  }

  function matchUncached(raw: string): LeadMatch {
    const text = nfc(raw).trim();
    if (text === "") return MISSING;
    const whole = classify(text);
    if (!whole) return MISSING;
    if (whole.kind === "unit") return Object.freeze({ kind: "unit", unit: whole.unit });
    if (whole.kind === "generic") return GENERIC;

    const strong = text.split(STRONG_SPLIT);
    const pieces: Piece[] = [];
    if (strong.length <= MAX_PIECES) for (const s of strong) pieces.push(...weakPieces(s));
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
    const suggestion = suggest(text) ?? (others.length === 1 ? suggest(others[0]) : undefined);
    return suggestion ? Object.freeze({ kind: "unknown", suggestion }) : UNKNOWN;
  }

  return function matchUnit(raw: string): LeadMatch {
    if (typeof raw !== "string") return MISSING;
    const hit = cache.get(raw);
    if (hit) return hit;
    const result = matchUncached(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, result);
    return result;
  };
}
