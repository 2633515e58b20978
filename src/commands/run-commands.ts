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
import { ribbonCommands } from "../app/commands";
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

/** A handler per ribbon function name (manifest.xml <FunctionName>). */
export function createCommands(deps: CommandDeps): Record<string, CommandHandler> {
  const handlers: Record<string, CommandHandler> = {};
  const now = deps.now ?? Date.now;
  for (const def of ribbonCommands()) {
    handlers[def.ribbon!.functionName] = async (event) => {
      const clicked = now();
      let done = false;
      const complete = () => {
        if (done) return;
        done = true;
        try {
          event.completed();
        } catch {
          /* the host may already have closed the command */
        }
      };
      try {
        let message: string;
        let kind: "ok" | "error" = "ok";
        try {
          const { run } = await def.load!();
          const cancel = new CancelToken(() => now() - clicked >= HANDOFF_AFTER_MS);
          message = (
            await run({ port: deps.port(), asOf: deps.today(), lang: "vi", writeBack: true, deps: { cancel, writers: lazyWriters } })
          ).message;
        } catch (err) {
          if (err instanceof Cancelled) message = excelTexts.handOff(COMMAND_STRINGS.vi[def.id as keyof typeof COMMAND_STRINGS.vi].label);
          else {
            message = excelTexts.commandFailed(toUserMessage(err));
            kind = "error";
          }
        }
        try {
          await deps.notify(message, kind, clicked + RUNTIME_LIMIT_MS - CLOSE_MARGIN_MS);
        } catch {
          /* nothing more we can show */
        }
      } finally {
        complete();
      }
    };
  }
  return handlers;
}
