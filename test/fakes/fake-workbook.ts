/** Builds fake Excel workbooks from Grids / GridBuilders (the same fixtures the ExcelJS tests use). */
import type { Grid } from "../../src/core/grid";
import { isCellError } from "../../src/core/grid";
import { STORE_SHEET, type Store } from "../../src/core/store";
import { putStore } from "../support/store-cells";
import { GridBuilder } from "../support/grid-builder";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { FakeWorkbookModel, type FakeSheet } from "./fake-model";

export interface FakeWorkbookOptions {
  /** A store, written as phuluc writes it now (format 2). */
  store?: Store;
  /** Cells of column A of `_phuluc`, as they are (format 1 — test/support/store-cells.ts legacyChunks — or anything). */
  storeChunks?: string[];
  apiVersion?: string;
}

const VIS = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

export function putGrid(model: FakeWorkbookModel, g: Grid): FakeSheet {
  const s = model.addSheet(g.name);
  s.visibility = VIS[g.visibility];
  g.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const fmt = g.numberFormats?.[i]?.[j] ?? undefined;
      if (v === null && !fmt) return;
      s.put(g.origin.row + i, g.origin.col + j, isCellError(v) ? { error: v.error } : v, fmt ?? undefined);
    }),
  );
  s.merges = g.merges.map((m) => ({ ...m }));
  // As in Excel, only the top-left cell of a merged area holds a value.
  for (const m of s.merges)
    s.forEachCell(m, (c, r, col) => {
      if (r === m.top && col === m.left) return;
      c.value = null;
      delete c.error;
    });
  return s;
}

export function fakeWorkbook(sources: (Grid | GridBuilder)[], options: FakeWorkbookOptions = {}): FakeExcel {
  const model = new FakeWorkbookModel();
  for (const src of sources) putGrid(model, src instanceof GridBuilder ? src.build() : src);
  if (options.store || options.storeChunks) {
    const s = model.addSheet(STORE_SHEET);
    s.visibility = "VeryHidden";
    putStore(options.store, options.storeChunks, (r, c, text) => s.put(r, c, text, "@"));
  }
  return createFakeExcel({ model, apiVersion: options.apiVersion });
}

/** A plan-shaped appendix with `tasks` task rows (10 columns), for volume tests and the benchmark. */
export function appendixGrid(name: string, tasks: number): Grid {
  const b = new GridBuilder(name).title("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ NĂM 2026").header().group("I", "Nhóm nhiệm vụ");
  const leads = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Công an xã", "Văn phòng HĐND và UBND xã"];
  for (let i = 1; i <= tasks; i++) {
    b.task(
      {
        stt: i,
        content: `Triển khai nhiệm vụ số ${i} theo kế hoạch của UBND xã`,
        head: "Chủ tịch UBND xã",
        lead: leads[i % leads.length],
        support: "Các đơn vị liên quan",
        result: "Báo cáo",
        deadline: i % 3 === 0 ? 46000 + (i % 300) : `Tháng ${(i % 12) + 1}/2026`,
        status: i % 2 ? "Đã hoàn thành" : "Đang thực hiện",
        doneDate: i % 2 ? 46000 + (i % 200) : null,
        note: null,
      },
      { deadline: "dd/mm/yyyy", doneDate: "dd/mm/yyyy" },
    );
  }
  return b.build();
}
