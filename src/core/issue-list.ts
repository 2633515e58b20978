/** Collecting issues and putting them in report order: sheet (workbook order), then row, then column. */
import { toA1 } from "./a1";
import { ISSUE_SEVERITY, type Fix, type Issue, type IssueCode, type IssueParamsMap } from "./issues";

interface Entry {
  issue: Issue;
  sheetIndex: number;
  row: number;
  col: number;
  seq: number;
}

const COL_SPACE = 20_000; // > 16,384 columns
const CELL_SPACE = 2 ** 36; // > 1,048,576 rows × COL_SPACE

/**
 * More issues than a plan can have (300,000: three for every task of a 100,000-task plan): the sheets
 * are not a plan phuluc can read, and listing them would take the CLI past its memory bound. The
 * analysis stops with this error; the doors say it in one line.
 */
export const MAX_ISSUES = 300_000;

export class TooManyIssuesError extends Error {
  constructor() {
    super(`more than ${MAX_ISSUES} issues`);
    this.name = "TooManyIssuesError";
  }
}

export interface IssueExtra {
  suggestion?: string;
  fix?: Fix;
  /** Tells apart issues of the same code on the same cell (COLUMN_MISSING of several columns). */
  key?: string;
}

export class IssueList {
  private readonly entries: Entry[] = [];
  /** cell (numeric key) → "code|key" entries already reported there. */
  private readonly seen = new Map<number, string[]>();

  /**
   * Add one issue. `at` is the cell (already the top-left of its merge) or null for a whole-sheet issue.
   * A cell shared by several tasks through a vertical merge is reported once per code (and extra.key).
   */
  add<C extends IssueCode>(
    sheetIndex: number,
    sheet: string,
    code: C,
    at: { row: number; col: number } | null,
    params: IssueParamsMap[C],
    extra?: IssueExtra,
  ): void {
    const cell = at ? toA1(at.row, at.col) : null;
    if (at) {
      const k = sheetIndex * CELL_SPACE + at.row * COL_SPACE + at.col;
      const tag = extra?.key ? `${code}|${extra.key}` : code;
      const here = this.seen.get(k);
      if (here?.includes(tag)) return;
      if (here) here.push(tag);
      else this.seen.set(k, [tag]);
    }
    if (this.entries.length >= MAX_ISSUES) throw new TooManyIssuesError();
    const issue = { code, severity: ISSUE_SEVERITY[code], sheet, cell, params } as Issue;
    if (extra?.suggestion !== undefined) issue.suggestion = extra.suggestion;
    if (extra?.fix) issue.fix = extra.fix;
    this.entries.push({ issue, sheetIndex, row: at?.row ?? 0, col: at?.col ?? 0, seq: this.entries.length });
  }

  sorted(): Issue[] {
    return [...this.entries]
      .sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row || a.col - b.col || a.seq - b.seq)
      .map((e) => e.issue);
  }
}
