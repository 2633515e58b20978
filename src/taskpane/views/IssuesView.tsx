/**
 * Issues grouped by sheet, filterable by severity and by code. Each row is a real button that selects
 * the cell in Excel; a second button applies the suggested fix when the engine offers one. After a fix
 * (and the check that follows it) the focus goes to the next problem in the list — the one after the
 * fixed issue, or the last one, or the "no problems" line — never to the page body.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { ISSUE_CODES, type Fix, type Issue, type IssueCode } from "../../core/issues";
import { ISSUE_LABELS, renderIssueBody } from "../../i18n/issues";
import { useLang, useStrings } from "../i18n";
import { STATUS_COLORS, useStyles } from "../styles";
import { TitledSection } from "./TitledSection";
import { CellButton } from "./CellButton";

const PAGE = 100;
/** Codes in their contract order. */
const CODE_ORDER: readonly IssueCode[] = ISSUE_CODES;

export interface IssuesViewProps {
  issues: Issue[];
  busy: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (fix: Fix) => void;
}

type SeverityFilter = "all" | "error" | "warning";

/** An issue's identity across checks (its place may change when an earlier one is fixed). */
const issueKey = (i: Issue) => `${i.code}|${i.cell ?? ""}|${i.sheet}`;

/**
 * React keys for a sheet's rows: the issue's identity (a repeat numbered), not its place. Keyed by place,
 * every row after a fixed one was mounted anew by the check that follows the fix, and a focus given to
 * one of them could be lost with the element it was given to.
 */
function rowKeys(list: Issue[]): string[] {
  const seen = new Map<string, number>();
  return list.map((issue) => {
    const key = issueKey(issue);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n ? `${key}#${n}` : key;
  });
}

/** The first enabled button of a row (its cell, else its fix), else the row itself. */
function focusRow(row: HTMLElement | null | undefined): boolean {
  if (!row) return false;
  const target = row.querySelector<HTMLElement>("button:not([disabled])") ?? row;
  target.focus();
  return true;
}

/**
 * Where the focus goes once a fix has been applied and the list checked again: the issue that followed
 * the fixed one (found by its identity), else the row now at the fixed one's place or the last row, else
 * the "no problems" line. A fix that changed nothing gives the focus back to its own row.
 */
function useFocusAfterFix(shown: Issue[], issues: Issue[], busy: boolean, list: RefObject<HTMLElement | null>) {
  const pending = useRef<{ issues: Issue[]; self: string; next: string | null; index: number } | null>(null);
  useEffect(() => {
    const want = pending.current;
    if (!want || busy) return;
    pending.current = null;
    const root = list.current;
    const rows = [...(root?.querySelectorAll<HTMLElement>("[data-issue-key]") ?? [])];
    const byKey = (k: string | null) => (k === null ? undefined : rows.find((r) => r.dataset.issueKey === k));
    if (want.issues === issues && focusRow(byKey(want.self))) return;
    if (focusRow(byKey(want.next)) || focusRow(rows[Math.min(want.index, rows.length - 1)])) return;
    root?.querySelector<HTMLElement>('[data-testid="no-issues"]')?.focus();
  }, [issues, busy, list]);
  return (issue: Issue) => {
    const index = shown.indexOf(issue);
    const next = shown[index + 1] ?? shown[index - 1] ?? null;
    pending.current = { issues, self: issueKey(issue), next: next && issueKey(next), index };
  };
}

/** The issues shown, grouped by their sheet (in the order the sheets come). */
function groupBySheet(shown: Issue[]): [string, Issue[]][] {
  const m = new Map<string, Issue[]>();
  for (const i of shown) {
    const list = m.get(i.sheet);
    if (list) list.push(i);
    else m.set(i.sheet, [i]);
  }
  return [...m.entries()];
}

export function IssuesView({ issues, busy, onSelect, onFix }: IssuesViewProps) {
  const t = useStrings();
  const s = useStyles();
  const [severity, setSeverity] = useState<SeverityFilter>("all");
  const [code, setCode] = useState<IssueCode | "all">("all");
  /** How many of each sheet's issues are listed (a page more at each «Hiện thêm»; kept while filtering). */
  const [limits, setLimits] = useState<Record<string, number>>({});
  const list = useRef<HTMLDivElement>(null);

  const shown = useMemo(
    () => issues.filter((i) => (severity === "all" || i.severity === severity) && (code === "all" || i.code === code)),
    [issues, severity, code],
  );
  const bySheet = useMemo(() => groupBySheet(shown), [shown]);
  const fixing = useFocusAfterFix(shown, issues, busy, list);
  const fix = (issue: Issue, f: Fix) => {
    fixing(issue);
    onFix(f);
  };

  if (issues.length === 0)
    return (
      <div ref={list}>
        <p data-testid="no-issues" tabIndex={-1}>
          {t.noIssues}
        </p>
      </div>
    );

  return (
    <TitledSection id="issues" title={t.issuesTitle}>
      <div ref={list} className={s.section}>
        <IssueFilters issues={issues} severity={severity} code={code} onSeverity={setSeverity} onCode={setCode} />
        {shown.length !== issues.length && <div className={s.muted}>{t.filteredCount(shown.length, issues.length)}</div>}
        {bySheet.map(([sheet, list]) => (
          <SheetIssues
            key={sheet}
            sheet={sheet}
            list={list}
            limit={limits[sheet] ?? PAGE}
            onMore={(limit) => setLimits({ ...limits, [sheet]: limit })}
            busy={busy}
            onSelect={onSelect}
            onFix={fix}
          />
        ))}
      </div>
    </TitledSection>
  );
}

interface IssueFiltersProps {
  issues: Issue[];
  severity: SeverityFilter;
  code: IssueCode | "all";
  onSeverity: (severity: SeverityFilter) => void;
  onCode: (code: IssueCode | "all") => void;
}

/** The two filters: by severity, and by code (the codes present, in their contract order). */
function IssueFilters({ issues, severity, code, onSeverity, onCode }: IssueFiltersProps) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  const codesPresent = useMemo(() => CODE_ORDER.filter((c) => issues.some((i) => i.code === c)), [issues]);
  return (
    <div className={s.filters}>
      <Field label={t.filterSeverity} className={s.filterField}>
        <Select
          className={s.select}
          value={severity}
          onChange={(_, d) => onSeverity(d.value as SeverityFilter)}
          data-testid="filter-severity"
        >
          <option value="all">{t.filterAll}</option>
          <option value="error">{t.filterErrors}</option>
          <option value="warning">{t.filterWarnings}</option>
        </Select>
      </Field>
      <Field label={t.filterCode} className={s.filterField}>
        <Select className={s.select} value={code} onChange={(_, d) => onCode(d.value as IssueCode | "all")} data-testid="filter-code">
          <option value="all">{t.filterAllCodes}</option>
          {codesPresent.map((c) => (
            <option key={c} value={c}>
              {ISSUE_LABELS[lang][c]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

interface SheetIssuesProps {
  sheet: string;
  list: Issue[];
  limit: number;
  onMore: (limit: number) => void;
  busy: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue, fix: Fix) => void;
}

/** One sheet's issues, a page at a time («Hiện thêm» shows the next page). */
function SheetIssues({ sheet, list, limit, onMore, busy, onSelect, onFix }: SheetIssuesProps) {
  const t = useStrings();
  const s = useStyles();
  const keys = rowKeys(list);
  return (
    <div className={s.sheetGroup} data-testid="issue-sheet" data-sheet={sheet}>
      <h3 className={s.sheetTitle}>{t.sheetIssues(sheet, list.length)}</h3>
      <ul className={s.issueList}>
        {list.slice(0, limit).map((issue, idx) => (
          <IssueRow key={keys[idx]} issue={issue} busy={busy} onSelect={onSelect} onFix={onFix} />
        ))}
      </ul>
      {list.length > limit && (
        <Button appearance="subtle" onClick={() => onMore(limit + PAGE)}>
          {t.showMore(Math.min(PAGE, list.length - limit))}
        </Button>
      )}
    </div>
  );
}

interface IssueRowProps {
  issue: Issue;
  busy: boolean;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue, fix: Fix) => void;
}

function IssueRow({ issue, busy, onSelect, onFix }: IssueRowProps) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  // Rendered here, from the issue's data: a language switch re-renders, it never re-analyses. The cell
  // stands before the text, so the message does not name it again.
  const message = renderIssueBody(issue, lang);
  const color = issue.severity === "error" ? STATUS_COLORS.red.color : "#C19C00";
  const sevLabel = issue.severity === "error" ? t.severityError : t.severityWarning;
  const fix = issue.fix;
  return (
    <li
      className={s.issueRow}
      data-testid="issue"
      data-code={issue.code}
      data-severity={issue.severity}
      data-cell={issue.cell ?? ""}
      data-issue-key={issueKey(issue)}
      tabIndex={-1}
    >
      <CellButton
        cell={issue.cell}
        text={message}
        color={color}
        label={issue.cell ? `${sevLabel}: ${issue.cell} — ${message}. ${t.issueGoTo(issue.cell)}` : ""}
        prefix={`${sevLabel}: `}
        noCell={t.noCell}
        onSelect={() => onSelect(issue)}
      />
      {fix && (
        <Button
          size="small"
          appearance="outline"
          className={s.fixButton}
          disabled={busy}
          onClick={() => onFix(issue, fix)}
          data-testid="fix"
        >
          {fix.kind === "replace" ? t.fixReplace(fix.value) : t.fixDecode}
        </Button>
      )}
    </li>
  );
}
