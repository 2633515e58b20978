/**
 * Writing a zip container. An entry is either copied from a ZipReader — its compressed bytes and CRC
 * as they were, so the part is byte-identical without inflating it — or new (deflated here). No data
 * descriptors, no zip64 (an .xlsx over 4 GB is not a case). No Node API.
 */
import { deflateSync } from "fflate";
import { crc32 } from "./crc32";
import type { ZipEntry, ZipReader } from "./zip-read";

export type ZipWriteEntry =
  | { kind: "copy"; from: ZipReader; entry: ZipEntry; name?: undefined }
  | { kind: "new"; name: string; data: Uint8Array; time?: number; date?: number };

let utf8: TextEncoder | null = null;
const encode = (s: string) => (utf8 ??= new TextEncoder()).encode(s);
/** Raw DEFLATE. fflate by default; a platform may offer a faster one (Node's zlib in the CLI). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;
let deflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 6 });

/** Use another raw-deflate implementation (any valid DEFLATE stream will do). */
export function useDeflateRaw(fn: DeflateRaw): void {
  deflateRaw = fn;
}

/** 1980-01-01 00:00, the first DOS date: new entries get it unless told otherwise (deterministic output). */
const DOS_DATE_1980 = 0x21;

interface Prepared {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

function prepare(e: ZipWriteEntry): Prepared {
  if (e.kind === "copy") {
    const src = e.entry;
    return {
      nameBytes: src.nameBytes,
      // Bit 3 (sizes in a trailing data descriptor) is dropped: this writer puts them in the local header.
      flags: src.flags & ~0x0008 & 0x0806,
      method: src.method,
      time: src.time,
      date: src.date,
      crc: src.crc,
      compressedSize: src.compressedSize,
      size: src.size,
      data: e.from.raw(src),
    };
  }
  const nameBytes = encode(e.name);
  const deflated = deflateRaw(e.data);
  const store = deflated.length >= e.data.length;
  return {
    nameBytes,
    flags: /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0,
    method: store ? 0 : 8,
    time: e.time ?? 0,
    date: e.date ?? DOS_DATE_1980,
    crc: crc32(e.data),
    compressedSize: store ? e.data.length : deflated.length,
    size: e.data.length,
    data: store ? e.data : deflated,
  };
}

class Out {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  header(size: number): DataView {
    const b = new Uint8Array(size);
    this.push(b);
    return new DataView(b.buffer);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

/** The zip bytes of `entries`, in that order. */
export function writeZip(entries: ZipWriteEntry[]): Uint8Array {
  const out = new Out();
  const central: { p: Prepared; offset: number }[] = [];
  for (const e of entries) {
    const p = prepare(e);
    const offset = out.length;
    if (offset > 0xffffffff || p.compressedSize > 0xffffffff) throw new Error("zip too large");
    const h = out.header(30);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, p.flags, true);
    h.setUint16(8, p.method, true);
    h.setUint16(10, p.time, true);
    h.setUint16(12, p.date, true);
    h.setUint32(14, p.crc, true);
    h.setUint32(18, p.compressedSize, true);
    h.setUint32(22, p.size, true);
    h.setUint16(26, p.nameBytes.length, true);
    h.setUint16(28, 0, true);
    out.push(p.nameBytes);
    out.push(p.data);
    central.push({ p, offset });
  }
  const cdStart = out.length;
  for (const { p, offset } of central) {
    const h = out.header(46);
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 20, true);
    h.setUint16(8, p.flags, true);
    h.setUint16(10, p.method, true);
    h.setUint16(12, p.time, true);
    h.setUint16(14, p.date, true);
    h.setUint32(16, p.crc, true);
    h.setUint32(20, p.compressedSize, true);
    h.setUint32(24, p.size, true);
    h.setUint16(28, p.nameBytes.length, true);
    h.setUint32(42, offset, true);
    out.push(p.nameBytes);
  }
  const cdSize = out.length - cdStart;
  if (central.length > 0xffff) throw new Error("too many zip entries");
  const end = out.header(22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, central.length, true);
  end.setUint16(10, central.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, cdStart, true);
  return out.concat();
}
