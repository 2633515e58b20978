/**
 * Saving the open workbook. With the File System Access API: «Lưu» writes over the opened file once the
 * user has confirmed (and the browser has granted write access), «Lưu thành bản mới» writes a copy the
 * user names, which becomes the file «Lưu» writes to. Without it: «Tải xuống .xlsx» downloads the copy.
 * The bytes are the workbook as phuluc holds it (the user's package with phuluc's changes).
 */
import { useCallback, useRef, useState } from "react";
import type { WebAppTexts } from "../i18n/webapp";
import { saveFile as download, type SaveFile } from "../taskpane/file-delivery";
import { copyName, mayWrite, pickSaveTarget, workbookMediaType, writeToHandle, type FileHandle } from "./file-access";
import type { OpenedWorkbook } from "./opened";

export interface SaveOptions {
  workbook: OpenedWorkbook;
  handle: FileHandle | null;
  t: WebAppTexts;
  /** The download (tests inject a stand-in). */
  saveFile?: SaveFile;
  /** The workbook now matches a file (after a save): no unsaved changes. */
  onSaved: () => void;
  /** «Lưu thành bản mới» chose a new file: «Lưu» writes there from now on. */
  onMoved: (handle: FileHandle) => void;
}

async function bytesOf(workbook: OpenedWorkbook): Promise<Uint8Array> {
  return new Uint8Array(await (await workbook.toBlob()).arrayBuffer());
}

const why = (err: unknown) => (err instanceof Error && err.message ? err.message : String(err));

export function useSave({ workbook, handle, t, saveFile = download, onSaved, onMoved }: SaveOptions) {
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const busy = useRef(false);

  const run = useCallback(
    async (job: () => Promise<string | null>) => {
      if (busy.current) return;
      busy.current = true;
      setSaving(true);
      setNotice(null);
      try {
        const done = await job();
        if (done) setNotice(done);
      } catch (err) {
        setNotice(t.saveFailed(why(err)));
      } finally {
        busy.current = false;
        setSaving(false);
      }
    },
    [t],
  );

  /** The dialog's answer to «Lưu»: write over the opened file. */
  const confirmSave = useCallback(
    (yes: boolean) => {
      setConfirming(false);
      if (!yes || !handle) return;
      void run(async () => {
        if (!(await mayWrite(handle))) return t.writeRefused;
        await writeToHandle(handle, await bytesOf(workbook));
        onSaved();
        return t.saved(handle.name);
      });
    },
    [handle, workbook, run, t, onSaved],
  );

  const saveAs = useCallback(
    () =>
      void run(async () => {
        const target = await pickSaveTarget(copyName(workbook.fileName), t.fileTypeName);
        if (!target) return null;
        await writeToHandle(target, await bytesOf(workbook));
        onMoved(target);
        onSaved();
        return t.savedCopy(target.name);
      }),
    [workbook, run, t, onSaved, onMoved],
  );

  const downloadCopy = useCallback(
    () =>
      void run(async () => {
        const name = copyName(workbook.fileName);
        saveFile(await bytesOf(workbook), name, workbookMediaType(name));
        onSaved();
        return t.downloaded(name);
      }),
    [workbook, run, t, saveFile, onSaved],
  );

  return { notice, saving, confirming, askSave: () => setConfirming(true), confirmSave, saveAs, download: downloadCopy };
}
