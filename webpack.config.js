/**
 * Builds the add-in's web part: the task pane (src/taskpane → taskpane.html) and the ribbon commands
 * (src/commands → commands.html, when present), each page led by the old-engine script (src/legacy,
 * scripts/legacy-script.js). Production: minified, content-hashed names, size hints.
 * Dev: `webpack serve` on https://localhost:3000 with the Office dev certificates when present
 * (~/.office-addin-dev-certs), else plain http.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { LegacyScriptPlugin, requireSource } = require("./scripts/legacy-script");

const root = __dirname;
const PORT = Number(process.env.PHULUC_PORT || 3000);
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function devCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (
    !Object.values(files)
      .slice(0, 2)
      .every((f) => fs.existsSync(path.join(dir, f)))
  )
    return null;
  const out = {};
  for (const [k, f] of Object.entries(files)) if (fs.existsSync(path.join(dir, f))) out[k] = fs.readFileSync(path.join(dir, f));
  return out;
}

/** Only our own origin and Office.js; no inline scripts. Dev adds the dev server's websocket. */
function csp(dev, https) {
  const connect = ["'self'", OFFICE_CDN];
  if (dev) connect.push(`${https ? "wss" : "ws"}://localhost:${PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    `frame-src 'self' ${OFFICE_CDN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** After a production build: how to publish it (the origin and the manifest come from scripts/manifest.config.json). */
class PublishNotePlugin {
  apply(compiler) {
    compiler.hooks.done.tap("PhulucPublishNote", (stats) => {
      if (stats.hasErrors()) return;
      const config = JSON.parse(fs.readFileSync(path.join(root, "scripts/manifest.config.json"), "utf8"));
      const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
      console.log(
        [
          `phuluc ${version}: production build in dist/. To publish:`,
          `  1. copy everything in dist/ to ${config.production.origin}/ (https; serve .js as text/javascript);`,
          `  2. give users ${config.production.file} (Version ${version}.0): Excel on the web → Add-ins → Upload My Add-in, or a shared-folder / admin-center catalog;`,
          `  3. next release: npm version patch (or minor), npm run manifest, npm run build, publish again — the new Version makes Office drop its cached pane.`,
          `  The origin is set in scripts/manifest.config.json (production.origin); README.md "Publishing" has the details.`,
        ].join("\n"),
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode !== "production";
  const certs = dev ? devCerts() : null;
  const hasCommands =
    fs.existsSync(path.join(root, "src/commands/commands.ts")) && fs.existsSync(path.join(root, "src/commands/commands.html"));

  const entry = { taskpane: "./src/taskpane/index.tsx" };
  if (hasCommands) entry.commands = "./src/commands/commands.ts";

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      csp: csp(dev, !!certs),
      // Module scripts: deferred like "defer", and skipped altogether by Internet Explorer 11 (Office
      // 2016/2019's web view), where the old-engine script (src/legacy) shows what to use instead.
      scriptLoading: "module",
    }),
    new LegacyScriptPlugin({ hashed: !dev }),
    // The manifests' SupportUrl: a static page (no script), its texts from src/i18n/support.ts.
    new HtmlWebpackPlugin({
      filename: "support.html",
      template: "./src/support/support.html",
      chunks: [],
      inject: false,
      texts: requireSource(path.join(root, "src/i18n/support.ts")).supportTexts,
    }),
    new CopyWebpackPlugin({
      patterns: [{ from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.*"] } }],
    }),
  ];
  if (hasCommands) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: csp(dev, !!certs),
        scriptLoading: "module",
      }),
    );
  }

  if (!dev) plugins.push(new PublishNotePlugin());

  if (dev) {
    console.log(
      certs
        ? `phuluc: https://localhost:${PORT} (Office dev certificates from ~/.office-addin-dev-certs)`
        : `phuluc: no Office dev certificates in ~/.office-addin-dev-certs — serving plain http://localhost:${PORT} (fine for the browser preview; Excel needs https: run "npx office-addin-dev-certs install")`,
    );
  }

  return {
    mode: dev ? "development" : "production",
    context: root,
    entry,
    // No eval in dev either: the page's CSP forbids it.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    output: {
      path: path.join(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's browser build is self-contained; nothing else may pull Node built-ins into the page.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
        },
        // docx: its unused template-patching code (the only look-behind regex in it) is dropped.
        { test: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/, use: path.join(root, "scripts/docx-pure-loader.js") },
      ],
    },
    plugins,
    optimization: {
      // Code shared by the lazy chunks (zod, core: engine + Office.js adapter + preview) is loaded once.
      splitChunks: { chunks: "async" },
    },
    performance: {
      hints: dev ? false : "warning",
      // Initial task pane script (raw, not gzip): ~200 KB gzip budget ≈ 700 KB raw.
      maxEntrypointSize: 700 * 1024,
      // The preview chunk carries ExcelJS (~1 MB) and loads only in a plain browser.
      maxAssetSize: 1300 * 1024,
      assetFilter: (name) => name.endsWith(".js"),
    },
    devServer: {
      port: PORT,
      host: "localhost",
      server: certs ? { type: "https", options: certs } : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false },
      historyApiFallback: false,
    },
  };
};
