#!/usr/bin/env node
/**
 * `npm start`: build and serve the add-in with webpack's dev server (https://localhost:3000 when the
 * Office dev certificates exist, else http), print the browser-preview URL and open it when a browser
 * can be opened. Never fails because no browser exists. Options: --no-open, PHULUC_PORT=NNNN.
 */
const { spawn } = require("child_process");
const path = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");

function canOpenBrowser() {
  if (process.argv.includes("--no-open") || process.env.CI) return false;
  if (process.platform === "linux") return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

function openBrowser(url) {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "cmd" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => console.log(`(Không mở được trình duyệt — hãy mở ${url})`));
    child.unref();
  } catch {
    console.log(`(Không mở được trình duyệt — hãy mở ${url})`);
  }
}

async function main() {
  const makeConfig = require(path.join(__dirname, "..", "webpack.config.js"));
  const config = makeConfig({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
  const https = config.devServer.server && config.devServer.server.type === "https";
  const base = `${https ? "https" : "http"}://localhost:${config.devServer.port}`;
  const preview = `${base}/taskpane.html?sample=1`;
  console.log("");
  console.log(`phuluc đang chạy: ${base}/taskpane.html`);
  console.log(`Xem thử trên trình duyệt (mở sẵn tệp mẫu): ${preview}`);
  console.log("Trong Excel: nạp manifest.xml (Chèn → Bổ trợ → Tải lên bổ trợ). Nhấn Ctrl+C để dừng.");
  if (canOpenBrowser()) openBrowser(preview);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`Không khởi động được máy chủ phát triển: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
