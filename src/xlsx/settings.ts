/** Settings kept in the workbook's store (the `_phuluc` sheet), for the port and the CLI. */
import type { LoadedSettings } from "../core/port";
import { defaultSettings } from "../core/settings";
import type { Store } from "../core/store";
import { xlsxTexts } from "../i18n/xlsx";

/** The store's settings, or defaults (with a Vietnamese warning when the store was corrupt). */
export function settingsFromStore(store: Store, corrupt: boolean): LoadedSettings {
  if (corrupt) return { settings: defaultSettings(), warning: xlsxTexts.settingsCorrupt };
  return { settings: store.settings ?? defaultSettings() };
}
