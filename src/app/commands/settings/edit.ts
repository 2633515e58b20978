/**
 * What `phuluc settings … -o OUT` changes (the door has checked each value), and the same options on the
 * city's documents (`phuluc consolidate --plan --signer --signer-title`): the commune as typed ("phường Lê
 * Chân"), the plan's fields, the signer, and whether to adopt the unit list the plan's lead column proposes.
 */
import type { Settings, UnitDef } from "../../../core/settings";
import type { CliArgs } from "../../command";

export interface SettingsEdit {
  commune?: string;
  plan?: { planNumber: string; planDate?: string; planName: string };
  signerName?: string;
  signerTitle?: string;
  unitsFromPlan?: boolean;
}

/** The edit the options given ask for; undefined when they ask for none. */
export function settingsEditOf(args: CliArgs): SettingsEdit | undefined {
  const edit: SettingsEdit = {
    ...(args.commune !== undefined ? { commune: args.commune } : {}),
    ...(args.plan ? { plan: args.plan } : {}),
    ...(args.signer !== undefined ? { signerName: args.signer } : {}),
    ...(args.signerTitle !== undefined ? { signerTitle: args.signerTitle } : {}),
    ...(args.unitsFromPlan ? { unitsFromPlan: true } : {}),
  };
  return Object.keys(edit).length ? edit : undefined;
}

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
