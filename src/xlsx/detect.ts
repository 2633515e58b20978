/**
 * Tell what kind of file some bytes are before opening the package, so the user gets a clear message
 * ("this is an old .xls or a password-protected .xlsx") instead of a zip library's error.
 * No Node API: works in the browser too.
 */
import { xlsxReadMessages, type XlsxReadErrorCode } from "../i18n/xlsx";
import { findEocd } from "../ooxml/zip-read";

/**
 * A file that cannot be read as an .xlsx workbook; `message` is Vietnamese and names the file. `cause`
 * keeps the technical reason (a zip or XML parser's error), printed by `PHULUC_DEBUG=1 phuluc …`.
 */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    readonly fileName: string,
    options?: { cause?: unknown },
  ) {
    super(xlsxReadMessages[code](fileName), options);
    this.name = "XlsxReadError";
  }
}

/**
 * The XlsxReadError for a failure while reading a workbook's parts: a file past phuluc's bounds (a zip
 * bomb, more cells than it reads) is too large; anything else that cannot be parsed is damaged.
 */
export function readErrorOf(cause: unknown, fileName: string): XlsxReadError {
  if (cause instanceof XlsxReadError) return cause;
  return new XlsxReadError(isTooLarge(cause) ? "too_large" : "corrupt", fileName, { cause });
}

/** A zip that inflates past its budget, or a workbook with more cells than phuluc reads. */
export function isTooLarge(cause: unknown): boolean {
  if (!(cause instanceof Error)) return false;
  return cause.name === "ZipLimitError" || (cause.name === "GridLimitError" && (cause as Error & { tooLarge?: boolean }).tooLarge === true);
}

/** The reasons under an error, one per line ("cause: …"), for PHULUC_DEBUG=1 (never shown otherwise). */
export function causeChain(e: unknown): string {
  const lines: string[] = [];
  let c = e instanceof Error ? (e as Error & { cause?: unknown }).cause : undefined;
  for (let depth = 0; c !== undefined && depth < 8; depth++) {
    lines.push(`cause: ${c instanceof Error ? `${c.name}: ${c.message}` : String(c)}`);
    c = c instanceof Error ? (c as Error & { cause?: unknown }).cause : undefined;
  }
  return lines.map((l) => l + "\n").join("");
}

export type FileKind = "empty" | "zip" | "cfb" | "text" | "unknown";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Text: no NUL bytes and (almost) no control characters in the first 4 KB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n / 100;
}

export function detectFileKind(data: Uint8Array | ArrayBuffer): FileKind {
  const bytes = toBytes(data);
  if (bytes.length === 0) return "empty";
  // PK\x03\x04 (a zip with entries) or PK\x05\x06 (an empty zip).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) return "cfb";
  if (looksLikeText(bytes)) return "text";
  return "unknown";
}

/** Whether an ASCII name occurs in the bytes (zip entry names are stored uncompressed). */
export function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - n; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < n; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Throw an XlsxReadError unless the bytes look like an .xlsx package. */
export function assertXlsxBytes(data: Uint8Array | ArrayBuffer, fileName: string): Uint8Array {
  const bytes = toBytes(data);
  const kind = detectFileKind(bytes);
  if (kind === "empty") throw new XlsxReadError("empty", fileName);
  if (kind === "cfb") throw new XlsxReadError("cfb", fileName);
  if (kind === "text") throw new XlsxReadError("text", fileName);
  if (kind !== "zip") throw new XlsxReadError("not_zip", fileName);
  // A cut-off file (an interrupted copy or download) is a damaged workbook, whatever parts it still holds.
  if (findEocd(bytes) < 0)
    throw new XlsxReadError("corrupt", fileName, { cause: new Error("no end of central directory record: the zip is cut off") });
  // The workbook part is found through the package's relationships (package-open.ts); this is the quick
  // look for the usual names, so other office files are named before anything is parsed.
  if (!containsAscii(bytes, "xl/workbook.xml") && !containsAscii(bytes, "_rels/.rels")) {
    if (containsAscii(bytes, "xl/workbook.bin")) throw new XlsxReadError("xlsb", fileName);
    if (containsAscii(bytes, "word/document.xml")) throw new XlsxReadError("docx", fileName);
    if (containsAscii(bytes, "application/vnd.oasis.opendocument")) throw new XlsxReadError("ods", fileName);
    throw new XlsxReadError("not_xlsx", fileName);
  }
  return bytes;
}
