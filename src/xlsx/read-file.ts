/** Node-only file access for the reader (the CLI, scripts, tests). Never writes the file. */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { useCrc32, useInflateRaw } from "../ooxml/zip-read";
import { useDeflateRaw } from "../ooxml/zip-write";
import { XlsxReadError } from "./detect";

// In Node, parts are inflated and deflated by zlib (native, about twice as fast as the portable code
// the browser preview uses); the bytes read are the same. zlib stops as soon as the output passes the
// limit (a part that inflates past its declared size is damaged, whatever it would have grown to).
useInflateRaw((data, limit) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit) }));
// zlib.crc32 exists from Node 20.15 (the portable one is used on older versions).
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (nativeCrc32) useCrc32((data, previous) => nativeCrc32(data, previous));
useDeflateRaw((data) => zlib.deflateRawSync(data, { level: 6 }));

/** Read a file's bytes; missing, directory or unreadable → XlsxReadError with a Vietnamese message. */
export function readFileBytes(filePath: string): Buffer {
  const name = path.basename(filePath) || filePath;
  let st: fs.Stats;
  try {
    st = fs.statSync(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(code === "ENOENT" || code === "ENOTDIR" ? "not_found" : "unreadable", filePath, { cause: e });
  }
  if (st.isDirectory()) throw new XlsxReadError("not_a_file", filePath);
  if (!st.isFile()) throw new XlsxReadError("not_a_file", name);
  try {
    return fs.readFileSync(filePath);
  } catch (e) {
    throw new XlsxReadError("unreadable", filePath, { cause: e });
  }
}
