/**
 * --since for the CLI (check, report): a snapshot inside FILE must exist (else exit 2, naming the dates
 * there are); another file is opened read-only by the door (never modified). Loaded only when --since is given.
 */
import { OUTCOME_TEXTS } from "../../i18n/commands";
import { cliTexts } from "../../i18n/cli";
import { UsageError, type CliDoor, type Lang, type SinceRequest } from "../command";
import { listSnapshots, loadSnapshots } from "../use-cases/changes";
import type { SinceArg } from "./options";

export async function sinceRequest(since: SinceArg, lang: Lang, door: CliDoor): Promise<SinceRequest> {
  if (since.kind === "file") return { kind: "file", ...(await door.open(since.path)) };
  const { book, warning } = await loadSnapshots(door.port);
  if (warning) door.warn(OUTCOME_TEXTS[lang].snapshotsDamaged(warning.kind === "corrupt" ? null : warning.count));
  const dates = [...new Set(listSnapshots(book).map((s) => s.asOf))];
  if (!dates.includes(since.asOf)) throw new UsageError(cliTexts.sinceNotFound(since.asOf, dates));
  return { kind: "snapshot", asOf: since.asOf };
}

/** A command's input with --since, when given (the comparison's modules load only then). */
export async function sinceInput(args: { since?: SinceArg; lang: Lang }, door: CliDoor): Promise<{ since?: SinceRequest }> {
  return args.since ? { since: await sinceRequest(args.since, args.lang, door) } : {};
}
