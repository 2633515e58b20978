/**
 * Builds Grids in code, the way real appendix sheets look (title rows, header, group rows, tasks).
 * Tests use it instead of committed binaries; test/support/xlsx-builder.ts turns the same Grid into a
 * real .xlsx file.
 */
import type { CellValue, Grid, MergeArea } from "../../src/core/grid";

export const STD_HEADER = [
  "STT",
  "Nội dung công việc",
  "Người đứng đầu chịu trách nhiệm",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Kết quả",
  "Thời gian hoàn thành",
];

export const TRACKING_HEADER = [...STD_HEADER, "Tình trạng", "Ngày hoàn thành", "Ghi chú"];

export interface TaskRowInput {
  stt?: CellValue;
  content?: CellValue;
  head?: CellValue;
  lead?: CellValue;
  support?: CellValue;
  result?: CellValue;
  deadline?: CellValue;
  status?: CellValue;
  doneDate?: CellValue;
  note?: CellValue;
}

/** Fluent builder: new GridBuilder("PL I").title("PHỤ LỤC I").header().group("I", "…").task({...}).build() */
export class GridBuilder {
  private rows: CellValue[][] = [];
  private formats: (string | null)[][] = [];
  private merges: MergeArea[] = [];
  private headerCols: string[] = TRACKING_HEADER;
  private visibility: Grid["visibility"] = "visible";

  constructor(private readonly name: string) {}

  /** Append a raw row (sheet row = current length + 1). */
  row(values: CellValue[], formats?: (string | null)[]): this {
    this.rows.push(values);
    this.formats.push(formats ?? values.map(() => null));
    return this;
  }

  blank(n = 1): this {
    for (let i = 0; i < n; i++) this.row([]);
    return this;
  }

  title(...lines: string[]): this {
    for (const l of lines) this.row([l]);
    return this;
  }

  /** A header row (default: STD columns + Tình trạng, Ngày hoàn thành, Ghi chú). */
  header(cols: string[] = TRACKING_HEADER): this {
    this.headerCols = cols;
    return this.row(cols);
  }

  /** A group row: Roman numeral + name, merged across the remaining columns. */
  group(stt: string, name: string): this {
    const r = this.rows.length + 1;
    this.row([stt, name]);
    if (this.headerCols.length > 2) this.merges.push({ top: r, left: 2, bottom: r, right: this.headerCols.length });
    return this;
  }

  /** A task row laid out by the current header's column names. */
  task(t: TaskRowInput, formats?: Partial<Record<keyof TaskRowInput, string>>): this {
    const byName: Record<string, keyof TaskRowInput> = {
      STT: "stt",
      "Nội dung công việc": "content",
      "Người đứng đầu chịu trách nhiệm": "head",
      "Cơ quan chủ trì": "lead",
      "Cơ quan phối hợp": "support",
      "Kết quả": "result",
      "Thời gian hoàn thành": "deadline",
      "Tình trạng": "status",
      "Ngày hoàn thành": "doneDate",
      "Ghi chú": "note",
    };
    const values: CellValue[] = [];
    const fmts: (string | null)[] = [];
    for (const h of this.headerCols) {
      const key = byName[h];
      values.push(key ? (t[key] ?? null) : null);
      fmts.push(key ? (formats?.[key] ?? null) : null);
    }
    return this.row(values, fmts);
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    this.merges.push({ top, left, bottom, right });
    return this;
  }

  hidden(v: Grid["visibility"] = "hidden"): this {
    this.visibility = v;
    return this;
  }

  /** Current sheet row count (the last row written). */
  get lastRow(): number {
    return this.rows.length;
  }

  build(): Grid {
    return {
      name: this.name,
      visibility: this.visibility,
      origin: { row: 1, col: 1 },
      values: this.rows.map((r) => [...r]),
      numberFormats: this.formats.map((r) => [...r]),
      merges: this.merges.map((m) => ({ ...m })),
    };
  }
}
