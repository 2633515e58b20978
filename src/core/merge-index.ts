/** Merged areas indexed by cell, so a lookup costs one Map access (never a scan of all merges per cell). */
import type { MergeArea } from "./grid";

const STRIDE = 20000; // > Excel's 16,384 columns

export class MergeIndex {
  private readonly byCell = new Map<number, MergeArea>();
  readonly empty: boolean;

  /**
   * Only cells inside the given bounds are indexed (the used range): a merge reaching far outside it
   * costs nothing. The first merge listed wins where merges overlap (Excel does not allow overlaps).
   */
  constructor(merges: readonly MergeArea[], bounds: { top: number; left: number; bottom: number; right: number }) {
    for (const m of merges) {
      if (!isValid(m)) continue;
      if (m.top === m.bottom && m.left === m.right) continue;
      const top = Math.max(m.top, bounds.top);
      const bottom = Math.min(m.bottom, bounds.bottom);
      const left = Math.max(m.left, bounds.left);
      const right = Math.min(m.right, bounds.right);
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          const k = r * STRIDE + c;
          if (!this.byCell.has(k)) this.byCell.set(k, m);
        }
      }
    }
    this.empty = this.byCell.size === 0;
  }

  /** The merge covering a cell (1-based sheet coordinates), if any. */
  at(row: number, col: number): MergeArea | undefined {
    if (this.empty) return undefined;
    return this.byCell.get(row * STRIDE + col);
  }
}

function isValid(m: MergeArea): boolean {
  return (
    Number.isInteger(m.top) &&
    Number.isInteger(m.left) &&
    Number.isInteger(m.bottom) &&
    Number.isInteger(m.right) &&
    m.top >= 1 &&
    m.left >= 1 &&
    m.bottom >= m.top &&
    m.right >= m.left &&
    m.right < STRIDE
  );
}
