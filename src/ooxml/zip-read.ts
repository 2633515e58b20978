/**
 * Reading a zip container (an OOXML package) from its central directory. Entries are inflated only
 * when asked, whole or in chunks (a 50 MB sheet never has to sit in memory as one string). The
 * compressed bytes of an entry can be handed out untouched, so a writer can copy a part byte for byte.
 * Zip64 records are understood. No Node API (runs in the browser preview too).
 */
import { Inflate, inflateSync } from "fflate";

/** The container cannot be read (cut off, garbage, an unsupported compression method). */
export class ZipFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ZipFormatError";
  }
}

export interface ZipEntry {
  /** Entry name as stored (UTF-8 decoded), e.g. "xl/worksheets/sheet1.xml". */
  name: string;
  /** The name's raw bytes (kept so a copy writes exactly the same name). */
  nameBytes: Uint8Array;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date fields. */
  time: number;
  date: number;
  localHeaderOffset: number;
  /** Where the compressed data starts (resolved from the local header on first use). */
  dataOffset?: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
let utf8: TextDecoder | null = null;
const decodeName = (b: Uint8Array) => (utf8 ??= new TextDecoder("utf-8")).decode(b);

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === SIG_EOCD) return i;
  return -1;
}

/** Chunk of compressed input handed to the streaming inflater. */
const STREAM_CHUNK = 256 * 1024;

/** Parts up to this size are inflated whole (faster to decode and parse); larger ones in chunks. */
export const WHOLE_PART_LIMIT = 96 * 1024 * 1024;

/** Raw DEFLATE → bytes. fflate by default; a platform may offer a faster one (Node's zlib in the CLI). */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

let inflateRaw: InflateRaw = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

/** Use another raw-inflate implementation (it must give the same bytes). */
export function useInflateRaw(fn: InflateRaw): void {
  inflateRaw = fn;
}

export class ZipReader {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    readonly bytes: Uint8Array,
    entries: ZipEntry[],
  ) {
    this.entries = entries;
    for (const e of entries) {
      const key = normalizeName(e.name);
      if (!this.byName.has(key)) this.byName.set(key, e);
    }
  }

  /** Parse the central directory. Throws ZipFormatError. */
  static open(bytes: Uint8Array): ZipReader {
    const eocd = findEocd(bytes);
    if (eocd < 0) throw new ZipFormatError("no end of central directory");
    let count = u16(bytes, eocd + 10);
    let cdSize = u32(bytes, eocd + 12);
    let cdOffset = u32(bytes, eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === SIG_EOCD64_LOCATOR) {
      const at = u64(bytes, locator + 8);
      if (at + 56 <= bytes.length && u32(bytes, at) === SIG_EOCD64) {
        count = u64(bytes, at + 32);
        cdSize = u64(bytes, at + 40);
        cdOffset = u64(bytes, at + 48);
      }
    }
    if (cdOffset + cdSize > bytes.length) throw new ZipFormatError("central directory outside the file");
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory entry ${i}`);
      const flags = u16(bytes, p + 8);
      const method = u16(bytes, p + 10);
      const time = u16(bytes, p + 12);
      const date = u16(bytes, p + 14);
      const crc = u32(bytes, p + 16);
      let compressedSize = u32(bytes, p + 20);
      let size = u32(bytes, p + 24);
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      let localHeaderOffset = u32(bytes, p + 42);
      const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
      // Zip64: the 0xFFFFFFFF fields come, in order, from the extra field 0x0001.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 1) {
          let q = x + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, q);
        }
        x += 4 + len;
      }
      const name = decodeName(nameBytes);
      entries.push({ name, nameBytes, method, flags, crc, compressedSize, size, time, date, localHeaderOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipReader(bytes, entries);
  }

  /** The entry for a part name (case-insensitive, leading "/" ignored, as OPC compares names). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(normalizeName(name));
  }

  /** The entry's compressed bytes, exactly as stored. */
  raw(e: ZipEntry): Uint8Array {
    const start = this.dataOffset(e);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipFormatError(`entry ${e.name} runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }

  private dataOffset(e: ZipEntry): number {
    if (e.dataOffset !== undefined) return e.dataOffset;
    const o = e.localHeaderOffset;
    if (o + 30 > this.bytes.length || u32(this.bytes, o) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
    e.dataOffset = o + 30 + u16(this.bytes, o + 26) + u16(this.bytes, o + 28);
    return e.dataOffset;
  }

  /** The entry's content, inflated. Throws ZipFormatError. */
  read(e: ZipEntry): Uint8Array {
    const raw = this.raw(e);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw new ZipFormatError(`unsupported compression method ${e.method} for ${e.name}`);
    try {
      const out = inflateRaw(raw, e.size);
      if (out.length !== e.size) throw new ZipFormatError(`${e.name}: ${out.length} bytes inflated, ${e.size} expected`);
      return out;
    } catch (cause) {
      throw new ZipFormatError(`cannot inflate ${e.name}`, { cause });
    }
  }

  /** The entry's content in chunks (in order), without holding it whole. Throws ZipFormatError. */
  readChunks(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    if (e.size <= WHOLE_PART_LIMIT) {
      onChunk(this.read(e));
      return;
    }
    const raw = this.raw(e);
    if (e.method === 0) {
      for (let i = 0; i < raw.length; i += STREAM_CHUNK * 4) onChunk(raw.subarray(i, Math.min(raw.length, i + STREAM_CHUNK * 4)));
      return;
    }
    if (e.method !== 8) throw new ZipFormatError(`unsupported compression method ${e.method} for ${e.name}`);
    // An error thrown by onChunk (e.g. the XML parser's) is the caller's: it passes through as it is.
    let callerFailed = false;
    const inflater = new Inflate((chunk) => {
      if (!chunk.length) return;
      try {
        onChunk(chunk);
      } catch (e) {
        callerFailed = true;
        throw e;
      }
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let i = 0; i < raw.length; i += STREAM_CHUNK) {
        inflater.push(raw.subarray(i, Math.min(raw.length, i + STREAM_CHUNK)), i + STREAM_CHUNK >= raw.length);
      }
    } catch (cause) {
      if (callerFailed) throw cause;
      throw new ZipFormatError(`cannot inflate ${e.name}`, { cause });
    }
  }
}

/** OPC part names compare case-insensitively; zip names have no leading slash. */
export function normalizeName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}
