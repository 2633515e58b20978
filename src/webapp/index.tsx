/**
 * The web app's entry (index.html). Renders the first screen at once; in a release build it registers the
 * service worker (sw.js), which keeps the app for use with no network and offers each new release. On an
 * engine too old for the bundle (Internet Explorer, Edge Legacy), src/legacy's script has already said
 * which browsers work, and nothing here runs.
 */
import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import { todayIso } from "../core/dates";
import { WebApp } from "./WebApp";
import { registerServiceWorker } from "./sw-register";

function wantsSample(): boolean {
  try {
    return new URLSearchParams(window.location.search).get("sample") === "1";
  } catch {
    return false;
  }
}

function Root() {
  const [update, setUpdate] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (process.env.NODE_ENV === "production") {
      registerServiceWorker({ onUpdate: (apply) => setUpdate(() => apply) }).catch(() => undefined);
      return;
    }
    // npm start serves files that change under it: no service worker, and none left from a release tried
    // at the same address (it would keep serving that release's pages).
    void navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
  }, []);
  return <WebApp today={todayIso(new Date())} autoSample={wantsSample()} update={update} />;
}

const el = document.getElementById("root");
if (el && !(globalThis as { phulucOldEngine?: unknown }).phulucOldEngine) {
  document.body.style.margin = "0";
  createRoot(el).render(<Root />);
}
