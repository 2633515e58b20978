/**
 * What the pane may learn about the port beyond the WorkbookPort contract. OfficeWorkbookPort exposes
 * `features` (ExcelApi sets detected at run time); other ports (the browser preview) do not, and then
 * nothing is reported as missing.
 */
import type { WorkbookPort } from "../core/port";

interface WithFeatures {
  features?: Partial<Record<string, boolean>>;
}

/**
 * True only when the port says outright that it cannot read merged areas: Excel before ExcelApi 1.13, or
 * a read whose merged areas could not all be read (OfficeWorkbookPort reports mergedAreas false after it).
 */
export function mergedAreasUnsupported(port: WorkbookPort): boolean {
  try {
    return (port as WorkbookPort & WithFeatures).features?.mergedAreas === false;
  } catch {
    return false; // a port whose feature check fails must not break the pane
  }
}
