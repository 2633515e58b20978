/**
 * Preview mode (a plain browser, no Excel): the same pane on an in-memory .xlsx workbook, with the
 * active sheet shown in a grid beside it. `?sample=1` opens the bundled sample at once.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { WorkbookPort } from "../../core/port";
import { UI } from "../../i18n/ui";
import { App } from "../App";
import { LangContext } from "../i18n";
import { GridView } from "./GridView";
import { observePort, type PortEvent } from "./observed-port";
import type { PreviewSheet, PreviewWorkbook } from "./sheet-model";
import { XlsxPreviewWorkbook } from "./xlsx-workbook";
import { saveBlob } from "../file-delivery";
import { ConsolidateEntry } from "./ConsolidateEntry";

export type OpenedWorkbook = PreviewWorkbook & { port: WorkbookPort };
export type WorkbookOpener = (bytes: ArrayBuffer, fileName: string) => Promise<OpenedWorkbook>;

export const SAMPLE_URL = "assets/sample.xlsx";

const useShellStyles = makeStyles({
  shell: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "stretch",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: tokens.fontFamilyBase,
  },
  pane: {
    width: "360px",
    maxWidth: "100%",
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
    overflowX: "hidden",
    overflowY: "auto",
    maxHeight: "100vh",
  },
  sheetArea: {
    flex: "1 1 420px",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    boxSizing: "border-box",
    maxHeight: "100vh",
  },
  toolbar: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  welcome: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px" },
  fileName: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

const openXlsx: WorkbookOpener = (bytes, fileName) => XlsxPreviewWorkbook.open(bytes, fileName);

export interface PreviewShellProps {
  today: string;
  open?: WorkbookOpener;
  /** Where the sample lives and whether to open it at start (default: from `?sample=1`). */
  sampleUrl?: string;
  autoSample?: boolean;
}

function wantsSample(): boolean {
  try {
    return new URLSearchParams(window.location.search).get("sample") === "1";
  } catch {
    return false;
  }
}

export function PreviewShell({ today, open = openXlsx, sampleUrl = SAMPLE_URL, autoSample = wantsSample() }: PreviewShellProps) {
  const t = UI.vi;
  const s = useShellStyles();
  const [wb, setWb] = useState<OpenedWorkbook | null>(null);
  const [generation, setGeneration] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sheets, setSheets] = useState<PreviewSheet[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; cell: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(
    async (getBytes: () => Promise<{ bytes: ArrayBuffer; name: string }>) => {
      setLoading(true);
      setError(null);
      try {
        const { bytes, name } = await getBytes();
        const opened = await open(bytes, name);
        const list = opened.sheets();
        setWb(opened);
        setSheets(list);
        setActive(list[0]?.name ?? null);
        setSelected(null);
        setGeneration((g) => g + 1);
      } catch (err) {
        setError(t.openFailed(err instanceof Error ? err.message : String(err)));
      } finally {
        setLoading(false);
      }
    },
    [open, t],
  );

  const openSample = useCallback(
    () =>
      load(async () => {
        const res = await fetch(sampleUrl);
        if (!res.ok) throw new Error(t.sampleMissing);
        return { bytes: await res.arrayBuffer(), name: "sample.xlsx" };
      }),
    [load, sampleUrl, t],
  );

  const started = useRef(false);
  useEffect(() => {
    if (autoSample && !started.current) {
      started.current = true;
      void openSample();
    }
  }, [autoSample, openSample]);

  const onFile = (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    void load(async () => ({ bytes: await f.arrayBuffer(), name: f.name }));
    if (fileInput.current) fileInput.current.value = "";
  };

  const port = useMemo(() => {
    if (!wb) return null;
    return observePort(wb.port, (e: PortEvent) => {
      if (e.kind === "select") {
        setActive(e.sheet);
        setSelected({ sheet: e.sheet, cell: e.cell });
      } else {
        setSheets(wb.sheets());
      }
    });
  }, [wb]);

  const download = async () => {
    if (!wb) return;
    try {
      saveBlob(await wb.toBlob(), wb.fileName.replace(/\.xlsx$/i, "") + "-phuluc.xlsx");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const openButtons = (
    <>
      <Button appearance={wb ? "secondary" : "primary"} onClick={() => fileInput.current?.click()} disabled={loading}>
        {t.openFile}
      </Button>
      <Button onClick={() => void openSample()} disabled={loading}>
        {t.openSample}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={s.hidden}
        aria-label={t.openFile}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => onFile(e.currentTarget.files)}
      />
    </>
  );

  return (
    <LangContext.Provider value="vi">
      <FluentProvider theme={webLightTheme} lang="vi">
        <div className={s.shell}>
          <div className={s.pane} data-testid="pane">
            {wb && port ? (
              <App
                key={generation}
                port={port}
                today={today}
                fileName={wb.fileName}
                summaryExtra={
                  <Button onClick={() => void download()} data-testid="download">
                    {t.download}
                  </Button>
                }
              />
            ) : (
              <main className={s.welcome} lang="vi">
                <h1 className={s.title}>{t.previewTitle}</h1>
                <p>{t.previewIntro}</p>
                <div className={s.toolbar}>{openButtons}</div>
                <div role="status" aria-live="polite">
                  {loading && <Spinner size="small" label={t.loadingWorkbook} />}
                </div>
                {error && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
                )}
                <ConsolidateEntry today={today} />
              </main>
            )}
          </div>
          <section className={s.sheetArea} aria-label={t.previewTitle}>
            {wb && (
              <>
                <div className={s.toolbar}>
                  {openButtons}
                  <span className={s.fileName}>{t.fileLabel(wb.fileName)}</span>
                  {loading && <Spinner size="tiny" label={t.loadingWorkbook} />}
                </div>
                {error && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
                )}
                <GridView sheets={sheets} activeSheet={active} selected={selected} onActivate={setActive} />
              </>
            )}
          </section>
        </div>
      </FluentProvider>
    </LangContext.Provider>
  );
}
