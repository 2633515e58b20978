/**
 * Tạo báo cáo (.docx): the report document drafted from the last check. Where the pane can download, the
 * button gives the .docx; in Excel for Mac (no downloads from a task pane) one sentence says why and the
 * button writes the printable sheet "Báo cáo" into the workbook instead.
 */
import { Button } from "@fluentui/react-components";
import { COMMAND_STRINGS } from "../../i18n/commands";
import type { FileDelivery } from "../file-delivery";
import { useLang, useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";

export interface ReportPanelProps {
  busy: boolean;
  delivery: FileDelivery;
  onBuild: () => void;
}

export function ReportPanel({ busy, delivery, onBuild }: ReportPanelProps) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  return (
    <TitledSection id="report" title={t.reportTitle}>
      <div className={s.muted}>{delivery === "sheet" ? t.reportOnSheet : t.reportHint}</div>
      <div className={s.buttonRow}>
        <Button appearance="primary" disabled={busy} onClick={onBuild} data-testid="command-report">
          {delivery === "sheet" ? t.writeReportSheet : COMMAND_STRINGS[lang].report.label}
        </Button>
      </div>
    </TitledSection>
  );
}
