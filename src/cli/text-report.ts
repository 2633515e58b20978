/** The report as plain text for the terminal (`phuluc check` without --json), in Vietnamese or English. */
import { fromA1 } from "../core/a1";
import type { Counts, Indicator, Issue, Report } from "../core/report-schema";
import { TASK_CHANGE_KINDS, type Changes, type IndicatorChange, type TaskChange } from "../core/changes-schema";
import { REPORT_TEXTS } from "../i18n/cli";
import { renderIssueBody } from "../i18n/issues";
import { planReference } from "../i18n/document";
import { proposalLines } from "../i18n/settings";
import { renderTable, truncateWidth, type Column } from "./table";
import { COMPARATOR_SIGNS, formatNumber, formatPercent, sheetRef, formatViDate } from "../i18n/format";

export { formatNumber, formatPercent, sheetRef };

type Texts = (typeof REPORT_TEXTS)["vi"];
type Lang = keyof typeof REPORT_TEXTS;

function issueLine(T: Texts, lang: Lang, issue: Issue): string {
  const where = issue.cell ? `${sheetRef(issue.sheet)}!${issue.cell}` : `${sheetRef(issue.sheet)} ${T.wholeSheet}`;
  const message = renderIssueBody(issue, lang).trim();
  const parts = [where, message];
  if (issue.suggestion && !message.includes(issue.suggestion)) parts.push(T.suggestion(issue.suggestion));
  return `${T.severity[issue.severity]}: ${parts.join(" — ")}`;
}

function position(issue: Issue): [number, number] {
  const a = issue.cell ? fromA1(issue.cell) : null;
  return a ? [a.row, a.col] : [0, 0];
}

/**
 * The issues, by sheet in workbook order (sheets the report lists first, then any other), each sheet's by
 * cell. Issues are grouped in one pass (not filtered once per sheet: 10,000 sheets would make it
 * quadratic), and lines are yielded one by one (a million issues are never one array of lines).
 */
function* issuesSection(T: Texts, lang: Lang, report: Report): Generator<string> {
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  yield T.issuesTitle(errors, warnings);
  if (report.issues.length === 0) {
    yield T.noIssues;
    return;
  }
  const bySheet = new Map<string, { issue: Issue; idx: number }[]>();
  for (const s of report.sheets) bySheet.set(s.name, []);
  report.issues.forEach((issue, idx) => {
    const list = bySheet.get(issue.sheet);
    if (list) list.push({ issue, idx });
    else bySheet.set(issue.sheet, [{ issue, idx }]);
  });
  for (const [sheet, entries] of bySheet) {
    if (entries.length === 0) continue;
    const list = entries
      .map((x) => ({ ...x, at: position(x.issue) }))
      .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.idx - b.idx)
      .map((x) => x.issue);
    const e = list.filter((i) => i.severity === "error").length;
    yield "";
    yield T.sheetHeading(sheet, e, list.length - e);
    for (const i of list) yield "  " + issueLine(T, lang, i);
  }
}

const COUNT_KEYS = ["total", "done_on_time", "done_late", "in_progress", "overdue", "recurring", "undetermined"] as const;

function countCells(c: Counts, lang: Lang): string[] {
  return [...COUNT_KEYS.map((k) => String(c[k])), formatPercent(c.completionRate, lang), formatPercent(c.onTimeRate, lang)];
}

function countColumns(T: Texts, first: string): Column[] {
  return [
    { header: first, align: "left", max: 44 },
    ...COUNT_KEYS.map((k) => ({ header: T.col[k], align: "right" as const })),
    { header: T.col.completionRate, align: "right" },
    { header: T.col.onTimeRate, align: "right" },
  ];
}

function unitsSection(T: Texts, lang: Lang, report: Report): string[] {
  const out = [T.unitsTitle];
  if (report.tasks.length === 0 && report.units.every((u) => u.total === 0)) return [...out, T.noTasks];
  const rows = report.units.map((u) => [u.unit, ...countCells(u, lang)]);
  out.push(...renderTable(countColumns(T, T.col.unit), rows, [T.totalRow, ...countCells(report.total, lang)]));
  return out;
}

function appendicesSection(T: Texts, lang: Lang, report: Report): string[] {
  if (report.appendices.length === 0) return [];
  const rows = report.appendices.map((a) => [a.sheet, ...countCells(a, lang)]);
  return [T.appendicesTitle, ...renderTable(countColumns(T, T.col.sheet), rows)];
}

function formatIndicatorValue(lang: Lang, v: number | null, unit: string, raw?: string): string {
  if (v === null) return raw?.trim() ? raw.trim() : "—";
  return unit.includes("%") ? formatPercent(v, lang) : formatNumber(v, lang);
}

function indicatorsSection(T: Texts, lang: Lang, report: Report): string[] {
  if (report.indicators.length === 0) return [];
  const rows = report.indicators.map((i: Indicator) => [
    i.name,
    i.unitOfMeasure,
    // a target that could not be read (or a relative one without its base year) shows as written, without a comparator
    (i.target === null && i.targetRaw?.trim() ? "" : `${COMPARATOR_SIGNS[i.comparator]} `) +
      formatIndicatorValue(lang, i.target, i.unitOfMeasure, i.targetRaw),
    formatIndicatorValue(lang, i.actual, i.unitOfMeasure),
    formatPercent(i.achievement, lang),
    i.met === null ? T.ind.unknown : i.met ? T.ind.yes : T.ind.no,
  ]);
  const cols: Column[] = [
    { header: T.ind.name, align: "left", max: 60 },
    { header: T.ind.unit, align: "left", max: 14 },
    { header: T.ind.target, align: "right" },
    { header: T.ind.actual, align: "right" },
    { header: T.ind.achievement, align: "right" },
    { header: T.ind.met, align: "left" },
  ];
  return [T.indicatorsTitle, ...renderTable(cols, rows)];
}

function changeValue(T: Texts, c: TaskChange, v: string | null, side: "before" | "after"): string {
  if (c.kind === "deadline_moved") return v ? formatViDate(v) : T.noDeadline;
  if (c.kind === "lead_changed") return v ?? T.unassigned;
  if (c.kind === "removed" && side === "after") return T.gone;
  if (v === null) return "—";
  return (T.statusLabels as Record<string, string>)[v] ?? v;
}

function changeLine(T: Texts, c: TaskChange): string {
  const where = c.cell ? `${sheetRef(c.sheet)}!${c.cell}` : T.rowOf(c.sheet, c.row);
  const parts = [where];
  if (c.stt.trim()) parts.push(T.sttLabel(c.stt.trim()));
  parts.push(truncateWidth(c.content.replace(/\s+/g, " ").trim(), 80));
  if (c.kind === "added") parts.push(changeValue(T, c, c.after, "after"));
  else parts.push(`${changeValue(T, c, c.before, "before")} → ${changeValue(T, c, c.after, "after")}`);
  return "    " + parts.join(" — ");
}

function indicatorValue(lang: Lang, report: Report, c: IndicatorChange, v: number | null): string {
  const ind = report.indicators.find((i) => i.sheet === c.sheet && i.row === c.row);
  return formatIndicatorValue(lang, v, ind?.unitOfMeasure ?? "");
}

function changesSection(T: Texts, lang: Lang, report: Report, changes: Changes): string[] {
  const out = [T.changesTitle(changes.since.source, changes.since.label, formatViDate(changes.since.asOf))];
  if (changes.tasks.length === 0) out.push(T.noChanges);
  else {
    out.push(
      TASK_CHANGE_KINDS.filter((k) => changes.total[k] > 0)
        .map((k) => `${T.changeKinds[k]}: ${changes.total[k]}`)
        .join("; "),
    );
    for (const kind of TASK_CHANGE_KINDS) {
      const list = changes.tasks.filter((c) => c.kind === kind);
      if (!list.length) continue;
      out.push("", "  " + T.changeKindHeading(T.changeKinds[kind], list.length));
      for (const c of list) out.push(changeLine(T, c));
    }
    const cols: Column[] = [
      { header: T.col.unit, align: "left", max: 44 },
      ...TASK_CHANGE_KINDS.map((k) => ({ header: T.changeKinds[k], align: "right" as const })),
    ];
    const rows = changes.byUnit.map((u) => [u.unit, ...TASK_CHANGE_KINDS.map((k) => String(u[k]))]);
    out.push("", T.changeUnitsTitle, ...renderTable(cols, rows, [T.totalRow, ...TASK_CHANGE_KINDS.map((k) => String(changes.total[k]))]));
  }
  if (changes.indicators.length) {
    out.push("", T.indicatorChangesTitle);
    for (const c of changes.indicators) {
      const verdict = (m: boolean | null) => (m === null ? T.ind.unknown : m ? T.ind.yes : T.ind.no);
      out.push(
        `    ${truncateWidth(c.name, 70)} — ${indicatorValue(lang, report, c, c.actualBefore)} (${verdict(c.metBefore)}) → ${indicatorValue(lang, report, c, c.actualAfter)} (${verdict(c.metAfter)})`,
      );
    }
  }
  return out;
}

export interface TextReportOptions {
  /** The file name shown in the heading. */
  file?: string;
  /** Language of the report (default Vietnamese). */
  lang?: Lang;
}

/** The whole report as text lines joined with "\n" (ends with a newline). */
export function renderTextReport(report: Report, options: TextReportOptions = {}): string {
  const out: string[] = [];
  for (const line of textReportLines(report, options)) out.push(line);
  return out.join("\n") + "\n";
}

/** The report's lines, one at a time (the CLI writes them in blocks as they come). */
export function* textReportLines(report: Report, options: TextReportOptions = {}): Generator<string> {
  const lang: Lang = options.lang === "en" ? "en" : "vi";
  const T = REPORT_TEXTS[lang];
  yield* headLines(T, report, options.file);
  yield "";
  yield* issuesSection(T, lang, report);
  yield "";
  yield* unitsSection(T, lang, report);
  // Most leads match no unit: the list the plan's own lead column proposes, and how to adopt it.
  if (report.unitProposal) yield* ["", ...proposalLines(report.unitProposal, lang, options.file ?? "FILE")];
  const app = appendicesSection(T, lang, report);
  if (app.length) yield* ["", ...app];
  yield "";
  yield T.legend;
  const ind = indicatorsSection(T, lang, report);
  if (ind.length) yield* ["", ...ind];
  if (report.changes) yield* ["", ...changesSection(T, lang, report, report.changes)];
  const errors = report.issues.filter((i) => i.severity === "error").length;
  yield "";
  yield errors ? T.footerErrors(errors) : T.footerOk;
}

/** The title, the file, the as-of date and the sheets read. */
function headLines(T: Texts, report: Report, file: string | undefined): string[] {
  const out: string[] = [T.reportTitle];
  if (file) out.push(T.fileLine(file));
  if (report.identity) out.push(T.planTitle(planReference(report.identity, "short")));
  else if (report.planTitle) out.push(T.planTitle(report.planTitle));
  out.push(T.asOfLine(formatViDate(report.asOf), report.planYear));
  const appendices = report.sheets.filter((s) => s.role === "appendix");
  const indicatorSheets = report.sheets.filter((s) => s.role === "indicators");
  out.push("");
  if (appendices.length === 0) out.push(T.noAppendix);
  else {
    out.push(T.tasksLine(report.tasks.length, appendices.length));
    for (const s of appendices) {
      out.push(T.sheetTasks(s.name, s.taskCount, truncateWidth(s.title.replace(/\s+/g, " ").trim(), 90)));
      if (s.encoding !== "unicode") out.push(T.legacySheet(s.name, s.encoding));
    }
  }
  if (indicatorSheets.length) out.push(T.indicatorSheets(indicatorSheets.map((s) => s.name).join(", ")));
  const skipped = report.skippedSheets ?? [];
  if (skipped.length) out.push(T.skippedSheets(skipped.map((s) => s.name).join(", ")));
  return out;
}
