/** Read a workbook file for a command: bytes → grids + settings. Never modifies the file. */
import type { Grid } from "../core/grid";
import type { Settings } from "../core/settings";
import type { Store } from "../core/store";
import { readXlsxBytes } from "../xlsx/read";
import { readFileBytes } from "../xlsx/read-file";
import { settingsFromStore } from "../xlsx/settings";
import type { XlsxWorkbook } from "../xlsx/workbook";

export interface LoadedWorkbookFile {
  workbook: XlsxWorkbook;
  grids: Grid[];
  store: Store;
  settings: Settings;
  /** Vietnamese warning when the stored settings were corrupt. */
  settingsWarning?: string;
  /** Sheets left out of a read-only load because their XML is damaged (see xlsx/read.ts). */
  skippedSheets: string[];
}

/**
 * Throws XlsxReadError (a file problem, exit 2) with a Vietnamese message. `readOnly`: a damaged sheet
 * is skipped (and named in `skippedSheets`) instead of refusing the file.
 */
export async function loadWorkbookFile(file: string, options: { readOnly?: boolean } = {}): Promise<LoadedWorkbookFile> {
  const bytes = readFileBytes(file);
  const { workbook, grids, store, storeCorrupt, skippedSheets } = await readXlsxBytes(bytes, file, { readOnly: options.readOnly });
  const { settings, warning } = settingsFromStore(store, storeCorrupt);
  return { workbook, grids, store, settings, settingsWarning: warning, skippedSheets };
}
