/** CRC-32 (IEEE 802.3, as zip uses it). No Node API. */
let table: Int32Array | null = null;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** The CRC of `data`, or of what came before (`previous`, the CRC so far) followed by `data`. */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = (table ??= makeTable());
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
