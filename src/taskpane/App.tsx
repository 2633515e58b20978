/** The task pane: check the appendices, see the results, fix, highlight, build the summary, settings. */
import { useCallback, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import {
  Button,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../core/port";
import { UI, type Lang, type UiStrings } from "../i18n/ui";
import { LangContext } from "./i18n";
import { mergedAreasUnsupported } from "./features";
import { usePane } from "./hooks/usePane";
import { loadEngine, type EngineLoader } from "./engine";
import { isBusy, type Activity, type PaneState } from "./state/pane-state";
import type { PaneController } from "./controller/pane-controller";
import { useStyles } from "./styles";
import { ErrorBar } from "./views/ErrorBar";
import { SummaryPanel } from "./views/SummaryPanel";
import { ReportPanel } from "./views/ReportPanel";
import { saveFile as downloadFile, type FileDelivery, type SaveFile } from "./file-delivery";
import { ResultsView, ReturnsSection, SettingsPanel } from "./views/lazy";
import { RETURNS_UI } from "../i18n/returns";

export interface AppProps {
  port: WorkbookPort;
  /** Today's date (ISO), read from the clock by the caller. */
  today: string;
  /** The language, when the page around the pane chooses it (the web app): the pane then has no toggle of its own. */
  lang?: Lang;
  /** The engine chunk (tests inject a stand-in). */
  engine?: EngineLoader;
  /** How a made file reaches the user: a download (default), or a sheet in the workbook (Excel for Mac). */
  delivery?: FileDelivery;
  /** The download itself (tests inject a stand-in). */
  saveFile?: SaveFile;
  /** Opens a workbook made by the pane in a new Excel window (Excel for Mac, where a download cannot work). */
  openWorkbook?: (bytes: Uint8Array) => Promise<void>;
  /** The open workbook's file name, when known (the preview's): kept in the units' copies. */
  fileName?: string;
}

export function App(props: AppProps) {
  const [own, setOwn] = useState<Lang>("vi");
  const lang = props.lang ?? own;
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={lang} dir="ltr" style={{ background: "transparent" }}>
        <Pane {...props} lang={lang} onToggleLang={props.lang ? undefined : () => setOwn(lang === "vi" ? "en" : "vi")} />
      </FluentProvider>
    </LangContext.Provider>
  );
}

/** Cài đặt opens and closes from its toggle; Escape while it is open closes it and gives the focus back to the toggle. */
function useSettingsToggle(toggle: RefObject<HTMLButtonElement | null>) {
  const [open, setOpen] = useState(false);
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    },
    [toggle],
  );
  const flip = useCallback(() => setOpen((o) => !o), []);
  const show = useCallback(() => setOpen(true), []);
  return { open, flip, show, onKeyDown };
}

function progressText(activity: Activity, t: UiStrings): string {
  if (activity.kind === "idle") return "";
  const p = activity.progress;
  if (p?.stage === "reading") return t.readingSheets(p.done, p.total, p.sheet);
  if (p?.stage === "analysing") {
    const step = p.step;
    // A sheet named with rows read is under way (n = done + 1); without rows it has just been read.
    if (step?.phase === "sheets" && step.sheet && step.total)
      return t.analysingSheet(step.sheet, Math.min(step.done + (step.rows ? 1 : 0), step.total), step.total);
    if (step?.phase === "aggregate") return t.aggregating;
    return t.analysing;
  }
  if (activity.kind === "checking") return t.readingSheets(0, 0);
  if (activity.what === "report") return t.buildingReport;
  if (activity.what === "split") return RETURNS_UI[t.lang].splitting;
  if (activity.what === "merge") return RETURNS_UI[t.lang].reading;
  if (activity.what === "mergeApply") return RETURNS_UI[t.lang].applying;
  if (activity.what === "mergeUndo") return RETURNS_UI[t.lang].undoing;
  return activity.what === "summary" ? t.buildingSummary : "";
}

/** How far along the progress bar is (undefined: indeterminate). Analysis: sheets are most of the work. */
function progressFraction(activity: Activity): number | undefined {
  if (activity.kind === "idle") return undefined;
  const p = activity.progress;
  if (p?.stage === "reading") return p.total > 0 ? p.done / p.total : undefined;
  const step = p?.stage === "analysing" ? p.step : undefined;
  if (!step || !step.total) return undefined;
  const part = step.done / step.total;
  if (step.phase === "prepare") return 0.05 * part;
  if (step.phase === "aggregate") return 0.95 + 0.05 * part;
  const rows = step.rows && step.rows.total > 0 ? Math.min(1, step.rows.done / step.rows.total) : 0;
  return 0.05 + 0.9 * Math.min(1, (step.done + rows) / step.total);
}

/** Kiểm tra: the results' view loads while the check runs. */
const preloadResults = () => void ResultsView.preload().catch(() => undefined);

type PaneProps = AppProps & { lang: Lang; onToggleLang?: () => void };

function Pane(props: PaneProps) {
  const { port, today, lang, engine, delivery = "download", saveFile = downloadFile, openWorkbook, fileName } = props;
  const s = useStyles();
  const host = { port, loadEngine: engine ?? loadEngine, delivery, saveFile, openWorkbook, fileName, onCheckStart: preloadResults };
  const { state, pane } = usePane(host, today, lang);
  const settingsToggle = useRef<HTMLButtonElement>(null);
  const settings = useSettingsToggle(settingsToggle);
  const view: PaneView = { state, pane, t: UI[lang], busy: isBusy(state), settings };
  return (
    <main className={s.root} lang={lang} aria-busy={view.busy} onKeyDown={settings.open ? settings.onKeyDown : undefined}>
      <h1 className={s.title}>{view.t.appTitle}</h1>
      <Toolbar view={view} lang={lang} settingsToggle={settingsToggle} onToggleLang={props.onToggleLang} />
      <ProgressStatus state={state} t={view.t} />
      <MessageBars view={view} port={port} />
      {settings.open ? <SettingsArea view={view} /> : <ResultsArea view={view} delivery={delivery} canOpen={!!openWorkbook} />}
    </main>
  );
}

/** What the pane's parts share: the state, the controller, the words, whether it is busy, the Cài đặt toggle. */
interface PaneView {
  state: PaneState;
  pane: PaneController;
  t: UiStrings;
  busy: boolean;
  settings: ReturnType<typeof useSettingsToggle>;
}

/** Kiểm tra, the as-of date, Cài đặt and the language toggle. */
interface ToolbarProps {
  view: PaneView;
  lang: Lang;
  settingsToggle: RefObject<HTMLButtonElement | null>;
  onToggleLang?: () => void;
}

function Toolbar({ view, lang, settingsToggle, onToggleLang }: ToolbarProps) {
  const { state, pane, t, busy, settings } = view;
  const s = useStyles();
  return (
    <div className={s.toolbar}>
      <Button appearance="primary" disabled={busy && state.activity.kind !== "checking"} onClick={pane.validate} data-testid="validate">
        {t.validate}
      </Button>
      <Field label={t.asOfDate} className={s.dateInput} validationMessage={state.asOf ? undefined : t.asOfInvalid}>
        <Input type="date" value={state.asOf} onChange={(_, d) => pane.setAsOf(d.value)} data-testid="as-of" />
      </Field>
      <div className={s.grow} />
      <Button ref={settingsToggle} aria-expanded={settings.open} onClick={settings.flip} data-testid="settings-toggle">
        {settings.open ? t.closeSettings : t.settings}
      </Button>
      {onToggleLang && (
        <Button appearance="subtle" title={t.languageName} lang={lang === "vi" ? "en" : "vi"} onClick={onToggleLang}>
          {t.language}
        </Button>
      )}
    </div>
  );
}

/** The live region: the progress of what runs, else the last notice, else the result in one sentence. */
function ProgressStatus({ state, t }: { state: PaneState; t: UiStrings }) {
  const s = useStyles();
  const progress = progressText(state.activity, t);
  const report = state.result?.report ?? null;
  return (
    <div role="status" aria-live="polite" data-testid="progress">
      {progress && (
        <>
          <ProgressBar value={progressFraction(state.activity)} thickness="large" aria-label={progress} />
          <div className={s.muted}>{progress}</div>
        </>
      )}
      {!progress && state.notice && <div data-testid="notice">{state.notice(t)}</div>}
      {!progress && !state.notice && report && (
        <div className={s.visuallyHidden}>
          {t.headline(report.tasks.length, report.sheets.filter((x) => x.role === "appendix").length)},{" "}
          {t.errorCount(report.issues.filter((i) => i.severity === "error").length)},{" "}
          {t.warningCount(report.issues.filter((i) => i.severity === "warning").length)}
        </div>
      )}
    </div>
  );
}

/** The error bar, and the warnings about the settings, the merged areas and the unit list. */
function MessageBars({ view, port }: { view: PaneView; port: WorkbookPort }) {
  const { state, pane, t, settings } = view;
  const report = state.result?.report ?? null;
  return (
    <>
      {state.error && <ErrorBar message={state.error(t)} onDismiss={pane.dismissError} />}
      {!settings.open && state.settingsWarning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{state.settingsWarning(t)}</MessageBarBody>
        </MessageBar>
      )}
      {!settings.open && report && mergedAreasUnsupported(port) && (
        // One sentence, no actions (nothing to focus); multiline so it wraps in a narrow pane (singleline
        // is white-space: nowrap); polite, as it is advice, not an error (a warning bar is assertive by default).
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="merged-areas-warning">
          <MessageBarBody>{t.noMergedAreas}</MessageBarBody>
        </MessageBar>
      )}
      {!settings.open && report?.unitProposal && (
        // Never adopted by itself: the button opens Cài đặt with the proposed list, for the user to save or not.
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="units-proposal">
          <MessageBarBody>{t.proposalNotice(report.unitProposal.unknown, report.unitProposal.leads)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={settings.show}>{t.proposalOpen}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

/** Cài đặt, once the settings are loaded. */
function SettingsArea({ view }: { view: PaneView }) {
  const { state, pane, t, busy } = view;
  const report = state.result?.report ?? null;
  if (!state.settings) return null;
  return (
    <SettingsPanel
      key={JSON.stringify(state.settings)}
      settings={state.settings}
      identity={report?.identity ?? null}
      proposal={report?.unitProposal ?? null}
      warning={state.settingsWarning?.(t) ?? null}
      busy={busy}
      onSave={pane.saveSettings}
      onNotice={pane.setNotice}
    />
  );
}

interface ResultsAreaProps {
  view: PaneView;
  delivery: FileDelivery;
  canOpen: boolean;
}

/** The results of the check, the summary, the report document and the units' returns. */
function ResultsArea({ view, delivery, canOpen }: ResultsAreaProps) {
  const { state, pane, t, busy } = view;
  const s = useStyles();
  const returns = pane.returns;
  return (
    <div className={s.section} data-testid="results">
      {!state.result && !busy && <p className={s.muted}>{t.startHint}</p>}
      {state.result && (
        <ResultsView
          report={state.result.report}
          dueSoon={state.result.dueSoon}
          busy={busy}
          changes={state.changes}
          onSelect={pane.select}
          onChooseSnapshot={pane.compareWith}
          onFix={pane.applyFix}
          onCommand={pane.runCommand}
        />
      )}
      <SummaryPanel busy={busy} result={state.summary} onBuild={pane.buildSummary} />
      <ReportPanel busy={busy} delivery={delivery} onBuild={pane.buildReport} />
      <ReturnsSection
        busy={busy}
        delivery={delivery}
        state={state.returns}
        canOpen={canOpen}
        onSplit={returns.split}
        onFiles={returns.pickFiles}
        onAccept={returns.accept}
        onSelect={pane.select}
        onRebuildSummary={pane.buildSummary}
        onApply={returns.apply}
        onCancel={returns.closeReview}
        onUndo={returns.undo}
        onLoadState={returns.loadMergeState}
        onDownload={returns.download}
        onDownloadAll={returns.downloadAll}
        onOpen={returns.open}
      />
    </div>
  );
}
