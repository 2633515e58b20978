/** The zip container and OPC package layer (src/ooxml): read, copy raw, write, resolve targets. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { crc32 } from "../../src/ooxml/crc32";
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget, sourceOfRels } from "../../src/ooxml/package";
import { ZipFormatError, ZipLimitError, ZipReader } from "../../src/ooxml/zip-read";
import { dosDateTime, writeZip } from "../../src/ooxml/zip-write";
import { rawXlsx } from "../support/raw-xlsx";

const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

describe("zip container", () => {
  it("reads what JSZip writes, with and without data descriptors, stored and deflated", async () => {
    for (const streamFiles of [false, true]) {
      const zip = new JSZip();
      zip.file("a.xml", "<a>" + "x".repeat(5000) + "</a>");
      zip.file("thư mục/ảnh.bin", new Uint8Array([1, 2, 3]), { compression: "STORE" });
      const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", streamFiles });
      const r = ZipReader.open(bytes);
      expect(r.entries.map((e) => e.name)).toEqual(["a.xml", "thư mục/", "thư mục/ảnh.bin"]);
      expect(text(r.read(r.entry("A.XML")!))).toBe("<a>" + "x".repeat(5000) + "</a>");
      expect([...r.read(r.entry("/thư mục/ảnh.bin")!)]).toEqual([1, 2, 3]);
      const chunks: Uint8Array[] = [];
      r.readChunks(r.entry("a.xml")!, (c) => chunks.push(c));
      expect(text(Buffer.concat(chunks))).toBe("<a>" + "x".repeat(5000) + "</a>");
    }
  });

  it("copies entries raw (the compressed bytes and CRC as they were) and writes new ones JSZip reads", async () => {
    const zip = new JSZip();
    zip.file("keep.xml", "<k>" + "y".repeat(3000) + "</k>");
    const src = ZipReader.open(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", streamFiles: true }));
    const out = writeZip([
      { kind: "copy", from: src, entry: src.entry("keep.xml")! },
      { kind: "new", name: "mới/tệp.xml", data: new TextEncoder().encode("<m>Phòng</m>") },
      { kind: "new", name: "random.bin", data: new Uint8Array([7, 200, 13, 0]) },
    ]);
    const back = ZipReader.open(out);
    expect(Buffer.from(back.raw(back.entry("keep.xml")!)).equals(Buffer.from(src.raw(src.entry("keep.xml")!)))).toBe(true);
    expect(back.entry("keep.xml")!.crc).toBe(src.entry("keep.xml")!.crc);
    const j = await JSZip.loadAsync(out);
    expect(await j.file("mới/tệp.xml")!.async("string")).toBe("<m>Phòng</m>");
    expect([...(await j.file("random.bin")!.async("uint8array"))]).toEqual([7, 200, 13, 0]);
    expect(await j.file("keep.xml")!.async("string")).toBe("<k>" + "y".repeat(3000) + "</k>");
  });

  it("a cut-off or scrambled container is a ZipFormatError", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(() => ZipReader.open(bytes.subarray(0, bytes.length - 30))).toThrow(ZipFormatError);
    const scrambled = Uint8Array.from(bytes);
    for (let i = 0; i < scrambled.length - 22; i++) scrambled[i] ^= 0x5a;
    expect(() => ZipReader.open(scrambled)).toThrow(ZipFormatError);
  });

  it("crc32 is zip's", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe("OPC package", () => {
  it("resolves relative, parent, absolute and percent-encoded targets; writes relative ones", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "./trang%20m%E1%BB%99t.xml")).toBe("xl/trang một.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe("../drawings/drawing1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe("worksheets/sheet2.xml");
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("")).toBe("_rels/.rels");
    expect(sourceOfRels("xl/worksheets/_rels/sheet1.xml.rels")).toBe("xl/worksheets/sheet1.xml");
  });

  it("saves untouched parts raw, edited parts new, removes a part's tree but not what others still use", async () => {
    const bytes = await rawXlsx([
      { name: "A", rows: "" },
      { name: "B", rows: "" },
    ]);
    const pkg = OpcPackage.open(bytes);
    pkg.set("xl/extra/x.xml", "<x/>", "application/xml");
    pkg.addRel("xl/worksheets/sheet1.xml", "urn:t", "xl/extra/x.xml");
    pkg.addRel("xl/worksheets/sheet2.xml", "urn:t", "xl/extra/x.xml");
    pkg.removeTree("xl/worksheets/sheet1.xml");
    expect(pkg.has("xl/worksheets/sheet1.xml")).toBe(false);
    expect(pkg.has("xl/extra/x.xml")).toBe(true); // sheet2 still points to it
    const out = OpcPackage.open(pkg.save());
    expect(out.has("xl/extra/x.xml")).toBe(true);
    expect(out.contentType("xl/extra/x.xml")).toBe("application/xml");
    const zin = ZipReader.open(bytes);
    const zout = ZipReader.open(pkg.save());
    const e = zin.entry("xl/styles.xml")!;
    expect(Buffer.from(zout.raw(zout.entry("xl/styles.xml")!)).equals(Buffer.from(zin.raw(e)))).toBe(true);
  });
});

describe("zip container: what a hostile file cannot make the reader do", () => {
  const enc = new TextEncoder();
  const zipOf = (name: string, content: string) => writeZip([{ kind: "new", name, data: enc.encode(content) }]);
  /** The central directory record of the first entry (after the local header and data). */
  const central = (b: Uint8Array) => {
    for (let i = b.length - 22; i >= 0; i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 1 && b[i + 3] === 2) return i;
    throw new Error("no central record");
  };
  const setU32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

  it("an entry that inflates past its declared size is damaged (the portable inflater stops there)", () => {
    const b = zipOf("a.xml", "<a>" + "x".repeat(100_000) + "</a>");
    setU32(b, central(b) + 24, 10); // declared size: 10 bytes
    const r = ZipReader.open(b);
    expect(() => r.read(r.entry("a.xml")!)).toThrow(ZipFormatError);
  });

  it("a CRC that is not the content's is damage, on read and before a raw copy", () => {
    const b = zipOf("a.xml", "<a>" + "y".repeat(5000) + "</a>");
    setU32(b, central(b) + 16, 0x12345678);
    const r = ZipReader.open(b);
    expect(() => r.read(r.entry("a.xml")!)).toThrow(/CRC/);
    expect(() => writeZip([{ kind: "copy", from: r, entry: r.entry("a.xml")! }])).toThrow(/CRC/);
  });

  it("encrypted entries and unknown methods cannot be read or copied", () => {
    const b = zipOf("a.xml", "<a>" + "z".repeat(5000) + "</a>");
    new DataView(b.buffer).setUint16(central(b) + 8, 1, true);
    const r = ZipReader.open(b);
    expect(() => r.read(r.entry("a.xml")!)).toThrow(/encrypted/);
    expect(() => r.verify(r.entry("a.xml")!)).toThrow(/encrypted/);
    const m = zipOf("a.xml", "<a/>");
    new DataView(m.buffer).setUint16(central(m) + 10, 12, true);
    expect(() => ZipReader.open(m).read(ZipReader.open(m).entry("a.xml")!)).toThrow(/method 12/);
  });

  it("duplicate and overlapping entries make the package damaged", () => {
    const two = writeZip([
      { kind: "new", name: "a.xml", data: enc.encode("<a/>") },
      { kind: "new", name: "A.XML", data: enc.encode("<b/>") },
    ]);
    expect(() => ZipReader.open(two)).toThrow(/twice/);
    const b = writeZip([
      { kind: "new", name: "a.xml", data: enc.encode("<a>" + "1".repeat(500) + "</a>") },
      { kind: "new", name: "b.xml", data: enc.encode("<b/>") },
    ]);
    const second = (() => {
      let seen = 0;
      for (let i = 0; i < b.length - 4; i++)
        if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 1 && b[i + 3] === 2 && ++seen === 2) return i;
      throw new Error("no second record");
    })();
    setU32(b, second + 42, 0); // b.xml's local header offset: a.xml's
    expect(() => ZipReader.open(b)).toThrow(ZipFormatError);
  });

  it("entries with unsafe names are left out (dropped, named), never read nor copied", () => {
    const names = ["ok/part.xml", "xl\\evil.xml", "/abs.xml", "../up.xml", "a/./b.xml", "nul\u0000.xml", "x".repeat(2000)];
    const b = writeZip(names.map((name) => ({ kind: "new" as const, name, data: enc.encode("<a/>") })));
    const r = ZipReader.open(b);
    expect(r.entries.map((e) => e.name)).toEqual(["ok/part.xml"]);
    expect(r.dropped).toHaveLength(6);
    expect(r.dropped[0]).toBe("xl\\evil.xml (forbidden character in name)");
  });

  it("a file inflates to at most its budget: a part declared past it is refused before any inflating", () => {
    const b = zipOf("a.xml", "<a>" + "q".repeat(300_000) + "</a>");
    const r = ZipReader.open(b, { ratio: 1, floor: 100_000, cap: 1e9 });
    expect(() => r.read(r.entry("a.xml")!)).toThrow(ZipLimitError);
    const roomy = ZipReader.open(b, { ratio: 1, floor: 1_000_000, cap: 1e9 });
    expect(text(roomy.read(roomy.entry("a.xml")!)).length).toBe(300_007);
    // A part read twice is charged once.
    expect(text(roomy.read(roomy.entry("a.xml")!)).length).toBe(300_007);
  });

  it("writes zip64 records (forced here; needed past 65,535 entries or 4 GB) that it and Python read back", () => {
    const b = writeZip(
      [
        { kind: "new", name: "Phòng Kinh tế.xlsx", data: enc.encode("xin chào") },
        { kind: "new", name: "big.txt", data: new Uint8Array(200_000).fill(65) },
      ],
      { forceZip64: true },
    );
    const r = ZipReader.open(b);
    expect(r.entries.map((e) => [e.name, e.size])).toEqual([
      ["Phòng Kinh tế.xlsx", 9],
      ["big.txt", 200_000],
    ]);
    expect(text(r.read(r.entry("Phòng Kinh tế.xlsx")!))).toBe("xin chào");
    const file = path.join(os.tmpdir(), `phuluc-zip64-${process.pid}.zip`);
    fs.writeFileSync(file, b);
    const py = execFileSync("/usr/bin/python3", [
      "-c",
      "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('|'.join(i.filename for i in z.infolist()))",
      file,
    ]);
    expect(py.toString().trim()).toBe("Phòng Kinh tế.xlsx|big.txt");
    fs.rmSync(file);
  });

  it("new entries are dated now, from a Unix host, with the UTF-8 flag on names that need it", () => {
    const before = Date.now();
    const r = ZipReader.open(
      writeZip([
        { kind: "new", name: "Phòng Văn hóa - Xã hội.xlsx", data: enc.encode("x") },
        { kind: "new", name: "plain.xlsx", data: enc.encode("y") },
      ]),
    );
    const [viet, plain] = r.entries;
    expect(viet.flags & 0x0800).toBe(0x0800);
    expect(plain.flags & 0x0800).toBe(0);
    const d = viet.date;
    const t = viet.time;
    const when = new Date((d >> 9) + 1980, ((d >> 5) & 15) - 1, d & 31, t >> 11, (t >> 5) & 63, (t & 31) * 2).getTime();
    expect(Math.abs(when - before)).toBeLessThan(120_000);
    expect(dosDateTime(new Date(2026, 10, 24, 9, 30, 10))).toEqual({
      date: ((2026 - 1980) << 9) | (11 << 5) | 24,
      time: (9 << 11) | (30 << 5) | 5,
    });
  });
});
