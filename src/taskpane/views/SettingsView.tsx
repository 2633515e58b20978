/**
 * Edit the workbook's settings: whose document it is (commune, plan number, date and title — empty
 * fields follow the workbook, whose values are shown as hints), the unit list (names, aliases), plan
 * year, whether hidden sheets are read, the report's header and signer. When the last check proposed a
 * unit list from the plan's own lead column, the form opens with it, for the user to accept (Lưu) or not.
 */
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { ReportHeaderSettings, Settings } from "../../core/settings";
import type { DocumentIdentity } from "../../core/document/identity";
import { parseCommune } from "../../core/document/plan-ref";
import { parseUserDate } from "../../core/dates";
import { formatViDate } from "../../i18n/format";
import { unitsFor } from "../../core/unit-lists";
import type { UnitProposal } from "../../core/unit-proposal";
import { reportDocDefaults } from "../../i18n/report-defaults";
import { communeWords, KIND_WORDS, planReference } from "../../i18n/document";
import type { UiStrings } from "../../i18n/ui";
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
  planNumber: string;
  /** As typed (dd/mm/yyyy). */
  planDate: string;
  planName: string;
  planYear: string;
  includeHiddenSheets: boolean;
  units: UnitDraft[];
  report: ReportDraft;
}

/** The usual recipients in the words of the commune's kind. */
const recipientsOf = (identity: DocumentIdentity | null) => reportDocDefaults.recipients(KIND_WORDS[identity?.commune?.kind ?? "xa"]);

/** What prints by default is shown as the field's value (so the user edits what will print). */
function toReportDraft(r: ReportHeaderSettings | undefined, identity: DocumentIdentity | null): ReportDraft {
  return {
    parentAgency: r?.parentAgency ?? "",
    issuingAgency: r?.issuingAgency ?? "",
    number: r?.number ?? "",
    signerTitle: r?.signerTitle ?? reportDocDefaults.signerTitle.join("\n"),
    signerName: r?.signerName ?? "",
    recipients: (r?.recipients ?? recipientsOf(identity)).join("\n"),
    archive: r?.archive ?? reportDocDefaults.archive,
  };
}

/**
 * Only what differs from what prints by default is kept (an untouched form stores nothing, so the
 * defaults — the commune's name, the usual recipients — keep following the workbook and the product).
 */
function fromReportDraft(d: ReportDraft, identity: DocumentIdentity | null): ReportHeaderSettings | undefined {
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
    recipients: recipients.join("\n") !== recipientsOf(identity).join("\n") ? recipients : undefined,
    archive: archive && archive !== reportDocDefaults.archive ? archive : undefined,
  };
  const kept = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ReportHeaderSettings;
  return Object.keys(kept).length ? kept : undefined;
}

let nextId = 1;

const unitDrafts = (units: Settings["units"]): UnitDraft[] =>
  units.map((u) => ({ id: nextId++, name: u.name, aliases: u.aliases.join("; ") }));

function toDraft(s: Settings, identity: DocumentIdentity | null, proposal: UnitProposal | null): Draft {
  return {
    communeName: s.communeName,
    planNumber: s.planNumber ?? "",
    planDate: s.planDate ? formatViDate(s.planDate) : "",
    planName: s.planName ?? "",
    planYear: s.planYear === null ? "" : String(s.planYear),
    includeHiddenSheets: s.includeHiddenSheets === true,
    // the list the analysis uses (a default one follows the commune's kind), or the one proposed
    units: unitDrafts(proposal ? proposal.units : unitsFor(s.units, identity?.commune?.kind ?? null)),
    report: toReportDraft(s.report, identity),
  };
}

function parseYear(s: string): number | null | undefined {
  const v = s.trim();
  if (v === "") return null;
  if (!/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1900 && n <= 2200 ? n : undefined;
}

/** The draft's checks: undefined where a field cannot be saved as it is. */
function checked(draft: Draft) {
  const year = parseYear(draft.planYear);
  const commune = draft.communeName.trim();
  const date = draft.planDate.trim();
  const planDate = date === "" ? null : (parseUserDate(date) ?? undefined);
  return {
    year,
    planDate,
    communeOk: commune === "" || parseCommune(commune) !== null,
    emptyName: draft.units.some((u) => u.name.trim() === ""),
  };
}

function toSettings(settings: Settings, draft: Draft, identity: DocumentIdentity | null): Settings {
  const c = checked(draft);
  const { report: _report, planNumber: _number, planDate: _date, ...rest } = settings;
  const report = fromReportDraft(draft.report, identity);
  const number = draft.planNumber.trim();
  return {
    ...rest,
    ...(report ? { report } : {}),
    communeName: draft.communeName.replace(/\s+/g, " ").trim(),
    planName: draft.planName.trim(),
    ...(number ? { planNumber: number } : {}),
    ...(c.planDate ? { planDate: c.planDate } : {}),
    planYear: c.year ?? null,
    includeHiddenSheets: draft.includeHiddenSheets,
    units: draft.units.map((u) => ({
      name: u.name.trim(),
      aliases: u.aliases
        .split(/[;\n]/)
        .map((a) => a.trim())
        .filter(Boolean),
    })),
  };
}

export interface SettingsViewProps {
  settings: Settings;
  /** The identity of the last check (the workbook's own values are the fields' hints); null before one. */
  identity: DocumentIdentity | null;
  /** A unit list the last check proposed from the plan's lead column: the form opens with it. */
  proposal: UnitProposal | null;
  warning: string | null;
  busy: boolean;
  onSave: (s: Settings) => Promise<unknown>;
  onNotice: (msg: string) => void;
}

export function SettingsView({ settings, identity, proposal, warning, busy, onSave, onNotice }: SettingsViewProps) {
  const t = useStrings();
  const s = useStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings, identity, proposal));
  const [showErrors, setShowErrors] = useState(false);
  const [proposed, setProposed] = useState(proposal !== null);
  const c = checked(draft);
  const valid = c.year !== undefined && c.planDate !== undefined && c.communeOk && !c.emptyName;

  const save = () => {
    if (!valid) return setShowErrors(true);
    void onSave(toSettings(settings, draft, identity));
  };
  const restore = () =>
    void loadEngine().then(({ defaultSettings }) => {
      setDraft(toDraft({ ...defaultSettings(), summarySheetName: settings.summarySheetName }, identity, null));
      setShowErrors(false);
      setProposed(false);
      onNotice(t.defaultsRestored);
    });

  return (
    <TitledSection id="settings" title={t.settingsTitle} testId="settings">
      <div className={s.muted}>{t.settingsHint}</div>
      {warning && (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      )}
      <IdentityFields draft={draft} setDraft={setDraft} identity={identity} checks={c} />
      <UnitsFieldset
        draft={draft}
        setDraft={setDraft}
        showErrors={showErrors}
        banner={proposed && proposal ? t.proposalBanner(proposal.unknown, proposal.leads) : null}
      />
      <ReportFieldset draft={draft} setDraft={setDraft} />
      <div className={s.buttonRow}>
        <Button appearance="primary" disabled={busy} onClick={save}>
          {t.save}
        </Button>
        <Button disabled={busy} onClick={restore}>
          {t.restoreDefaults}
        </Button>
      </div>
    </TitledSection>
  );
}

interface PartProps {
  draft: Draft;
  setDraft: (d: Draft) => void;
}

/** Whose document it is, the plan year and hidden sheets: empty fields follow the workbook (shown as hints). */
function IdentityFields({
  draft,
  setDraft,
  identity,
  checks,
}: PartProps & { identity: DocumentIdentity | null; checks: ReturnType<typeof checked> }) {
  const t = useStrings();
  const s = useStyles();
  const read = identity?.read ?? null;
  const field = (key: "communeName" | "planNumber" | "planDate" | "planName", label: string, hint: string, error?: string) => (
    <Field label={label} hint={hint} validationMessage={error}>
      <Input className={s.fullInput} value={draft[key]} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
    </Field>
  );
  return (
    <>
      {field(
        "communeName",
        t.communeName,
        t.communeHint(read?.commune ? communeWords(read.commune) : null),
        checks.communeOk ? undefined : t.communeInvalid,
      )}
      {read && (read.plan.number || read.plan.date || read.plan.title) && (
        <div className={s.muted} data-testid="plan-read">
          {t.planRead(planReference(read, "short"))}
        </div>
      )}
      {field("planNumber", t.planNumber, t.planFieldHint)}
      {field("planDate", t.planDate, t.planFieldHint, checks.planDate === undefined ? t.planDateInvalid : undefined)}
      {field("planName", t.planName, t.planNameHint)}
      <Field label={t.planYear} validationMessage={checks.year === undefined ? t.planYearInvalid : undefined}>
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
    </>
  );
}

function UnitsFieldset({ draft, setDraft, showErrors, banner }: PartProps & { showErrors: boolean; banner: string | null }) {
  const t = useStrings();
  const s = useStyles();
  const setUnit = (id: number, p: Partial<UnitDraft>) =>
    setDraft({ ...draft, units: draft.units.map((u) => (u.id === id ? { ...u, ...p } : u)) });
  return (
    <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }}>
      <legend className={s.sectionTitle}>{t.unitsList}</legend>
      {banner && (
        <MessageBar intent="info" layout="multiline" data-testid="units-proposed">
          <MessageBarBody>{banner}</MessageBarBody>
        </MessageBar>
      )}
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
  );
}

function ReportFieldset({ draft, setDraft }: PartProps) {
  const t: UiStrings = useStrings();
  const s = useStyles();
  const setReport = (p: Partial<ReportDraft>) => setDraft({ ...draft, report: { ...draft.report, ...p } });
  const input = (key: Exclude<keyof ReportDraft, "signerTitle" | "recipients">, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input className={s.fullInput} value={draft.report[key]} onChange={(_, d) => setReport({ [key]: d.value })} />
    </Field>
  );
  const lines = (key: "signerTitle" | "recipients", label: string) => (
    <Field label={label}>
      <Textarea className={s.fullInput} resize="vertical" value={draft.report[key]} onChange={(_, d) => setReport({ [key]: d.value })} />
    </Field>
  );
  return (
    <fieldset className={s.section} style={{ border: "none", margin: 0, padding: 0 }} data-testid="report-settings">
      <legend className={s.sectionTitle}>{t.reportSettings}</legend>
      {input("parentAgency", t.parentAgency)}
      {input("issuingAgency", t.issuingAgency, t.issuingAgencyHint)}
      {input("number", t.reportNumber)}
      {lines("signerTitle", t.signerTitle)}
      {input("signerName", t.signerName)}
      {lines("recipients", t.recipients)}
      {input("archive", t.archive)}
    </fieldset>
  );
}
