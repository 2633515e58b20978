/**
 * Task pane entry. Inside Excel the pane runs on the Office.js adapter (loaded lazily, small); in a
 * plain browser it starts the preview shell (lazily: it brings ExcelJS, which Excel users never load).
 */
import { createRoot } from "react-dom/client";
import { UI } from "../i18n/ui";
import { App } from "./App";
import { detectHost } from "./host";
import { todayIso } from "../core/dates";
import { fileDeliveryFor, officePlatform } from "./file-delivery";

async function boot(): Promise<void> {
  const el = document.getElementById("root");
  if (!el) return;
  document.body.style.margin = "0";
  const host = await detectHost();
  const root = createRoot(el);
  if (host === "excel") {
    const { OfficeWorkbookPort } = await import(/* webpackChunkName: "excel" */ "../excel/port");
    root.render(<App port={new OfficeWorkbookPort()} today={todayIso(new Date())} delivery={fileDeliveryFor(officePlatform())} />);
  } else {
    const { PreviewShell } = await import(/* webpackChunkName: "preview" */ "./preview/PreviewShell");
    root.render(<PreviewShell today={todayIso(new Date())} />);
  }
}

boot().catch((err) => {
  // A chunk that did not load (network, old cached page): say so plainly instead of a blank pane.
  const el = document.getElementById("root");
  if (el) {
    el.textContent = UI.vi.bootFailed(err instanceof Error ? err.message : String(err));
    el.setAttribute("role", "alert");
  }
});
