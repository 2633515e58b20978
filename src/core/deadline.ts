/** Deadline cell → {raw, kind, due}. (Owner: parsers.) */
import type { CellValue } from "./grid";
import type { Deadline } from "./report-schema";

export interface DeadlineContext {
  /** Year for deadlines written without one. */
  planYear: number;
  /** The cell's number format (to recognise an Excel date serial). */
  numberFormat?: string | null;
}

/** Parse every form of domain.md's deadline table. Never throws; unreadable → kind "invalid". */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  throw new Error("not implemented");
}

/** A plan year from a title such as "NHIỆM VỤ TRỌNG TÂM TRONG NĂM 2026"; null if none. */
export function yearFromTitle(title: string): number | null {
  throw new Error("not implemented");
}
