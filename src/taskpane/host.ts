/**
 * Where are we running: inside Excel (Office.js ready with the Excel host) or a plain browser?
 *
 * Office.js answers through Office.onReady, which can take well over ten seconds in a cold Excel start.
 * A plain browser is told apart from "inside Office, still loading" by the signs Office leaves on an
 * add-in page before Office.js is ready (the same ones office.js itself reads to find its host):
 * - `_host_Info=Excel$Win32$16.01$…` appended to the page's query (Office on Windows, Mac and the web);
 * - office.js's copy of it in sessionStorage ("hostInfoValue"), which survives a reload of the pane;
 * - window.name holding a JSON object with `hostInfo` (Office on the web's frames);
 * - window.external.GetHostInfo, the Windows web view's bridge.
 * With a sign, the pane keeps "đang tải" for as long as Office.js takes; without one, it starts the
 * preview after the timeout — and still switches to Excel mode if Office.onReady reports Excel later.
 */

export type Host = "excel" | "browser";

/** What the signs are read from (injectable for tests; defaults to the page's window). */
export interface HostEnv {
  search?: string;
  hash?: string;
  name?: string;
  sessionStorage?: Pick<Storage, "getItem"> | null;
  external?: unknown;
}

function pageEnv(): HostEnv {
  const w = (typeof window !== "undefined" ? window : {}) as Partial<Window>;
  let storage: Pick<Storage, "getItem"> | null = null;
  try {
    storage = w.sessionStorage ?? null; // access itself can throw (storage blocked)
  } catch {
    storage = null;
  }
  return { search: w.location?.search, hash: w.location?.hash, name: w.name, sessionStorage: storage, external: w.external };
}

/** True when the page shows a sign of having been opened by Office (see the module comment). */
export function officeSignals(env: HostEnv = pageEnv()): boolean {
  if (/[?&#]_host_info=/i.test(`${env.search ?? ""}${env.hash ?? ""}`)) return true;
  try {
    if (env.sessionStorage?.getItem("hostInfoValue")) return true;
  } catch {
    /* storage blocked */
  }
  if (env.name && env.name.charAt(0) === "{") {
    try {
      const parsed = JSON.parse(env.name) as { hostInfo?: unknown };
      if (parsed && typeof parsed.hostInfo === "string" && parsed.hostInfo) return true;
    } catch {
      /* not Office's */
    }
  }
  try {
    return typeof (env.external as { GetHostInfo?: unknown } | undefined)?.GetHostInfo === "function";
  } catch {
    return false;
  }
}

export interface WatchOptions {
  /** How long a page without Office's signs waits for Office.js before starting the preview. */
  timeoutMs?: number;
  /** Whether Office opened the page (default: officeSignals()). */
  insideOffice?: boolean;
  /** Inside Office, Office.js is still not ready after the timeout: say so, and keep waiting. */
  onSlow?: () => void;
}

/**
 * Calls `onHost` with the host as soon as it is known: "excel" when Office.onReady reports Excel,
 * "browser" when it reports another host or none, fails, or (outside Office only) does not answer within
 * the timeout. After "browser", a late Office.onReady reporting Excel calls `onHost("excel")` once more
 * (a slow Excel that the timeout took for a browser); "excel" is always the last word.
 */
export function watchHost(onHost: (host: Host) => void, options: WatchOptions = {}): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") {
    onHost("browser");
    return;
  }
  const insideOffice = options.insideOffice ?? officeSignals();
  let answered: Host | null = null;
  const answer = (h: Host) => {
    if (answered === "excel" || answered === h) return;
    answered = h;
    onHost(h);
  };
  const timer = setTimeout(() => {
    if (answered) return;
    if (insideOffice) options.onSlow?.();
    else answer("browser");
  }, options.timeoutMs ?? 10000);
  let ready: Promise<{ host: Office.HostType | null } | undefined>;
  try {
    ready = Promise.resolve(office.onReady());
  } catch {
    ready = Promise.reject(new Error("Office.onReady failed"));
  }
  ready.then(
    (info) => {
      clearTimeout(timer);
      answer(info && info.host === office.HostType.Excel ? "excel" : "browser");
    },
    () => {
      clearTimeout(timer);
      answer("browser");
    },
  );
}

/** The first answer of watchHost, as a promise (never rejects; may stay pending inside a slow Office). */
export function detectHost(timeoutMs = 10000, options: Omit<WatchOptions, "timeoutMs"> = {}): Promise<Host> {
  return new Promise<Host>((resolve) => watchHost(resolve, { ...options, timeoutMs }));
}
