/**
 * The settings as `phuluc settings FILE` prints them: the words come from i18n/settings.ts; the signer's
 * title as the Báo cáo prints it (report-doc/header.ts); the unit list named by the default it equals.
 */
import type { SettingsJson } from "../core/document/settings-json";
import type { Commune } from "../core/document/identity";
import type { UnitDef } from "../core/settings";
import { defaultUnitsFor } from "../core/unit-lists";
import { KIND_WORDS } from "../i18n/document";
import { identityLines, SETTINGS_TEXTS } from "../i18n/settings";
import type { Lang } from "../core/lang";
import { signerTitleLines } from "./report-doc/header";

/** Which default list the units are, by the kind's word ("phường"), or null for a list of the user's own. */
function defaultListOf(units: UnitDef[], kind: Commune["kind"] | null): string | null {
  const same = JSON.stringify(units) === JSON.stringify(defaultUnitsFor(kind));
  return same ? KIND_WORDS[kind ?? "xa"] : null;
}

/** The settings as `phuluc settings FILE` prints them. */
export function settingsText(json: SettingsJson, lang: Lang, o: { file: string; unitsMissing?: boolean }): string {
  const T = SETTINGS_TEXTS[lang === "en" ? "en" : "vi"];
  const s = json.settings;
  const kind = json.identity.commune?.kind ?? null;
  const out = [T.title(o.file), ...identityLines(T, json.identity)];
  out.push(T.year(s.planYear));
  out.push(T.signer(signerTitleLines(s.report?.signerTitle ?? "").join(" / "), s.report?.signerName?.trim() || null));
  out.push(T.hidden(s.includeHiddenSheets === true));
  out.push(T.units(json.units.length, defaultListOf(json.units, kind)), ...json.units.map(T.unit));
  if (o.unitsMissing) out.push(T.unitsMissing);
  const p = json.unitProposal;
  if (p) out.push("", T.proposal(p.unknown, p.leads), ...p.units.map(T.unit), T.adopt(o.file));
  out.push("", json.written ? T.written : T.edit(o.file));
  return out.join("\n");
}
