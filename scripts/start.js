#!/usr/bin/env node
/**
 * `npm start`: build and serve phuluc with webpack's dev server (https://localhost:3000 when the Office dev
 * certificates exist, else http), say in Vietnamese where things are, and open the web app on the bundled
 * sample when a browser can be opened. Never fails because no browser exists. Options: --no-open,
 * PHULUC_PORT=NNNN. Webpack's own progress lines are kept quiet: one line per build (errors in full).
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

/** One Vietnamese line per build; webpack's errors and warnings as webpack writes them. */
function reportBuilds(compiler) {
  compiler.hooks.done.tap("PhulucStart", (stats) => {
    const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1).replace(".", ",");
    if (stats.hasErrors()) {
      console.log(`Dựng lỗi (${seconds} giây):`);
      console.log(stats.toString({ all: false, errors: true, warnings: true, colors: true }));
      return;
    }
    console.log(`Đã dựng xong (${seconds} giây). Sửa mã nguồn thì trang tự tải lại.`);
  });
}

async function main() {
  const makeConfig = require(path.join(__dirname, "..", "webpack.config.js"));
  const config = makeConfig({}, { mode: "development" });
  config.stats = "none";
  config.infrastructureLogging = { level: "error" };
  const compiler = webpack(config);
  reportBuilds(compiler);
  const server = new WebpackDevServer(config.devServer, compiler);
  await server.start();
  const https = config.devServer.server && config.devServer.server.type === "https";
  const base = `${https ? "https" : "http"}://localhost:${config.devServer.port}`;
  const app = `${base}/index.html?sample=1`;
  console.log("");
  console.log(`phuluc đang chạy tại ${base}/`);
  console.log(`  Ứng dụng web (mở sẵn tệp mẫu): ${app}`);
  console.log(
    `  Ngăn tác vụ trong Excel: nạp manifest.xml (Trang đầu → Phần bổ trợ → Tải lên Phần bổ trợ của Tôi), trang ${base}/taskpane.html`,
  );
  console.log("  Nhấn Ctrl+C để dừng.");
  if (canOpenBrowser()) openBrowser(app);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`Không khởi động được máy chủ phát triển: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
