/** The plan's indicators: target, actual, achievement, met (green) / not met (red). */
import type { Indicator, Report } from "../../core/report-schema";
import { formatNumber, formatPercent, type Lang } from "../../i18n/ui";
import { verdictWithSign } from "../../i18n/format";
import { useLang, useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

function isPercent(ind: Indicator): boolean {
  return ind.unitOfMeasure.trim() === "%" || /%/.test(ind.targetRaw ?? "");
}

function value(ind: Indicator, v: number | null, lang: Lang): string {
  if (v === null) return "—";
  return isPercent(ind) ? formatPercent(v, lang) : formatNumber(v, lang);
}

export function IndicatorsTable({ report }: { report: Report }) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  if (report.indicators.length === 0) return null;
  return (
    <TitledSection id="indicators" title={t.indicatorsTitle} scrollTable>
      <table className={s.table} data-testid="indicators-table">
        <thead>
          <tr>
            <th scope="col">{t.colIndicator}</th>
            <th scope="col">{t.colTarget}</th>
            <th scope="col">{t.colActual}</th>
            <th scope="col">{t.colAchievement}</th>
            <th scope="col">{t.colMet}</th>
          </tr>
        </thead>
        <tbody>
          {report.indicators.map((ind) => (
            <tr key={`${ind.sheet}-${ind.row}`}>
              <th scope="row">{ind.name}</th>
              <td>{ind.targetRaw || value(ind, ind.target, lang)}</td>
              <td>{value(ind, ind.actual, lang)}</td>
              <td>{formatPercent(ind.achievement, lang)}</td>
              <td className={ind.met === true ? s.green : ind.met === false ? s.red : undefined} data-met={String(ind.met)}>
                {ind.met === null ? t.unknown : verdictWithSign(ind.met ? t.met : t.notMet, ind.comparator, value(ind, ind.target, lang))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TitledSection>
  );
}
