/**
 * A unit list proposed from the plan's own lead column (domain.md, "Units"): when most of a plan's leads
 * match nothing in the list, the plan names its units its own way. Each distinct name becomes a unit;
 * spellings of one name (the same matching key, or a near miss: a typo, missing diacritics) are grouped,
 * the most written one named and the others kept as its aliases. Never adopted by the engine: the doors
 * show it and the user accepts it (Cài đặt, `phuluc settings --units-from-plan`).
 */
import type { UnitDef } from "./settings";
import type { LeadMatch } from "./units";
import { foldKey, nfc } from "./text/fold";
import { editDistance, exactUnitKey, isGenericUnitText, looseUnitKey, maxEdits } from "./unit-keys";

export interface UnitProposal {
  units: UnitDef[];
  /** Leads that match no unit of the list, of all the leads written. */
  unknown: number;
  leads: number;
}

/** Fewer leads than this say too little to propose a list. */
const MIN_LEADS = 3;
/** Distinct names looked at (the most written first): a lead column of any size stays cheap. */
const MAX_NAMES = 400;
const MAX_UNITS = 60;
const MAX_ALIASES = 12;
const PIECES = /\s*[\r\n;]+\s*/;
const BULLET = /^[-\u2013\u2014*•.+]+\s*/;

interface Group {
  key: string;
  loose: string;
  count: number;
  first: number;
  /** Spellings as written, with how often each was. */
  spellings: Map<string, number>;
}

/** The names a lead cell gives: its lines (or ";"-separated parts), bullets off, generic phrases out. */
function namesOf(raw: string): string[] {
  return nfc(raw)
    .split(PIECES)
    .map((p) => p.replace(BULLET, "").replace(/\s+/g, " ").trim())
    .filter((p) => p !== "" && p.length <= 120 && !isGenericUnitText(foldKey(p)));
}

function groupsOf(leads: readonly string[]): Group[] {
  const byKey = new Map<string, Group>();
  let n = 0;
  for (const raw of leads) {
    for (const name of namesOf(raw)) {
      const key = exactUnitKey(name);
      if (!key) continue;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { key, loose: looseUnitKey(key), count: 0, first: n, spellings: new Map() }));
      g.count++;
      g.spellings.set(name, (g.spellings.get(name) ?? 0) + 1);
      n++;
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.first - b.first).slice(0, MAX_NAMES);
}

/** Near misses join the more written group (same rule as the matcher's suggestions). */
function mergeNearMisses(groups: Group[]): Group[] {
  const kept: Group[] = [];
  for (const g of groups) {
    const max = maxEdits(g.loose);
    const into = kept.find((k) => k.loose === g.loose || editDistance(k.loose, g.loose, max) <= max);
    if (!into) {
      kept.push(g);
      continue;
    }
    into.count += g.count;
    for (const [s, c] of g.spellings) into.spellings.set(s, (into.spellings.get(s) ?? 0) + c);
  }
  return kept;
}

/** The name a group goes by: the most written spelling, with diacritics before without, longer before shorter. */
function nameOf(g: Group): string {
  const marked = (s: string) => (foldKey(s) === s.toLowerCase() ? 0 : 1);
  return [...g.spellings].sort(([a, ca], [b, cb]) => cb - ca || marked(b) - marked(a) || b.length - a.length)[0][0];
}

function unitOf(g: Group): UnitDef {
  const name = nameOf(g);
  const seen = new Set([exactUnitKey(name)]);
  const aliases: string[] = [];
  for (const [s] of [...g.spellings].sort(([, a], [, b]) => b - a)) {
    const k = exactUnitKey(s);
    if (seen.has(k) || aliases.length >= MAX_ALIASES) continue;
    seen.add(k);
    aliases.push(s);
  }
  return { name, aliases };
}

/**
 * The list the lead column proposes, or null when most leads already match (more than half of them
 * match a unit, or there are too few). `always`: build it anyway (the user asked for it).
 */
export function proposeUnits(leads: readonly string[], match: (raw: string) => LeadMatch, always = false): UnitProposal | null {
  const written = leads.filter((l) => typeof l === "string" && l.trim() !== "");
  const unknown = written.filter((l) => match(l).kind === "unknown").length;
  if (!always && (written.length < MIN_LEADS || unknown * 2 <= written.length)) return null;
  const units = mergeNearMisses(groupsOf(written)).slice(0, MAX_UNITS).map(unitOf);
  return units.length ? { units, unknown, leads: written.length } : null;
}
