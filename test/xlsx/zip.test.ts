/** The zip container and OPC package layer (src/ooxml): read, copy raw, write, resolve targets. */
import JSZip from "jszip";
import { crc32 } from "../../src/ooxml/crc32";
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget, sourceOfRels } from "../../src/ooxml/package";
import { ZipFormatError, ZipReader } from "../../src/ooxml/zip-read";
import { writeZip } from "../../src/ooxml/zip-write";
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
