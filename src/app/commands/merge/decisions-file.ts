/** merge's --decisions FILE.json and --accept, for the CLI: what the person merging decided. */
import { z } from "zod";
import type { Decision, DecisionInput } from "../../../core/returned-copies/decisions";
import { cliTexts } from "../../../i18n/cli";
import { UsageError, type CliArgs, type CliDoor } from "../../command";

/** A decisions file is read whole: bounded (an id and a word per line of a very large merge fit many times over). */
const MAX_DECISIONS_BYTES = 32 * 1024 * 1024;
const DecisionsFileSchema = z.record(z.string().max(64), z.enum(["accept", "reject"]));

/** {id: "accept" | "reject"} from FILE.json (exit 2, one line, when it cannot be read or is not that). */
function readDecisionsFile(file: string, door: CliDoor): Map<string, Decision> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(door.readText(file, MAX_DECISIONS_BYTES));
  } catch (e) {
    throw new UsageError(cliTexts.badDecisions(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message), 2, { cause: e });
  }
  const r = DecisionsFileSchema.safeParse(parsed);
  if (!r.success) throw new UsageError(cliTexts.badDecisions(file, r.error.issues[0]?.message ?? "JSON"), 2);
  return new Map(Object.entries(r.data));
}

/** --decisions and --accept together (--accept wins for the ids it names); undefined when neither is given. */
export function decisionsOf(args: CliArgs, door: CliDoor): DecisionInput | undefined {
  if (!args.accept && args.decisions === undefined) return undefined;
  const byId = args.decisions !== undefined ? readDecisionsFile(args.decisions, door) : new Map<string, Decision>();
  for (const id of args.accept?.ids ?? []) byId.set(id, "accept");
  return { ...(args.accept?.all ? { all: args.accept.all } : {}), byId };
}
