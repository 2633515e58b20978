/**
 * Files in and out of the web app. Where the browser has the File System Access API (Chrome, Edge, Cốc Cốc
 * on a computer), a workbook is opened with a handle, so «Lưu» can write the changed workbook back to the
 * same file and «Lưu thành bản mới» can write a copy the user names. Elsewhere (Firefox, Safari, phones) a
 * file input opens it and a download saves it. A drop gives a handle too where the browser can
 * (DataTransferItem.getAsFileSystemHandle); an installed app opened on a file gets it through launchQueue.
 */
import { XLSX_MEDIA_TYPE } from "../app/use-cases/split-media";

/** The part of FileSystemFileHandle the app uses. */
export interface FileHandle {
  readonly kind?: string;
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: Blob | BufferSource): Promise<void>; close(): Promise<void> }>;
  queryPermission?(d: { mode: "read" | "readwrite" }): Promise<PermissionState>;
  requestPermission?(d: { mode: "read" | "readwrite" }): Promise<PermissionState>;
}

/** A workbook file the user chose, with its handle when the browser gives one. */
export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
  handle: FileHandle | null;
}

interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}

interface FileAccessWindow {
  showOpenFilePicker?: (o: { types: PickerType[]; excludeAcceptAllOption?: boolean; multiple?: boolean }) => Promise<FileHandle[]>;
  showSaveFilePicker?: (o: { suggestedName: string; types: PickerType[] }) => Promise<FileHandle>;
  launchQueue?: { setConsumer(consumer: (params: { files?: readonly FileHandle[] }) => void): void };
}

export const XLSM_MEDIA_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** The .xlsx/.xlsm choices of the pickers, named in the user's language. */
function workbookTypes(description: string): PickerType[] {
  return [{ description, accept: { [XLSX_MEDIA_TYPE]: [".xlsx"], [XLSM_MEDIA_TYPE]: [".xlsm"] } }];
}

const fileAccessWindow = (): FileAccessWindow => (typeof window === "undefined" ? {} : (window as unknown as FileAccessWindow));

/** True where «Lưu» and «Lưu thành bản mới» can write files (both pickers exist). */
export function hasFileAccess(w: FileAccessWindow = fileAccessWindow()): boolean {
  return typeof w.showOpenFilePicker === "function" && typeof w.showSaveFilePicker === "function";
}

/** True for a name a workbook can have (.xlsx, .xlsm). */
export function isWorkbookName(name: string): boolean {
  return /\.xls[xm]$/i.test(name);
}

/** The user closed a picker without choosing: not an error. */
function cancelled(err: unknown): boolean {
  return err instanceof Error && err.name === "AbortError";
}

async function chosen(handle: FileHandle): Promise<ChosenFile> {
  const file = await handle.getFile();
  return { name: file.name || handle.name, bytes: await file.arrayBuffer(), handle };
}

/** The open picker (with a handle); null when the user cancels. */
export async function pickWorkbook(description: string, w: FileAccessWindow = fileAccessWindow()): Promise<ChosenFile | null> {
  try {
    const [handle] = await w.showOpenFilePicker!({ types: workbookTypes(description), excludeAcceptAllOption: false, multiple: false });
    return handle ? await chosen(handle) : null;
  } catch (err) {
    if (cancelled(err)) return null;
    throw err;
  }
}

/**
 * The first file of a drop. The handle must be asked for while the drop event runs (the items are gone
 * after it), so this takes the promises synchronously and awaits them after.
 */
export function droppedWorkbook(data: DataTransfer | null): Promise<{ file: File; handle: FileHandle | null }> | null {
  const item = [...(data?.items ?? [])].find((i) => i.kind === "file");
  const file = item?.getAsFile() ?? data?.files?.[0] ?? null;
  if (!file) return null;
  const getHandle = (item as { getAsFileSystemHandle?: () => Promise<FileHandle | null> } | undefined)?.getAsFileSystemHandle;
  const handle = typeof getHandle === "function" ? getHandle.call(item).catch(() => null) : Promise.resolve(null);
  return handle.then((h) => ({ file, handle: h && h.kind !== "directory" ? h : null }));
}

/** Files the installed app was opened on (its file handler in manifest.webmanifest): the first one is opened. */
export function onLaunchFile(open: (file: ChosenFile) => void, w: FileAccessWindow = fileAccessWindow()): void {
  w.launchQueue?.setConsumer((params) => {
    const handle = params.files?.[0];
    if (handle) void chosen(handle).then(open);
  });
}

/**
 * Asks for write access to a handle (the browser may ask the user). Call it straight from the click that
 * confirmed the save, before any other await: the browser asks only during a user action.
 */
export async function mayWrite(handle: FileHandle): Promise<boolean> {
  const mode = { mode: "readwrite" as const };
  if (!handle.queryPermission || !handle.requestPermission) return true;
  if ((await handle.queryPermission(mode)) === "granted") return true;
  return (await handle.requestPermission(mode)) === "granted";
}

/** Replaces the file's content with `bytes` (the browser writes a temporary file and swaps it in on close). */
export async function writeToHandle(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  const writable = await handle.createWritable();
  await writable.write(bytes as BufferSource);
  await writable.close();
}

/** The save picker; null when the user cancels. */
export async function pickSaveTarget(
  suggestedName: string,
  description: string,
  w: FileAccessWindow = fileAccessWindow(),
): Promise<FileHandle | null> {
  try {
    return await w.showSaveFilePicker!({ suggestedName, types: workbookTypes(description) });
  } catch (err) {
    if (cancelled(err)) return null;
    throw err;
  }
}

/** The name a copy is offered under: «ke-hoach.xlsx» → «ke-hoach-phuluc.xlsx» (the extension kept: .xlsm stays .xlsm). */
export function copyName(fileName: string): string {
  const m = /^(.*?)(\.xls[xm])?$/i.exec(fileName)!;
  return `${m[1] || "phuluc"}-phuluc${(m[2] ?? ".xlsx").toLowerCase()}`;
}

/** The media type of a workbook file by its name (macros keep their own type, or Excel refuses the file). */
export function workbookMediaType(fileName: string): string {
  return /\.xlsm$/i.test(fileName) ? XLSM_MEDIA_TYPE : XLSX_MEDIA_TYPE;
}
