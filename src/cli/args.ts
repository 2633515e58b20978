/**
 * Command-line arguments, derived from the command registry (src/app/commands.ts): its sub-commands, the
 * options each takes, and whether it writes a copy (-o OUT). Usage problems are CliError (exit 2) with a
 * Vietnamese message.
 *   phuluc <command> FILE [options]     (see `phuluc --help`)
 *   phuluc --help | -h | --version | -V
 */
import { cliCommands, type CliOption, type CommandDef } from "../app/commands";
import type { SettingsEdit } from "../app/command";
import { isIsoDate, todayIso } from "../core/dates";
import { parseCommune, readPlanReference } from "../core/document/plan-ref";
import { planSettingsFrom } from "../core/document/identity";
import { cliTexts } from "../i18n/cli";
import { consolidateUsageTexts } from "../i18n/consolidate";
import { CliError } from "./io";
import type { Lang } from "../core/lang";

export interface ParsedArgs {
  /** A registry command's id, or help / version. */
  command: string;
  /** The command's registry entry (absent for help and version). */
  def?: CommandDef;
  /** The workbook to work on. */
  file: string;
  /** More files after it (commands that take several: merge's returns). */
  files: string[];
  /** -o OUT: where the changed copy is written. */
  out?: string;
  /** The as-of date, ISO YYYY-MM-DD: --as-of, or today (local date) when not given. */
  asOf: string;
  /** True when --as-of was given. */
  asOfGiven: boolean;
  /** Print the JSON report. */
  json: boolean;
  /** Language of messages in the output (issue messages, the command's result): --lang, default vi. */
  lang: Lang;
  /** --since: a summary snapshot inside the file (by its as-of date), or another version of the file. */
  since?: SinceArg;
  /** settings: what to change (--commune, --plan, --signer, --signer-title, --units-from-plan). */
  settingsEdit?: SettingsEdit;
  /** merge --accept all|none|ID,ID…: the proposals accepted (or, "none", all rejected). */
  accept?: AcceptArg;
  /** merge --decisions FILE.json: {id: "accept" | "reject"}. */
  decisions?: string;
  /** consolidate: the report to draft (--report X.docx), the issuing body (--issuer) and its parent (--parent). */
  city?: { report?: string; issuer?: string; parent?: string };
}

export interface AcceptArg {
  all?: "accept" | "reject";
  ids: string[];
}

/** --accept VALUE: "all", "none", ids separated by commas, or "all" with the ids of values to keep where units disagree. */
export function parseAccept(value: string): AcceptArg {
  const parts = value
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const words: string[] = parts.filter((x) => x === "all" || x === "none");
  if (
    !parts.length ||
    new Set(words).size > 1 ||
    (words.includes("none") && parts.length > 1) ||
    parts.some((x) => !/^[\w-]{1,40}$/.test(x))
  )
    throw new CliError(cliTexts.badAccept(value));
  return {
    ...(words.length ? { all: words[0] === "all" ? ("accept" as const) : ("reject" as const) } : {}),
    ids: parts.filter((x) => !words.includes(x)),
  };
}

export type SinceArg = { kind: "date"; asOf: string } | { kind: "file"; path: string };

/** --since VALUE: a date written YYYY-MM-DD (it must exist) is a snapshot's; anything else names a file. */
export function parseSince(value: string): SinceArg {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    if (!isIsoDate(value.trim())) throw new CliError(cliTexts.badSince(value));
    return { kind: "date", asOf: value.trim() };
  }
  if (!value.trim()) throw new CliError(cliTexts.badSince(value));
  return { kind: "file", path: value };
}

/** Flags (no value) and valued options, by the registry's option names. */
const FLAGS: Record<string, CliOption> = { "--json": "json", "--units-from-plan": "unitsFromPlan" };
const VALUED: Record<string, CliOption> = {
  "--as-of": "asOf",
  "--lang": "lang",
  "-o": "out",
  "--out": "out",
  "--output": "out",
  "--since": "since",
  "--commune": "commune",
  "--plan": "plan",
  "--signer": "signer",
  "--signer-title": "signerTitle",
  "--accept": "accept",
  "--decisions": "decisions",
  "--report": "report",
  "--issuer": "issuer",
  "--parent": "parent",
};

/** Every option as typed (the help lists each: a test checks it). */
export const OPTION_FLAGS: readonly string[] = [...Object.keys(FLAGS), ...Object.keys(VALUED)];

/** The settings a `settings` command changes, each value checked (one line, exit 2, for one that cannot be right). */
function settingsEditOf(given: Map<CliOption, { flag: string; value: string }>): SettingsEdit | undefined {
  const edit: SettingsEdit = {};
  const text = (o: CliOption) => given.get(o)?.value.normalize("NFC").replace(/\s+/g, " ").trim();
  const commune = text("commune");
  if (commune !== undefined) {
    if (!parseCommune(commune)) throw new CliError(cliTexts.badCommune(given.get("commune")!.value));
    edit.commune = commune;
  }
  const plan = text("plan");
  if (plan !== undefined) {
    const fields = planSettingsFrom(plan);
    if (!fields) throw new CliError(readPlanReference(plan).dateInvalid ? cliTexts.badPlanDate(plan) : cliTexts.badPlan(plan));
    edit.plan = fields;
  }
  for (const [o, key] of [
    ["signer", "signerName"],
    ["signerTitle", "signerTitle"],
  ] as const) {
    const v = text(o);
    if (v === undefined) continue;
    if (!v) throw new CliError(cliTexts.emptyValue(given.get(o)!.flag));
    edit[key] = v;
  }
  if (given.has("unitsFromPlan")) edit.unitsFromPlan = true;
  return Object.keys(edit).length ? edit : undefined;
}

/** The usage line's arguments of a command, from the options it declares ("FILE -o OUT [--as-of YYYY-MM-DD]"). */
export function usageOf(def: CommandDef): string {
  const cli = def.cli!;
  const shown: Record<Exclude<CliOption, "out">, string> = {
    asOf: "[--as-of YYYY-MM-DD]",
    json: "[--json]",
    lang: "[--lang vi|en]",
    since: "[--since YYYY-MM-DD|OLD.xlsx]",
    commune: '[--commune "phường …"]',
    plan: '[--plan "Kế hoạch số …"]',
    signer: '[--signer "Họ tên"]',
    signerTitle: '[--signer-title "CHỦ TỊCH"]',
    unitsFromPlan: "[--units-from-plan]",
    accept: "[--accept all|none|ID,ID…]",
    decisions: "[--decisions FILE.json]",
    report: "[--report BAO-CAO.docx]",
    issuer: '[--issuer "ỦY BAN NHÂN DÂN THÀNH PHỐ …"]',
    parent: '[--parent "CƠ QUAN CẤP TRÊN"]',
  };
  const parts = [cli.inputs === "many" ? "FILE RETURN.xlsx…" : cli.inputs === "paths" ? "DIR|FILE…" : "FILE"];
  const out = cli.output === "directory" ? "DIR" : "OUT";
  if (cli.out === "required") parts.push(`-o ${out}`);
  for (const o of cli.options) if (o !== "out") parts.push(shown[o]);
  if (cli.out === "optional") parts.push(`[-o ${out}]`);
  return parts.join(" ");
}

export function parseArgs(argv: string[], now: Date = new Date()): ParsedArgs {
  let def: CommandDef | undefined;
  const positional: string[] = [];
  const given = new Map<CliOption, { flag: string; value: string }>();
  let help = false;
  let version = false;
  const commands = cliCommands();

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
      if (opt === "-h" || opt === "--help") help = true;
      else if (opt === "-V" || opt === "--version") version = true;
      else if (FLAGS[opt]) {
        if (inline !== undefined) throw new CliError(cliTexts.unknownOption(a));
        given.set(FLAGS[opt], { flag: opt, value: "" });
      } else if (VALUED[opt]) {
        const [value, next] = takeValue(opt, inline, i);
        i = next;
        given.set(VALUED[opt], { flag: opt, value });
      } else throw new CliError(cliTexts.unknownOption(a));
      continue;
    }
    if (!def && positional.length === 0) {
      def = commands.find((c) => c.cli!.name === a);
      if (!def)
        throw new CliError(
          cliTexts.unknownCommand(
            a,
            commands.map((c) => c.cli!.name),
          ),
        );
      continue;
    }
    positional.push(a);
  }

  const base = { file: "", files: [], asOf: "", asOfGiven: false, json: false, lang: "vi" as const };
  if (help) return { command: "help", ...base };
  if (version) return { command: "version", ...base };
  if (!def) throw new CliError(cliTexts.missingCommand);
  const cli = def.cli!;
  if (positional.length === 0)
    throw new CliError(cli.inputs === "paths" ? consolidateUsageTexts.missingInputs : cliTexts.missingFile(cli.name));
  if (cli.inputs === "many" && positional.length < 2) throw new CliError(cliTexts.missingInputs(cli.name));
  if (!cli.inputs?.match(/^(many|paths)$/) && positional.length > 1) throw new CliError(cliTexts.extraArgument(positional[1]));
  for (const [option, { flag }] of given) {
    if (!cli.options.includes(option)) throw new CliError(cliTexts.optionNotFor(flag, cli.name));
  }
  const settingsEdit = settingsEditOf(given);
  // (consolidate's --plan and --signer are its report's, not settings to write: its -o is required anyway)
  if (settingsEdit && given.get("out") === undefined && cli.out !== "required") throw new CliError(cliTexts.settingsNeedOut(cli.name));
  const asOf = given.get("asOf")?.value;
  if (asOf !== undefined && !isIsoDate(asOf)) throw new CliError(cliTexts.badAsOf(asOf));
  const lang = given.get("lang")?.value;
  if (lang !== undefined && lang !== "vi" && lang !== "en") throw new CliError(cliTexts.badLang(lang));
  const out = given.get("out")?.value;
  if (cli.out === "required" && out === undefined) throw new CliError(cliTexts.missingOut(cli.name));
  const since = given.get("since")?.value;
  const accept = given.get("accept")?.value;
  const decisions = given.get("decisions")?.value;
  return {
    command: def.id,
    def,
    file: positional[0],
    files: positional.slice(1),
    out,
    asOf: asOf ?? todayIso(now),
    asOfGiven: asOf !== undefined,
    json: given.has("json"),
    lang: lang ?? "vi",
    ...(since !== undefined ? { since: parseSince(since) } : {}),
    ...(settingsEdit ? { settingsEdit } : {}),
    ...(accept !== undefined ? { accept: parseAccept(accept) } : {}),
    ...(decisions !== undefined ? { decisions } : {}),
    ...cityArgs(given),
  };
}

/** consolidate's own values: --report must name a .docx; --issuer and --parent must not be empty. */
function cityArgs(given: Map<CliOption, { flag: string; value: string }>): Pick<ParsedArgs, "city"> {
  const city: NonNullable<ParsedArgs["city"]> = {};
  const report = given.get("report")?.value;
  if (report !== undefined) {
    if (!/\.docx$/i.test(report.trim())) throw new CliError(consolidateUsageTexts.reportNeedsDocx(report));
    city.report = report;
  }
  for (const o of ["issuer", "parent"] as const) {
    const v = given.get(o);
    if (!v) continue;
    const text = v.value.normalize("NFC").replace(/\s+/g, " ").trim();
    if (!text) throw new CliError(cliTexts.emptyValue(v.flag));
    city[o] = text;
  }
  return Object.keys(city).length ? { city } : {};
}
