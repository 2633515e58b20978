/**
 * The sheet reader inside Excel's grid: references past it are damage, rows stay sparse, merged areas are
 * cleared by a sweep (checked against the plain cell-by-cell rule) and clipped to the rows there are; the
 * merge index answers like a plain scan whatever the areas' sizes.
 */
import fc from "fast-check";
import { MergeIndex } from "../../src/core/merge-index";
import type { CellValue, MergeArea } from "../../src/core/grid";
import { OpcPackage } from "../../src/ooxml/package";
import { GridLimitError } from "../../src/xlsx/limits";
import { clearMergedCells } from "../../src/xlsx/merged-cells";
import { parseRef, readSheetRows } from "../../src/xlsx/sheet-reader";
import type { SparseRow } from "../../src/xlsx/sparse";
import { Styles } from "../../src/xlsx/styles";
import { CellBudget } from "../../src/xlsx/limits";
import { rawXlsx } from "../support/raw-xlsx";

async function rowsOf(sheetData: string, after = "", budget?: CellBudget) {
  const bytes = await rawXlsx([
    {
      name: "A",
      xml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
    },
  ]);
  const pkg = OpcPackage.open(bytes);
  return readSheetRows(pkg, "xl/worksheets/sheet1.xml", {
    strings: [],
    styles: Styles.read(pkg, "xl/workbook.xml"),
    date1904: false,
    budget,
  });
}

describe("Excel's grid bounds every reference", () => {
  it("parseRef never overflows: past the grid is one past its edge", () => {
    expect(parseRef("ZZZZZZZZZZZZ30")).toEqual({ row: 30, col: 16385 });
    expect(parseRef("A99999999999999")).toEqual({ row: 1048577, col: 1 });
    expect(parseRef("XFD1048576")).toEqual({ row: 1048576, col: 16384 });
  });

  it.each([
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ['<row r="1048577"><c><v>1</v></c></row>'],
    ['<row r="30"><c r="ZZZZZZZ30"><v>1</v></c></row>'],
    [`<row>${"<c><v>1</v></c>".repeat(16385)}</row>`],
  ])("%# a cell or row past the grid: GridLimitError (the sheet is damaged)", async (xml) => {
    await expect(rowsOf(xml)).rejects.toThrow(GridLimitError);
  });

  it("a merged area past the grid is damage too; one inside it is clipped to the rows there are", async () => {
    await expect(rowsOf('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>')).rejects.toThrow(
      GridLimitError,
    );
    const { merges } = await rowsOf(
      '<row r="3"><c r="A3"><v>1</v></c></row>',
      '<mergeCells><mergeCell ref="B1:C1048576"/><mergeCell ref="A9:B9"/></mergeCells>',
    );
    expect(merges).toEqual([{ top: 1, left: 2, bottom: 3, right: 3 }]);
  });

  it("XFD1048576 reads as one sparse row (no dense rows in between)", async () => {
    const { rows } = await rowsOf('<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>');
    expect(rows).toHaveLength(1);
    expect(rows[0].row).toBe(1048576);
    expect(rows[0].values.length).toBe(16384);
  });

  it("the cell budget is shared by a workbook's reads: past it, a too-large GridLimitError", async () => {
    const budget = new CellBudget(10);
    await expect(rowsOf(`<row r="1">${"<c><v>1</v></c>".repeat(11)}</row>`, "", budget)).rejects.toMatchObject({ tooLarge: true });
  });
});

/** The plain rule: every covered cell but the top-left emptied, area by area. */
function naiveClear(rows: SparseRow[], merges: MergeArea[]): { row: number; values: CellValue[] }[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = byRow.get(r);
      if (!row) continue;
      for (let c = m.left; c <= m.right && c <= row.values.length; c++) if (!(r === m.top && c === m.left)) row.values[c - 1] = null;
    }
  }
  return rows
    .map((r) => {
      const v = r.values.slice();
      while (v.length && (v[v.length - 1] === null || v[v.length - 1] === "")) v.pop();
      return { row: r.row, values: v };
    })
    .filter((r) => r.values.length);
}

const area = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 }))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
const disjoint = (ms: MergeArea[]) =>
  ms.filter((m, i) => ms.slice(0, i).every((o) => m.bottom < o.top || o.bottom < m.top || m.right < o.left || o.right < m.left));

describe("merged areas cleared by a sweep", () => {
  it("empties the same cells as the cell-by-cell rule (valid, non-overlapping areas)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 12 }),
        fc.array(area, { maxLength: 8 }),
        (rowNums, areas) => {
          const merges = disjoint(areas).sort((a, b) => a.top - b.top || a.left - b.left);
          const make = () =>
            rowNums
              .slice()
              .sort((a, b) => a - b)
              .map((row) => ({ row, values: Array.from({ length: 8 }, (_, c): CellValue => `${row}:${c + 1}`), formats: null }));
          const fast = clearMergedCells(make(), merges).map((r) => ({ row: r.row, values: r.values }));
          expect(fast).toEqual(naiveClear(make(), merges));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("merge index", () => {
  it("answers like a scan of the areas, for small areas (by cell) and large ones (row tree)", () => {
    fc.assert(
      fc.property(
        fc.array(area, { maxLength: 10 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 26 }), fc.integer({ min: 1, max: 12 })), { maxLength: 40 }),
        (areas, probes) => {
          // Scaled so some areas pass the by-cell limit (256 cells) and go to the tree.
          const merges = disjoint(
            areas.map((m) => ({ top: m.top, left: m.left, bottom: m.top + (m.bottom - m.top) * 40, right: m.right })),
          );
          const idx = new MergeIndex(merges, { top: 1, left: 1, bottom: 600, right: 12 });
          for (const [col, r] of probes) {
            const row = r * 37;
            const expected = merges.find(
              (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right && !(m.top === m.bottom && m.left === m.right),
            );
            expect(idx.at(row, col)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a merge over the whole sheet costs no Map of a billion cells", () => {
    const idx = new MergeIndex([{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }], {
      top: 1,
      left: 1,
      bottom: 1_048_576,
      right: 16_384,
    });
    expect(idx.at(1_000_000, 16_000)).toEqual({ top: 1, left: 1, bottom: 1_048_576, right: 16_384 });
    expect(idx.at(5, 5)?.top).toBe(1);
  });
});
