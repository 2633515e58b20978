/**
 * Settings that belong to the workbook (stored in it by the adapters) so a colleague who opens the file
 * gets the same result. Validated with zod on load: corrupt settings fall back to defaults + a warning.
 */
import { z } from "zod";

export const UnitDefSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
});
export type UnitDef = z.infer<typeof UnitDefSchema>;

/**
 * What the report document (Báo cáo, Nghị định 30/2020/NĐ-CP) needs beyond the numbers: its header and
 * its signature block. Every field is optional (settings saved before it existed stay valid); an empty
 * or absent field takes the default of reportHeaderOf (src/core/report-doc/header.ts).
 */
export const ReportHeaderSettingsSchema = z.object({
  /** The parent agency, first line of the header ("" = none, as for a commune's People's Committee). */
  parentAgency: z.string().max(200).optional(),
  /** The issuing agency ("ỦY BAN NHÂN DÂN XÃ CHÍ MINH"); empty = from the commune's name. */
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

export const SettingsSchema = z.object({
  version: z.literal(1),
  units: z.array(UnitDefSchema),
  /** Plan year when the sheets' titles do not say it; null = from titles, else the as-of year. */
  planYear: z.number().int().min(1900).max(2200).nullable(),
  /** Shown in the summary's title block ("UBND XÃ CHÍ MINH"). */
  communeName: z.string(),
  /**
   * The plan's own name for the summary's title ("Kế hoạch Khoa học và Công nghệ năm 2026"): appendix
   * sheets rarely carry it. Optional (settings saved before it existed stay valid); empty = use the
   * first appendix's title.
   */
  planName: z.string().max(300).optional(),
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

/** The commune's own unit list (domain.md, from the plans' "Tổ chức thực hiện"). */
export const DEFAULT_UNITS: UnitDef[] = [
  { name: "Phòng Văn hóa - Xã hội", aliases: ["Phòng VH-XH", "Phòng VHXH", "Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội"] },
  { name: "Văn phòng HĐND và UBND xã", aliases: ["Văn phòng HĐND&UBND xã", "VP HĐND và UBND", "VP HĐND-UBND xã"] },
  { name: "Phòng Kinh tế", aliases: ["Phòng Kinh tế xã"] },
  { name: "Công an xã", aliases: [] },
  { name: "Trung tâm Phục vụ hành chính công", aliases: ["Trung tâm Phục vụ hành chính công xã", "TT PVHCC", "TTPVHCC"] },
  { name: "Trung tâm Dịch vụ sự nghiệp công", aliases: ["Trung tâm Dịch vụ sự nghiệp công xã", "TT DVSNC"] },
];

export function defaultSettings(): Settings {
  return {
    version: 1,
    units: DEFAULT_UNITS.map((u) => ({ name: u.name, aliases: [...u.aliases] })),
    planYear: null,
    communeName: "UBND xã Chí Minh",
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
