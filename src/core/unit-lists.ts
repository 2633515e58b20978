/**
 * The default unit lists, by the commune's kind (no zod: the task pane's first bundle shows them in
 * Cài đặt). Settings (settings.ts) re-exports them.
 */
import type { UnitDef } from "./settings";

/**
 * The commune's kind decides its offices' names (domain.md, "Units"): a ward (phường) has "… phường" and
 * its economic office is "Phòng Kinh tế, Hạ tầng và Đô thị"; a xã or đặc khu has "Phòng Kinh tế".
 */
export type UnitListKind = "xa" | "phuong" | "dac_khu";

const VHXH: UnitDef = {
  name: "Phòng Văn hóa - Xã hội",
  aliases: ["Phòng VH-XH", "Phòng VHXH", "Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội"],
};

/** The commune's own unit list (domain.md, from the plans' "Tổ chức thực hiện"). */
export const DEFAULT_UNITS: UnitDef[] = [
  VHXH,
  { name: "Văn phòng HĐND và UBND xã", aliases: ["Văn phòng HĐND&UBND xã", "VP HĐND và UBND", "VP HĐND-UBND xã"] },
  { name: "Phòng Kinh tế", aliases: ["Phòng Kinh tế xã"] },
  { name: "Công an xã", aliases: [] },
  { name: "Trung tâm Phục vụ hành chính công", aliases: ["Trung tâm Phục vụ hành chính công xã", "TT PVHCC", "TTPVHCC"] },
  { name: "Trung tâm Dịch vụ sự nghiệp công", aliases: ["Trung tâm Dịch vụ sự nghiệp công xã", "TT DVSNC"] },
];

/** A ward's list: the same offices in a ward's words. */
export const WARD_UNITS: UnitDef[] = [
  VHXH,
  { name: "Văn phòng HĐND và UBND phường", aliases: ["Văn phòng HĐND&UBND phường", "VP HĐND và UBND", "VP HĐND-UBND phường"] },
  {
    name: "Phòng Kinh tế, Hạ tầng và Đô thị",
    aliases: ["Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng, Đô thị", "Phòng KT, HT và ĐT", "Phòng KTHT&ĐT"],
  },
  { name: "Công an phường", aliases: [] },
  { name: "Trung tâm Phục vụ hành chính công phường", aliases: ["Trung tâm Phục vụ hành chính công", "TT PVHCC", "TTPVHCC"] },
  { name: "Trung tâm Dịch vụ sự nghiệp công phường", aliases: ["Trung tâm Dịch vụ sự nghiệp công", "TT DVSNC"] },
];

/** A special zone's list (đặc khu): a xã's offices, named for the zone. */
export const SPECIAL_ZONE_UNITS: UnitDef[] = [
  VHXH,
  { name: "Văn phòng HĐND và UBND đặc khu", aliases: ["Văn phòng HĐND&UBND đặc khu", "VP HĐND và UBND", "VP HĐND-UBND đặc khu"] },
  { name: "Phòng Kinh tế", aliases: ["Phòng Kinh tế đặc khu"] },
  { name: "Công an đặc khu", aliases: [] },
  { name: "Trung tâm Phục vụ hành chính công", aliases: ["Trung tâm Phục vụ hành chính công đặc khu", "TT PVHCC", "TTPVHCC"] },
  { name: "Trung tâm Dịch vụ sự nghiệp công", aliases: ["Trung tâm Dịch vụ sự nghiệp công đặc khu", "TT DVSNC"] },
];

const copyUnits = (units: readonly UnitDef[]): UnitDef[] => units.map((u) => ({ name: u.name, aliases: [...u.aliases] }));

/** The default unit list for a commune of this kind (a xã's when the kind is not known). */
export function defaultUnitsFor(kind: UnitListKind | null): UnitDef[] {
  return copyUnits(kind === "phuong" ? WARD_UNITS : kind === "dac_khu" ? SPECIAL_ZONE_UNITS : DEFAULT_UNITS);
}

const sameList = (a: readonly UnitDef[], b: readonly UnitDef[]): boolean =>
  a.length === b.length && a.every((u, i) => u.name === b[i].name && u.aliases.join("\u0001") === b[i].aliases.join("\u0001"));

/**
 * The unit list an analysis uses: the workbook's own when the user made one; a default list (never
 * edited) follows the commune's kind, so a ward's plan is read with a ward's offices.
 */
export function unitsFor(units: readonly UnitDef[], kind: UnitListKind | null): UnitDef[] {
  const isDefault = [DEFAULT_UNITS, WARD_UNITS, SPECIAL_ZONE_UNITS].some((d) => sameList(units, d));
  return isDefault ? defaultUnitsFor(kind) : copyUnits(units);
}
