/**
 * Each command's typed definition (src/app/commands/<name>/index.ts) is whole for the doors that use it:
 * what the CLI writes to -o and prints with --json comes from the definition, the ribbon and the pane's
 * results buttons run it with the input it gives, and every option it declares is one the CLI can read.
 */
import { COMMANDS, cliCommands, type CommandDef } from "../../src/app/commands";
import { UsageError, type CliArgs, type CliDoor } from "../../src/app/command";
import { CLI_OPTIONS, type CliOption } from "../../src/app/commands/options";
import { CliError } from "../../src/cli/io";
import { parseArgs } from "../../src/cli/args";

const NOW = new Date(2026, 10, 24);

const door = (fileName: string): CliDoor => ({
  port: null as never,
  fileName,
  open: () => Promise.reject(new Error("not opened in this test")),
  openInputs: () => Promise.reject(new Error("not opened in this test")),
  readText: () => {
    throw new Error("not read in this test");
  },
  warn: () => undefined,
});

const byId = (id: string): CommandDef => COMMANDS.find((c) => c.id === id)!;

test("a CLI command that makes files says which (made); one that prints its message and takes --json says what JSON", () => {
  for (const def of cliCommands()) {
    const cli = def.cli!;
    if (cli.inputs === "paths") continue; // its runner (src/cli/consolidate.ts) writes and prints
    const makesFiles = cli.output === "document" || cli.output === "directory";
    expect({ id: def.id, made: typeof cli.made === "function" }).toEqual({ id: def.id, made: makesFiles });
    const ownJson = cli.prints === "message" && cli.options.includes("json");
    expect({ id: def.id, json: typeof cli.json === "function" }).toEqual({ id: def.id, json: ownJson });
    expect(typeof def.load).toBe("function");
  }
});

test("every option a command declares is in the catalogue, and no flag means two options", () => {
  const known = new Set(Object.keys(CLI_OPTIONS));
  for (const def of cliCommands())
    for (const o of def.cli!.options) expect({ id: def.id, o, known: known.has(o) }).toEqual({ id: def.id, o, known: true });
  const flags = (Object.keys(CLI_OPTIONS) as CliOption[]).flatMap((o) => CLI_OPTIONS[o].flags);
  expect(new Set(flags).size).toBe(flags.length);
});

test("the ribbon's buttons and the pane's results buttons run the command with the input their entry gives", () => {
  const ribbon = COMMANDS.filter((c: CommandDef) => c.ribbon);
  const results = COMMANDS.filter((c: CommandDef) => c.pane?.place === "results");
  expect(ribbon.map((c) => c.id)).toEqual(["check", "summarize", "clear"]);
  expect(results.map((c) => c.id)).toEqual(["highlight", "clear"]);
  for (const def of [...ribbon, ...results] as CommandDef[]) {
    expect(typeof def.load).toBe("function");
    const input = def.ribbon ? def.ribbon.input() : def.pane?.place === "results" ? def.pane.input() : undefined;
    expect(input).toEqual({});
  }
});

test("a command's CLI input comes from its own options and the door: split keeps the plan's name, settings its edit", async () => {
  const split = parseArgs(["split", "dir/ke-hoach.xlsx", "-o", "out"], NOW);
  expect(await byId("split").cli!.input!(split, door("ke-hoach.xlsx"))).toEqual({ planFile: "ke-hoach.xlsx" });
  const settings = parseArgs(["settings", "a.xlsx", "--signer", "  Nguyễn   Văn A ", "--units-from-plan", "-o", "b.xlsx"], NOW);
  expect(await byId("settings").cli!.input!(settings, door("a.xlsx"))).toEqual({
    edit: { signerName: "Nguyễn Văn A", unitsFromPlan: true },
    file: "a.xlsx",
  });
  const shown: CliArgs = parseArgs(["settings", "a.xlsx"], NOW);
  expect(await byId("settings").cli!.input!(shown, door("a.xlsx"))).toEqual({ edit: undefined, file: "a.xlsx" });
  // Without --since, check's input is empty (nothing is opened).
  expect(await byId("check").cli!.input!(parseArgs(["check", "a.xlsx"], NOW), door("a.xlsx"))).toEqual({});
});

test("an option value that cannot be right is a usage error (exit 2), the CLI's CliError", () => {
  expect(CliError).toBe(UsageError);
  for (const [argv, re] of [
    [["settings", "a.xlsx", "--signer", "  ", "-o", "b.xlsx"], /--signer/],
    [["settings", "a.xlsx", "--commune", "Lê Chân", "-o", "b.xlsx"], /Lê Chân/],
    [["settings", "a.xlsx", "--units-from-plan"], /-o OUT/],
    [["merge", "p.xlsx", "r.xlsx", "-o", "o.xlsx", "--accept", "all,none"], /all,none/],
    [["consolidate", "dir", "-o", "c.xlsx", "--report", "bao-cao.pdf"], /bao-cao\.pdf/],
  ] as const) {
    let error: unknown;
    try {
      parseArgs([...argv], NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(re);
  }
});
