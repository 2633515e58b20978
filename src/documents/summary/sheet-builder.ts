/** Collects one summary sheet's cells, styles and merges, then lays it out (widths, heights). */
import type { SpecCell, SpecChart, SpecDataBar, SpecMerge, SpecPrint, SpecValue, SummarySheetSpec, CellStyle } from "../../core/sheet-spec";
import { makeStyle, styleKey, type BaseStyle, type StyleOptions } from "./styles";
import { estimateColumnWidths, estimateRowHeights, type WidthRule } from "./layout";

export class SheetBuilder {
  readonly styles: Record<string, CellStyle> = {};
  readonly cells: SpecCell[] = [];
  readonly merges: SpecMerge[] = [];
  readonly visuals: (SpecDataBar | SpecChart)[] = [];
  /** Rows that get a fixed height (blank spacer rows, the title). */
  readonly fixedHeights: Record<number, number> = {};

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  style(kind: BaseStyle, opts: StyleOptions = {}): string {
    const key = styleKey(kind, opts);
    if (!this.styles[key]) this.styles[key] = makeStyle(kind, opts);
    return key;
  }

  set(row: number, col: number, value: SpecValue, style?: string): void {
    this.cells.push(style ? { row, col, value, style } : { row, col, value });
  }

  /** A value in the top-left cell, merged over the area; the other cells carry the style (borders). */
  mergeSet(row: number, left: number, right: number, value: SpecValue, style: string, bottom = row): void {
    this.set(row, left, value, style);
    for (let r = row; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== row || c !== left) this.set(r, c, null, style);
    if (right > left || bottom > row) this.merges.push({ top: row, left, bottom, right });
  }

  lastRow(): number {
    let m = 0;
    for (const c of this.cells) if (c.row > m) m = c.row;
    return m;
  }

  build(args: { columns: number; widthRules: WidthRule[]; print: SpecPrint; tabColor?: string; freezeRows?: number }): SummarySheetSpec {
    const columnWidths = estimateColumnWidths(this.cells, this.merges, this.styles, args.columns, args.widthRules);
    const rowHeights = { ...estimateRowHeights(this.cells, this.merges, this.styles, columnWidths), ...this.fixedHeights };
    const sheet: SummarySheetSpec = {
      key: this.key,
      name: this.name,
      styles: this.styles,
      cells: [...this.cells].sort((a, b) => a.row - b.row || a.col - b.col),
      merges: this.merges,
      columnWidths,
      rowHeights,
      visuals: this.visuals,
      print: args.print,
    };
    if (args.tabColor) sheet.tabColor = args.tabColor;
    if (args.freezeRows) sheet.freezeRows = args.freezeRows;
    return sheet;
  }
}
