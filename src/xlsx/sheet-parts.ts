/**
 * Adding, replacing and removing the product's own sheets in the package: the sheet part, its
 * relationship from the workbook, its content type and its <sheet> entry — nothing else is touched.
 * Used by the store and the summary writer. No Node API.
 */
import type { SheetVisibility } from "../core/grid";
import { relsPartOf } from "../ooxml/package";
import { setAttr } from "../ooxml/xml";
import type { WorkbookSheet, XlsxWorkbook } from "./workbook";

export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** A new worksheet at the end of the workbook; returns its part name. The workbook part is saved. */
export function addWorksheet(wb: XlsxWorkbook, name: string, xml: string | Uint8Array, state: SheetVisibility): string {
  const dir = wb.workbookPart.slice(0, wb.workbookPart.lastIndexOf("/") + 1);
  const part = wb.pkg.freeName(`${dir}worksheets/sheet`, ".xml");
  wb.pkg.set(part, xml, WORKSHEET_CONTENT_TYPE);
  const rid = wb.pkg.addRel(wb.workbookPart, WORKSHEET_REL, part);
  const w = wb.workbookXml();
  w.addSheet(name, rid, state);
  w.save();
  return part;
}

/**
 * Put new XML into the part of one of the product's sheets (same place in the workbook, same part):
 * whatever hung off the old part (a drawing and its chart) is removed first. `name`/`state` update
 * its <sheet> entry. The workbook part is saved.
 */
export function replaceWorksheet(
  wb: XlsxWorkbook,
  sheet: WorkbookSheet,
  xml: string | Uint8Array,
  name: string,
  state: SheetVisibility,
): string {
  const w = wb.workbookXml();
  const info = w.sheets()[sheet.index];
  let part = sheet.part;
  if (part && wb.pkg.has(relsPartOf(part))) {
    const owned = wb.pkg.rels(part).flatMap((r) => (r.part ? [r.part] : []));
    wb.pkg.remove(relsPartOf(part));
    for (const p of owned) wb.pkg.removeTree(p);
  }
  if (!part || sheet.kind !== "worksheet") {
    // Not a worksheet part (or none): give the sheet a fresh one.
    if (part) wb.pkg.removeTree(part);
    const dir = wb.workbookPart.slice(0, wb.workbookPart.lastIndexOf("/") + 1);
    part = wb.pkg.freeName(`${dir}worksheets/sheet`, ".xml");
    const rid = wb.pkg.addRel(wb.workbookPart, WORKSHEET_REL, part);
    wb.pkg.removeRels(wb.workbookPart, new Set([info.rid]));
    const relAttr = info.el.attrs.find((a) => a.name.endsWith(":id"));
    if (relAttr) relAttr.value = rid;
  }
  wb.setSheetXml(part, xml);
  wb.pkg.setContentType(part, WORKSHEET_CONTENT_TYPE);
  setAttr(info.el, "name", name);
  setAttr(info.el, "state", state === "visible" ? null : state);
  w.save();
  return part;
}

/** Remove one of the product's sheets: its entry, relationship, part and what only it used. */
export function removeSheet(wb: XlsxWorkbook, sheet: WorkbookSheet): void {
  const w = wb.workbookXml();
  const info = w.sheets()[sheet.index];
  if (sheet.part) wb.pkg.removeTree(sheet.part);
  wb.pkg.removeRels(wb.workbookPart, new Set([info.rid]));
  w.removeSheet(sheet.index);
  w.save();
  wb.invalidate();
}
