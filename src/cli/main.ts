/** Entry point of the `phuluc` command (bin/phuluc.js calls main). Never prints a stack trace. */
import * as fs from "fs";
import * as path from "path";
import { cliTexts } from "../i18n/cli";
import { causeChain, XlsxReadError } from "../xlsx/detect";
import { parseArgs, type ParsedArgs } from "./args";
import { checkCommand } from "./check";
import { CliError, processIO, type CliIO } from "./io";

type CommandFn = (args: ParsedArgs, io: CliIO) => Promise<number>;

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

/** The summarize command (owned by the summary module), loaded when used. */
function summarizeCommand(): CommandFn {
  const mod = require("./summarize") as { summarizeCommand: CommandFn };
  return mod.summarizeCommand;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Turn any failure into one stderr line and an exit code (2 unless the error says otherwise). */
export function reportFailure(e: unknown, io: CliIO): number {
  if (e instanceof CliError) {
    io.stderr("phuluc: " + oneLine(e.message) + "\n");
    return e.exitCode;
  }
  if (e instanceof XlsxReadError) {
    io.stderr("phuluc: " + oneLine(e.message) + "\n" + (process.env.PHULUC_DEBUG ? causeChain(e) : ""));
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr("phuluc: " + oneLine(cliTexts.unexpected(msg)) + "\n");
  if (process.env.PHULUC_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + "\n");
  return 2;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "help":
        io.stdout(cliTexts.help + "\n");
        return 0;
      case "version":
        io.stdout(version() + "\n");
        return 0;
      case "check":
        return await checkCommand(args, io);
      case "summarize":
        return await summarizeCommand()(args, io);
    }
  } catch (e) {
    return reportFailure(e, io);
  }
}
