/** Where are we running: inside Excel (Office.js ready with the Excel host) or a plain browser? */

export type Host = "excel" | "browser";

/** Resolves "excel" only when Office.js loaded and reports the Excel host; never rejects. */
export function detectHost(timeoutMs = 10000): Promise<Host> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve("browser");
  return new Promise<Host>((resolve) => {
    const timer = setTimeout(() => resolve("browser"), timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve(info && info.host === office.HostType.Excel ? "excel" : "browser");
      },
      () => {
        clearTimeout(timer);
        resolve("browser");
      },
    );
  });
}
