/**
 * The sheet "Nhật ký gộp": every merge kept in the workbook's record, newest first — its date and files,
 * then one line per change (written, held back by a conflict, or left out by the person merging) and per
 * conflict, each with its file and cells (the return's and the plan's). A summary spec (both adapters
 * write it, replacing phuluc's earlier one, never a user's sheet), A4 landscape, the header repeated.
 */
import { formatViDate } from "../../i18n/format";
import { reportPrint } from "../summary/print";
import { SheetBuilder } from "../summary/sheet-builder";
import type { SummarySpec } from "../../core/sheet-spec";
import { TAB_COLOR } from "../summary/styles";
import type { Commune } from "../../core/document/identity";
import { agencyOf } from "../../i18n/document";
import { returnsSheetText } from "../../i18n/returns";
import type { MergesRecord } from "../../core/returned-copies/merge-schema";

export const MERGE_LOG_MARKER = "phuluc.merge-log.v1";
export const MERGE_LOG_KEY = "merge_log";
const COLUMNS = 11;

/** Red while a person still has to decide, green when written. */
function toneOf(outcome: string): "red" | "green" | undefined {
  const t = returnsSheetText;
  if (outcome.startsWith(t.outcomeConflict("")) || outcome.startsWith(t.outcomePending("").trim())) return "red";
  if (outcome.startsWith(t.outcomeApplied)) return "green";
  return undefined;
}

/** `commune`: the plan's (the sheet's heading names it). */
export function buildMergeLog(record: MergesRecord, commune: Commune | null): SummarySpec {
  const t = returnsSheetText;
  const b = new SheetBuilder(MERGE_LOG_KEY, t.logSheetName);
  b.mergeSet(1, 1, 4, agencyOf(commune, "short").toLocaleUpperCase("vi"), b.style("commune"));
  b.mergeSet(3, 1, COLUMNS, t.logTitle, b.style("title"));
  b.fixedHeights[2] = 8;
  let r = 5;
  const headerRow = r;
  const h = b.style("header");
  [
    t.colNo,
    t.colFile,
    t.colUnit,
    t.colReturnCell,
    t.colPlanCell,
    t.colTask,
    t.colField,
    t.colBefore,
    t.colAfter,
    t.colOutcome,
    t.colUnitWords,
  ].forEach((x, i) => b.set(r, i + 1, x, h));
  r++;
  const merges = [...record.merges].reverse();
  if (!merges.length) b.mergeSet(r++, 1, COLUMNS, t.noEntries, b.style("text"));
  for (const m of merges) {
    b.mergeSet(r++, 1, COLUMNS, t.logMergeHeading(formatViDate(m.on), m.files, m.undone), b.style("subhead"));
    b.mergeSet(r++, 1, COLUMNS, t.logCounts(m.applied, m.conflicts), b.style("text"));
    m.log.forEach((line, i) => {
      const tone = m.undone ? undefined : toneOf(line[8]);
      const text = b.style("text", tone ? { tone } : {});
      const center = b.style("center", tone ? { tone } : {});
      b.set(r, 1, i + 1, b.style("int", tone ? { tone } : {}));
      line.forEach((v, j) => b.set(r, j + 2, v, j === 2 || j === 3 || j === 5 ? center : text));
      r++;
    });
    if (m.truncated) b.mergeSet(r++, 1, COLUMNS, t.logMore(m.truncated), b.style("text"));
  }
  return {
    marker: MERGE_LOG_MARKER,
    sheets: [
      b.build({
        columns: COLUMNS,
        widthRules: [
          { min: 5, max: 6 },
          { min: 14, max: 24 },
          { min: 14, max: 24 },
          { min: 10, max: 16 },
          { min: 10, max: 16 },
          { min: 26, max: 48 },
          { min: 11, max: 16 },
          { min: 12, max: 24 },
          { min: 12, max: 24 },
          { min: 14, max: 30 },
          { min: 12, max: 24 },
        ],
        print: reportPrint(headerRow, Math.max(r - 1, headerRow), COLUMNS),
        tabColor: TAB_COLOR,
        freezeRows: headerRow,
      }),
    ],
  };
}
