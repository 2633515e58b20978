/** Crafting .xlsx packages at the zip level (what ExcelJS cannot write: defined names, raw sheet XML). */
import JSZip from "jszip";

export async function patchZip(bytes: Buffer | Uint8Array, fn: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await fn(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function zipText(bytes: Buffer | Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

export async function zipParts(bytes: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).sort();
}

/** Replace the <definedNames> block of workbook.xml with these raw elements. */
export async function withDefinedNamesXml(bytes: Buffer | Uint8Array, elements: string[]): Promise<Buffer> {
  return patchZip(bytes, async (zip) => {
    let x = await zip.file("xl/workbook.xml")!.async("string");
    x = x.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
    if (elements.length) x = x.replace("</sheets>", `</sheets><definedNames>${elements.join("")}</definedNames>`);
    zip.file("xl/workbook.xml", x);
  });
}

/** The zip path of a sheet's XML part, through workbook.xml and its relationships. */
export async function sheetPart(bytes: Buffer | Uint8Array, index: number): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheets = [...wb.matchAll(/<sheet\b[^>]*r:id="([^"]+)"/g)];
  const rid = sheets[index][1];
  const target = new RegExp(`<Relationship[^>]*Id="${rid}"[^>]*Target="([^"]+)"|<Relationship[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(
    rels,
  )!;
  const t = target[1] ?? target[2];
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

/** Rename a sheet in workbook.xml only (to get names ExcelJS refuses to create, e.g. with brackets). */
export async function renameSheetXml(bytes: Buffer | Uint8Array, from: string, toEscaped: string): Promise<Buffer> {
  return patchZip(bytes, async (zip) => {
    const x = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", x.replace(`name="${from}"`, `name="${toEscaped}"`));
  });
}

export const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
