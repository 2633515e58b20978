/**
 * The engine's entry point: grids → report.
 *
 * Per sheet (workbook order): skip the product's own sheets → detect and decode TCVN3/VNI text
 * (sheet-encoding) → find the task and indicator headers (header) → decide the role from the name, the
 * title rows and the headers (sheet-role) → a hidden appendix or indicator sheet is listed in
 * `skippedSheets` and not read, unless settings.includeHiddenSheets → in a Unicode sheet, decode the
 * legacy cells pasted into it one by one → the rows above its table (its heading: commune, plan, title).
 * Then whose document it is (src/core/document: the headings, appendices first, settings over them; a
 * second commune is COMMUNE_MISMATCH) and the unit list of the commune's kind → plan year from the title →
 * give every row below the header a kind (table) → tasks and their issues (appendix) or indicators
 * (indicators). Then counts per unit, appendix, group and plan (aggregate), and a unit list proposed from
 * the lead column when most leads match nothing. Issues are sorted by sheet, row, column (issue-list).
 * Plan year: the first title that names one ("… NĂM 2026"), else settings.planYear, else the as-of year;
 * a sheet without its own title year reads year-less deadlines in settings.planYear, else that year.
 */
import { columnLetter, toA1 } from "./a1";
import type { Grid } from "./grid";
import type { Indicator, Report, SheetInfo, SkippedSheet, Task } from "./report-schema";
import type { Settings } from "./settings";
import { AnalysisContext } from "./context";
import { AppendixReader } from "./appendix";
import { IndicatorReader } from "./indicators";
import { countByGroup, countBySheet, countByUnit, countTasks } from "./aggregate";
import { findHeader, type HeaderInfo } from "./header";
import { INDICATOR_COLUMNS, TASK_COLUMNS, type IndicatorField, type TaskField } from "./columns";
import { isIgnoredSheet, nameHint, productSheetNames, titleHint, type SheetRole } from "./sheet-role";
import { SheetView } from "./sheet-view";
import { TableReader, type TableRow } from "./table";
import { yearFromTitle } from "./deadline";
import { decodeLegacyCells, decodeSheet, type LegacyCell } from "./sheet-encoding";
import { unitsFor } from "./settings";
import { readSheetHead, sheetTitleOf, type SheetHead } from "./document/sheet-head";
import { headRows, otherSheetHeadRows } from "./document/head-rows";
import { readIdentity, resolveIdentity, type DocumentIdentity, type SheetHeadAt } from "./document/identity";
import { proposeUnits } from "./unit-proposal";

export interface AnalyzeOptions {
  /** ISO as-of date (ngày báo cáo). The core never reads a clock. */
  asOf: string;
  settings: Settings;
  /** Sheet names never analysed (e.g. the product's own summary sheets from the store). Additive. */
  ignoreSheets?: string[];
}

const TITLE_ROWS = 10;

interface SheetPlan {
  index: number;
  grid: Grid;
  view: SheetView;
  role: Exclude<SheetRole, "other">;
  taskHeader: HeaderInfo<TaskField> | null;
  indicatorHeader: HeaderInfo<IndicatorField> | null;
  titleLines: string[];
  titleYear: number | null;
  encoding: SheetInfo["encoding"];
  legacySample: { row: number; col: number; raw: string; decoded: string } | null;
  /** Legacy cells of a Unicode sheet (each reported at its own cell). */
  legacyCells: LegacyCell[];
  /** The rows above its table: the commune and plan it names, its own title. */
  head: SheetHead;
}

/**
 * Where a step-wise analysis stands (each value `analyzeSteps` yields). Phases in order:
 * "prepare" (done of total workbook sheets looked at: role, encoding, header), "sheets" (done of total
 * sheets to read, finished; `sheet` is the one being read, `rows` how far into it), "aggregate" (done of
 * total counting steps).
 */
export interface AnalyzeProgress {
  phase: "prepare" | "sheets" | "aggregate";
  done: number;
  total: number;
  sheet?: string;
  /** Phase "sheets": table rows read of the current sheet. */
  rows?: { done: number; total: number };
}

/** Rows read between two yields of `analyzeSteps`: about 3 ms of work warm (a slice overshoots its budget by at most one step). */
export const ROWS_PER_STEP = 1000;

/** Read every appendix and indicator sheet; never throws on any grid content. */
export function analyze(grids: Grid[], options: AnalyzeOptions): Report {
  const steps = analyzeSteps(grids, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same analysis as `analyze`, in small steps: it yields after each sheet is prepared, every
 * ROWS_PER_STEP rows of a sheet, and between the counting steps, so a caller (the task pane) can let the
 * UI breathe in between. Pure: no clock, no timer; the caller decides when to go on. `rowsPerStep`
 * changes the slice size only (tests use tiny slices to prove the result does not depend on it).
 */
export function* analyzeSteps(
  grids: Grid[],
  options: AnalyzeOptions,
  rowsPerStep = ROWS_PER_STEP,
): Generator<AnalyzeProgress, Report, void> {
  const step = Math.max(1, Math.floor(rowsPerStep) || ROWS_PER_STEP);
  const asOf = options.asOf;
  const ctx = new AnalysisContext(options.settings, asOf);
  const { plans, skippedSheets, otherHeads } = yield* prepareSheets(ctx, grids, options);
  const identity = identifyWorkbook(ctx, plans, otherHeads, options.settings);

  const asOfYear = Number(asOf.slice(0, 4));
  const firstTitleYear = plans.find((p) => p.titleYear !== null)?.titleYear ?? null;
  const planYear = firstTitleYear ?? options.settings.planYear ?? asOfYear;
  const fallbackYear = options.settings.planYear ?? firstTitleYear ?? asOfYear;

  const sheets: SheetInfo[] = [];
  const tasks: Task[] = [];
  const indicators: Indicator[] = [];
  for (let done = 0; done < plans.length; done++) {
    const p = plans[done];
    reportLegacyText(ctx, p);
    const progress = { done, total: plans.length, step };
    const read = yield* readSheetTable(ctx, p, p.titleYear ?? fallbackYear, progress);
    for (const t of read.tasks) tasks.push(t);
    for (const i of read.indicators) indicators.push(i);
    sheets.push(read.info);
    yield { phase: "sheets", done: done + 1, total: plans.length, sheet: p.grid.name };
  }
  const { issues, units, appendices, groups, total, unitProposal } = yield* countSteps(ctx, tasks, sheets);
  return {
    asOf,
    planYear,
    identity,
    sheets,
    skippedSheets,
    tasks,
    issues,
    units,
    appendices,
    groups,
    total,
    indicators,
    ...(unitProposal ? { unitProposal } : {}),
  };
}

/** A sheet in TCVN3/VNI (the whole sheet, with a sample) and the legacy cells of a Unicode one: one issue each. */
function reportLegacyText(ctx: AnalysisContext, p: SheetPlan): void {
  const name = p.grid.name;
  if (p.encoding !== "unicode") {
    const s = p.legacySample;
    ctx.issues.add(
      p.index,
      name,
      "TEXT_LEGACY_ENCODING",
      s ? { row: s.row, col: s.col } : null,
      s ? { encoding: p.encoding, sampleCell: cellA1(s.row, s.col), sample: s.raw, decoded: s.decoded } : { encoding: p.encoding },
      { fix: { kind: "decode_sheet", sheet: name, encoding: p.encoding } },
    );
  }
  for (const c of p.legacyCells) {
    const cell = cellA1(c.row, c.col);
    ctx.issues.add(
      p.index,
      name,
      "TEXT_LEGACY_ENCODING",
      { row: c.row, col: c.col },
      { encoding: c.encoding, scope: "cell", raw: c.raw, decoded: c.decoded },
      { fix: { kind: "replace", sheet: name, cell, value: c.decoded } },
    );
  }
}

/** One sheet's table read in steps: its tasks (appendix) or indicators, and what the report says of the sheet. */
function* readSheetTable(
  ctx: AnalysisContext,
  p: SheetPlan,
  planYear: number,
  progress: { done: number; total: number; step: number },
): Generator<AnalyzeProgress, { info: SheetInfo; tasks: Task[]; indicators: Indicator[] }, void> {
  const name = p.grid.name;
  const scope = { index: p.index, name, planYear };
  const header = p.role === "appendix" ? p.taskHeader : p.indicatorHeader;
  let tasks: Task[] = [];
  let indicators: Indicator[] = [];
  if (!header) ctx.issues.add(p.index, name, "HEADER_NOT_FOUND", null, { role: p.role });
  else {
    const at = (rows: number): AnalyzeProgress => ({
      phase: "sheets",
      done: progress.done,
      total: progress.total,
      sheet: name,
      rows: { done: rows, total: rowCount(p.view, header) },
    });
    if (p.role === "appendix") {
      const reader = new AppendixReader(ctx, scope, p.view, p.taskHeader!);
      yield* readInSteps(new TableReader(p.view, TASK_COLUMNS, p.taskHeader!), (rows, from) => reader.add(rows, from), progress.step, at);
      tasks = reader.finish();
    } else {
      const reader = new IndicatorReader(ctx, scope, p.view, p.indicatorHeader!);
      const table = new TableReader(p.view, INDICATOR_COLUMNS, p.indicatorHeader!);
      yield* readInSteps(table, (rows, from) => reader.add(rows, from), progress.step, at);
      indicators = reader.indicators;
    }
  }
  const info: SheetInfo = {
    name,
    role: p.role,
    title: sheetTitle(p),
    headerRow: header ? header.row : null,
    taskCount: p.role === "appendix" ? tasks.length : indicators.length,
    encoding: p.encoding,
    ...(header ? { columns: columnLetters(header.columns) } : {}),
  };
  return { info, tasks, indicators };
}

/** Counting: the sorted issues, then one pass over the tasks per table, a step each. */
function* countSteps(
  ctx: AnalysisContext,
  tasks: Task[],
  sheets: SheetInfo[],
): Generator<AnalyzeProgress, Pick<Report, "issues" | "units" | "appendices" | "groups" | "total" | "unitProposal">, void> {
  const AGGREGATE_STEPS = 5;
  const issues = ctx.issues.sorted();
  yield { phase: "aggregate", done: 1, total: AGGREGATE_STEPS };
  const units = countByUnit(tasks, ctx.unitNames);
  const unitProposal = proposeUnits(
    tasks.map((t) => t.leadRaw),
    (raw) => ctx.matchLead(raw),
  );
  yield { phase: "aggregate", done: 2, total: AGGREGATE_STEPS };
  const appendixSheets = sheets.filter((s) => s.role === "appendix");
  const appendices = countBySheet(
    tasks,
    appendixSheets.map((s) => ({ name: s.name, title: s.title })),
  );
  yield { phase: "aggregate", done: 3, total: AGGREGATE_STEPS };
  const groups = countByGroup(tasks);
  yield { phase: "aggregate", done: 4, total: AGGREGATE_STEPS };
  const total = countTasks(tasks);
  yield { phase: "aggregate", done: 5, total: AGGREGATE_STEPS };
  return { issues, units, appendices, groups, total, ...(unitProposal ? { unitProposal } : {}) };
}

interface Prepared {
  plans: SheetPlan[];
  skippedSheets: SkippedSheet[];
  /** Headings of the sheets not read (a cover sheet may carry the plan's own heading). */
  otherHeads: SheetHeadAt[];
}

/** Each sheet's role, encoding, header and heading, a step per sheet; hidden sheets are set aside unless asked for. */
function* prepareSheets(
  ctx: AnalysisContext,
  grids: Grid[],
  options: Omit<AnalyzeOptions, "asOf">,
): Generator<AnalyzeProgress, Prepared, void> {
  const out: Prepared = { plans: [], skippedSheets: [], otherHeads: [] };
  const ignored = productSheetNames(grids, options.settings, options.ignoreSheets);
  const includeHidden = options.settings.includeHiddenSheets === true;
  for (let index = 0; index < grids.length; index++) {
    const plan = planSheet(ctx, grids[index], index, ignored);
    if (plan && plan.grid.visibility !== "visible" && plan.grid.visibility !== undefined && !includeHidden) {
      out.skippedSheets.push({
        name: plan.grid.name,
        role: plan.role,
        visibility: plan.grid.visibility === "veryHidden" ? "veryHidden" : "hidden",
      });
    } else if (plan) out.plans.push(withLegacyCells(ctx, plan));
    else if (isReadableOther(grids[index], ignored))
      out.otherHeads.push({ sheet: grids[index].name, index, head: readSheetHead(otherSheetHeadRows(grids[index], ctx.texts)) });
    yield { phase: "prepare", done: index + 1, total: grids.length, sheet: sheetName(grids[index]) };
  }
  return out;
}

/**
 * Whose document a workbook is (the commune and the plan, settings over the workbook), without reading
 * its tables: for a job that needs only the identity (the merge log's heading after an undo).
 */
export function identifyGrids(grids: Grid[], settings: Settings): DocumentIdentity {
  const ctx = new AnalysisContext(settings, "2000-01-01");
  const steps = prepareSheets(ctx, grids, { settings });
  for (;;) {
    const s = steps.next();
    if (s.done) return identifyWorkbook(ctx, s.value.plans, s.value.otherHeads, settings);
  }
}

/**
 * Classify a table's rows and hand them to `read`, rowsPerStep at a time, yielding between slices
 * (not after the last one: the caller yields once the sheet is done).
 */
function* readInSteps<F extends string>(
  table: TableReader<F>,
  read: (rows: readonly TableRow<F>[], from: number) => void,
  rowsPerStep: number,
  at: (rowsRead: number) => AnalyzeProgress,
): Generator<AnalyzeProgress, void, void> {
  let rowsRead = 0;
  for (;;) {
    const from = table.rows.length;
    table.readUntil(table.nextRow + rowsPerStep - 1);
    read(table.rows, from);
    rowsRead += table.rows.length - from;
    if (table.done) return;
    yield at(rowsRead);
  }
}

/** Rows below a header, to the sheet's last row. */
function rowCount(view: SheetView, header: { dataStart: number }): number {
  return Math.max(0, view.lastRow - header.dataStart + 1);
}

/** A grid's name for progress ("" for a damaged grid without one). */
function sheetName(g: Grid | undefined): string {
  return g && typeof g.name === "string" ? g.name : "";
}

/** A header's columns as letters, by field. */
function columnLetters(columns: ReadonlyMap<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of columns) out[field] = columnLetter(col);
  return out;
}

function cellA1(row: number, col: number): string {
  return toA1(row, col);
}

/** Decide what a sheet is, decode it if needed, find its header. Null: not analysed. */
function planSheet(ctx: AnalysisContext, raw: Grid, index: number, ignored: ReadonlySet<string>): SheetPlan | null {
  if (!raw || !Array.isArray(raw.values) || typeof raw.name !== "string") return null;
  if (isIgnoredSheet(raw.name, ignored)) return null;
  const { grid, encoding, sample } = decodeSheet(raw);
  const view = new SheetView(grid, ctx.texts);
  const taskHeader = findHeader(view, TASK_COLUMNS);
  const indicatorHeader = findHeader(view, INDICATOR_COLUMNS);

  const firstHeaderRow = Math.min(taskHeader?.row ?? Infinity, indicatorHeader?.row ?? Infinity);
  const titleEnd = Math.min(view.firstRow + TITLE_ROWS - 1, firstHeaderRow - 1, view.lastRow);
  const titleLines: string[] = [];
  for (let r = view.firstRow; r <= titleEnd; r++) {
    const parts: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      if (view.fromAbove(r, c)) continue;
      const t = view.text(r, c);
      if (t && typeof view.value(r, c) === "string") parts.push(t);
    }
    if (parts.length) titleLines.push(parts.join(" "));
  }

  const byName = nameHint(raw.name);
  let titleSaysIndicators = false;
  let titleSaysAppendix = false;
  for (const l of titleLines) {
    const h = titleHint(l);
    if (h === "indicators") titleSaysIndicators = true;
    else if (h === "appendix") titleSaysAppendix = true;
  }
  const fullTask =
    !!taskHeader && taskHeader.columns.has("content") && taskHeader.columns.has("lead") && taskHeader.columns.has("deadline");
  const saysIndicators = byName === "indicators" || titleSaysIndicators;
  const saysAppendix = byName === "appendix" || titleSaysAppendix;

  let role: SheetRole = "other";
  if (saysIndicators && indicatorHeader && (!fullTask || byName === "indicators")) role = "indicators";
  else if (saysAppendix || fullTask) role = "appendix";
  else if (byName === "indicators") role = "indicators";

  if (role === "other") return null;
  let titleYear: number | null = null;
  for (const l of titleLines) {
    const y = yearFromTitle(l);
    if (y !== null) {
      titleYear = y;
      break;
    }
  }
  const head = readSheetHead(headRows(view, firstHeaderRow));
  return {
    index,
    grid,
    view,
    role,
    taskHeader,
    indicatorHeader,
    titleLines,
    titleYear,
    encoding,
    legacySample: sample,
    legacyCells: [],
    head,
  };
}

/**
 * A sheet that is read, in Unicode: decode the legacy cells pasted into it one by one, and find its
 * headers again on the decoded text when a cell changed (a header typed in TCVN3 is a header too).
 */
function withLegacyCells(ctx: AnalysisContext, p: SheetPlan): SheetPlan {
  if (p.encoding !== "unicode") return p;
  const { grid, cells } = decodeLegacyCells(p.grid);
  if (cells.length === 0) return p;
  const view = new SheetView(grid, ctx.texts);
  const taskHeader = findHeader(view, TASK_COLUMNS);
  const indicatorHeader = findHeader(view, INDICATOR_COLUMNS);
  const firstHeaderRow = Math.min(taskHeader?.row ?? Infinity, indicatorHeader?.row ?? Infinity);
  return { ...p, grid, view, taskHeader, indicatorHeader, legacyCells: cells, head: readSheetHead(headRows(view, firstHeaderRow)) };
}

/** The sheet's own title (never the heading block, the attachment line or the plan's heading), else its name. */
function sheetTitle(p: SheetPlan): string {
  return sheetTitleOf(p.head) || p.grid.name;
}

/** A visible sheet that is not phuluc's own: its heading is read (hidden ones are old drafts or copies). */
function isReadableOther(g: Grid | undefined, ignored: ReadonlySet<string>): g is Grid {
  return (
    !!g &&
    typeof g.name === "string" &&
    Array.isArray(g.values) &&
    g.visibility !== "hidden" &&
    g.visibility !== "veryHidden" &&
    !isIgnoredSheet(g.name, ignored)
  );
}

/**
 * Whose document it is: the headings of the sheets read (appendices first, then indicator sheets, then
 * the others), overridden by the settings. A second commune named is a warning where it is named; the
 * unit list follows the commune's kind (a ward's offices for a ward) unless the user made one.
 */
function identifyWorkbook(ctx: AnalysisContext, plans: SheetPlan[], others: SheetHeadAt[], settings: Settings): DocumentIdentity {
  const at = (p: SheetPlan): SheetHeadAt => ({ sheet: p.grid.name, index: p.index, head: p.head });
  const read = readIdentity([
    ...plans.filter((p) => p.role === "appendix").map(at),
    ...plans.filter((p) => p.role === "indicators").map(at),
    ...others,
  ]);
  for (const k of read.conflicts) {
    const o = k.other;
    ctx.issues.add(
      o.index,
      o.sheet,
      "COMMUNE_MISMATCH",
      { row: o.row, col: o.col },
      {
        kind: o.commune.kind,
        name: o.commune.name,
        usedKind: k.used.commune.kind,
        usedName: k.used.commune.name,
        usedSheet: k.used.sheet,
      },
    );
  }
  const identity = resolveIdentity(read.parts, settings);
  ctx.useUnits(unitsFor(settings.units, identity.commune?.kind ?? null));
  return identity;
}
