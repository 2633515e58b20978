/**
 * Report + settings → ReportDoc (pure): the report document's sections drafted from the numbers, in
 * Vietnamese administrative prose. What only people can write (causes, solutions, recommendations) is a
 * marked placeholder, never invented text. Sections:
 *   I.   results: overall, per appendix, per lead unit (table), indicators (table, Đạt / Không đạt);
 *   II.  overdue and late tasks by unit (tables), then causes (placeholder);
 *   III. changes since the last report (Report.changes), or one sentence that there is none to compare;
 *   IV.  tasks due in the coming period (table), then solutions (placeholder);
 *   V.   recommendations (placeholder).
 */
import { reportDocText as T } from "../../i18n/report-doc";
import { formatNumber, formatPercent, verdictWithSign, formatViDate } from "../../i18n/format";
import type { Changes, TaskChange } from "../../core/changes-schema";
import { addDays, daysBetween } from "../../core/dates";
import { UNASSIGNED_UNIT, type Counts, type Indicator, type Report, type Task } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import { isPercentIndicator } from "../summary/sheet-indicators";
import { identityOf } from "../../core/document/identity";
import { planReference } from "../../i18n/document";
import { agencyInProse, recipientLines, reportHeaderOf, signatureOf } from "./header";
import type { DocBlock, DocRow, DocTable, ReportDoc } from "./spec";

/** The coming period of section IV: from the as-of date to this many days after it. */
export const COMING_PERIOD_DAYS = 90;

/**
 * At most this many tasks are listed in one table of the document (the most overdue, the soonest due…);
 * a sentence under the table says how many more there are. A report lists what a meeting reads, and a
 * table of thousands of rows would take the task pane seconds to pack.
 */
export const MAX_LISTED = 300;

/** The first MAX_LISTED of `items` (in the order given) and the note for the rest, if any. */
function listed<T>(items: T[]): { shown: T[]; note: DocBlock | null } {
  if (items.length <= MAX_LISTED) return { shown: items, note: null };
  return {
    shown: items.slice(0, MAX_LISTED),
    note: { kind: "note", text: T.moreNotListed(qty(MAX_LISTED), qty(items.length - MAX_LISTED)) },
  };
}

/**
 * A count in prose, as administrative documents write it: 1–9 with a leading zero ("02 nhiệm vụ"),
 * larger numbers grouped ("1.234").
 */
export function qty(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : formatNumber(n);
}

export const pct = (x: number | null | undefined) => formatPercent(x, "vi");
export const para = (text: string): DocBlock => ({ kind: "paragraph", runs: [{ text }] });
export const heading = (level: 1 | 2 | 3, text: string): DocBlock => ({ kind: "heading", level, text });

/** The plan's name as it reads inside a sentence: a title written in capitals becomes sentence case. */
export function planInProse(title: string): string {
  const t = title.normalize("NFC").replace(/\s+/g, " ").trim();
  if (t !== t.toLocaleUpperCase("vi")) return t;
  // Roman numerals (Phụ lục II) and abbreviations (UBND, KH-UBND) stay in capitals.
  const keep = /^(?:[IVXLC]+|UBND|HĐND|KH|NQ|TW|NĐ|CP|QĐ|BC|KH-UBND|\d.*)[.,:;)]?$/u;
  const words = t.split(" ").map((w, i) => (keep.test(w) && i > 0 ? w : w.toLocaleLowerCase("vi")));
  const lower = words.join(" ");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** A deadline as the report prints it: a date as dd/mm/yyyy, other kinds as written in the plan. */
function deadlineText(t: Task): string {
  if (t.deadline.kind === "date" && t.deadline.due) return formatViDate(t.deadline.due);
  return t.deadline.raw.trim() || (t.deadline.due ? formatViDate(t.deadline.due) : "");
}

const unitOf = (t: Task) => t.lead ?? UNASSIGNED_UNIT;

/** Tasks grouped by lead unit, units in the report's order (then any other), tasks in sheet and row order. */
function byUnit(report: Report, tasks: Task[]): [string, Task[]][] {
  const order = new Map(report.units.map((u, i) => [u.unit, i]));
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.name, i]));
  const groups = new Map<string, Task[]>();
  for (const t of tasks) groups.set(unitOf(t), [...(groups.get(unitOf(t)) ?? []), t]);
  for (const list of groups.values()) list.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row);
  return [...groups].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b, "vi"));
}

function countsRow(c: Counts): string[] {
  return [
    formatNumber(c.total),
    formatNumber(c.done_on_time),
    formatNumber(c.done_late),
    formatNumber(c.in_progress),
    formatNumber(c.overdue),
    formatNumber(c.undetermined),
    formatNumber(c.recurring),
    pct(c.completionRate),
    pct(c.onTimeRate),
  ];
}

function unitTable(report: Report): DocTable {
  const h = T.unitHead;
  return {
    columns: [
      { width: 9, align: "center" },
      { width: 36, align: "left" },
      { width: 12, align: "center" },
      { width: 13, align: "center" },
      { width: 13, align: "center" },
      { width: 13, align: "center" },
      { width: 13, align: "center" },
      { width: 13, align: "center" },
      { width: 13, align: "center" },
      { width: 15, align: "center" },
      { width: 14, align: "center" },
    ],
    head: [
      [
        { text: h.no, rowSpan: 2 },
        { text: h.unit, rowSpan: 2 },
        { text: h.total, rowSpan: 2 },
        { text: h.done, colSpan: 2 },
        { text: h.notDone, colSpan: 3 },
        { text: h.recurring, rowSpan: 2 },
        { text: h.rates, colSpan: 2 },
      ],
      [
        { text: h.onTime },
        { text: h.late },
        { text: h.inTime },
        { text: h.overdue },
        { text: h.noDeadline },
        { text: h.completion },
        { text: h.onTime },
      ],
    ],
    rows: [
      ...report.units.map((u, i): DocRow => {
        const c = countsRow(u);
        // columns: total, done on time, late | in time, overdue, no deadline | recurring | rates
        return { kind: "data", cells: [String(i + 1), u.unit, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]] };
      }),
      ((): DocRow => {
        const c = countsRow(report.total);
        return { kind: "total", cells: ["", T.totalRow, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]] };
      })(),
    ],
  };
}

function indicatorValue(ind: Indicator, n: number | null): string {
  if (n === null) return "—";
  return isPercentIndicator(ind) ? pct(n) : formatNumber(n);
}

function indicatorTarget(ind: Indicator): string {
  const raw = ind.targetRaw?.trim();
  if (raw) return raw;
  if (ind.target === null) return "—";
  return ind.comparator === "<=" ? `${T.atMost} ${indicatorValue(ind, ind.target)}` : indicatorValue(ind, ind.target);
}

const verdictOf = (met: boolean | null) => (met === true ? T.met : met === false ? T.notMet : T.unknownVerdict);

function indicatorTable(report: Report): DocTable {
  const h = T.indicatorHead;
  return {
    columns: [
      { width: 9, align: "center" },
      { width: 52, align: "left" },
      { width: 15, align: "center" },
      { width: 22, align: "center" },
      { width: 18, align: "center" },
      { width: 16, align: "center" },
      { width: 18, align: "center" },
    ],
    head: [
      [
        { text: h.no },
        { text: h.name },
        { text: h.measure },
        { text: h.target },
        { text: h.actual },
        { text: h.rate },
        { text: h.verdict },
      ],
    ],
    rows: report.indicators.map((ind, i) => ({
      kind: "data",
      cells: [
        String(i + 1),
        ind.name,
        ind.unitOfMeasure,
        indicatorTarget(ind),
        indicatorValue(ind, ind.actual),
        ind.achievement === null ? "—" : pct(ind.achievement),
        ind.met === null ? verdictOf(ind.met) : verdictWithSign(verdictOf(ind.met), ind.comparator, indicatorValue(ind, ind.target)),
      ],
    })),
  };
}

/**
 * A table of tasks grouped by unit (a row naming each unit with its count among `all`), numbered 1…
 * across the table.
 */
function taskTable(report: Report, tasks: Task[], all: Task[], last: { title: string; value: (t: Task) => string }): DocTable {
  const h = T.taskHead;
  const rows: DocRow[] = [];
  const perUnit = new Map<string, number>();
  for (const t of all) perUnit.set(unitOf(t), (perUnit.get(unitOf(t)) ?? 0) + 1);
  let n = 0;
  for (const [unit, list] of byUnit(report, tasks)) {
    rows.push({ kind: "group", text: T.unitGroup(unit, qty(perUnit.get(unit) ?? list.length)) });
    for (const t of list) rows.push({ kind: "data", cells: [String(++n), t.content, t.sheet, deadlineText(t), last.value(t)] });
  }
  return {
    columns: [
      { width: 9, align: "center" },
      { width: 70, align: "left" },
      { width: 18, align: "center" },
      { width: 22, align: "center" },
      { width: 20, align: "center" },
    ],
    head: [[{ text: h.no }, { text: h.content }, { text: h.appendix }, { text: h.deadline }, { text: last.title }]],
    rows,
  };
}

function sectionResults(report: Report): DocBlock[] {
  const out: DocBlock[] = [heading(1, T.sectionResults), heading(2, T.overall)];
  const c = report.total;
  if (c.total === 0) out.push(para(T.noTasks));
  else {
    out.push(para(T.totals(qty(c.total), qty(c.recurring), qty(c.total - c.recurring))));
    const done = c.done_on_time + c.done_late;
    out.push(
      para(done ? T.doneLine(qty(done), pct(c.completionRate), qty(c.done_on_time), pct(c.onTimeRate), qty(c.done_late)) : T.noneDone),
    );
    out.push(para(T.inProgressLine(qty(c.in_progress))), para(T.overdueLine(qty(c.overdue))));
    if (c.undetermined) out.push(para(T.undeterminedLine(qty(c.undetermined))));
    if (c.recurring) out.push(para(T.recurringLine(qty(c.recurring))));
    if (report.appendices.length > 1) {
      out.push(para(T.byAppendix));
      for (const a of report.appendices) {
        const name = a.title?.trim() ? `${a.sheet} (${planInProse(a.title)})` : a.sheet;
        const done = qty(a.done_on_time + a.done_late);
        out.push(
          para(
            a.completionRate === null
              ? T.appendixRecurringLine(name, qty(a.total))
              : T.appendixLine(name, qty(a.total), done, qty(a.done_on_time), qty(a.done_late), pct(a.completionRate), qty(a.overdue)),
          ),
        );
      }
    }
  }
  out.push(heading(2, T.byUnit));
  if (c.total > 0) out.push(para(T.byUnitIntro), { kind: "table", table: unitTable(report) }, { kind: "note", text: T.unitNote });
  else out.push(para(T.noTasks));

  out.push(heading(2, T.indicators));
  const inds = report.indicators;
  if (!inds.length) out.push(para(T.noIndicators));
  else {
    const met = inds.filter((i) => i.met === true).length;
    const notMet = inds.filter((i) => i.met === false).length;
    out.push(para(T.indicatorsSummary(qty(inds.length), qty(met), qty(notMet), qty(inds.length - met - notMet))));
    out.push({ kind: "table", table: indicatorTable(report) });
  }
  return out;
}

function sectionProblems(report: Report): DocBlock[] {
  const out: DocBlock[] = [heading(1, T.sectionProblems), heading(2, T.overdueTitle)];
  const overdue = report.tasks.filter((t) => t.status === "overdue");
  if (!overdue.length) out.push(para(T.noOverdue));
  else {
    const units = new Set(overdue.map(unitOf)).size;
    out.push(para(T.overdueIntro(qty(overdue.length), qty(units))));
    const daysOf = (t: Task) => t.daysOverdue ?? (t.deadline.due ? daysBetween(t.deadline.due, report.asOf) : 0);
    const days = (t: Task) => formatNumber(daysOf(t));
    // the most overdue first when the list is cut
    const { shown, note } = listed([...overdue].sort((a, b) => daysOf(b) - daysOf(a)));
    out.push({ kind: "table", table: taskTable(report, shown, overdue, { title: T.taskHead.daysOverdue, value: days }) });
    if (note) out.push(note);
  }
  out.push(heading(2, T.lateTitle));
  const late = report.tasks.filter((t) => t.status === "done_late");
  if (!late.length) out.push(para(T.noLate));
  else {
    out.push(para(T.lateIntro(qty(late.length), qty(new Set(late.map(unitOf)).size))));
    const doneOn = (t: Task) => (t.doneDate ? formatViDate(t.doneDate) : "—");
    // the latest completed first when the list is cut
    const { shown, note } = listed([...late].sort((a, b) => (b.doneDate ?? "").localeCompare(a.doneDate ?? "")));
    out.push({ kind: "table", table: taskTable(report, shown, late, { title: T.taskHead.doneDate, value: doneOn }) });
    if (note) out.push(note);
  }
  if (report.total.undetermined) out.push(para(T.undeterminedNote(qty(report.total.undetermined))));
  out.push(heading(2, T.causesTitle), { kind: "placeholder", text: T.causesPlaceholder });
  return out;
}

function changeText(c: TaskChange): string {
  const k = T.changeKind;
  const date = (s: string | null) => (s ? formatViDate(s) : T.none);
  const unit = (s: string | null) => s ?? UNASSIGNED_UNIT;
  switch (c.kind) {
    case "deadline_moved":
      return k.deadline_moved(date(c.before), date(c.after));
    case "lead_changed":
      return k.lead_changed(unit(c.before), unit(c.after));
    default:
      return k[c.kind]();
  }
}

function sectionChanges(report: Report, changes: Changes | undefined): DocBlock[] {
  const out: DocBlock[] = [heading(1, T.sectionChanges)];
  if (!changes) return [...out, para(T.noEarlier)];
  const since = formatViDate(changes.since.asOf);
  const label = changes.since.label.trim();
  out.push(para(T.changesIntro(since, label && label !== since && label !== changes.since.asOf ? label : null)));
  const n = changes.total;
  const lines: string[] = [];
  if (n.done_on_time + n.done_late) lines.push(T.newlyDone(qty(n.done_on_time + n.done_late), qty(n.done_on_time), qty(n.done_late)));
  if (n.overdue) lines.push(T.newlyOverdue(qty(n.overdue)));
  if (n.deadline_moved) lines.push(T.deadlineMoved(qty(n.deadline_moved)));
  if (n.lead_changed) lines.push(T.leadChanged(qty(n.lead_changed)));
  if (n.added) lines.push(T.added(qty(n.added)));
  if (n.removed) lines.push(T.removed(qty(n.removed)));
  if (!lines.length && !changes.indicators.length) return [...out, para(T.noChanges)];
  out.push(...lines.map(para));
  if (changes.tasks.length) {
    const h = T.changeHead;
    const { shown, note } = listed(changes.tasks);
    out.push({
      kind: "table",
      table: {
        columns: [
          { width: 9, align: "center" },
          { width: 68, align: "left" },
          { width: 32, align: "left" },
          { width: 40, align: "left" },
        ],
        head: [[{ text: h.no }, { text: h.content }, { text: h.lead }, { text: h.change }]],
        rows: shown.map((c, i) => ({ kind: "data", cells: [String(i + 1), c.content, c.lead ?? UNASSIGNED_UNIT, changeText(c)] })),
      },
    });
    if (note) out.push(note);
  }
  if (changes.indicators.length) {
    out.push(para(T.indicatorChangesIntro));
    for (const c of changes.indicators) {
      const ind = report.indicators.find((i) => i.sheet === c.sheet && i.row === c.row);
      const value = (v: number | null) => (v === null ? T.none : ind ? indicatorValue(ind, v) : formatNumber(v));
      const verdict = c.metBefore !== c.metAfter ? T.verdictMoved(verdictOf(c.metBefore), verdictOf(c.metAfter)) : null;
      out.push(para(T.indicatorChange(c.name, value(c.actualBefore), value(c.actualAfter), verdict)));
    }
  }
  return out;
}

function sectionNext(report: Report): DocBlock[] {
  const out: DocBlock[] = [heading(1, T.sectionNext), heading(2, T.upcomingTitle)];
  const from = report.asOf;
  const to = addDays(from, COMING_PERIOD_DAYS);
  const sheetOrder = new Map(report.sheets.map((s, i) => [s.name, i]));
  const upcoming = report.tasks
    .filter((t) => t.status === "in_progress" && t.deadline.due && t.deadline.due >= from && t.deadline.due <= to)
    .sort(
      (a, b) =>
        a.deadline.due!.localeCompare(b.deadline.due!) || (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row,
    );
  if (!upcoming.length) out.push(para(T.noUpcoming(formatViDate(from), formatViDate(to))));
  else {
    out.push(para(T.upcomingIntro(formatViDate(from), formatViDate(to), qty(upcoming.length))));
    const h = T.upcomingHead;
    const { shown, note } = listed(upcoming);
    out.push({
      kind: "table",
      table: {
        columns: [
          { width: 9, align: "center" },
          { width: 78, align: "left" },
          { width: 38, align: "left" },
          { width: 24, align: "center" },
        ],
        head: [[{ text: h.no }, { text: h.content }, { text: h.lead }, { text: h.deadline }]],
        rows: shown.map((t, i) => ({ kind: "data", cells: [String(i + 1), t.content, unitOf(t), deadlineText(t)] })),
      },
    });
    if (note) out.push(note);
  }
  if (report.total.recurring) out.push(para(T.recurringGoOn(qty(report.total.recurring))));
  out.push(heading(2, T.solutionsTitle), { kind: "placeholder", text: T.solutionsPlaceholder });
  return out;
}

/** The identity with its plan's title as it reads in a sentence (a title in capitals in sentence case). */
function inProse(identity: ReturnType<typeof identityOf>): ReturnType<typeof identityOf> {
  const title = identity.plan.title;
  return title ? { ...identity, plan: { ...identity.plan, title: planInProse(title) } } : identity;
}

export function buildReportDoc(report: Report, settings: Settings): ReportDoc {
  const identity = inProse(identityOf(report, settings));
  // The subject names the plan and its commune; the sentences name the commune themselves.
  const subject = planReference(identity, "short");
  const plan = planReference(identity, "none");
  const agency = agencyInProse(identity);
  const body: DocBlock[] = [
    para(T.opening(plan, agency, formatViDate(report.asOf))),
    ...sectionResults(report),
    ...sectionProblems(report),
    ...sectionChanges(report, report.changes),
    ...sectionNext(report),
    heading(1, T.sectionProposals),
    { kind: "placeholder", text: T.proposalsPlaceholder },
    para(T.closing(plan, agency)),
  ];
  return {
    header: reportHeaderOf(settings, identity, report.asOf),
    title: T.title,
    subject: [T.subject(subject)],
    body,
    recipients: { title: T.recipientsTitle, lines: recipientLines(settings, identity) },
    signature: signatureOf(settings),
    fileName: T.fileName(report.asOf),
  };
}
