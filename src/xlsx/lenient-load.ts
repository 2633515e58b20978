/**
 * A second chance for valid workbooks ExcelJS 4 refuses to load. Its loader throws on
 *  - a print area it cannot parse ('PL I'!#REF!, common after rows were deleted), and
 *  - a sheet name its setter rejects although other tools write it: brackets, * ? : / \ (Google
 *    Sheets allows brackets), a leading or trailing apostrophe, "History", more than 31 characters
 *    (truncated with a console warning), or two names differing only in case.
 * The repaired copy has no defined names (the product never reads them; a saved copy gets the
 * file's own back, see defined-names.ts) and placeholder names for such sheets; after loading, each
 * worksheet gets its real name back, so reports, selection and highlights use the user's names.
 * No Node API.
 */
import JSZip from "jszip";
import { definedNamesOf, unescapeXml, withDefinedNames } from "./defined-names";

const WORKBOOK_PART = "xl/workbook.xml";
const PLACEHOLDER = "phuluc-sheet-";

/** Whether ExcelJS's worksheet name setter accepts this name (given the names already taken). */
export function excelJsAcceptsName(name: string, taken: Set<string>): boolean {
  if (name === "" || name === "History") return false;
  if (/[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) return false;
  return !taken.has(name.toLowerCase());
}

export interface RepairedPackage {
  bytes: Uint8Array;
  /** Placeholder name → the sheet's real name. */
  renamed: Map<string, string>;
}

/** The package ExcelJS can load, or null when there is nothing to repair (or it is not a zip). */
export async function repairForExcelJs(bytes: Uint8Array): Promise<RepairedPackage | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const part = zip.file(WORKBOOK_PART);
  if (!part) return null;
  let xml = await part.async("string");
  let changed = false;
  if (definedNamesOf(xml).length) {
    xml = withDefinedNames(xml, []);
    changed = true;
  }
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  let n = 0;
  xml = xml.replace(/<sheet\b[^>]*?\/?>/g, (el) => {
    const m = /\bname\s*=\s*"([^"]*)"/.exec(el);
    if (!m) return el;
    const name = unescapeXml(m[1]);
    if (excelJsAcceptsName(name, taken)) {
      taken.add(name.toLowerCase());
      return el;
    }
    const placeholder = PLACEHOLDER + ++n;
    renamed.set(placeholder, name);
    taken.add(placeholder);
    return el.replace(m[0], `name="${placeholder}"`);
  });
  if (!changed && renamed.size === 0) return null;
  zip.file(WORKBOOK_PART, xml);
  return { bytes: await zip.generateAsync({ type: "uint8array" }), renamed };
}

/** Give the loaded worksheets their real names back (bypassing ExcelJS's name checks). */
export function restoreSheetNames(worksheets: { name: string }[], renamed: Map<string, string>): void {
  for (const ws of worksheets) {
    const real = renamed.get(ws.name);
    if (real !== undefined) (ws as unknown as { _name: string })._name = real;
  }
}

/** The sheets of a package with the zip path of each one's XML part. */
async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const wb = await zip.file(WORKBOOK_PART)?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!wb || !rels) return [];
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const out: { name: string; part: string }[] = [];
  for (const m of wb.matchAll(/<sheet\b[^>]*?\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part && zip.file(part)) out.push({ name: unescapeXml(name), part });
  }
  return out;
}

/** More sheets than this and a damaged workbook is not searched for its one damaged sheet. */
const MAX_SHEETS_TO_TRY = 40;

/**
 * For a package ExcelJS cannot load: find the one worksheet whose XML is damaged by loading copies
 * without one sheet at a time. Returns the copy that loads and the damaged sheet's name, or null.
 * Only for reading (a saved copy would lose the sheet): the caller reports the sheet as skipped.
 */
export async function withoutDamagedSheet<T>(
  bytes: Uint8Array,
  tryLoad: (b: Uint8Array) => Promise<T>,
): Promise<{ result: T; skipped: string } | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const sheets = await sheetParts(zip);
  if (sheets.length < 2 || sheets.length > MAX_SHEETS_TO_TRY) return null;
  for (const s of sheets) {
    const content = await zip.file(s.part)!.async("uint8array");
    zip.remove(s.part);
    const copy = await zip.generateAsync({ type: "uint8array" });
    zip.file(s.part, content);
    try {
      return { result: await tryLoad(copy), skipped: s.name };
    } catch {
      /* not this one */
    }
  }
  return null;
}
