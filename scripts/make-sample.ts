/**
 * Generates assets/sample.xlsx — a realistic tracking workbook for the commune's 2026 plans — from the
 * data files in assets/seed-data/*.json (the plans' real appendix rows and indicators, plus tracking
 * columns, other units' tasks and the typical mistakes the product must catch). Deterministic: fixed
 * dates, no clock, fixed zip timestamps. Run: `npm run sample` (after `npm run build:cli`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { encodeTcvn3 } from "./tcvn3-encode";
import { fixZipDates } from "./zip-dates";

export interface TaskRow {
  stt?: string;
  content?: string;
  head?: string;
  lead?: string | null;
  support?: string;
  result?: string;
  deadline?: string | { formula: string; error: string };
  status?: string;
  /** ISO date, written as a real Excel date. */
  doneDate?: string;
  note?: string;
  /** Merge the lead cell down over this many task rows (one lead written once for several tasks). */
  mergeLeadDown?: number;
}
export interface GroupRow {
  group: string;
  name: string;
}
export interface ContinuationRow {
  continuation: string;
}
export type AppendixRow = TaskRow | GroupRow | ContinuationRow;

export interface AppendixData {
  sheet: string;
  title: string[];
  header: string[];
  rows: AppendixRow[];
  encoding?: "tcvn3";
  font?: string;
}

export interface IndicatorRow {
  stt: number;
  name: string;
  unit: string;
  target: string;
  achieved?: number;
  total?: number;
  actual?: number | string;
  /** A fraction shown as a percent cell. */
  actualPercent?: number;
  note?: string;
}
export interface IndicatorData {
  sheet: string;
  title: string[];
  header: string[];
  rows: IndicatorRow[];
}
export interface NotesData {
  sheet: string;
  lines: string[];
}

export const SAMPLE_AS_OF = "2026-11-24";
const FIXED_DATE = new Date(Date.UTC(2026, 10, 24, 8, 0, 0));
const FONT = "Times New Roman";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const APPENDIX_WIDTHS = [6, 52, 16, 24, 20, 20, 17, 16, 14, 26];

/** The project root (holding assets/seed-data), from scripts/ or lib/scripts/. */
export function projectRoot(start = __dirname): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, "assets", "seed-data"))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error("assets/seed-data not found");
}

function readJson<T>(dir: string, name: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as T;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function sttValue(s: string | undefined): string | number | null {
  if (s === undefined || s === "") return null;
  return /^\d+$/.test(s) ? Number(s) : s;
}

function setupPage(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.views = [{ state: "frozen", ySplit: headerRow, showGridLines: true }];
}

function writeAppendix(wb: ExcelJS.Workbook, data: AppendixData): void {
  const ws = wb.addWorksheet(data.sheet);
  const enc = data.encoding === "tcvn3" ? encodeTcvn3 : (s: string) => s;
  const font = data.font ?? FONT;
  const text = (s: string | undefined | null) => (s === undefined || s === null || s === "" ? null : enc(s));
  const ncol = data.header.length;
  APPENDIX_WIDTHS.slice(0, ncol).forEach((w, i) => (ws.getColumn(i + 1).width = w));

  // Title block.
  data.title.forEach((line, i) => {
    const r = i + 1;
    const cell = ws.getCell(r, 1);
    cell.value = enc(line);
    cell.font = { name: font, size: 13, bold: i < 2, italic: i >= 2 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    ws.mergeCells(r, 1, r, ncol);
  });
  const headerRow = data.title.length + 2;
  data.header.forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = enc(h);
    cell.font = { name: font, size: 12, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
  });
  ws.getRow(headerRow).height = 48;

  const col = (name: string) => data.header.indexOf(name) + 1;
  const C = {
    stt: 1,
    content: 2,
    head: 3,
    lead: 4,
    support: 5,
    result: 6,
    deadline: 7,
    status: col("Tình trạng"),
    doneDate: col("Ngày hoàn thành"),
    note: col("Ghi chú"),
  };

  let r = headerRow + 1;
  for (const row of data.rows) {
    for (let c = 1; c <= ncol; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: font, size: 12 };
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: c === 1 ? "center" : "left" };
    }
    if ("group" in row) {
      ws.getCell(r, 1).value = row.group;
      ws.getCell(r, 2).value = text(row.name);
      ws.getCell(r, 1).font = { name: font, size: 12, bold: true };
      ws.getCell(r, 2).font = { name: font, size: 12, bold: true };
      ws.mergeCells(r, 2, r, ncol);
    } else if ("continuation" in row) {
      ws.getCell(r, C.content).value = text(row.continuation);
    } else {
      const t = row as TaskRow;
      ws.getCell(r, C.stt).value = sttValue(t.stt);
      ws.getCell(r, C.content).value = text(t.content);
      ws.getCell(r, C.head).value = text(t.head);
      if (t.lead !== null) ws.getCell(r, C.lead).value = text(t.lead);
      ws.getCell(r, C.support).value = text(t.support);
      ws.getCell(r, C.result).value = text(t.result);
      const dl = ws.getCell(r, C.deadline);
      if (typeof t.deadline === "object" && t.deadline) {
        dl.value = { formula: t.deadline.formula, result: { error: t.deadline.error as ExcelJS.CellErrorValue["error"] } };
      } else dl.value = text(t.deadline);
      dl.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      if (C.status > 0) ws.getCell(r, C.status).value = text(t.status);
      if (C.doneDate > 0 && t.doneDate) {
        const d = ws.getCell(r, C.doneDate);
        d.value = isoToDate(t.doneDate);
        d.numFmt = "dd/mm/yyyy";
        d.alignment = { vertical: "middle", horizontal: "center" };
      }
      if (C.note > 0) ws.getCell(r, C.note).value = text(t.note);
      if (t.mergeLeadDown && t.mergeLeadDown > 1) ws.mergeCells(r, C.lead, r + t.mergeLeadDown - 1, C.lead);
    }
    r++;
  }
  setupPage(ws, headerRow);
}

function writeIndicators(wb: ExcelJS.Workbook, data: IndicatorData): void {
  const ws = wb.addWorksheet(data.sheet);
  const ncol = data.header.length;
  [6, 70, 12, 18, 10, 10, 12, 34].slice(0, ncol).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  data.title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { name: FONT, size: 13, bold: i === 0, italic: i > 0 };
    cell.alignment = { horizontal: "center" };
    ws.mergeCells(i + 1, 1, i + 1, ncol);
  });
  const headerRow = data.title.length + 2;
  data.header.forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
  });
  const at = (name: string) => data.header.indexOf(name) + 1;
  let r = headerRow + 1;
  for (const row of data.rows) {
    for (let c = 1; c <= ncol; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: c === 2 || c === ncol ? "left" : "center" };
    }
    ws.getCell(r, 1).value = row.stt;
    ws.getCell(r, at("Chỉ tiêu")).value = row.name;
    ws.getCell(r, at("Đơn vị tính")).value = row.unit;
    ws.getCell(r, at("Kế hoạch năm 2026")).value = row.target;
    if (row.achieved !== undefined) ws.getCell(r, at("Số đạt")).value = row.achieved;
    if (row.total !== undefined) ws.getCell(r, at("Tổng số")).value = row.total;
    const actual = ws.getCell(r, at("Thực hiện"));
    if (row.actualPercent !== undefined) {
      actual.value = row.actualPercent;
      actual.numFmt = "0%";
    } else if (row.actual !== undefined) actual.value = row.actual;
    if (row.note) ws.getCell(r, at("Ghi chú")).value = row.note;
    r++;
  }
  setupPage(ws, headerRow);
}

function writeNotes(wb: ExcelJS.Workbook, data: NotesData): void {
  const ws = wb.addWorksheet(data.sheet);
  ws.getColumn(1).width = 110;
  data.lines.forEach((l, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = l;
    cell.font = { name: FONT, size: 12, bold: i === 0 };
  });
}

/** The sample workbook, in memory. */
export function buildSampleWorkbook(seedDir = path.join(projectRoot(), "assets", "seed-data")): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "UBND xã Chí Minh";
  wb.lastModifiedBy = "Phòng Văn hóa - Xã hội";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = "Theo dõi thực hiện các kế hoạch năm 2026";
  writeAppendix(wb, readJson<AppendixData>(seedDir, "pl1.json"));
  writeAppendix(wb, readJson<AppendixData>(seedDir, "pl2.json"));
  writeAppendix(wb, readJson<AppendixData>(seedDir, "pl3-tcvn3.json"));
  writeIndicators(wb, readJson<IndicatorData>(seedDir, "chi-tieu.json"));
  writeNotes(wb, readJson<NotesData>(seedDir, "ghi-chu.json"));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return wb;
}

/** The sample as reproducible .xlsx bytes. */
export async function buildSampleBytes(seedDir?: string): Promise<Uint8Array> {
  const wb = buildSampleWorkbook(seedDir);
  const out = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(out as ArrayBuffer));
}

async function run(): Promise<void> {
  const root = projectRoot();
  const out = process.argv[2] ?? path.join(root, "assets", "sample.xlsx");
  const bytes = await buildSampleBytes();
  fs.writeFileSync(out, bytes);
  process.stdout.write(`Đã tạo ${path.relative(process.cwd(), out) || out} (${bytes.length} byte)\n`);
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`make-sample: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
