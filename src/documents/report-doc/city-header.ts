/**
 * Whose documents the city's are (phuluc consolidate): the issuing body and its parent, as the city's
 * settings give them (flags over the settings kept in the city's workbook; report-form.md), with the
 * defaults of Nghị định 30/2020/NĐ-CP filled in — the header, the report's number and symbol, the place of
 * the date line, the signature and the recipients. What is not known prints as a visible placeholder.
 */
import { cityReportText as R, cityText, type CityLevel } from "../../i18n/city-documents";
import { PLACEHOLDER, planReference } from "../../i18n/document";
import { reportDocText } from "../../i18n/report-doc";
import { nameInProse, readIssuer, type Issuer } from "../../core/consolidate/issuer";
import { NO_IDENTITY, planTitleFrom, type PlanIdentity } from "../../core/document/identity";
import type { Settings } from "../../core/settings";
import { dateLine } from "../summary/format";
import { ownAgencyLines, recipientLines, signatureOf, signerTitleLines } from "./header";
import type { ReportDoc } from "./spec";

export interface CityIdentity {
  /** The parent body in capitals (a department's People's Committee), or null. */
  parent: string | null;
  /** The issuing body in capitals, one entry per printed line (a placeholder when none is set). */
  issuer: string[];
  /** The issuing body in a sentence ("Ủy ban nhân dân thành phố Hải Phòng", "Sở Khoa học và Công nghệ"). */
  issuerProse: string;
  read: Issuer;
  /** The place of the date line ("Hải Phòng"), or the placeholder. */
  place: string;
  /** The city's own plan the communes carry out, when the settings name one. */
  plan: PlanIdentity | null;
}

const caps = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleUpperCase("vi");

export function cityIdentityOf(settings: Settings): CityIdentity {
  const own = ownAgencyLines(settings.report?.issuingAgency);
  const parent = caps(settings.report?.parentAgency ?? "") || null;
  const read = readIssuer(own.join(" "), parent ?? "");
  const plan: PlanIdentity = {
    number: settings.planNumber?.trim() || null,
    date: settings.planDate ?? null,
    title: planTitleFrom(settings.planName ?? ""),
  };
  return {
    parent,
    issuer: own.length ? own : [...cityText.issuerPlaceholder],
    issuerProse: own.length ? nameInProse(own.join(" ")) : cityText.issuerProsePlaceholder,
    read,
    place: read.place ?? PLACEHOLDER,
    plan: plan.number || plan.date || plan.title ? plan : null,
  };
}

/** The city's plan as the documents name it ("Kế hoạch số 12-KH/TU ngày 01/3/2026 về …"), or null. */
export function cityPlanReference(city: CityIdentity): string | null {
  return city.plan ? planReference({ ...NO_IDENTITY, plan: city.plan }, "none") : null;
}

function cityNumber(settings: Settings, city: CityIdentity): string {
  const symbol = city.read.symbol ?? "UBND";
  const n = (settings.report?.number ?? "")
    .normalize("NFC")
    .trim()
    .replace(/^số\s*:?\s*/iu, "");
  if (!n) return R.numberBlank(symbol);
  return n.includes("/") ? `Số: ${n}` : R.number(n, symbol);
}

export function cityReportHeader(settings: Settings, city: CityIdentity, asOf: string): ReportDoc["header"] {
  return {
    parentAgency: city.parent,
    issuingAgency: city.issuer,
    number: cityNumber(settings, city),
    nationalName: reportDocText.nationalName,
    motto: reportDocText.motto,
    placeDate: dateLine(city.place, asOf),
  };
}

/** A committee signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; a department "GIÁM ĐỐC" (a deputy: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"). */
export function citySignature(settings: Settings, city: CityIdentity): ReportDoc["signature"] {
  const title = (settings.report?.signerTitle ?? "").trim();
  const department = city.read.kind === "department";
  let lines: string[];
  if (department && !title) lines = [...R.signerDepartment];
  else if (department && caps(title) === R.viceDirector) lines = [R.onBehalfOfDirector, R.viceDirector];
  else lines = signerTitleLines(title);
  return { ...signatureOf(settings), titleLines: lines };
}

/** "Nơi nhận": the settings' list, else the usual one for a committee or a department of that level. */
export function cityRecipients(settings: Settings, city: CityIdentity): string[] {
  const level: CityLevel = city.read.level;
  const list =
    settings.report?.recipients ?? (city.read.kind === "department" ? R.recipientsDepartment(level) : R.recipientsCommittee(level));
  const archive = settings.report?.archive?.trim() || R.archive;
  return recipientLines({ ...settings, report: { ...settings.report, recipients: list, archive } }, NO_IDENTITY_DOC);
}

const NO_IDENTITY_DOC = { ...NO_IDENTITY, read: NO_IDENTITY };
