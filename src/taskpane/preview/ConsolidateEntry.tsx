/**
 * «Tổng hợp nhiều xã» in the browser (today the preview's welcome screen; the web app takes it over): a
 * folder of the communes' plans, or many files, consolidated by the registry's use case — the files read in
 * the page one at a time (consolidate-files.ts) — and the city's workbook downloaded.
 */
import { useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { commandById } from "../../app/commands";
import { defaultSettings } from "../../core/settings";
import { CONSOLIDATE_UI } from "../../i18n/consolidate";
import { saveFile } from "../file-delivery";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "12px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: "8px" },
  hidden: { display: "none" },
  message: { whiteSpace: "pre-wrap" },
});

type State =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "done"; ok: boolean; message: string }
  | { kind: "failed"; message: string };

/** The files worth reading (not hidden, not an Office lock file), in the order of their names in the folder. */
function communeFiles(files: readonly File[]): File[] {
  const path = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return files.filter((f) => !f.name.startsWith(".") && !f.name.startsWith("~$")).sort((a, b) => (path(a) < path(b) ? -1 : 1));
}

/** The engine, the runner and the writer are loaded only now (the page's first load stays small). */
async function consolidateFiles(files: File[], asOf: string, onRead: (done: number) => void) {
  const [{ run }, { writeCityWorkbook }, { readPickedFiles }] = await Promise.all([
    commandById("consolidate").loadMany!(),
    import(/* webpackChunkName: "xlsx-writer" */ "../../xlsx/city-workbook"),
    import(/* webpackChunkName: "consolidate" */ "./consolidate-files"),
  ]);
  return run({
    asOf,
    lang: "vi",
    settings: defaultSettings(),
    report: false,
    reads: readPickedFiles(files, asOf, onRead),
    deps: { writeWorkbook: (spec, settings) => writeCityWorkbook(spec, settings) },
  });
}

export function ConsolidateEntry({ today }: { today: string }) {
  const t = CONSOLIDATE_UI.vi;
  const s = useStyles();
  const folder = useRef<HTMLInputElement>(null);
  const many = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  // React does not know the folder picker's attributes: set them on the element.
  useEffect(() => {
    folder.current?.setAttribute("webkitdirectory", "");
    folder.current?.setAttribute("directory", "");
  }, []);

  const onPicked = async (list: FileList | null, input: HTMLInputElement | null) => {
    const files = communeFiles(Array.from(list ?? []));
    if (input) input.value = "";
    if (!files.length) return setState({ kind: "failed", message: t.noFiles });
    setState({ kind: "reading", done: 0, total: files.length });
    try {
      const outcome = await consolidateFiles(files, today, (done) => setState({ kind: "reading", done, total: files.length }));
      saveFile(outcome.output.bytes, outcome.output.fileName, outcome.output.mediaType);
      setState({ kind: "done", ok: outcome.ok, message: outcome.message });
    } catch (e) {
      setState({ kind: "failed", message: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = state.kind === "reading";
  return (
    <section className={s.box} aria-label={t.title} data-testid="consolidate">
      <h2 className={s.title}>{t.title}</h2>
      <p>{t.intro}</p>
      <div className={s.row}>
        <Button onClick={() => folder.current?.click()} disabled={busy}>
          {t.pickFolder}
        </Button>
        <Button onClick={() => many.current?.click()} disabled={busy}>
          {t.pickFiles}
        </Button>
      </div>
      <input
        ref={folder}
        type="file"
        multiple
        className={s.hidden}
        aria-label={t.pickFolder}
        tabIndex={-1}
        data-testid="consolidate-folder"
        onChange={(e) => void onPicked(e.currentTarget.files, e.currentTarget)}
      />
      <input
        ref={many}
        type="file"
        multiple
        accept=".xlsx"
        className={s.hidden}
        aria-label={t.pickFiles}
        tabIndex={-1}
        data-testid="consolidate-files"
        onChange={(e) => void onPicked(e.currentTarget.files, e.currentTarget)}
      />
      <div role="status" aria-live="polite">
        {busy && <Spinner size="small" label={t.reading(state.done, state.total)} />}
      </div>
      {(state.kind === "done" || state.kind === "failed") && (
        <MessageBar intent={state.kind === "failed" ? "error" : state.ok ? "success" : "warning"} layout="multiline">
          <MessageBarBody className={s.message} data-testid="consolidate-message">
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
