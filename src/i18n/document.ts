/**
 * How every document names its commune and its plan (the summary's title rows, the units' copies, the
 * report's header, subject and sentences), from the one identity the engine read (src/core/document).
 * What is not known prints as a visible placeholder ("XÃ …", "…, ngày …"), never another commune's name.
 * Vietnamese only: these are words of Vietnamese state documents, whatever language the pane shows.
 */
import type { Commune, CommuneKind, IdentityParts } from "../core/document/identity";

/** What stands where a name or a number is not known. */
export const PLACEHOLDER = "…";

export const KIND_WORDS: { readonly [K in CommuneKind]: string } = { xa: "xã", phuong: "phường", dac_khu: "đặc khu" };

export const documentText = {
  committee: "Ủy ban nhân dân",
  committeeShort: "UBND",
  committeeCaps: "ỦY BAN NHÂN DÂN",
  plan: "Kế hoạch",
  /** "số 45/KH-UBND"; a blank for the clerk when the number is not known. */
  number: (n: string) => `số ${n}`,
  numberBlank: `số ${PLACEHOLDER}/KH-UBND`,
  date: (d: string) => `ngày ${d}`,
  dateBlank: `ngày ${PLACEHOLDER}`,
  of: (agency: string) => `của ${agency}`,
  about: (title: string) => `về ${title}`,
};

const caps = (s: string): string => s.toLocaleUpperCase("vi");

/** "xã An Hòa" (a ward: "phường Lê Chân"); "xã …" when the name is not known. */
export function communeWords(c: Commune | null): string {
  return `${KIND_WORDS[c?.kind ?? "xa"]} ${c?.name || PLACEHOLDER}`;
}

/** "XÃ AN HÒA", "PHƯỜNG LÊ CHÂN", "XÃ …". */
export function communeCaps(c: Commune | null): string {
  return caps(communeWords(c));
}

/** The place of the date line: the commune's name ("An Hòa, ngày …"), "…" when not known. */
export function placeOf(c: Commune | null): string {
  return c?.name || PLACEHOLDER;
}

/** "Ủy ban nhân dân xã An Hòa" (in a sentence), "UBND xã An Hòa" (short), or in capitals. */
export function agencyOf(c: Commune | null, form: "full" | "short" | "caps" = "full"): string {
  if (form === "caps") return `${documentText.committeeCaps} ${communeCaps(c)}`;
  return `${form === "short" ? documentText.committeeShort : documentText.committee} ${communeWords(c)}`;
}

/**
 * A date in a document's reference, as Nghị định 30/2020/NĐ-CP writes it: a day below 10 and the months
 * 1 and 2 with a leading zero ("10/3/2026", "05/02/2026").
 */
export function referenceDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `${m[3]}/${month <= 2 ? m[2] : String(month)}/${m[1]}`;
}

/**
 * The plan as the documents name it: "Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND xã An Hòa về
 * chuyển đổi số năm 2026". With neither number nor date: "Kế hoạch <title> của UBND xã …". Nothing known
 * at all: "Kế hoạch số …/KH-UBND ngày … của UBND xã …", blanks for the clerk. `agency`: how the commune
 * is named ("none" leaves it out, when the sentence names it itself).
 */
export function planReference(id: IdentityParts, agency: "full" | "short" | "none" = "short"): string {
  const { number, date, title } = id.plan;
  const T = documentText;
  const parts = [T.plan];
  const referenced = !!(number || date);
  if (referenced) {
    if (number) parts.push(T.number(number));
    if (date) parts.push(T.date(referenceDate(date)));
  } else if (title) parts.push(title);
  else parts.push(T.numberBlank, T.dateBlank);
  if (agency !== "none") parts.push(T.of(agencyOf(id.commune, agency)));
  if (referenced && title) parts.push(T.about(title));
  return parts.join(" ");
}
