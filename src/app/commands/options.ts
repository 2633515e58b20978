/**
 * Every CLI option a command may declare (its `cli.options`): how it is typed, how the usage line shows it,
 * and how its value is checked and read. The CLI door (src/cli/args.ts) parses the command line with it;
 * a command gets the values as typed fields of its `CliArgs`. Only the CLI loads this module at run time.
 */
import { isIsoDate } from "../../core/dates";
import { planSettingsFrom } from "../../core/document/identity";
import { parseCommune, readPlanReference } from "../../core/document/plan-ref";
import { cliTexts } from "../../i18n/cli";
import { consolidateUsageTexts } from "../../i18n/consolidate";
import { UsageError, type Lang } from "../command";

export interface OptionSpec<V> {
  /** As typed (-o, --out and --output are one option). */
  readonly flags: readonly string[];
  /** It takes a value (--as-of 2026-11-24); otherwise it is a flag (--json). */
  readonly takesValue: boolean;
  /** How the usage line shows it ("[--as-of YYYY-MM-DD]"); -o is shown from the command's `out`. */
  readonly usage: string;
  /** It changes the workbook's settings: refused without -o. */
  readonly needsOut?: boolean;
  /** The value checked (a UsageError, exit 2, for one that cannot be right) and read. */
  readonly parse: (value: string, flag: string) => V;
}

const option = <V>(spec: OptionSpec<V>): OptionSpec<V> => spec;

/** A value as a person types it: NFC, one space between words. */
const tidy = (value: string) => value.normalize("NFC").replace(/\s+/g, " ").trim();

/** A text that must not be empty (the signer, the issuing body…). */
function someText(value: string, flag: string): string {
  const text = tidy(value);
  if (!text) throw new UsageError(cliTexts.emptyValue(flag));
  return text;
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
    throw new UsageError(cliTexts.badAccept(value));
  return {
    ...(words.length ? { all: words[0] === "all" ? ("accept" as const) : ("reject" as const) } : {}),
    ids: parts.filter((x) => !words.includes(x)),
  };
}

export type SinceArg = { kind: "date"; asOf: string } | { kind: "file"; path: string };

/** --since VALUE: a date written YYYY-MM-DD (it must exist) is a snapshot's; anything else names a file. */
export function parseSince(value: string): SinceArg {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    if (!isIsoDate(value.trim())) throw new UsageError(cliTexts.badSince(value));
    return { kind: "date", asOf: value.trim() };
  }
  if (!value.trim()) throw new UsageError(cliTexts.badSince(value));
  return { kind: "file", path: value };
}

/** --plan "Kế hoạch số …": the plan's number, date and title. */
function parsePlan(value: string): NonNullable<ReturnType<typeof planSettingsFrom>> {
  const plan = tidy(value);
  const fields = planSettingsFrom(plan);
  if (!fields) throw new UsageError(readPlanReference(plan).dateInvalid ? cliTexts.badPlanDate(plan) : cliTexts.badPlan(plan));
  return fields;
}

export const CLI_OPTIONS = {
  asOf: option({
    flags: ["--as-of"],
    takesValue: true,
    usage: "[--as-of YYYY-MM-DD]",
    parse: (value) => {
      if (!isIsoDate(value)) throw new UsageError(cliTexts.badAsOf(value));
      return value;
    },
  }),
  json: option({ flags: ["--json"], takesValue: false, usage: "[--json]", parse: () => true }),
  lang: option({
    flags: ["--lang"],
    takesValue: true,
    usage: "[--lang vi|en]",
    parse: (value): Lang => {
      if (value !== "vi" && value !== "en") throw new UsageError(cliTexts.badLang(value));
      return value;
    },
  }),
  out: option({ flags: ["-o", "--out", "--output"], takesValue: true, usage: "", parse: (value) => value }),
  since: option({ flags: ["--since"], takesValue: true, usage: "[--since YYYY-MM-DD|OLD.xlsx]", parse: parseSince }),
  commune: option({
    flags: ["--commune"],
    takesValue: true,
    usage: '[--commune "phường …"]',
    needsOut: true,
    parse: (value) => {
      if (!parseCommune(tidy(value))) throw new UsageError(cliTexts.badCommune(value));
      return tidy(value);
    },
  }),
  plan: option({ flags: ["--plan"], takesValue: true, usage: '[--plan "Kế hoạch số …"]', needsOut: true, parse: parsePlan }),
  signer: option({ flags: ["--signer"], takesValue: true, usage: '[--signer "Họ tên"]', needsOut: true, parse: someText }),
  signerTitle: option({
    flags: ["--signer-title"],
    takesValue: true,
    usage: '[--signer-title "CHỦ TỊCH"]',
    needsOut: true,
    parse: someText,
  }),
  unitsFromPlan: option({
    flags: ["--units-from-plan"],
    takesValue: false,
    usage: "[--units-from-plan]",
    needsOut: true,
    parse: () => true,
  }),
  accept: option({ flags: ["--accept"], takesValue: true, usage: "[--accept all|none|ID,ID…]", parse: parseAccept }),
  decisions: option({ flags: ["--decisions"], takesValue: true, usage: "[--decisions FILE.json]", parse: (value) => value }),
  reportFile: option({
    flags: ["--report"],
    takesValue: true,
    usage: "[--report BAO-CAO.docx]",
    parse: (value) => {
      if (!/\.docx$/i.test(value.trim())) throw new UsageError(consolidateUsageTexts.reportNeedsDocx(value));
      return value;
    },
  }),
  issuer: option({ flags: ["--issuer"], takesValue: true, usage: '[--issuer "ỦY BAN NHÂN DÂN THÀNH PHỐ …"]', parse: someText }),
  parent: option({ flags: ["--parent"], takesValue: true, usage: '[--parent "CƠ QUAN CẤP TRÊN"]', parse: someText }),
};

export type CliOption = keyof typeof CLI_OPTIONS;

/** Each option's value as read. */
export type CliOptionValues = { [K in CliOption]: ReturnType<(typeof CLI_OPTIONS)[K]["parse"]> };
