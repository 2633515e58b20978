import { assertXlsxBytes, containsAscii, detectFileKind, XlsxReadError } from "../../src/xlsx/detect";

const JSZip = require("jszip");

async function zipWith(names: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const n of names) zip.file(n, "<x/>");
  return zip.generateAsync({ type: "uint8array" });
}

function codeOf(bytes: Uint8Array): string {
  try {
    assertXlsxBytes(bytes, "f.xlsx");
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    return (e as XlsxReadError).code;
  }
  return "ok";
}

describe("telling file kinds apart before ExcelJS sees them", () => {
  it("names the other office formats users pick by mistake", async () => {
    expect(codeOf(await zipWith(["[Content_Types].xml", "xl/workbook.xml"]))).toBe("ok");
    expect(codeOf(await zipWith(["[Content_Types].xml", "xl/workbook.bin"]))).toBe("xlsb");
    expect(codeOf(await zipWith(["[Content_Types].xml", "word/document.xml"]))).toBe("docx");
    expect(codeOf(await zipWith(["mimetype", "content.xml", "application/vnd.oasis.opendocument.spreadsheet"]))).toBe("ods");
    expect(codeOf(await zipWith(["readme.txt"]))).toBe("not_xlsx");
  });

  it("classifies magic numbers and text", () => {
    expect(detectFileKind(new Uint8Array([0x50, 0x4b, 5, 6]))).toBe("zip");
    expect(detectFileKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("cfb");
    expect(detectFileKind(new TextEncoder().encode("\ufeffSTT;Nội dung\r\n1;Việc\r\n"))).toBe("text");
    expect(detectFileKind(new Uint8Array([1, 2, 0, 4]))).toBe("unknown");
    expect(detectFileKind(new ArrayBuffer(0))).toBe("empty");
  });

  it("finds ASCII names in bytes", () => {
    const b = new TextEncoder().encode("..xxl/workbook.xml..");
    expect(containsAscii(b, "xl/workbook.xml")).toBe(true);
    expect(containsAscii(b, "xl/workbook.bin")).toBe(false);
    expect(containsAscii(new TextEncoder().encode("xl/workbook.xm"), "xl/workbook.xml")).toBe(false);
  });

  it("every message is Vietnamese and names the file", () => {
    for (const code of [
      "not_found",
      "not_a_file",
      "unreadable",
      "empty",
      "cfb",
      "text",
      "not_zip",
      "not_xlsx",
      "xlsb",
      "ods",
      "docx",
      "corrupt",
    ] as const) {
      const e = new XlsxReadError(code, "ke-hoach.xlsx");
      expect(e.message).toContain("ke-hoach.xlsx");
      expect(e.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
  });
});
