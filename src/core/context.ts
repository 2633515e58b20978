/**
 * Per-analysis state shared by every sheet: settings, as-of date, and caches so that each distinct
 * unit text, deadline text and status text is parsed once (tables repeat the same values).
 */
import { parseDeadline } from "./deadline";
import { parseStatus, type StatusKind } from "./status";
import { createUnitMatcher, type LeadMatch } from "./units";
import { IssueList } from "./issue-list";
import { TextCache } from "./sheet-view";
import type { CellValue } from "./grid";
import type { Deadline } from "./report-schema";
import type { Settings } from "./settings";

const DEFAULT_EXAMPLE_UNIT = "Phòng Văn hóa - Xã hội";
const CACHE_LIMIT = 100_000;

export class AnalysisContext {
  readonly texts = new TextCache();
  readonly issues = new IssueList();
  readonly unitNames: string[];
  readonly exampleUnit: string;
  private readonly matcher: (raw: string) => LeadMatch;
  private readonly leadCache = new Map<string, LeadMatch>();
  private readonly deadlineCache = new Map<string, Deadline>();
  private readonly statusCache = new Map<string, StatusKind>();

  constructor(
    readonly settings: Settings,
    readonly asOf: string,
  ) {
    const units = Array.isArray(settings.units) ? settings.units : [];
    this.matcher = createUnitMatcher(units);
    this.unitNames = [];
    for (const u of units) if (u && typeof u.name === "string" && u.name.trim() && !this.unitNames.includes(u.name)) this.unitNames.push(u.name);
    this.exampleUnit = this.unitNames[0] ?? DEFAULT_EXAMPLE_UNIT;
  }

  matchLead(raw: string): LeadMatch {
    let m = this.leadCache.get(raw);
    if (m === undefined) {
      m = this.matcher(raw);
      if (this.leadCache.size > CACHE_LIMIT) this.leadCache.clear();
      this.leadCache.set(raw, m);
    }
    return m;
  }

  deadline(value: CellValue, text: string, format: string | null, planYear: number): Deadline {
    let key: string;
    if (typeof value === "number") key = `${planYear}|n|${value}|${format ?? ""}`;
    else if (typeof value === "string") key = `${planYear}|s|${text}`;
    else return parseDeadline(value, { planYear, numberFormat: format });
    let d = this.deadlineCache.get(key);
    if (d === undefined) {
      d = parseDeadline(typeof value === "string" ? text : value, { planYear, numberFormat: format });
      if (this.deadlineCache.size > CACHE_LIMIT) this.deadlineCache.clear();
      this.deadlineCache.set(key, d);
    }
    return d;
  }

  status(raw: string): StatusKind {
    let s = this.statusCache.get(raw);
    if (s === undefined) {
      s = parseStatus(raw);
      if (this.statusCache.size > CACHE_LIMIT) this.statusCache.clear();
      this.statusCache.set(raw, s);
    }
    return s;
  }
}
