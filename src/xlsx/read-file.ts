/** Node-only file access for the reader (the CLI, scripts, tests). Never writes the file. */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { useInflateRaw } from "../ooxml/zip-read";
import { useDeflateRaw } from "../ooxml/zip-write";
import { XlsxReadError } from "./detect";

// In Node, parts are inflated and deflated by zlib (native, about twice as fast as the portable code
// the browser preview uses); the bytes read are the same.
useInflateRaw((data) => zlib.inflateRawSync(data));
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
