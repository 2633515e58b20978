/** Counts per lead unit, coloured like the summary (red overdue, green done on time, amber due soon). */
import type { Report } from "../../core/report-schema";
import { formatPercent } from "../../i18n/ui";
import { useLang, useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

export function UnitsTable({ report, dueSoon }: { report: Report; dueSoon: Record<string, number> }) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  if (report.units.length === 0) return null;
  // The columns a meeting asks for first (overdue, due soon, rates) come first: at 320 px they are visible
  // without scrolling; the unit name stays put while the table scrolls sideways.
  const cols = [
    t.colTotal,
    t.colOverdue,
    t.colDueSoon,
    t.colDoneOnTime,
    t.colCompletion,
    t.colOnTime,
    t.colDoneLate,
    t.colInProgress,
    t.colRecurring,
    t.colUndetermined,
  ];
  return (
    <TitledSection id="units" title={t.unitsTitle} scrollTable>
      <table className={s.table} data-testid="units-table">
        <thead>
          <tr>
            <th scope="col">{t.colUnit}</th>
            {cols.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.units.map((u) => {
            const soon = dueSoon[u.unit] ?? 0;
            return (
              <tr key={u.unit} data-unit={u.unit}>
                <th scope="row">{u.unit}</th>
                <td>{u.total}</td>
                <td className={u.overdue ? s.red : undefined} data-kind="overdue">
                  {u.overdue}
                </td>
                <td className={soon ? s.amber : undefined} data-kind="due_soon">
                  {soon}
                </td>
                <td className={u.done_on_time ? s.green : undefined} data-kind="done_on_time">
                  {u.done_on_time}
                </td>
                <td>{formatPercent(u.completionRate, lang)}</td>
                <td>{formatPercent(u.onTimeRate, lang)}</td>
                <td>{u.done_late}</td>
                <td>{u.in_progress}</td>
                <td>{u.recurring}</td>
                <td>{u.undetermined}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TitledSection>
  );
}
