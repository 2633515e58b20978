/**
 * Command-line arguments:
 *   phuluc check FILE [--as-of YYYY-MM-DD] [--json]
 *   phuluc summarize FILE -o OUT [--as-of YYYY-MM-DD]
 *   phuluc --help | -h | --version
 * Problems are CliError (exit 2) with a Vietnamese message.
 */
import { CliError } from "./io";
import { cliTexts } from "../i18n/cli";

export type Command = "check" | "summarize" | "help" | "version";

export interface ParsedArgs {
  command: Command;
  /** The workbook to read (check, summarize). */
  file: string;
  /** Output workbook (summarize). */
  out?: string;
  /** The as-of date, ISO YYYY-MM-DD: --as-of, or today (local date) when not given. */
  asOf: string;
  /** True when --as-of was given. */
  asOfGiven: boolean;
  /** check: print the JSON report. */
  json: boolean;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today's local date as ISO (the CLI may read the clock; the core never does). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const COMMANDS: Command[] = ["check", "summarize"];

export function parseArgs(argv: string[], now: Date = new Date()): ParsedArgs {
  let command: Command | null = null;
  const positional: string[] = [];
  let out: string | undefined;
  let asOf: string | undefined;
  let json = false;
  let help = false;
  let version = false;

  const takeValue = (opt: string, inline: string | undefined, i: number): [string, number] => {
    if (inline !== undefined) return [inline, i];
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith("-") && v !== "-")) throw new CliError(cliTexts.optionNeedsValue(opt));
    return [v, i + 1];
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("-") && a.length > 1) {
      const eq = a.startsWith("--") ? a.indexOf("=") : -1;
      const opt = eq > 0 ? a.slice(0, eq) : a;
      const inline = eq > 0 ? a.slice(eq + 1) : undefined;
      switch (opt) {
        case "-h":
        case "--help":
          help = true;
          break;
        case "-V":
        case "--version":
          version = true;
          break;
        case "--json":
          if (inline !== undefined) throw new CliError(cliTexts.unknownOption(a));
          json = true;
          break;
        case "--as-of":
          [asOf, i] = takeValue(opt, inline, i);
          break;
        case "-o":
        case "--out":
        case "--output":
          [out, i] = takeValue(opt, inline, i);
          break;
        default:
          throw new CliError(cliTexts.unknownOption(a));
      }
      continue;
    }
    if (command === null && positional.length === 0) {
      if (!COMMANDS.includes(a as Command)) throw new CliError(cliTexts.unknownCommand(a));
      command = a as Command;
      continue;
    }
    positional.push(a);
  }

  if (help) return { command: "help", file: "", asOf: "", asOfGiven: false, json: false };
  if (version) return { command: "version", file: "", asOf: "", asOfGiven: false, json: false };
  if (command === null) throw new CliError(cliTexts.missingCommand);
  if (positional.length === 0) throw new CliError(cliTexts.missingFile(command));
  if (positional.length > 1) throw new CliError(cliTexts.extraArgument(positional[1]));
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new CliError(cliTexts.badAsOf(asOf));
  if (command === "check" && out !== undefined) throw new CliError(cliTexts.optionNotFor("-o", command));
  if (command === "summarize") {
    if (json) throw new CliError(cliTexts.optionNotFor("--json", command));
    if (out === undefined) throw new CliError(cliTexts.missingOut);
  }
  return {
    command,
    file: positional[0],
    out,
    asOf: asOf ?? todayIso(now),
    asOfGiven: asOf !== undefined,
    json,
  };
}
