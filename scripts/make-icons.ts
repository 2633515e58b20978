/**
 * Generates the icons (assets/icon-16/32/64/80/128.png for the add-in, 192 and 512 for the installed web
 * app): a green table with a check mark on a transparent background. A tiny PNG encoder (node:zlib +
 * CRC-32) keeps this free of image libraries and the output byte-for-byte reproducible, so the committed
 * PNGs can always be regenerated:
 *   npx tsc -p tsconfig.cli.json && node lib/scripts/make-icons.js
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128, 192, 512] as const;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encode RGBA pixels (row-major, 4 bytes per pixel) as a PNG (8-bit RGBA, no interlace, filter 0). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error("encodePng: pixel buffer has the wrong size");
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

type Rgb = [number, number, number];
const GREEN: Rgb = [0x21, 0x73, 0x46]; // Excel green
const LIGHT: Rgb = [0xe8, 0xf3, 0xec];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const CHECK: Rgb = [0x10, 0x7c, 0x10];

/** Distance from point p to segment ab (unit coordinates). */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The icon as a function of unit coordinates (0..1): colour or null (transparent). */
function shade(x: number, y: number, size: number): Rgb | null {
  const line = Math.max(1 / size, 0.06);
  // Check mark (drawn on top, with a white outline so it reads on the table).
  const c1 = segDist(x, y, 0.42, 0.66, 0.58, 0.84);
  const c2 = segDist(x, y, 0.58, 0.84, 0.95, 0.36);
  const dc = Math.min(c1, c2);
  if (dc < 0.075) return CHECK;
  if (dc < 0.075 + line) return WHITE;
  // Table: outer frame, green header row, grid lines, light cells.
  const l = 0.05,
    r = 0.95,
    t = 0.1,
    b = 0.9;
  if (x < l || x > r || y < t || y > b) return null;
  if (x < l + line || x > r - line || y < t + line || y > b - line) return GREEN;
  if (y < 0.32) return GREEN;
  const cols = [0.35, 0.65];
  const rows = [0.51, 0.7];
  for (const cx of cols) if (Math.abs(x - cx) < line / 2) return GREEN;
  for (const ry of rows) if (Math.abs(y - ry) < line / 2) return GREEN;
  return size >= 32 ? LIGHT : WHITE;
}

/** Render one icon with 4×4 supersampling. */
export function renderIcon(size: number): Buffer {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = (y * size + x) * 4;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return encodePng(size, size, px);
}

export function writeIcons(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((s) => {
    const file = path.join(dir, `icon-${s}.png`);
    fs.writeFileSync(file, renderIcon(s));
    return file;
  });
}

if (require.main === module) {
  const root = path.resolve(__dirname, __dirname.includes(`${path.sep}lib${path.sep}`) ? "../.." : "..");
  for (const f of writeIcons(path.join(root, "assets"))) console.log(f);
}
