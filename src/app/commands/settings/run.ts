/**
 * The "settings" command (`phuluc settings FILE [--json]`, and with -o OUT the options that change them):
 * the same store Cài đặt writes, through the port's loadSettings / saveSettings. It prints the settings,
 * the identity the documents will carry (settings over the workbook) and the unit list in use; with
 * --units-from-plan it adopts the list the plan's own lead column proposes (never without being asked).
 */
import type { CommandOutcome, CommandRun } from "../../command";
import { unitsFor, type Settings, type UnitDef } from "../../../core/settings";
import { createUnitMatcher } from "../../../core/units";
import { proposeUnits } from "../../../core/unit-proposal";
import type { Report } from "../../../core/report-schema";
import { identityOf } from "../../../core/document/identity";
import type { SettingsJson } from "../../../core/document/settings-json";
import { settingsText } from "../../../documents/settings-text";
import { checkWorkbook } from "../../use-cases/check";
import { saveSettings } from "../../use-cases/settings";
import { applySettingsEdit, type SettingsEdit } from "./edit";

export interface SettingsInput {
  /** The settings to change (none: only show them). */
  edit?: SettingsEdit;
  /** The workbook's file name, for the message. */
  file?: string;
}

export interface SettingsOutcome extends CommandOutcome {
  /** The settings, the identity the documents will carry and the units in use (--json: SettingsJsonSchema). */
  json: SettingsJson;
}

/** The unit list the plan's lead column gives (null when it names no unit at all). */
function unitsFromPlan(report: Report, settings: Settings): UnitDef[] | null {
  const match = createUnitMatcher(unitsFor(settings.units, identityOf(report, settings).commune?.kind ?? null));
  return (
    proposeUnits(
      report.tasks.map((t) => t.leadRaw),
      match,
      true,
    )?.units ?? null
  );
}

export const run: CommandRun<SettingsInput, SettingsOutcome> = async (req, { edit, file }) => {
  let settings = req.settings ?? (await req.port.loadSettings()).settings;
  let unitsMissing = false;
  if (edit) {
    let units: UnitDef[] | undefined;
    if (edit.unitsFromPlan) {
      const first = await checkWorkbook(req.port, { asOf: req.asOf, settings: applySettingsEdit(settings, edit) }, req.deps);
      units = unitsFromPlan(first.report, first.settings) ?? undefined;
      unitsMissing = !units;
    }
    settings = await saveSettings(req.port, applySettingsEdit(settings, edit, units));
  }
  const { report } = await checkWorkbook(req.port, { asOf: req.asOf, settings }, req.deps);
  const identity = identityOf(report, settings);
  const json: SettingsJson = {
    settings,
    identity,
    units: unitsFor(settings.units, identity.commune?.kind ?? null),
    unitProposal: report.unitProposal ?? null,
    written: !!edit,
  };
  return {
    ok: !unitsMissing,
    message: settingsText(json, req.lang, { file: file ?? "", unitsMissing }),
    changed: !!edit,
    json,
  };
};
