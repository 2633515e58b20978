/**
 * The CLI door for every registry command: open the file as a port, run the command (the same function
 * the pane and the ribbon run), print its outcome, and write the changed copy to -o when it has one. The
 * input file is only read; the copy is written atomically and never over an input.
 */
import * as fs from "fs";
import * as path from "path";
import type { ParsedArgs } from "./args";
import type { CommandOutcome, SinceRequest } from "../app/command";
import { listSnapshots, loadSnapshots } from "../app/use-cases/changes";
import { OUTCOME_TEXTS } from "../i18n/commands";
import type { RunDeps } from "../app/run-context";
import { withMessages } from "../i18n/issues";
import { cliTexts } from "../i18n/cli";
import { xlsxTexts } from "../i18n/xlsx";
import type { Report } from "../core/report-schema";
import { XlsxWorkbookPort } from "../xlsx/port";
import { readFileBytes } from "../xlsx/read-file";
import { checkOutputPath, writeFileAtomic } from "./files";
import { CliError, type CliIO } from "./io";
import { blocks, jsonPieces } from "./json-stream";
import { renderTextReport } from "./text-report";
import { runConsolidate } from "./consolidate";

/** Open a workbook file as a port. Read-only when no copy will be written (faster: unused parts skipped). */
export async function openFilePort(file: string, options: { readOnly: boolean }): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.fromBytes(readFileBytes(file), file, { readOnly: options.readOnly });
}

/** `deps`: the engine and runner the command uses (the real ones by default; tests swap the analysis). */
export async function runCommand(args: ParsedArgs, io: CliIO, deps: RunDeps = {}): Promise<number> {
  const def = args.def!;
  // Folders and files read one by one by the door's own runner (consolidate): no single workbook to open.
  if (def.cli?.inputs === "paths") return runConsolidate(args, io);
  const writes = args.out !== undefined;
  // A command that makes files of its own (a document, the units' copies) only reads the workbook.
  const writesDocument = def.cli?.output === "document";
  const writesFolder = def.cli?.output === "directory";
  const inputs = [args.file, ...args.files];
  if (writes && writesFolder) prepareFolder(args.out!);
  else if (writes) checkOutputPath(args.out!, inputs);
  const port = await openFilePort(args.file, { readOnly: !writes || writesDocument || writesFolder });
  const { settings, warning } = await port.loadSettings();
  if (warning) io.stderr(cliTexts.settingsWarning(warning) + "\n");
  const since = await sinceRequest(args, port, io);
  // More files the command reads (merge: the units' returns), each opened read-only.
  const more: { label: string; port: XlsxWorkbookPort }[] = [];
  for (const f of args.files) more.push({ label: path.basename(f), port: await openFilePort(f, { readOnly: true }) });
  const { run } = await def.load!();
  const outcome = await run({
    port,
    asOf: args.asOf,
    lang: args.lang,
    writeBack: writes,
    settings,
    deps,
    label: path.basename(args.file),
    ...(since ? { since } : {}),
    ...(more.length ? { inputs: more } : {}),
    ...(args.settingsEdit ? { settingsEdit: args.settingsEdit } : {}),
  });
  // A damaged sheet is skipped (the others are read), said on stderr, and the run is not clean.
  const skipped = [...port.skippedSheets, ...more.flatMap((m) => m.port.skippedSheets.map((s) => `${s} (${m.label})`))];
  for (const sheet of skipped) io.stderr("phuluc: " + xlsxTexts.sheetSkipped(sheet) + "\n");
  print(outcome, args, io);
  // With --json, stdout holds the JSON alone: what was written is said on stderr.
  const said = (line: string) => (args.json ? io.stderr(line) : io.stdout(line));
  if (writes && writesFolder) {
    for (const o of outcome.outputs ?? []) {
      const target = path.join(args.out!, o.fileName);
      checkOutputPath(target, inputs);
      writeFileAtomic(target, o.bytes);
      said(cliTexts.wrote(target) + "\n");
    }
  } else if (writes && outcome.output) {
    writeFileAtomic(args.out!, outcome.output.bytes);
    said(cliTexts.wrote(args.out!) + "\n");
  } else if (writes && outcome.changed && !writesDocument) {
    writeFileAtomic(args.out!, await port.toBuffer());
    said(cliTexts.wrote(args.out!) + "\n");
  }
  const code = outcome.ok ? 0 : 1;
  return skipped.length ? Math.max(1, code) : code;
}

/** -o DIR for commands that make several files: created when missing (with its parents); a file there is refused. */
function prepareFolder(dir: string): void {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new CliError(cliTexts.outNotFolder(dir));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(cliTexts.outFolderFailed(dir, (e as NodeJS.ErrnoException).code ?? String(e)), 2, { cause: e });
  }
}

/**
 * --since: a snapshot inside FILE must exist (else exit 2, naming the dates there are); another file is
 * opened read-only through the same file port (never modified).
 */
async function sinceRequest(args: ParsedArgs, port: XlsxWorkbookPort, io: CliIO): Promise<SinceRequest | undefined> {
  const since = args.since;
  if (!since) return undefined;
  if (since.kind === "date") {
    const { book, warning } = await loadSnapshots(port);
    if (warning)
      io.stderr("phuluc: " + OUTCOME_TEXTS[args.lang].snapshotsDamaged(warning.kind === "corrupt" ? null : warning.count) + "\n");
    const dates = [...new Set(listSnapshots(book).map((s) => s.asOf))];
    if (!dates.includes(since.asOf)) throw new CliError(cliTexts.sinceNotFound(since.asOf, dates));
    return { kind: "snapshot", asOf: since.asOf };
  }
  const old = await openFilePort(since.path, { readOnly: true });
  return { kind: "file", port: old, label: path.basename(since.path) };
}

function print(outcome: CommandOutcome, args: ParsedArgs, io: CliIO): void {
  const report = outcome.report;
  if (args.json && outcome.json !== undefined) {
    for (const block of blocks(jsonPieces(outcome.json))) io.stdout(block);
    io.stdout("\n");
  } else if (args.json && report) {
    // In blocks: the text of a 100,000-task report is never built as one string.
    for (const block of blocks(jsonPieces(jsonReport(report, args.lang)))) io.stdout(block);
    io.stdout("\n");
  } else if (report && args.def!.cli?.prints === "report") io.stdout(renderTextReport(report, { file: args.file, lang: args.lang }));
  else io.stdout(outcome.message + "\n");
}

/** The JSON report (the public contract): each issue with its message in the chosen language. */
export function jsonReport(report: Report, lang: "vi" | "en"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) out[key] = key === "issues" ? withMessages(report.issues, lang) : value;
  out.lang = lang;
  return out;
}
