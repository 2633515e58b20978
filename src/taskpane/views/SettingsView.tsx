/** Edit the workbook's settings: unit list (names, aliases), plan year, commune name, whether hidden sheets are read. */
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Settings } from "../../core/settings";
import { loadEngine } from "../engine";
import { useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

interface UnitDraft {
  id: number;
  name: string;
  aliases: string;
}

interface Draft {
  communeName: string;
  planName: string;
  planYear: string;
  includeHiddenSheets: boolean;
  units: UnitDraft[];
}

let nextId = 1;

function toDraft(s: Settings): Draft {
  return {
    communeName: s.communeName,
    planName: s.planName ?? "",
    planYear: s.planYear === null ? "" : String(s.planYear),
    includeHiddenSheets: s.includeHiddenSheets === true,
    units: s.units.map((u) => ({ id: nextId++, name: u.name, aliases: u.aliases.join("; ") })),
  };
}

function parseYear(s: string): number | null | undefined {
  const v = s.trim();
  if (v === "") return null;
  if (!/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1900 && n <= 2200 ? n : undefined;
}

export interface SettingsViewProps {
  settings: Settings;
  warning: string | null;
  busy: boolean;
  onSave: (s: Settings) => Promise<unknown>;
  onNotice: (msg: string) => void;
}

export function SettingsView({ settings, warning, busy, onSave, onNotice }: SettingsViewProps) {
  const t = useStrings();
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [showErrors, setShowErrors] = useState(false);

  const year = parseYear(draft.planYear);
  const emptyName = draft.units.some((u) => u.name.trim() === "");
  const valid = year !== undefined && !emptyName;

  const setUnit = (id: number, p: Partial<UnitDraft>) =>
    setDraft({ ...draft, units: draft.units.map((u) => (u.id === id ? { ...u, ...p } : u)) });

  const save = () => {
    if (!valid) {
      setShowErrors(true);
      return;
    }
    const next: Settings = {
      ...settings,
      communeName: draft.communeName.trim(),
      planName: draft.planName.trim(),
      planYear: year ?? null,
      includeHiddenSheets: draft.includeHiddenSheets,
      units: draft.units.map((u) => ({
        name: u.name.trim(),
        aliases: u.aliases
          .split(/[;\n]/)
          .map((a) => a.trim())
          .filter(Boolean),
      })),
    };
    void onSave(next);
  };

  return (
    <TitledSection id="settings" title={t.settingsTitle} testId="settings">
      <div className={s.muted}>{t.settingsHint}</div>
      {warning && (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.communeName}>
        <Input className={s.fullInput} value={draft.communeName} onChange={(_, d) => setDraft({ ...draft, communeName: d.value })} />
      </Field>
      <Field label={t.planName} hint={t.planNameHint}>
        <Input className={s.fullInput} value={draft.planName} onChange={(_, d) => setDraft({ ...draft, planName: d.value })} />
      </Field>
      <Field label={t.planYear} validationMessage={year === undefined ? t.planYearInvalid : undefined}>
        <Input
          className={s.fullInput}
          inputMode="numeric"
          value={draft.planYear}
          onChange={(_, d) => setDraft({ ...draft, planYear: d.value })}
        />
      </Field>
      <Field hint={t.includeHiddenSheetsHint}>
        <Checkbox
          label={t.includeHiddenSheets}
          checked={draft.includeHiddenSheets}
          onChange={(_, d) => setDraft({ ...draft, includeHiddenSheets: d.checked === true })}
        />
      </Field>
      <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }}>
        <legend className={s.sectionTitle}>{t.unitsList}</legend>
        {draft.units.map((u, i) => (
          <div key={u.id} className={s.unitCard} data-testid="unit-row">
            <div className={s.unitCardHead}>
              <Field
                label={t.unitName(i + 1)}
                className={s.grow}
                validationMessage={showErrors && u.name.trim() === "" ? t.unitNameRequired : undefined}
              >
                <Input className={s.fullInput} value={u.name} onChange={(_, d) => setUnit(u.id, { name: d.value })} />
              </Field>
              <Button
                appearance="subtle"
                aria-label={t.removeUnit(u.name || String(i + 1))}
                icon={<span aria-hidden="true">✕</span>}
                onClick={() => setDraft({ ...draft, units: draft.units.filter((x) => x.id !== u.id) })}
              />
            </div>
            <Field label={t.unitAliases(i + 1)}>
              <Input className={s.fullInput} value={u.aliases} onChange={(_, d) => setUnit(u.id, { aliases: d.value })} />
            </Field>
          </div>
        ))}
        <div>
          <Button onClick={() => setDraft({ ...draft, units: [...draft.units, { id: nextId++, name: "", aliases: "" }] })}>
            {t.addUnit}
          </Button>
        </div>
      </fieldset>
      <div className={s.buttonRow}>
        <Button appearance="primary" disabled={busy} onClick={save}>
          {t.save}
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            void loadEngine().then(({ defaultSettings }) => {
              setDraft(toDraft({ ...defaultSettings(), summarySheetName: settings.summarySheetName }));
              setShowErrors(false);
              onNotice(t.defaultsRestored);
            })
          }
        >
          {t.restoreDefaults}
        </Button>
      </div>
    </TitledSection>
  );
}
