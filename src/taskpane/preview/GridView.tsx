/**
 * A simple spreadsheet view of the web app's workbook: sheet tabs, row/column headers, merged cells,
 * fills (highlights), the selected cell (data-cell, aria-selected). Big sheets show a window of rows
 * around the selection, never the whole sheet. Each sheet keeps its own scroll position when another tab
 * is shown and back; a selected cell is scrolled clear of the sticky row numbers and column letters.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter, fromA1, toA1 } from "../../core/a1";
import { cellAt, lastCol, lastRow } from "../../core/grid";
import { useStrings } from "../i18n";
import { displayValue, type PreviewSheet } from "./sheet-model";

export const MAX_ROWS = 200;
export const MAX_COLS = 40;
/** The column letters' row height (px). */
const HEADER_HEIGHT = 22;

/**
 * The row numbers' column width (px) for the largest row number shown: digits at 7 px, plus padding. The
 * scroller's scroll padding is the same, so the browser's own scrolling (find in page) keeps cells clear of it.
 */
export function rowHeaderWidth(lastRow: number): number {
  return Math.max(3, String(lastRow).length) * 7 + 14;
}

const useGridStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", minHeight: 0, minWidth: 0, flexGrow: 1, gap: "4px" },
  tabs: { display: "flex", flexWrap: "wrap", gap: "2px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: "none",
    background: tokens.colorNeutralBackground3,
    padding: "4px 10px",
    cursor: "pointer",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    borderRadius: "4px 4px 0 0",
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  tabActive: { background: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold, color: "#0B6A0B" },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    minHeight: "200px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#fff",
  },
  table: {
    // Separate borders: sticky headers then paint over the rows scrolled beneath them.
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: "12px",
    fontFamily: "'Times New Roman', 'Liberation Serif', serif",
    "& td": {
      borderRight: "1px solid #D4D4D4",
      borderBottom: "1px solid #D4D4D4",
      padding: "2px 4px",
      minWidth: "48px",
      maxWidth: "260px",
      verticalAlign: "top",
      whiteSpace: "pre-wrap",
      overflowWrap: "anywhere",
    },
    "& th": {
      position: "sticky",
      backgroundColor: "#F3F3F3",
      borderRight: "1px solid #C8C8C8",
      borderBottom: "1px solid #C8C8C8",
      fontWeight: "normal",
      color: "#444",
      padding: "2px 4px",
      fontFamily: tokens.fontFamilyBase,
    },
    "& thead th": { top: 0, zIndex: 2, height: `${HEADER_HEIGHT}px`, boxSizing: "border-box" },
    "& thead th:first-child": { left: 0, zIndex: 3 },
    // The row numbers' column has a fixed width (the cells' scroll padding leaves it clear).
    "& tbody th, & thead th:first-child": { textAlign: "right", boxSizing: "border-box" },
    "& tbody th": { left: 0, zIndex: 1 },
  },
  selected: { outline: "2px solid #107C41", outlineOffset: "-2px" },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface GridViewProps {
  sheets: PreviewSheet[];
  activeSheet: string | null;
  selected: { sheet: string; cell: string } | null;
  onActivate: (sheet: string) => void;
}

/** Which rows and columns are shown, and the merged areas among them. */
interface GridLayout {
  first: number;
  last: number;
  rowsTotal: number;
  colsTotal: number;
  /** Merged areas' spans at their (visible) top-left cell, by "row,col". */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
  /** Cells a merged area covers (not drawn), by "row,col". */
  covered: Set<string>;
}

type CellAt = { row: number; col: number };

/** The window of rows shown (around the selection on a big sheet) and the merged areas within it. */
function gridLayout(sheet: PreviewSheet, sel: CellAt | null): GridLayout {
  const g = sheet.grid;
  const rowsTotal = Math.max(lastRow(g), sel?.row ?? 0, 1);
  const colsTotal = Math.min(Math.max(lastCol(g), sel?.col ?? 0, 1), Math.max(MAX_COLS, sel?.col ?? 0));
  let first = 1;
  if (sel && sel.row > MAX_ROWS) first = Math.max(1, sel.row - Math.floor(MAX_ROWS / 2));
  const last = Math.min(rowsTotal, first + MAX_ROWS - 1);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of g.merges) {
    const top = Math.max(m.top, first);
    const bottom = Math.min(m.bottom, last);
    const right = Math.min(m.right, colsTotal);
    if (top > bottom || m.left > right) continue;
    spans.set(`${top},${m.left}`, { rowSpan: bottom - top + 1, colSpan: right - m.left + 1 });
    for (let r = top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { first, last, rowsTotal, colsTotal, spans, covered };
}

/**
 * The sheet view's scrolling: each tab opens where it was left, and a new selection is scrolled clear of
 * the sticky headers. `remember` records the position as the user scrolls (it survives re-renders).
 */
function useSheetScroll(
  { scroller, selectedRef }: { scroller: RefObject<HTMLDivElement | null>; selectedRef: RefObject<HTMLTableCellElement | null> },
  shown: string | undefined,
  selected: GridViewProps["selected"],
  sheets: PreviewSheet[],
  lastShown: number,
) {
  /** Each sheet's scroll position, kept while another tab is shown. */
  const positions = useRef(new Map<string, { top: number; left: number }>());

  // A tab shown again opens where it was left (a sheet never shown opens at its top left).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !shown) return;
    const at = positions.current.get(shown) ?? { top: 0, left: 0 };
    el.scrollTop = at.top;
    el.scrollLeft = at.left;
  }, [shown, scroller]);

  // A new selection (a problem or a change clicked in the pane) is scrolled to the view's top left, as
  // Excel's Go To does: just beside the row numbers and under the column letters, never beneath them
  // (also for a cell taller or wider than the view). Only the sheet view scrolls, not the page (on a narrow
  // screen the pane above stays where the user is). Showing a tab again does not move it back to an old
  // selection: it opens where it was left.
  const scrolledFor = useRef<typeof selected>(null);
  useEffect(() => {
    const el = selectedRef.current;
    const box = scroller.current;
    if (!el || !box || selected === scrolledFor.current) return;
    scrolledFor.current = selected;
    const cell = el.getBoundingClientRect();
    const view = box.getBoundingClientRect();
    const letters = box.querySelector("thead")?.getBoundingClientRect().height ?? HEADER_HEIGHT;
    const numbers = el.parentElement?.querySelector("th")?.getBoundingClientRect().width ?? rowHeaderWidth(lastShown);
    box.scrollTop += cell.top - view.top - box.clientTop - letters;
    box.scrollLeft += cell.left - view.left - box.clientLeft - numbers;
  }, [selected, shown, sheets, lastShown, scroller, selectedRef]);

  const remember = () => {
    const el = scroller.current;
    if (el && shown) positions.current.set(shown, { top: el.scrollTop, left: el.scrollLeft });
  };
  return remember;
}

export function GridView({ sheets, activeSheet, selected, onActivate }: GridViewProps) {
  const t = useStrings();
  const s = useGridStyles();
  const sheet = sheets.find((x) => x.name === activeSheet) ?? sheets[0];
  const sel = selected && sheet && selected.sheet === sheet.name ? fromA1(selected.cell) : null;
  const selRow = sel?.row;
  const selCol = sel?.col;
  const layout = useMemo(
    () => (sheet ? gridLayout(sheet, selRow !== undefined && selCol !== undefined ? { row: selRow, col: selCol } : null) : null),
    [sheet, selRow, selCol],
  );
  const scroller = useRef<HTMLDivElement | null>(null);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const remember = useSheetScroll({ scroller, selectedRef }, sheet?.name, selected, sheets, layout?.last ?? 1);

  if (!sheet || !layout) return <p>{t.noSheets}</p>;
  const headerWidth = rowHeaderWidth(layout.last);
  const shownRows = layout.last - layout.first + 1;
  return (
    <div className={s.wrap}>
      <SheetTabs sheets={sheets} active={sheet.name} onActivate={onActivate} />
      <div
        ref={scroller}
        className={s.scroller}
        role="tabpanel"
        aria-label={t.gridLabel(sheet.name)}
        tabIndex={0}
        data-testid="grid-scroller"
        onScroll={remember}
        style={{ scrollPaddingLeft: `${headerWidth}px`, scrollPaddingTop: `${HEADER_HEIGHT}px` }}
      >
        <SheetTable sheet={sheet} layout={layout} sel={sel} selectedRef={selectedRef} />
      </div>
      {shownRows < layout.rowsTotal && <div className={s.note}>{t.gridCapped(shownRows, layout.rowsTotal)}</div>}
    </div>
  );
}

/** The sheet tabs (one button each, the shown one selected). */
function SheetTabs({ sheets, active, onActivate }: { sheets: PreviewSheet[]; active: string; onActivate: (sheet: string) => void }) {
  const t = useStrings();
  const s = useGridStyles();
  return (
    <div role="tablist" aria-label={t.sheetTabs} className={s.tabs}>
      {sheets.map((x) => (
        <button
          key={x.name}
          role="tab"
          type="button"
          aria-selected={x.name === active}
          className={`${s.tab} ${x.name === active ? s.tabActive : ""}`}
          onClick={() => onActivate(x.name)}
          data-sheet-tab={x.name}
        >
          {x.name}
        </button>
      ))}
    </div>
  );
}

interface SheetTableProps {
  sheet: PreviewSheet;
  layout: GridLayout;
  sel: CellAt | null;
  selectedRef: RefObject<HTMLTableCellElement | null>;
}

/** The grid itself: column letters, row numbers, the cells of the rows shown. */
function SheetTable({ sheet, layout, sel, selectedRef }: SheetTableProps) {
  const t = useStrings();
  const s = useGridStyles();
  const headerWidth = rowHeaderWidth(layout.last);
  const fixedWidth = { width: headerWidth, minWidth: headerWidth, maxWidth: headerWidth };
  const cols = Array.from({ length: layout.colsTotal }, (_, i) => i + 1);
  const rows = Array.from({ length: layout.last - layout.first + 1 }, (_, i) => layout.first + i);
  return (
    <table role="grid" aria-label={t.gridLabel(sheet.name)} className={s.table} data-sheet={sheet.name} data-testid="preview-grid">
      <thead>
        <tr>
          <th aria-hidden="true" style={fixedWidth} />
          {cols.map((c) => (
            <th key={c} scope="col">
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r}>
            <th scope="row" style={fixedWidth}>
              {r}
            </th>
            {cols.map((c) => {
              const key = `${r},${c}`;
              if (layout.covered.has(key)) return null;
              const isSel = !!sel && sel.row === r && sel.col === c;
              const span = layout.spans.get(key);
              const fill = sheet.fill(r, c);
              return (
                <td
                  key={c}
                  data-cell={toA1(r, c)}
                  aria-selected={isSel}
                  ref={isSel ? selectedRef : undefined}
                  className={isSel ? s.selected : undefined}
                  rowSpan={span?.rowSpan}
                  colSpan={span?.colSpan}
                  data-fill={fill ?? undefined}
                  style={fill ? { backgroundColor: fill } : undefined}
                >
                  {displayValue(sheet.grid, r, c, cellAt(sheet.grid, r, c))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
