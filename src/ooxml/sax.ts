/**
 * Streaming a part through the XML tokenizer (xml-scan.ts): the part is inflated whole (or, when very
 * large, in chunks) and decoded, then scanned; handlers get elements by qualified name (callers match
 * local names). No Node API.
 */
import type { OpcPackage } from "./package";
import { XmlScanner, type ScanHandlers } from "./xml-scan";
import { textDecoder, XmlFormatError } from "./xml";
import { ZipFormatError } from "./zip-read";

export type { ScanHandlers } from "./xml-scan";
export { attrValue } from "./xml-scan";

/**
 * A decoder that picks UTF-8 or UTF-16 from the first bytes (BOM), as XML allows. The shared decoder is
 * reset first (a part cut short by an error may have left bytes in it).
 */
function streamingDecoder(): (chunk: Uint8Array, last: boolean) => string {
  let decoder: TextDecoder | null = null;
  return (chunk, last) => {
    if (!decoder) {
      if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) decoder = textDecoder("utf-16le");
      else if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) decoder = textDecoder("utf-16be");
      else decoder = textDecoder("utf-8");
      decoder.decode();
    }
    return decoder.decode(chunk, { stream: !last });
  };
}

/**
 * A part up to DECODE_WHOLE bytes is decoded as one string (the fastest, and the least garbage: joining
 * pieces makes the scanner copy them); a bigger one in pieces of DECODE_PIECE, so that the whole part is
 * never one string held until the collector gets to it (60 MB for a 200,000-row sheet).
 */
const DECODE_WHOLE = 16 * 1024 * 1024;
const DECODE_PIECE = 4 * 1024 * 1024;

/**
 * Parse a part of the package with these handlers. Returns false when the part does not exist.
 * Throws XmlFormatError (not well-formed) or ZipFormatError (cannot be inflated).
 */
export function saxPart(pkg: OpcPackage, part: string, h: ScanHandlers): boolean {
  const scanner = new XmlScanner(h);
  const decode = streamingDecoder();
  // Bytes are decoded and scanned a piece at a time (see DECODE_WHOLE). The last piece is held back so
  // that it can be decoded as the last.
  let pending: Uint8Array | null = null;
  const feed = (chunk: Uint8Array) => {
    const piece = chunk.length > DECODE_WHOLE ? DECODE_PIECE : chunk.length || 1;
    for (let i = 0; i < chunk.length; i += piece) {
      if (pending) {
        const s = decode(pending, false);
        if (s) scanner.write(s);
      }
      pending = chunk.subarray(i, Math.min(chunk.length, i + piece));
    }
  };
  try {
    const found = pkg.chunks(part, feed);
    if (!found) return false;
    const rest = decode(pending ?? new Uint8Array(0), true);
    pending = null;
    if (rest) scanner.write(rest);
    scanner.close();
  } catch (cause) {
    if (cause instanceof XmlFormatError || cause instanceof ZipFormatError) throw cause;
    throw new XmlFormatError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  return true;
}

/** "x:c" → "c". */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}
