/**
 * "Thay đổi từ ngày …": what changed since a summary snapshot — a chooser of the snapshot to compare with,
 * the counts, then each change under its kind as a button that selects its cell (like the issues), and the
 * indicators whose actual or verdict moved. Shown once the workbook has at least one snapshot.
 */
import { memo, useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { TASK_CHANGE_KINDS, type TaskChangeKind } from "../../core/change-kinds";
import type { IndicatorChange, TaskChange } from "../../core/changes-schema";
import { formatViDate } from "../../i18n/format";
import type { Report, StatusCategory } from "../../core/report-schema";
import { formatNumber, formatPercent, type UiStrings } from "../../i18n/ui";
import { useLang, useStrings } from "../i18n";
import type { ChangesState } from "../state/pane-state";
import { STATUS_COLORS, useStyles } from "../styles";
import { TitledSection } from "./TitledSection";
import { CellButton } from "./CellButton";

const PAGE = 100;

export interface ChangesViewProps {
  view: ChangesState;
  report: Report;
  busy: boolean;
  /** Stable callbacks (the pane controller's methods). */
  onSelect: (target: { sheet: string; cell: string | null }) => Promise<void>;
  onChoose: (seq: number | null) => Promise<unknown>;
}

/** The colour of a kind (the summary's: green newly done, red newly overdue, amber deadline moved). */
function toneOf(kind: TaskChangeKind): string | undefined {
  if (kind === "done_on_time" || kind === "done_late") return STATUS_COLORS.green.color;
  if (kind === "overdue") return STATUS_COLORS.red.color;
  if (kind === "deadline_moved") return STATUS_COLORS.amber.color;
  return undefined;
}

function valueText(t: UiStrings, c: TaskChange, v: string | null): string {
  if (c.kind === "deadline_moved") return v ? formatViDate(v) : t.changeNoDeadline;
  if (c.kind === "lead_changed") return v ?? t.changeUnassigned;
  if (v === null) return "—";
  return t.changeStatus[v as StatusCategory] ?? v;
}

/** "STT 3 — Task text — before → after" (added: its status; removed: where it was). */
export function changeText(t: UiStrings, c: TaskChange): string {
  const parts: string[] = [];
  if (c.stt.trim()) parts.push(t.changeStt(c.stt.trim()));
  parts.push(c.content.replace(/\s+/g, " ").trim() || "—");
  if (c.kind === "added") parts.push(valueText(t, c, c.after));
  else if (c.kind === "removed") parts.push(t.changeRemovedFrom(c.sheet, c.row));
  else parts.push(`${valueText(t, c, c.before)} → ${valueText(t, c, c.after)}`);
  return parts.join(" — ");
}

export const ChangesView = memo(function ChangesView({ view, report, busy, onSelect, onChoose }: ChangesViewProps) {
  const t = useStrings();
  const s = useStyles();
  if (view.snapshots.length === 0 && !view.warning) return null;
  const changes = view.changes;
  const title = view.baseline ? t.changesSince(formatViDate(view.baseline.asOf)) : t.changesTitle;
  // Snapshots up to the report's date (a later one would read backwards).
  const choices = view.snapshots.filter((x) => x.asOf <= report.asOf);
  return (
    <TitledSection id="changes" title={title} testId="changes">
      {view.warning && (
        <MessageBar intent="warning" layout="multiline" politeness="polite">
          <MessageBarBody>{t.snapshotsDamaged(view.warning.kind === "corrupt" ? null : view.warning.count)}</MessageBarBody>
        </MessageBar>
      )}
      {choices.length > 0 && (
        <Field label={t.changesCompareWith} className={s.filterField}>
          <Select
            className={s.select}
            value={view.baseline ? String(view.baseline.seq) : ""}
            disabled={busy}
            onChange={(_, d) => void onChoose(d.value === "" ? null : Number(d.value))}
            data-testid="changes-since"
          >
            {!view.baseline && <option value="">{t.changesPickOne}</option>}
            {choices.map((x) => (
              <option key={x.seq} value={String(x.seq)}>
                {t.snapshotOption(formatViDate(x.asOf), x.tasks)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!changes && <p className={s.muted}>{t.changesNoEarlier}</p>}
      {changes && changes.tasks.length === 0 && changes.indicators.length === 0 && <p data-testid="no-changes">{t.changesNone}</p>}
      {changes && changes.tasks.length > 0 && (
        <div className={s.counts} data-testid="change-counts">
          {TASK_CHANGE_KINDS.filter((k) => changes.total[k] > 0).map((k) => (
            <span key={k} style={{ color: toneOf(k) }}>
              {t.changeCount(t.changeKinds[k], changes.total[k])}
            </span>
          ))}
        </div>
      )}
      {changes &&
        TASK_CHANGE_KINDS.map((kind) => {
          const list = changes.tasks.filter((c) => c.kind === kind);
          return list.length ? <KindGroup key={kind} kind={kind} list={list} onSelect={onSelect} /> : null;
        })}
      {changes && changes.indicators.length > 0 && <IndicatorChanges report={report} list={changes.indicators} onSelect={onSelect} />}
    </TitledSection>
  );
});

function KindGroup({ kind, list, onSelect }: { kind: TaskChangeKind; list: TaskChange[]; onSelect: ChangesViewProps["onSelect"] }) {
  const t = useStrings();
  const s = useStyles();
  const [limit, setLimit] = useState(PAGE);
  const color = toneOf(kind) ?? "#605E5C";
  const headingId = `changes-${kind}`;
  return (
    <div className={s.sheetGroup} data-testid="change-kind" data-kind={kind}>
      <h3 id={headingId} className={s.sheetTitle}>
        {t.changeKinds[kind]} ({list.length})
      </h3>
      <ul className={s.issueList} aria-labelledby={headingId}>
        {list.slice(0, limit).map((c) => {
          const text = changeText(t, c);
          return (
            <li
              key={`${c.id}-${c.kind}`}
              className={s.issueRow}
              data-testid="change"
              data-kind={c.kind}
              data-cell={c.cell ?? ""}
              data-sheet={c.sheet}
            >
              <CellButton
                cell={c.cell}
                text={text}
                color={color}
                label={c.cell ? `${t.changeKinds[kind]}: ${c.cell} — ${text}. ${t.changeGoTo(c.sheet, c.cell)}` : ""}
                onSelect={() => void onSelect({ sheet: c.sheet, cell: c.cell })}
              />
            </li>
          );
        })}
      </ul>
      {list.length > limit && (
        <Button appearance="subtle" onClick={() => setLimit(limit + PAGE)}>
          {t.showMore(Math.min(PAGE, list.length - limit))}
        </Button>
      )}
    </div>
  );
}

function IndicatorChanges({ report, list, onSelect }: { report: Report; list: IndicatorChange[]; onSelect: ChangesViewProps["onSelect"] }) {
  const t = useStrings();
  const lang = useLang();
  const s = useStyles();
  const value = (c: IndicatorChange, v: number | null, met: boolean | null) => {
    const ind = report.indicators.find((i) => i.sheet === c.sheet && i.row === c.row);
    const pct = !!ind && (ind.unitOfMeasure.trim() === "%" || /%/.test(ind.targetRaw ?? ""));
    const n = v === null ? "—" : pct ? formatPercent(v, lang) : formatNumber(v, lang);
    return `${n} (${met === true ? t.met : met === false ? t.notMet : t.unknown})`;
  };
  return (
    <div className={s.sheetGroup} data-testid="change-kind" data-kind="indicators">
      <h3 id="changes-indicators" className={s.sheetTitle}>
        {t.indicatorChangesTitle} ({list.length})
      </h3>
      <ul className={s.issueList} aria-labelledby="changes-indicators">
        {list.map((c) => {
          const color = c.metAfter === true ? STATUS_COLORS.green.color : c.metAfter === false ? STATUS_COLORS.red.color : "#605E5C";
          const text = `${c.name} — ${value(c, c.actualBefore, c.metBefore)} → ${value(c, c.actualAfter, c.metAfter)}`;
          return (
            <li key={`${c.sheet}-${c.row}`} className={s.issueRow} data-testid="indicator-change" data-cell={c.cell ?? ""}>
              <CellButton
                cell={c.cell}
                text={text}
                color={color}
                label={c.cell ? `${t.indicatorChangesTitle}: ${c.cell} — ${text}. ${t.changeGoTo(c.sheet, c.cell)}` : ""}
                onSelect={() => void onSelect({ sheet: c.sheet, cell: c.cell })}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
