/**
 * The "settings" command (`phuluc settings FILE [--json]`, and with -o OUT the options that change them):
 * the same store Cài đặt writes, through the port's loadSettings / saveSettings. It prints the settings,
 * the identity the documents will carry (settings over the workbook) and the unit list in use; with
 * --units-from-plan it adopts the list the plan's own lead column proposes (never without being asked).
 */
import type { CommandRun, SettingsEdit } from "../command";
import { unitsFor, type Settings, type UnitDef } from "../../core/settings";
import { createUnitMatcher } from "../../core/units";
import { proposeUnits } from "../../core/unit-proposal";
import type { Report } from "../../core/report-schema";
import { identityOf } from "../../core/document/identity";
import type { SettingsJson } from "../../core/document/settings-json";
import { settingsText } from "../../documents/settings-text";
import { checkWorkbook } from "./check";
import { saveSettings } from "./settings";

/** The settings with each field the edit names replaced (the plan's number, date and title together). */
export function applySettingsEdit(settings: Settings, edit: SettingsEdit, units?: UnitDef[]): Settings {
  const next: Settings = { ...settings, ...(units ? { units } : {}) };
  if (edit.commune !== undefined) next.communeName = edit.commune;
  if (edit.plan) {
    next.planNumber = edit.plan.planNumber;
    next.planName = edit.plan.planName;
    if (edit.plan.planDate) next.planDate = edit.plan.planDate;
    else delete next.planDate;
  }
  if (edit.signerName !== undefined || edit.signerTitle !== undefined) {
    next.report = {
      ...settings.report,
      ...(edit.signerName !== undefined ? { signerName: edit.signerName } : {}),
      ...(edit.signerTitle !== undefined ? { signerTitle: edit.signerTitle } : {}),
    };
  }
  return next;
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

export const run: CommandRun = async (req) => {
  let settings = req.settings ?? (await req.port.loadSettings()).settings;
  const edit = req.settingsEdit;
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
    message: settingsText(json, req.lang, { file: req.label ?? "", unitsMissing }),
    changed: !!edit,
    json,
  };
};
