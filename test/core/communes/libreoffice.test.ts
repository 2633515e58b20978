/**
 * The corpus of other communes' shapes re-saved through LibreOffice (files passed around the communes
 * often were): each shape is written to .xlsx, converted by `soffice --convert-to xlsx` (one run for all
 * of them), read back through the file adapter, and must give the very same tasks, indicators, issues and
 * skipped sheets as the shape read directly. (LibreOffice shows the active sheet even when it was saved
 * hidden: the hidden copy sits after the live sheet, as in real workbooks.) Without soffice the test fails
 * on CI and is skipped (with a warning) elsewhere.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { analyze } from "../../../src/core/analyze";
import { defaultSettings } from "../../../src/core/settings";
import { XlsxWorkbookPort } from "../../../src/xlsx/port";
import { buildXlsx, makeTempDir, removeTempDir } from "../../support/xlsx-builder";
import { actual, expected } from "./read";
import { SHAPES } from "./shapes";
import { sofficeConvert } from "../../support/soffice";

const available = !spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60000 }).error;
if (!available) {
  if (process.env.CI) throw new Error("soffice missing: install libreoffice-calc-nogui");
  console.warn("libreoffice.test.ts skipped: soffice not installed");
}
const loTest = available ? test : test.skip;

let dir: string;
beforeAll(() => {
  dir = makeTempDir("phuluc-communes-");
});
afterAll(() => removeTempDir(dir));

loTest(
  "every shape re-saved through LibreOffice reads the same",
  async () => {
    const inputs: string[] = [];
    for (const s of SHAPES) {
      const file = path.join(dir, `${s.id}.xlsx`);
      fs.writeFileSync(file, await buildXlsx(s.grids()));
      inputs.push(file);
    }
    const out = path.join(dir, "resaved");
    sofficeConvert(inputs, { to: "xlsx", outDir: out, profile: path.join(dir, "lo-profile"), timeout: 180000 });

    for (const s of SHAPES) {
      const resaved = path.join(out, `${s.id}.xlsx`);
      expect({ shape: s.id, exists: fs.existsSync(resaved) }).toEqual({ shape: s.id, exists: true });
      // LibreOffice rewrote the package (its own styles, shared strings, sheet XML)
      expect(fs.readFileSync(resaved).equals(fs.readFileSync(path.join(dir, `${s.id}.xlsx`)))).toBe(false);
      const port = await XlsxWorkbookPort.fromBytes(fs.readFileSync(resaved), `${s.id}.xlsx`);
      const report = analyze(await port.readSheets(), { asOf: s.asOf, settings: { ...defaultSettings(), ...(s.settings ?? {}) } });
      expect({ shape: s.id, ...actual(report) }).toEqual({ shape: s.id, ...expected(s) });
    }
  },
  240000,
);
