/** The report's header and signature from the settings (Cài đặt → Báo cáo), with the defaults filled in. */
import { reportDocDefaults, reportDocText } from "../../i18n/report-doc";
import type { Settings } from "../settings";
import { dateLine } from "../summary/format";
import { HEADER_COLUMNS_MM, PT_PER_MM, SIZES, TABLE_CELL_PADDING_MM } from "./form";
import type { ReportDoc } from "./spec";
import { textWidthPt } from "./text-width";

const clean = (s: string | undefined): string => (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
const caps = (s: string): string => s.toLocaleUpperCase("vi");

/** "UBND xã Chí Minh" → "Ủy ban nhân dân xã Chí Minh" (how the agency is named in a sentence). */
export function agencyInProse(communeName: string): string {
  const name = clean(communeName);
  return name.replace(/^(UBND|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu, reportDocText.committee + " ") || reportDocText.committee;
}

/**
 * The issuing agency in capitals, split into printed lines: the user's own line breaks, else after
 * "ỦY BAN NHÂN DÂN" when the whole name does not fit the header's left column on one line.
 */
export function issuingAgencyLines(settings: Settings): string[] {
  const own = (settings.report?.issuingAgency ?? "").normalize("NFC").trim();
  const text = own || caps(agencyInProse(settings.communeName));
  const lines = text
    .split(/\n/)
    .map((l) => caps(clean(l)))
    .filter(Boolean);
  if (lines.length !== 1) return lines;
  const one = lines[0].replace(/^UỶ BAN/u, "ỦY BAN");
  const room = (HEADER_COLUMNS_MM.left - 2 * TABLE_CELL_PADDING_MM) * PT_PER_MM;
  const head = reportDocText.committeeCaps;
  if (textWidthPt(one, SIZES.issuingAgency, true) > room && one.startsWith(head + " ")) return [head, one.slice(head.length + 1)];
  return [one];
}

/** "Số: 125/BC-UBND": a bare number gets the report's symbol; a full "125/BC-UBND" is kept; empty → a blank. */
export function documentNumber(settings: Settings): string {
  const n = clean(settings.report?.number).replace(/^số\s*:?\s*/iu, "");
  if (!n) return reportDocText.numberBlank;
  return n.includes("/") ? `Số: ${n}` : reportDocText.number(n);
}

export function reportHeaderOf(settings: Settings, asOf: string): ReportDoc["header"] {
  const parent = clean(settings.report?.parentAgency);
  return {
    parentAgency: parent ? caps(parent) : null,
    issuingAgency: issuingAgencyLines(settings),
    number: documentNumber(settings),
    nationalName: reportDocText.nationalName,
    motto: reportDocText.motto,
    placeDate: dateLine(settings.communeName, asOf),
  };
}

/** "- X;" per recipient (the user's own "-" and ";" are not doubled), then "- Lưu: VT, …." */
export function recipientLines(settings: Settings): string[] {
  const list = settings.report?.recipients ?? reportDocDefaults.recipients;
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

export function signatureOf(settings: Settings): ReportDoc["signature"] {
  const own = (settings.report?.signerTitle ?? "")
    .split(/\n/)
    .map((l) => caps(clean(l)))
    .filter(Boolean);
  const name = clean(settings.report?.signerName);
  return {
    titleLines: own.length ? own : [...reportDocDefaults.signerTitle],
    name: name || null,
    namePlaceholder: reportDocText.signerPlaceholder,
  };
}
