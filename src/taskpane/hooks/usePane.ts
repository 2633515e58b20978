/**
 * The pane's state and actions, on top of a WorkbookPort. Every port call goes through `guard`, so an
 * adapter error (protected sheet, cell edit mode…) becomes a message and never an unhandled rejection.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Grid } from "../../core/grid";
import type { HighlightTarget, WorkbookPort } from "../../core/port";
import type { Fix, Issue, Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/summary/spec";
import { loadEngine } from "../engine";
import type { UiStrings } from "../../i18n/ui";
import { errorMessage } from "../errors";
import { fixEdits } from "../fixes";
import { parseUserDate } from "../dates";

export type Busy =
  | { kind: "reading"; done: number; total: number; sheet?: string }
  | { kind: "analysing" }
  | { kind: "summary" }
  | { kind: "working" };

export interface PaneState {
  /** null until loaded from the workbook. */
  settings: Settings | null;
  settingsWarning: string | null;
  asOf: string;
  busy: Busy | null;
  report: Report | null;
  /** Tasks due within 14 days, per unit (amber). */
  dueSoon: Record<string, number>;
  grids: Grid[];
  error: string | null;
  notice: string | null;
  summary: WriteSummaryResult | null;
  highlightedCount: number;
}

/** Let the browser paint (progress) before a long synchronous step. */
export const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

export function usePane(port: WorkbookPort, t: UiStrings, initialAsOf: string) {
  const [state, setState] = useState<PaneState>({
    settings: null,
    settingsWarning: null,
    asOf: initialAsOf,
    busy: null,
    report: null,
    dueSoon: {},
    grids: [],
    error: null,
    notice: null,
    summary: null,
    highlightedCount: 0,
  });
  const live = useRef(state);
  live.current = state;
  const running = useRef(false);
  const tRef = useRef(t);
  tRef.current = t;

  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);

  useEffect(() => {
    let cancelled = false;
    port.loadSettings().then(
      (loaded) => {
        if (cancelled) return;
        const w = loaded.warning;
        patch({ settings: loaded.settings, settingsWarning: w ? (w === "settings_corrupt" ? tRef.current.settingsCorrupt : w) : null });
      },
      (err) => !cancelled && patch({ error: errorMessage(err, tRef.current) }),
    );
    return () => {
      cancelled = true;
    };
  }, [port, patch]);

  /** Run one exclusive action; errors become the MessageBar. */
  const guard = useCallback(
    async <T>(busy: Busy, fn: () => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      patch({ busy, error: null, notice: null });
      try {
        return await fn();
      } catch (err) {
        patch({ error: errorMessage(err, tRef.current) });
        return undefined;
      } finally {
        running.current = false;
        patch({ busy: null });
      }
    },
    [patch],
  );

  const currentSettings = useCallback(async (): Promise<Settings> => {
    const s = live.current.settings;
    if (s) return s;
    const loaded = await port.loadSettings();
    patch({ settings: loaded.settings });
    return loaded.settings;
  }, [port, patch]);

  const runValidation = useCallback(async (settingsOverride?: Settings): Promise<Report> => {
    const asOf = parseUserDate(live.current.asOf);
    if (!asOf) throw new Error(tRef.current.asOfInvalid);
    const settings = settingsOverride ?? (await currentSettings());
    const engine = loadEngine();
    patch({ busy: { kind: "reading", done: 0, total: 0 } });
    const grids = await port.readSheets((p) => patch({ busy: { kind: "reading", done: p.done, total: p.total, sheet: p.sheet } }));
    patch({ busy: { kind: "analysing" } });
    const { analyzeForPane } = await engine;
    await yieldToUi();
    const { report, dueSoon } = analyzeForPane(grids, { asOf, settings });
    patch({ report, dueSoon, grids });
    return report;
  }, [port, patch, currentSettings]);

  const validate = useCallback(() => guard({ kind: "reading", done: 0, total: 0 }, () => runValidation()), [guard, runValidation]);

  const setAsOf = useCallback((asOf: string) => patch({ asOf }), [patch]);

  /** Selecting a cell is quick and may happen while nothing else runs: no busy state, errors still shown. */
  const select = useCallback(
    async (issue: Issue) => {
      if (!issue.cell) return;
      try {
        await port.select(issue.sheet, issue.cell);
      } catch (err) {
        patch({ error: errorMessage(err, tRef.current) });
      }
    },
    [port, patch],
  );

  const highlight = useCallback(
    () =>
      guard({ kind: "working" }, async () => {
        const report = live.current.report;
        if (!report) return;
        const seen = new Set<string>();
        const targets: HighlightTarget[] = [];
        for (const i of report.issues) {
          if (!i.cell) continue;
          const key = `${i.sheet}!${i.cell}`;
          if (seen.has(key)) {
            // An error wins over a warning on the same cell.
            if (i.severity === "error") {
              const prev = targets.find((x) => `${x.sheet}!${x.cell}` === key);
              if (prev) prev.severity = "error";
            }
            continue;
          }
          seen.add(key);
          targets.push({ sheet: i.sheet, cell: i.cell, severity: i.severity });
        }
        await port.highlight(targets);
        patch({ highlightedCount: targets.length, notice: tRef.current.highlighted(targets.length) });
      }),
    [guard, port, patch],
  );

  const clearHighlights = useCallback(
    () =>
      guard({ kind: "working" }, async () => {
        await port.clearHighlights();
        patch({ highlightedCount: 0, notice: tRef.current.highlightCleared });
      }),
    [guard, port, patch],
  );

  const applyFix = useCallback(
    (fix: Fix) =>
      guard({ kind: "working" }, async () => {
        const { decodeLegacy } = await loadEngine();
        const { sheet, edits } = fixEdits(fix, live.current.grids, decodeLegacy);
        if (edits.length === 0) {
          patch({ notice: tRef.current.fixNothing });
          return;
        }
        await port.writeCells(sheet, edits);
        await runValidation();
        // Show the user the cell that changed.
        if (fix.kind === "replace") await port.select(fix.sheet, fix.cell);
        patch({ notice: tRef.current.fixApplied });
      }),
    [guard, port, patch, runValidation],
  );

  const buildSummary = useCallback(
    () =>
      guard({ kind: "summary" }, async () => {
        const report = live.current.report ?? (await runValidation());
        patch({ busy: { kind: "summary" } });
        const { buildSummary: buildSpec } = await loadEngine();
        await yieldToUi();
        const spec = buildSpec(report, await currentSettings());
        const result = await port.writeSummary(spec);
        patch({ summary: result });
        return result;
      }),
    [guard, port, patch, runValidation, currentSettings],
  );

  const saveSettings = useCallback(
    (settings: Settings) =>
      guard({ kind: "working" }, async () => {
        await port.saveSettings(settings);
        patch({ settings, settingsWarning: null });
        // Results shown were computed with the old unit list: check again with the new one.
        if (live.current.report) await runValidation(settings);
        patch({ notice: tRef.current.saved });
        return true;
      }),
    [guard, port, patch, runValidation],
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  const setNotice = useCallback((notice: string | null) => patch({ notice }), [patch]);

  return { state, validate, setAsOf, select, highlight, clearHighlights, applyFix, buildSummary, saveSettings, dismissError, setNotice };
}

export type PaneApi = ReturnType<typeof usePane>;
