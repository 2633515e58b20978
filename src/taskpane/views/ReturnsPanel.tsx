/**
 * Báo cáo của các đơn vị: Gửi đơn vị (one file per lead unit — downloads, or in Excel for Mac each opened
 * as a new workbook to save) and Gộp báo cáo đơn vị… (files picked with a file input, read in the pane;
 * the proposed changes listed — cell, column, old → new, file, match confidence — each a checkbox, those a
 * conflict holds back unticked; the other conflicts listed; then written in one batch), and undo of the
 * last merge. Keyboard: every choice is a native checkbox or button; when the proposals appear, focus
 * moves to their heading (the region is labelled by it), and each checkbox is named by its task and change
 * (old → new) and described by its file, match and conflict. Picked files that are not workbooks are
 * listed with the reason; the others are still merged.
 */
import { memo, useEffect, useId, useRef } from "react";
import { Button, Checkbox } from "@fluentui/react-components";
import { REVIEW_KINDS, type ConflictKind } from "../../core/returned-copies/conflict-kinds";
import type { MergeConflict, ProposedChange } from "../../core/returned-copies/merge-schema";
import { formatViDate } from "../../i18n/format";
import { COMMAND_STRINGS } from "../../i18n/commands";
import { cellLabel, CONFLICT_LABELS, FIELD_LABELS, RETURNS_UI, type UnassignedView } from "../../i18n/returns";
import type { FileDelivery } from "../file-delivery";
import { useLang } from "../i18n";
import type { ReturnsState, UnitFileView } from "../state/returns-state";
import { STATUS_COLORS, useStyles } from "../styles";
import { CellButton } from "./CellButton";
import { TitledSection } from "./TitledSection";

/** Changes listed one by one (the others keep their default choice; select all / none reach them). */
export const MAX_LISTED = 300;

export interface ReturnsPanelProps {
  busy: boolean;
  delivery: FileDelivery;
  state: ReturnsState;
  /** Opens a made workbook in a new Excel window (Excel for Mac); absent where that cannot be done. */
  canOpen: boolean;
  onSplit: () => void;
  onFiles: (files: File[]) => void;
  onAccept: (ids: readonly string[], on: boolean) => void;
  onApply: () => void;
  onCancel: () => void;
  onUndo: () => void;
  onLoadState: () => void;
  onDownload: (file: UnitFileView) => void;
  onDownloadAll: (files: readonly UnitFileView[]) => void;
  onOpen: (file: UnitFileView) => void;
  /** Select a cell of the workbook (a task sent to no one). */
  onSelect: (target: { sheet: string; cell: string }) => void;
  /** Tạo lại bảng tổng hợp (the summary made before a merge). */
  onRebuildSummary: () => void;
}

export const ReturnsPanel = memo(function ReturnsPanel(props: ReturnsPanelProps) {
  const { busy, state, onLoadState } = props;
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  useEffect(() => void onLoadState(), [onLoadState]);
  const review = state.review;
  return (
    <TitledSection id="returns" title={t.title} testId="returns">
      <div className={s.muted}>{t.hint}</div>
      <ReturnsButtons {...props} />
      {state.split && <SplitFiles {...props} split={state.split} />}
      {review && <Review {...props} review={review} />}
      {state.stale.length > 0 && (
        <div className={s.section} data-testid="stale-summaries">
          <div className={s.muted}>{t.staleSummaries(state.stale)}</div>
          <div className={s.buttonRow}>
            <Button disabled={busy} onClick={props.onRebuildSummary} data-testid="rebuild-summary">
              {t.rebuildSummary}
            </Button>
          </div>
        </div>
      )}
    </TitledSection>
  );
});

/** Gửi đơn vị, Gộp báo cáo đơn vị… (its file input hidden behind it), and the undo of the last merge. */
function ReturnsButtons({ busy, state, onSplit, onFiles, onUndo }: ReturnsPanelProps) {
  const lang = useLang();
  const t = RETURNS_UI[lang];
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <div className={s.buttonRow}>
        <Button disabled={busy} onClick={onSplit} data-testid="command-split">
          {COMMAND_STRINGS[lang].split.label}
        </Button>
        <Button disabled={busy} onClick={() => input.current?.click()} data-testid="command-merge">
          {COMMAND_STRINGS[lang].merge.label}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.pickReturns}
          tabIndex={-1}
          style={{ display: "none" }}
          data-testid="merge-input"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = "";
            if (files.length) onFiles(files);
          }}
        />
      </div>
      {state.undoable && (!state.review || state.review.applied) && (
        <div className={s.buttonRow}>
          <Button disabled={busy} onClick={onUndo} data-testid="merge-undo">
            {t.undo(formatViDate(state.undoable.on), state.undoable.applied)}
          </Button>
        </div>
      )}
    </>
  );
}

/** The units' copies made by Gửi đơn vị: a download each and one of all, or (Excel for Mac) each opened in Excel. */
function SplitFiles(props: ReturnsPanelProps & { split: NonNullable<ReturnsState["split"]> }) {
  const { busy, delivery, canOpen, split } = props;
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  return (
    <div data-testid="split-files">
      <div>{t.splitFiles(split.files.length, split.unassigned.length)}</div>
      {split.unassigned.length > 0 && <Unassigned tasks={split.unassigned} onSelect={props.onSelect} />}
      {delivery === "sheet" && <div className={s.muted}>{canOpen ? t.openHint : t.noOpen}</div>}
      <ul className={s.issueList}>
        {split.files.map((f) => (
          <li key={f.fileName}>
            {delivery === "sheet" ? (
              canOpen && (
                <Button className={s.issueButton} disabled={busy} onClick={() => props.onOpen(f)}>
                  {t.openFile(f.fileName, f.tasks)}
                </Button>
              )
            ) : (
              <Button className={s.issueButton} appearance="subtle" onClick={() => props.onDownload(f)} data-testid="split-download">
                {t.downloadFile(f.fileName, f.tasks)}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {delivery === "download" && split.files.length > 1 && (
        <Button onClick={() => props.onDownloadAll(split.files)} data-testid="split-download-all">
          {t.downloadAll}
        </Button>
      )}
    </div>
  );
}

/** The tasks sent to no one, each a button to its lead cell (the cell to fix). */
function Unassigned({ tasks, onSelect }: { tasks: readonly UnassignedView[]; onSelect: ReturnsPanelProps["onSelect"] }) {
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  return (
    <ul className={s.issueList} data-testid="split-unassigned">
      {tasks.slice(0, MAX_LISTED).map((u) => {
        const cell = cellLabel(u.sheet, u.cell);
        const text = t.unassignedItem(u.stt, u.text, u.lead);
        return (
          <li key={`${u.sheet}!${u.cell}`}>
            <CellButton
              cell={cell}
              text={text}
              color={STATUS_COLORS.red.color}
              label={t.goToCell(cell, text)}
              onSelect={() => onSelect({ sheet: u.sheet, cell: u.cell })}
            />
          </li>
        );
      })}
    </ul>
  );
}

type ReviewProps = ReturnsPanelProps & { review: NonNullable<ReturnsState["review"]> };

/** What the review lists: every proposal at first; after «Ghi», only what still waits for a decision. */
function listed(review: ReviewProps["review"]) {
  const p = review.review.proposal;
  const waiting = review.applied ? new Set(review.applied.undecided) : null;
  const changes = waiting ? p.changes.filter((c) => waiting.has(c.id)) : p.changes;
  const loose = p.conflicts.filter((k) => !k.change && (!waiting || waiting.has(k.id)));
  return { p, changes, loose };
}

function Review(props: ReviewProps) {
  const { review } = props;
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  const headingId = `${useId()}-heading`;
  const heading = useRef<HTMLDivElement>(null);
  // A new proposal: bring keyboard and screen-reader users to it.
  useEffect(() => heading.current?.focus(), [review.review]);
  const { p, changes, loose } = listed(review);
  const title = review.applied
    ? t.remainingTitle(changes.length + loose.length)
    : t.reviewTitle(p.files.length, p.changes.length, p.conflicts.length);
  return (
    <div className={s.section} role="region" aria-labelledby={headingId} data-testid="merge-review">
      <div className={s.headline}>
        <div className={s.headlineMain} id={headingId} ref={heading} tabIndex={-1} role="heading" aria-level={3}>
          {title}
        </div>
        {!review.applied && <ReviewFiles review={review} />}
      </div>
      {changes.length > 0 && <ChangeList {...props} changes={changes} />}
      {loose.length > 0 && <ConflictList review={review} loose={loose} />}
      <ApplyBar {...props} changes={changes} />
    </div>
  );
}

function ReviewFiles({ review }: { review: ReviewProps["review"] }) {
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  const ids = useId();
  const p = review.review.proposal;
  return (
    <>
      <ul className={s.issueList} aria-label={t.filesTitle}>
        {p.files.map((f) => (
          <li key={f.label} className={s.muted} data-testid="merge-file">
            {t.fileLine(f.label, f.unit, f.tasks, f.matched)}
            {f.otherPlan ? ` — ${t.fileOtherPlan}` : f.record !== "ok" ? ` — ${t.fileNoRecord}` : ""}
            {!f.otherPlan && f.planChanged && f.sentOn ? ` — ${t.filePlanChanged(formatViDate(f.sentOn))}` : ""}
          </li>
        ))}
      </ul>
      {review.unreadable.length > 0 && (
        <div data-testid="merge-unreadable" style={{ color: STATUS_COLORS.red.color }}>
          <div id={`${ids}-unreadable`}>{t.unreadableTitle(review.unreadable.length)}</div>
          <ul className={s.issueList} aria-labelledby={`${ids}-unreadable`}>
            {review.unreadable.map((u) => (
              <li key={u.name}>{u.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Why a change waits: a conflict between sources, or a value that needs a person (a status nobody can read…). */
function heldText(lang: ReturnType<typeof useLang>, kinds: readonly ConflictKind[]): string {
  const t = RETURNS_UI[lang];
  const names = [...new Set(kinds)].map((k) => CONFLICT_LABELS[lang][k]).join("; ");
  return kinds.every((k) => REVIEW_KINDS.includes(k)) ? t.changeFlagged(names) : t.changeHeld(names);
}

function ChangeList({ busy, review, onAccept, changes }: ReviewProps & { changes: ProposedChange[] }) {
  const lang = useLang();
  const t = RETURNS_UI[lang];
  const fields = FIELD_LABELS[lang];
  const s = useStyles();
  const ids = useId();
  const p = review.review.proposal;
  const all = changes.map((c) => c.id);
  const fileLabel = (i: number) => p.files[i].label;
  return (
    <fieldset className={s.section} style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className={s.sectionTitle}>{review.applied ? t.waitingTitle : t.changesTitle}</legend>
      <div className={s.buttonRow}>
        <Button size="small" disabled={busy} onClick={() => onAccept(all, true)}>
          {t.selectAll}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onAccept(all, false)}>
          {t.selectNone}
        </Button>
      </div>
      <ul className={s.issueList}>
        {changes.slice(0, MAX_LISTED).map((c, i) => (
          <li key={c.id} className={s.issueRow} data-testid="merge-change">
            <Checkbox
              checked={review.accepted.has(c.id)}
              disabled={busy}
              onChange={(_, d) => onAccept([c.id], d.checked === true)}
              aria-describedby={`${ids}-from-${i}`}
              label={
                <span>
                  {/* The plan's cell as cells are shown everywhere in the pane; the change itself in the text's font. */}
                  <span className={s.issueCell}>{cellLabel(c.task.sheet, c.cell)}</span>
                  {" · "}
                  <span className={s.changeValue}>{t.changeValue(fields[c.field], c.before, c.after)}</span>
                  <br />
                  <span className={s.muted}>
                    {c.task.stt ? `${c.task.stt}. ` : ""}
                    {c.task.text}
                  </span>
                </span>
              }
            />
            {/* Under the label, past the checkbox's box. */}
            <div id={`${ids}-from-${i}`} className={s.muted} style={{ paddingInlineStart: "36px" }}>
              {t.changeFrom(
                [fileLabel(c.file), ...c.alsoIn.map(fileLabel)].join(", "),
                cellLabel(c.returnCell.sheet, c.returnCell.cell),
                c.confidence,
              )}
              {c.unitValue !== undefined && ` · ${t.unitWords(c.unitValue)}`}
              {c.conflicts.length > 0 && (
                <>
                  <br />
                  <span style={{ color: STATUS_COLORS.red.color }}>{heldText(lang, c.conflicts)}</span>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {changes.length > MAX_LISTED && <div className={s.muted}>{t.moreChanges(changes.length - MAX_LISTED)}</div>}
    </fieldset>
  );
}

function ConflictList({ review, loose }: { review: ReviewProps["review"]; loose: MergeConflict[] }) {
  const lang = useLang();
  const t = RETURNS_UI[lang];
  const s = useStyles();
  const ids = useId();
  const p = review.review.proposal;
  return (
    <div className={s.section}>
      <h3 className={s.sectionTitle} id={`${ids}-conflicts`}>
        {t.conflictsTitle(loose.length)}
      </h3>
      <ul className={s.issueList} aria-labelledby={`${ids}-conflicts`}>
        {loose.slice(0, MAX_LISTED).map((k) => (
          <li key={k.id} data-testid="merge-conflict" style={{ color: STATUS_COLORS.red.color }}>
            {t.conflictLine(
              CONFLICT_LABELS[lang][k.kind],
              p.files[k.file].label,
              [k.returnCell && cellLabel(k.returnCell.sheet, k.returnCell.cell), k.planCell && cellLabel(k.planCell.sheet, k.planCell.cell)]
                .filter(Boolean)
                .join(" → "),
              [k.task ? `${k.task.stt ? k.task.stt + ". " : ""}${k.task.text}` : "", k.value ? `«${k.value}»` : ""]
                .filter(Boolean)
                .join(" "),
            )}
          </li>
        ))}
      </ul>
      {loose.length > MAX_LISTED && <div className={s.muted}>{t.moreConflicts(loose.length - MAX_LISTED)}</div>}
    </div>
  );
}

/** «Ghi N thay đổi đã chọn», and beside it what the last «Ghi» did (focus moves there, where the user is). */
function ApplyBar({ busy, review, onApply, onCancel, changes }: ReviewProps & { changes: ProposedChange[] }) {
  const t = RETURNS_UI[useLang()];
  const s = useStyles();
  const result = useRef<HTMLDivElement>(null);
  const applied = review.applied;
  useEffect(() => {
    if (applied) result.current?.focus();
  }, [applied]);
  const chosen = changes.filter((c) => review.accepted.has(c.id)).length;
  const nothing = chosen === 0 && (applied !== null || review.review.proposal.conflicts.length === 0);
  return (
    <>
      <div className={s.buttonRow}>
        <Button appearance="primary" disabled={busy || nothing} onClick={onApply} data-testid="merge-apply">
          {t.apply(chosen)}
        </Button>
        <Button disabled={busy} onClick={onCancel} data-testid="merge-cancel">
          {applied ? t.close : t.cancel}
        </Button>
      </div>
      {applied && (
        <div ref={result} tabIndex={-1} role="status" className={s.muted} data-testid="merge-result">
          {t.appliedStep(applied.applied, applied.written.length, applied.undecided.length, applied.logSheet)}
        </div>
      )}
    </>
  );
}
