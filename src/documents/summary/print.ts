/** Print setup shared by every summary sheet. */
import { summaryText } from "../../i18n/summary";
import { rangeA1 } from "../../core/a1";
import type { SpecPrint } from "../../core/sheet-spec";

/** Print margins of the summary sheets, in inches (Excel's "Normal" margins, a little narrower sideways). */
export const PRINT_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * A4 landscape, one page wide, the table header repeated on every page, page numbers in the footer,
 * the print area from A1 to (lastRow, columns).
 */
export function reportPrint(headerRow: number, lastRow: number, columns: number): SpecPrint {
  return {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    printTitleRows: [headerRow, headerRow],
    margins: PRINT_MARGINS,
    footerCenter: summaryText.pageFooter,
    printArea: rangeA1(1, 1, lastRow, columns),
  };
}
