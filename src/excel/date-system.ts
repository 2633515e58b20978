/// <reference types="office-js" />
/**
 * The workbook's date system. Office.js hands over date cells as raw serials, and a workbook in the 1904
 * date system (Excel > Options > Advanced > "Use 1904 date system": old Mac workbooks) counts them from
 * 1904-01-01 — 1,462 days less than the 1900 system the core and the .xlsx adapter use. No Office.js
 * property tells the system, but the worksheet function DATE does ("year is a number from 1900 or 1904,
 * depending on the workbook's date system"): DATE(1904,1,1) is 0 in the 1904 system, 1462 in the 1900
 * one. workbook.functions (ExcelApi 1.2) evaluates it without touching a cell, riding on a sync the
 * caller makes anyway.
 */
import { isDateFormat } from "../core/dates";

/** Days between the two systems' serials of the same date. */
export const DATE1904_OFFSET = 1462;

/** Queue the probe; after the next sync, the returned function says whether the workbook counts from 1904. */
export function queueDateSystemProbe(ctx: Excel.RequestContext): () => boolean {
  const probe = ctx.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => {
    try {
      return probe.value === 0;
    } catch {
      return false;
    }
  };
}

/** A cell read from a 1904 workbook → the 1900-system value the core expects (date-formatted numbers only). */
export function to1900(value: unknown, numberFormat: unknown): unknown {
  return typeof value === "number" && typeof numberFormat === "string" && isDateFormat(numberFormat) ? value + DATE1904_OFFSET : value;
}
