/**
 * The corpus of real workbooks, built at test time by the writers on this machine — openpyxl (Debian's
 * python3-openpyxl), LibreOffice (`soffice --convert-to xlsx` from a flat ODS written here, and
 * re-saving openpyxl's file), ExcelJS — and, for what none of them writes, Excel-shaped parts crafted
 * in code (threaded comments, slicers, sparklines, external links, .xlsm with a VBA project, Google
 * Sheets' absolute targets and inline strings, dialog and macro sheets, prefixed namespaces). Every
 * file carries the same appendix sheet "PL I" (3 tasks; D8 and G8 hold known mistakes), so the check
 * of each one can be compared. Built once per test run into a temp folder (one python process, one
 * soffice call).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { patchZip } from "../../hardening/support/craft";
import { MAIN, rawXlsx, REL } from "../../support/raw-xlsx";
import { TRACKING_HEADER } from "../../support/grid-builder";
import { sofficeConvert } from "../../support/soffice";

export interface CorpusFile {
  name: string;
  writer: "openpyxl" | "LibreOffice" | "ExcelJS" | "crafted";
  /** What the writer was asked to put in (the features found in the package are detected separately). */
  note: string;
  file: string;
}

export const HEADER = TRACKING_HEADER;
/** The three tasks every corpus file has on "PL I", rows 6–8. */
export const EXPECTED_TASKS = ["Rà soát thủ tục hành chính", "Số hóa hồ sơ", "Cập nhật cổng thông tin"];
const ROWS: (string | number | Date | null)[][] = [
  ["PHỤ LỤC I"],
  ["NHIỆM VỤ TRỌNG TÂM NĂM 2026"],
  [],
  HEADER,
  ["I", "Nhóm nhiệm vụ"],
  [
    1,
    EXPECTED_TASKS[0],
    "Chủ tịch UBND xã",
    "Phòng Văn hóa - Xã hội",
    "Các đơn vị liên quan",
    "Báo cáo",
    new Date(Date.UTC(2026, 5, 30)),
    "Đã hoàn thành",
    new Date(Date.UTC(2026, 5, 20)),
  ],
  [2, EXPECTED_TASKS[1], "Chủ tịch UBND xã", "Công an xã", "", "Kế hoạch", "Quý II/2026", "Đang thực hiện", null, "ghi chú"],
  [3, EXPECTED_TASKS[2], "Phó Chủ tịch", "Phòng Kin tế", "", "Báo cáo", "Tháng 13/2026"],
];

export function has(cmd: string, args = ["--version"]): boolean {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60000 });
  return !r.error && r.status === 0;
}

export const PYTHON = "/usr/bin/python3";
export const canOpenpyxl = () => has(PYTHON, ["-c", "import openpyxl"]);
export const canSoffice = () => has("soffice");

/** An ExcelJS workbook with everything ExcelJS models: notes, image, table, validation, formats, names, rich text, hyperlink. */
async function excelJsRich(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PL I");
  ROWS.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null || v === "") return;
      const c = ws.getCell(i + 1, j + 1);
      c.value = v;
      if (v instanceof Date) c.numFmt = "dd/mm/yyyy";
    }),
  );
  ws.mergeCells(5, 2, 5, 10);
  ws.getCell("D6").note = "Ghi chú của người dùng";
  ws.getCell("L1").value = {
    richText: [
      { text: "Phòng ", font: { bold: true } },
      { text: "Văn hóa", font: { italic: true } },
    ],
  };
  ws.getCell("L2").value = { text: "liên kết", hyperlink: "https://example.org/x" };
  ws.getCell("H6").dataValidation = { type: "list", allowBlank: true, formulae: ['"Đã hoàn thành,Đang thực hiện"'] };
  ws.addConditionalFormatting({
    ref: "A6:A8",
    rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["1"], priority: 1, style: { font: { bold: true } } }],
  });
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  ws.addImage(wb.addImage({ buffer: png as any, extension: "png" }), "M3:N5");
  const data = wb.addWorksheet("Số liệu");
  data.addTable({
    name: "Bang1",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Đơn vị" }, { name: "Số" }],
    rows: [
      ["Công an xã", 2],
      ["Phòng Kinh tế", 1],
    ],
  });
  ws.pageSetup.printArea = "A1:J8";
  const hidden = wb.addWorksheet("Nháp");
  hidden.state = "hidden";
  hidden.getCell("A1").value = "tạm";
  fs.writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

// --------------------------------------------------------------------------------------------------
// LibreOffice: a flat ODS with an image, a comment, a chart and a pivot table (DataPilot), converted.

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
function odsCell(v: string | number | Date | null | undefined, inner = ""): string {
  if (v === null || v === undefined || v === "") return `<table:table-cell/>`;
  if (v instanceof Date) {
    const iso = v.toISOString().slice(0, 10);
    return `<table:table-cell table:style-name="ngay" office:value-type="date" office:date-value="${iso}">${inner}<text:p>${iso}</text:p></table:table-cell>`;
  }
  if (typeof v === "number")
    return `<table:table-cell office:value-type="float" office:value="${v}">${inner}<text:p>${v}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string">${inner}<text:p>${xmlText(v)}</text:p></table:table-cell>`;
}

function fods(): string {
  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
  const comment = `<office:annotation><dc:creator>Cán bộ</dc:creator><text:p>Ghi chú của người dùng</text:p></office:annotation>`;
  const rows = ROWS.map(
    (r, i) => `<table:table-row>${r.map((v, j) => odsCell(v, i === 5 && j === 3 ? comment : "")).join("")}</table:table-row>`,
  ).join("");
  const data = [
    ["Đơn vị", "Loại", "Số"],
    ["Phòng VH-XH", "A", 3],
    ["Công an xã", "B", 2],
    ["Phòng VH-XH", "B", 1],
  ];
  const dataRows = data.map((r) => `<table:table-row>${r.map((v) => odsCell(v)).join("")}</table:table-row>`).join("");
  const image = `<draw:frame draw:z-index="0" draw:name="Hinh" svg:width="1cm" svg:height="1cm" svg:x="20cm" svg:y="1cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame>`;
  const range = `'Số liệu'.C1:'Số liệu'.C4`;
  const chart =
    `<draw:frame draw:z-index="1" draw:name="BieuDo" svg:width="8cm" svg:height="6cm" svg:x="6cm" svg:y="0cm"><draw:object draw:notify-on-update-of-ranges="${range}">` +
    `<office:document office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.chart"><office:body><office:chart><chart:chart chart:class="chart:bar" svg:width="8cm" svg:height="6cm">` +
    `<chart:plot-area table:cell-range-address="${range}" chart:data-source-has-labels="both"><chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/>` +
    `<chart:series chart:values-cell-range-address="'Số liệu'.C2:'Số liệu'.C4" chart:label-cell-address="'Số liệu'.C1" chart:class="chart:bar"/></chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>`;
  const pivot =
    `<table:data-pilot-tables><table:data-pilot-table table:name="BangTongHop" table:target-range-address="'Tổng hợp tay'.A1:'Tổng hợp tay'.C5" table:buttons="'Tổng hợp tay'.A1">` +
    `<table:source-cell-range table:cell-range-address="'Số liệu'.A1:'Số liệu'.C4"/><table:data-pilot-field table:source-field-name="Đơn vị" table:orientation="row"/>` +
    `<table:data-pilot-field table:source-field-name="Số" table:orientation="data" table:function="sum"/></table:data-pilot-table></table:data-pilot-tables>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
    `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ` +
    `xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
    `xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">` +
    `<office:automatic-styles><number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>` +
    `<style:style style:name="ngay" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>` +
    `<office:body><office:spreadsheet><table:table table:name="PL I"><table:shapes>${image}</table:shapes>${rows}</table:table>` +
    `<table:table table:name="Số liệu"><table:shapes>${chart}</table:shapes>${dataRows}</table:table>` +
    `<table:table table:name="Tổng hợp tay"><table:table-row><table:table-cell/></table:table-row></table:table>${pivot}</office:spreadsheet></office:body></office:document>`
  );
}

// --------------------------------------------------------------------------------------------------
// Crafted parts (Excel writes them; no writer here does).

async function addPart(
  bytes: Buffer,
  parts: Record<string, string | Buffer>,
  contentTypes: Record<string, string>,
  edit?: (xml: Record<string, string>) => void,
  editParts: string[] = [],
): Promise<Buffer> {
  return patchZip(bytes, async (zip) => {
    for (const [k, v] of Object.entries(parts)) zip.file(k, v);
    let ct = await zip.file("[Content_Types].xml")!.async("string");
    for (const [k, v] of Object.entries(contentTypes))
      ct = ct.replace(
        "</Types>",
        k.startsWith("/")
          ? `<Override PartName="${k}" ContentType="${v}"/></Types>`
          : `<Default Extension="${k}" ContentType="${v}"/></Types>`,
      );
    zip.file("[Content_Types].xml", ct);
    if (edit) {
      const texts: Record<string, string> = {};
      for (const p of editParts) texts[p] = await zip.file(p)!.async("string");
      edit(texts);
      for (const p of editParts) zip.file(p, texts[p]);
    }
  });
}

const addRel = (rels: string, id: string, type: string, target: string, external = false) =>
  rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`,
  );

/** Excel-shaped extras on ExcelJS's workbook: threaded comments, slicers, sparklines, an external link. */
async function craftedExcel(base: Buffer): Promise<Buffer> {
  const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
  const XM = "http://schemas.microsoft.com/office/excel/2006/main";
  const threaded = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="D7" dT="2026-11-20T09:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>Xem lại đơn vị chủ trì</text></threadedComment></ThreadedComments>`;
  const persons = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Cán bộ" id="{00000000-0000-0000-0000-000000000001}" userId="can-bo" providerId="None"/></personList>`;
  const slicer = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><slicers xmlns="${X14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x"><slicer name="Đơn vị" cache="Slicer_Don_vi" caption="Đơn vị" rowHeight="241300"/></slicers>`;
  const slicerCache = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><slicerCacheDefinition xmlns="${X14}" name="Slicer_Don_vi" sourceName="Đơn vị"><extLst/></slicerCacheDefinition>`;
  const external = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
  const externalRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/ke-hoach-2025.xlsx" TargetMode="External"/></Relationships>`;
  const sparklines = `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'PL I'!A6:A8</xm:f><xm:sqref>K6</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
  const slicerList = `<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${X14}"><x14:slicerList><x14:slicer r:id="rId901"/></x14:slicerList></ext>`;
  return addPart(
    base,
    {
      "xl/threadedComments/threadedComment1.xml": threaded,
      "xl/persons/person.xml": persons,
      "xl/slicers/slicer1.xml": slicer,
      "xl/slicerCaches/slicerCache1.xml": slicerCache,
      "xl/externalLinks/externalLink1.xml": external,
      "xl/externalLinks/_rels/externalLink1.xml.rels": externalRels,
    },
    {
      "/xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
      "/xl/persons/person.xml": "application/vnd.ms-excel.person+xml",
      "/xl/slicers/slicer1.xml": "application/vnd.ms-excel.slicer+xml",
      "/xl/slicerCaches/slicerCache1.xml": "application/vnd.ms-excel.slicerCache+xml",
      "/xl/externalLinks/externalLink1.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
    },
    (x) => {
      const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
      x[sheetRels] = addRel(
        addRel(
          x[sheetRels],
          "rId900",
          "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
          "../threadedComments/threadedComment1.xml",
        ),
        "rId901",
        "http://schemas.microsoft.com/office/2007/relationships/slicer",
        "../slicers/slicer1.xml",
      );
      const wbRels = "xl/_rels/workbook.xml.rels";
      x[wbRels] = addRel(
        addRel(
          addRel(x[wbRels], "rId900", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml"),
          "rId901",
          "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
          "slicerCaches/slicerCache1.xml",
        ),
        "rId902",
        `${REL}/externalLink`,
        "externalLinks/externalLink1.xml",
      );
      const wb = "xl/workbook.xml";
      x[wb] = x[wb].replace("</sheets>", `</sheets><externalReferences><externalReference r:id="rId902"/></externalReferences>`);
      const sheet = "xl/worksheets/sheet1.xml";
      x[sheet] = x[sheet].includes("<extLst>")
        ? x[sheet].replace("<extLst>", `<extLst>${sparklines}${slicerList}`)
        : x[sheet].replace("</worksheet>", `<extLst>${sparklines}${slicerList}</extLst></worksheet>`);
    },
    ["xl/worksheets/_rels/sheet1.xml.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
  );
}

/** .xlsm: a VBA project part and the macro-enabled content type (the macros are kept, never run). */
async function craftedXlsm(base: Buffer): Promise<Buffer> {
  const vba = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(vba);
  Buffer.from('VBA_PROJECT Attribute VB_Name = "Module1"', "latin1").copy(vba, 600);
  return addPart(
    base,
    { "xl/vbaProject.bin": vba },
    { bin: "application/vnd.ms-office.vbaProject" },
    (x) => {
      x["[Content_Types].xml"] = x["[Content_Types].xml"].replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
      x["xl/_rels/workbook.xml.rels"] = addRel(
        x["xl/_rels/workbook.xml.rels"],
        "rId990",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
      );
    },
    ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"],
  );
}

function inlineRows(): string {
  const c = (r: number, col: number, v: string | number | Date | null | undefined) => {
    if (v === null || v === undefined || v === "") return "";
    const ref = String.fromCharCode(64 + col) + r;
    if (v instanceof Date) return `<c r="${ref}" s="1"><v>${Math.round(v.getTime() / 86400000 + 25569)}</v></c>`;
    if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
  };
  return ROWS.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => c(i + 1, j + 1, v)).join("")}</row>`).join("");
}

/** Google Sheets' traits: absolute targets, inline strings, names ExcelJS refuses ("[I]"). */
async function googleLike(): Promise<Buffer> {
  return rawXlsx(
    [
      { name: "PL I", rows: inlineRows(), absolute: true, xml: undefined },
      { name: "Trang [2]", rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, absolute: true },
    ],
    {},
  ).then((b) =>
    patchZip(b, async (zip) => {
      // merges as Google writes them
      const x = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      zip.file(
        "xl/worksheets/sheet1.xml",
        x.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="B5:J5"/></mergeCells>`),
      );
    }),
  );
}

/** Prefixed SpreadsheetML (x:), sheet parts under other names, a dialog sheet and a macro sheet. */
async function oddPackage(): Promise<Buffer> {
  const rows = inlineRows().replace(/<(\/?)(row|c|is|t|v)\b/g, "<$1x:$2");
  return rawXlsx(
    [
      { name: "PL I", rows, part: "xl/data/phu-luc.xml" },
      {
        name: "Hộp thoại",
        kind: "dialogsheet",
        xml: `<x:dialogsheet xmlns:x="${MAIN}"><x:sheetData/></x:dialogsheet>`,
        part: "xl/dialogsheets/sheet1.xml",
      },
      {
        name: "Macro1",
        kind: "macrosheet",
        xml: `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns="${MAIN}"><sheetData/></xm:macrosheet>`,
        part: "xl/macrosheets/sheet1.xml",
      },
    ],
    { prefix: "x", workbookPart: "xl/book.xml" },
  );
}

export async function buildCorpus(dir: string, log: (s: string) => void = () => undefined): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const add = (name: string, writer: CorpusFile["writer"], note: string) => {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) files.push({ name, writer, note, file });
    else log(`corpus: ${name} was not written`);
  };

  if (canOpenpyxl()) {
    const r = spawnSync(PYTHON, [path.join(__dirname, "openpyxl-writer.py"), dir], { encoding: "utf8", timeout: 60000 });
    if (r.status !== 0) throw new Error(`openpyxl writer failed: ${r.stderr}`);
    add("openpyxl.xlsx", "openpyxl", "chart, chart sheet, comment, table, validation, hyperlink, hidden sheet");
    add("openpyxl-1904.xlsx", "openpyxl", "the same in the 1904 date system");
  } else log("corpus: python3-openpyxl missing");

  await excelJsRich(path.join(dir, "exceljs.xlsx"));
  add("exceljs.xlsx", "ExcelJS", "notes, image, table, validation, conditional format, rich text, print area, hidden sheet");
  const excelJs = fs.readFileSync(path.join(dir, "exceljs.xlsx"));
  fs.writeFileSync(path.join(dir, "crafted-excel.xlsx"), await craftedExcel(excelJs));
  add("crafted-excel.xlsx", "crafted", "threaded comment, slicer, sparklines, external link (parts as Excel writes them)");
  fs.writeFileSync(path.join(dir, "crafted-macro.xlsm"), await craftedXlsm(excelJs));
  add("crafted-macro.xlsm", "crafted", ".xlsm with a VBA project");
  fs.writeFileSync(path.join(dir, "crafted-google.xlsx"), await googleLike());
  add("crafted-google.xlsx", "crafted", "Google Sheets' traits: absolute targets, inline strings, a bracket in a sheet name");
  fs.writeFileSync(path.join(dir, "crafted-odd.xlsx"), await oddPackage());
  add("crafted-odd.xlsx", "crafted", "prefixed namespaces, parts under other names, dialog and macro sheets");

  if (canSoffice()) {
    const src = path.join(dir, "lo-src");
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, "libreoffice.fods"), fods());
    const inputs = [path.join(src, "libreoffice.fods")];
    if (fs.existsSync(path.join(dir, "openpyxl.xlsx"))) {
      fs.copyFileSync(path.join(dir, "openpyxl.xlsx"), path.join(src, "libreoffice-resaved.xlsx"));
      inputs.push(path.join(src, "libreoffice-resaved.xlsx"));
    }
    const out = path.join(dir, "lo-out");
    sofficeConvert(inputs, { to: "xlsx:Calc Office Open XML", outDir: out, profile: path.join(dir, "lo-profile") });
    for (const n of ["libreoffice.xlsx", "libreoffice-resaved.xlsx"])
      if (fs.existsSync(path.join(out, n))) fs.copyFileSync(path.join(out, n), path.join(dir, n));
    add("libreoffice.xlsx", "LibreOffice", "from a flat ODS: image, comment, chart, pivot table, date cells");
    if (inputs.length > 1) add("libreoffice-resaved.xlsx", "LibreOffice", "openpyxl's file re-saved by LibreOffice");
  } else log("corpus: soffice missing");
  return files;
}
