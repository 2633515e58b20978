/**
 * The CLI door of `phuluc consolidate DIR|FILES… -o TONG-HOP.xlsx [--report BAO-CAO.docx] [--json]`: it finds
 * the files, reads them across the cores (consolidate-pool.ts) with a progress bar on a terminal, hands the
 * stream to the registry's use case, and writes the city's workbook and report atomically. The city's
 * settings: the flags, over those kept in an earlier city workbook at -o (written back into the new one).
 * Exit 0: every file consolidated; 1: a file was left out (or partly read); 2: usage.
 */
import { cliWriters } from "./writers";
import * as path from "path";
import type { ParsedArgs } from "./args";
import type { CliIO } from "./io";
import { CliError, processIO } from "./io";
import { applySettingsEdit, settingsEditOf } from "../app/commands/settings/edit";
import type { ConsolidateOutcome } from "../app/use-cases/consolidate";
import { defaultSettings, type Settings } from "../core/settings";
import { CITY_MARKER } from "../documents/summary/city/build";
import { cliTexts } from "../i18n/cli";
import { CONSOLIDATE_TEXTS, consolidateUsageTexts } from "../i18n/consolidate";
import { writeCityWorkbook } from "../xlsx/city-workbook";
import { readStore } from "../xlsx/store";
import { XlsxWorkbookPort } from "../xlsx/port";
import { readFileBytes } from "../xlsx/read-file";
import { assertSomething, findFiles } from "./consolidate-walk";
import type { Target } from "./consolidate-file";
import { summarizeCliText } from "../i18n/summary";
import { readTargets, type PoolOptions } from "./consolidate-pool";
import { checkOutputPath, isSameFile, writeFileAtomic } from "./files";
import { blocks, jsonPieces } from "./json-stream";
import { ProgressBar } from "./progress";

export interface ConsolidateDoorOptions extends Pick<PoolOptions, "workers" | "workerScript" | "timeoutMs"> {
  /** Draw the progress bar (default: stderr is a terminal); never with --json. */
  tty?: boolean;
}

/** An earlier city workbook phuluc wrote (its store records the city's sheets), opened; else null. */
async function cityWorkbookAt(file: string): Promise<XlsxWorkbookPort | null> {
  try {
    const port = await XlsxWorkbookPort.fromBytes(readFileBytes(file), path.basename(file), { readOnly: true });
    return readStore(port.workbook).store.summarySheets.some((s) => s.marker === CITY_MARKER) ? port : null;
  } catch {
    return null; // none there yet, or not a city workbook
  }
}

/** The settings kept in an earlier city workbook at `out`, else null. */
async function keptCitySettings(out: string): Promise<Settings | null> {
  const port = await cityWorkbookAt(out);
  if (!port) return null;
  const { settings, warning } = await port.loadSettings();
  return warning ? null : settings;
}

/**
 * The files to read. An output found among them is not read: an earlier city workbook (it is rewritten),
 * or — any other file, a commune's — the run refuses to overwrite it (exit 2).
 */
async function targetsOf(args: ParsedArgs, outs: readonly string[]): Promise<Target[]> {
  const found = findFiles([args.file, ...args.files], outs);
  for (const o of found.outputs) if (!(await cityWorkbookAt(o.path))) throw new CliError(summarizeCliText.sameFile(o.file));
  assertSomething(found);
  return found.targets;
}

/** The city's settings: the flags (--issuer, --parent, --plan, --signer, --signer-title) over the kept ones. */
export async function citySettings(args: ParsedArgs): Promise<Settings> {
  const kept = (await keptCitySettings(args.out!)) ?? defaultSettings();
  const edit = settingsEditOf(args);
  const edited = edit ? applySettingsEdit(kept, edit) : kept;
  if (args.issuer === undefined && args.parent === undefined) return edited;
  return {
    ...edited,
    report: {
      ...edited.report,
      ...(args.issuer !== undefined ? { issuingAgency: args.issuer } : {}),
      ...(args.parent !== undefined ? { parentAgency: args.parent } : {}),
    },
  };
}

/** -o and --report: two different files, neither of them a file named as an input. */
function checkOutputs(args: ParsedArgs): string[] {
  const outs = [args.out!, ...(args.reportFile ? [args.reportFile] : [])];
  if (outs.length === 2 && isSameFile(outs[0], outs[1])) throw new CliError(consolidateUsageTexts.outIsReport);
  const inputs = [args.file, ...args.files];
  for (const o of outs) checkOutputPath(o, inputs);
  return outs;
}

function progressOf(args: ParsedArgs, io: CliIO, total: number, options: ConsolidateDoorOptions): ProgressBar | null {
  // The bar is drawn with carriage returns and an erase sequence: on the streams under the escaping ones.
  const out = io.raw ?? io;
  const tty = options.tty ?? (out === processIO && process.stderr.isTTY === true);
  return tty && !args.json ? new ProgressBar(out.stderr, total, CONSOLIDATE_TEXTS[args.lang].progress) : null;
}

function writeOutputs(outcome: ConsolidateOutcome, args: ParsedArgs, io: CliIO): void {
  const said = (line: string) => (args.json ? io.stderr(line) : io.stdout(line));
  writeFileAtomic(args.out!, outcome.output.bytes);
  said(cliTexts.wrote(args.out!) + "\n");
  if (args.reportFile && outcome.document) {
    writeFileAtomic(args.reportFile, outcome.document.bytes);
    said(cliTexts.wrote(args.reportFile) + "\n");
  }
}

export async function runConsolidate(args: ParsedArgs, io: CliIO, options: ConsolidateDoorOptions = {}): Promise<number> {
  const outs = checkOutputs(args);
  const targets = await targetsOf(args, outs);
  const settings = await citySettings(args);
  const { run } = await args.def!.loadMany!();
  const bar = progressOf(args, io, targets.length, options);
  const reads = readTargets(targets, { ...options, asOf: args.asOf, onRead: (n) => bar?.tick(n) });
  const outcome = await run({
    asOf: args.asOf,
    lang: args.lang,
    settings,
    report: !!args.reportFile,
    reads,
    deps: {
      writeWorkbook: (spec, s) => writeCityWorkbook(spec, s, path.basename(args.out!)),
      renderReport: cliWriters.reportDocx,
    },
  });
  bar?.end();
  if (args.json) {
    for (const block of blocks(jsonPieces(outcome.json))) io.stdout(block);
    io.stdout("\n");
  } else io.stdout(outcome.message + "\n");
  writeOutputs(outcome, args, io);
  return outcome.ok ? 0 : 1;
}
