/**
 * One line of a list that points at a cell (an issue, a change): a real button that selects the cell when
 * there is one ("D5 — text", with a coloured dot and a full spoken label), else the same line as plain text.
 */
import { Button } from "@fluentui/react-components";
import { useStyles } from "../styles";

export interface CellButtonProps {
  cell: string | null;
  /** What the line says after the cell. */
  text: string;
  /** The dot's colour. */
  color: string;
  /** What a screen reader says for the button (the line and what pressing it does). */
  label: string;
  /** Said before the text when there is no cell (e.g. the severity). */
  prefix?: string;
  /** Shown where the cell would be when there is none ("Cả trang"). */
  noCell?: string;
  onSelect: () => void;
}

export function CellButton({ cell, text, color, label, prefix, noCell, onSelect }: CellButtonProps) {
  const s = useStyles();
  const dot = <span className={s.severityDot} style={{ backgroundColor: color }} aria-hidden="true" />;
  if (!cell)
    return (
      <div className={s.issueButton} style={{ display: "flex", padding: "4px 8px" }}>
        {dot}
        {prefix && <span className={s.visuallyHidden}>{prefix}</span>}
        <span className={s.issueText}>
          {noCell && <span className={s.issueCell}>{noCell}</span>}
          {noCell ? ` — ${text}` : text}
        </span>
      </div>
    );
  return (
    <Button appearance="subtle" className={s.issueButton} icon={dot} onClick={onSelect} aria-label={label}>
      <span className={s.issueText}>
        <span className={s.issueCell}>{cell}</span> — {text}
      </span>
    </Button>
  );
}
