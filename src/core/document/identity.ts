/**
 * Whose document it is (domain.md): one commune-level People's Committee — its kind (xã, phường, đặc
 * khu) and name — and one plan — its number, date and title. Read from the workbook's own headings
 * (sheet-head.ts), then overridden by what the user saved (settings win, field by field). What neither
 * gives stays null, and the documents print a visible placeholder for it, never another commune's name.
 * Every document (summary sheets, the units' copies, the report) takes this one identity.
 */
import { z } from "zod";
import { LEGACY_DEFAULT_COMMUNE, type Settings } from "../settings";
import { COMMUNE_KINDS, parseCommune, readPlanReference, sameCommune, type Commune } from "./plan-ref";
import type { HeadCommune, SheetHead } from "./sheet-head";

export { COMMUNE_KINDS, type Commune, type CommuneKind } from "./plan-ref";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CommuneSchema = z.object({ kind: z.enum(COMMUNE_KINDS), name: z.string() });

export const PlanIdentitySchema = z.object({
  /** "45/KH-UBND". */
  number: z.string().nullable(),
  /** The date it was signed (ISO). */
  date: isoDate.nullable(),
  /** What it is about ("Chuyển đổi số năm 2026"), without "Kế hoạch". */
  title: z.string().nullable(),
});
export type PlanIdentity = z.infer<typeof PlanIdentitySchema>;

export const IdentityPartsSchema = z.object({ commune: CommuneSchema.nullable(), plan: PlanIdentitySchema });
export type IdentityParts = z.infer<typeof IdentityPartsSchema>;

/** The identity the documents use (settings over the workbook), and what the workbook itself says. */
export const DocumentIdentitySchema = IdentityPartsSchema.extend({ read: IdentityPartsSchema });
export type DocumentIdentity = z.infer<typeof DocumentIdentitySchema>;

export const NO_IDENTITY: IdentityParts = Object.freeze({
  commune: null,
  plan: Object.freeze({ number: null, date: null, title: null }),
}) as IdentityParts;

/** A sheet's heading, with where the sheet is in the workbook. */
export interface SheetHeadAt {
  sheet: string;
  index: number;
  head: SheetHead;
}

/** A commune named in the workbook besides the one used. */
export interface CommuneConflict {
  used: { commune: Commune; sheet: string };
  other: HeadCommune & { sheet: string; index: number };
}

export interface ReadIdentity {
  parts: IdentityParts;
  /** Each other commune the workbook names, once, where it is first named. */
  conflicts: CommuneConflict[];
}

/**
 * What the workbook says, from its sheets' headings in the order given (the caller puts the appendices
 * first): the first commune named (a heading block or an attachment line) is the workbook's; the plan
 * is the first attachment line's that names any of it, its number and date else from a heading block's
 * "Số: …/KH-…" and date, its title else from a "KẾ HOẠCH" heading.
 */
export function readIdentity(heads: readonly SheetHeadAt[]): ReadIdentity {
  const communes = heads.flatMap((h) => h.head.communes.map((c) => ({ ...c, sheet: h.sheet, index: h.index })));
  const first = communes[0];
  const conflicts: CommuneConflict[] = [];
  for (const c of communes) {
    if (sameCommune(c.commune, first.commune) || conflicts.some((k) => sameCommune(k.other.commune, c.commune))) continue;
    conflicts.push({ used: { commune: first.commune, sheet: first.sheet }, other: c });
  }
  const withPlan = heads.find((h) => h.head.attachment && (h.head.attachment.number || h.head.attachment.date || h.head.attachment.title));
  const attached = withPlan?.head.attachment ?? null;
  const block = heads.find((h) => h.head.number);
  const plan: PlanIdentity = {
    number: attached?.number ?? block?.head.number ?? null,
    // the heading block's date is the plan's when its "Số: …" is the plan's number
    date: attached?.date ?? (block && (!attached?.number || attached.number === block.head.number) ? block.head.date : null),
    title: attached?.title ?? heads.find((h) => h.head.planTitle)?.head.planTitle ?? null,
  };
  return { parts: { commune: first ? withPlaceCasing(first.commune, heads) : null, plan }, conflicts };
}

/** A name read in capitals ("AN HÒA" → "An Hòa") takes the casing of the place line when it names the same. */
function withPlaceCasing(c: Commune, heads: readonly SheetHeadAt[]): Commune {
  for (const h of heads) {
    const place = h.head.place;
    if (place && sameCommune({ kind: c.kind, name: place }, c)) return { kind: c.kind, name: place };
  }
  return c;
}

/** "Kế hoạch Chuyển đổi số năm 2026" → "Chuyển đổi số năm 2026" (the documents add "Kế hoạch" themselves). */
export function planTitleFrom(text: string): string | null {
  const t = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!t) return null;
  return t.replace(/^kế\s+hoạch\s+/iu, "").trim() || null;
}

/** The commune the settings name, or null ("" or only the old default while the workbook names another). */
function communeOfSettings(settings: Settings, read: Commune | null): Commune | null {
  const text = (settings.communeName ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (!text || (text === LEGACY_DEFAULT_COMMUNE && read)) return null;
  const parsed = parseCommune(text);
  if (parsed) return parsed;
  // a name without its kind ("An Hòa"): the workbook's kind, else a xã
  const name = text.replace(/^(?:ủy ban nhân dân|ubnd)\s+/iu, "");
  return { kind: read?.kind ?? "xa", name };
}

/** The identity the documents use: each field the settings give, else the workbook's. */
export function resolveIdentity(read: IdentityParts, settings: Settings): DocumentIdentity {
  const number = settings.planNumber?.trim();
  const title = planTitleFrom(settings.planName ?? "");
  return {
    commune: communeOfSettings(settings, read.commune) ?? read.commune,
    plan: {
      number: number || read.plan.number,
      date: settings.planDate || read.plan.date,
      title: title ?? read.plan.title,
    },
    read,
  };
}

/**
 * The identity a document uses: what the report read from the workbook, with the settings given (the
 * document's own, saved since the check or not) over it. A report made before identities were read
 * has only the settings.
 */
export function identityOf(report: { identity?: DocumentIdentity }, settings: Settings): DocumentIdentity {
  return resolveIdentity(report.identity?.read ?? NO_IDENTITY, settings);
}

/** A plan as a user types it ("Kế hoạch số 25/KH-UBND ngày 15/3/2026"), as settings fields. */
export function planSettingsFrom(text: string): { planNumber: string; planDate?: string; planName: string } | null {
  const ref = readPlanReference(text);
  if (ref.dateInvalid || (!ref.number && !ref.date && !ref.title)) return null;
  return { planNumber: ref.number ?? "", ...(ref.date ? { planDate: ref.date } : {}), planName: ref.title ?? "" };
}
