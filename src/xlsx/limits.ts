import { XmlFormatError } from "../ooxml/xml";

/**
 * What one workbook file may make phuluc hold, beyond the zip layer's inflate budget: cells inside
 * Excel's grid, and a number of cells (and merged areas) that fits the CLI's memory bound. No Node API.
 */

/**
 * A sheet reaches past Excel's grid, or the workbook holds more than phuluc reads from one file. The
 * file cannot be what it says it is (damaged) or is too large: the message says which (`tooLarge`). An
 * XmlFormatError, so it passes through the XML layer as the sheet's own problem.
 */
export class GridLimitError extends XmlFormatError {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = "GridLimitError";
  }
}

/**
 * Cells read into memory from one workbook (each row counts up to its last value; a merged area counts
 * one). A workbook only read and analysed (check, report, a unit's return) may hold 2,500,000: 25 times
 * the benchmark's 100,000-task plan, a 200,000-row return with room to spare; the largest one stays under
 * the CLI's 1 GB (test/hostile measures it). A workbook phuluc also builds workbooks from — a copy with
 * the summary, the units' copies — takes about twice the memory per cell: 1,500,000.
 */
export const MAX_WORKBOOK_CELLS = 2_500_000;
export const MAX_BUILT_WORKBOOK_CELLS = 1_500_000;

/** Merged areas in one sheet (a plan has a few thousand; each is indexed for lookups in O(log rows) places). */
export const MAX_SHEET_MERGES = 100_000;

/** The cells one read may still take (what the workbook's other sheets hold is already taken). */
export class CellBudget {
  spent = 0;

  constructor(private readonly allowed: number = MAX_WORKBOOK_CELLS) {}

  spend(cells: number): void {
    this.spent += cells;
    if (this.spent > this.allowed) throw new GridLimitError(`more cells in the workbook than phuluc reads from one file`, true);
  }
}
