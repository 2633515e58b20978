/** Entry point of the `phuluc` command (bin/phuluc.js calls main). Never prints a stack trace unless PHULUC_DEBUG is set. */
import * as fs from "fs";
import * as path from "path";
import { cliCommands } from "../app/commands";
import { COMMAND_STRINGS } from "../i18n/commands";
import { cliTexts } from "../i18n/cli";
import { causeChain, XlsxReadError } from "../xlsx/detect";
import { StoreFullError } from "../core/store-budget";
import { parseArgs, usageOf } from "./args";
import { CliError, processIO, visibleIO, type CliIO } from "./io";
import { runCommand } from "./run-command";

/** The version in package.json (found by walking up from this file, in src/ or in lib/src/). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, "package.json");
    try {
      const pkg = JSON.parse(fs.readFileSync(p, "utf8"));
      if (pkg.name === "phuluc" && typeof pkg.version === "string") return pkg.version;
    } catch {
      /* keep looking */
    }
    dir = path.dirname(dir);
  }
  return "0.0.0";
}

/** `phuluc --help`, from the command registry and its strings. */
export function helpText(): string {
  return cliTexts.help(
    cliCommands().map((c) => {
      const s = COMMAND_STRINGS.vi[c.id as keyof (typeof COMMAND_STRINGS)["vi"]];
      return { name: c.cli!.name, usage: usageOf(c), help: s.help };
    }),
  );
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Turn any failure into one stderr line and an exit code (2 unless the error says otherwise). */
export function reportFailure(e: unknown, io: CliIO, debug = !!process.env.PHULUC_DEBUG): number {
  let code = 2;
  if (e instanceof CliError) {
    io.stderr("phuluc: " + oneLine(e.message) + "\n");
    code = e.exitCode;
  } else if (e instanceof XlsxReadError) {
    io.stderr("phuluc: " + oneLine(e.message) + "\n");
  } else if (e instanceof StoreFullError) {
    io.stderr("phuluc: " + oneLine(cliTexts.storeFull) + "\n");
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr("phuluc: " + oneLine(cliTexts.unexpected(msg)) + "\n");
  }
  if (debug) {
    io.stderr(causeChain(e));
    if (e instanceof Error && e.stack) io.stderr(e.stack + "\n");
  }
  return code;
}

export async function main(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  // Whatever a command prints (cells, sheet names, a unit's words) reaches a terminal with its control
  // characters shown, never acted on.
  const io = visibleIO(rawIO);
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.stdout(helpText() + "\n");
      return 0;
    }
    if (args.command === "version") {
      io.stdout(version() + "\n");
      return 0;
    }
    return await runCommand(args, io);
  } catch (e) {
    return reportFailure(e, io);
  }
}
