/** The task pane: check the appendices, see the results, fix, highlight, build the summary, settings. */
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
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
import { UI, type Lang } from "../i18n/ui";
import { LangContext } from "./i18n";
import { mergedAreasUnsupported } from "./features";
import { usePane } from "./hooks/usePane";
import { loadEngine, type EngineLoader } from "./engine";
import { isBusy, type Activity } from "./state/pane-state";
import { useStyles } from "./styles";
import { ErrorBar } from "./views/ErrorBar";
import { SummaryPanel } from "./views/SummaryPanel";
import { ReportPanel } from "./views/ReportPanel";
import { saveFile as downloadFile, type FileDelivery, type SaveFile } from "./file-delivery";
import { ResultsView, ReturnsSection, SettingsPanel } from "./views/lazy";
import { RETURNS_UI } from "../i18n/returns";
import { XLSX_MEDIA_TYPE } from "../app/use-cases/split-media";

export interface AppProps {
  port: WorkbookPort;
  /** Today's date (ISO), read from the clock by the caller. */
  today: string;
  /** Extra buttons beside "Tạo bảng tổng hợp" (the preview's download). */
  summaryExtra?: ReactNode;
  initialLang?: Lang;
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
  const [own, setOwn] = useState<Lang>(props.initialLang ?? "vi");
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
function useSettingsToggle() {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if (e.key !== "Escape" || e.defaultPrevented) return;
    e.preventDefault();
    setOpen(false);
    toggle.current?.focus();
  }, []);
  return { open, setOpen, toggle, onKeyDown };
}

function progressText(activity: Activity, t: (typeof UI)["vi"]): string {
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

function Pane({
  port,
  today,
  summaryExtra,
  lang,
  engine,
  delivery = "download",
  saveFile = downloadFile,
  openWorkbook,
  fileName,
  onToggleLang,
}: AppProps & { lang: Lang; onToggleLang?: () => void }) {
  const t = UI[lang];
  const s = useStyles();
  const engineLoader = engine ?? loadEngine;
  const pane = usePane(port, engineLoader, today, lang);
  const { state } = pane;
  const settings = useSettingsToggle();
  const showSettings = settings.open;
  const busy = isBusy(state);
  const checking = state.activity.kind === "checking";
  const report = state.result?.report ?? null;
  const progress = progressText(state.activity, t);
  const fraction = progressFraction(state.activity);

  return (
    <main className={s.root} lang={lang} aria-busy={busy} onKeyDown={showSettings ? settings.onKeyDown : undefined}>
      <h1 className={s.title}>{t.appTitle}</h1>
      <div className={s.toolbar}>
        <Button
          appearance="primary"
          disabled={busy && !checking}
          onClick={() => {
            void ResultsView.preload().catch(() => undefined); // the results' view loads while the check runs
            void pane.validate();
          }}
          data-testid="validate"
        >
          {t.validate}
        </Button>
        <Field label={t.asOfDate} className={s.dateInput} validationMessage={state.asOf ? undefined : t.asOfInvalid}>
          <Input type="date" value={state.asOf} onChange={(_, d) => pane.setAsOf(d.value)} data-testid="as-of" />
        </Field>
        <div className={s.grow} />
        <Button
          ref={settings.toggle}
          aria-expanded={showSettings}
          onClick={() => settings.setOpen(!showSettings)}
          data-testid="settings-toggle"
        >
          {showSettings ? t.closeSettings : t.settings}
        </Button>
        {onToggleLang && (
          <Button appearance="subtle" title={t.languageName} lang={lang === "vi" ? "en" : "vi"} onClick={onToggleLang}>
            {t.language}
          </Button>
        )}
      </div>

      <div role="status" aria-live="polite" data-testid="progress">
        {progress && (
          <>
            <ProgressBar value={fraction} thickness="large" aria-label={progress} />
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

      {state.error && <ErrorBar message={state.error(t)} onDismiss={pane.dismissError} />}
      {!showSettings && state.settingsWarning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{state.settingsWarning(t)}</MessageBarBody>
        </MessageBar>
      )}
      {!showSettings && report && mergedAreasUnsupported(port) && (
        // One sentence, no actions (nothing to focus); multiline so it wraps in a narrow pane (singleline
        // is white-space: nowrap); polite, as it is advice, not an error (a warning bar is assertive by default).
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="merged-areas-warning">
          <MessageBarBody>{t.noMergedAreas}</MessageBarBody>
        </MessageBar>
      )}

      {!showSettings && report?.unitProposal && (
        // Never adopted by itself: the button opens Cài đặt with the proposed list, for the user to save or not.
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="units-proposal">
          <MessageBarBody>{t.proposalNotice(report.unitProposal.unknown, report.unitProposal.leads)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => settings.setOpen(true)}>{t.proposalOpen}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {showSettings ? (
        state.settings && (
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
        )
      ) : (
        <div className={s.section} data-testid="results">
          {!report && !busy && <p className={s.muted}>{t.startHint}</p>}
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
          <SummaryPanel busy={busy} result={state.summary} onBuild={() => void pane.buildSummary()} extra={summaryExtra} />
          <ReportPanel busy={busy} delivery={delivery} onBuild={() => void pane.buildReport(delivery, saveFile)} />
          <ReturnsSection
            busy={busy}
            delivery={delivery}
            state={state.returns}
            canOpen={!!openWorkbook}
            onSplit={() => void pane.splitToUnits(fileName)}
            onFiles={(files) =>
              void Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))).then(
                pane.reviewReturnFiles,
                (err) => pane.setNotice(err instanceof Error ? err.message : String(err)),
              )
            }
            onAccept={pane.acceptChanges}
            onSelect={(target) => void pane.select(target)}
            onRebuildSummary={() => void pane.buildSummary()}
            onApply={() => void pane.applyReview()}
            onCancel={pane.closeReview}
            onUndo={() => void pane.undoMerge()}
            onLoadState={pane.loadMergeState}
            onDownload={(f) => saveFile(f.bytes, f.fileName, XLSX_MEDIA_TYPE)}
            onDownloadAll={(files) =>
              void engineLoader()
                .then((e) => e.zipFiles(files))
                .then((zip) => saveFile(zip, RETURNS_UI[lang].zipName, "application/zip"))
            }
            onOpen={(f) =>
              void openWorkbook?.(f.bytes).then(
                () => pane.setNotice(RETURNS_UI[lang].opened(f.fileName)),
                (err) => pane.setNotice(err instanceof Error ? err.message : String(err)),
              )
            }
          />
        </div>
      )}
    </main>
  );
}
