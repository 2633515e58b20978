/**
 * The web app (the release's index.html): phuluc in a browser, for offices whose Excel cannot run add-ins.
 * This first screen is all that loads at first (React, plain HTML with a small stylesheet, these words):
 * it opens a workbook — the picker, a drop anywhere on the window, the sample, or the file the installed
 * app was opened on — and only then loads the workspace (Fluent UI, the pane, the sheet view, the file
 * layer, saving).
 * The language chosen here holds for the whole app, the pane included.
 */
import { ConsolidateEntry } from "../taskpane/preview/ConsolidateEntry";
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { Lang } from "../i18n/ui";
import { WEBAPP_TEXTS, type WebAppTexts } from "../i18n/webapp";
import { hasFileAccess, onLaunchFile, pickWorkbook } from "./file-access";
import type { WorkbookOpener } from "./opened";
import { fileSource, sampleSource, useOpener, type FileSource } from "./use-opener";
import { useDrop } from "./use-drop";
import type { WorkspaceProps } from "./Workspace";
import { addFirstScreenStyles } from "./first-screen.css";

const Workspace = lazy(() => import(/* webpackChunkName: "workspace" */ "./Workspace"));

const openXlsx: WorkbookOpener = (bytes, name) =>
  import(/* webpackChunkName: "workspace" */ "./open-xlsx").then(({ openXlsx }) => openXlsx(bytes, name));

export const SAMPLE_URL = "assets/sample.xlsx";
const LANG_KEY = "phuluc.lang";

export interface WebAppProps {
  today: string;
  /** Opens a workbook's bytes (tests inject a stand-in). */
  open?: WorkbookOpener;
  sampleUrl?: string;
  /** Open the sample at once (the page's ?sample=1). */
  autoSample?: boolean;
  /** A function that switches to a newly installed release (from the service worker), when there is one. */
  update?: (() => void) | null;
  /** Whether the browser can write files (tests force one way or the other). */
  fileAccess?: boolean;
  /** Passed on to the workspace (tests). */
  workspace?: Partial<Pick<WorkspaceProps, "saveFile">>;
}

function initialLang(): Lang {
  try {
    const asked = new URLSearchParams(window.location.search).get("lang") ?? window.localStorage.getItem(LANG_KEY);
    return asked === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function useLang(): [Lang, () => void] {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggle = useCallback(() => {
    setLang((l) => {
      const next = l === "vi" ? "en" : "vi";
      try {
        window.localStorage.setItem(LANG_KEY, next);
      } catch {
        /* storage blocked: the choice holds for this visit */
      }
      return next;
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return [lang, toggle];
}

/** Asks before a new file replaces one with unsaved changes; `confirming` is the question shown. */
function useDiscardGuard(dirty: boolean) {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const guard = useCallback((action: () => void) => (dirty ? setPending(() => action) : action()), [dirty]);
  const answer = (yes: boolean) => {
    const action = pending;
    setPending(null);
    if (yes) action?.();
  };
  return { guard, confirming: pending !== null, answer };
}

/** The file the installed app was opened on, and the sample when the page asks for it: opened once, at start. */
function useLaunchOpen(openFrom: (source: FileSource) => void, autoSample: boolean, sampleUrl: string) {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    onLaunchFile((file) => openFrom(async () => file));
    if (autoSample) openFrom(sampleSource(sampleUrl, WEBAPP_TEXTS.vi));
  }, [autoSample, sampleUrl, openFrom]);
}

/**
 * The ways to open a workbook — the picker (the browser's file system access, else the hidden file
 * input), the sample, a drop, the launch file — each asking first when unsaved changes would be lost.
 */
function useOpening(props: WebAppProps, t: WebAppTexts) {
  const { open = openXlsx, sampleUrl = SAMPLE_URL, autoSample = false } = props;
  const files = useOpener(open, t);
  const load = files.load;
  const [dirty, setDirty] = useState(false);
  const discard = useDiscardGuard(dirty);
  const guard = discard.guard;
  const input = useRef<HTMLInputElement>(null);
  const writable = props.fileAccess ?? hasFileAccess();

  // (A newly opened workbook's workspace reports itself clean.)
  const openFrom = useCallback((source: FileSource) => guard(() => void load(source)), [guard, load]);
  const openFile = () => guard(() => (writable ? void load(() => pickWorkbook(t.fileTypeName)) : input.current?.click()));
  const openSample = () => openFrom(sampleSource(sampleUrl, t));
  const dragging = useDrop((file, handle) => openFrom(fileSource(file, handle)));
  useLaunchOpen(openFrom, autoSample, sampleUrl);
  return { files, setDirty, discard, input, writable, openFile, openSample, dragging };
}

export function WebApp(props: WebAppProps) {
  const { today, update = null } = props;
  const [lang, toggleLang] = useLang();
  const t = WEBAPP_TEXTS[lang];
  addFirstScreenStyles();
  const { files, setDirty, discard, input, writable, openFile, openSample, dragging } = useOpening(props, t);
  const opened = files.opened;

  return (
    <div className="phl-page" lang={lang}>
      {update && <UpdateBar t={t} apply={update} />}
      {opened ? (
        <Suspense fallback={<p role="status">{t.loading}</p>}>
          <Workspace
            key={opened.generation}
            workbook={opened.workbook}
            handle={opened.handle}
            today={today}
            lang={lang}
            onToggleLang={toggleLang}
            onOpenFile={openFile}
            onOpenSample={openSample}
            opening={files.loading}
            openError={files.error}
            fileAccess={writable}
            onDirtyChange={setDirty}
            discard={{ open: discard.confirming, onAnswer: discard.answer }}
            onMoved={files.moveTo}
            {...props.workspace}
          />
        </Suspense>
      ) : (
        <Welcome
          t={t}
          today={today}
          lang={lang}
          onOpenFile={openFile}
          onOpenSample={openSample}
          onToggleLang={toggleLang}
          loading={files.loading}
          error={files.error}
        />
      )}
      <FileInput input={input} t={t} onFile={(f) => void files.load(fileSource(f))} />
      {dragging && (
        <div className="phl-drop" aria-hidden="true">
          {t.dropHere}
        </div>
      )}
    </div>
  );
}

/** The file input the picker falls back to where the browser cannot write files (hidden; Mở tệp clicks it). */
function FileInput({ input, t, onFile }: { input: RefObject<HTMLInputElement | null>; t: WebAppTexts; onFile: (file: File) => void }) {
  return (
    <input
      ref={input}
      type="file"
      accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      className="phl-hidden"
      aria-label={t.openFile}
      tabIndex={-1}
      data-testid="file-input"
      onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        e.currentTarget.value = "";
        if (f) onFile(f);
      }}
    />
  );
}

interface WelcomeProps {
  t: WebAppTexts;
  today: string;
  lang: Lang;
  loading: boolean;
  error: string | null;
  onOpenFile: () => void;
  onOpenSample: () => void;
  onToggleLang: () => void;
}

function Welcome({ t, today, lang, loading, error, onOpenFile, onOpenSample, onToggleLang }: WelcomeProps): ReactNode {
  return (
    <main className="phl-welcome" data-testid="welcome">
      <div className="phl-head">
        <h1 className="phl-title">{t.title}</h1>
        <button
          type="button"
          className="phl-btn phl-subtle"
          title={t.languageName}
          lang={t === WEBAPP_TEXTS.vi ? "en" : "vi"}
          onClick={onToggleLang}
        >
          {t.language}
        </button>
      </div>
      <p>{t.intro}</p>
      <div className="phl-row">
        <button type="button" className="phl-btn phl-primary" onClick={onOpenFile} disabled={loading}>
          {t.openFile}
        </button>
        <button type="button" className="phl-btn" onClick={onOpenSample} disabled={loading}>
          {t.openSample}
        </button>
      </div>
      <p className="phl-muted">{t.dropHint}</p>
      <div role="status" aria-live="polite">
        {loading && t.loading}
      </div>
      {error && (
        <p role="alert" className="phl-error">
          {error}
        </p>
      )}
      <ConsolidateEntry today={today} lang={lang} classes={{ button: "phl-btn", error: "phl-error" }} />
    </main>
  );
}

function UpdateBar({ t, apply }: { t: WebAppTexts; apply: () => void }) {
  return (
    <div className="phl-update" role="status" data-testid="update">
      <span>{t.updateReady}</span>
      <button type="button" className="phl-btn phl-primary" onClick={apply}>
        {t.reload}
      </button>
    </div>
  );
}
