/**
 * The command registry: the one list of what phuluc can do, from which every door is derived — the CLI's
 * sub-commands, options and help; the ribbon's function names (manifest.xml <FunctionName>, checked by the
 * manifest test); the task pane's actions. Each command is one folder, src/app/commands/<name>/, with its
 * typed definition (index.ts: `CommandDef<Input, Outcome>`, src/app/command.ts) and its command function (run.ts, loaded
 * when used, so the pane and the ribbon fetch the engine only when a command runs).
 *
 * A new command is: its folder (index.ts, run.ts), one line in COMMANDS, its strings (src/i18n/commands.ts),
 * a manifest button if it has a ribbon entry, its tests — and, only for a CLI option no command has yet,
 * its entry in src/app/commands/options.ts.
 */
import type { CommandDef } from "./command";
import { check } from "./commands/check";
import { clear } from "./commands/clear";
import { consolidate } from "./commands/consolidate";
import { fix } from "./commands/fix";
import { highlight } from "./commands/highlight";
import { merge } from "./commands/merge";
import { report } from "./commands/report";
import { settings } from "./commands/settings";
import { split } from "./commands/split";
import { summarize } from "./commands/summarize";

export type { CommandDef } from "./command";

export const COMMANDS = [check, summarize, highlight, clear, report, split, merge, fix, settings, consolidate] as const;

export type CommandId = (typeof COMMANDS)[number]["id"];

/** The commands a door offers. */
export const cliCommands = (): readonly CommandDef[] => COMMANDS.filter((c: CommandDef) => c.cli);
export const ribbonCommands = (): readonly CommandDef[] => COMMANDS.filter((c: CommandDef) => c.ribbon);

/** The ribbon's function names, in registry order (manifest.xml must declare exactly these). */
export const RIBBON_FUNCTION_NAMES: readonly string[] = ribbonCommands().map((c) => c.ribbon!.functionName);

export function commandById(id: CommandId): CommandDef {
  return COMMANDS.find((c) => c.id === id)!;
}
