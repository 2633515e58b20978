/**
 * The floor plan as a lint rule: which folder of src/ may import which. One table (layers.json), read by
 * the eslint config (the rule `phuluc/layers`, on static imports, re-exports and dynamic `import()`) and by
 * the test that docs/architecture.md shows the same table and names every folder (test/architecture/).
 *
 * `runtime`: the folders a file may import anything from. `types`: those it may import types from only
 * (`import type`, or `import { type X }` with nothing else). A folder always imports itself.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** @type {Record<string, { layer: string, runtime: string[], types?: string[] }>} */
export const LAYERS = JSON.parse(fs.readFileSync(new URL("./layers.json", import.meta.url), "utf8"));

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** The folder of src/ a path is in (null outside src/). */
function folderOf(file) {
  const rel = path.relative(SRC, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0];
}

/** Why `from` may not import `to` (null when it may). */
export function forbidden(from, to, typeOnly) {
  if (from === to || !(from in LAYERS)) return null;
  const rule = LAYERS[from];
  if (rule.runtime.includes(to)) return null;
  if (typeOnly && rule.types?.includes(to)) return null;
  if (rule.types?.includes(to)) return `src/${from} may import only types from src/${to}`;
  return `src/${from} may not import src/${to}`;
}

const typeOnlyImport = (node) =>
  node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));

const typeOnlyExport = (node) =>
  node.exportKind === "type" || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.exportKind === "type"));

/** A string the import names, when it is one written out (a literal, or a template without expressions). */
function sourceText(source) {
  if (!source) return null;
  if (source.type === "Literal" && typeof source.value === "string") return source.value;
  if (source.type === "TemplateLiteral" && source.expressions.length === 0) return source.quasis[0].value.cooked;
  return null;
}

export const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "Keep the floor plan: a folder of src/ imports only the folders its layer may use (docs/architecture.md)." },
    schema: [],
    messages: {
      forbidden: "{{why}} (the floor plan: docs/architecture.md).",
      unplanned: "src/{{folder}} is not in the floor plan: give it a row in scripts/lint/layers.json and docs/architecture.md.",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = folderOf(path.resolve(file));
    if (!from) return {};
    if (!(from in LAYERS)) return { Program: (node) => context.report({ node, messageId: "unplanned", data: { folder: from } }) };
    const check = (node, source, typeOnly) => {
      const spec = sourceText(source);
      if (!spec || !spec.startsWith(".")) return;
      const to = folderOf(path.resolve(path.dirname(path.resolve(file)), spec));
      const why = to && forbidden(from, to, typeOnly);
      if (why) context.report({ node, messageId: "forbidden", data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, typeOnlyExport(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
    };
  },
};
