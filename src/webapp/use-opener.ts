/**
 * Opening workbooks in the web app: from the picker (with a file handle where the browser has the File
 * System Access API, else the file input), a drop, the sample, or the file the installed app was opened on.
 * A file that cannot be opened leaves the open workbook as it was and says why in one sentence.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WebAppTexts } from "../i18n/webapp";
import type { ChosenFile, FileHandle } from "./file-access";
import { isWorkbookName } from "./file-access";
import type { OpenedWorkbook, WorkbookOpener } from "./opened";

export interface Opened {
  workbook: OpenedWorkbook;
  /** Where «Lưu» writes (null: opened without a handle — the sample, a file input, another browser). */
  handle: FileHandle | null;
  /** Changes on every open, so the pane starts afresh. */
  generation: number;
}

/** Where a file comes from: resolves to null when the user cancelled. */
export type FileSource = () => Promise<ChosenFile | null>;

export function useOpener(open: WorkbookOpener, t: WebAppTexts) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  /** The latest words, for a load that outlives a language switch. */
  const texts = useRef(t);
  useEffect(() => {
    texts.current = t;
  }, [t]);

  const load = useCallback(
    async (source: FileSource) => {
      setError(null);
      try {
        const file = await source();
        if (!file) return;
        if (!isWorkbookName(file.name)) throw new Error(texts.current.notWorkbook(file.name));
        setLoading(true);
        const workbook = await open(file.bytes, file.name);
        setOpened({ workbook, handle: file.handle, generation: ++generation.current });
      } catch (err) {
        setError(texts.current.openFailed(err instanceof Error ? err.message : String(err)));
      } finally {
        setLoading(false);
      }
    },
    [open],
  );

  /** After «Lưu thành bản mới»: the new file is where «Lưu» writes from now on. */
  const moveTo = useCallback((handle: FileHandle) => setOpened((o) => (o ? { ...o, handle } : o)), []);

  return { opened, loading, error, load, moveTo };
}

/** The bundled sample, fetched from the release folder (the service worker keeps a copy). */
export function sampleSource(url: string, t: WebAppTexts): FileSource {
  return async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(t.sampleMissing);
    return { name: "sample.xlsx", bytes: await res.arrayBuffer(), handle: null };
  };
}

/** A File from the file input or a drop. */
export function fileSource(file: File, handle: FileHandle | null = null): FileSource {
  return async () => ({ name: file.name, bytes: await file.arrayBuffer(), handle });
}
