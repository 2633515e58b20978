/** The workbook's settings (unit list, plan, commune), kept in the workbook so every door reads the same. */
import type { LoadedSettings, WorkbookPort } from "../../core/port";
import { SettingsSchema, type Settings } from "../../core/settings";

export function loadSettings(port: WorkbookPort): Promise<LoadedSettings> {
  return port.loadSettings();
}

/** Validates, then stores; returns the settings as stored. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(settings);
  await port.saveSettings(valid);
  return valid;
}
