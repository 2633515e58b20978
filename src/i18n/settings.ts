/**
 * What `phuluc settings FILE` prints: the settings, where each part of the document identity comes from
 * (the settings or the workbook, or not known yet), the unit list in use and, when the plan's lead
 * column proposes one, that list and how to adopt it. Vietnamese (default) and English.
 */
import type { SettingsJson } from "../core/document/settings-json";
import type { Commune, IdentityParts } from "../core/document/identity";
import type { UnitDef } from "../core/settings";
import { communeWords, planReference, referenceDate } from "./document";
import { plural } from "./format";
import type { Lang } from "../core/lang";

type Source = "settings" | "workbook" | "none";

export type SettingsTexts = typeof vi;

const vi = {
  title: (file: string) => `CÀI ĐẶT CỦA TỆP ${file}`.trimEnd(),
  written: "Đã ghi các cài đặt trên vào bản sao.",
  source: { settings: "theo cài đặt", workbook: "theo bảng tính", none: "chưa có" } as Record<Source, string>,
  commune: (v: string, src: string) => `Xã, phường, đặc khu: ${v} (${src})`,
  communeNone: 'Xã, phường, đặc khu: chưa rõ (bảng tính không ghi; hãy dùng --commune "xã …")',
  plan: (ref: string) => `Kế hoạch: ${ref}`,
  planPart: (label: string, v: string, src: string) => `  - ${label}: ${v} (${src})`,
  planLabels: { number: "số", date: "ngày", title: "trích yếu" },
  year: (y: number | null) => `Năm kế hoạch: ${y ?? "theo tiêu đề phụ lục"}`,
  signer: (title: string, name: string | null) => `Người ký: ${title} — ${name ?? "(chưa ghi họ tên; hãy dùng --signer)"}`,
  hidden: (on: boolean) => `Đọc cả trang ẩn: ${on ? "có" : "không"}`,
  units: (n: number, own: string | null) => `Danh sách đơn vị (${n}, ${own ? `mặc định của ${own}` : "do người dùng lập"}):`,
  unit: (u: UnitDef) => `  • ${u.name}${u.aliases.length ? ` (cách viết khác: ${u.aliases.join("; ")})` : ""}`,
  proposal: (unknown: number, leads: number) =>
    `ĐỀ XUẤT: ${unknown}/${leads} nhiệm vụ ghi cơ quan chủ trì không có trong danh sách trên. Danh sách lập từ cột Cơ quan chủ trì của kế hoạch (các cách viết gần giống nhau gộp làm một):`,
  adopt: (file: string) => `Để dùng danh sách đề xuất: phuluc settings ${file} -o TỆP_MỚI.xlsx --units-from-plan`,
  unitsMissing: "Cột Cơ quan chủ trì của kế hoạch không ghi tên đơn vị nào: danh sách đơn vị được giữ nguyên.",
  edit: (file: string) =>
    `Sửa cài đặt: phuluc settings ${file} -o TỆP_MỚI.xlsx --commune "phường …" --plan "Kế hoạch số …/KH-UBND ngày …" --signer "Họ tên" --signer-title "CHỦ TỊCH"`,
};

const en: typeof vi = {
  title: (file) => `SETTINGS OF ${file}`.trimEnd(),
  written: "The settings above were written into the copy.",
  source: { settings: "from the settings", workbook: "from the workbook", none: "none" },
  commune: (v, src) => `Commune: «${v}» (${src})`,
  communeNone: 'Commune: not known (the workbook does not name it; use --commune "xã …")',
  plan: (ref) => `Plan: «${ref}»`,
  planPart: (label, v, src) => `  - ${label}: «${v}» (${src})`,
  planLabels: { number: "number", date: "date", title: "subject" },
  year: (y) => `Plan year: ${y ?? "from the appendix titles"}`,
  signer: (title, name) => `Signer: «${title}» — ${name ? `«${name}»` : "(no name yet; use --signer)"}`,
  hidden: (on) => `Read hidden sheets: ${on ? "yes" : "no"}`,
  units: (n, own) => `Units (${plural(n, "unit", "units")}, ${own ? `the default list of a «${own}»` : "a list made by the user"}):`,
  unit: (u) => `  • «${u.name}»${u.aliases.length ? ` (also written: ${u.aliases.map((a) => `«${a}»`).join("; ")})` : ""}`,
  proposal: (unknown, leads) =>
    `PROPOSAL: ${plural(unknown, "task names", "tasks name")} a lead unit that is not in the list above (of ${leads}). The list from the plan's own lead unit column (spellings nearly the same grouped as one):`,
  adopt: (file) => `To use the proposed list: phuluc settings ${file} -o NEW.xlsx --units-from-plan`,
  unitsMissing: "The plan's lead unit column names no unit: the unit list is kept as it was.",
  edit: (file) =>
    `To change them: phuluc settings ${file} -o NEW.xlsx --commune "phường …" --plan "Kế hoạch số …/KH-UBND ngày …" --signer "Full name" --signer-title "CHỦ TỊCH"`,
};

export const SETTINGS_TEXTS: { readonly [L in Lang]: typeof vi } = { vi, en };

const sameCommune = (a: Commune | null, b: Commune | null) => !!a && !!b && a.kind === b.kind && a.name === b.name;

function sourceOf<T>(value: T | null, read: T | null, same = (a: T, b: T) => a === b): Source {
  if (value === null || value === undefined) return "none";
  return read !== null && read !== undefined && same(value, read) ? "workbook" : "settings";
}

export function identityLines(T: typeof vi, id: IdentityParts & { read: IdentityParts }): string[] {
  const out: string[] = [];
  if (id.commune) out.push(T.commune(communeWords(id.commune), T.source[sourceOf(id.commune, id.read.commune, sameCommune)]));
  else out.push(T.communeNone);
  out.push(T.plan(planReference(id, "short")));
  const { number, date, title } = id.plan;
  const parts: [keyof typeof T.planLabels, string | null, string | null, (v: string) => string][] = [
    ["number", number, id.read.plan.number, (v) => v],
    ["date", date, id.read.plan.date, (v) => referenceDate(v)],
    ["title", title, id.read.plan.title, (v) => v],
  ];
  for (const [label, v, read, show] of parts) if (v) out.push(T.planPart(T.planLabels[label], show(v), T.source[sourceOf(v, read)]));
  return out;
}

/** The proposal as the check's text report shows it (the same lines). */
export function proposalLines(p: NonNullable<SettingsJson["unitProposal"]>, lang: Lang, file: string): string[] {
  const T = SETTINGS_TEXTS[lang === "en" ? "en" : "vi"];
  return [T.proposal(p.unknown, p.leads), ...p.units.map(T.unit), T.adopt(file)];
}
