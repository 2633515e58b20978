/**
 * One commune's workbook read into the city's numbers (phuluc consolidate): checked like `phuluc check`
 * does — with the workbook's own settings, so its own units and reading rules, at the city's as-of date —
 * then reduced to the commune's row (src/core/consolidate/reads.ts). A file that cannot be read, or is no
 * commune's plan, comes back as skipped with its reason; nothing here throws for one file. The door opens
 * the file (its deps): the CLI in a worker thread, the web app in the page.
 */
import { communeReadOf, type FileFacts, type FileRead, type SkipReason } from "../../core/consolidate/reads";
import { identityOf } from "../../core/document/identity";
import type { WorkbookPort } from "../../core/port";
import type { RunDeps } from "../run-context";
import { loadSnapshots } from "./changes";
import { checkWorkbook } from "./check";

export interface CommuneReadDeps extends RunDeps {
  /** Opens the file as a read-only port (the door's adapter), with the sheets it had to skip. */
  open: () => Promise<{ port: WorkbookPort; damagedSheets: () => readonly string[] }>;
  /** The reason a failure of the adapter's gives (not a workbook, damaged…), null for any other error. */
  failureOf: (e: unknown) => { reason: SkipReason; code: string } | null;
}

/** The message of an unexpected error, short (it goes into the city's list of files). */
function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/\s+/g, " ").slice(0, 200);
}

export async function readCommune(facts: FileFacts, asOf: string, deps: CommuneReadDeps): Promise<FileRead> {
  try {
    const { port, damagedSheets } = await deps.open();
    const { report, settings, settingsWarning } = await checkWorkbook(port, { asOf }, deps);
    const { book } = await loadSnapshots(port);
    const checked = {
      report,
      identity: identityOf(report, settings),
      summaryDates: book.snapshots.map((s) => s.asOf),
      damagedSheets: damagedSheets(),
      settingsCorrupt: !!settingsWarning,
    };
    return communeReadOf(checked, facts, asOf);
  } catch (e) {
    const failure = deps.failureOf(e);
    return failure
      ? { kind: "skipped", file: facts.file, ...failure }
      : { kind: "skipped", file: facts.file, reason: "read_failed", code: errorText(e) };
  }
}
