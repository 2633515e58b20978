/**
 * "… - Thay đổi": what changed since the snapshot compared with (report.changes) — counts per lead unit,
 * the tasks that changed under one heading per kind (green newly done, red newly overdue, amber deadline
 * moved), then the indicators whose actual or verdict moved. One column layout for the three tables.
 */
import { summaryText } from "../../i18n/summary";
import { formatNumber, formatPercent, formatViDate } from "../../i18n/format";
import { TASK_CHANGE_KINDS, type Changes, type ChangeCounts, type TaskChange, type TaskChangeKind } from "../../core/changes-schema";
import { UNASSIGNED_UNIT, type StatusCategory } from "../../core/report-schema";
import { SheetBuilder } from "./sheet-builder";
import { TAB_COLOR, type Tone } from "./styles";
import { addLegend, addTitleBlock, CONTENT_ROW, type SummaryContext } from "./title";
import { reportPrint } from "./print";
import { isPercentIndicator } from "./sheet-indicators";

export const CHANGES_KEY = "summary_changes";
export const CHANGE_COLUMNS = 11;
/** Columns of the task list; the unit table puts its name in 2–4 and one count per kind in 5–11. */
export const CHANGE_COL = {
  no: 1,
  sheet: 2,
  stt: 3,
  content: 4,
  lead: 5,
  before: 6,
  beforeEnd: 8,
  after: 9,
  afterEnd: 11,
  firstKind: 5,
} as const;

/** The highlight of a kind of change (domain: green newly done, red newly overdue, amber deadline moved). */
export function changeTone(kind: TaskChangeKind): Tone | undefined {
  if (kind === "done_on_time" || kind === "done_late") return "green";
  if (kind === "overdue") return "red";
  if (kind === "deadline_moved") return "amber";
  return undefined;
}

const STATUS_SET = new Set<string>(["done_on_time", "done_late", "in_progress", "overdue", "recurring", "undetermined"]);

/** A before/after value as the sheet shows it: a status label, a date, a unit name. */
export function changeValueText(c: TaskChange, value: string | null, side: "before" | "after"): string {
  if (c.kind === "deadline_moved") return value ? formatViDate(value) : summaryText.noDeadline;
  if (c.kind === "lead_changed") return value ?? UNASSIGNED_UNIT;
  if (c.kind === "removed" && side === "after") return summaryText.removedAfter;
  if (value === null) return "—";
  return STATUS_SET.has(value) ? summaryText.categories[value as StatusCategory] : value;
}

function unitNames(ctx: SummaryContext, changes: Changes): string[] {
  const names: string[] = [];
  for (const u of ctx.settings.units) if (!names.includes(u.name) && u.name !== UNASSIGNED_UNIT) names.push(u.name);
  for (const u of changes.byUnit) if (!names.includes(u.unit) && u.unit !== UNASSIGNED_UNIT) names.push(u.unit);
  if (changes.byUnit.some((u) => u.unit === UNASSIGNED_UNIT)) names.push(UNASSIGNED_UNIT);
  return names;
}

function indicatorValue(ctx: SummaryContext, sheet: string, row: number, v: number | null, met: boolean | null): string {
  const ind = ctx.report.indicators.find((i) => i.sheet === sheet && i.row === row);
  const value = v === null ? "—" : ind && isPercentIndicator(ind) ? formatPercent(v) : formatNumber(v);
  const verdict = met === true ? summaryText.met : met === false ? summaryText.notMet : summaryText.unknownVerdict;
  return `${value} — ${verdict}`;
}

/** The title block and the line that says what is compared with; returns the first row after them. */
function changesHeading(b: SheetBuilder, ctx: SummaryContext, changes: Changes): number {
  const since = formatViDate(changes.since.asOf);
  addTitleBlock(b, ctx, { left: [1, 4], right: [5, CHANGE_COLUMNS], columns: CHANGE_COLUMNS }, summaryText.titleChanges(since));
  const note = changes.since.source === "snapshot" ? summaryText.sinceSnapshot(since) : summaryText.sinceFile(changes.since.label, since);
  b.mergeSet(CONTENT_ROW, 1, CHANGE_COLUMNS, note, b.style("legendText"));
  return CONTENT_ROW + 2;
}

/** I. The counts per lead unit (one column per kind of change), then the total; returns the next row. */
function unitCountsTable(b: SheetBuilder, row: number, ctx: SummaryContext, changes: Changes): number {
  let r = row;
  const h = b.style("header");
  b.mergeSet(r++, 1, CHANGE_COLUMNS, summaryText.sectionChangeUnits, b.style("section"));
  b.set(r, CHANGE_COL.no, summaryText.colNo, h);
  b.mergeSet(r, 2, 4, summaryText.colUnit, h);
  TASK_CHANGE_KINDS.forEach((k, i) => b.set(r, CHANGE_COL.firstKind + i, summaryText.changeKinds[k], h));
  r++;
  const counts = new Map(changes.byUnit.map((u) => [u.unit, u as ChangeCounts]));
  const countsRow = (no: number | null, unit: string, c: ChangeCounts | undefined, bold: boolean) => {
    b.set(r, CHANGE_COL.no, no, b.style("center", { bold }));
    b.mergeSet(r, 2, 4, unit, b.style("text", { bold }));
    TASK_CHANGE_KINDS.forEach((k, i) => {
      const v = c?.[k] ?? 0;
      b.set(r, CHANGE_COL.firstKind + i, v, b.style("int", { bold, tone: v > 0 ? changeTone(k) : undefined }));
    });
    r++;
  };
  unitNames(ctx, changes).forEach((unit, i) => countsRow(i + 1, unit, counts.get(unit), false));
  countsRow(null, summaryText.totalRow, changes.total, true);
  return r;
}

/** The task list's header row (its row is repeated on every printed page). */
function taskListHeader(b: SheetBuilder, r: number): void {
  const h = b.style("header");
  b.set(r, CHANGE_COL.no, summaryText.colNo, h);
  b.set(r, CHANGE_COL.sheet, summaryText.colSheet, h);
  b.set(r, CHANGE_COL.stt, summaryText.colStt, h);
  b.set(r, CHANGE_COL.content, summaryText.colContent, h);
  b.set(r, CHANGE_COL.lead, summaryText.colLead, h);
  b.mergeSet(r, CHANGE_COL.before, CHANGE_COL.beforeEnd, summaryText.colBefore, h);
  b.mergeSet(r, CHANGE_COL.after, CHANGE_COL.afterEnd, summaryText.colAfter, h);
}

/** One changed task, in the tone of its kind. */
function taskChangeRow(b: SheetBuilder, r: number, no: number, c: TaskChange, tone: Tone | undefined): void {
  b.set(r, CHANGE_COL.no, no, b.style("int", { tone }));
  b.set(r, CHANGE_COL.sheet, c.sheet, b.style("center", { tone }));
  b.set(r, CHANGE_COL.stt, c.stt, b.style("center", { tone }));
  b.set(r, CHANGE_COL.content, c.content, b.style("text", { tone }));
  b.set(r, CHANGE_COL.lead, c.lead ?? UNASSIGNED_UNIT, b.style("text", { tone }));
  b.mergeSet(r, CHANGE_COL.before, CHANGE_COL.beforeEnd, changeValueText(c, c.before, "before"), b.style("center", { tone }));
  b.mergeSet(r, CHANGE_COL.after, CHANGE_COL.afterEnd, changeValueText(c, c.after, "after"), b.style("center", { tone, bold: !!tone }));
}

/** II. The tasks that changed, under one heading per kind; returns the next row and the list's header row. */
function taskChangeList(b: SheetBuilder, row: number, changes: Changes): { next: number; headerRow: number } {
  let r = row;
  b.mergeSet(r++, 1, CHANGE_COLUMNS, summaryText.sectionChangeList, b.style("section"));
  const headerRow = r;
  taskListHeader(b, r++);
  if (!changes.tasks.length) b.mergeSet(r++, 1, CHANGE_COLUMNS, summaryText.noChanges, b.style("text"));
  let heading = 0;
  for (const kind of TASK_CHANGE_KINDS) {
    const list = changes.tasks.filter((c) => c.kind === kind);
    if (!list.length) continue;
    const title = summaryText.changeKindHeading(++heading, summaryText.changeKinds[kind], list.length);
    b.mergeSet(r++, 1, CHANGE_COLUMNS, title, b.style("subhead"));
    const tone = changeTone(kind);
    list.forEach((c, i) => taskChangeRow(b, r++, i + 1, c, tone));
  }
  return { next: r, headerRow };
}

/** III. The indicators whose actual or verdict moved (green newly met, red newly not met); returns the next row. */
function indicatorChangeTable(b: SheetBuilder, row: number, ctx: SummaryContext, changes: Changes): number {
  let r = row;
  const h = b.style("header");
  b.mergeSet(r++, 1, CHANGE_COLUMNS, summaryText.sectionChangeIndicators, b.style("section"));
  b.set(r, CHANGE_COL.no, summaryText.colNo, h);
  b.mergeSet(r, 2, 5, summaryText.colIndicator, h);
  b.mergeSet(r, CHANGE_COL.before, CHANGE_COL.beforeEnd, summaryText.colBefore, h);
  b.mergeSet(r, CHANGE_COL.after, CHANGE_COL.afterEnd, summaryText.colAfter, h);
  r++;
  if (!changes.indicators.length) b.mergeSet(r++, 1, CHANGE_COLUMNS, summaryText.noIndicatorChanges, b.style("text"));
  changes.indicators.forEach((c, i) => {
    const tone: Tone | undefined =
      c.metAfter === true && c.metBefore !== true ? "green" : c.metAfter === false && c.metBefore !== false ? "red" : undefined;
    const before = indicatorValue(ctx, c.sheet, c.row, c.actualBefore, c.metBefore);
    const after = indicatorValue(ctx, c.sheet, c.row, c.actualAfter, c.metAfter);
    b.set(r, CHANGE_COL.no, i + 1, b.style("int", { tone }));
    b.mergeSet(r, 2, 5, c.name, b.style("text", { tone }));
    b.mergeSet(r, CHANGE_COL.before, CHANGE_COL.beforeEnd, before, b.style("center", { tone }));
    b.mergeSet(r, CHANGE_COL.after, CHANGE_COL.afterEnd, after, b.style("center", { tone, bold: !!tone }));
    r++;
  });
  return r;
}

const CHANGE_WIDTHS = [
  { min: 5, max: 6 },
  { min: 9, max: 14 },
  { min: 6, max: 8 },
  { min: 30, max: 50 },
  { min: 16, max: 24 },
  ...Array.from({ length: 6 }, () => ({ min: 10, max: 12 })),
];

export function buildChangesSheet(ctx: SummaryContext, name: string, changes: Changes) {
  const b = new SheetBuilder(CHANGES_KEY, name);
  const afterHeading = changesHeading(b, ctx, changes);
  const afterUnits = unitCountsTable(b, afterHeading, ctx, changes);
  const list = taskChangeList(b, afterUnits + 1, changes);
  const afterIndicators = indicatorChangeTable(b, list.next + 1, ctx, changes);
  const last = addLegend(b, afterIndicators + 1, CHANGE_COLUMNS, [
    { fill: "green", text: summaryText.legendNewlyDone },
    { fill: "red", text: summaryText.legendNewlyOverdue },
    { fill: "amber", text: summaryText.legendDeadlineMoved },
  ]);
  return b.build({
    columns: CHANGE_COLUMNS,
    widthRules: CHANGE_WIDTHS,
    print: reportPrint(list.headerRow, last, CHANGE_COLUMNS),
    tabColor: TAB_COLOR,
  });
}
