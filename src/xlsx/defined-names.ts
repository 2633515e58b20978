/**
 * Keep the user's defined names (named ranges, constants, formulas, print areas, print titles, hidden
 * filter ranges) exactly as the file had them. ExcelJS 4 cannot: on a load + save it drops constant,
 * formula and #REF! names, loses `localSheetId` and `hidden`, keeps only the first area of a print
 * area, writes print areas with relative rows ($A1:$J10) and, for a sheet name with an apostrophe,
 * writes a reference Excel cannot read ('Bà's'!…). Worse, a print area it cannot parse
 * ('PL I'!#REF!, common after rows were deleted) makes its load throw.
 *
 * So the package is patched at the zip level: on save, the user's names from the original file are put
 * back, and ExcelJS's own names are kept only for the sheets the product wrote (a file ExcelJS cannot
 * load at all is read without its names: lenient-load.ts).
 * No Node API (the task pane's preview uses it too).
 */
import JSZip from "jszip";

const WORKBOOK_PART = "xl/workbook.xml";
const DEFINED_NAMES_RE = /<definedNames\s*>([\s\S]*?)<\/definedNames>|<definedNames\s*\/>/;
const DEFINED_NAME_RE = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>|<definedName\b[^>]*\/>/g;
const SHEET_RE = /<sheet\b([^>]*?)\/?>/g;

export interface RawDefinedName {
  /** The element's XML, as in the file. */
  xml: string;
  attrs: string;
  /** Sheet index of a local name (localSheetId), else null. */
  localSheetId: number | null;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3] ?? "") : null;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The sheet names of a workbook.xml, in order. */
export function sheetNamesOf(workbookXml: string): string[] {
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? "";
  const names: string[] = [];
  for (const m of sheets.matchAll(SHEET_RE)) names.push(unescapeXml(attr(m[1], "name") ?? ""));
  return names;
}

/** The defined names of a workbook.xml, as raw elements. */
export function definedNamesOf(workbookXml: string): RawDefinedName[] {
  const block = DEFINED_NAMES_RE.exec(workbookXml);
  if (!block || block[1] === undefined) return [];
  const out: RawDefinedName[] = [];
  for (const m of block[1].matchAll(DEFINED_NAME_RE)) {
    const attrs = m[1] ?? m[0];
    const id = attr(attrs, "localSheetId");
    out.push({ xml: m[0], attrs, localSheetId: id !== null && /^\d+$/.test(id) ? Number(id) : null });
  }
  return out;
}

/** A workbook.xml whose <definedNames> block is `names` (removed when empty). */
export function withDefinedNames(workbookXml: string, names: string[]): string {
  const block = names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
  if (DEFINED_NAMES_RE.test(workbookXml)) return workbookXml.replace(DEFINED_NAMES_RE, () => block);
  if (!block) return workbookXml;
  // The schema's order: … sheets, functionGroups?, externalReferences?, definedNames, calcPr …
  const after = /<\/externalReferences>|<\/functionGroups>|<\/sheets>/g;
  let last: RegExpExecArray | null = null;
  for (let m = after.exec(workbookXml); m; m = after.exec(workbookXml)) last = m;
  if (!last) return workbookXml;
  const at = last.index + last[0].length;
  return workbookXml.slice(0, at) + block + workbookXml.slice(at);
}

function setLocalSheetId(xml: string, id: number): string {
  return xml.replace(/\blocalSheetId\s*=\s*("[^"]*"|'[^']*')/, `localSheetId="${id}"`);
}

async function loadZip(bytes: Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
}

async function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * `saved` (what ExcelJS wrote from a workbook loaded from `original`) with the original's defined
 * names put back. A local name follows its sheet by name (sheets may have been added or removed);
 * names local to a sheet that no longer exists, or to one of `productSheets` (rewritten by the
 * product), are dropped. ExcelJS's own names are kept only for `productSheets`. Returns `saved`
 * unchanged when either package cannot be read.
 */
export async function restoreDefinedNames(original: Uint8Array, saved: Uint8Array, productSheets: string[]): Promise<Uint8Array> {
  const [origZip, outZip] = await Promise.all([loadZip(original), loadZip(saved)]);
  const origPart = origZip?.file(WORKBOOK_PART);
  const outPart = outZip?.file(WORKBOOK_PART);
  if (!origZip || !outZip || !origPart || !outPart) return saved;
  const origXml = await origPart.async("string");
  const outXml = await outPart.async("string");
  // A prefixed (x:definedName) workbook part is left to ExcelJS: its names could not be spliced in.
  if (/<\w+:definedNames?\b/.test(origXml)) return saved;

  const origSheets = sheetNamesOf(origXml);
  const outSheets = sheetNamesOf(outXml);
  const product = new Set(productSheets);
  const names: string[] = [];
  for (const n of definedNamesOf(origXml)) {
    if (n.localSheetId === null) {
      names.push(n.xml);
      continue;
    }
    const sheet = origSheets[n.localSheetId];
    const idx = sheet === undefined ? -1 : outSheets.indexOf(sheet);
    if (idx < 0 || product.has(sheet)) continue;
    names.push(idx === n.localSheetId ? n.xml : setLocalSheetId(n.xml, idx));
  }
  for (const n of definedNamesOf(outXml)) {
    if (n.localSheetId !== null && product.has(outSheets[n.localSheetId])) names.push(n.xml);
  }
  const next = withDefinedNames(outXml, names);
  if (next === outXml) return saved;
  outZip.file(WORKBOOK_PART, next);
  return zipBytes(outZip);
}
