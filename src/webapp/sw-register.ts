/**
 * Registers the release's service worker (sw.js, beside index.html; see src/webapp/service-worker.js), so
 * that after one visit the web app opens and works with no network. A new release is installed in the
 * background and waits; `onUpdate` is called with a function that switches to it (the page reloads once
 * the new worker has taken over), so an open page never mixes the old release's files with the new one's.
 */
export const SKIP_WAITING = "phuluc:skip-waiting";

export interface RegisterOptions {
  onUpdate: (apply: () => void) => void;
  /** The browser's service worker container (tests inject one). */
  container?: ServiceWorkerContainer;
}

function watchInstalling(reg: ServiceWorkerRegistration, container: ServiceWorkerContainer, onUpdate: (apply: () => void) => void) {
  let applying = false;
  container.addEventListener("controllerchange", () => {
    // The new release took over because the user chose it: load its pages (once). A first install
    // taking control of the page is not a reason to reload.
    if (applying) window.location.reload();
    applying = false;
  });
  const offer = (worker: ServiceWorker) =>
    onUpdate(() => {
      applying = true;
      worker.postMessage(SKIP_WAITING);
    });
  if (reg.waiting && container.controller) offer(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    worker?.addEventListener("statechange", () => {
      // A first install (no controller yet) is not an update: the page already runs this release.
      if (worker.state === "installed" && container.controller) offer(worker);
    });
  });
}

/** Registers sw.js when the page can have one (https or localhost, a browser with service workers). */
export async function registerServiceWorker(options: RegisterOptions): Promise<ServiceWorkerRegistration | null> {
  const container = options.container ?? (typeof navigator !== "undefined" ? navigator.serviceWorker : undefined);
  if (!container || typeof window === "undefined" || !window.isSecureContext) return null;
  const reg = await container.register("sw.js");
  watchInstalling(reg, container, options.onUpdate);
  return reg;
}
