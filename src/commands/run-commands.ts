/**
 * The ribbon's door: every registry command with a ribbon button (src/app/commands.ts) runs the same
 * command function as the CLI and the pane, on the open workbook, and tells its outcome in a small dialog.
 * Dependencies are injected so tests run it on the fake Excel. `event.completed()` is always called exactly
 * once, after the user has seen the result.
 */
import { ribbonCommands } from "../app/commands";
import type { WorkbookPort } from "../core/port";
import { toUserMessage } from "../i18n/excel";
import { excelTexts } from "../i18n/excel";

export interface CommandDeps {
  port: () => WorkbookPort;
  /** Today's date (ISO), in the user's time zone: the as-of date of a ribbon command. */
  today: () => string;
  /** Show the result to the user; resolves when it has been seen (or could not be shown). */
  notify: (message: string, kind: "ok" | "error") => Promise<void>;
}

export interface CommandEvent {
  completed: (options?: { allowEvent?: boolean }) => void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

/** A handler per ribbon function name (manifest.xml <FunctionName>). */
export function createCommands(deps: CommandDeps): Record<string, CommandHandler> {
  const handlers: Record<string, CommandHandler> = {};
  for (const def of ribbonCommands()) {
    handlers[def.ribbon!.functionName] = async (event) => {
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
          message = (await run({ port: deps.port(), asOf: deps.today(), lang: "vi", writeBack: true })).message;
        } catch (err) {
          message = excelTexts.commandFailed(toUserMessage(err));
          kind = "error";
        }
        try {
          await deps.notify(message, kind);
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
