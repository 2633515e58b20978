/** The report's header and signature from the identity and the settings (Cài đặt → Báo cáo), with the defaults filled in. */
import { reportDocDefaults, reportDocText } from "../../i18n/report-doc";
import { agencyOf, communeCaps, KIND_WORDS, placeOf } from "../../i18n/document";
import type { Settings } from "../../core/settings";
import type { DocumentIdentity } from "../../core/document/identity";
import { dateLine } from "../summary/format";
import type { ReportDoc } from "./spec";

const clean = (s: string | undefined): string => (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
const caps = (s: string): string => s.toLocaleUpperCase("vi");

/** "Ủy ban nhân dân xã An Hòa" (how the agency is named in a sentence; "xã …" when its name is not known). */
export function agencyInProse(identity: DocumentIdentity): string {
  return agencyOf(identity.commune, "full");
}

/**
 * The issuing agency in capitals, one entry per printed line: the user's own lines (Cài đặt), else
 * "ỦY BAN NHÂN DÂN" over "XÃ AN HÒA" / "PHƯỜNG LÊ CHÂN" (Nghị định 30/2020/NĐ-CP).
 */
export function issuingAgencyLines(settings: Settings, identity: DocumentIdentity): string[] {
  const own = ownAgencyLines(settings.report?.issuingAgency);
  return own.length ? own : [reportDocText.committeeCaps, communeCaps(identity.commune)];
}

/**
 * An agency as the user wrote it, in capitals, one entry per printed line ([] when empty). One line
 * "ỦY BAN NHÂN DÂN XÃ …" prints as the form has it: the committee over the commune (or city).
 */
export function ownAgencyLines(text: string | undefined): string[] {
  const own = (text ?? "")
    .normalize("NFC")
    .split(/\n/)
    .map((l) => caps(clean(l)).replace(/^UỶ BAN/u, "ỦY BAN"))
    .filter(Boolean);
  const head = reportDocText.committeeCaps;
  if (own.length === 1 && own[0].startsWith(head + " ")) return [head, own[0].slice(head.length + 1)];
  return own;
}

/** "Số: 125/BC-UBND": a bare number gets the report's symbol; a full "125/BC-UBND" is kept; empty → a blank. */
export function documentNumber(settings: Settings): string {
  const n = clean(settings.report?.number).replace(/^số\s*:?\s*/iu, "");
  if (!n) return reportDocText.numberBlank;
  return n.includes("/") ? `Số: ${n}` : reportDocText.number(n);
}

export function reportHeaderOf(settings: Settings, identity: DocumentIdentity, asOf: string): ReportDoc["header"] {
  const parent = clean(settings.report?.parentAgency);
  return {
    parentAgency: parent ? caps(parent) : null,
    issuingAgency: issuingAgencyLines(settings, identity),
    number: documentNumber(settings),
    nationalName: reportDocText.nationalName,
    motto: reportDocText.motto,
    placeDate: dateLine(placeOf(identity.commune), asOf),
  };
}

/** "- X;" per recipient (the user's own "-" and ";" are not doubled), then "- Lưu: VT, …." */
export function recipientLines(settings: Settings, identity: DocumentIdentity): string[] {
  const list = settings.report?.recipients ?? reportDocDefaults.recipients(KIND_WORDS[identity.commune?.kind ?? "xa"]);
  const lines = list
    .map((r) =>
      clean(r)
        .replace(/^[-–•+]\s*/, "")
        .replace(/[;.,]+$/, ""),
    )
    .filter(Boolean);
  const archive =
    clean(settings.report?.archive)
      .replace(/^lưu\s*:?\s*/iu, "")
      .replace(/[.;]+$/, "") || reportDocDefaults.archive;
  return [...lines.map(reportDocText.recipient), reportDocText.archive(archive)];
}

/**
 * The signature's title lines as Nghị định 30/2020/NĐ-CP sets them: "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH"
 * (the chair signs for the committee); a vice-chair signs "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". A title given
 * alone ("CHỦ TỊCH", "PHÓ CHỦ TỊCH") gets the lines above it; one that starts with "TM." is kept as given.
 */
export function signerTitleLines(text: string): string[] {
  const own = text
    .split(/\n|\s+\/\s+/)
    .map((l) => caps(clean(l)))
    .filter(Boolean);
  if (!own.length) return [...reportDocDefaults.signerTitle];
  if (/^(TM|KT|Q|TL|TUQ)\.?\s/u.test(own[0])) return own;
  const [tm, chair] = reportDocDefaults.signerTitle;
  if (own.length === 1 && own[0] === chair) return [tm, chair];
  if (own.length === 1 && own[0] === reportDocText.viceChair) return [tm, reportDocText.onBehalfOfChair, own[0]];
  return own;
}

export function signatureOf(settings: Settings): ReportDoc["signature"] {
  const name = clean(settings.report?.signerName);
  return {
    titleLines: signerTitleLines(settings.report?.signerTitle ?? ""),
    name: name || null,
    namePlaceholder: reportDocText.signerPlaceholder,
  };
}
