/**
 * What the merge asks of a workbook file beyond its values: the formulas of some cells (a shared formula's
 * dependent cell gets its master's formula moved to it, as Excel shows it), and the drop-down lists
 * (list data validations: an inline list, or a range of the workbook) on some cells. Read with the XML
 * tokenizer, bounded (a formula past Excel's 8,192 characters, a list past MAX_LIST words are left out).
 * No Node API.
 */
import { fromA1, toA1 } from "../core/a1";
import type { SheetCell } from "../core/port";
import { attrValue, localName, saxPart } from "../ooxml/sax";
import { parseRange, parseRef } from "./sheet-reader";
import type { XlsxWorkbook } from "./workbook";

/** Excel's longest formula. */
const MAX_FORMULA = 8192;
/** Words of a drop-down read at most (Excel's own inline limit is 255 characters; a range can be long). */
const MAX_LIST = 200;

interface SheetScan {
  part: string;
  name: string;
}

function sheetsOf(wb: XlsxWorkbook, cells: readonly SheetCell[]): Map<SheetScan, SheetCell[]> {
  const out = new Map<string, { scan: SheetScan; cells: SheetCell[] }>();
  for (const c of cells) {
    const ws = wb.sheet(c.sheet);
    if (!ws || ws.kind !== "worksheet" || !ws.part) continue;
    const hit = out.get(ws.part) ?? { scan: { part: ws.part, name: ws.name }, cells: [] };
    hit.cells.push(c);
    out.set(ws.part, hit);
  }
  return new Map([...out.values()].map((x) => [x.scan, x.cells]));
}

const A1_REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

/** A shared formula moved from its master cell by (dRow, dCol): relative references shift, text in quotes does not. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal or a quoted sheet name
      return part.replace(A1_REF, (m, colAbs: string, col: string, rowAbs: string, row: string, at: number, all: string) => {
        const before = at > 0 ? all[at - 1] : "";
        if (/[A-Za-z0-9_.]/.test(before)) return m; // part of a name or a function
        const p = fromA1(`${col}${row}`);
        if (!p) return m;
        const r = rowAbs ? p.row : p.row + dRow;
        const c = colAbs ? p.col : p.col + dCol;
        if (r < 1 || c < 1) return m;
        const moved = toA1(r, c);
        const letters = moved.replace(/\d+$/, "");
        return `${colAbs}${letters}${rowAbs}${r}`;
      });
    })
    .join("");
}

/** The formulas (with "=") of the wanted cells of one sheet part. */
function scanFormulas(wb: XlsxWorkbook, part: string, wanted: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const shared: { key: string; si: string; row: number; col: number }[] = [];
  let row = 0;
  let col = 0;
  let inF = false;
  let text = "";
  let fType = "";
  let si = "";
  saxPart(wb.pkg, part, {
    open: (name, a, selfClosing) => {
      const l = localName(name);
      if (l === "row") {
        const r = Number(attrValue(a, "r"));
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
      } else if (l === "c") {
        const ref = attrValue(a, "r");
        const p = ref ? parseRef(ref) : null;
        col = p && p.col ? p.col : col + 1;
      } else if (l === "f") {
        fType = attrValue(a, "t") ?? "";
        si = attrValue(a, "si") ?? "";
        text = "";
        inF = !selfClosing;
        if (selfClosing) finish();
      }
    },
    close: (name) => {
      if (inF && localName(name) === "f") {
        inF = false;
        finish();
      }
    },
    text: (t) => {
      if (inF && text.length <= MAX_FORMULA) text += t;
    },
  });
  function finish(): void {
    const key = `${row}:${col}`;
    const f = text.trim();
    if (fType === "shared" && si && f) masters.set(si, { formula: f, row, col });
    if (!wanted.has(key) || f.length > MAX_FORMULA) return;
    if (f) out.set(key, "=" + f);
    else if (fType === "shared" && si) shared.push({ key, si, row, col });
  }
  for (const s of shared) {
    const m = masters.get(s.si);
    if (m) out.set(s.key, "=" + shiftFormula(m.formula, s.row - m.row, s.col - m.col));
  }
  return out;
}

/** The formulas of these cells (only those holding one). */
export function readFormulas(wb: XlsxWorkbook, cells: readonly SheetCell[]): (SheetCell & { formula: string })[] {
  const out: (SheetCell & { formula: string })[] = [];
  for (const [scan, list] of sheetsOf(wb, cells)) {
    const keyOf = (c: SheetCell) => {
      const p = fromA1(c.cell);
      return p ? `${p.row}:${p.col}` : "";
    };
    const found = scanFormulas(wb, scan.part, new Set(list.map(keyOf)));
    for (const c of list) {
      const f = found.get(keyOf(c));
      if (f) out.push({ sheet: c.sheet, cell: c.cell, formula: f });
    }
  }
  return out;
}

interface ListRule {
  ranges: { top: number; left: number; bottom: number; right: number }[];
  source: string;
}

/** The list validations of a sheet part (the classic ones and Excel 2010's extension, which lists pointing at other sheets use). */
function scanLists(wb: XlsxWorkbook, part: string): ListRule[] {
  const rules: ListRule[] = [];
  let current: { list: boolean; sqref: string; formula: string } | null = null;
  let inFormula = false;
  let inSqref = false;
  saxPart(wb.pkg, part, {
    open: (name, a) => {
      const l = localName(name);
      if (l === "dataValidation") current = { list: attrValue(a, "type") === "list", sqref: attrValue(a, "sqref") ?? "", formula: "" };
      else if (current && l === "formula1") inFormula = true;
      else if (current && l === "sqref") inSqref = true;
    },
    close: (name) => {
      const l = localName(name);
      if (l === "formula1") inFormula = false;
      else if (l === "sqref") inSqref = false;
      else if (l === "dataValidation" && current) {
        if (current.list && current.formula.trim())
          rules.push({ source: current.formula.trim(), ranges: current.sqref.split(/\s+/).flatMap((r) => parseRange(r) ?? []) });
        current = null;
      }
    },
    text: (t) => {
      if (!current) return;
      if (inFormula && current.formula.length < 4096) current.formula += t;
      else if (inSqref && current.sqref.length < 4096) current.sqref += " " + t;
    },
  });
  return rules;
}

/** A list's words: an inline list ("a,b,c"), or the values of a range of the workbook ('Danh mục'!$A$1:$A$5). */
function listWords(wb: XlsxWorkbook, source: string, sheet: string): string[] {
  const s = source.replace(/^=/, "").trim();
  if (s.startsWith('"')) {
    return s
      .slice(1, s.endsWith('"') ? -1 : undefined)
      .replace(/""/g, '"')
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean)
      .slice(0, MAX_LIST);
  }
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))?!?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(s);
  if (!m) return [];
  const target = wb.sheet(m[1] ? m[1].replace(/''/g, "'") : (m[2] ?? sheet));
  const range = parseRange(m[3]);
  if (!target || target.kind !== "worksheet" || !range) return [];
  const grid = wb.readGrid(target);
  const words: string[] = [];
  for (let r = range.top; r <= range.bottom && words.length < MAX_LIST; r++)
    for (let c = range.left; c <= range.right && words.length < MAX_LIST; c++) {
      const v = grid.values[r - grid.origin.row]?.[c - grid.origin.col];
      if (typeof v === "string" && v.trim()) words.push(v.trim());
      else if (typeof v === "number") words.push(String(v));
    }
  return words;
}

/** The drop-down words of these cells (only those with a list validation). */
export function readLists(wb: XlsxWorkbook, cells: readonly SheetCell[]): (SheetCell & { list: string[] })[] {
  const out: (SheetCell & { list: string[] })[] = [];
  for (const [scan, list] of sheetsOf(wb, cells)) {
    const rules = scanLists(wb, scan.part);
    if (!rules.length) continue;
    for (const c of list) {
      const p = fromA1(c.cell);
      const rule = p && rules.find((r) => r.ranges.some((x) => p.row >= x.top && p.row <= x.bottom && p.col >= x.left && p.col <= x.right));
      const words = rule ? listWords(wb, rule.source, scan.name) : [];
      if (words.length) out.push({ sheet: c.sheet, cell: c.cell, list: words });
    }
  }
  return out;
}
