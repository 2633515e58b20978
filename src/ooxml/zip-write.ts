/**
 * Writing a zip container. An entry is either copied from a ZipReader — its compressed bytes and CRC
 * as they were, so the part is byte-identical without inflating it to keep — or new (deflated here).
 * A copied entry is verified first (it inflates to its declared size with its declared CRC; ZipReader
 * refuses it otherwise), so damage is never passed on. Zip64 records are written when a size, an offset
 * or the number of entries needs them. New entries are dated now, unless told otherwise, and say their
 * names are UTF-8. No Node API.
 */
import { crc32 } from "./crc32";
import { fflate } from "./fflate";
import { ZipLimitError, type ZipEntry, type ZipReader } from "./zip-read";

export type ZipWriteEntry =
  | { kind: "copy"; from: ZipReader; entry: ZipEntry; name?: undefined }
  | { kind: "new"; name: string; data: Uint8Array; time?: number; date?: number };

export interface ZipWriteOptions {
  /** Write zip64 records even when nothing needs them (tests of the zip64 layout). */
  forceZip64?: boolean;
}

let utf8: TextEncoder | null = null;
const encode = (s: string) => (utf8 ??= new TextEncoder()).encode(s);
/** Raw DEFLATE. fflate by default; a platform may offer a faster one (Node's zlib in the CLI). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;
let deflateRaw: DeflateRaw = (data) => fflate().deflateSync(data, { level: 6 });

/** Use another raw-deflate implementation (any valid DEFLATE stream will do). */
export function useDeflateRaw(fn: DeflateRaw): void {
  deflateRaw = fn;
}

/** The largest zip phuluc writes (one array in memory; far above any workbook it can read). */
const MAX_OUTPUT = 2 * 1024 * 1024 * 1024;
const MAX32 = 0xffffffff;
/** Made by: Unix (3), spec 2.0 — so `unzip` takes names as they are (bit 11 says UTF-8) and not as DOS code page. */
const MADE_BY = (3 << 8) | 20;
/** Regular file, rw-r--r-- (what Unix `unzip` gives the extracted files). */
const FILE_ATTRS = (0o100644 << 16) >>> 0;
const DIR_ATTRS = ((0o40755 << 16) | 0x10) >>> 0;
const FLAG_UTF8 = 0x0800;

/** DOS date and time fields of a moment (local time, as zip tools show them; 2-second resolution). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

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
  attrs: number;
}

function prepare(e: ZipWriteEntry, now: { date: number; time: number }): Prepared {
  if (e.kind === "copy") {
    const src = e.entry;
    e.from.verify(src);
    return {
      nameBytes: src.nameBytes,
      // Bit 3 (sizes in a trailing data descriptor) is dropped: this writer puts them in the local header.
      // A name that is not ASCII was read as UTF-8 (a name that is not valid UTF-8 is never copied): say so.
      flags: (src.flags & ~0x0008 & 0x0806) | (src.nameBytes.length !== src.name.length ? FLAG_UTF8 : 0),
      method: src.method,
      time: src.time,
      date: src.date,
      crc: src.crc,
      compressedSize: src.compressedSize,
      size: src.size,
      data: e.from.raw(src),
      attrs: src.name.endsWith("/") ? DIR_ATTRS : FILE_ATTRS,
    };
  }
  const nameBytes = encode(e.name);
  const deflated = deflateRaw(e.data);
  const store = deflated.length >= e.data.length;
  return {
    nameBytes,
    flags: nameBytes.length !== e.name.length ? FLAG_UTF8 : 0,
    method: store ? 0 : 8,
    time: e.time ?? now.time,
    date: e.date ?? now.date,
    crc: crc32(e.data),
    compressedSize: store ? e.data.length : deflated.length,
    size: e.data.length,
    data: store ? e.data : deflated,
    attrs: e.name.endsWith("/") ? DIR_ATTRS : FILE_ATTRS,
  };
}

class Out {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
    if (this.length > MAX_OUTPUT) throw new ZipLimitError("the zip would be over 2 GB");
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

const u64 = (h: DataView, at: number, v: number) => h.setBigUint64(at, BigInt(v), true);

function localHeader(out: Out, p: Prepared, zip64: boolean): void {
  const h = out.header(30);
  h.setUint32(0, 0x04034b50, true);
  h.setUint16(4, zip64 ? 45 : 20, true);
  h.setUint16(6, p.flags, true);
  h.setUint16(8, p.method, true);
  h.setUint16(10, p.time, true);
  h.setUint16(12, p.date, true);
  h.setUint32(14, p.crc, true);
  h.setUint32(18, zip64 ? MAX32 : p.compressedSize, true);
  h.setUint32(22, zip64 ? MAX32 : p.size, true);
  h.setUint16(26, p.nameBytes.length, true);
  h.setUint16(28, zip64 ? 20 : 0, true);
  out.push(p.nameBytes);
  if (zip64) {
    // The local zip64 field holds both sizes, whichever needed it.
    const x = out.header(20);
    x.setUint16(0, 1, true);
    x.setUint16(2, 16, true);
    u64(x, 4, p.size);
    u64(x, 12, p.compressedSize);
  }
  out.push(p.data);
}

function centralHeader(out: Out, p: Prepared, offset: number, force: boolean): void {
  const big = [p.size, p.compressedSize, offset].map((v) => force || v >= MAX32);
  const extra = big.filter(Boolean).length * 8;
  const h = out.header(46);
  h.setUint32(0, 0x02014b50, true);
  h.setUint16(4, MADE_BY, true);
  h.setUint16(6, extra ? 45 : 20, true);
  h.setUint16(8, p.flags, true);
  h.setUint16(10, p.method, true);
  h.setUint16(12, p.time, true);
  h.setUint16(14, p.date, true);
  h.setUint32(16, p.crc, true);
  h.setUint32(20, big[1] ? MAX32 : p.compressedSize, true);
  h.setUint32(24, big[0] ? MAX32 : p.size, true);
  h.setUint16(28, p.nameBytes.length, true);
  h.setUint16(30, extra ? extra + 4 : 0, true);
  h.setUint32(38, p.attrs, true);
  h.setUint32(42, big[2] ? MAX32 : offset, true);
  out.push(p.nameBytes);
  if (!extra) return;
  // Only the fields that overflowed, in the order size, compressed size, offset.
  const x = out.header(extra + 4);
  x.setUint16(0, 1, true);
  x.setUint16(2, extra, true);
  let at = 4;
  [p.size, p.compressedSize, offset].forEach((v, i) => {
    if (!big[i]) return;
    u64(x, at, v);
    at += 8;
  });
}

function endRecords(out: Out, count: number, cdStart: number, cdSize: number, force: boolean): void {
  const zip64 = force || count >= 0xffff || cdStart >= MAX32 || cdSize >= MAX32;
  if (zip64) {
    const at = out.length;
    const r = out.header(56);
    r.setUint32(0, 0x06064b50, true);
    u64(r, 4, 44);
    r.setUint16(12, MADE_BY, true);
    r.setUint16(14, 45, true);
    u64(r, 24, count);
    u64(r, 32, count);
    u64(r, 40, cdSize);
    u64(r, 48, cdStart);
    const locator = out.header(20);
    locator.setUint32(0, 0x07064b50, true);
    u64(locator, 8, at);
    locator.setUint32(16, 1, true);
  }
  const end = out.header(22);
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : count, true);
  end.setUint16(10, zip64 ? 0xffff : count, true);
  end.setUint32(12, zip64 ? MAX32 : cdSize, true);
  end.setUint32(16, zip64 ? MAX32 : cdStart, true);
}

/** The zip bytes of `entries`, in that order. Throws ZipFormatError for a copied entry that is damaged. */
export function writeZip(entries: ZipWriteEntry[], options: ZipWriteOptions = {}): Uint8Array {
  const force = !!options.forceZip64;
  const now = dosDateTime(new Date());
  const out = new Out();
  const central: { p: Prepared; offset: number }[] = [];
  for (const e of entries) {
    const p = prepare(e, now);
    const offset = out.length;
    localHeader(out, p, force || p.size >= MAX32 || p.compressedSize >= MAX32);
    central.push({ p, offset });
  }
  const cdStart = out.length;
  for (const { p, offset } of central) centralHeader(out, p, offset, force);
  endRecords(out, central.length, cdStart, out.length - cdStart, force);
  return out.concat();
}
