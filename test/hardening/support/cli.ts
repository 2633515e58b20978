/** Running the real CLI in process (main + a captured CliIO) or as a child process (bin/phuluc.js). */
import { spawnSync } from "child_process";
import * as path from "path";
import { captureIO, runMain } from "../../support/cli-io";
import { parseJsonReport, type JsonReport } from "../../../src/core/report-schema";

export const ROOT = path.resolve(__dirname, "../../..");
export const AS_OF = "2026-11-24";

export { captureIO, runMain };

/** `phuluc check FILE --json` in process; the report is validated by its schema. */
export async function checkJson(file: string): Promise<{ code: number; report: JsonReport; err: string }> {
  const r = await runMain(["check", file, "--as-of", AS_OF, "--json"]);
  if (r.code === 2) throw new Error(`check failed: ${r.err}`);
  return { code: r.code, report: parseJsonReport(JSON.parse(r.out)), err: r.err };
}

/** node bin/phuluc.js … (needs `npm run build:cli`). */
export function runBin(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "phuluc.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
