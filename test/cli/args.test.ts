import { parseArgs } from "../../src/cli/args";
import { isIsoDate as isValidIsoDate, todayIso } from "../../src/core/dates";
import { cliCommands } from "../../src/app/commands";
import { CliError } from "../../src/cli/io";

const NOW = new Date(2026, 10, 24, 9, 0, 0);

function usageError(argv: string[]): string {
  try {
    parseArgs(argv, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(2);
    return (e as Error).message;
  }
  throw new Error("expected a usage error for " + argv.join(" "));
}

describe("CLI arguments", () => {
  it("parses check with defaults (as-of = today's local date)", () => {
    const { def, ...rest } = parseArgs(["check", "a.xlsx"], NOW);
    expect(def?.id).toBe("check");
    expect(rest).toEqual({
      command: "check",
      file: "a.xlsx",
      files: [],
      out: undefined,
      asOf: "2026-11-24",
      asOfGiven: false,
      json: false,
      lang: "vi",
    });
  });

  it("parses check with --as-of and --json in any order, and --as-of=…", () => {
    expect(parseArgs(["--json", "check", "--as-of", "2026-06-30", "a.xlsx"], NOW)).toMatchObject({
      command: "check",
      asOf: "2026-06-30",
      asOfGiven: true,
      json: true,
    });
    expect(parseArgs(["check", "a.xlsx", "--as-of=2026-01-31"], NOW).asOf).toBe("2026-01-31");
  });

  it("parses summarize with -o / --out / --output", () => {
    expect(parseArgs(["summarize", "a.xlsx", "-o", "b.xlsx"], NOW)).toMatchObject({ command: "summarize", file: "a.xlsx", out: "b.xlsx" });
    expect(parseArgs(["summarize", "--output=b.xlsx", "a.xlsx"], NOW).out).toBe("b.xlsx");
    expect(parseArgs(["summarize", "a.xlsx", "--out", "c.xlsx", "--as-of", "2026-11-24"], NOW)).toMatchObject({
      out: "c.xlsx",
      asOf: "2026-11-24",
    });
  });

  it("help and version win over everything else", () => {
    expect(parseArgs(["--help"], NOW).command).toBe("help");
    expect(parseArgs(["check", "-h"], NOW).command).toBe("help");
    expect(parseArgs(["--version"], NOW).command).toBe("version");
  });

  it("files starting with a dash are reachable after --", () => {
    expect(parseArgs(["check", "--", "-x.xlsx"], NOW).file).toBe("-x.xlsx");
  });

  it.each([
    [["check", "a.xlsx", "--bogus"], /--bogus/],
    [["check", "a.xlsx", "-x"], /-x/],
    [["frobnicate", "a.xlsx"], /frobnicate/],
    [[], /Thiếu lệnh/],
    [["check"], /Thiếu tên tệp/],
    [["check", "a.xlsx", "b.xlsx"], /b\.xlsx/],
    [["check", "a.xlsx", "--as-of"], /--as-of/],
    [["check", "a.xlsx", "--as-of", "2026-02-30"], /2026-02-30/],
    [["check", "a.xlsx", "--as-of", "24/11/2026"], /24\/11\/2026/],
    [["check", "a.xlsx", "--as-of", "2026-13-01"], /2026-13-01/],
    [["clear", "a.xlsx", "--as-of", "2026-11-24", "-o", "b.xlsx"], /--as-of/],
    [["check", "a.xlsx", "--lang", "fr"], /fr/],
    [["clear", "a.xlsx"], /OUT/],
    [["summarize", "a.xlsx"], /OUT/],
    [["summarize", "a.xlsx", "-o", "b.xlsx", "--json"], /--json/],
    [["check", "a.xlsx", "--json=yes"], /--json=yes/],
  ])("usage error: %j", (argv, re) => {
    expect(usageError(argv as string[])).toMatch(re);
  });

  it("the sub-commands are the registry's, each with the options it declares", () => {
    expect(cliCommands().map((c) => c.cli!.name)).toEqual([
      "check",
      "summarize",
      "clear",
      "report",
      "split",
      "merge",
      "settings",
      "consolidate",
    ]);
    expect(parseArgs(["check", "a.xlsx", "--lang", "en", "-o", "b.xlsx"], NOW)).toMatchObject({ lang: "en", out: "b.xlsx" });
    expect(parseArgs(["clear", "a.xlsx", "-o", "b.xlsx"], NOW)).toMatchObject({ command: "clear", out: "b.xlsx" });
    expect(parseArgs(["report", "a.xlsx", "-o", "b.docx"], NOW)).toMatchObject({ command: "report", out: "b.docx" });
    expect(usageError(["report", "a.xlsx"])).toContain("phuluc report");
    expect(usageError(["frobnicate", "a.xlsx"])).toContain("check, summarize, clear, report, split, merge");
  });

  it("a command declared with several inputs takes FILE and at least one more; the others take exactly one", () => {
    expect(parseArgs(["merge", "plan.xlsx", "a.xlsx", "b.xlsx", "-o", "out.xlsx"], NOW)).toMatchObject({
      command: "merge",
      file: "plan.xlsx",
      files: ["a.xlsx", "b.xlsx"],
      out: "out.xlsx",
    });
    expect(usageError(["merge", "plan.xlsx", "-o", "out.xlsx"])).toContain("RETURN.xlsx");
    expect(usageError(["merge", "plan.xlsx", "a.xlsx"])).toContain("phuluc merge");
    expect(usageError(["split", "plan.xlsx", "other.xlsx", "-o", "dir"])).toContain("other.xlsx");
    expect(parseArgs(["split", "plan.xlsx", "-o", "dir"], NOW)).toMatchObject({
      command: "split",
      file: "plan.xlsx",
      files: [],
      out: "dir",
    });
    expect(usageError(["split", "plan.xlsx", "-o", "dir", "--json"])).toContain("--json");
  });

  it("validates calendar dates", () => {
    expect(isValidIsoDate("2026-11-24")).toBe(true);
    expect(isValidIsoDate("2028-02-29")).toBe(true);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2026-04-31")).toBe(false);
    expect(isValidIsoDate("2026-1-5")).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
