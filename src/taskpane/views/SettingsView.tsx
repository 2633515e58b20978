/** Edit the workbook's settings: unit list (names, aliases), plan year, commune name, whether hidden sheets are read, the report's header and signer. */
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { ReportHeaderSettings, Settings } from "../../core/settings";
import { reportDocDefaults } from "../../i18n/report-defaults";
import { loadEngine } from "../engine";
import { useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

interface UnitDraft {
  id: number;
  name: string;
  aliases: string;
}

/** The report's header and signer as typed (lists one item per line). */
interface ReportDraft {
  parentAgency: string;
  issuingAgency: string;
  number: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
  archive: string;
}

interface Draft {
  communeName: string;
  planName: string;
  planYear: string;
  includeHiddenSheets: boolean;
  units: UnitDraft[];
  report: ReportDraft;
}

/** What prints by default is shown as the field's value (so the user edits what will print). */
function toReportDraft(r: ReportHeaderSettings | undefined): ReportDraft {
  return {
    parentAgency: r?.parentAgency ?? "",
    issuingAgency: r?.issuingAgency ?? "",
    number: r?.number ?? "",
    signerTitle: r?.signerTitle ?? reportDocDefaults.signerTitle.join("\n"),
    signerName: r?.signerName ?? "",
    recipients: (r?.recipients ?? reportDocDefaults.recipients).join("\n"),
    archive: r?.archive ?? reportDocDefaults.archive,
  };
}

/**
 * Only what differs from what prints by default is kept (an untouched form stores nothing, so the
 * defaults — the commune's name, the usual recipients — keep following the settings and the product).
 */
function fromReportDraft(d: ReportDraft): ReportHeaderSettings | undefined {
  const lines = (s: string) =>
    s
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  const text = (s: string) => s.trim() || undefined;
  const signerTitle = lines(d.signerTitle).join("\n");
  const recipients = lines(d.recipients);
  const archive = d.archive.trim();
  const out: ReportHeaderSettings = {
    parentAgency: text(d.parentAgency),
    issuingAgency: text(d.issuingAgency),
    number: text(d.number),
    signerTitle: signerTitle && signerTitle !== reportDocDefaults.signerTitle.join("\n") ? signerTitle : undefined,
    signerName: text(d.signerName),
    recipients: recipients.join("\n") !== reportDocDefaults.recipients.join("\n") ? recipients : undefined,
    archive: archive && archive !== reportDocDefaults.archive ? archive : undefined,
  };
  const kept = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ReportHeaderSettings;
  return Object.keys(kept).length ? kept : undefined;
}

let nextId = 1;

function toDraft(s: Settings): Draft {
  return {
    communeName: s.communeName,
    planName: s.planName ?? "",
    planYear: s.planYear === null ? "" : String(s.planYear),
    includeHiddenSheets: s.includeHiddenSheets === true,
    units: s.units.map((u) => ({ id: nextId++, name: u.name, aliases: u.aliases.join("; ") })),
    report: toReportDraft(s.report),
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

  const setReport = (p: Partial<ReportDraft>) => setDraft({ ...draft, report: { ...draft.report, ...p } });
  const reportInput = (key: Exclude<keyof ReportDraft, "signerTitle" | "recipients">, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input className={s.fullInput} value={draft.report[key]} onChange={(_, d) => setReport({ [key]: d.value })} />
    </Field>
  );
  const reportLines = (key: "signerTitle" | "recipients", label: string) => (
    <Field label={label}>
      <Textarea className={s.fullInput} resize="vertical" value={draft.report[key]} onChange={(_, d) => setReport({ [key]: d.value })} />
    </Field>
  );

  const setUnit = (id: number, p: Partial<UnitDraft>) =>
    setDraft({ ...draft, units: draft.units.map((u) => (u.id === id ? { ...u, ...p } : u)) });

  const save = () => {
    if (!valid) {
      setShowErrors(true);
      return;
    }
    const { report: _previous, ...rest } = settings;
    const report = fromReportDraft(draft.report);
    const next: Settings = {
      ...rest,
      ...(report ? { report } : {}),
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
      <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }} data-testid="report-settings">
        <legend className={s.sectionTitle}>{t.reportSettings}</legend>
        {reportInput("parentAgency", t.parentAgency)}
        {reportInput("issuingAgency", t.issuingAgency, t.issuingAgencyHint)}
        {reportInput("number", t.reportNumber)}
        {reportLines("signerTitle", t.signerTitle)}
        {reportInput("signerName", t.signerName)}
        {reportLines("recipients", t.recipients)}
        {reportInput("archive", t.archive)}
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
