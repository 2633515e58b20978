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
import { isPercentUnit, readNumber, readTarget } from "./indicator-values";
import type { AnalysisContext } from "./context";
import type { CellRef } from "./sheet-view";
import type { HeaderInfo } from "./header";
import { INDICATOR_COLUMNS, type IndicatorField } from "./columns";
import type { TableRow } from "./table";
import type { Indicator } from "./report-schema";
import type { IssueCode, IssueParamsMap } from "./issues";
import type { SheetScope } from "./appendix";

const READ_FIELDS: IndicatorField[] = ["name", "unit", "target", "achieved", "total", "actual"];
const EPSILON = 1e-9;

export function analyzeIndicators(
  ctx: AnalysisContext,
  scope: SheetScope,
  header: HeaderInfo<IndicatorField>,
  rows: TableRow<IndicatorField>[],
): Indicator[] {
  const reader = new IndicatorReader(ctx, scope, header);
  reader.add(rows);
  return reader.indicators;
}

/** The indicator rows of one sheet; rows may come in several `add` calls (each row stands alone). */
export class IndicatorReader {
  readonly indicators: Indicator[] = [];

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly scope: SheetScope,
    header: HeaderInfo<IndicatorField>,
  ) {
    const cols = header.columns;
    // Required columns (the header finder already insists on the name): once, at the header row's first cell.
    const cell = { row: header.row, col: Math.min(...cols.values()) };
    for (const f of INDICATOR_COLUMNS.required) {
      if (!cols.has(f)) ctx.issues.add(scope.index, scope.name, "COLUMN_MISSING", cell, { headerRow: header.row, column: f }, { key: f });
    }
  }

  /** Read rows[from…]. */
  add(rows: readonly TableRow<IndicatorField>[], from = 0): void {
    for (let i = from; i < rows.length; i++) {
      const r = rows[i];
      if (r.kind === "task") this.indicators.push(readIndicator(this.ctx, this.scope, r));
    }
  }
}

function readIndicator(ctx: AnalysisContext, scope: SheetScope, r: TableRow<IndicatorField>): Indicator {
  const issues = ctx.issues;
  const add = <C extends IssueCode>(code: C, c: CellRef | { row: number; col: number }, params: IssueParamsMap[C]) =>
    issues.add(scope.index, scope.name, code, { row: c.row, col: c.col }, params);
  const cells = r.cells;
  for (const f of READ_FIELDS) {
    const c = cells[f];
    if (c && c.error !== null && !c.fromAbove) {
      add("CELL_ERROR", c, { error: c.error, column: f });
    }
  }
  const name = ok(cells.name);
  const unitOfMeasure = ok(cells.unit);
  const pctUnit = isPercentUnit(unitOfMeasure);
  const who = { name, row: r.row };

  const tc = cells.target;
  const target = tc && tc.error === null ? readTarget(tc.value, tc.format, pctUnit) : null;
  const targetValue = target?.value ?? null;
  if (tc && tc.error === null && targetValue === null) {
    add("INDICATOR_TARGET_MISSING", tc, { ...who, raw: target?.raw ?? "" });
  }
  const percentTarget = target?.percent ?? false;

  let actual: number | null = null;
  const ac = cells.actual;
  const actualRead = ac && ac.error === null ? readNumber(ac.value, ac.format, pctUnit) : null;
  if (actualRead && actualRead.kind === "number") {
    actual = actualRead.value;
    if (percentTarget && !actualRead.percent && actual > 1 && actual <= 100) actual = actual / 100;
  } else if (actualRead && actualRead.kind === "invalid") {
    add("INDICATOR_ACTUAL_INVALID", ac!, { ...who, raw: actualRead.raw });
  } else if (!ac || ac.error === null) {
    actual = fromCounts();
  }

  function fromCounts(): number | null {
    const gc = cells.achieved;
    const tt = cells.total;
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
    return percentTarget || pctUnit || targetValue === null ? got.value / total.value : got.value;
  }

  const comparator = target?.comparator ?? ">=";
  let achievement: number | null = null;
  let met: boolean | null = null;
  if (targetValue !== null && actual !== null) {
    met = comparator === ">=" ? actual >= targetValue - EPSILON : actual <= targetValue + EPSILON;
    if (comparator === ">=" && targetValue > 0 && actual >= 0) achievement = actual / targetValue;
  }
  const ind: Indicator = {
    sheet: scope.name,
    row: r.row,
    name,
    unitOfMeasure,
    target: targetValue,
    comparator,
    actual,
    achievement,
    met,
  };
  if (target?.raw) ind.targetRaw = target.raw;
  return ind;
}

function ok(c: CellRef | undefined): string {
  return c && c.error === null ? c.text : "";
}
