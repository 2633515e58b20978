/**
 * The pane's state and actions, on top of a WorkbookPort. Every port call goes through `guard`, so an
 * adapter error (protected sheet, cell edit mode…) becomes a message and never an unhandled rejection.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnalyzeProgress } from "../../core/analyze";
import type { Grid } from "../../core/grid";
import type { HighlightTarget, WorkbookPort } from "../../core/port";
import type { Fix, Issue, Report } from "../../core/report-schema";
import type { Settings } from "../../core/settings";
import type { WriteSummaryResult } from "../../core/summary/spec";
import { loadEngine } from "../engine";
import type { Lang, UiStrings } from "../../i18n/ui";
import { errorMessage } from "../errors";
import { fixEdits } from "../fixes";
import { parseUserDate } from "../dates";

export type Busy =
  | { kind: "reading"; done: number; total: number; sheet?: string }
  | ({ kind: "analysing" } & Partial<AnalyzeProgress>)
  | { kind: "summary" }
  | { kind: "working" };

export interface PaneState {
  /** null until loaded from the workbook. */
  settings: Settings | null;
  settingsWarning: string | null;
  asOf: string;
  busy: Busy | null;
  /** A Kiểm tra run is under way: pressing Kiểm tra again starts over with fresh data. */
  checking: boolean;
  report: Report | null;
  /** Language of the report's issue messages (the pane's language when it was analysed). */
  reportLang: Lang;
  /** Tasks due within 14 days, per unit (amber). */
  dueSoon: Record<string, number>;
  grids: Grid[];
  error: string | null;
  notice: string | null;
  summary: WriteSummaryResult | null;
  highlightedCount: number;
}

/** A validation that was overtaken (Kiểm tra pressed again, the date changed): dropped silently. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "Cancelled";
  }
}

/** Let the browser paint (progress) before a long synchronous step. */
export const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

/** `lang`: the pane's language; issue messages are analysed in it, and re-analysed when it changes. */
export function usePane(port: WorkbookPort, t: UiStrings, initialAsOf: string, lang: Lang = "vi") {
  const [state, setState] = useState<PaneState>({
    settings: null,
    settingsWarning: null,
    asOf: initialAsOf,
    busy: null,
    checking: false,
    report: null,
    reportLang: lang,
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
  /** Bumped by every validation and every date change: a validation whose token is not current is stale. */
  const runToken = useRef(0);
  /** The Kiểm tra run under way (waiting for its turn or running), and a count of Kiểm tra presses. */
  const checkRun = useRef<Promise<unknown> | null>(null);
  const checkSeq = useRef(0);
  const tRef = useRef(t);
  tRef.current = t;
  const langRef = useRef(lang);
  langRef.current = lang;

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
        if (!(err instanceof Cancelled)) patch({ error: errorMessage(err, tRef.current) });
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

  /** Read and analyse the workbook; throws Cancelled when overtaken (its results are never shown). */
  const runValidation = useCallback(
    async (settingsOverride?: Settings): Promise<Report> => {
      const token = ++runToken.current;
      const stale = () => runToken.current !== token;
      const check = () => {
        if (stale()) throw new Cancelled();
      };
      const asOf = parseUserDate(live.current.asOf);
      if (!asOf) throw new Error(tRef.current.asOfInvalid);
      const settings = settingsOverride ?? (await currentSettings());
      check();
      const engine = loadEngine();
      patch({ busy: { kind: "reading", done: 0, total: 0 } });
      const grids = await port.readSheets(
        (p) => stale() || patch({ busy: { kind: "reading", done: p.done, total: p.total, sheet: p.sheet } }),
      );
      check();
      patch({ busy: { kind: "analysing" } });
      const { analyzeForPane } = await engine;
      check();
      // In slices: the pane repaints the progress and takes clicks (Kiểm tra again, the date) in between.
      const reportLang = langRef.current;
      const out = await analyzeForPane(
        grids,
        { asOf, settings, lang: reportLang },
        { onProgress: (p) => stale() || patch({ busy: { kind: "analysing", ...p } }), cancelled: stale },
      );
      check();
      if (!out) throw new Cancelled();
      // Toggled during the check: the effect below re-analyses these grids in the new language.
      patch({ report: out.report, reportLang, dueSoon: out.dueSoon, grids });
      return out.report;
    },
    [port, patch, currentSettings],
  );

  /**
   * The language was toggled after a check: analyse the grids already read again (no workbook read) so
   * the issue messages follow it. Same date and settings as the shown report; only the messages change,
   * so the issue list keeps its filters. Runs when the pane is idle (after any action under way).
   */
  const relocalizeFailed = useRef<{ report: Report; lang: Lang } | null>(null);
  useEffect(() => {
    const { report, reportLang, busy, grids } = state;
    if (!report || reportLang === lang || busy !== null || running.current) return;
    const failed = relocalizeFailed.current;
    if (failed && failed.report === report && failed.lang === lang) return; // its error is shown; Kiểm tra retries
    const done = guard({ kind: "analysing" }, async () => {
      // Toggled back meanwhile: stop; once idle, this effect runs again for the newest language.
      const stale = () => langRef.current !== lang;
      const settings = await currentSettings();
      const { analyzeForPane } = await loadEngine();
      const out = await analyzeForPane(
        grids,
        { asOf: report.asOf, settings, lang },
        { onProgress: (p) => stale() || patch({ busy: { kind: "analysing", ...p } }), cancelled: stale },
      );
      if (out && !stale()) patch({ report: out.report, reportLang: lang, dueSoon: out.dueSoon });
      return true;
    });
    // guard gives undefined only for an error (it shows it): do not retry in a loop.
    void done.then((ok) => {
      if (ok === undefined) relocalizeFailed.current = { report, lang };
    });
  }, [state, lang, guard, currentSettings, patch]);

  /** After a change written to the workbook: check again, unless a newer check or date overtook it. */
  const revalidate = useCallback(
    (settings?: Settings) =>
      runValidation(settings).then(
        () => undefined,
        (err) => {
          if (!(err instanceof Cancelled)) throw err;
        },
      ),
    [runValidation],
  );

  /**
   * Kiểm tra. Pressed while an earlier Kiểm tra is still reading or analysing, it calls that run off
   * (it stops at its next pause and its result is never shown) and starts over once it has stopped.
   * While another action runs (fix, summary, settings) it does nothing.
   */
  const validate = useCallback((): Promise<Report | undefined> => {
    const previous = checkRun.current;
    if (running.current && !previous) return Promise.resolve(undefined);
    const me = ++checkSeq.current;
    if (previous) runToken.current++;
    const run = (async () => {
      if (previous) await previous;
      // Pressed again while waiting: the newest press runs, this one gives way.
      if (checkSeq.current !== me) return undefined;
      return guard({ kind: "reading", done: 0, total: 0 }, () => runValidation());
    })();
    checkRun.current = run;
    patch({ checking: true });
    void run.finally(() => {
      if (checkRun.current !== run) return;
      checkRun.current = null;
      patch({ checking: false });
    });
    return run;
  }, [guard, runValidation, patch]);

  /** A new date makes a check under way stale: it is called off (Kiểm tra checks with the new date). */
  const setAsOf = useCallback(
    (asOf: string) => {
      if (asOf !== live.current.asOf) runToken.current++;
      patch({ asOf });
    },
    [patch],
  );

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
        await revalidate();
        // Show the user the cell that changed.
        if (fix.kind === "replace") await port.select(fix.sheet, fix.cell);
        patch({ notice: tRef.current.fixApplied });
      }),
    [guard, port, patch, revalidate],
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
        if (live.current.report) await revalidate(settings);
        patch({ notice: tRef.current.saved });
        return true;
      }),
    [guard, port, patch, revalidate],
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  const setNotice = useCallback((notice: string | null) => patch({ notice }), [patch]);

  return { state, validate, setAsOf, select, highlight, clearHighlights, applyFix, buildSummary, saveSettings, dismissError, setNotice };
}

export type PaneApi = ReturnType<typeof usePane>;
