/**
 * The results of a check: headline, highlight buttons, issues, units and indicators. Memoised: while a
 * new check runs, the pane re-renders on every progress step (each ~16 ms slice) and these views — up to
 * hundreds of issue buttons — keep their render out of those steps (their props do not change).
 */
import { memo } from "react";
import { Button } from "@fluentui/react-components";
import { COMMANDS, type CommandDef } from "../../app/commands";
import type { Fix, Issue, Report } from "../../core/report-schema";
import { COMMAND_STRINGS } from "../../i18n/commands";
import { useLang } from "../i18n";
import { useStyles } from "../styles";
import { Headline } from "./Headline";
import { IssuesView } from "./IssuesView";
import { UnitsTable } from "./UnitsTable";
import { IndicatorsTable } from "./IndicatorsTable";
import { ChangesView } from "./ChangesView";
import type { ChangesState } from "../state/pane-state";

export interface ReportViewsProps {
  report: Report;
  dueSoon: Record<string, number>;
  busy: boolean;
  /** What changed since a summary snapshot (null until loaded). */
  changes: ChangesState | null;
  /** Stable callbacks (the pane controller's methods), so the memo holds. */
  onSelect: (target: Pick<Issue, "sheet" | "cell">) => Promise<void>;
  /** The changes section's chooser (a snapshot's seq; null: the default). */
  onChooseSnapshot: (seq: number | null) => Promise<unknown>;
  onFix: (fix: Fix) => Promise<unknown>;
  /** Runs a registry command with a results button (Đánh dấu, Xóa đánh dấu…). */
  onCommand: (def: CommandDef) => Promise<unknown>;
}

/** The registry's commands shown as plain buttons above the issues. */
const RESULT_COMMANDS: readonly CommandDef[] = COMMANDS.filter((c: CommandDef) => c.pane?.place === "results");

export const ReportViews = memo(function ReportViews({
  report,
  dueSoon,
  busy,
  changes,
  onSelect,
  onChooseSnapshot,
  onFix,
  onCommand,
}: ReportViewsProps) {
  const lang = useLang();
  const s = useStyles();
  return (
    <>
      <Headline report={report} />
      {changes && <ChangesView view={changes} report={report} busy={busy} onSelect={onSelect} onChoose={onChooseSnapshot} />}
      {report.issues.length > 0 && (
        <div className={s.buttonRow}>
          {RESULT_COMMANDS.map((def) => (
            <Button key={def.id} disabled={busy} onClick={() => void onCommand(def)} data-testid={`command-${def.id}`}>
              {COMMAND_STRINGS[lang][def.id as keyof (typeof COMMAND_STRINGS)["vi"]].label}
            </Button>
          ))}
        </div>
      )}
      <IssuesView issues={report.issues} busy={busy} onSelect={(i) => void onSelect(i)} onFix={(f) => void onFix(f)} />
      <UnitsTable report={report} dueSoon={dueSoon} />
      <IndicatorsTable report={report} />
    </>
  );
});
