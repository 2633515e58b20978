/**
 * What every command takes and gives, whatever door runs it (CLI, ribbon, task pane), and the one typed
 * definition each command has (`CommandDef<Input, Outcome>`, in src/app/commands/<name>/index.ts): its CLI
 * options, input and printing, its pane action and its ribbon entry. The shared request and outcome hold
 * only what every command has; what one command takes or makes is its own `Input` and `Outcome`.
 */
import type { WorkbookPort } from "../core/port";
import type { Report } from "../core/report-schema";
import type { Settings } from "../core/settings";
import type { CliOption, CliOptionValues } from "./commands/options";
import type { RunDeps } from "./run-context";
import type { ConsolidateRun } from "./use-cases/consolidate";
export type { Lang } from "../core/lang";
import type { Lang } from "../core/lang";

/** What to compare the workbook with (check, report): a summary snapshot kept in it, by as-of date, or another version of it. */
export type SinceRequest = { kind: "snapshot"; asOf: string } | { kind: "file"; port: WorkbookPort; label: string };

/** A workbook a command reads besides the one it works on. */
export interface InputWorkbook {
  label: string;
  port: WorkbookPort;
}

/** What every command gets, from every door. */
export interface CommandRequest {
  /** The workbook: the open one (Office.js) or a file (CLI, preview). */
  port: WorkbookPort;
  /** ISO as-of date. */
  asOf: string;
  /** Language of the outcome's message. */
  lang: Lang;
  /** The door keeps what the command changes (the ribbon: the open workbook; the CLI: only with -o). */
  writeBack: boolean;
  /** A report the door already has (the pane after Kiểm tra); commands that need one check first otherwise. */
  report?: Report;
  settings?: Settings;
  deps?: RunDeps;
}

/** A file the command made (a document, not a copy of the workbook): the CLI writes it to -o, the pane downloads it. */
export interface CommandOutput {
  bytes: Uint8Array;
  /** A suggested name ("bao-cao-2026-11-22.docx"). */
  fileName: string;
  mediaType: string;
}

/** What every command gives back; a command that makes more says so in its own outcome type. */
export interface CommandOutcome {
  /** false: problems remain (errors in the workbook) — the CLI exits 1. */
  ok: boolean;
  /** What the user reads, in the request's language (the ribbon's dialog, the pane's notice, the CLI). */
  message: string;
  /** The report, when the command checked the workbook. */
  report?: Report;
  /** The command changed the workbook (the CLI then writes the copy to -o). */
  changed: boolean;
  /** Warnings about the request itself (an id that names nothing): the CLI says them on stderr. */
  notes?: string[];
}

/** A command that takes nothing besides the shared request. */
export type NoInput = Record<never, never>;

export type CommandRun<Input = NoInput, Outcome extends CommandOutcome = CommandOutcome> = (
  request: CommandRequest,
  input: Input,
) => Promise<Outcome>;

/** A usage problem (a bad option value, a missing file): one line, exit 2. The CLI knows it as CliError. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The command line as parsed (src/cli/args.ts): the shared options, then each option value the command declared. */
export interface CliArgs extends Partial<Omit<CliOptionValues, "asOf" | "json" | "lang" | "out">> {
  /** The workbook to work on. */
  file: string;
  /** More files after it (commands that take several: merge's returns; consolidate's folders and files). */
  files: string[];
  /** -o OUT: where the changed copy (or the document, or the folder of files) is written. */
  out?: string;
  /** The as-of date, ISO YYYY-MM-DD: --as-of, or today (local date) when not given. */
  asOf: string;
  /** True when --as-of was given. */
  asOfGiven: boolean;
  /** Print the JSON (the report, or the command's own JSON). */
  json: boolean;
  /** Language of messages in the output: --lang, default vi. */
  lang: Lang;
}

/** What the CLI door lends a command to build its input: its workbook opened, more files, stderr. */
export interface CliDoor {
  /** FILE, opened. */
  port: WorkbookPort;
  /** FILE's name without its folder (kept in what the command makes). */
  fileName: string;
  /** Another file opened read-only, never modified (--since OLD.xlsx), with its name. */
  open(file: string): Promise<InputWorkbook>;
  /** More workbooks the command reads (RETURN…), each opened read-only and read once; their damaged sheets are said like FILE's. */
  openInputs(files: readonly string[]): Promise<InputWorkbook[]>;
  /** A small file's text (a decisions file); throws when it is larger than maxBytes or cannot be read. */
  readText(file: string, maxBytes: number): string;
  /** A warning on stderr, one line (not the command's output). */
  warn(line: string): void;
}

/** The command as a CLI sub-command. */
export interface CliSpec<Input, Outcome extends CommandOutcome> {
  readonly name: string;
  /**
   * One workbook (FILE, the default), the workbook and more files it reads ("many": FILE RETURN…), or
   * folders and files the door's runner reads one by one ("paths": DIR|FILE…, commands run through `loadMany`).
   */
  readonly inputs?: "one" | "many" | "paths";
  /** The options it takes, in the order its usage line shows them (src/app/commands/options.ts). */
  readonly options: readonly CliOption[];
  /** Whether `-o OUT` is required, allowed or refused. */
  readonly out: "required" | "optional" | "none";
  /**
   * What -o gets: a copy of the workbook with the command's changes ("workbook", the default), the file the
   * command made ("document": `made`'s one), or a folder for the files it made ("directory": `made`'s) —
   * the workbook is then only read.
   */
  readonly output?: "workbook" | "document" | "directory";
  /** The whole report (text, or the JSON report with --json), or the outcome's message. */
  readonly prints: "report" | "message";
  /**
   * The command's input from its options and files (absent: it takes none). A UsageError is exit 2. The
   * modules only it needs are imported with webpackIgnore: the CLI loads them, a browser bundle never carries them.
   */
  readonly input?: (args: CliArgs, door: CliDoor) => Input | Promise<Input>;
  /** The files the command made, for -o ("document", "directory"). */
  readonly made?: (outcome: Outcome) => readonly CommandOutput[];
  /** The command's own JSON contract, printed by --json instead of the report. */
  readonly json?: (outcome: Outcome) => Record<string, unknown>;
}

/** The command as a ribbon button. */
export interface RibbonSpec<Input> {
  /** The button's ExecuteFunction name (manifest.xml). */
  readonly functionName: string;
  /** Its input: a button has nothing to ask. */
  readonly input: () => Input;
}

/**
 * Where the pane shows the command: a plain button in the results, which runs the command with this input
 * on the pane's workbook, report and settings ("results"); or its own view, which calls its use cases
 * through the pane's engine ("custom").
 */
export type PaneSpec<Input> = { readonly place: "results"; readonly input: () => Input } | { readonly place: "custom" };

export interface CommandDef<Input = any, Outcome extends CommandOutcome = any> {
  readonly id: string;
  readonly cli?: CliSpec<Input, Outcome>;
  readonly ribbon?: RibbonSpec<Input>;
  readonly pane?: PaneSpec<Input>;
  /** The command, over any WorkbookPort (loaded when used: the pane and the ribbon fetch the engine only then). Absent for pane-only jobs with their own view (fix). */
  readonly load?: () => Promise<{ run: CommandRun<Input, Outcome> }>;
  /** A command over many workbooks, each read by the door's runner (consolidate: src/app/use-cases/consolidate.ts). */
  readonly loadMany?: () => Promise<{ run: ConsolidateRun }>;
}
