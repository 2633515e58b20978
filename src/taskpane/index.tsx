/**
 * Task pane entry. Inside Excel the pane runs on the Office.js adapter (loaded lazily, small); opened in a
 * plain browser it shows the web app (src/webapp, lazily: Excel users never load it; the web app's own
 * page is index.html). Inside Office the pane keeps "Đang tải" until Office.js is ready, however long a
 * cold Excel takes; the web app started because Office.js was slow gives way to Excel mode as soon as
 * Office reports Excel.
 * On an engine too old for the bundle (Internet Explorer / Edge Legacy web views), src/legacy's script
 * has already shown its message, and nothing here runs.
 */
import { createRoot, type Root } from "react-dom/client";
import { excelTexts } from "../i18n/excel";
import { UI } from "../i18n/ui";
import { App } from "./App";
import { watchHost, type Host } from "./host";
import { todayIso } from "../core/dates";
import { fileDeliveryFor, officePlatform } from "./file-delivery";

/** Set by the old-engine script (src/legacy) when it has taken over the page. */
function oldEngine(): boolean {
  return !!(globalThis as { phulucOldEngine?: unknown }).phulucOldEngine;
}

function showFailure(err: unknown): void {
  // A chunk that did not load (network, old cached page): say so plainly instead of a blank pane.
  const el = document.getElementById("root");
  if (el) {
    el.textContent = UI.vi.bootFailed(err instanceof Error ? err.message : String(err));
    el.setAttribute("role", "alert");
  }
}

function boot(): void {
  const el = document.getElementById("root");
  if (!el || oldEngine()) return;
  document.body.style.margin = "0";
  let root: Root | null = null;
  let latest: Host | null = null;
  const show = async (host: Host) => {
    latest = host;
    const view =
      host === "excel"
        ? await Promise.all([
            import(/* webpackChunkName: "excel" */ "../excel/port"),
            import(/* webpackChunkName: "excel" */ "../excel/open-workbook"),
          ]).then(([{ OfficeWorkbookPort }, { workbookOpener }]) => (
            <App
              port={new OfficeWorkbookPort()}
              today={todayIso(new Date())}
              delivery={fileDeliveryFor(officePlatform())}
              openWorkbook={workbookOpener()}
            />
          ))
        : await import(/* webpackChunkName: "webapp" */ "../webapp/WebApp").then(({ WebApp }) => (
            <WebApp today={todayIso(new Date())} autoSample={new URLSearchParams(window.location.search).get("sample") === "1"} />
          ));
    if (latest !== host) return; // Excel reported while the web app was loading: Excel wins
    root ??= createRoot(el);
    root.render(view);
  };
  watchHost((host) => void show(host).catch(showFailure), {
    onSlow: () => {
      const message = document.getElementById("boot-message");
      if (message) message.textContent = excelTexts.stillLoading;
    },
  });
}

try {
  boot();
} catch (err) {
  showFailure(err);
}
