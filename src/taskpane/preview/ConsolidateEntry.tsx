/**
 * «Tổng hợp nhiều xã» in the browser: a folder of the communes' plans, or many files, consolidated by the
 * registry's use case — the files read in the page one at a time (consolidate-files.ts) — and the city's
 * workbook downloaded. Plain HTML with no library of its own (the classes come from the screen it sits on),
 * so a light first screen can hold it: the engine, the runner and the writer are loaded only once files are
 * picked. Today on the preview's welcome screen; the web app's first screen takes it as it is.
 */
import { useEffect, useRef, useState } from "react";
import { CONSOLIDATE_UI } from "../../i18n/consolidate";
import type { Lang } from "../../core/lang";
import { saveFile } from "../file-delivery";

export interface ConsolidateEntryProps {
  today: string;
  lang?: Lang;
  /** Class names of the screen it sits on (its buttons, its message). */
  classes?: { box?: string; button?: string; message?: string; error?: string };
}

type State =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "done"; message: string }
  | { kind: "failed"; message: string };

/** The files worth reading (not hidden, not an Office lock file), in the order of their names in the folder. */
function communeFiles(files: readonly File[]): File[] {
  const path = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return files.filter((f) => !f.name.startsWith(".") && !f.name.startsWith("~$")).sort((a, b) => (path(a) < path(b) ? -1 : 1));
}

async function consolidateFiles(files: File[], asOf: string, lang: Lang, onRead: (done: number) => void) {
  // The registry comes with the files, not with the first screen: its commands' chunks are prefetched once
  // it is loaded, and the web app's first load stays small.
  const [{ commandById }, { writeCityWorkbook }, { readPickedFiles }, { defaultSettings }] = await Promise.all([
    import(/* webpackChunkName: "consolidate" */ "../../app/commands"),
    import(/* webpackChunkName: "xlsx-writer" */ "../../xlsx/city-workbook"),
    import(/* webpackChunkName: "consolidate" */ "./consolidate-files"),
    import(/* webpackChunkName: "consolidate" */ "../../core/settings"),
  ]);
  const { run } = await commandById("consolidate").loadMany!();
  return run({
    asOf,
    lang,
    settings: defaultSettings(),
    report: false,
    reads: readPickedFiles(files, asOf, onRead),
    deps: { writeWorkbook: (spec, settings) => writeCityWorkbook(spec, settings) },
  });
}

const HIDDEN = { display: "none" } as const;

export function ConsolidateEntry({ today, lang = "vi", classes = {} }: ConsolidateEntryProps) {
  const t = CONSOLIDATE_UI[lang];
  const folder = useRef<HTMLInputElement>(null);
  const many = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  // React does not know the folder picker's attributes: set them on the element.
  useEffect(() => {
    folder.current?.setAttribute("webkitdirectory", "");
    folder.current?.setAttribute("directory", "");
  }, []);

  const onPicked = async (list: FileList | null, input: HTMLInputElement) => {
    const files = communeFiles(Array.from(list ?? []));
    input.value = "";
    if (!files.length) return setState({ kind: "failed", message: t.noFiles });
    setState({ kind: "reading", done: 0, total: files.length });
    try {
      const outcome = await consolidateFiles(files, today, lang, (done) => setState({ kind: "reading", done, total: files.length }));
      saveFile(outcome.output.bytes, outcome.output.fileName, outcome.output.mediaType);
      setState({ kind: "done", message: outcome.message });
    } catch (e) {
      setState({ kind: "failed", message: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = state.kind === "reading";
  return (
    <section className={classes.box} aria-label={t.title} data-testid="consolidate">
      <h2>{t.title}</h2>
      <p>{t.intro}</p>
      <div>
        <button type="button" className={classes.button} onClick={() => folder.current?.click()} disabled={busy}>
          {t.pickFolder}
        </button>{" "}
        <button type="button" className={classes.button} onClick={() => many.current?.click()} disabled={busy}>
          {t.pickFiles}
        </button>
      </div>
      <input
        ref={folder}
        type="file"
        multiple
        style={HIDDEN}
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
        style={HIDDEN}
        aria-label={t.pickFiles}
        tabIndex={-1}
        data-testid="consolidate-files"
        onChange={(e) => void onPicked(e.currentTarget.files, e.currentTarget)}
      />
      <div role="status" aria-live="polite">
        {busy && t.reading(state.done, state.total)}
      </div>
      {state.kind === "done" && (
        <p className={classes.message} style={{ whiteSpace: "pre-wrap" }} data-testid="consolidate-message">
          {state.message}
        </p>
      )}
      {state.kind === "failed" && (
        <p role="alert" className={classes.error} data-testid="consolidate-message">
          {state.message}
        </p>
      )}
    </section>
  );
}
