/** Matching lead/support unit text against the workbook's unit list. (Owner: parsers.) */
import type { UnitDef } from "./settings";

export type LeadMatch =
  | { kind: "unit"; unit: string }
  | { kind: "missing" }
  | { kind: "generic" }
  | { kind: "multiple"; units: string[] }
  | { kind: "unknown"; suggestion?: string };

/**
 * Build a matcher for one unit list (precomputes keys; call once per analysis).
 * Rules (domain.md): NFC, case-insensitive, dashes and "&"/"và" unified, spaces collapsed, trailing "xã"
 * optional, VP = Văn phòng, TT = Trung tâm, VH-XH = Văn hóa - Xã hội; near misses → unknown + suggestion;
 * generic phrases ("Các đơn vị liên quan") → generic; several units in one cell → multiple.
 */
export function createUnitMatcher(units: UnitDef[]): (raw: string) => LeadMatch {
  throw new Error("not implemented");
}
