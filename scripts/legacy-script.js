/**
 * Builds the old-engine script (src/legacy/old-engine.js, ES5) that taskpane.html and commands.html load
 * before the bundles, and the webpack plugin that emits it and puts its <script> first among the pages'
 * script tags. Its data is read at build time from the TypeScript sources, never copied:
 *   - the texts from src/i18n/legacy.ts,
 *   - the ribbon's function names from src/commands/names.ts (COMMAND_NAMES),
 *   - the dialog's close message and safety timer from src/commands/dialog.ts.
 * The TypeScript modules are transpiled in memory (typescript's transpileModule) and evaluated with a
 * small require that follows their relative imports, so the names module may import others.
 * The output is plain ASCII (non-ASCII as \u escapes), whatever charset the old engine assumes.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const ROOT = path.resolve(__dirname, "..");
const TEMPLATE = path.join(ROOT, "src/legacy/old-engine.js");
const PLACEHOLDER = "/*@PHULUC_LEGACY_DATA@*/ null";
/** The sources the script is made from (watched in `npm start`). */
const SOURCES = [TEMPLATE, "src/i18n/legacy.ts", "src/commands/names.ts", "src/commands/dialog.ts"].map((p) => path.resolve(ROOT, p));
/**
 * The newest syntax the bundles may use (their TypeScript target is ES2022): the old-engine script tests
 * for the features that shipped with it, and test/e2e/old-engine.e2e.test.ts checks the bundles against it.
 */
const BUNDLE_ECMA_VERSION = 2022;

/** Load a TypeScript (or JavaScript) module of this repository, transpiled to CommonJS in memory. */
function requireSource(file, cache = new Map()) {
  const abs = path.resolve(file);
  if (cache.has(abs)) return cache.get(abs).exports;
  const ts = require("typescript");
  const source = fs.readFileSync(abs, "utf8");
  const js = /\.tsx?$/.test(abs)
    ? ts.transpileModule(source, {
        fileName: abs,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          jsx: ts.JsxEmit.ReactJSX,
          esModuleInterop: true,
        },
      }).outputText
    : source;
  const module = { exports: {} };
  cache.set(abs, module);
  const localRequire = (request) => {
    if (!request.startsWith(".")) return require(request);
    const base = path.resolve(path.dirname(abs), request);
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, "index.ts")].find(
      (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
    );
    if (!found) throw new Error(`legacy-script: cannot resolve ${request} from ${abs}`);
    return requireSource(found, cache);
  };
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${js}\n})`, { filename: abs });
  wrapper(module.exports, localRequire, module, abs, path.dirname(abs));
  return module.exports;
}

/** What the script needs, from the sources. */
function legacyData() {
  const { legacyTexts } = requireSource(path.join(ROOT, "src/i18n/legacy.ts"));
  const { COMMAND_NAMES } = requireSource(path.join(ROOT, "src/commands/names.ts"));
  const { DIALOG_CLOSE, DIALOG_MAX_OPEN_MS } = requireSource(path.join(ROOT, "src/commands/dialog.ts"));
  if (!legacyTexts || !Array.isArray(COMMAND_NAMES) || !COMMAND_NAMES.length || !DIALOG_CLOSE)
    throw new Error("legacy-script: texts, command names or the dialog constants are missing");
  return { texts: legacyTexts, commands: [...COMMAND_NAMES], dialogClose: DIALOG_CLOSE, dialogMaxOpenMs: DIALOG_MAX_OPEN_MS };
}

/** JSON as ASCII-only ES5 source (also escapes U+2028/U+2029, which ES5 string literals may not hold). */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** The script's text. */
function buildLegacyScript() {
  const template = fs.readFileSync(TEMPLATE, "utf8");
  if (!template.includes(PLACEHOLDER)) throw new Error(`legacy-script: ${TEMPLATE} lost its placeholder ${PLACEHOLDER}`);
  return template.replace(PLACEHOLDER, () => asciiJson(legacyData()));
}

/**
 * Emits the script (legacy.<hash>.js in production, legacy.js in development) and puts a classic
 * <script> for it first among each page's injected tags: it runs after office.js (in the template) and
 * before the bundles, which are module scripts (Internet Explorer skips those altogether).
 */
class LegacyScriptPlugin {
  constructor(options = {}) {
    this.hashed = options.hashed !== false;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const HtmlWebpackPlugin = require("html-webpack-plugin");
    compiler.hooks.thisCompilation.tap("PhulucLegacyScript", (compilation) => {
      let file = null;
      compilation.hooks.processAssets.tap({ name: "PhulucLegacyScript", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const code = buildLegacyScript();
        const hash = crypto.createHash("sha256").update(code).digest("hex").slice(0, 8);
        file = this.hashed ? `legacy.${hash}.js` : "legacy.js";
        compilation.emitAsset(file, new sources.RawSource(code));
        for (const f of SOURCES) compilation.fileDependencies.add(f);
      });
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PhulucLegacyScript", (data) => {
        if (!file) throw new Error("legacy-script: the script was not emitted before the pages");
        const publicPath = data.publicPath || "";
        data.headTags.unshift({
          tagName: "script",
          voidTag: false,
          meta: { plugin: "PhulucLegacyScript" },
          attributes: { src: publicPath + file },
        });
        return data;
      });
    });
  }
}

module.exports = { buildLegacyScript, legacyData, requireSource, LegacyScriptPlugin, BUNDLE_ECMA_VERSION, SOURCES };
