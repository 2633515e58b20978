/**
 * Builds the release once for every end-to-end suite, as a commune would: `npm run release -- --origin
 * http://localhost:PORT/` (a free port, then served as plain static files by test/e2e/static-server.ts).
 * The port reaches the suites as PHULUC_E2E_PORT. PHULUC_E2E_SKIP_BUILD=1 reuses a release/ already
 * there (its port read back from its manifest).
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");

const root = path.join(__dirname, "..", "..");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function builtPort() {
  const manifest = path.join(root, "release", "manifest.xml");
  if (process.env.PHULUC_E2E_SKIP_BUILD !== "1" || !fs.existsSync(manifest)) return null;
  const m = /SourceLocation DefaultValue="http:\/\/localhost:(\d+)\//.exec(fs.readFileSync(manifest, "utf8"));
  return m ? Number(m[1]) : null;
}

module.exports = async () => {
  let port = builtPort();
  if (!port) {
    port = await freePort();
    execFileSync(process.execPath, [path.join(root, "lib", "scripts", "release.js"), "--origin", `http://localhost:${port}/`], {
      cwd: root,
      stdio: "pipe",
    });
  }
  process.env.PHULUC_E2E_PORT = String(port);
};
