/// <reference types="office-js" />
/**
 * Showing a command's result: function commands have no UI of their own, so the message opens in a small
 * Office dialog — this same commands.html with ?dialog=1&kind=…&msg=… — which the user closes.
 * If the dialog cannot open (another one is open, an old host), the command still completes.
 */
import { excelTexts } from "../i18n/excel";

export const DIALOG_CLOSE = "phuluc:close";
/** Close the dialog by itself after this long, so the command always completes. */
export const DIALOG_MAX_OPEN_MS = 120_000;

export function dialogUrl(base: string, message: string, kind: "ok" | "error"): string {
  const u = new URL(base);
  u.search = "";
  u.hash = "";
  u.searchParams.set("dialog", "1");
  u.searchParams.set("kind", kind);
  u.searchParams.set("msg", message);
  return u.toString();
}

/**
 * notify() for createCommands: opens the dialog and resolves when it is closed — by the user, or by itself
 * after DIALOG_MAX_OPEN_MS or at `closeBy` (ms, the command's own deadline) if that comes first. With no
 * time left, no dialog is opened.
 */
export function officeDialogNotify(base: () => string = () => window.location.href, now: () => number = Date.now) {
  return (message: string, kind: "ok" | "error", closeBy?: number): Promise<void> => {
    const open = closeBy === undefined ? DIALOG_MAX_OPEN_MS : Math.min(DIALOG_MAX_OPEN_MS, closeBy - now());
    if (open <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let settled = false;
      let dialog: Office.Dialog | undefined;
      const close = (d: Office.Dialog | undefined) => {
        try {
          d?.close();
        } catch {
          /* already closed */
        }
      };
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        close(dialog);
        resolve();
      };
      // Started before asking for the dialog: a host that never calls back (a dialog blocked, another one
      // open in an old build) must not keep the command — and the ribbon button — waiting for ever.
      const timer = setTimeout(finish, open);
      try {
        Office.context.ui.displayDialogAsync(dialogUrl(base(), message, kind), { height: 30, width: 30, displayInIframe: true }, (res) => {
          if (res.status !== Office.AsyncResultStatus.Succeeded) return finish();
          if (settled) return close(res.value); // too late: the command has completed
          dialog = res.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
        });
      } catch {
        finish();
      }
    });
  };
}

/** Inside the dialog: show the message (as text, never HTML) and a close button; Escape closes it too. */
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
  doc.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  button.focus();
}
