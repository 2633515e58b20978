/**
 * Per-analysis state shared by every sheet: settings, as-of date, and caches so that each distinct
 * unit text, deadline text and status text is parsed once (tables repeat the same values).
 */
import { parseDeadline } from "./deadline";
import { parseDateText } from "./dates";
import { parseStatus, type StatusKind } from "./status";
import { createUnitMatcher, type LeadMatch } from "./units";
import { IssueList } from "./issue-list";
import { TextCache } from "./sheet-view";
import type { CellValue } from "./grid";
import type { Deadline } from "./report-schema";
import type { Settings, UnitDef } from "./settings";

const DEFAULT_EXAMPLE_UNIT = "Phòng Văn hóa - Xã hội";
const CACHE_LIMIT = 100_000;

export class AnalysisContext {
  readonly texts = new TextCache();
  readonly issues = new IssueList();
  unitNames: string[] = [];
  exampleUnit = DEFAULT_EXAMPLE_UNIT;
  private matcher: (raw: string) => LeadMatch = createUnitMatcher([]);
  private readonly leadCache = new Map<string, LeadMatch>();
  /** plan year → deadline text / (number format → serial) → parsed deadline. */
  private readonly deadlineCache = new Map<number, { text: Map<string, Deadline>; number: Map<string, Map<number, Deadline>> }>();
  private readonly statusCache = new Map<string, StatusKind>();
  private readonly dateCache = new Map<string, string | null>();

  constructor(
    readonly settings: Settings,
    readonly asOf: string,
  ) {
    this.useUnits(Array.isArray(settings.units) ? settings.units : []);
  }

  /** Match leads against this list from now on (the analysis picks it once it knows the commune's kind). */
  useUnits(units: readonly UnitDef[]): void {
    this.matcher = createUnitMatcher([...units]);
    this.leadCache.clear();
    this.unitNames = [];
    for (const u of units)
      if (u && typeof u.name === "string" && u.name.trim() && !this.unitNames.includes(u.name)) this.unitNames.push(u.name);
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
    if (typeof value !== "string" && typeof value !== "number") return parseDeadline(value, { planYear, numberFormat: format });
    let byYear = this.deadlineCache.get(planYear);
    if (!byYear) {
      byYear = { text: new Map(), number: new Map() };
      this.deadlineCache.set(planYear, byYear);
    }
    if (typeof value === "string") {
      let d = byYear.text.get(text);
      if (d === undefined) {
        d = parseDeadline(text, { planYear, numberFormat: format });
        if (byYear.text.size > CACHE_LIMIT) byYear.text.clear();
        byYear.text.set(text, d);
      }
      return d;
    }
    const fmtKey = format ?? "";
    let byFormat = byYear.number.get(fmtKey);
    if (!byFormat) {
      byFormat = new Map();
      byYear.number.set(fmtKey, byFormat);
    }
    let d = byFormat.get(value);
    if (d === undefined) {
      d = parseDeadline(value, { planYear, numberFormat: format });
      if (byFormat.size > CACHE_LIMIT) byFormat.clear();
      byFormat.set(value, d);
    }
    return d;
  }

  /** A completion date written as text → ISO, or null. */
  dateText(text: string): string | null {
    let d = this.dateCache.get(text);
    if (d === undefined) {
      d = parseDateText(text);
      if (this.dateCache.size > CACHE_LIMIT) this.dateCache.clear();
      this.dateCache.set(text, d);
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
