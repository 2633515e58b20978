/**
 * Settings that belong to the workbook (stored in it by the adapters) so a colleague who opens the file
 * gets the same result. Validated with zod on load: corrupt settings fall back to defaults + a warning.
 */
import { z } from "zod";
import { defaultUnitsFor } from "./unit-lists";

export const UnitDefSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
});
export type UnitDef = z.infer<typeof UnitDefSchema>;

/**
 * What the report document (Báo cáo, Nghị định 30/2020/NĐ-CP) needs beyond the numbers: its header and
 * its signature block. Every field is optional (settings saved before it existed stay valid); an empty
 * or absent field takes the default of reportHeaderOf (src/documents/report-doc/header.ts).
 */
export const ReportHeaderSettingsSchema = z.object({
  /** The parent agency, first line of the header ("" = none, as for a commune's People's Committee). */
  parentAgency: z.string().max(200).optional(),
  /** The issuing agency ("ỦY BAN NHÂN DÂN\nXÃ AN HÒA"); empty = from the commune's name. */
  issuingAgency: z.string().max(200).optional(),
  /** The document's number ("125" → "Số: 125/BC-UBND"); empty = left blank for the clerk to fill in. */
  number: z.string().max(60).optional(),
  /** The signature block's title lines, one per line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"). */
  signerTitle: z.string().max(300).optional(),
  /** The signer's full name; empty = a marked blank. */
  signerName: z.string().max(120).optional(),
  /** "Nơi nhận:", one recipient per entry (without the leading "- " and the trailing ";"). */
  recipients: z.array(z.string().max(300)).max(40).optional(),
  /** Who keeps the copies ("VT, VHXH" → "- Lưu: VT, VHXH."). */
  archive: z.string().max(120).optional(),
});
export type ReportHeaderSettings = z.infer<typeof ReportHeaderSettingsSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SettingsSchema = z.object({
  version: z.literal(1),
  units: z.array(UnitDefSchema),
  /** Plan year when the sheets' titles do not say it; null = from titles, else the as-of year. */
  planYear: z.number().int().min(1900).max(2200).nullable(),
  /**
   * The commune as the user writes it ("xã An Hòa", "phường Lê Chân", "UBND đặc khu Cô Tô"); "" = as the
   * workbook names it (its heading block or attachment line, src/core/document). Wins over the workbook.
   */
  communeName: z.string(),
  /**
   * What the plan is about, for every document's title ("Chuyển đổi số năm 2026"; a leading "Kế hoạch" is
   * dropped). Optional (settings saved before it existed stay valid); empty = as the workbook says it.
   */
  planName: z.string().max(300).optional(),
  /** The plan's number ("45/KH-UBND"); empty or absent = as the workbook's attachment line says it. */
  planNumber: z.string().max(60).optional(),
  /** The date the plan was signed (ISO); absent = as the workbook says it. */
  planDate: isoDate.optional(),
  /**
   * Read hidden (and very hidden) appendix and indicator sheets too. Optional (settings saved before it
   * existed stay valid); absent or false = hidden sheets are skipped and listed in the report.
   */
  includeHiddenSheets: z.boolean().optional(),
  /** The report document's header and signature (optional; see ReportHeaderSettingsSchema). */
  report: ReportHeaderSettingsSchema.optional(),
  /** Names of the product's own summary sheets (recognised by marker, these are preferences). */
  summarySheetName: z.string().min(1).max(31),
});
export type Settings = z.infer<typeof SettingsSchema>;

export { DEFAULT_UNITS, SPECIAL_ZONE_UNITS, WARD_UNITS, defaultUnitsFor, unitsFor, type UnitListKind } from "./unit-lists";

/**
 * The commune name every workbook got by default before the commune was read from the workbook (the
 * seed commune's). Stored settings that still hold it were most often never typed by anyone: the
 * commune the workbook names wins over it (src/core/document/identity.ts).
 */
export const LEGACY_DEFAULT_COMMUNE = "UBND xã Chí Minh";

export function defaultSettings(): Settings {
  return {
    version: 1,
    units: defaultUnitsFor(null),
    planYear: null,
    communeName: "",
    planName: "",
    includeHiddenSheets: false,
    summarySheetName: "Tổng hợp",
  };
}

/** Parse stored settings (any JSON); never throws. */
export function parseSettings(raw: unknown): { settings: Settings; warning?: string } {
  if (raw === undefined || raw === null || raw === "") return { settings: defaultSettings() };
  let data = raw;
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw);
    } catch {
      return { settings: defaultSettings(), warning: "settings_corrupt" };
    }
  }
  const r = SettingsSchema.safeParse(data);
  if (!r.success) return { settings: defaultSettings(), warning: "settings_corrupt" };
  return { settings: r.data };
}
