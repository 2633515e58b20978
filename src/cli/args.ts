/**
 * Command-line arguments, derived from the command registry (src/app/commands): its sub-commands, the
 * options each declares (read with src/app/commands/options.ts), and whether it writes a copy (-o OUT).
 * Usage problems are CliError (exit 2) with a Vietnamese message.
 *   phuluc <command> FILE [options]     (see `phuluc --help`)
 *   phuluc --help | -h | --version | -V
 */
import { cliCommands, type CommandDef } from "../app/commands";
import type { CliArgs } from "../app/command";
import { CLI_OPTIONS, type CliOption, type CliOptionValues } from "../app/commands/options";
import { todayIso } from "../core/dates";
import { cliTexts } from "../i18n/cli";
import { consolidateUsageTexts } from "../i18n/consolidate";
import { CliError } from "./io";

export interface ParsedArgs extends CliArgs {
  /** A registry command's id, or help / version. */
  command: string;
  /** The command's registry entry (absent for help and version). */
  def?: CommandDef;
}

/** Each option as typed → the option (-o, --out and --output are one). */
const BY_FLAG = new Map<string, CliOption>(
  (Object.keys(CLI_OPTIONS) as CliOption[]).flatMap((o) => CLI_OPTIONS[o].flags.map((flag) => [flag, o] as const)),
);

/** Every option as typed (the help lists each: a test checks it). */
export const OPTION_FLAGS: readonly string[] = [...BY_FLAG.keys()];

/** The usage line's arguments of a command, from the options it declares ("FILE -o OUT [--as-of YYYY-MM-DD]"). */
export function usageOf(def: CommandDef): string {
  const cli = def.cli!;
  const parts = [cli.inputs === "many" ? "FILE RETURN.xlsx…" : cli.inputs === "paths" ? "DIR|FILE…" : "FILE"];
  const out = cli.output === "directory" ? "DIR" : "OUT";
  if (cli.out === "required") parts.push(`-o ${out}`);
  for (const o of cli.options) if (o !== "out") parts.push(CLI_OPTIONS[o].usage);
  if (cli.out === "optional") parts.push(`[-o ${out}]`);
  return parts.join(" ");
}

type Given = Map<CliOption, { flag: string; value: string }>;
type CommandCli = NonNullable<CommandDef["cli"]>;

/** The command line as typed: the command, its files, its options (not yet checked), --help and --version. */
interface Scanned {
  def?: CommandDef;
  positional: string[];
  given: Given;
  help: boolean;
  version: boolean;
}

/** The value of a valued option: after "=" (--as-of=…) or the next argument (which must not look like an option). */
function valueOf(argv: string[], i: number, flag: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, i];
  const v = argv[i + 1];
  if (v === undefined || (v.startsWith("-") && v !== "-")) throw new CliError(cliTexts.optionNeedsValue(flag));
  return [v, i + 1];
}

/** The registry command named `name` (exit 2, listing them, for one that is not). */
function commandNamed(name: string): CommandDef {
  const commands = cliCommands();
  const def = commands.find((c) => c.cli!.name === name);
  if (!def)
    throw new CliError(
      cliTexts.unknownCommand(
        name,
        commands.map((c) => c.cli!.name),
      ),
    );
  return def;
}

/** One pass over argv: options anywhere, the first word the command, the rest files; "--" ends the options. */
function scan(argv: string[]): Scanned {
  const s: Scanned = { positional: [], given: new Map(), help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      s.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a.length > 1) {
      const eq = a.startsWith("--") ? a.indexOf("=") : -1;
      const flag = eq > 0 ? a.slice(0, eq) : a;
      const inline = eq > 0 ? a.slice(eq + 1) : undefined;
      const option = BY_FLAG.get(flag);
      if (flag === "-h" || flag === "--help") s.help = true;
      else if (flag === "-V" || flag === "--version") s.version = true;
      else if (!option || (!CLI_OPTIONS[option].takesValue && inline !== undefined)) throw new CliError(cliTexts.unknownOption(a));
      else if (!CLI_OPTIONS[option].takesValue) s.given.set(option, { flag, value: "" });
      else {
        const [value, next] = valueOf(argv, i, flag, inline);
        i = next;
        s.given.set(option, { flag, value });
      }
    } else if (!s.def && s.positional.length === 0) s.def = commandNamed(a);
    else s.positional.push(a);
  }
  return s;
}

/** The files a command takes: one FILE, FILE and at least one RETURN ("many"), or one or more paths. */
function checkFiles(cli: CommandCli, positional: string[]): void {
  if (positional.length === 0)
    throw new CliError(cli.inputs === "paths" ? consolidateUsageTexts.missingInputs : cliTexts.missingFile(cli.name));
  if (cli.inputs === "many" && positional.length < 2) throw new CliError(cliTexts.missingInputs(cli.name));
  if (!cli.inputs?.match(/^(many|paths)$/) && positional.length > 1) throw new CliError(cliTexts.extraArgument(positional[1]));
}

/** The options given, each one the command declares, each value checked and read; then -o where it is needed. */
function readOptions(cli: CommandCli, given: Given): Partial<CliOptionValues> {
  for (const [option, { flag }] of given) {
    if (!cli.options.includes(option)) throw new CliError(cliTexts.optionNotFor(flag, cli.name));
  }
  const values: Partial<Record<CliOption, unknown>> = {};
  for (const [option, { flag, value }] of given) values[option] = CLI_OPTIONS[option].parse(value, flag);
  // (consolidate's --plan and --signer are its report's, not settings to write: its -o is required anyway)
  const edits = [...given.keys()].some((o) => CLI_OPTIONS[o].needsOut);
  if (edits && !given.has("out") && cli.out !== "required") throw new CliError(cliTexts.settingsNeedOut(cli.name));
  if (cli.out === "required" && !given.has("out")) throw new CliError(cliTexts.missingOut(cli.name));
  return values as Partial<CliOptionValues>;
}

export function parseArgs(argv: string[], now: Date = new Date()): ParsedArgs {
  const { def, positional, given, help, version } = scan(argv);
  const base = { file: "", files: [], asOf: "", asOfGiven: false, json: false, lang: "vi" as const };
  if (help) return { command: "help", ...base };
  if (version) return { command: "version", ...base };
  if (!def) throw new CliError(cliTexts.missingCommand);
  checkFiles(def.cli!, positional);
  const { asOf, json, lang, out, ...own } = readOptions(def.cli!, given);
  return {
    command: def.id,
    def,
    file: positional[0],
    files: positional.slice(1),
    out,
    asOf: asOf ?? todayIso(now),
    asOfGiven: asOf !== undefined,
    json: json === true,
    lang: lang ?? "vi",
    ...own,
  };
}
