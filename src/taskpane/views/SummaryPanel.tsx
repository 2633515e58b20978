/** Build (or rebuild) the summary sheets; in the browser preview also download the workbook. */
import { Button } from "@fluentui/react-components";
import type { WriteSummaryResult } from "../../core/sheet-spec";
import { useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

export interface SummaryPanelProps {
  busy: boolean;
  result: WriteSummaryResult | null;
  onBuild: () => void;
}

export function SummaryPanel({ busy, result, onBuild }: SummaryPanelProps) {
  const t = useStrings();
  const s = useStyles();
  return (
    <TitledSection id="summary" title={t.summaryTitle}>
      <div className={s.buttonRow}>
        <Button appearance="primary" disabled={busy} onClick={onBuild}>
          {t.buildSummary}
        </Button>
      </div>
      {result && (
        <div data-testid="summary-result">
          <div>{t.summaryCreated(result.sheetNames)}</div>
          {result.replaced.length > 0 && <div className={s.muted}>{t.summaryReplaced(result.replaced)}</div>}
          {result.unapplied?.length ? <div data-testid="summary-unapplied">{t.summaryUnapplied(result.unapplied)}</div> : null}
        </div>
      )}
    </TitledSection>
  );
}
