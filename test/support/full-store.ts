/**
 * A workbook whose `_phuluc` store is full (issue 26): a plan of 5,000 tasks, the snapshots of 24 summaries
 * of a 5,000-task plan (about 1.7 MB), one merge of 4,000 cells with its log and undo data, and 15,000
 * highlights on scattered cells (each with phuluc's fill painted on, so clearing restores them). Every
 * command is run on it at Excel on the web's 5,000,000-byte limit.
 */
import type { Grid } from "../../src/core/grid";
import { fromA1, toA1 } from "../../src/core/a1";
import { addDays } from "../../src/core/dates";
import { defaultSettings } from "../../src/core/settings";
import { addSnapshot, emptyBook, identifyReport, MAX_SNAPSHOTS, type StoredBook } from "../../src/core/snapshot";
import type { HighlightRecord, Store } from "../../src/core/store";
import type { LogLine, MergesRecord, UndoWrite } from "../../src/core/returned-copies/merge-schema";
import { HIGHLIGHT_FILL } from "../../src/excel/highlight";
import { appendixGrid, fakeWorkbook } from "../fakes/fake-workbook";
import type { FakeExcel } from "../fakes/fake-excel";
import { evolve, synthReport } from "./synth-plan";

export const FULL = { tasks: 5000, snapshots: MAX_SNAPSHOTS, mergeCells: 4000, highlights: 15000 } as const;
export const FULL_SHEET = "PL I";

let snapshots: StoredBook | undefined;

/** The snapshots of 24 summaries of an evolving 5,000-task plan (computed once per test file). */
export function fullSnapshots(): StoredBook {
  if (snapshots) return snapshots;
  let report = synthReport(FULL.tasks, "2026-01-31", 7);
  let r = addSnapshot(emptyBook(), report, identifyReport(report, emptyBook()));
  for (let m = 1; m < FULL.snapshots; m++) {
    report = evolve(report, addDays(report.asOf, 14), 100 + m);
    r = addSnapshot(r.book, report, identifyReport(report, r.book));
  }
  snapshots = JSON.parse(JSON.stringify(r.stored)) as StoredBook;
  return snapshots;
}

/** One merge of 4,000 cells: its log lines (as the merge writes them) and the undo data of every cell. */
export function fullMerges(): MergesRecord {
  const log: LogLine[] = [];
  const undo: UndoWrite[] = [];
  for (let i = 0; i < FULL.mergeCells; i++) {
    const row = 6 + i;
    const cell = `H${row}`;
    log.push([
      "PL - Phòng Văn hóa - Xã hội.xlsx",
      "Phòng Văn hóa - Xã hội",
      `'${FULL_SHEET}'!${cell}`,
      `'${FULL_SHEET}'!${cell}`,
      `${i + 1}. Triển khai nhiệm vụ số ${i + 1} theo kế hoạch của UBND xã`,
      "Tình trạng",
      "Đang thực hiện",
      "Đã hoàn thành",
      "Đã ghi",
    ]);
    undo.push({ s: FULL_SHEET, c: cell, b: "Đang thực hiện", f: null, a: "Đã hoàn thành" });
  }
  return {
    v: 1,
    merges: [
      {
        seq: 1,
        on: "2026-10-15",
        files: ["PL - Phòng Văn hóa - Xã hội.xlsx"],
        applied: FULL.mergeCells,
        conflicts: 0,
        undone: false,
        log,
        undo,
      },
    ],
  };
}

/** 15,000 highlights on scattered cells of the plan: every other task row, columns D to I, errors and warnings alternating. */
export function fullHighlights(grid: Grid = appendixGrid(FULL_SHEET, FULL.tasks)): HighlightRecord[] {
  const out: HighlightRecord[] = [];
  const taskRows: number[] = [];
  grid.values.forEach((row, i) => typeof row[0] === "number" && taskRows.push(grid.origin.row + i));
  for (let k = 0; out.length < FULL.highlights; k += 2) {
    const row = taskRows[k % taskRows.length] + (k >= taskRows.length ? 1 : 0);
    for (let col = 4; col <= 9 && out.length < FULL.highlights; col++)
      out.push({
        sheet: grid.name,
        cell: toA1(row, col),
        previousFill: (row + col) % 7 === 0 ? "FFFF00" : null,
        appliedFill: col % 2 ? HIGHLIGHT_FILL.error : HIGHLIGHT_FILL.warning,
      });
  }
  return out;
}

export function fullStore(grid: Grid = appendixGrid(FULL_SHEET, FULL.tasks)): Store {
  return {
    version: 1,
    settings: defaultSettings(),
    summarySheets: [],
    highlights: fullHighlights(grid),
    records: { snapshots: fullSnapshots(), merges: fullMerges() },
  };
}

/** The fake workbook: the plan, the full store, and phuluc's fills painted where the store says it highlighted. */
export function fullWorkbook(): { fake: FakeExcel; grid: Grid; store: Store } {
  const grid = appendixGrid(FULL_SHEET, FULL.tasks);
  const store = fullStore(grid);
  const fake = fakeWorkbook([grid], { store });
  const sheet = fake.model.sheet(FULL_SHEET);
  for (const h of store.highlights) {
    const { row, col } = fromA1(h.cell)!;
    sheet.touch(row, col).fill = "#" + h.appliedFill;
  }
  return { fake, grid, store };
}
