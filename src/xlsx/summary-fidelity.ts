/**
 * Work-arounds so an ExcelJS load + save leaves the user's sheets as they were.
 *
 * ExcelJS 4 reads a missing `firstPageNumber` as 1 and then writes `useFirstPageNumber="1"` for any
 * non-zero firstPageNumber: every sheet that went through it would restart its page numbers at 1 and
 * lose "automatic" numbering. A sheet whose file did not ask for a first page number gets none back.
 */
import type ExcelJS from "exceljs";

export function keepPageNumbering(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const ps = ws.pageSetup as (Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean }) | undefined;
    if (ps && ps.useFirstPageNumber === false && ps.firstPageNumber !== undefined) delete ps.firstPageNumber;
  }
}
