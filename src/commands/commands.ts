/// <reference types="office-js" />
/**
 * Entry of commands.html, the ribbon's function file: registers the registry's ribbon functions
 * (manifest.xml <FunctionName>) with Office.actions.associate — and as globals for hosts that still look
 * them up by name. Opened with ?dialog=1 the same page is the small result dialog.
 */
import "../core/zod-jitless";
import { todayIso } from "../core/dates";
import { OfficeWorkbookPort } from "../excel/port";
import { DIALOG_CLOSE, officeDialogNotify, renderDialog } from "./dialog";
import { COMMAND_NAMES } from "./names";
import { createCommands } from "./run-commands";

const params = new URLSearchParams(window.location.search);

if ((globalThis as { phulucOldEngine?: unknown }).phulucOldEngine) {
  // The old-engine script (src/legacy) has registered the functions and tells the user what to use instead.
} else if (params.get("dialog")) {
  Office.onReady(() => renderDialog(document, params, () => Office.context.ui.messageParent(DIALOG_CLOSE)));
} else {
  // Registered as soon as the bundle runs (office.js is loaded before it), not after Office.onReady:
  // the host may invoke the function as soon as the function file has loaded.
  const handlers = createCommands({
    port: () => new OfficeWorkbookPort(),
    today: () => todayIso(new Date()),
    notify: officeDialogNotify(),
  });
  for (const name of COMMAND_NAMES) {
    const fn = (event: Office.AddinCommands.Event) => void handlers[name](event);
    (globalThis as Record<string, unknown>)[name] = fn;
    try {
      Office.actions?.associate(name, fn);
    } catch {
      /* older hosts look the function up by its global name (set above) */
    }
  }
  Office.onReady(() => undefined);
}
