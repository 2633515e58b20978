/// <reference types="office-js" />
/**
 * Showing a command's result: function commands have no UI of their own, so the message opens in a small
 * Office dialog — this same commands.html with ?dialog=1&kind=…&msg=… — which the user closes.
 * If the dialog cannot open (another one is open, an old host), the command still completes.
 */
import { excelTexts } from "../i18n/excel";

export const DIALOG_CLOSE = "phuluc:close";
/** Close the dialog by itself after this long, so the command always completes. */
const MAX_OPEN_MS = 120_000;

export function dialogUrl(base: string, message: string, kind: "ok" | "error"): string {
  const u = new URL(base);
  u.search = "";
  u.hash = "";
  u.searchParams.set("dialog", "1");
  u.searchParams.set("kind", kind);
  u.searchParams.set("msg", message);
  return u.toString();
}

/** notify() for createCommands: opens the dialog and resolves when it is closed. */
export function officeDialogNotify(base: () => string = () => window.location.href) {
  return (message: string, kind: "ok" | "error"): Promise<void> =>
    new Promise<void>((resolve) => {
      let settled = false;
      const finish = (dialog?: Office.Dialog) => {
        if (settled) return;
        settled = true;
        try {
          dialog?.close();
        } catch {
          /* already closed */
        }
        resolve();
      };
      try {
        Office.context.ui.displayDialogAsync(dialogUrl(base(), message, kind), { height: 30, width: 30, displayInIframe: true }, (res) => {
          if (res.status !== Office.AsyncResultStatus.Succeeded) return finish();
          const dialog = res.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(dialog));
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(dialog));
          setTimeout(() => finish(dialog), MAX_OPEN_MS);
        });
      } catch {
        finish();
      }
    });
}

/** Inside the dialog: show the message (as text, never HTML) and a close button. */
export function renderDialog(doc: Document, params: URLSearchParams, close: () => void): void {
  const kind = params.get("kind") === "error" ? "error" : "ok";
  doc.title = excelTexts.dialogTitle;
  const body = doc.body;
  body.textContent = "";
  body.style.fontFamily = "'Segoe UI', system-ui, sans-serif";
  body.style.fontSize = "14px";
  body.style.margin = "16px";
  const p = doc.createElement("p");
  p.id = "message";
  p.setAttribute("role", kind === "error" ? "alert" : "status");
  p.style.color = kind === "error" ? "#A4262C" : "#107C10";
  p.style.lineHeight = "1.5";
  p.textContent = params.get("msg") ?? "";
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = excelTexts.dialogClose;
  button.style.padding = "6px 20px";
  button.addEventListener("click", close);
  body.append(p, button);
  button.focus();
}
