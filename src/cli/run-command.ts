/**
 * The CLI door for every registry command: open the file as a port, run the command (the same function
 * the pane and the ribbon run), print its outcome, and write the changed copy to -o when it has one. The
 * input file is only read; the copy is written atomically and never over an input.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import type { ParsedArgs } from "./args";
import type { Decision, DecisionInput } from "../core/returns/decisions";
import type { CommandOutcome, SinceRequest } from "../app/command";
import { OUTCOME_TEXTS } from "../i18n/commands";
import type { RunDeps } from "../app/run-context";
import { withMessages } from "../i18n/issues";
import { cliTexts } from "../i18n/cli";
import { xlsxTexts } from "../i18n/xlsx";
import type { Report } from "../core/report-schema";
import { XlsxWorkbookPort } from "../xlsx/port";
import { MAX_BUILT_WORKBOOK_CELLS } from "../xlsx/limits";
import { readFileBytes } from "../xlsx/read-file";
import { checkOutputPath, writeFileAtomic } from "./files";
import { CliError, type CliIO } from "./io";
import { MAX_ISSUES, TooManyIssuesError } from "../core/issue-list";
import { blocks, jsonPieces } from "./json-stream";
import { textReportLines } from "./text-report";
import { runConsolidate } from "./consolidate";
import { cliWriters } from "./writers";
import type { Lang } from "../core/lang";

/**
 * Open a workbook file as a port. Read-only when no copy will be written (faster: unused parts skipped).
 * `builds`: phuluc makes workbooks from it (a copy, the units' copies): it may hold fewer cells.
 */
export async function openFilePort(file: string, options: { readOnly: boolean; builds?: boolean }): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.fromBytes(readFileBytes(file), file, {
    readOnly: options.readOnly,
    ...(options.builds ? { maxCells: MAX_BUILT_WORKBOOK_CELLS } : {}),
  });
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
  const port = await openFilePort(args.file, { readOnly: !writes || writesDocument || writesFolder, builds: writes && !writesDocument });
  const { settings, warning } = await port.loadSettings();
  if (warning) io.stderr(cliTexts.settingsWarning(warning) + "\n");
  const since = await sinceRequest(args, port, io);
  // More files the command reads (merge: the units' returns), each opened read-only.
  const more: { label: string; port: XlsxWorkbookPort }[] = [];
  for (const f of args.files) {
    const port = await openFilePort(f, { readOnly: true });
    // Each return is read once: its sheets are not kept by the port (a 200,000-row return's would stay to the end).
    port.workbook.keepGrids = false;
    more.push({ label: path.basename(f), port });
  }
  const decisions = decisionsOf(args);
  const { run } = await def.load!();
  const outcome = await runBounded(args.file, () =>
    run({
      port,
      asOf: args.asOf,
      lang: args.lang,
      writeBack: writes,
      settings,
      deps: { writers: cliWriters, ...deps },
      label: path.basename(args.file),
      ...(since ? { since } : {}),
      ...(more.length ? { inputs: more } : {}),
      ...(args.settingsEdit ? { settingsEdit: args.settingsEdit } : {}),
      ...(decisions ? { decisions } : {}),
    }),
  );
  for (const note of outcome.notes ?? []) io.stderr("phuluc: " + note + "\n");
  // A damaged sheet is skipped (the others are read), said on stderr, and the run is not clean.
  const skipped = [...port.skippedSheets, ...more.flatMap((m) => m.port.skippedSheets.map((s) => `${s} (${m.label})`))];
  for (const sheet of skipped) io.stderr("phuluc: " + xlsxTexts.sheetSkipped(sheet) + "\n");
  print(outcome, args, io);
  // With --json, stdout holds the JSON alone: what was written is said on stderr.
  const said = (line: string) => (args.json ? io.stderr(line) : io.stdout(line));
  if (writes && writesFolder) {
    // Each file its own name (a name written twice would leave fewer files than said): counted as written.
    const written = new Set<string>();
    for (const o of outcome.outputs ?? []) {
      const target = path.join(args.out!, o.fileName);
      const key = target.normalize("NFC").toLocaleLowerCase("vi");
      if (written.has(key)) throw new CliError(cliTexts.sameOutputName(o.fileName));
      checkOutputPath(target, inputs);
      writeFileAtomic(target, o.bytes);
      written.add(key);
      said(cliTexts.wrote(target) + "\n");
    }
    said(cliTexts.wroteFiles(written.size, args.out!) + "\n");
  } else if (writes && outcome.output) {
    writeFileAtomic(args.out!, outcome.output.bytes);
    said(cliTexts.wrote(args.out!) + "\n");
  } else if (writes && outcome.changed && !writesDocument) {
    writeFileAtomic(args.out!, await port.toBuffer());
    const dropped = port.workbook.pkg.droppedEntries;
    if (dropped.length) io.stderr("phuluc: " + cliTexts.droppedParts([...dropped]) + "\n");
    said(cliTexts.wrote(args.out!) + "\n");
  }
  const code = outcome.ok ? 0 : 1;
  return skipped.length ? Math.max(1, code) : code;
}

/** A decisions file is read whole: bounded (an id and a word per line of a very large merge fit many times over). */
const MAX_DECISIONS_BYTES = 32 * 1024 * 1024;
const DecisionsFileSchema = z.record(z.string().max(64), z.enum(["accept", "reject"]));

/** merge's --decisions FILE.json and --accept: what the person merging decided (--accept wins for the ids it names). */
function decisionsOf(args: ParsedArgs): DecisionInput | undefined {
  if (!args.accept && args.decisions === undefined) return undefined;
  const byId = new Map<string, Decision>();
  if (args.decisions !== undefined) {
    const file = args.decisions;
    let parsed: unknown;
    try {
      if (fs.statSync(file).size > MAX_DECISIONS_BYTES) throw new Error("> 32 MB");
      parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new CliError(cliTexts.badDecisions(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message), 2, { cause: e });
    }
    const r = DecisionsFileSchema.safeParse(parsed);
    if (!r.success) throw new CliError(cliTexts.badDecisions(file, r.error.issues[0]?.message ?? "JSON"), 2);
    for (const [id, d] of Object.entries(r.data)) byId.set(id, d);
  }
  for (const id of args.accept?.ids ?? []) byId.set(id, "accept");
  return { ...(args.accept?.all ? { all: args.accept.all } : {}), byId };
}

/** Run a command; an analysis stopped at MAX_ISSUES becomes one line naming the file (exit 2). */
async function runBounded<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TooManyIssuesError) throw new CliError(cliTexts.tooManyIssues(file, MAX_ISSUES), 2, { cause: e });
    throw e;
  }
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
    const { listSnapshots, loadSnapshots } = await import("../app/use-cases/changes");
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
    // The issues get their messages slice by slice, as they are written.
    const lazy = { issues: (slice: readonly unknown[]) => withMessages(slice as Report["issues"], args.lang) };
    for (const block of blocks(jsonPieces(jsonReport(report, args.lang, false), lazy))) io.stdout(block);
    io.stdout("\n");
  } else if (report && args.def!.cli?.prints === "report") {
    // Line by line, in blocks: a report of a million issues is never one string.
    const lines = textReportLines(report, { file: args.file, lang: args.lang });
    for (const block of blocks(withNewlines(lines))) io.stdout(block);
  } else io.stdout(outcome.message + "\n");
}

function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield line + "\n";
}

/**
 * The JSON report (the public contract): each issue with its message in the chosen language (`messages`
 * false: the issues as they are, for a writer that adds the messages as it goes).
 */
export function jsonReport(report: Report, lang: Lang, messages = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) out[key] = key === "issues" && messages ? withMessages(report.issues, lang) : value;
  out.lang = lang;
  return out;
}
