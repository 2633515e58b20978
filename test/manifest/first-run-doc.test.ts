/**
 * docs/first-run-in-excel.md is what the first person with real Excel follows: it must name every button the
 * manifest puts on the ribbon (four, not three), and keep the notes that real Excel needs (the file picker
 * in a blank workbook, office-js#1577; the store at scale; two runtimes).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const doc = fs.readFileSync(path.join(ROOT, "docs/first-run-in-excel.md"), "utf8");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** The Vietnamese labels of the ribbon's buttons, from the manifest's controls and strings. */
function ribbonLabels(): string[] {
  const resids = [...manifest.matchAll(/<Control xsi:type="Button"[^>]*>\s*<Label resid="([^"]+)"/g)].map((m) => m[1]);
  return resids.map((id) => new RegExp(`<bt:String id="${id.replace(".", "\\.")}" DefaultValue="([^"]+)"`).exec(manifest)![1]);
}

test("the checklist names every ribbon button of the manifest", () => {
  const labels = ribbonLabels();
  expect(labels).toHaveLength(4);
  const before = doc.slice(doc.indexOf("## Before you start"), doc.indexOf("## The checks"));
  for (const l of labels) expect(before).toContain(`**${l}**`);
  expect(before).toMatch(/four buttons/);
});

test("the checklist keeps what real Excel needs: a blank workbook for the file picker, the store at scale, two runtimes", () => {
  expect(doc).toContain("office-js#1577");
  expect(doc).toMatch(/\| 13 \|[^\n]*blank workbook/);
  expect(doc).toMatch(/\| 15 \| \*\*The store at scale\*\*/);
  expect(doc).toMatch(/\| 16 \| \*\*Two runtimes\*\*/);
  expect(doc).toContain("npm run bench -- full-store");
});
