/**
 * LibreOffice in the tests: convert files in one headless `soffice --convert-to` call (starting it costs
 * seconds, so a suite converts all its files at once), with a profile folder of its own so suites running
 * side by side do not share one.
 */
import { spawnSync } from "child_process";

export interface SofficeOptions {
  /** The target, e.g. "xlsx", "xlsx:Calc Office Open XML", "pdf". */
  to: string;
  outDir: string;
  /** The user profile folder (created by LibreOffice). */
  profile: string;
  /** HOME for the call (some LibreOffice builds write there too). */
  home?: string;
  timeout?: number;
}

/** Convert `inputs` into `outDir`; throws with LibreOffice's message when it fails. */
export function sofficeConvert(inputs: readonly string[], o: SofficeOptions): void {
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${o.profile}`, "--headless", "--convert-to", o.to, "--outdir", o.outDir, ...inputs],
    { encoding: "utf8", timeout: o.timeout ?? 240000, ...(o.home ? { env: { ...process.env, HOME: o.home } } : {}) },
  );
  if (r.error || r.status !== 0) throw new Error(`soffice failed: ${r.error?.message ?? r.stderr}`);
}
