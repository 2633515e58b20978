/**
 * Task identity: which task of one version of the workbook is which task of another. The rule (written
 * for people in docs/identity.md):
 *
 * - A task is described by its appendix (sheet), its group (the Roman-numeral row's name, without the
 *   numeral), its text folded (case, diacritics, punctuation, spacing and tone placement ignored), and,
 *   to break ties only, its STT, lead unit, due date and position.
 * - Two versions are matched one to one, strongest evidence first: the same folded text in the same
 *   appendix and group; the same text in the same appendix (its group renamed); the same text anywhere
 *   (moved to another appendix, or the sheet renamed); then a near text (a typo fixed: normalised edit
 *   similarity ≥ NEAR_THRESHOLD) in the same appendix and group; then in the same appendix. Tasks with
 *   the same text are told apart by lead, due date and STT, then by their order.
 * - A task of the new version that matches keeps the old one's id; one that matches nothing gets a new
 *   id, never one used before. So a task keeps its id across rows inserted or deleted above it, re-sorting,
 *   a typo fixed and a lead changed, and no two tasks of one version ever share an id.
 *
 * Pure: the matcher is reused by the merge of the units' returns (two task lists → pairs with a confidence).
 */
import { foldKey, nfc } from "./text/fold";
import { sttKey } from "./stt";

/** Normalised edit similarity a near match needs (1 = identical folded text). */
export const NEAR_THRESHOLD = 0.8;
/** Task text kept for matching (and in snapshots): code points; longer texts add a hash of the whole. */
export const TEXT_CAP = 120;
/** Near matching compares at most this many pairs per appendix; beyond it, only tasks close in order. */
export const MAX_NEAR_PAIRS = 250_000;

/** What identity reads of a task (a report Task has all of it). */
export interface IdentityTask {
  sheet: string;
  group: string | null;
  stt: string;
  content: string;
  lead: string | null;
  /** Due date (ISO) or null: a tie-breaker only. */
  due?: string | null;
}

/** A task prepared for matching (built once per task). */
export interface MatchEntry {
  sheet: string;
  /** The group's folded name, without its numeral ("" when none). */
  group: string;
  /** Exact-match key: the folded (capped) text, plus a hash of the whole text when it was capped. */
  exact: string;
  /** The folded (capped) text compared for near matches. */
  text: string;
  /** STT key ("1." = "1"). */
  stt: string;
  lead: string | null;
  due: string | null;
}

/** How a pair was found, strongest first. */
export const MATCH_TIERS = ["same_place", "same_sheet", "moved", "near_group", "near_sheet"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface MatchPair {
  /** Index in the `before` list. */
  before: number;
  /** Index in the `after` list. */
  after: number;
  /** 1 for the same text in the same place; lower for weaker evidence (near: the text similarity, scaled). */
  confidence: number;
  tier: MatchTier;
}

export interface MatchResult {
  /** One-to-one pairs, in `after` order. */
  pairs: MatchPair[];
  /** Indices of `before` with no partner (removed), ascending. */
  unmatchedBefore: number[];
  /** Indices of `after` with no partner (added), ascending. */
  unmatchedAfter: number[];
}

/** FNV-1a (32 bits) of a string, base 36. */
export function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The first TEXT_CAP code points of a text (NFC), and whether it was cut. */
export function capText(content: string): { text: string; cut: boolean } {
  const s = nfc(content).trim();
  if (s.length <= TEXT_CAP) return { text: s, cut: false };
  const cps = Array.from(s);
  if (cps.length <= TEXT_CAP) return { text: s, cut: false };
  return { text: cps.slice(0, TEXT_CAP).join(""), cut: true };
}

/** The hash kept for a capped text: of the whole text, folded. */
export function fullTextHash(content: string): string {
  return hash36(foldKey(nfc(content)));
}

/** A group's key: its name folded, the numeral ("II." / "B)") dropped so renumbering keeps it. */
export function groupKey(group: string | null): string {
  if (!group) return "";
  const m = /^\s*(?:[IVXLC]+|[A-Z])\s*(?:[.):\-–]\s*|\s+|$)(.*)$/su.exec(group);
  return foldKey(m ? m[1] : group);
}

/** A task (from a report) prepared for matching. */
export function matchEntry(t: IdentityTask): MatchEntry {
  const { text: capped, cut } = capText(t.content);
  const text = foldKey(capped);
  return {
    sheet: t.sheet,
    group: groupKey(t.group),
    exact: cut ? `${text}#${fullTextHash(t.content)}` : text,
    text,
    stt: sttKey(t.stt.trim()),
    lead: t.lead,
    due: t.due ?? null,
  };
}

/**
 * A task as kept in a snapshot: its capped text and, when the text was capped, the hash of the whole
 * (so a long text edited after the cap is not an exact match).
 */
export function storedMatchEntry(
  t: { sheet: string; group: string | null; stt: string; content: string; hash?: string },
  extra: { lead: string | null; due: string | null },
): MatchEntry {
  const text = foldKey(t.content);
  return {
    sheet: t.sheet,
    group: groupKey(t.group),
    exact: t.hash ? `${text}#${t.hash}` : text,
    text,
    stt: sttKey(t.stt.trim()),
    lead: extra.lead,
    due: extra.due,
  };
}

// ---------------------------------------------------------------------------------------------
// Similarity

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or Infinity
 * when it exceeds `max` (the band keeps it O(max · length)).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return Infinity;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= max ? Math.max(la, lb) : Infinity;
  const BIG = max + 1;
  let prev2 = new Array<number>(lb + 1).fill(BIG);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1).fill(BIG);
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : BIG;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    cur.fill(BIG);
    cur[0] = i <= max ? i : BIG;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v > BIG ? BIG : v;
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return Infinity;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] <= max ? prev[lb] : Infinity;
}

/** 1 − distance / longer length, when at least `threshold`; else 0. Both empty → 1. */
export function textSimilarity(a: string, b: string, threshold = 0): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  const max = Math.floor((1 - threshold) * n + 1e-9);
  const d = boundedEditDistance(a, b, max);
  if (!Number.isFinite(d)) return 0;
  const sim = 1 - d / n;
  return sim >= threshold ? sim : 0;
}

// ---------------------------------------------------------------------------------------------
// Matching

const SEP = "\u0000";

interface Candidate {
  b: number;
  a: number;
  /** Text similarity (1 for exact tiers). */
  sim: number;
  /** Tie evidence: same lead, due, STT. */
  ties: number;
  /** Distance between their ranks within the bucket. */
  rank: number;
}

function ties(x: MatchEntry, y: MatchEntry): number {
  return (
    (x.lead !== null && x.lead === y.lead ? 2 : 0) + (x.due !== null && x.due === y.due ? 2 : 0) + (x.stt !== "" && x.stt === y.stt ? 1 : 0)
  );
}

function byStrength(p: Candidate, q: Candidate): number {
  return q.sim - p.sim || q.ties - p.ties || p.rank - q.rank || p.b - q.b || p.a - q.a;
}

class Matcher {
  readonly beforeTaken: boolean[];
  readonly afterTaken: boolean[];
  readonly pairs: MatchPair[] = [];

  constructor(
    readonly before: readonly MatchEntry[],
    readonly after: readonly MatchEntry[],
    readonly threshold: number,
  ) {
    this.beforeTaken = new Array<boolean>(before.length).fill(false);
    this.afterTaken = new Array<boolean>(after.length).fill(false);
  }

  /** Greedy one-to-one assignment of candidates, strongest first. */
  private assign(cands: Candidate[], tier: MatchTier, confidence: (c: Candidate) => number): void {
    cands.sort(byStrength);
    for (const c of cands) {
      if (this.beforeTaken[c.b] || this.afterTaken[c.a]) continue;
      this.beforeTaken[c.b] = true;
      this.afterTaken[c.a] = true;
      this.pairs.push({ before: c.b, after: c.a, confidence: confidence(c), tier });
    }
  }

  /** Free entries of both lists grouped by `key` (buckets in order of their first `after` entry). */
  private buckets(key: (e: MatchEntry) => string): { b: number[]; a: number[] }[] {
    const byKey = new Map<string, { b: number[]; a: number[] }>();
    for (let i = 0; i < this.before.length; i++) {
      if (this.beforeTaken[i]) continue;
      const k = key(this.before[i]);
      let g = byKey.get(k);
      if (!g) byKey.set(k, (g = { b: [], a: [] }));
      g.b.push(i);
    }
    const out: { b: number[]; a: number[] }[] = [];
    const seen = new Set<string>();
    for (let j = 0; j < this.after.length; j++) {
      if (this.afterTaken[j]) continue;
      const k = key(this.after[j]);
      const g = byKey.get(k);
      if (!g) continue;
      g.a.push(j);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(g);
      }
    }
    return out;
  }

  exact(tier: MatchTier, key: (e: MatchEntry) => string, confidence: number): void {
    for (const { b, a } of this.buckets(key)) {
      if (b.length === 1 && a.length === 1) {
        this.assign([{ b: b[0], a: a[0], sim: 1, ties: 0, rank: 0 }], tier, () => confidence);
        continue;
      }
      const cands: Candidate[] = [];
      if (b.length * a.length > MAX_NEAR_PAIRS) {
        // Many copies of one text (e.g. empty task texts): in order.
        for (let i = 0; i < Math.min(b.length, a.length); i++) cands.push({ b: b[i], a: a[i], sim: 1, ties: 0, rank: 0 });
      } else {
        b.forEach((bi, rb) =>
          a.forEach((ai, ra) => cands.push({ b: bi, a: ai, sim: 1, ties: ties(this.before[bi], this.after[ai]), rank: Math.abs(rb - ra) })),
        );
      }
      this.assign(cands, tier, () => confidence);
    }
  }

  near(tier: MatchTier, key: (e: MatchEntry) => string, scale: number): void {
    for (const { b, a } of this.buckets(key)) {
      const cands: Candidate[] = [];
      // Beyond MAX_NEAR_PAIRS, only entries close in order are compared (a window around the same rank).
      const window = b.length * a.length > MAX_NEAR_PAIRS ? Math.max(1, Math.floor(MAX_NEAR_PAIRS / (2 * b.length))) : Infinity;
      for (let rb = 0; rb < b.length; rb++) {
        const x = this.before[b[rb]];
        const center = a.length === b.length ? rb : Math.round((rb * a.length) / Math.max(1, b.length));
        const from = Number.isFinite(window) ? Math.max(0, center - window) : 0;
        const to = Number.isFinite(window) ? Math.min(a.length - 1, center + window) : a.length - 1;
        for (let ra = from; ra <= to; ra++) {
          const y = this.after[a[ra]];
          const sim = textSimilarity(x.text, y.text, this.threshold);
          if (sim > 0) cands.push({ b: b[rb], a: a[ra], sim, ties: ties(x, y), rank: Math.abs(rb - ra) });
        }
      }
      this.assign(cands, tier, (c) => Math.round(Math.min(0.99, c.sim * scale) * 1000) / 1000);
    }
  }
}

/**
 * Match two task lists one to one (see the rule at the top of this file). Deterministic: the same lists
 * give the same pairs, whatever the platform.
 */
export function matchTasks(before: readonly MatchEntry[], after: readonly MatchEntry[], options: { threshold?: number } = {}): MatchResult {
  const m = new Matcher(before, after, options.threshold ?? NEAR_THRESHOLD);
  m.exact("same_place", (e) => e.sheet + SEP + e.group + SEP + e.exact, 1);
  m.exact("same_sheet", (e) => e.sheet + SEP + e.exact, 0.98);
  m.exact("moved", (e) => e.exact, 0.95);
  m.near("near_group", (e) => e.sheet + SEP + e.group, 0.97);
  m.near("near_sheet", (e) => e.sheet, 0.93);
  const pairs = m.pairs.sort((p, q) => p.after - q.after);
  const unmatchedBefore: number[] = [];
  const unmatchedAfter: number[] = [];
  m.beforeTaken.forEach((t, i) => t || unmatchedBefore.push(i));
  m.afterTaken.forEach((t, i) => t || unmatchedAfter.push(i));
  return { pairs, unmatchedBefore, unmatchedAfter };
}

// ---------------------------------------------------------------------------------------------
// Ids

/** A task of an earlier version, with its id. */
export interface KnownTask {
  id: string;
  entry: MatchEntry;
}

export interface Identified {
  /** The id of each current task (same order). */
  ids: string[];
  /** How sure the carried id is (1 = same text, same place); null for a new id. */
  confidence: (number | null)[];
  /** The next free id number (ids are base-36 numbers). */
  next: number;
}

/** An id's number (ids are base-36 counters), or NaN. */
export function idNumber(id: string): number {
  return /^[0-9a-z]{1,10}$/.test(id) ? parseInt(id, 36) : NaN;
}

export function idOf(n: number): string {
  return n.toString(36);
}

/**
 * Give each current task an id: the id of the task it matches in the previous version, else (stage two)
 * of a task known from an older version only, else a new one (never one that `previous` or `older` uses).
 */
export function identify(
  current: readonly MatchEntry[],
  previous: readonly KnownTask[],
  older: readonly KnownTask[] = [],
  next = 1,
): Identified {
  const ids: (string | null)[] = new Array<string | null>(current.length).fill(null);
  const confidence: (number | null)[] = new Array<number | null>(current.length).fill(null);
  let free = next;
  for (const k of [...previous, ...older]) {
    const n = idNumber(k.id);
    if (Number.isFinite(n) && n >= free) free = n + 1;
  }
  const first = matchTasks(
    previous.map((k) => k.entry),
    current,
  );
  for (const p of first.pairs) {
    ids[p.after] = previous[p.before].id;
    confidence[p.after] = p.confidence;
  }
  if (older.length && first.unmatchedAfter.length) {
    const rest = first.unmatchedAfter;
    const second = matchTasks(
      older.map((k) => k.entry),
      rest.map((i) => current[i]),
    );
    for (const p of second.pairs) {
      ids[rest[p.after]] = older[p.before].id;
      confidence[rest[p.after]] = p.confidence;
    }
  }
  const out = ids.map((id) => id ?? idOf(free++));
  return { ids: out, confidence, next: free };
}
