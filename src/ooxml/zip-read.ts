/**
 * Reading a zip container (an OOXML package) from its central directory. Entries are inflated only
 * when asked, whole or in chunks (a 50 MB sheet never has to sit in memory as one string). The
 * compressed bytes of an entry can be handed out untouched, so a writer can copy a part byte for byte.
 * Zip64 records are understood. No Node API (runs in the browser preview too).
 *
 * Every file is hostile until read, so what is read is bounded:
 * - an entry is inflated to its declared size and no further (more or fewer bytes: the entry is damaged),
 *   and its CRC is checked whenever it is inflated (read, or verified before it is copied raw);
 * - the file as a whole may inflate to `ratio` times its size (at least `floor`, never over `cap`):
 *   past that it is a zip bomb, refused as too large before anything is inflated;
 * - entries whose data overlap, or that share a name, make the package damaged;
 * - an entry with an unsafe or over-long name (backslashes, control characters, "..", an absolute path)
 *   is left out of the package (`dropped`), so nothing ever reads or copies it;
 * - an encrypted entry, or one compressed by a method other than stored or deflate, cannot be read or
 *   copied.
 */
import { crc32 as portableCrc32 } from "./crc32";
import { fflate } from "./fflate";

/** The container cannot be read (cut off, garbage, an unsupported compression method, a bad CRC). */
export class ZipFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ZipFormatError";
  }
}

/** The container would inflate past what phuluc reads from one file (a zip bomb, or simply too big). */
export class ZipLimitError extends ZipFormatError {
  constructor(message: string) {
    super(message);
    this.name = "ZipLimitError";
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
  /** Where the compressed data starts (from the local header). */
  dataOffset: number;
}

/** How much one file may inflate to (see the module comment). */
export interface InflateLimits {
  ratio: number;
  floor: number;
  cap: number;
}

const MB = 1024 * 1024;
/**
 * Sheets compress about 7 to 1 (the benchmark's plans), empty styled ranges a few hundred to 1; 100 to 1
 * over the whole file, at least 32 MB, is far above any real plan. The cap keeps the text phuluc holds
 * (two bytes a character at worst) and the time to parse it inside the CLI's bounds (1 GB, 30 s).
 */
export const DEFAULT_LIMITS: InflateLimits = { ratio: 100, floor: 32 * MB, cap: 256 * MB };

/** Longest entry name accepted (bytes), and longest segment of it (a file name on most systems). */
const MAX_NAME = 1024;
const MAX_SEGMENT = 255;

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
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

/**
 * Where the end-of-central-directory record starts (PK\x05\x06, within the last 64 KB + 22 bytes: a whole
 * zip ends with one), or -1 when there is none (a cut-off file).
 */
export function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 65557);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === SIG_EOCD) return i;
  return -1;
}

/**
 * Chunk of compressed input handed to the streaming inflater: DEFLATE expands at most about 1,032 to 1,
 * so one chunk never inflates to more than 17 MB at a time, whatever the part holds.
 */
const STREAM_CHUNK = 16 * 1024;

/** Parts up to this size are inflated whole (faster to decode and parse); larger ones in chunks. */
export const WHOLE_PART_LIMIT = 96 * MB;

/**
 * Raw DEFLATE → bytes, stopping past `limit` bytes of output (the result is then longer than the entry's
 * size, which the caller treats as damage). fflate by default; a platform may offer a faster one (Node's
 * zlib in the CLI).
 */
export type InflateRaw = (data: Uint8Array, limit: number) => Uint8Array;
export type Crc32 = (data: Uint8Array, previous?: number) => number;

/** fflate's streaming inflater, stopped as soon as the output passes `limit` (a bomb costs no more). */
function portableInflate(data: Uint8Array, limit: number): Uint8Array {
  let out = new Uint8Array(Math.min(limit, Math.max(1024, data.length * 4)));
  let n = 0;
  const inflater = new (fflate().Inflate)((chunk) => {
    if (n + chunk.length > limit) throw new ZipFormatError("inflates past its declared size");
    if (n + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(limit, Math.max(out.length * 2, n + chunk.length)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let i = 0; i < data.length; i += STREAM_CHUNK) inflater.push(data.subarray(i, i + STREAM_CHUNK), i + STREAM_CHUNK >= data.length);
  return out.subarray(0, n);
}

let inflateRaw: InflateRaw = portableInflate;
let crc32: Crc32 = portableCrc32;

/** Use another raw-inflate implementation (it must give the same bytes and respect the limit). */
export function useInflateRaw(fn: InflateRaw): void {
  inflateRaw = fn;
}

/** Use another CRC-32 implementation (Node's zlib.crc32 is native). */
export function useCrc32(fn: Crc32): void {
  crc32 = fn;
}

/** Why an entry name is unsafe to read or copy, or null when it is a plain relative path. */
export function unsafeNameReason(name: string, byteLength: number): string | null {
  if (byteLength > MAX_NAME) return "name too long";
  // Control characters (NUL among them), backslashes, and what a failed UTF-8 decoding leaves.
  if (/[\u0000-\u001f\u007f\\\ufffd]/.test(name)) return "forbidden character in name";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "absolute name";
  const segments = name.split("/");
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === "." || s === "..") return "relative segment in name";
    if (s === "" && i !== segments.length - 1) return "empty segment in name";
    if (s.length > MAX_SEGMENT) return "name segment too long";
  }
  return null;
}

interface CentralRecord {
  entry: ZipEntry;
  /** Name and reason of an entry left out. */
  unsafe: string | null;
}

function readCentralRecord(bytes: Uint8Array, p: number, i: number): { record: CentralRecord; next: number } {
  if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory entry ${i}`);
  let compressedSize = u32(bytes, p + 20);
  let size = u32(bytes, p + 24);
  const nameLen = u16(bytes, p + 28);
  const extraLen = u16(bytes, p + 30);
  const commentLen = u16(bytes, p + 32);
  let localHeaderOffset = u32(bytes, p + 42);
  const next = p + 46 + nameLen + extraLen + commentLen;
  if (next > bytes.length) throw new ZipFormatError(`central directory entry ${i} runs past the end of the file`);
  const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
  // Zip64: the 0xFFFFFFFF fields come, in order, from the extra field 0x0001.
  let x = p + 46 + nameLen;
  const xEnd = x + extraLen;
  while (x + 4 <= xEnd) {
    const id = u16(bytes, x);
    const len = u16(bytes, x + 2);
    if (id === 1) {
      let q = x + 4;
      const end = Math.min(xEnd, q + len);
      if (size === 0xffffffff && q + 8 <= end) {
        size = u64(bytes, q);
        q += 8;
      }
      if (compressedSize === 0xffffffff && q + 8 <= end) {
        compressedSize = u64(bytes, q);
        q += 8;
      }
      if (localHeaderOffset === 0xffffffff && q + 8 <= end) localHeaderOffset = u64(bytes, q);
    }
    x += 4 + len;
  }
  const name = decodeName(nameBytes);
  const entry: ZipEntry = {
    name,
    nameBytes,
    method: u16(bytes, p + 10),
    flags: u16(bytes, p + 8),
    crc: u32(bytes, p + 16),
    compressedSize,
    size,
    time: u16(bytes, p + 12),
    date: u16(bytes, p + 14),
    localHeaderOffset,
    dataOffset: -1,
  };
  return { record: { entry, unsafe: unsafeNameReason(name, nameLen) }, next };
}

/** The end records: where the central directory is and how many entries it lists. */
function readEnd(bytes: Uint8Array): { count: number; cdSize: number; cdOffset: number } {
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
  // Each record takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > cdSize) throw new ZipFormatError("central directory too short for its entry count");
  return { count, cdSize, cdOffset };
}

/** Resolve each entry's data offset from its local header; overlapping entries make the package damaged. */
function placeEntries(bytes: Uint8Array, entries: ZipEntry[], cdOffset: number): void {
  const byOffset = entries.slice().sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let end = 0;
  for (const e of byOffset) {
    const o = e.localHeaderOffset;
    if (o < end) throw new ZipFormatError(`entry ${e.name} overlaps another entry`);
    if (o + 30 > cdOffset || u32(bytes, o) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
    e.dataOffset = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
    end = e.dataOffset + e.compressedSize;
    if (end > cdOffset) throw new ZipFormatError(`entry ${e.name} runs into the central directory`);
  }
}

export class ZipReader {
  readonly entries: ZipEntry[];
  /** Entries left out for their names ("name (reason)"), never read nor copied. */
  readonly dropped: string[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Entries inflated and found whole (size and CRC as declared). */
  private readonly verified = new WeakSet<ZipEntry>();
  /** Bytes this file may still inflate to. */
  private budget: number;

  private constructor(
    readonly bytes: Uint8Array,
    entries: ZipEntry[],
    dropped: string[],
    limits: InflateLimits,
  ) {
    this.entries = entries;
    this.dropped = dropped;
    this.budget = Math.min(limits.cap, Math.max(limits.floor, bytes.length * limits.ratio));
    for (const e of entries) {
      const key = normalizeName(e.name);
      if (this.byName.has(key)) throw new ZipFormatError(`entry ${e.name} is in the package twice`);
      this.byName.set(key, e);
    }
  }

  /** Parse the central directory. Throws ZipFormatError. */
  static open(bytes: Uint8Array, limits: InflateLimits = DEFAULT_LIMITS): ZipReader {
    const { count, cdOffset } = readEnd(bytes);
    const entries: ZipEntry[] = [];
    const dropped: string[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      const { record, next } = readCentralRecord(bytes, p, i);
      if (record.unsafe) dropped.push(`${record.entry.name} (${record.unsafe})`);
      else entries.push(record.entry);
      p = next;
    }
    placeEntries(bytes, entries, cdOffset);
    return new ZipReader(bytes, entries, dropped, limits);
  }

  /** The entry for a part name (case-insensitive, leading "/" ignored, as OPC compares names). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(normalizeName(name));
  }

  /** The entry's compressed bytes, exactly as stored. */
  raw(e: ZipEntry): Uint8Array {
    return this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  }

  /** Throws unless the entry can be inflated at all, and charges its size to the file's budget (once). */
  private admit(e: ZipEntry): void {
    if (e.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) throw new ZipFormatError(`${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`unsupported compression method ${e.method} for ${e.name}`);
    if (e.method === 0 && e.compressedSize !== e.size) throw new ZipFormatError(`${e.name}: stored with two different sizes`);
    if (this.verified.has(e)) return;
    if (e.size > this.budget)
      throw new ZipLimitError(`${e.name}: ${e.size} bytes declared, over what is left of the file's inflate budget`);
    this.budget -= e.size;
  }

  private check(e: ZipEntry, length: number, crc: number): void {
    if (length !== e.size) throw new ZipFormatError(`${e.name}: ${length} bytes inflated, ${e.size} declared`);
    if (crc !== e.crc) throw new ZipFormatError(`${e.name}: CRC ${crc.toString(16)}, ${e.crc.toString(16)} declared`);
    this.verified.add(e);
  }

  /** The entry's content, inflated (size and CRC checked). Throws ZipFormatError. */
  read(e: ZipEntry): Uint8Array {
    this.admit(e);
    const raw = this.raw(e);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else {
      try {
        out = inflateRaw(raw, e.size + 1);
      } catch (cause) {
        throw new ZipFormatError(`cannot inflate ${e.name}`, { cause });
      }
    }
    if (!this.verified.has(e)) this.check(e, out.length, crc32(out));
    return out;
  }

  /** The entry's content in chunks (in order), without holding it whole. Throws ZipFormatError. */
  readChunks(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    if (e.size <= WHOLE_PART_LIMIT) {
      onChunk(this.read(e));
      return;
    }
    this.admit(e);
    const raw = this.raw(e);
    let n = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      n += chunk.length;
      if (n > e.size) throw new ZipFormatError(`${e.name} inflates past its declared size`);
      crc = crc32(chunk, crc);
      onChunk(chunk);
    };
    if (e.method === 0) {
      for (let i = 0; i < raw.length; i += STREAM_CHUNK * 256) take(raw.subarray(i, Math.min(raw.length, i + STREAM_CHUNK * 256)));
    } else this.inflateStream(e, raw, take);
    // A part cut short or damaged is found here, after its chunks were handed out: the caller's result
    // from them is thrown away with this error.
    this.check(e, n, crc);
  }

  private inflateStream(e: ZipEntry, raw: Uint8Array, take: (chunk: Uint8Array) => void): void {
    // An error thrown by the caller (e.g. the XML parser's) is the caller's: it passes through as it is.
    let callerFailed = false;
    const inflater = new (fflate().Inflate)((chunk) => {
      if (!chunk.length) return;
      try {
        take(chunk);
      } catch (err) {
        callerFailed = !(err instanceof ZipFormatError);
        throw err;
      }
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let i = 0; i < raw.length; i += STREAM_CHUNK) inflater.push(raw.subarray(i, i + STREAM_CHUNK), i + STREAM_CHUNK >= raw.length);
    } catch (cause) {
      if (callerFailed || cause instanceof ZipFormatError) throw cause;
      throw new ZipFormatError(`cannot inflate ${e.name}`, { cause });
    }
  }

  /**
   * Check an entry before its compressed bytes are copied as they are: it must inflate to its declared
   * size with its declared CRC (counted against the budget like a read). Throws ZipFormatError.
   */
  verify(e: ZipEntry): void {
    if (this.verified.has(e)) return;
    this.readChunks(e, () => undefined);
  }
}

/** OPC part names compare case-insensitively; zip names have no leading slash. */
export function normalizeName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}
