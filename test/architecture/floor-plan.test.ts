/**
 * docs/architecture.md is the floor plan people read: its layer table is the one the lint enforces
 * (scripts/lint/layers.json), and it names every folder under src/ down to two levels (src/core,
 * src/core/returned-copies; deeper folders are named where they help, not checked).
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const DOC = fs.readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
const LAYERS = JSON.parse(fs.readFileSync(path.join(ROOT, "scripts/lint/layers.json"), "utf8")) as Record<
  string,
  { layer: string; runtime: string[]; types?: string[] }
>;

/** The folders under src/ down to `depth` levels, as "core", "core/returned-copies"… */
function foldersUnder(dir: string, depth: number, rel = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const name = rel ? `${rel}/${e.name}` : e.name;
    out.push(name, ...(depth > 1 ? foldersUnder(path.join(dir, e.name), depth - 1, name) : []));
  }
  return out;
}

/** The rows of the "## Layers" table: folder → its layer, run-time imports and type-only imports. */
function layerRows(): Map<string, { layer: string; runtime: string[]; types: string[] }> {
  const section = DOC.slice(DOC.indexOf("## Layers"), DOC.indexOf("## The rooms"));
  const names = (cell: string) => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]).sort();
  const rows = new Map<string, { layer: string; runtime: string[]; types: string[] }>();
  for (const line of section.split("\n")) {
    const m = /^\| `src\/([a-z0-9-]+)` \|(.*)\|$/.exec(line);
    if (!m) continue;
    const [layer, runtime, types] = m[2].split("|").map((c) => c.trim());
    rows.set(m[1], { layer, runtime: names(runtime), types: names(types) });
  }
  return rows;
}

test("every folder under src/, two levels down, is named in docs/architecture.md", () => {
  const unnamed = foldersUnder(path.join(ROOT, "src"), 2).filter((f) => !new RegExp(`src/${f}(?![\\w-])`).test(DOC));
  expect(unnamed).toEqual([]);
});

test("the layer table of docs/architecture.md is the one the lint enforces", () => {
  const rows = layerRows();
  const expected = new Map(
    Object.entries(LAYERS).map(([folder, l]) => [
      folder,
      { layer: l.layer, runtime: [...l.runtime].sort(), types: [...(l.types ?? [])].sort() },
    ]),
  );
  expect(rows).toEqual(expected);
});

test("every top folder of src/ has its row in the lint's table", () => {
  const top = fs.readdirSync(path.join(ROOT, "src"), { withFileTypes: true }).filter((e) => e.isDirectory());
  expect(top.map((e) => e.name).filter((f) => !(f in LAYERS))).toEqual([]);
});
