/** "… - Quá hạn": the overdue tasks, then the tasks due within DUE_SOON_DAYS of the as-of date. */
import { summaryText } from "../../i18n/summary";
import { UNASSIGNED_UNIT, type Task } from "../../core/report-schema";
import { daysBetween } from "../../core/dates";
import { DUE_SOON_DAYS, dueSoonDays } from "../../core/due-soon";
import { SheetBuilder } from "./sheet-builder";
import { TAB_COLOR, type Tone } from "./styles";
import { addLegend, addTitleBlock, CONTENT_ROW, type SummaryContext } from "./title";
import { reportPrint } from "./print";

export const DEADLINES_KEY = "summary_deadlines";
export const DEADLINE_COLUMNS = 9;
export const DEADLINE_COL = { no: 1, sheet: 2, stt: 3, content: 4, lead: 5, deadline: 6, due: 7, days: 8, status: 9 } as const;

export interface DeadlineRow {
  task: Task;
  /** Days overdue (overdue list) or days left (due-soon list). */
  days: number;
}

function sheetOrder(ctx: SummaryContext): (sheet: string) => number {
  const order = new Map<string, number>();
  ctx.report.sheets.forEach((s, i) => order.set(s.name, i));
  return (s) => order.get(s) ?? Number.MAX_SAFE_INTEGER;
}

/** Overdue tasks, most overdue first. */
export function overdueRows(ctx: SummaryContext): DeadlineRow[] {
  const ord = sheetOrder(ctx);
  return ctx.report.tasks
    .filter((t) => t.status === "overdue")
    .map((task) => {
      const computed = task.deadline.due ? daysBetween(task.deadline.due, ctx.asOf) : NaN;
      return { task, days: task.daysOverdue ?? (Number.isFinite(computed) ? computed : 0) };
    })
    .sort((a, b) => b.days - a.days || ord(a.task.sheet) - ord(b.task.sheet) || a.task.row - b.task.row);
}

/** Not done, in time, and due within DUE_SOON_DAYS days (today included), soonest first. */
export function dueSoonRows(ctx: SummaryContext): DeadlineRow[] {
  const ord = sheetOrder(ctx);
  const rows: DeadlineRow[] = [];
  for (const task of ctx.report.tasks) {
    const left = dueSoonDays(task, ctx.asOf);
    if (left !== null) rows.push({ task, days: left });
  }
  return rows.sort((a, b) => a.days - b.days || ord(a.task.sheet) - ord(b.task.sheet) || a.task.row - b.task.row);
}

export function leadLabel(task: Task): string {
  return task.lead ?? (task.leadRaw.trim() || UNASSIGNED_UNIT);
}

function taskRow(b: SheetBuilder, row: number, no: number, r: DeadlineRow, tone: Tone): void {
  const t = r.task;
  const text = b.style("text", { tone });
  const center = b.style("center", { tone });
  b.set(row, DEADLINE_COL.no, no, b.style("int", { tone }));
  b.set(row, DEADLINE_COL.sheet, t.sheet, center);
  b.set(row, DEADLINE_COL.stt, t.stt, center);
  b.set(row, DEADLINE_COL.content, t.content, text);
  b.set(row, DEADLINE_COL.lead, leadLabel(t), text);
  b.set(row, DEADLINE_COL.deadline, t.deadline.raw, center);
  b.set(row, DEADLINE_COL.due, t.deadline.due ? { date: t.deadline.due } : null, b.style("date", { tone }));
  b.set(row, DEADLINE_COL.days, r.days, b.style("int", { tone }));
  b.set(row, DEADLINE_COL.status, t.statusRaw.trim() || summaryText.statusEmpty, center);
}

export function buildDeadlinesSheet(ctx: SummaryContext, name: string) {
  const b = new SheetBuilder(DEADLINES_KEY, name);
  addTitleBlock(b, ctx, { left: [1, 4], right: [5, DEADLINE_COLUMNS], columns: DEADLINE_COLUMNS }, summaryText.titleDeadlines);
  let r = CONTENT_ROW;
  const headerRow = r;
  const h = b.style("header");
  const titles = [
    summaryText.colNo,
    summaryText.colSheet,
    summaryText.colStt,
    summaryText.colContent,
    summaryText.colLead,
    summaryText.colDeadline,
    summaryText.colDue,
    summaryText.colDays,
    summaryText.colStatus,
  ];
  titles.forEach((t, i) => b.set(r, i + 1, t, h));
  r++;

  const overdue = overdueRows(ctx);
  b.mergeSet(r++, 1, DEADLINE_COLUMNS, summaryText.sectionOverdue(overdue.length), b.style("subhead"));
  if (!overdue.length) b.mergeSet(r++, 1, DEADLINE_COLUMNS, summaryText.noneOverdue, b.style("text"));
  overdue.forEach((o, i) => taskRow(b, r++, i + 1, o, "red"));

  const soon = dueSoonRows(ctx);
  b.mergeSet(r++, 1, DEADLINE_COLUMNS, summaryText.sectionDueSoon(DUE_SOON_DAYS, soon.length), b.style("subhead"));
  if (!soon.length) b.mergeSet(r++, 1, DEADLINE_COLUMNS, summaryText.noneDueSoon, b.style("text"));
  soon.forEach((o, i) => taskRow(b, r++, i + 1, o, "amber"));

  r++;
  const last = addLegend(b, r, DEADLINE_COLUMNS, [
    { fill: "red", text: summaryText.legendOverdue },
    { fill: "amber", text: summaryText.legendDueSoon(DUE_SOON_DAYS) },
  ]);

  return b.build({
    columns: DEADLINE_COLUMNS,
    widthRules: [
      { min: 5, max: 6 },
      { min: 9, max: 16 },
      { min: 6, max: 8 },
      { min: 30, max: 55 },
      { min: 16, max: 28 },
      { min: 12, max: 20 },
      { min: 12, max: 12 },
      { min: 12, max: 14 },
      { min: 13, max: 20 },
    ],
    print: reportPrint(headerRow, last, DEADLINE_COLUMNS),
    tabColor: TAB_COLOR,
  });
}
