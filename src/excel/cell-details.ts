/// <reference types="office-js" />
/**
 * What the merge asks of the open workbook beyond its values: the formulas of the cells it would write
 * (Range.formulas: a cell without a formula gives its value back, so only text starting with "=" counts),
 * and the drop-down words on the plan's Tình trạng cells (Range.dataValidation, ExcelApi 1.8: an inline
 * list, or a range / name resolved in a second sync). Cells are read by column runs of at most RUN_ROWS
 * rows, synced once per CELLS_PER_SYNC cells, so a large merge stays well under Excel on the web's 5 MB
 * (a merge of a few thousand cells: one sync).
 */
import { fromA1, toA1 } from "../core/a1";
import type { SheetCell } from "../core/port";

/** Rows per range read (one column). */
const RUN_ROWS = 2_000;
/**
 * Cells loaded before a sync: `formulas` gives a cell without one its value, and a note may be long — at
 * 5,000 cells even notes of 500 characters stay well under Excel on the web's 5 MB.
 */
const CELLS_PER_SYNC = 5_000;
/** Words of a drop-down kept at most. */
const MAX_LIST = 200;

interface Run {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
  wanted: Set<number>;
}

/** The cells grouped into column runs (rows close together share one range). */
function runsOf(cells: readonly SheetCell[]): Run[] {
  const byColumn = new Map<string, { sheet: string; col: number; rows: number[] }>();
  for (const c of cells) {
    const p = fromA1(c.cell);
    if (!p) continue;
    const key = `${c.sheet}\u0000${p.col}`;
    const hit = byColumn.get(key) ?? { sheet: c.sheet, col: p.col, rows: [] };
    hit.rows.push(p.row);
    byColumn.set(key, hit);
  }
  const runs: Run[] = [];
  for (const { sheet, col, rows } of byColumn.values()) {
    rows.sort((a, b) => a - b);
    let run: Run | null = null;
    for (const r of rows) {
      if (!run || r - run.top >= RUN_ROWS) runs.push((run = { sheet, col, top: r, bottom: r, wanted: new Set() }));
      run.bottom = r;
      run.wanted.add(r);
    }
  }
  return runs;
}

/** The formulas of these cells (only those holding one). */
export async function readFormulasWith(
  ctx: Excel.RequestContext,
  cells: readonly SheetCell[],
): Promise<(SheetCell & { formula: string })[]> {
  const out: (SheetCell & { formula: string })[] = [];
  let pending: { run: Run; range: Excel.Range }[] = [];
  let queued = 0;
  const flush = async () => {
    if (!pending.length) return;
    await ctx.sync();
    for (const { run, range } of pending)
      range.formulas.forEach((row, i) => {
        const f = row[0];
        const r = run.top + i;
        if (run.wanted.has(r) && typeof f === "string" && f.startsWith("="))
          out.push({ sheet: run.sheet, cell: toA1(r, run.col), formula: f });
      });
    pending = [];
    queued = 0;
  };
  for (const run of runsOf(cells)) {
    const range = ctx.workbook.worksheets.getItem(run.sheet).getRange(`${toA1(run.top, run.col)}:${toA1(run.bottom, run.col)}`);
    range.load("formulas");
    pending.push({ run, range });
    queued += run.bottom - run.top + 1;
    if (queued >= CELLS_PER_SYNC) await flush();
  }
  await flush();
  return out;
}

/** The words of an inline list source ("Chưa thực hiện,Đang thực hiện"), or null when the source is a reference. */
function inlineWords(source: string): string[] | null {
  const s = source.trim();
  if (s.startsWith("=")) return null;
  return s
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, MAX_LIST);
}

/** A list's reference as a range: "=$Z$1:$Z$5", "='Danh mục'!$A$1:$A$5", or a defined name "=TinhTrang". */
function referenced(ctx: Excel.RequestContext, sheet: string, source: string): Excel.Range | null {
  const ref = source.trim().replace(/^=/, "");
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (m) return ctx.workbook.worksheets.getItem(m[1] ? m[1].replace(/''/g, "'") : m[2]).getRange(m[3]);
  if (/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(ref)) return ctx.workbook.worksheets.getItem(sheet).getRange(ref);
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(ref)) return ctx.workbook.names.getItem(ref).getRange();
  return null;
}

function rangeWords(values: unknown[][]): string[] {
  const words: string[] = [];
  for (const row of values)
    for (const v of row) {
      if (words.length >= MAX_LIST) return words;
      if (typeof v === "string" && v.trim()) words.push(v.trim());
      else if (typeof v === "number") words.push(String(v));
    }
  return words;
}

/** The drop-down words of these cells (only those with a list validation). Needs ExcelApi 1.8. */
export async function readListsWith(ctx: Excel.RequestContext, cells: readonly SheetCell[]): Promise<(SheetCell & { list: string[] })[]> {
  const rules = cells.map((c) => {
    const dv = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).dataValidation;
    dv.load("type,rule");
    return { c, dv };
  });
  await ctx.sync();
  const out: (SheetCell & { list: string[] })[] = [];
  const refs: { c: SheetCell; range: Excel.Range }[] = [];
  for (const { c, dv } of rules) {
    const source = dv.type === "List" ? dv.rule?.list?.source : undefined;
    if (typeof source !== "string" || !source.trim()) continue;
    const words = inlineWords(source);
    if (words) {
      if (words.length) out.push({ ...c, list: words });
      continue;
    }
    const range = referenced(ctx, c.sheet, source);
    if (range) refs.push({ c, range });
  }
  if (refs.length) {
    // A referenced range may be a whole column: its size first, then at most MAX_LIST cells of its first column.
    for (const r of refs) r.range.load("rowCount");
    await ctx.sync();
    const heads = refs.map(({ c, range }) => {
      const head = range.getCell(0, 0).getResizedRange(Math.min(range.rowCount, MAX_LIST) - 1, 0);
      head.load("values");
      return { c, head };
    });
    await ctx.sync();
    for (const { c, head } of heads) {
      const words = rangeWords(head.values);
      if (words.length) out.push({ ...c, list: words });
    }
  }
  return out;
}
