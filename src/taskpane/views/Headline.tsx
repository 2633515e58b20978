/** N tasks in M appendices, E errors, W warnings, overall completion and on-time rate; the hidden sheets skipped. */
import type { Report } from "../../core/report-schema";
import { formatPercent } from "../../i18n/ui";
import { useLang, useStrings } from "../i18n";
import { useStyles } from "../styles";

export function Headline({ report }: { report: Report }) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  const appendices = report.sheets.filter((x) => x.role === "appendix").length;
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  const skipped = report.skippedSheets ?? [];
  return (
    <section className={s.headline} aria-label={t.headline(report.tasks.length, appendices)} data-testid="headline">
      <div className={s.headlineMain}>{t.headline(report.tasks.length, appendices)}</div>
      <div className={s.counts}>
        <span className={errors ? s.error : undefined} data-testid="error-count">
          {t.errorCount(errors)}
        </span>
        <span className={warnings ? s.warning : undefined} data-testid="warning-count">
          {t.warningCount(warnings)}
        </span>
      </div>
      <div className={s.counts}>
        <span>
          {t.completionRate}: <strong>{formatPercent(report.total.completionRate, lang)}</strong>
        </span>
        <span>
          {t.onTimeRate}: <strong>{formatPercent(report.total.onTimeRate, lang)}</strong>
        </span>
      </div>
      {appendices === 0 && <div>{t.noAppendix}</div>}
      {skipped.length > 0 && (
        <div className={s.muted} data-testid="skipped-sheets">
          {t.skippedSheets(skipped.map((x) => x.name).join(", "))}
        </div>
      )}
    </section>
  );
}
