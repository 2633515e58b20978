/**
 * Zip containers written record by record, so a test can make them lie: sizes and CRCs that are not the
 * data's, zip64 sizes of a terabyte, flags, names no writer would produce, entries that share their data,
 * DEFLATE streams that inflate to gigabytes from a few kilobytes. Nothing here is committed as a binary:
 * every hostile file is made when the test runs.
 */
import * as zlib from "zlib";
import { crc32 } from "../../src/ooxml/crc32";

const nativeCrc = (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32 ?? crc32;
import { ZipReader } from "../../src/ooxml/zip-read";

export interface CraftEntry {
  name: string | Uint8Array;
  /** The content (deflated here unless `compressed` is given). */
  data?: Uint8Array | string;
  /** Compressed bytes as they go in the file (a DEFLATE stream made elsewhere, e.g. a bomb). */
  compressed?: Uint8Array;
  method?: 0 | 8;
  /** Declared values (default: the data's own). */
  crc?: number;
  size?: number;
  flags?: number;
  /** Declare the size through a zip64 extra field (the 32-bit field says 0xFFFFFFFF). */
  zip64Size?: number;
}

const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
const u64 = (v: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};

interface Placed {
  nameBytes: Buffer;
  method: number;
  flags: number;
  crc: number;
  csize: number;
  size: number;
  zip64Size?: number;
  offset: number;
}

function bytesOf(d: Uint8Array | string | undefined): Buffer {
  return d === undefined ? Buffer.alloc(0) : typeof d === "string" ? Buffer.from(d, "utf8") : Buffer.from(d);
}

function local(e: CraftEntry, offset: number): { head: Buffer; body: Buffer; placed: Placed } {
  const nameBytes = typeof e.name === "string" ? Buffer.from(e.name, "utf8") : Buffer.from(e.name);
  const data = bytesOf(e.data);
  const method = e.method ?? 8;
  const body = e.compressed ? Buffer.from(e.compressed) : method === 8 ? zlib.deflateRawSync(data) : data;
  const placed: Placed = {
    nameBytes,
    method,
    flags: e.flags ?? (typeof e.name === "string" && /[^\x00-\x7f]/.test(e.name) ? 0x0800 : 0),
    crc: e.crc ?? crc32(data),
    csize: body.length,
    size: e.size ?? data.length,
    zip64Size: e.zip64Size,
    offset,
  };
  const extra = e.zip64Size !== undefined ? Buffer.concat([u16(1), u16(16), u64(e.zip64Size), u64(body.length)]) : Buffer.alloc(0);
  const head = Buffer.concat([
    u32(0x04034b50),
    u16(e.zip64Size !== undefined ? 45 : 20),
    u16(placed.flags),
    u16(method),
    u16(0),
    u16(0x21),
    u32(placed.crc),
    u32(e.zip64Size !== undefined ? 0xffffffff : placed.csize),
    u32(e.zip64Size !== undefined ? 0xffffffff : placed.size),
    u16(nameBytes.length),
    u16(extra.length),
    nameBytes,
    extra,
  ]);
  return { head, body, placed };
}

/** The central directory record of a placed entry (under another name, if given). */
export function centralRecord(p: Placed, nameBytes = p.nameBytes): Buffer {
  const zip64 = p.zip64Size !== undefined;
  const extra = zip64 ? Buffer.concat([u16(1), u16(8), u64(p.zip64Size!)]) : Buffer.alloc(0);
  return Buffer.concat([
    u32(0x02014b50),
    u16(20),
    u16(zip64 ? 45 : 20),
    u16(p.flags),
    u16(p.method),
    u16(0),
    u16(0x21),
    u32(p.crc),
    u32(p.csize),
    u32(zip64 ? 0xffffffff : p.size),
    u16(nameBytes.length),
    u16(extra.length),
    u16(0),
    u16(0),
    u16(0),
    u32(0),
    u32(p.offset),
    nameBytes,
    extra,
  ]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  if (count < 0xffff) return Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cdSize), u32(cdOffset), u16(0)]);
  const at = cdOffset + cdSize;
  return Buffer.concat([
    u32(0x06064b50),
    u64(44),
    u16(20),
    u16(45),
    u32(0),
    u32(0),
    u64(count),
    u64(count),
    u64(cdSize),
    u64(cdOffset),
    u32(0x07064b50),
    u32(0),
    u64(at),
    u32(1),
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(0xffff),
    u16(0xffff),
    u32(cdSize),
    u32(cdOffset),
    u16(0),
  ]);
}

/**
 * A zip of these entries. `aliases`: more central records pointing at an entry's data under other names
 * (entries that overlap: n names, one blob).
 */
export function craftZip(entries: CraftEntry[], aliases: { of: number; names: string[] } | null = null): Buffer {
  const parts: Buffer[] = [];
  const placed: Placed[] = [];
  let offset = 0;
  for (const e of entries) {
    const { head, body, placed: p } = local(e, offset);
    parts.push(head, body);
    placed.push(p);
    offset += head.length + body.length;
  }
  const central = placed.map((p) => centralRecord(p));
  if (aliases) for (const n of aliases.names) central.push(centralRecord(placed[aliases.of], Buffer.from(n)));
  const cd = Buffer.concat(central);
  return Buffer.concat([...parts, cd, endRecord(central.length, cd.length, offset)]);
}

/** Every entry of a zip, inflated (to rebuild a real workbook with one hostile part changed or added). */
export function entriesOf(bytes: Uint8Array): CraftEntry[] {
  const z = ZipReader.open(bytes);
  return z.entries.filter((e) => !e.name.endsWith("/")).map((e) => ({ name: e.name, data: z.read(e) }));
}

/** A workbook's entries with some parts replaced or added (by name) and others removed. */
export function repack(bytes: Uint8Array, change: Record<string, CraftEntry | null>, aliases?: { of: string; names: string[] }): Buffer {
  const kept = entriesOf(bytes).filter((e) => !(String(e.name) in change));
  const added = Object.entries(change).flatMap(([name, e]) => (e ? [{ ...e, name: e.name ?? name }] : []));
  const all = [...kept, ...added];
  return craftZip(all, aliases ? { of: all.findIndex((e) => e.name === aliases.of), names: aliases.names } : null);
}

/**
 * A raw DEFLATE stream of `prefix`, then `repeat` copies of `chunk`, then `suffix`, made without ever
 * holding the whole (each piece is flushed to a byte boundary, so pieces can be concatenated): a few KB
 * that inflate to gigabytes. The CRC (`withCrc`) costs a pass over the whole: only for honest streams.
 */
export function deflateRepeated(
  prefix: string,
  chunk: string,
  repeat: number,
  suffix: string,
  withCrc = false,
): { stream: Buffer; size: number; crc: number } {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  const body = zlib.deflateRawSync(Buffer.from(chunk), flush);
  const tail = zlib.deflateRawSync(Buffer.from(suffix)); // ends with the final block
  const c = Buffer.from(chunk);
  let crc = 0;
  if (withCrc) {
    // The CRC of every copy, with zlib's native CRC (the test pays this, not the code under test).
    crc = nativeCrc(Buffer.from(prefix));
    for (let i = 0; i < repeat; i++) crc = nativeCrc(c, crc);
    crc = nativeCrc(Buffer.from(suffix), crc);
  }
  const pieces = [head];
  for (let i = 0; i < repeat; i++) pieces.push(body);
  pieces.push(tail);
  return { stream: Buffer.concat(pieces), size: Buffer.byteLength(prefix) + c.length * repeat + Buffer.byteLength(suffix), crc };
}
