/** The report as Vietnamese plain text for the terminal (`phuluc check` without --json). */
import { fromA1 } from "../core/a1";
import type { Counts, Indicator, Issue, Report } from "../core/report-schema";
import { cliTexts as T } from "../i18n/cli";
import { renderTable, truncateWidth, type Column } from "./table";

/** 0.857 → "85,7%"; null → "—". Vietnamese decimal comma. */
export function formatPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = (Math.round(v * 1000) / 10).toFixed(1).replace(/\.0$/, "");
  return s.replace(".", ",") + "%";
}

/** A number as Vietnamese text: 1234.5 → "1.234,5". */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const rounded = Math.round(v * 100) / 100;
  const [int, frac] = Math.abs(rounded).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (rounded < 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** "2026-11-24" → "24/11/2026". */
export function formatIsoVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Sheet reference as Excel writes it: quoted when the name is not a plain identifier. */
export function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function issueLine(issue: Issue): string {
  const where = issue.cell ? `${sheetRef(issue.sheet)}!${issue.cell}` : `${sheetRef(issue.sheet)} ${T.wholeSheet}`;
  const parts = [where, issue.message.trim()];
  if (issue.suggestion && !issue.message.includes(issue.suggestion)) parts.push(T.suggestion(issue.suggestion));
  return `${T.severity[issue.severity]}: ${parts.join(" — ")}`;
}

function position(issue: Issue): [number, number] {
  const a = issue.cell ? fromA1(issue.cell) : null;
  return a ? [a.row, a.col] : [0, 0];
}

function issuesSection(report: Report): string[] {
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  const out = [T.issuesTitle(errors, warnings)];
  if (report.issues.length === 0) return [...out, T.noIssues];
  // Group by sheet, in workbook order (sheets the report lists first, then any other).
  const order = report.sheets.map((s) => s.name);
  for (const i of report.issues) if (!order.includes(i.sheet)) order.push(i.sheet);
  for (const sheet of order) {
    const list = report.issues
      .map((issue, idx) => ({ issue, idx }))
      .filter((x) => x.issue.sheet === sheet)
      .sort((a, b) => {
        const [ra, ca] = position(a.issue);
        const [rb, cb] = position(b.issue);
        return ra - rb || ca - cb || a.idx - b.idx;
      })
      .map((x) => x.issue);
    if (list.length === 0) continue;
    const e = list.filter((i) => i.severity === "error").length;
    out.push("", T.sheetHeading(sheet, e, list.length - e));
    for (const i of list) out.push("  " + issueLine(i));
  }
  return out;
}

const COUNT_KEYS = ["total", "done_on_time", "done_late", "in_progress", "overdue", "recurring", "undetermined"] as const;

function countCells(c: Counts): string[] {
  return [...COUNT_KEYS.map((k) => String(c[k])), formatPercent(c.completionRate), formatPercent(c.onTimeRate)];
}

function countColumns(first: string): Column[] {
  return [
    { header: first, align: "left", max: 44 },
    ...COUNT_KEYS.map((k) => ({ header: T.col[k], align: "right" as const })),
    { header: T.col.completionRate, align: "right" },
    { header: T.col.onTimeRate, align: "right" },
  ];
}

function unitsSection(report: Report): string[] {
  const out = [T.unitsTitle];
  if (report.tasks.length === 0 && report.units.every((u) => u.total === 0)) return [...out, T.noTasks];
  const rows = report.units.map((u) => [u.unit, ...countCells(u)]);
  out.push(...renderTable(countColumns(T.col.unit), rows, [T.totalRow, ...countCells(report.total)]));
  return out;
}

function appendicesSection(report: Report): string[] {
  if (report.appendices.length === 0) return [];
  const rows = report.appendices.map((a) => [a.sheet, ...countCells(a)]);
  return [T.appendicesTitle, ...renderTable(countColumns(T.col.sheet), rows)];
}

function formatIndicatorValue(v: number | null, unit: string, raw?: string): string {
  if (v === null) return raw?.trim() ? raw.trim() : "—";
  return unit.includes("%") ? formatPercent(v) : formatNumber(v);
}

function indicatorsSection(report: Report): string[] {
  if (report.indicators.length === 0) return [];
  const rows = report.indicators.map((i: Indicator) => [
    i.name,
    i.unitOfMeasure,
    (i.comparator === "<=" ? "≤ " : "≥ ") + formatIndicatorValue(i.target, i.unitOfMeasure, i.targetRaw),
    formatIndicatorValue(i.actual, i.unitOfMeasure),
    formatPercent(i.achievement),
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

export interface TextReportOptions {
  /** The file name shown in the heading. */
  file?: string;
}

/** The whole report as text lines joined with "\n" (ends with a newline). */
export function renderTextReport(report: Report, options: TextReportOptions = {}): string {
  const out: string[] = [T.reportTitle];
  if (options.file) out.push(T.fileLine(options.file));
  if (report.planTitle) out.push(T.planTitle(report.planTitle));
  out.push(T.asOfLine(formatIsoVi(report.asOf), report.planYear));
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
  out.push("", ...issuesSection(report));
  out.push("", ...unitsSection(report));
  const app = appendicesSection(report);
  if (app.length) out.push("", ...app);
  out.push("", T.legend);
  const ind = indicatorsSection(report);
  if (ind.length) out.push("", ...ind);
  const errors = report.issues.filter((i) => i.severity === "error").length;
  out.push("", errors ? T.footerErrors(errors) : T.footerOk);
  return out.join("\n") + "\n";
}
