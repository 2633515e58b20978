/**
 * The web app with a workbook open (loaded when the first workbook opens): a bar with the file, open and
 * save actions and the language; the task pane (the same App as in Excel, on the in-memory workbook); the
 * sheet view beside it (below it on a narrow screen), which follows every action of the pane — a selected
 * cell, highlights, fixes, new summary sheets. Unsaved changes are marked, and leaving the page asks first.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { Button, FluentProvider, makeStyles, tokens, useRestoreFocusTarget, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../i18n/ui";
import { WEBAPP_TEXTS, type WebAppTexts } from "../i18n/webapp";
import { App } from "../taskpane/App";
import { LangContext } from "../taskpane/i18n";
import type { SaveFile } from "../taskpane/file-delivery";
import { observePort, type PortEvent } from "../taskpane/preview/observed-port";
import type { PreviewSheet } from "../taskpane/preview/sheet-model";
import ConfirmDialog from "./ConfirmDialog";
import type { FileHandle } from "./file-access";
import type { OpenedWorkbook } from "./opened";
import { useSave } from "./use-save";

const GridView = lazy(() =>
  import(/* webpackChunkName: "sheet-view" */ "../taskpane/preview/GridView").then((m) => ({ default: m.GridView })),
);

/** Below this width the pane and the sheet view stack (the pane first), and the page scrolls as one. */
const NARROW = "@media (max-width: 760px)";

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", height: "100vh", [NARROW]: { height: "auto" } },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    gap: "8px",
    alignItems: "center",
    padding: "8px 12px",
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  brand: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: "#217346" },
  file: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", minWidth: 0 },
  grow: { flexGrow: 1 },
  status: { fontSize: tokens.fontSizeBase200, flexBasis: "100%", ":empty": { display: "none" } },
  error: { color: "#A4262C", fontWeight: tokens.fontWeightSemibold },
  body: { display: "flex", flexGrow: 1, minHeight: 0, [NARROW]: { flexDirection: "column" } },
  pane: {
    width: "400px",
    flexShrink: 0,
    overflowX: "hidden",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    [NARROW]: { width: "100%", overflowY: "visible", borderRight: "none", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    padding: "12px",
    boxSizing: "border-box",
    [NARROW]: { height: "85vh", padding: "8px" },
  },
});

export interface WorkspaceProps {
  workbook: OpenedWorkbook;
  handle: FileHandle | null;
  today: string;
  lang: Lang;
  onToggleLang: () => void;
  onOpenFile: () => void;
  onOpenSample: () => void;
  /** Another file is being opened, or could not be. */
  opening: boolean;
  openError: string | null;
  /** Whether «Lưu» / «Lưu thành bản mới» can write files (else: a download). */
  fileAccess: boolean;
  onDirtyChange: (dirty: boolean) => void;
  /** The question asked before another file replaces this one while it has unsaved changes. */
  discard: { open: boolean; onAnswer: (yes: boolean) => void };
  onMoved: (handle: FileHandle) => void;
  /** The download (tests inject a stand-in). */
  saveFile?: SaveFile;
}

/** The sheets shown beside the pane, following the port's events (selection, any write). */
function useSheetView(workbook: OpenedWorkbook, onChanged: () => void) {
  const [sheets, setSheets] = useState<PreviewSheet[]>(() => workbook.sheets());
  const [active, setActive] = useState<string | null>(() => workbook.sheets()[0]?.name ?? null);
  const [selected, setSelected] = useState<{ sheet: string; cell: string } | null>(null);
  const port = useMemo(
    () =>
      observePort(workbook.port, (e: PortEvent) => {
        if (e.kind === "select") {
          setActive(e.sheet);
          setSelected({ sheet: e.sheet, cell: e.cell });
        } else {
          setSheets(workbook.sheets());
          onChanged();
        }
      }),
    [workbook, onChanged],
  );
  return { port, sheets, active, setActive, selected };
}

/** Leaving the page with unsaved changes asks first (the browser's own question). */
function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);
}

/**
 * Whether a question has been asked yet. The dialog is mounted only from then on: Fluent's focus manager
 * adds its focus-trap helpers to the page as soon as a modal dialog exists; once it has been used it stays
 * mounted, so that closing it always hands the page back (an unmounted open dialog can leave it hidden).
 */
function useAsked(asking: boolean): boolean {
  const [asked, setAsked] = useState(false);
  if (asking && !asked) setAsked(true);
  return asked || asking;
}

export default function Workspace(props: WorkspaceProps) {
  const { workbook, handle, lang, onDirtyChange } = props;
  const t = WEBAPP_TEXTS[lang];
  const s = useStyles();
  const [dirty, setDirty] = useState(false);
  const changed = useCallback(() => setDirty(true), []);
  const view = useSheetView(workbook, changed);
  const saved = useCallback(() => setDirty(false), []);
  const save = useSave({ workbook, handle, t, saveFile: props.saveFile, onSaved: saved, onMoved: props.onMoved });
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useLeaveGuard(dirty);
  const fileName = handle?.name ?? workbook.fileName;
  const asking = props.discard.open || save.confirming;
  const asked = useAsked(asking);

  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={lang} className={s.shell}>
        <WorkspaceBar {...props} t={t} fileName={fileName} dirty={dirty} save={save} />
        <div className={s.body}>
          <div className={s.pane} data-testid="pane">
            <App port={view.port} today={props.today} fileName={workbook.fileName} lang={lang} />
          </div>
          <section className={s.sheet} aria-label={t.sheetView}>
            <Suspense fallback={<p role="status">{t.loading}</p>}>
              <GridView sheets={view.sheets} activeSheet={view.active} selected={view.selected} onActivate={view.setActive} />
            </Suspense>
          </section>
        </div>
        {/* One dialog for both questions, mounted when first asked and kept (see ConfirmDialog). */}
        {asked && (
          <ConfirmDialog
            open={asking}
            lang={lang}
            {...(props.discard.open
              ? {
                  title: t.confirmDiscardTitle,
                  body: t.confirmDiscard(fileName),
                  yes: t.confirmDiscardYes,
                  onAnswer: props.discard.onAnswer,
                }
              : { title: t.confirmSaveTitle, body: t.confirmSave(fileName), yes: t.confirmSaveYes, onAnswer: save.confirmSave })}
            no={t.cancel}
          />
        )}
      </FluentProvider>
    </LangContext.Provider>
  );
}

type BarProps = WorkspaceProps & { t: WebAppTexts; fileName: string; dirty: boolean; save: ReturnType<typeof useSave> };

function WorkspaceBar({
  t,
  fileName,
  dirty,
  save,
  fileAccess,
  handle,
  opening,
  openError,
  onOpenFile,
  onOpenSample,
  onToggleLang,
  lang,
}: BarProps) {
  const s = useStyles();
  // The buttons that may open a question (ConfirmDialog): the focus comes back to them when it closes.
  const asks = useRestoreFocusTarget();
  return (
    <header className={s.bar} data-testid="app-bar">
      <h1 className={s.brand}>phuluc</h1>
      <span className={s.file} data-testid="file-name">
        {t.fileLabel(fileName)}
        {dirty ? ` (${t.unsaved})` : ""}
      </span>
      <div className={s.grow} />
      <Button {...asks} onClick={onOpenFile} disabled={opening}>
        {t.openFile}
      </Button>
      <Button {...asks} onClick={onOpenSample} disabled={opening}>
        {t.openSample}
      </Button>
      {fileAccess ? (
        <>
          <Button {...asks} appearance="primary" disabled={!handle || save.saving} onClick={save.askSave} data-testid="save">
            {t.save}
          </Button>
          <Button disabled={save.saving} onClick={save.saveAs} data-testid="save-as">
            {t.saveAs}
          </Button>
        </>
      ) : (
        <Button appearance="primary" disabled={save.saving} onClick={save.download} data-testid="download">
          {t.download}
        </Button>
      )}
      <Button appearance="subtle" title={t.languageName} lang={lang === "vi" ? "en" : "vi"} onClick={onToggleLang}>
        {t.language}
      </Button>
      <div className={s.status} role="status" aria-live="polite" data-testid="save-status">
        {opening ? t.loading : save.saving ? t.saving : (save.notice ?? "")}
      </div>
      {openError && (
        <div className={`${s.status} ${s.error}`} role="alert">
          {openError}
        </div>
      )}
    </header>
  );
}
