/**
 * The ribbon's door: every registry command with a ribbon button (src/app/commands.ts) runs the same
 * command function as the CLI and the pane, on the open workbook, and tells its outcome in a small dialog.
 * Dependencies are injected so tests run it on the fake Excel. `event.completed()` is always called exactly
 * once, after the user has seen the result.
 *
 * Timed from the click: Office shuts a function command's runtime down five minutes after the event that
 * started it, whatever it is doing. So a command that has not started writing HANDOFF_AFTER_MS after the
 * click writes nothing and hands the work to the pane (which has no such limit) — a summary is never cut
 * off half written — and the result dialog closes itself, completing the command, CLOSE_MARGIN_MS before
 * the limit however long the work took.
 */
import { ribbonCommands, type CommandDef, type CommandId } from "../app/commands";
import { Cancelled, CancelToken } from "../app/run-context";
import type { WorkbookPort } from "../core/port";
import { COMMAND_STRINGS } from "../i18n/commands";
import { toUserMessage } from "../i18n/excel";
import { excelTexts } from "../i18n/excel";
import { lazyWriters } from "../taskpane/writers";

/** A function command's runtime is shut down this long after its triggering event. */
export const RUNTIME_LIMIT_MS = 5 * 60_000;
/** Work not yet writing by then is handed off to the pane (the rest of the limit is for writing). */
export const HANDOFF_AFTER_MS = 2 * 60_000;
/** The command completes at the latest this long before the limit (the function file loads after the click). */
export const CLOSE_MARGIN_MS = 30_000;

export interface CommandDeps {
  port: () => WorkbookPort;
  /** Today's date (ISO), in the user's time zone: the as-of date of a ribbon command. */
  today: () => string;
  /** Show the result to the user; resolves when it has been seen, could not be shown, or `closeBy` (ms) came. */
  notify: (message: string, kind: "ok" | "error", closeBy: number) => Promise<void>;
  /** The clock (ms), to time the command from the click. Default Date.now. */
  now?: () => number;
}

export interface CommandEvent {
  completed: (options?: { allowEvent?: boolean }) => void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

/** What the dialog says after the button's command: its message, a hand-off to the pane, or the failure. */
async function runForButton(
  def: CommandDef,
  deps: CommandDeps,
  clicked: number,
  now: () => number,
): Promise<{ message: string; kind: "ok" | "error" }> {
  try {
    const { run } = await def.load!();
    const cancel = new CancelToken(() => now() - clicked >= HANDOFF_AFTER_MS);
    const request = { port: deps.port(), asOf: deps.today(), lang: "vi" as const, writeBack: true, deps: { cancel, writers: lazyWriters } };
    return { message: (await run(request, def.ribbon!.input())).message, kind: "ok" };
  } catch (err) {
    if (err instanceof Cancelled) return { message: excelTexts.handOff(COMMAND_STRINGS.vi[def.id as CommandId].label), kind: "ok" };
    return { message: excelTexts.commandFailed(toUserMessage(err)), kind: "error" };
  }
}

/** A handler per ribbon function name (manifest.xml <FunctionName>): each button's entry in the command's definition. */
export function createCommands(deps: CommandDeps): Record<string, CommandHandler> {
  const handlers: Record<string, CommandHandler> = {};
  const now = deps.now ?? Date.now;
  for (const def of ribbonCommands()) {
    handlers[def.ribbon!.functionName] = async (event) => {
      const clicked = now();
      try {
        const { message, kind } = await runForButton(def, deps, clicked, now);
        try {
          await deps.notify(message, kind, clicked + RUNTIME_LIMIT_MS - CLOSE_MARGIN_MS);
        } catch {
          /* nothing more we can show */
        }
      } finally {
        try {
          event.completed();
        } catch {
          /* the host may already have closed the command */
        }
      }
    };
  }
  return handlers;
}
