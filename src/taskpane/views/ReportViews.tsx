/**
 * The results of a check: headline, highlight buttons, issues, units and indicators. Memoised: while a
 * new check runs, the pane re-renders on every progress step (each ~16 ms slice) and these views — up to
 * hundreds of issue buttons — keep their render out of those steps (their props do not change).
 */
import { memo } from "react";
import { Button } from "@fluentui/react-components";
import type { Fix, Issue, Report } from "../../core/report-schema";
import { useStrings } from "../i18n";
import { useStyles } from "../styles";
import { Headline } from "./Headline";
import { IssuesView } from "./IssuesView";
import { UnitsTable } from "./UnitsTable";
import { IndicatorsTable } from "./IndicatorsTable";

export interface ReportViewsProps {
  report: Report;
  dueSoon: Record<string, number>;
  busy: boolean;
  /** Stable callbacks (usePane's), so the memo holds. */
  onSelect: (issue: Issue) => Promise<void>;
  onFix: (fix: Fix) => Promise<unknown>;
  onHighlight: () => Promise<unknown>;
  onClearHighlights: () => Promise<unknown>;
}

export const ReportViews = memo(function ReportViews({
  report,
  dueSoon,
  busy,
  onSelect,
  onFix,
  onHighlight,
  onClearHighlights,
}: ReportViewsProps) {
  const t = useStrings();
  const s = useStyles();
  return (
    <>
      <Headline report={report} />
      {report.issues.length > 0 && (
        <div className={s.buttonRow}>
          <Button disabled={busy} onClick={() => void onHighlight()}>
            {t.highlight}
          </Button>
          <Button disabled={busy} onClick={() => void onClearHighlights()}>
            {t.clearHighlight}
          </Button>
        </div>
      )}
      <IssuesView issues={report.issues} busy={busy} onSelect={(i) => void onSelect(i)} onFix={(f) => void onFix(f)} />
      <UnitsTable report={report} dueSoon={dueSoon} />
      <IndicatorsTable report={report} />
    </>
  );
});
