/** Text the writers put into sheet XML. No Node API. */
/**
 * Excel's escape for text that would otherwise be read as one of its own escapes: a literal "_x000D_"
 * is written "_x005F_x000D_" (ST_Xstring).
 */
export function encodeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

/** Column number (1-based) → letters. */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return columnLetters(col) + row;
}
