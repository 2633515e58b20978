/**
 * The city's report (Báo cáo, Nghị định 30/2020/NĐ-CP) drafted from the roll-up of its communes' plans,
 * built like a commune's report (build.ts) and written by the same renderer:
 *   I.   results: overall, each commune ranked (table), the indicators across communes (table), the data's
 *        quality (files left out, communes whose files still have errors);
 *   II.  the communes with the most overdue tasks (table), the indicators communes missed, causes (placeholder);
 *   III. the way ahead (placeholder);  IV. recommendations (placeholder).
 * The issuing body, its parent, number, signer and recipients come from the city's settings (city-header.ts).
 */
import { cityReportText as T, cityText } from "../../i18n/city-documents";
import { formatNumber, formatViDate } from "../../i18n/format";
import type { CityRollUp, RankedCommune } from "../../core/consolidate/roll-up";
import type { SkippedFile } from "../../core/consolidate/reads";
import type { Settings } from "../../core/settings";
import { cityFigureText } from "../summary/city/sheet-indicators";
import { heading, para, pct, qty } from "./build";
import { cityIdentityOf, cityPlanReference, cityRecipients, cityReportHeader, citySignature } from "./city-header";
import { reportDocText } from "../../i18n/report-doc";
import type { DocBlock, DocRow, DocTable, ReportDoc } from "./spec";

/** Communes listed in one table of the report (the lowest first when there are more); the workbook has them all. */
export const MAX_COMMUNES_LISTED = 300;
/** Left-out files named in the report; the workbook's «Tệp và vấn đề» lists them all. */
const MAX_SKIPPED_LISTED = 20;

const name = (c: RankedCommune) => cityText.commune(c.commune.kind, c.commune.name);

function overall(rollUp: CityRollUp): DocBlock[] {
  const t = rollUp.total;
  const k = rollUp.byKind;
  const out: DocBlock[] = [
    heading(2, T.overall),
    para(
      T.communesLine(qty(rollUp.communes.length), qty(k.xa), qty(k.phuong), qty(k.dac_khu), qty(rollUp.files), qty(rollUp.skipped.length)),
    ),
  ];
  if (!t.total) return out;
  const withOverdue = rollUp.communes.filter((c) => c.total.overdue > 0).length;
  out.push(para(T.tasksLine(qty(t.total), qty(t.recurring))));
  out.push(
    para(T.doneLine(qty(t.done_on_time + t.done_late), pct(t.completionRate), qty(t.done_on_time), pct(t.onTimeRate), qty(t.done_late))),
  );
  out.push(para(T.inProgressLine(qty(t.in_progress))), para(T.overdueLine(qty(t.overdue), qty(withOverdue))));
  if (t.undetermined) out.push(para(T.undeterminedLine(qty(t.undetermined))));
  out.push(para(T.bandsIntro), ...rollUp.bands.map((b) => para(T.bandLine(cityText.bands[b.band], qty(b.communes)))));
  return out;
}

function communeTable(rows: readonly RankedCommune[], total: CityRollUp["total"] | null): DocTable {
  const h = T.communeHead;
  const cells = (c: RankedCommune["total"]) => [
    formatNumber(c.total),
    formatNumber(c.done_on_time + c.done_late),
    formatNumber(c.overdue),
    pct(c.completionRate),
    pct(c.onTimeRate),
  ];
  return {
    columns: [
      { width: 10, align: "center" },
      { width: 40, align: "left" },
      { width: 16, align: "center" },
      { width: 16, align: "center" },
      { width: 14, align: "center" },
      { width: 16, align: "center" },
      { width: 16, align: "center" },
    ],
    head: [
      [
        { text: h.rank },
        { text: h.commune },
        { text: h.total },
        { text: h.done },
        { text: h.overdue },
        { text: h.completion },
        { text: h.onTime },
      ],
    ],
    rows: [
      ...rows.map((c): DocRow => ({ kind: "data", cells: [c.rank === null ? "—" : String(c.rank), name(c), ...cells(c.total)] })),
      ...(total ? [{ kind: "total", cells: ["", T.totalRow, ...cells(total)] } as DocRow] : []),
    ],
  };
}

function byCommune(rollUp: CityRollUp): DocBlock[] {
  const out: DocBlock[] = [heading(2, T.byCommune)];
  const all = rollUp.communes;
  if (!all.length) return [...out, para(cityText.noCommunes)];
  if (all.length <= MAX_COMMUNES_LISTED) return [...out, para(T.byCommuneIntro), { kind: "table", table: communeTable(all, rollUp.total) }];
  const lowest = all.slice(-MAX_COMMUNES_LISTED);
  return [...out, para(T.byCommuneLowest(qty(lowest.length), qty(all.length))), { kind: "table", table: communeTable(lowest, null) }];
}

function indicators(rollUp: CityRollUp): DocBlock[] {
  const out: DocBlock[] = [heading(2, T.indicators)];
  const inds = rollUp.indicators;
  if (!inds.length) return [...out, para(T.noIndicators)];
  const h = T.indicatorHead;
  const table: DocTable = {
    columns: [
      { width: 8, align: "center" },
      { width: 50, align: "left" },
      { width: 14, align: "center" },
      { width: 13, align: "center" },
      { width: 11, align: "center" },
      { width: 14, align: "center" },
      { width: 13, align: "center" },
      { width: 34, align: "left" },
    ],
    head: [[h.no, h.name, h.measure, h.listed, h.met, h.missed, h.noData, h.city].map((text) => ({ text }))],
    rows: inds.map((ind, i) => ({
      kind: "data",
      cells: [
        String(i + 1),
        ind.name,
        ind.unitOfMeasure,
        qty(ind.results.length),
        qty(ind.met),
        qty(ind.missed),
        qty(ind.noData),
        cityFigureText(ind),
      ],
    })),
  };
  return [...out, para(T.indicatorsIntro(qty(inds.length))), { kind: "table", table }];
}

function dataQuality(rollUp: CityRollUp, reasonOf: (s: SkippedFile) => string): DocBlock[] {
  const withErrors = rollUp.communes.filter((c) => c.errors > 0);
  const out: DocBlock[] = [
    heading(2, T.dataQuality),
    para(T.errorsLine(qty(withErrors.length), qty(withErrors.reduce((n, c) => n + c.errors, 0)))),
  ];
  const skipped = rollUp.skipped;
  if (!skipped.length) return out;
  out.push(para(T.skippedIntro(qty(skipped.length))));
  for (const s of skipped.slice(0, MAX_SKIPPED_LISTED)) out.push(para(T.skippedLine(s.file, reasonOf(s))));
  if (skipped.length > MAX_SKIPPED_LISTED) out.push(para(T.moreSkipped(qty(skipped.length - MAX_SKIPPED_LISTED))));
  return out;
}

function problems(rollUp: CityRollUp): DocBlock[] {
  const out: DocBlock[] = [heading(1, T.sectionProblems), heading(2, T.overdueTitle)];
  const overdue = rollUp.communes.filter((c) => c.total.overdue > 0).sort((a, b) => b.total.overdue - a.total.overdue);
  if (!overdue.length) out.push(para(T.noOverdue));
  else {
    const h = T.overdueHead;
    out.push(para(T.overdueIntro(qty(overdue.length), qty(rollUp.total.overdue))));
    out.push({
      kind: "table",
      table: {
        columns: [
          { width: 10, align: "center" },
          { width: 60, align: "left" },
          { width: 30, align: "center" },
          { width: 30, align: "center" },
        ],
        head: [[{ text: h.no }, { text: h.commune }, { text: h.overdue }, { text: h.completion }]],
        rows: overdue
          .slice(0, MAX_COMMUNES_LISTED)
          .map((c, i) => ({ kind: "data", cells: [String(i + 1), name(c), qty(c.total.overdue), pct(c.total.completionRate)] })),
      },
    });
  }
  out.push(heading(2, T.missedTitle));
  const missed = rollUp.indicators.filter((i) => i.missed > 0).sort((a, b) => b.missed - a.missed);
  if (!missed.length) out.push(para(T.noMissed));
  for (const ind of missed) out.push(para(T.missedLine(ind.name, qty(ind.missed), qty(ind.results.length))));
  out.push(heading(2, T.causesTitle), { kind: "placeholder", text: T.causesPlaceholder });
  return out;
}

export function buildCityReportDoc(rollUp: CityRollUp, settings: Settings, reasonOf: (s: SkippedFile) => string): ReportDoc {
  const city = cityIdentityOf(settings);
  const plan = cityPlanReference(city);
  const body: DocBlock[] = [
    para(T.opening(city.issuerProse, plan, qty(rollUp.communes.length), formatViDate(rollUp.asOf))),
    heading(1, T.sectionResults),
    ...overall(rollUp),
    ...byCommune(rollUp),
    ...indicators(rollUp),
    ...dataQuality(rollUp, reasonOf),
    ...problems(rollUp),
    heading(1, T.sectionNext),
    { kind: "placeholder", text: T.nextPlaceholder },
    heading(1, T.sectionProposals),
    { kind: "placeholder", text: T.proposalsPlaceholder },
    para(T.closing(city.issuerProse)),
  ];
  return {
    header: cityReportHeader(settings, city, rollUp.asOf),
    title: reportDocText.title,
    subject: [plan ? T.subjectWithPlan(plan) : T.subject],
    body,
    recipients: { title: reportDocText.recipientsTitle, lines: cityRecipients(settings, city) },
    signature: citySignature(settings, city),
    fileName: T.fileName(rollUp.asOf),
  };
}
