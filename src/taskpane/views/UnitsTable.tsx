/**
 * Counts per lead unit, coloured like the summary (red overdue, green done on time, amber due soon).
 * A wide pane shows every column. A narrow one (a task pane is ~350 px) shows the figures a meeting asks
 * for first — total, overdue, due soon, completion rate — and each unit's name opens its other figures
 * beneath it (a disclosure button), so nothing scrolls sideways.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import { Button } from "@fluentui/react-components";
import type { Report } from "../../core/report-schema";
import { formatPercent } from "../../i18n/ui";
import type { UiStrings } from "../../i18n/ui";
import { useLang, useStrings } from "../i18n";
import { useStyles } from "../styles";
import { TitledSection } from "./TitledSection";
import type { Lang } from "../../core/lang";

/** The table's width from which all its columns fit. */
const FULL_WIDTH = 640;

type UnitRow = Report["units"][number];

/** One figure of a unit: its column heading, its value and, when it calls for attention, its colour. */
interface Figure {
  kind: string;
  label: string;
  value: string | number;
  tone?: "red" | "green" | "amber";
}

function figures(u: UnitRow, soon: number, t: UiStrings, lang: Lang): { key: Figure[]; more: Figure[] } {
  return {
    key: [
      { kind: "total", label: t.colTotal, value: u.total },
      { kind: "overdue", label: t.colOverdue, value: u.overdue, tone: u.overdue ? "red" : undefined },
      { kind: "due_soon", label: t.colDueSoon, value: soon, tone: soon ? "amber" : undefined },
      { kind: "completion", label: t.colCompletion, value: formatPercent(u.completionRate, lang) },
    ],
    more: [
      { kind: "done_on_time", label: t.colDoneOnTime, value: u.done_on_time, tone: u.done_on_time ? "green" : undefined },
      { kind: "on_time", label: t.colOnTime, value: formatPercent(u.onTimeRate, lang) },
      { kind: "done_late", label: t.colDoneLate, value: u.done_late },
      { kind: "in_progress", label: t.colInProgress, value: u.in_progress },
      { kind: "recurring", label: t.colRecurring, value: u.recurring },
      { kind: "undetermined", label: t.colUndetermined, value: u.undetermined },
    ],
  };
}

/** Whether the element is at least `min` px wide (followed as the pane is resized). */
function useWide(ref: RefObject<HTMLElement | null>, min: number): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWide(el.getBoundingClientRect().width >= min);
    update();
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [ref, min]);
  return wide;
}

export function UnitsTable({ report, dueSoon }: { report: Report; dueSoon: Record<string, number> }) {
  const t = useStrings();
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const wide = useWide(box, FULL_WIDTH);
  if (report.units.length === 0) return null;
  const rows = report.units.map((u) => ({ unit: u.unit, ...figures(u, dueSoon[u.unit] ?? 0, t, lang) }));
  return (
    <div ref={box}>
      <TitledSection id="units" title={t.unitsTitle} scrollTable={wide}>
        {wide ? <FullTable rows={rows} /> : <CompactTable rows={rows} />}
      </TitledSection>
    </div>
  );
}

type Rows = { unit: string; key: Figure[]; more: Figure[] }[];

function Cell({ f }: { f: Figure }) {
  const s = useStyles();
  return (
    <td className={f.tone ? s[f.tone] : undefined} data-kind={f.kind}>
      {f.value}
    </td>
  );
}

/** Every column; the unit's name stays put while the table scrolls sideways. */
function FullTable({ rows }: { rows: Rows }) {
  const t = useStrings();
  const s = useStyles();
  const heads = [...rows[0].key, ...rows[0].more].map((f) => f.label);
  return (
    <table className={s.table} data-testid="units-table" data-layout="full">
      <thead>
        <tr>
          <th scope="col">{t.colUnit}</th>
          {heads.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.unit} data-unit={r.unit}>
            <th scope="row">{r.unit}</th>
            {[...r.key, ...r.more].map((f) => (
              <Cell key={f.kind} f={f} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The key figures; a unit's name opens the rest beneath it. */
function CompactTable({ rows }: { rows: Rows }) {
  const t = useStrings();
  const s = useStyles();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (unit: string) => setOpen((o) => new Set(o.has(unit) ? [...o].filter((u) => u !== unit) : [...o, unit]));
  return (
    <>
      <div className={s.muted}>{t.unitsDetailsHint}</div>
      <table className={s.table} data-testid="units-table" data-layout="compact">
        <thead>
          <tr>
            <th scope="col">{t.colUnit}</th>
            {rows[0].key.map((f) => (
              <th scope="col" key={f.kind}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <CompactRow key={r.unit} row={r} id={`unit-details-${i}`} open={open.has(r.unit)} onToggle={() => toggle(r.unit)} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function CompactRow({ row, id, open, onToggle }: { row: Rows[number]; id: string; open: boolean; onToggle: () => void }) {
  const s = useStyles();
  return (
    <>
      <tr data-unit={row.unit}>
        <th scope="row">
          <Button
            appearance="transparent"
            size="small"
            className={s.unitToggle}
            aria-expanded={open}
            aria-controls={id}
            icon={<span aria-hidden="true">{open ? "▾" : "▸"}</span>}
            onClick={onToggle}
          >
            {row.unit}
          </Button>
        </th>
        {row.key.map((f) => (
          <Cell key={f.kind} f={f} />
        ))}
      </tr>
      <tr id={id} data-unit-details={row.unit} hidden={!open}>
        <td colSpan={row.key.length + 1} className={s.unitDetails}>
          <dl className={s.figureList}>
            {row.more.map((f) => (
              <div key={f.kind} className={s.figure}>
                <dt>{f.label}</dt>
                <dd className={f.tone ? s[f.tone] : undefined} data-kind={f.kind}>
                  {f.value}
                </dd>
              </div>
            ))}
          </dl>
        </td>
      </tr>
    </>
  );
}
