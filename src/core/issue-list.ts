/** Collecting issues and putting them in report order: sheet (workbook order), then row, then column. */
import { toA1 } from "./a1";
import { ISSUE_SEVERITY, type Fix, type Issue, type IssueCode } from "./report-schema";

interface Entry {
  issue: Issue;
  sheetIndex: number;
  row: number;
  col: number;
  seq: number;
}

export interface IssueExtra {
  suggestion?: string;
  fix?: Fix;
  /** Tells apart issues of the same code on the same cell (COLUMN_MISSING of several columns). */
  key?: string;
}

export class IssueList {
  private readonly entries: Entry[] = [];
  private readonly seen = new Set<string>();

  /**
   * Add one issue. `at` is the cell (already the top-left of its merge) or null for a whole-sheet issue.
   * A cell shared by several tasks through a vertical merge is reported once per code (and extra.key).
   */
  add(sheetIndex: number, sheet: string, code: IssueCode, at: { row: number; col: number } | null, message: string, extra?: IssueExtra): void {
    const cell = at ? toA1(at.row, at.col) : null;
    if (cell) {
      const key = `${sheetIndex}|${code}|${cell}|${extra?.key ?? ""}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    const issue: Issue = { code, severity: ISSUE_SEVERITY[code], sheet, cell, message };
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
