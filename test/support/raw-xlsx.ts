/**
 * Packages written part by part, for what no writer here produces on demand: prefixed namespaces,
 * absolute relationship targets, parts under unusual names, inline strings, ISO date cells, UTF-16
 * parts, chart and macro sheets, … Each sheet is given as its <sheetData> content (or whole XML).
 */
import JSZip from "jszip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface RawSheet {
  name: string;
  /** <sheetData> children, or a whole worksheet XML when `xml` is set. */
  rows?: string;
  xml?: string;
  state?: "hidden" | "veryHidden";
  /** Part name (default xl/worksheets/sheetN.xml). */
  part?: string;
  /** Relationship type's last segment (default worksheet) and content type. */
  kind?: "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";
  /** Write the relationship target absolute ("/xl/…"). */
  absolute?: boolean;
}

export interface RawOptions {
  sharedStrings?: string[];
  /** Whole styles.xml (default: a few number formats: xf 1 = dd/mm/yyyy, xf 2 = 14, xf 3 = 0%). */
  styles?: string;
  date1904?: boolean;
  workbookPart?: string;
  /** Extra parts (name → content). */
  extra?: Record<string, string | Uint8Array>;
  /** Extra <Override> entries for [Content_Types].xml. */
  overrides?: Record<string, string>;
  /** Element prefix for the SpreadsheetML parts ("x" → <x:workbook xmlns:x=…>). */
  prefix?: string;
}

const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

const CT: Record<NonNullable<RawSheet["kind"]>, string> = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  dialogsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml",
  macrosheet: "application/vnd.ms-excel.macrosheet+xml",
};
const REL_TYPE: Record<NonNullable<RawSheet["kind"]>, string> = {
  worksheet: `${REL}/worksheet`,
  chartsheet: `${REL}/chartsheet`,
  dialogsheet: `${REL}/dialogsheet`,
  macrosheet: "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
};

export async function rawXlsx(sheets: RawSheet[], o: RawOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  const wbPart = o.workbookPart ?? "xl/workbook.xml";
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const p = o.prefix ? o.prefix + ":" : "";
  const ns = o.prefix ? `xmlns:${o.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const overrides: string[] = [
    `<Override PartName="/${wbPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
  ];
  const rels: string[] = [];
  const entries: string[] = [];
  sheets.forEach((s, i) => {
    const kind = s.kind ?? "worksheet";
    const part = s.part ?? `${wbDir}worksheets/sheet${i + 1}.xml`;
    const xml =
      s.xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${s.rows ?? ""}</${p}sheetData></${p}worksheet>`;
    zip.file(part, xml);
    overrides.push(`<Override PartName="/${part}" ContentType="${CT[kind]}"/>`);
    const target = s.absolute ? "/" + part : part.startsWith(wbDir) ? part.slice(wbDir.length) : "/" + part;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TYPE[kind]}" Target="${target}"/>`);
    entries.push(`<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`);
  });
  let n = sheets.length;
  if (o.sharedStrings) {
    zip.file(
      `${wbDir}sharedStrings.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}sst ${ns} count="${o.sharedStrings.length}" uniqueCount="${o.sharedStrings.length}">${o.sharedStrings.join("")}</${p}sst>`,
    );
    rels.push(`<Relationship Id="rId${++n}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(
      `<Override PartName="/${wbDir}sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  zip.file(`${wbDir}styles.xml`, o.styles ?? DEFAULT_STYLES);
  rels.push(`<Relationship Id="rId${++n}" Type="${REL}/styles" Target="styles.xml"/>`);
  overrides.push(
    `<Override PartName="/${wbDir}styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
  );
  for (const [k, v] of Object.entries(o.overrides ?? {})) overrides.push(`<Override PartName="${k}" ContentType="${v}"/>`);
  zip.file(
    wbPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}workbook ${ns} xmlns:r="${REL}">${o.date1904 ? `<${p}workbookPr date1904="1"/>` : ""}<${p}sheets>${entries.join("")}</${p}sheets></${p}workbook>`,
  );
  const relsPart = `${wbDir}_rels/${wbPart.slice(wbDir.length)}.rels`;
  zip.file(
    relsPart,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPart}"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  for (const [k, v] of Object.entries(o.extra ?? {})) zip.file(k, v);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
