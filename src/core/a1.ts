/** A1 addresses: 1-based row/column <-> "B12". */
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from "./grid";

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parse "B12" or "$B$12" into {row, col}; null when it is not a single-cell address inside Excel's grid. */
export function fromA1(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return null;
  const row = Number(m[2]);
  const col = columnNumber(m[1]);
  if (row < 1 || row > EXCEL_MAX_ROWS || col > EXCEL_MAX_COLS) return null;
  return { row, col };
}

/** "A1:C3" from corners. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}
