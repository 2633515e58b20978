/**
 * Units' returns as other tools write them: the edits a person makes (values typed in, rows re-sorted,
 * rows inserted, columns hidden, a sheet renamed, text typed in TCVN3, a plan column touched) described
 * once as operations on the split copy, then carried out by each tool — openpyxl (test/returns/
 * openpyxl-edit.py, one python process for all), ExcelJS (load, edit, write back), LibreOffice (re-saving
 * ExcelJS's files, one soffice call), and packages crafted part by part with Google Sheets' traits (inline
 * strings, no shared strings, absolute targets, parts under other names, the very hidden sheet only
 * hidden) and WPS Office's (shared strings with rich-text runs, dates in format 14, its custom property).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { fromA1, toA1 } from "../../src/core/a1";
import { analyze } from "../../src/core/analyze";
import { isDateFormat, serialToIso } from "../../src/core/dates";
import type { CellValue, MergeArea } from "../../src/core/grid";
import { defaultSettings } from "../../src/core/settings";
import { readTaskTables } from "../../src/core/returned-copies/task-tables";
import { STORE_SHEET } from "../../src/core/store";
import { findStoreSheet } from "../../src/xlsx/store";
import { sofficeConvert } from "../support/soffice";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { MAIN, rawXlsx, REL } from "../support/raw-xlsx";
import { PYTHON } from "../xlsx/corpus/build";
import { AS_OF, openPort } from "./support";

export type OpValue = string | number | null | { date: string };
export type Op =
  | { op: "set"; sheet: string; cell: string; value: OpValue }
  | { op: "unmerge"; sheet: string; range: string }
  /** Rows start.. get the content (values and styles) of `rows`, in that order. */
  | { op: "order"; sheet: string; start: number; rows: number[] }
  /** One row inserted before row `at` (everything below, merges included, moves down). */
  | { op: "insert"; sheet: string; at: number; values: OpValue[] }
  | { op: "hide"; sheet: string; cols: number[] }
  | { op: "rename"; sheet: string; to: string }
  /** The sheet deleted (a tool that loses phuluc's very hidden sheet). */
  | { op: "remove"; sheet: string };

export const TOOLS = ["openpyxl", "ExcelJS", "LibreOffice", "Google-like", "WPS-like"] as const;
export type Tool = (typeof TOOLS)[number];

export interface Located {
  sheet: string;
  row: number;
  /** Column numbers of the task's fields in the copy. */
  cols: Record<"stt" | "content" | "lead" | "deadline" | "status" | "doneDate" | "outcome" | "result" | "note", number>;
}

/** Where each task of a copy is (by its text's start), as a person finds the row. */
export async function locate(bytes: Uint8Array): Promise<(text: string) => Located> {
  const port = await openPort(bytes, "copy.xlsx", true);
  const grids = await port.readSheets();
  const report = analyze(grids, { asOf: AS_OF, settings: defaultSettings() });
  const tables = readTaskTables(report, grids);
  return (text) => {
    const t = report.tasks.find((x) => x.content.startsWith(text.slice(0, 40)));
    if (!t) throw new Error(`task not found: ${text}`);
    const h = tables.get(t.sheet)!.header.columns;
    const col = (f: Parameters<typeof h.get>[0]) => {
      const c = h.get(f);
      if (c === undefined) throw new Error(`no ${f} column on ${t.sheet}`);
      return c;
    };
    return {
      sheet: t.sheet,
      row: t.row,
      cols: {
        stt: col("stt"),
        content: col("content"),
        lead: col("lead"),
        deadline: col("deadline"),
        status: col("status"),
        doneDate: col("doneDate"),
        outcome: col("outcome"),
        result: col("result"),
        note: col("note"),
      },
    };
  };
}

// --------------------------------------------------------------------------------------------------
// openpyxl

export interface Job {
  name: string;
  input: Uint8Array;
  ops: Op[];
}

/** Every job through openpyxl in one python process; the returns' bytes by job name. */
export function viaOpenpyxl(dir: string, jobs: Job[]): Map<string, Uint8Array> {
  const work = path.join(dir, "openpyxl");
  fs.mkdirSync(work, { recursive: true });
  const list = jobs.map((j, i) => {
    const input = path.join(work, `in-${i}.xlsx`);
    fs.writeFileSync(input, j.input);
    return { in: input, out: path.join(work, `out-${i}.xlsx`), ops: j.ops };
  });
  const spec = path.join(work, "jobs.json");
  fs.writeFileSync(spec, JSON.stringify(list));
  const r = spawnSync(PYTHON, [path.join(__dirname, "openpyxl-edit.py"), spec], { encoding: "utf8", timeout: 120000 });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return new Map(jobs.map((j, i) => [j.name, fs.readFileSync(list[i].out)]));
}

// --------------------------------------------------------------------------------------------------
// ExcelJS

const jsValue = (v: OpValue): ExcelJS.CellValue => {
  if (v !== null && typeof v === "object") {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v;
};

const rangeOf = (m: { top: number; left: number; bottom: number; right: number }) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`;

/** ExcelJS's merged areas of a sheet (its model), 1-based. */
function excelJsMerges(ws: ExcelJS.Worksheet): MergeArea[] {
  return ((ws.model as unknown as { merges: string[] }).merges ?? []).map((r) => {
    const [a, b] = r.split(":");
    const p = fromA1(a)!;
    const q = fromA1(b ?? a)!;
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
}

export async function viaExcelJs(input: Uint8Array, ops: Op[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as never);
  for (const o of ops) {
    const ws = wb.getWorksheet(o.sheet);
    if (!ws) throw new Error(`ExcelJS: no sheet ${o.sheet}`);
    if (o.op === "set") {
      const c = ws.getCell(o.cell);
      c.value = jsValue(o.value);
      if (o.value !== null && typeof o.value === "object") c.numFmt = "dd/mm/yyyy";
    } else if (o.op === "unmerge") ws.unMergeCells(o.range);
    else if (o.op === "order") {
      const width = ws.columnCount;
      const saved = o.rows.map((r) =>
        Array.from({ length: width }, (_, i) => {
          const c = ws.getRow(r).getCell(i + 1);
          return { value: c.value, style: JSON.parse(JSON.stringify(c.style ?? {})) };
        }),
      );
      saved.forEach((cells, i) =>
        cells.forEach((x, k) => {
          const c = ws.getRow(o.start + i).getCell(k + 1);
          c.value = x.value;
          c.style = x.style;
        }),
      );
    } else if (o.op === "insert") {
      // ExcelJS moves the cells; the merged areas below are moved here as a careful script does.
      const below = excelJsMerges(ws).filter((m) => m.top >= o.at);
      for (const m of below) ws.unMergeCells(rangeOf(m));
      ws.insertRow(o.at, o.values.map(jsValue));
      for (const m of below) ws.mergeCells(rangeOf({ ...m, top: m.top + 1, bottom: m.bottom + 1 }));
    } else if (o.op === "hide") for (const c of o.cols) ws.getColumn(c).hidden = true;
    else if (o.op === "rename") ws.name = o.to;
    else if (o.op === "remove") wb.removeWorksheet(ws.id);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// --------------------------------------------------------------------------------------------------
// LibreOffice: re-save files (one soffice call for all of them)

export function viaLibreOffice(dir: string, files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const src = path.join(dir, "lo-in");
  const out = path.join(dir, "lo-out");
  fs.mkdirSync(src, { recursive: true });
  const names = [...files.keys()];
  const inputs = names.map((n, i) => {
    const f = path.join(src, `r${i}.xlsx`);
    fs.writeFileSync(f, files.get(n)!);
    return f;
  });
  sofficeConvert(inputs, { to: "xlsx:Calc Office Open XML", outDir: out, profile: path.join(dir, "lo-profile"), home: dir });
  return new Map(names.map((n, i) => [n, fs.readFileSync(path.join(out, `r${i}.xlsx`))]));
}

// --------------------------------------------------------------------------------------------------
// Crafted packages (Google Sheets' and WPS Office's traits), from the copy read as plain sheets

interface PlainCell {
  v: string | number | boolean;
  date?: boolean;
}
interface PlainSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  rows: Map<number, Map<number, PlainCell>>;
  merges: MergeArea[];
  hidden: Set<number>;
}

function plainCell(v: CellValue, format: string | null): PlainCell | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object") return { v: v.error };
  if (typeof v === "number" && isDateFormat(format) && serialToIso(v)) return { v, date: true };
  return { v };
}

function plainSheets(bytes: Uint8Array): PlainSheet[] {
  const wb = XlsxWorkbook.open(bytes, "copy.xlsx");
  const store = findStoreSheet(wb);
  return wb
    .sheets()
    .filter((s) => s.kind === "worksheet")
    .map((s) => {
      const g = wb.readGrid(s);
      const rows = new Map<number, Map<number, PlainCell>>();
      g.values.forEach((r, i) =>
        r.forEach((v, j) => {
          const c = plainCell(v, g.numberFormats?.[i]?.[j] ?? null);
          if (!c) return;
          const row = g.origin.row + i;
          if (!rows.has(row)) rows.set(row, new Map());
          rows.get(row)!.set(g.origin.col + j, c);
        }),
      );
      return { name: s.name, state: s === store ? "veryHidden" : s.state, rows, merges: [...g.merges], hidden: new Set<number>() };
    });
}

const serialOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000 + 25569;

function applyPlain(sheets: PlainSheet[], ops: Op[]): void {
  for (const o of ops) {
    if (o.op === "remove") {
      sheets.splice(
        sheets.findIndex((x) => x.name === o.sheet),
        1,
      );
      continue;
    }
    const s = sheets.find((x) => x.name === o.sheet);
    if (!s) throw new Error(`crafted: no sheet ${o.sheet}`);
    if (o.op === "set") {
      const { row, col } = fromA1(o.cell)!;
      if (!s.rows.has(row)) s.rows.set(row, new Map());
      const v = o.value;
      if (v === null) s.rows.get(row)!.delete(col);
      else s.rows.get(row)!.set(col, typeof v === "object" ? { v: serialOf(v.date), date: true } : { v });
    } else if (o.op === "unmerge") {
      const [a] = o.range.split(":");
      const p = fromA1(a)!;
      s.merges = s.merges.filter((m) => !(m.top === p.row && m.left === p.col));
    } else if (o.op === "order") {
      const saved = o.rows.map((r) => s.rows.get(r) ?? new Map<number, PlainCell>());
      saved.forEach((cells, i) => s.rows.set(o.start + i, new Map(cells)));
    } else if (o.op === "insert") {
      const moved = new Map<number, Map<number, PlainCell>>();
      for (const [r, cells] of s.rows) moved.set(r >= o.at ? r + 1 : r, cells);
      const fresh = new Map<number, PlainCell>();
      o.values.forEach((v, i) => {
        if (v !== null) fresh.set(i + 1, typeof v === "object" ? { v: serialOf(v.date), date: true } : { v });
      });
      moved.set(o.at, fresh);
      s.rows = moved;
      s.merges = s.merges.map((m) => (m.top >= o.at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
    } else if (o.op === "hide") for (const c of o.cols) s.hidden.add(c);
    else if (o.op === "rename") s.name = o.to;
  }
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function sheetXml(s: PlainSheet, cell: (ref: string, c: PlainCell) => string, extra = ""): string {
  const rows = [...s.rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cells]) => {
      const cs = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([c, v]) => cell(toA1(r, c), v));
      return cs.length ? `<row r="${r}">${cs.join("")}</row>` : "";
    })
    .join("");
  const cols = s.hidden.size
    ? `<cols>${[...s.hidden]
        .sort((a, b) => a - b)
        .map((c) => `<col min="${c}" max="${c}" width="0" hidden="1" customWidth="1"/>`)
        .join("")}</cols>`
    : "";
  const merges = s.merges.length
    ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${rangeOf(m)}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"${extra}>${cols}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

/** Google Sheets' export: inline strings only, absolute targets, parts named its way, no very hidden sheets. */
export async function googleLike(input: Uint8Array, ops: Op[]): Promise<Uint8Array> {
  const sheets = plainSheets(input);
  applyPlain(sheets, ops);
  const cell = (ref: string, c: PlainCell) =>
    typeof c.v === "string"
      ? `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c.v)}</t></is></c>`
      : typeof c.v === "boolean"
        ? `<c r="${ref}" t="b"><v>${c.v ? 1 : 0}</v></c>`
        : `<c r="${ref}"${c.date ? ' s="1"' : ""}><v>${c.v}</v></c>`;
  return rawXlsx(
    sheets.map((s, i) => ({
      name: s.name,
      xml: sheetXml(s, cell),
      part: `xl/worksheets/sheet${i + 7}.xml`,
      absolute: true,
      ...(s.state !== "visible" ? { state: "hidden" as const } : {}),
    })),
  );
}

/** WPS Office: shared strings (some as rich-text runs), dates in format 14, its custom document property. */
export async function wpsLike(input: Uint8Array, ops: Op[]): Promise<Uint8Array> {
  const sheets = plainSheets(input);
  applyPlain(sheets, ops);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const cell = (ref: string, c: PlainCell) => {
    if (typeof c.v === "string") {
      let i = index.get(c.v);
      if (i === undefined) {
        i = strings.length;
        index.set(c.v, i);
        // Text typed with a font change inside the cell comes as runs.
        const cut = c.v.indexOf(" ");
        strings.push(
          cut > 0 && c.v.length < 200 && !c.v.startsWith("{")
            ? `<si><r><rPr><b/><sz val="12"/><rFont val="Times New Roman"/></rPr><t>${esc(c.v.slice(0, cut))}</t></r><r><rPr><sz val="12"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">${esc(c.v.slice(cut))}</t></r></si>`
            : `<si><t xml:space="preserve">${esc(c.v)}</t></si>`,
        );
      }
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    }
    if (typeof c.v === "boolean") return `<c r="${ref}" t="b"><v>${c.v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${c.date ? ' s="2"' : ""}><v>${c.v}</v></c>`;
  };
  const xml = sheets.map((s) => sheetXml(s, cell, ` xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"`));
  const custom =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>1066-12.2.0.13431</vt:lpwstr></property></Properties>`;
  return rawXlsx(
    sheets.map((s, i) => ({ name: s.name, xml: xml[i], ...(s.state !== "visible" ? { state: s.state } : {}) })),
    { sharedStrings: strings, extra: { "docProps/custom.xml": custom } },
  );
}

/** Is the copy's record still there (a sheet named _phuluc, any state)? */
export function hasStoreSheet(bytes: Uint8Array): string | null {
  const wb = XlsxWorkbook.open(bytes, "r.xlsx");
  return wb.sheets().find((s) => s.name === STORE_SHEET)?.state ?? null;
}
