/** The task pane: check the appendices, see the results, fix, highlight, build the summary, settings. */
import { useState, type ReactNode } from "react";
import { Button, Field, FluentProvider, Input, MessageBar, MessageBarBody, ProgressBar, webLightTheme } from "@fluentui/react-components";
import type { WorkbookPort } from "../core/port";
import { UI, type Lang } from "../i18n/ui";
import { LangContext } from "./i18n";
import { mergedAreasUnsupported } from "./features";
import { usePane, type Busy } from "./hooks/usePane";
import { useStyles } from "./styles";
import { ErrorBar } from "./views/ErrorBar";
import { ReportViews } from "./views/ReportViews";
import { SummaryPanel } from "./views/SummaryPanel";
import { SettingsView } from "./views/SettingsView";

export interface AppProps {
  port: WorkbookPort;
  /** Today's date (ISO), read from the clock by the caller. */
  today: string;
  /** Extra buttons beside "Tạo bảng tổng hợp" (the preview's download). */
  summaryExtra?: ReactNode;
  initialLang?: Lang;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.initialLang ?? "vi");
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={lang} dir="ltr" style={{ background: "transparent" }}>
        <Pane {...props} lang={lang} onToggleLang={() => setLang(lang === "vi" ? "en" : "vi")} />
      </FluentProvider>
    </LangContext.Provider>
  );
}

function progressText(busy: Busy | null, t: (typeof UI)["vi"]): string {
  if (!busy) return "";
  switch (busy.kind) {
    case "reading":
      return t.readingSheets(busy.done, busy.total, busy.sheet);
    case "analysing":
      // A sheet named with rows read is under way (n = done + 1); without rows it has just been read.
      if (busy.phase === "sheets" && busy.sheet && busy.total)
        return t.analysingSheet(busy.sheet, Math.min((busy.done ?? 0) + (busy.rows ? 1 : 0), busy.total), busy.total);
      if (busy.phase === "aggregate") return t.aggregating;
      return t.analysing;
    case "summary":
      return t.buildingSummary;
    default:
      return "";
  }
}

/** How far along the progress bar is (undefined: indeterminate). Analysis: sheets are most of the work. */
function progressFraction(busy: Busy | null): number | undefined {
  if (busy?.kind === "reading") return busy.total > 0 ? busy.done / busy.total : undefined;
  if (busy?.kind !== "analysing" || !busy.phase || !busy.total) return undefined;
  const part = (busy.done ?? 0) / busy.total;
  if (busy.phase === "prepare") return 0.05 * part;
  if (busy.phase === "aggregate") return 0.95 + 0.05 * part;
  const rows = busy.rows && busy.rows.total > 0 ? Math.min(1, busy.rows.done / busy.rows.total) : 0;
  return 0.05 + 0.9 * Math.min(1, ((busy.done ?? 0) + rows) / busy.total);
}

function Pane({ port, today, summaryExtra, lang, onToggleLang }: AppProps & { lang: Lang; onToggleLang: () => void }) {
  const t = UI[lang];
  const s = useStyles();
  const pane = usePane(port, t, today, lang);
  const { state } = pane;
  const [showSettings, setShowSettings] = useState(false);
  const busy = state.busy !== null;
  const progress = progressText(state.busy, t);
  const fraction = progressFraction(state.busy);

  return (
    <main className={s.root} lang={lang} aria-busy={busy}>
      <h1 className={s.title}>{t.appTitle}</h1>
      <div className={s.toolbar}>
        <Button appearance="primary" disabled={busy && !state.checking} onClick={() => void pane.validate()} data-testid="validate">
          {t.validate}
        </Button>
        <Field label={t.asOfDate} className={s.dateInput} validationMessage={state.asOf ? undefined : t.asOfInvalid}>
          <Input type="date" value={state.asOf} onChange={(_, d) => pane.setAsOf(d.value)} data-testid="as-of" />
        </Field>
        <div className={s.grow} />
        <Button aria-expanded={showSettings} onClick={() => setShowSettings(!showSettings)} data-testid="settings-toggle">
          {showSettings ? t.closeSettings : t.settings}
        </Button>
        <Button appearance="subtle" title={t.languageName} lang={lang === "vi" ? "en" : "vi"} onClick={onToggleLang}>
          {t.language}
        </Button>
      </div>

      <div role="status" aria-live="polite" data-testid="progress">
        {progress && (
          <>
            <ProgressBar value={fraction} thickness="large" aria-label={progress} />
            <div className={s.muted}>{progress}</div>
          </>
        )}
        {!progress && state.notice && <div data-testid="notice">{state.notice}</div>}
        {!progress && !state.notice && state.report && (
          <div className={s.visuallyHidden}>
            {t.headline(state.report.tasks.length, state.report.sheets.filter((x) => x.role === "appendix").length)},{" "}
            {t.errorCount(state.report.issues.filter((i) => i.severity === "error").length)},{" "}
            {t.warningCount(state.report.issues.filter((i) => i.severity === "warning").length)}
          </div>
        )}
      </div>

      {state.error && <ErrorBar message={state.error} onDismiss={pane.dismissError} />}
      {!showSettings && state.settingsWarning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{state.settingsWarning}</MessageBarBody>
        </MessageBar>
      )}
      {!showSettings && state.report && mergedAreasUnsupported(port) && (
        // One sentence, no actions (nothing to focus); multiline so it wraps in a narrow pane (singleline
        // is white-space: nowrap); polite, as it is advice, not an error (a warning bar is assertive by default).
        <MessageBar intent="warning" layout="multiline" politeness="polite" data-testid="merged-areas-warning">
          <MessageBarBody>{t.noMergedAreas}</MessageBarBody>
        </MessageBar>
      )}

      {showSettings ? (
        state.settings && (
          <SettingsView
            key={JSON.stringify(state.settings)}
            settings={state.settings}
            warning={state.settingsWarning}
            busy={busy}
            onSave={pane.saveSettings}
            onNotice={pane.setNotice}
          />
        )
      ) : (
        <div className={s.section} data-testid="results">
          {!state.report && !busy && <p className={s.muted}>{t.startHint}</p>}
          {state.report && (
            <ReportViews
              report={state.report}
              dueSoon={state.dueSoon}
              busy={busy}
              onSelect={pane.select}
              onFix={pane.applyFix}
              onHighlight={pane.highlight}
              onClearHighlights={pane.clearHighlights}
            />
          )}
          <SummaryPanel busy={busy} result={state.summary} onBuild={() => void pane.buildSummary()} extra={summaryExtra} />
        </div>
      )}
    </main>
  );
}
