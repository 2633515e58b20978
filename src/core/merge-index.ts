/**
 * Merged areas indexed for point lookups, bounded whatever the areas are. Small areas (the usual: a group
 * title across a row, a lead merged over a few tasks) are indexed by cell, so a lookup costs one Map
 * access. Large ones — a merge over a whole sheet, 3,000 areas a million rows tall — are never expanded
 * cell by cell: they go into a segment tree over rows (each area at the O(log rows) nodes its rows
 * decompose into, sorted by left column), looked up in O(log rows · log areas).
 */
import type { MergeArea } from "./grid";

const STRIDE = 20000; // > Excel's 16,384 columns
/** An area of at most this many cells (inside the used range) is indexed by cell. */
const SMALL_AREA = 256;
/** Cells indexed one by one, at most (a Map of this size is a few tens of MB). */
const MAX_CELL_ENTRIES = 1_000_000;

/** Areas covering whole row spans, by segment-tree node; each node's list sorted by left column. */
class RowTree {
  private readonly nodes = new Map<number, MergeArea[]>();
  private readonly size: number;
  count = 0;

  constructor(rows: number) {
    let size = 1;
    while (size < rows) size *= 2;
    this.size = size;
  }

  add(m: MergeArea, top: number, bottom: number): void {
    this.insert(1, 1, this.size, top, bottom, m);
    this.count++;
  }

  private insert(node: number, lo: number, hi: number, top: number, bottom: number, m: MergeArea): void {
    if (bottom < lo || top > hi) return;
    if (top <= lo && hi <= bottom) {
      const list = this.nodes.get(node);
      if (list) list.push(m);
      else this.nodes.set(node, [m]);
      return;
    }
    const mid = (lo + hi) >> 1;
    this.insert(node * 2, lo, mid, top, bottom, m);
    this.insert(node * 2 + 1, mid + 1, hi, top, bottom, m);
  }

  /** Sort each node's areas by left column (stable: the first listed stays first among equals). */
  seal(): void {
    for (const list of this.nodes.values()) list.sort((a, b) => a.left - b.left);
  }

  at(row: number, col: number): MergeArea | undefined {
    if (row < 1 || row > this.size) return undefined;
    let node = 1;
    let lo = 1;
    let hi = this.size;
    for (;;) {
      const list = this.nodes.get(node);
      if (list) {
        const m = coveringIn(list, col);
        if (m) return m;
      }
      if (lo === hi) return undefined;
      const mid = (lo + hi) >> 1;
      if (row <= mid) {
        node *= 2;
        hi = mid;
      } else {
        node = node * 2 + 1;
        lo = mid + 1;
      }
    }
  }
}

/** The area covering `col` among areas sorted by left (the last one starting at or before it, if it reaches). */
function coveringIn(list: MergeArea[], col: number): MergeArea | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].left <= col) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Valid areas do not overlap; among overlapping ones, look back to the first that covers the column.
  for (let i = found; i >= 0 && i >= found - 8; i--) if (list[i].right >= col) return list[i];
  return undefined;
}

export class MergeIndex {
  private readonly byCell = new Map<number, MergeArea>();
  private readonly tree: RowTree;
  readonly empty: boolean;

  /**
   * Only cells inside the given bounds are indexed (the used range): a merge reaching far outside it
   * costs nothing. The first merge listed wins where small merges overlap (Excel does not allow overlaps).
   */
  constructor(merges: readonly MergeArea[], bounds: { top: number; left: number; bottom: number; right: number }) {
    this.tree = new RowTree(Math.max(1, bounds.bottom));
    for (const m of merges) {
      if (!isValid(m)) continue;
      if (m.top === m.bottom && m.left === m.right) continue;
      const top = Math.max(m.top, bounds.top);
      const bottom = Math.min(m.bottom, bounds.bottom);
      const left = Math.max(m.left, bounds.left);
      const right = Math.min(m.right, bounds.right);
      if (top > bottom || left > right) continue;
      const area = (bottom - top + 1) * (right - left + 1);
      if (area <= SMALL_AREA && this.byCell.size + area <= MAX_CELL_ENTRIES) this.indexCells(m, top, bottom, left, right);
      else this.tree.add(m, top, bottom);
    }
    this.tree.seal();
    this.empty = this.byCell.size === 0 && this.tree.count === 0;
  }

  private indexCells(m: MergeArea, top: number, bottom: number, left: number, right: number): void {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const k = r * STRIDE + c;
        if (!this.byCell.has(k)) this.byCell.set(k, m);
      }
    }
  }

  /** The merge covering a cell (1-based sheet coordinates), if any. */
  at(row: number, col: number): MergeArea | undefined {
    if (this.empty) return undefined;
    const m = this.byCell.get(row * STRIDE + col);
    if (m || this.tree.count === 0) return m;
    return this.tree.at(row, col);
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
