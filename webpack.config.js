/**
 * Builds phuluc's pages: the web app (src/webapp → index.html, with manifest.webmanifest and, in
 * production, the service worker sw.js), the task pane (src/taskpane → taskpane.html), the ribbon commands
 * (src/commands → commands.html) and the support page; each page with a script is led by the old-engine
 * script (src/legacy, scripts/legacy-script.js). Production: minified, content-hashed names, size hints.
 * Dev: `webpack serve` on https://localhost:3000 with the Office dev certificates when present
 * (~/.office-addin-dev-certs), else plain http.
 * --env outDir=DIR builds into DIR instead of dist/; --env release (scripts/release.ts) leaves out the
 * source maps and the publishing note.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { LegacyScriptPlugin, requireSource } = require("./scripts/legacy-script");
const { ServiceWorkerPlugin, WebManifestPlugin } = require("./scripts/webapp-plugins");

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

/**
 * Only our own origin (and, for the add-in's pages, Office.js); no inline scripts. Dev adds the dev
 * server's websocket. The web app loads nothing from elsewhere: it works with no network.
 */
function csp(dev, https, office = true) {
  const cdn = office ? ` ${OFFICE_CDN}` : "";
  const connect = [`'self'${cdn}`];
  if (dev) connect.push(`${https ? "wss" : "ws"}://localhost:${PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    // Fluent UI (Griffel) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    `frame-src 'self'${cdn}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** After `npm run build`: the build is for development; a release is made with `npm run release`. */
class PublishNotePlugin {
  apply(compiler) {
    compiler.hooks.done.tap("PhulucPublishNote", (stats) => {
      if (stats.hasErrors()) return;
      console.log(
        [
          "phuluc: đã dựng bản production trong dist/ (để thử và đo kích thước).",
          "  Để phát hành cho xã/tỉnh: npm run release -- --origin https://địa-chỉ-máy-chủ/đường-dẫn/",
          "  (thư mục release/ và tệp .zip của nó, kèm manifest.xml cho địa chỉ đó; xem docs/deploy.md).",
        ].join("\n"),
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const release = !!env.release;
  const certs = dev ? devCerts() : null;
  const hasCommands =
    fs.existsSync(path.join(root, "src/commands/commands.ts")) && fs.existsSync(path.join(root, "src/commands/commands.html"));

  const entry = { app: "./src/webapp/index.tsx", taskpane: "./src/taskpane/index.tsx" };
  if (hasCommands) entry.commands = "./src/commands/commands.ts";

  const plugins = [
    // The web app: the page offices open in a browser (no Office.js), installable, usable offline.
    new HtmlWebpackPlugin({
      filename: "index.html",
      template: "./src/webapp/index.html",
      chunks: ["app"],
      csp: csp(dev, !!certs, false),
      scriptLoading: "module",
    }),
    new WebManifestPlugin(),
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
      // The icons and the sample (assets/seed-data is what the sample is made from, not served).
      patterns: [{ from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.*", "**/seed-data/**"] } }],
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

  if (!dev) plugins.push(new ServiceWorkerPlugin({ entry: "app" }));
  if (!dev && !release) plugins.push(new PublishNotePlugin());

  if (dev) {
    console.log(
      certs
        ? `phuluc: chạy https://localhost:${PORT} (chứng chỉ phát triển của Office trong ~/.office-addin-dev-certs).`
        : `phuluc: chưa có chứng chỉ phát triển của Office (~/.office-addin-dev-certs) nên chạy http://localhost:${PORT}: đủ cho ứng dụng web; Excel cần https — chạy "npx office-addin-dev-certs install".`,
    );
  }

  return {
    mode: dev ? "development" : "production",
    context: root,
    entry,
    // No eval in dev either: the page's CSP forbids it.
    devtool: dev ? "cheap-module-source-map" : release ? false : "source-map",
    output: {
      path: env.outDir ? path.resolve(env.outDir) : path.join(root, "dist"),
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
