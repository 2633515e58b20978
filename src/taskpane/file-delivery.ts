/**
 * How the pane hands the user a file it made (the report's .docx). A download (blob + link) works in the
 * browser preview, Excel on the web and Excel on Windows; Excel for Mac's web view (and the iPad's) blocks
 * downloads from a task pane (office-js issues #2700, #3385), so there the report is written into the
 * workbook as the printable sheet "Báo cáo" instead.
 */
export type FileDelivery = "download" | "sheet";

/** Office's platform names (Office.PlatformType) on which a task pane cannot download a file. */
const NO_DOWNLOAD = new Set(["Mac", "iOS"]);

export function fileDeliveryFor(platform: string | null | undefined): FileDelivery {
  return platform && NO_DOWNLOAD.has(platform) ? "sheet" : "download";
}

/** Office.context.platform (or diagnostics.platform) once Office.js is ready; undefined outside Office. */
export function officePlatform(): string | undefined {
  try {
    const office = (globalThis as unknown as { Office?: { context?: { platform?: string; diagnostics?: { platform?: string } } } }).Office;
    return office?.context?.platform ?? office?.context?.diagnostics?.platform ?? undefined;
  } catch {
    return undefined; // a host whose context throws is treated as one that can download
  }
}

/** Hands the bytes to the browser as a download named `fileName`. */
export type SaveFile = (bytes: Uint8Array, fileName: string, mediaType: string) => void;

export const saveFile: SaveFile = (bytes, fileName, mediaType) => saveBlob(new Blob([bytes as BlobPart], { type: mediaType }), fileName);

/** Hands a blob to the browser as a download named `fileName` (the object URL is released a minute later). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
