/**
 * The web app's two generated files (production builds):
 *   manifest.webmanifest  the installable app: its Vietnamese name and description (src/i18n/webapp.ts),
 *                         icons, start page and the .xlsx file handler; every address relative, so the
 *                         release works under any sub-path;
 *   sw.js                 src/webapp/service-worker.js with the list of the web app's files (index.html,
 *                         the scripts of the "app" entry and every chunk it may load, the old-engine script,
 *                         the web-app manifest, icons, the sample, the support page) and a version made from
 *                         their contents, so each release gets its own cache and a changed file a new worker.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { requireSource } = require("./legacy-script");

const ROOT = path.resolve(__dirname, "..");
const SW_TEMPLATE = path.join(ROOT, "src/webapp/service-worker.js");
const SW_PLACEHOLDER = '/*@PHULUC_PRECACHE@*/ { version: "dev", files: ["index.html"] }';
const WEBAPP_TEXTS = path.join(ROOT, "src/i18n/webapp.ts");

/** Icons of the installed app (assets/icon-N.png, made by scripts/make-icons.ts). */
const APP_ICONS = [192, 512];
/** Files of the web app besides its scripts (relative to the folder). */
const APP_FILES = [
  "index.html",
  "manifest.webmanifest",
  "support.html",
  "assets/sample.xlsx",
  "assets/icon-32.png",
  ...APP_ICONS.map((s) => `assets/icon-${s}.png`),
];

function webManifest() {
  const t = requireSource(WEBAPP_TEXTS).WEBAPP_TEXTS.vi;
  return {
    id: "./index.html",
    name: t.appName,
    short_name: t.shortName,
    description: t.appDescription,
    lang: "vi",
    dir: "ltr",
    start_url: "./index.html",
    scope: "./",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#217346",
    icons: APP_ICONS.map((s) => ({ src: `assets/icon-${s}.png`, sizes: `${s}x${s}`, type: "image/png", purpose: "any" })),
    file_handlers: [
      {
        action: "./index.html",
        accept: {
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
          "application/vnd.ms-excel.sheet.macroEnabled.12": [".xlsm"],
        },
      },
    ],
  };
}

class WebManifestPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PhulucWebManifest", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PhulucWebManifest", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("manifest.webmanifest", new sources.RawSource(JSON.stringify(webManifest(), null, 2) + "\n"));
        compilation.fileDependencies.add(WEBAPP_TEXTS);
      });
    });
  }
}

/** Every file the entry's chunks and the chunks they may load hold (source maps aside). */
function entryFiles(compilation, entry) {
  const point = compilation.entrypoints.get(entry);
  if (!point) throw new Error(`webapp-plugins: no entry "${entry}"`);
  const files = new Set();
  for (const chunk of point.chunks) {
    for (const c of [chunk, ...chunk.getAllAsyncChunks()]) for (const f of c.files) if (!f.endsWith(".map")) files.add(f);
  }
  return [...files];
}

class ServiceWorkerPlugin {
  constructor(options = { entry: "app" }) {
    this.entry = options.entry;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PhulucServiceWorker", (compilation) => {
      // After the pages (html-webpack-plugin emits them at OPTIMIZE_INLINE) and the minifier.
      compilation.hooks.processAssets.tap({ name: "PhulucServiceWorker", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const legacy = Object.keys(compilation.assets).filter((f) => /^legacy\.[0-9a-f]{8}\.js$/.test(f));
        const files = [...new Set([...APP_FILES, ...legacy, ...entryFiles(compilation, this.entry)])].sort();
        const missing = files.filter((f) => !compilation.getAsset(f));
        if (missing.length) throw new Error(`webapp-plugins: the service worker would precache missing files: ${missing.join(", ")}`);
        const hash = crypto.createHash("sha256");
        for (const f of files) hash.update(f).update("\0").update(compilation.getAsset(f).source.buffer());
        const release = { version: hash.digest("hex").slice(0, 12), files };
        const template = fs.readFileSync(SW_TEMPLATE, "utf8");
        if (!template.includes(SW_PLACEHOLDER)) throw new Error(`webapp-plugins: ${SW_TEMPLATE} lost its placeholder`);
        compilation.emitAsset("sw.js", new sources.RawSource(template.replace(SW_PLACEHOLDER, () => JSON.stringify(release))));
        compilation.fileDependencies.add(SW_TEMPLATE);
      });
    });
  }
}

module.exports = { WebManifestPlugin, ServiceWorkerPlugin, webManifest, APP_ICONS, SW_PLACEHOLDER };
