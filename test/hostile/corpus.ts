/**
 * The hostile corpus, made when the tests run (like yauzl's set of broken zips, but each file built from
 * a healthy plan with one thing made hostile). Every builder returns the file's bytes.
 */
import * as crypto from "crypto";
import type { Settings } from "../../src/core/settings";
import { defaultSettings } from "../../src/core/settings";
import { STORE_SHEET } from "../../src/core/store";
import { columnLetter } from "../../src/core/a1";
import { GridBuilder } from "../support/grid-builder";
import { buildXlsx } from "../support/xlsx-builder";
import { craftZip, deflateRepeated, entriesOf, repack, type CraftEntry } from "./zip-craft";

export const SHEET1 = "xl/worksheets/sheet1.xml";
export const SST = "xl/sharedStrings.xml";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A plan appendix with two tasks (one with an unknown lead: a known warning to find again). */
export function planGrid(name = "PL I", extra: (b: GridBuilder) => GridBuilder = (b) => b): GridBuilder {
  return extra(
    new GridBuilder(name)
      .title("PHỤ LỤC I", "NHIỆM VỤ TRỌNG TÂM NĂM 2026")
      .header()
      .group("I", "Chuyển đổi số")
      .task({ stt: 1, content: "Xây dựng kho dữ liệu số của xã", lead: "Công an xã", deadline: "30/11/2026", status: "Đang thực hiện" })
      .task({ stt: 2, content: "Số hóa hồ sơ hộ tịch", lead: "Phòng Kinh tế", deadline: "Quý IV/2026", status: "Chưa thực hiện" }),
  );
}

export function settingsWith(change: Partial<Settings>): Settings {
  return { ...defaultSettings(), planYear: 2026, ...change };
}

/** A healthy plan (two appendix sheets, shared strings, a store with these settings). */
export async function healthyPlan(settings: Settings = settingsWith({})): Promise<Buffer> {
  return buildXlsx([planGrid("PL I"), planGrid("PL II")], {
    store: { version: 1, settings, summarySheets: [], highlights: [], records: {} },
  });
}

/** Worksheet XML around `sheetData` rows (and what follows sheetData). */
export function sheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** The plan's first sheet as written (so a case can splice into it). */
export function partText(bytes: Uint8Array, part: string): string {
  const e = entriesOf(bytes).find((x) => x.name === part);
  if (!e) throw new Error(`no ${part}`);
  return Buffer.from(e.data as Uint8Array).toString("utf8");
}

/**
 * A part made of `prefix`, `repeat` copies of `chunk` and `suffix`, deflated without ever being whole: its
 * true size and CRC declared, unless `declared` says another size (a lie) or `crc` is false (a part
 * refused before it is read: its CRC would cost a pass over gigabytes).
 */
export function bombPart(
  name: string,
  prefix: string,
  chunk: string,
  repeat: number,
  suffix: string,
  o: { declared?: number; crc?: boolean } = {},
): CraftEntry {
  const { stream, size, crc } = deflateRepeated(prefix, chunk, repeat, suffix, o.crc ?? o.declared === undefined);
  return { name, compressed: stream, method: 8, size: o.declared ?? size, crc };
}

/** Random bytes stored as a part (they make a file bigger, so its inflate budget larger, without compressing). */
export function paddingPart(name: string, bytes: number): CraftEntry {
  return { name, data: crypto.randomBytes(bytes), method: 0 };
}

/** A workbook of `n` tiny sheets, written directly (ExcelJS would take minutes). */
export function manySheets(n: number): Buffer {
  const ct: string[] = [];
  const rels: string[] = [];
  const sheets: string[] = [];
  const parts: CraftEntry[] = [];
  for (let i = 1; i <= n; i++) {
    ct.push(
      `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    rels.push(
      `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
    );
    sheets.push(`<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`);
    parts.push({
      name: `xl/worksheets/sheet${i}.xml`,
      data: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>Trang ${i}</t></is></c></row>`),
    });
  }
  return craftZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ct.join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    },
    ...parts,
  ]);
}

/** A cell holding text as an inline string (the text already XML-escaped). */
export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A header row of these texts from column A. */
export function headerRow(row: number, texts: readonly string[]): string {
  return `<row r="${row}">${texts.map((h, i) => inlineCell(`${columnLetter(i + 1)}${row}`, h)).join("")}</row>`;
}

/**
 * A plan-shaped sheet of `tasks` task rows as XML, with inline strings (a 200,000-row return is written
 * in a second instead of ExcelJS's minutes).
 */
export function bigPlanSheet(tasks: number): string {
  const t = inlineCell;
  const head = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tình trạng", "Ngày hoàn thành"];
  const rows: string[] = [
    `<row r="1">${t("A1", "PHỤ LỤC I")}</row>`,
    `<row r="2">${head.map((h, i) => t(`${"ABCDEF"[i]}2`, h)).join("")}</row>`,
  ];
  const units = ["Công an xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã"];
  for (let i = 1; i <= tasks; i++) {
    const r = i + 2;
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${i}</v></c>${t(`B${r}`, `Nhiệm vụ số ${i}: rà soát, cập nhật cơ sở dữ liệu`)}${t(`C${r}`, units[i % 4])}` +
        `${t(`D${r}`, "30/11/2026")}${t(`E${r}`, i % 2 ? "Đã hoàn thành" : "Đang thực hiện")}${i % 2 ? `<c r="F${r}" s="1"><v>46300</v></c>` : ""}</row>`,
    );
  }
  return sheetXml(rows.join(""));
}

/** A store sheet holding this raw JSON (a forged `_phuluc`). */
export async function planWithStoreJson(json: string): Promise<Buffer> {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += 30000) chunks.push(json.slice(i, i + 30000));
  return buildXlsx([planGrid("PL I")], { storeChunks: chunks });
}

export { craftZip, repack, STORE_SHEET };
