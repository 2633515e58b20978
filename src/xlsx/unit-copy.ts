/**
 * A unit's copy (Gửi đơn vị) as an .xlsx file, made from scratch with the package layer: the copy's sheets
 * (the plan's rows for that unit, src/documents/unit-copies/split.ts) with their styles, widths, merges, print setup
 * and the Tình trạng drop-down, then the very hidden `_phuluc` sheet holding the plan's settings and the
 * copy's record. The sheets are the unit's own (not phuluc's summary sheets): a check of the returned copy
 * reads them. No Node API.
 */
import type { Settings } from "../core/settings";
import { emptyStore } from "../core/store";
import type { UnitCopy } from "../documents/unit-copies/split";
import { UNIT_COPY_KEY } from "../core/returned-copies/copy-record";
import { writeZip } from "../ooxml/zip-write";
import { addWorksheet } from "./sheet-parts";
import { writeStore } from "./store";
import { XlsxWorkbook } from "./workbook";
import { addPrintNames, keepVisibleActiveTab, sheetCells, sheetXml } from "./write-summary";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

const PARTS: Record<string, string> = {
  "[Content_Types].xml":
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `</Types>`,
  "_rels/.rels":
    `${DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml":
    `${DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>`,
  "xl/_rels/workbook.xml.rels":
    `${DECL}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  "xl/styles.xml":
    `${DECL}<styleSheet xmlns="${MAIN_NS}">` +
    `<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`,
};

/** A workbook with no sheet yet (the copy's sheets are added to it; the city's workbook is made from one too). */
export function emptyWorkbook(fileName: string): XlsxWorkbook {
  const enc = new TextEncoder();
  const bytes = writeZip(Object.entries(PARTS).map(([name, xml]) => ({ kind: "new" as const, name, data: enc.encode(xml) })));
  return XlsxWorkbook.open(bytes, fileName);
}

/** The copy as .xlsx bytes. */
export function writeUnitCopy(copy: UnitCopy, settings: Settings): Uint8Array {
  const wb = emptyWorkbook(copy.fileName);
  copy.sheets.forEach((s, i) => {
    const cells = sheetCells(wb, s.spec);
    const validations = s.validations.map((v) => ({ sqref: v.range, list: v.list, prompt: v.prompt, error: v.error }));
    addWorksheet(wb, s.spec.name, sheetXml(s.spec, cells, i + 1, undefined, validations), "visible");
    const w = wb.workbookXml();
    addPrintNames(w, s.spec.name, i, s.spec.print);
    w.save();
  });
  writeStore(wb, { ...emptyStore(), settings, records: { [UNIT_COPY_KEY]: copy.record } });
  keepVisibleActiveTab(wb);
  return wb.save();
}
