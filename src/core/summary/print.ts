/** Print margins of the summary sheets, in inches (Excel's "Normal" margins, a little narrower sideways). */
export const PRINT_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
