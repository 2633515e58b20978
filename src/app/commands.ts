/**
 * The command registry: the one list of what phuluc can do, from which every door is derived — the CLI's
 * sub-commands, options and help; the ribbon's function names (manifest.xml <FunctionName>, checked by the
 * manifest test); the task pane's actions. Each entry points at its use-case module (loaded when used, so
 * the pane and the ribbon fetch the engine only when a command runs). A new command is: its use-case
 * module, one entry here, its strings (src/i18n/commands.ts), a manifest button if it has one, its tests.
 */
import type { CommandRun } from "./command";
import type { ConsolidateRun } from "./use-cases/consolidate";

/** CLI options a command may take (parsed by src/cli/args.ts, described in src/i18n/cli.ts). */
export type CliOption = "asOf" | "json" | "lang" | "out" | "since" | "accept" | "decisions" | SettingsOption | CityOption;

/** Options of the city's documents (`phuluc consolidate`): the report to draft, its issuing body and that body's parent. */
export type CityOption = "report" | "issuer" | "parent";

/** Options that change the workbook's settings (`phuluc settings … -o OUT`): they need -o. */
export type SettingsOption = "commune" | "plan" | "signer" | "signerTitle" | "unitsFromPlan";
export const SETTINGS_OPTIONS: readonly SettingsOption[] = ["commune", "plan", "signer", "signerTitle", "unitsFromPlan"];

export interface CommandDef {
  readonly id: string;
  /**
   * The CLI sub-command. `inputs`: one workbook (FILE, the default) or the workbook and more files it reads
   * ("many": FILE RETURN…, the request's `inputs`), or folders and files the door's runner reads one by one
   * ("paths": DIR|FILE…, commands run through `loadMany`); `out`: whether `-o OUT` is required, allowed or refused;
   * `output`: what -o gets — a copy of the workbook with the command's changes ("workbook", the default),
   * the file the command made (its outcome's `output`, e.g. a .docx: "document"), or a folder for the
   * files it made (its outcome's `outputs`: "directory") — the workbook is then only read; `prints`: the
   * whole report (text or --json) or the outcome's message.
   */
  readonly cli?: {
    readonly name: string;
    readonly inputs?: "one" | "many" | "paths";
    readonly options: readonly CliOption[];
    readonly out: "required" | "optional" | "none";
    readonly output?: "workbook" | "document" | "directory";
    readonly prints: "report" | "message";
  };
  /** The ribbon button's ExecuteFunction name (manifest.xml). */
  readonly ribbon?: { readonly functionName: string };
  /** Where the pane shows the action: its own view ("custom") or a plain button in the results ("results"). */
  readonly pane?: "custom" | "results";
  /** The command, over any WorkbookPort. Absent for pane-only jobs with their own view (fix). */
  readonly load?: () => Promise<{ run: CommandRun }>;
  /** A command over many workbooks, each read by the door's runner (consolidate: src/app/use-cases/consolidate.ts). */
  readonly loadMany?: () => Promise<{ run: ConsolidateRun }>;
}

export const COMMANDS = [
  {
    id: "check",
    cli: { name: "check", options: ["asOf", "since", "json", "lang", "out"], out: "optional", prints: "report" },
    ribbon: { functionName: "validateWorkbook" },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/check-command"),
  },
  {
    id: "summarize",
    cli: { name: "summarize", options: ["asOf", "lang", "out"], out: "required", prints: "message" },
    ribbon: { functionName: "buildSummary" },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/summarize-command"),
  },
  {
    id: "highlight",
    pane: "results",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/highlight-command"),
  },
  {
    id: "clear",
    cli: { name: "clear", options: ["lang", "out"], out: "required", prints: "message" },
    ribbon: { functionName: "clearHighlights" },
    pane: "results",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/clear-command"),
  },
  {
    id: "report",
    cli: { name: "report", options: ["asOf", "since", "lang", "out"], out: "required", output: "document", prints: "message" },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/report-command"),
  },
  {
    id: "split",
    cli: { name: "split", options: ["asOf", "lang", "out"], out: "required", output: "directory", prints: "message" },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/split-command"),
  },
  {
    id: "merge",
    cli: {
      name: "merge",
      inputs: "many",
      options: ["asOf", "accept", "decisions", "json", "lang", "out"],
      out: "required",
      prints: "message",
    },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/merge-command"),
  },
  { id: "fix", pane: "custom" },
  {
    id: "settings",
    // the same store Cài đặt writes (the port's loadSettings / saveSettings)
    cli: { name: "settings", options: ["json", "lang", "out", ...SETTINGS_OPTIONS], out: "optional", prints: "message" },
    pane: "custom",
    load: () => import(/* webpackChunkName: "engine" */ "./use-cases/settings-command"),
  },
  {
    id: "consolidate",
    // the city's workbook (-o) and report (--report): its issuing body from the flags, else from the settings kept in -o
    cli: {
      name: "consolidate",
      inputs: "paths",
      options: ["asOf", "json", "lang", "out", "report", "issuer", "parent", "plan", "signer", "signerTitle"],
      out: "required",
      output: "document",
      prints: "message",
    },
    loadMany: () => import(/* webpackChunkName: "consolidate" */ "./use-cases/consolidate"),
  },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof COMMANDS)[number]["id"];

/** The commands a door offers. */
export const cliCommands = (): readonly CommandDef[] => COMMANDS.filter((c: CommandDef) => c.cli);
export const ribbonCommands = (): readonly CommandDef[] => COMMANDS.filter((c: CommandDef) => c.ribbon);

/** The ribbon's function names, in registry order (manifest.xml must declare exactly these). */
export const RIBBON_FUNCTION_NAMES: readonly string[] = ribbonCommands().map((c) => c.ribbon!.functionName);

export function commandById(id: CommandId): CommandDef {
  return COMMANDS.find((c) => c.id === id)!;
}
