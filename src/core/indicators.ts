/**
 * Indicator sheets (Chỉ tiêu): one indicator per row, with a target and an actual value.
 *
 * actual: the "Thực hiện" column when it holds a value, else Số đạt / Tổng số (a fraction when the
 * target is a percentage, else the achieved count). A percent target and a plain 1–100 actual are read as
 * percentage points (85 → 0.85).
 * achievement = actual / target for "at least" (>=) targets. For "at most" (<=) targets it is null on
 * purpose: the best result is 0, so no ratio of the two reads as "how much of the target is done"
 * (target/actual explodes as actual → 0 and is undefined at 0). `met` tells whether a ceiling is kept.
 * Missing target, total 0, or an actual that is not a number: a warning, and achievement and met stay
 * null (an error value in a read cell is a CELL_ERROR instead, and the result stays null the same way).
 */
import {
  applyRelative,
  isPercentUnit,
  readNumber,
  readRelativeTarget,
  readTarget,
  type Comparator,
  type TargetRead,
} from "./indicator-values";
import { toA1 } from "./a1";
import type { AnalysisContext } from "./context";
import type { CellRef, SheetView } from "./sheet-view";
import type { HeaderInfo } from "./header";
import { INDICATOR_COLUMNS, type IndicatorField } from "./columns";
import type { TableRow } from "./table";
import type { Indicator } from "./report-schema";
import type { IssueCode, IssueParamsMap } from "./issues";
import type { SheetScope } from "./appendix";

const READ_FIELDS: IndicatorField[] = ["name", "unit", "target", "achieved", "total", "actual", "base"];
const EPSILON = 1e-9;

export function analyzeIndicators(
  ctx: AnalysisContext,
  scope: SheetScope,
  view: SheetView,
  header: HeaderInfo<IndicatorField>,
  rows: TableRow<IndicatorField>[],
): Indicator[] {
  const reader = new IndicatorReader(ctx, scope, view, header);
  reader.add(rows);
  return reader.indicators;
}

/** The indicator rows of one sheet; rows may come in several `add` calls (each row stands alone). */
export class IndicatorReader {
  readonly indicators: Indicator[] = [];

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly scope: SheetScope,
    private readonly view: SheetView,
    private header: HeaderInfo<IndicatorField>,
  ) {
    this.checkColumns(header);
  }

  /** Required columns (the header finder already insists on the name): once, at the header row's first cell. */
  private checkColumns(header: HeaderInfo<IndicatorField>): void {
    const { ctx, scope } = this;
    const cols = header.columns;
    const cell = { row: header.row, col: Math.min(...cols.values()) };
    for (const f of INDICATOR_COLUMNS.required) {
      if (!cols.has(f)) ctx.issues.add(scope.index, scope.name, "COLUMN_MISSING", cell, { headerRow: header.row, column: f }, { key: f });
    }
  }

  /** Read rows[from…]. */
  add(rows: readonly TableRow<IndicatorField>[], from = 0): void {
    const { ctx, scope } = this;
    for (let i = from; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === "task") this.indicators.push(readIndicator(ctx, scope, this.view, this.header, r));
      else if (r.kind === "table_header" && r.header) {
        this.header = r.header;
        this.checkColumns(r.header);
      } else if (r.kind === "numbered_empty") {
        const c = r.cells.stt;
        if (c) ctx.issues.add(scope.index, scope.name, "ROW_EMPTY", { row: c.row, col: c.col }, { stt: c.text });
      }
    }
  }
}

/** One indicator row as it is read: its cells, whether its unit is a percentage, and where its issues go. */
interface IndicatorRow {
  scope: SheetScope;
  view: SheetView;
  header: HeaderInfo<IndicatorField>;
  r: TableRow<IndicatorField>;
  cells: TableRow<IndicatorField>["cells"];
  pctUnit: boolean;
  who: { name: string; row: number };
  add: <C extends IssueCode>(code: C, c: CellRef | { row: number; col: number }, params: IssueParamsMap[C]) => void;
}

/** One indicator: its cells' errors reported, then its target, its actual value, and how they compare. */
function readIndicator(
  ctx: AnalysisContext,
  scope: SheetScope,
  view: SheetView,
  header: HeaderInfo<IndicatorField>,
  r: TableRow<IndicatorField>,
): Indicator {
  const issues = ctx.issues;
  const cells = r.cells;
  const name = ok(cells.name);
  const unitOfMeasure = ok(cells.unit);
  const row: IndicatorRow = {
    scope,
    view,
    header,
    r,
    cells,
    pctUnit: isPercentUnit(unitOfMeasure),
    who: { name, row: r.row },
    add: (code, c, params) => issues.add(scope.index, scope.name, code, { row: c.row, col: c.col }, params),
  };
  for (const f of READ_FIELDS) {
    const c = cells[f];
    if (c && c.error !== null && !c.fromAbove) row.add("CELL_ERROR", c, { error: c.error, column: f });
  }
  const { target, base } = indicatorTarget(row);
  const targetValue = target?.value ?? null;
  const actual = indicatorActual(row, target?.percent ?? false, targetValue);
  const comparator = target?.comparator ?? ">=";
  let achievement: number | null = null;
  let met: boolean | null = null;
  if (targetValue !== null && actual !== null) {
    met = meets(actual, comparator, targetValue);
    if ((comparator === ">=" || comparator === ">") && targetValue > 0 && actual >= 0) achievement = actual / targetValue;
  }
  const ind: Indicator = { sheet: scope.name, row: r.row, name, unitOfMeasure, target: targetValue, comparator, actual, achievement, met };
  if (target?.raw) ind.targetRaw = target.raw;
  if (base !== null) ind.base = base;
  const counts = countsOf(cells.achieved, cells.total);
  if (counts) {
    ind.achieved = counts.achieved;
    ind.total = counts.total;
  }
  return ind;
}

/**
 * The target as written, or one relative to a base year ("Tăng 10% so với năm 2025": the base year's value
 * from its column, else no target at all); a target cell that holds no target is reported.
 */
function indicatorTarget(row: IndicatorRow): { target: TargetRead | null; base: number | null } {
  const { scope, view, header, r, pctUnit, who, add } = row;
  const tc = row.cells.target;
  let target: TargetRead | null = tc && tc.error === null ? readTarget(tc.value, tc.format, pctUnit) : null;
  let base: number | null = null;
  const relative = target && typeof tc?.value === "string" ? readRelativeTarget(target.raw) : null;
  if (relative && tc && target) {
    const year = relative.baseYear ?? scope.planYear - 1;
    const col =
      relative.baseYear === null
        ? (header.columns.get("base") ?? header.years.get(year))
        : (header.years.get(year) ?? (year === scope.planYear - 1 ? header.columns.get("base") : undefined));
    const bc = col !== undefined ? view.ref(r.row, col) : null;
    const baseRead = bc && bc.error === null ? readNumber(bc.value, bc.format, pctUnit) : null;
    const comparator = relative.direction === "up" ? ">=" : "<=";
    if (baseRead && baseRead.kind === "number") {
      base = baseRead.value;
      target = { value: applyRelative(relative, base), comparator, percent: pctUnit, raw: target.raw };
    } else {
      add("INDICATOR_TARGET_RELATIVE", tc, { ...who, raw: target.raw, baseYear: year, baseCell: bc ? toA1(bc.row, bc.col) : null });
      target = { value: null, comparator, percent: false, raw: target.raw };
    }
  }
  if (tc && tc.error === null && (target?.value ?? null) === null && !relative) {
    add("INDICATOR_TARGET_MISSING", tc, { ...who, raw: target?.raw ?? "" });
  }
  return { target, base };
}

/** The actual value: the Thực hiện cell (a plain 1–100 under a percent target read as points), else from the counts. */
function indicatorActual(row: IndicatorRow, percentTarget: boolean, targetValue: number | null): number | null {
  const ac = row.cells.actual;
  const actualRead = ac && ac.error === null ? readNumber(ac.value, ac.format, row.pctUnit) : null;
  if (actualRead && actualRead.kind === "number") {
    const actual = actualRead.value;
    return percentTarget && !actualRead.percent && actual > 1 && actual <= 100 ? actual / 100 : actual;
  }
  if (actualRead && actualRead.kind === "invalid") {
    row.add("INDICATOR_ACTUAL_INVALID", ac!, { ...row.who, raw: actualRead.raw });
    return null;
  }
  if (!ac || ac.error === null) return actualFromCounts(row, percentTarget, targetValue);
  return null;
}

/** Số đạt / Tổng số (a fraction for a percentage, else the count achieved); their problems reported. */
function actualFromCounts(row: IndicatorRow, percentTarget: boolean, targetValue: number | null): number | null {
  const { who, add } = row;
  const gc = row.cells.achieved;
  const tt = row.cells.total;
  if (!gc || gc.error !== null || (tt && tt.error !== null)) return null;
  const got = readNumber(gc.value, gc.format, false);
  if (got.kind === "empty") return null;
  if (got.kind === "invalid") {
    add("INDICATOR_ACTUAL_INVALID", gc, { ...who, raw: got.raw });
    return null;
  }
  const total = tt ? readNumber(tt.value, tt.format, false) : ({ kind: "empty" } as const);
  if (total.kind === "invalid") {
    add("INDICATOR_ACTUAL_INVALID", tt!, { ...who, raw: total.raw });
    return null;
  }
  if (total.kind === "empty") return percentTarget ? null : got.value;
  if (total.value === 0) {
    add("INDICATOR_DENOMINATOR_ZERO", tt!, { ...who });
    return null;
  }
  return percentTarget || row.pctUnit || targetValue === null ? got.value / total.value : got.value;
}

/** Số đạt and Tổng số when both are numbers and the total is not 0 (read quietly: fromCounts reports their problems). */
function countsOf(achieved: CellRef | undefined, total: CellRef | undefined): { achieved: number; total: number } | null {
  if (!achieved || !total || achieved.error !== null || total.error !== null) return null;
  const a = readNumber(achieved.value, achieved.format, false);
  const t = readNumber(total.value, total.format, false);
  if (a.kind !== "number" || t.kind !== "number" || t.value === 0) return null;
  return { achieved: a.value, total: t.value };
}

function ok(c: CellRef | undefined): string {
  return c && c.error === null ? c.text : "";
}

/** The comparison a target sets, with a small tolerance for float noise (strict ones are strict beyond it). */
function meets(actual: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case ">=":
      return actual >= target - EPSILON;
    case "<=":
      return actual <= target + EPSILON;
    case ">":
      return actual > target + EPSILON;
    case "<":
      return actual < target - EPSILON;
  }
}
