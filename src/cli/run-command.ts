/**
 * The CLI door for every registry command: open the file as a port, run the command (the same function
 * the pane and the ribbon run), print its outcome, and write the changed copy to -o when it has one. The
 * input file is only read; the copy is written atomically and never over an input.
 */
import * as fs from "fs";
import * as path from "path";
import type { ParsedArgs } from "./args";
import type { CliDoor, CommandOutcome } from "../app/command";
import type { CommandDef } from "../app/commands";
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

/** Where -o goes and what the workbook is opened for, from the command's definition. */
interface Plan {
  def: CommandDef;
  cli: NonNullable<CommandDef["cli"]>;
  /** -o was given. */
  writes: boolean;
  /** A command that makes files of its own (a document, the units' copies) only reads the workbook. */
  makesFiles: boolean;
  /** Every file named as an input (never written over). */
  inputs: string[];
}

function planOf(args: ParsedArgs): Plan {
  const def = args.def!;
  const cli = def.cli!;
  return {
    def,
    cli,
    writes: args.out !== undefined,
    makesFiles: cli.output === "document" || cli.output === "directory",
    inputs: [args.file, ...args.files],
  };
}

/** A workbook the command reads besides FILE, with the file layer's port (its skipped sheets). */
type OpenedFile = { label: string; port: XlsxWorkbookPort };

/** What the door lends the command to build its input; the more workbooks it reads are kept in `opened` (their damaged sheets are said). */
function cliDoor(args: ParsedArgs, port: XlsxWorkbookPort, io: CliIO, opened: OpenedFile[]): CliDoor {
  const open = async (file: string): Promise<OpenedFile> => ({
    label: path.basename(file),
    port: await openFilePort(file, { readOnly: true }),
  });
  return {
    port,
    fileName: path.basename(args.file),
    open,
    openInputs: async (files) => {
      const more: OpenedFile[] = [];
      for (const f of files) {
        const input = await open(f);
        // Each is read once: its sheets are not kept by the port (a 200,000-row return's would stay to the end).
        input.port.workbook.keepGrids = false;
        more.push(input);
      }
      opened.push(...more);
      return more;
    },
    readText: (file, maxBytes) => {
      if (fs.statSync(file).size > maxBytes) throw new Error(`> ${maxBytes / 1024 / 1024} MB`);
      return fs.readFileSync(file, "utf8");
    },
    warn: (line) => io.stderr("phuluc: " + line + "\n"),
  };
}

/** `deps`: the engine and runner the command uses (the real ones by default; tests swap the analysis). */
export async function runCommand(args: ParsedArgs, io: CliIO, deps: RunDeps = {}): Promise<number> {
  const plan = planOf(args);
  // Folders and files read one by one by the door's own runner (consolidate): no single workbook to open.
  if (plan.cli.inputs === "paths") return (await import("./consolidate")).runConsolidate(args, io);
  if (plan.writes && plan.cli.output === "directory") prepareFolder(args.out!);
  else if (plan.writes) checkOutputPath(args.out!, plan.inputs);
  const port = await openFilePort(args.file, { readOnly: !plan.writes || plan.makesFiles, builds: plan.writes && !plan.makesFiles });
  const { settings, warning } = await port.loadSettings();
  if (warning) io.stderr(cliTexts.settingsWarning(warning) + "\n");
  const opened: OpenedFile[] = [];
  const input = (await plan.cli.input?.(args, cliDoor(args, port, io, opened))) ?? {};
  const { run } = await plan.def.load!();
  const request = { port, asOf: args.asOf, lang: args.lang, writeBack: plan.writes, settings, deps: { writers: cliWriters, ...deps } };
  const outcome = await runBounded(args.file, () => run(request, input));
  for (const note of outcome.notes ?? []) io.stderr("phuluc: " + note + "\n");
  // A damaged sheet is skipped (the others are read), said on stderr, and the run is not clean.
  const skipped = [...port.skippedSheets, ...opened.flatMap((m) => m.port.skippedSheets.map((s) => `${s} (${m.label})`))];
  for (const sheet of skipped) io.stderr("phuluc: " + xlsxTexts.sheetSkipped(sheet) + "\n");
  print(outcome, plan.cli, args, io);
  if (plan.writes) await writeOutputs(outcome, plan, port, args, io);
  const code = outcome.ok ? 0 : 1;
  return skipped.length ? Math.max(1, code) : code;
}

/** -o: the files the command made (into the folder, or the one document), or the changed copy of the workbook. */
async function writeOutputs(outcome: CommandOutcome, plan: Plan, port: XlsxWorkbookPort, args: ParsedArgs, io: CliIO): Promise<void> {
  // With --json, stdout holds the JSON alone: what was written is said on stderr.
  const said = (line: string) => (args.json ? io.stderr(line) : io.stdout(line));
  const made = plan.cli.made?.(outcome) ?? [];
  if (plan.cli.output === "directory") {
    // Each file its own name (a name written twice would leave fewer files than said): counted as written.
    const written = new Set<string>();
    for (const o of made) {
      const target = path.join(args.out!, o.fileName);
      const key = target.normalize("NFC").toLocaleLowerCase("vi");
      if (written.has(key)) throw new CliError(cliTexts.sameOutputName(o.fileName));
      checkOutputPath(target, plan.inputs);
      writeFileAtomic(target, o.bytes);
      written.add(key);
      said(cliTexts.wrote(target) + "\n");
    }
    said(cliTexts.wroteFiles(written.size, args.out!) + "\n");
  } else if (made.length) {
    writeFileAtomic(args.out!, made[0].bytes);
    said(cliTexts.wrote(args.out!) + "\n");
  } else if (outcome.changed && !plan.makesFiles) {
    writeFileAtomic(args.out!, await port.toBuffer());
    const dropped = port.workbook.pkg.droppedEntries;
    if (dropped.length) io.stderr("phuluc: " + cliTexts.droppedParts([...dropped]) + "\n");
    said(cliTexts.wrote(args.out!) + "\n");
  }
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

function print(outcome: CommandOutcome, cli: Plan["cli"], args: ParsedArgs, io: CliIO): void {
  const report = outcome.report;
  const own = args.json ? cli.json?.(outcome) : undefined;
  if (own !== undefined) {
    for (const block of blocks(jsonPieces(own))) io.stdout(block);
    io.stdout("\n");
  } else if (args.json && report) {
    // In blocks: the text of a 100,000-task report is never built as one string.
    // The issues get their messages slice by slice, as they are written.
    const lazy = { issues: (slice: readonly unknown[]) => withMessages(slice as Report["issues"], args.lang) };
    for (const block of blocks(jsonPieces(jsonReport(report, args.lang, false), lazy))) io.stdout(block);
    io.stdout("\n");
  } else if (report && cli.prints === "report") {
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
