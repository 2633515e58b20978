/**
 * Bytes → an OPC package and its workbook part, or an XlsxReadError with the Vietnamese message for
 * what the file really is (.xls, password-protected, .xlsb, .ods, .docx, CSV, cut off, damaged).
 * The workbook part is found the way Excel finds it — the package relationship of type officeDocument —
 * so a workbook not named xl/workbook.xml is read too. No Node API.
 */
import { OpcPackage, relTypeIs } from "../ooxml/package";
import { assertXlsxBytes, containsAscii, readErrorOf, XlsxReadError } from "./detect";

export interface OpenedPackage {
  pkg: OpcPackage;
  /** Part name of the workbook, e.g. "xl/workbook.xml". */
  workbookPart: string;
  /** True for .xlsm/.xltm (macros are kept, never run). */
  macroEnabled: boolean;
}

const SPREADSHEET_MAIN = /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template|addin)\.macroEnabled(\.main)?\+xml$/i;

export function openPackage(data: Uint8Array | ArrayBuffer, fileName: string): OpenedPackage {
  const bytes = assertXlsxBytes(data, fileName);
  let pkg: OpcPackage;
  try {
    pkg = OpcPackage.open(bytes);
  } catch (cause) {
    throw readErrorOf(cause, fileName);
  }
  let workbookPart: string | null = null;
  try {
    const main = pkg.rels("").find((r) => relTypeIs(r.type, "officeDocument") && r.part);
    workbookPart = main?.part ?? null;
  } catch (cause) {
    throw readErrorOf(cause, fileName);
  }
  // A package without its relationships part (hand-made zips): the usual name.
  if (!workbookPart && pkg.has("xl/workbook.xml")) workbookPart = "xl/workbook.xml";
  if (!workbookPart || !pkg.has(workbookPart)) {
    if (pkg.has("xl/workbook.bin") || (workbookPart ?? "").endsWith(".bin")) throw new XlsxReadError("xlsb", fileName);
    if (pkg.has("word/document.xml")) throw new XlsxReadError("docx", fileName);
    if (pkg.has("content.xml") && containsAscii(bytes, "application/vnd.oasis.opendocument")) throw new XlsxReadError("ods", fileName);
    throw new XlsxReadError("not_xlsx", fileName);
  }
  let type: string | undefined;
  try {
    type = pkg.contentType(workbookPart);
  } catch (cause) {
    throw readErrorOf(cause, fileName);
  }
  if (type && /binary\.macroEnabled/i.test(type)) throw new XlsxReadError("xlsb", fileName);
  if (type && /wordprocessingml|presentationml/i.test(type))
    throw new XlsxReadError(/wordprocessingml/i.test(type) ? "docx" : "not_xlsx", fileName);
  return { pkg, workbookPart, macroEnabled: !!type && /macroEnabled/i.test(type) && SPREADSHEET_MAIN.test(type) };
}
