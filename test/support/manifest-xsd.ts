/**
 * Validating a manifest against Microsoft's add-in XSDs offline (xmllint). The XSDs are not ours to
 * commit: the folder comes from PHULUC_MANIFEST_SCHEMAS, else ../shared/manifest-schemas beside the
 * repository when it exists. Without them (or without xmllint, outside CI) the XSD tests are skipped on
 * purpose and the run's summary says so in one line (test/support/skip-note.ts).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { testUnless } from "./skip-note";

const ROOT = path.resolve(__dirname, "../..");
export const SCHEMA_DIR = process.env.PHULUC_MANIFEST_SCHEMAS || path.resolve(ROOT, "../shared/manifest-schemas");
export const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");

function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
}

/** Why the XSD tests cannot run here (null: they run). A folder named but missing, or CI without xmllint, is an error. */
function xsdSkipReason(): string | null {
  if (!fs.existsSync(SCHEMA)) {
    if (process.env.PHULUC_MANIFEST_SCHEMAS) throw new Error(`PHULUC_MANIFEST_SCHEMAS names no XSD folder: ${SCHEMA_DIR}`);
    return `manifest XSD validation — no schema folder (set PHULUC_MANIFEST_SCHEMAS; looked in ${SCHEMA_DIR})`;
  }
  if (!hasCommand("xmllint")) {
    if (process.env.CI) throw new Error("xmllint is missing (apt-get install libxml2-utils)");
    return "manifest XSD validation — xmllint is not installed (apt-get install libxml2-utils)";
  }
  return null;
}

export const XSD_SKIP_REASON = xsdSkipReason();

/** `test` when the XSD check can run here, else a test skipped with the reason. */
export const xsdTest = testUnless(XSD_SKIP_REASON);

/** xmllint's verdict on a manifest's text: ok when it "validates" (exit 0). */
export function validateManifest(xml: string): { ok: boolean; output: string } {
  const r = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, "-"], { input: xml, encoding: "utf8" });
  return { ok: r.status === 0 && r.stderr.includes("validates"), output: r.stderr };
}
